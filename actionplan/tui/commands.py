"""The command palette: every board action by name, so nothing depends on remembering a key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class BoardCommands(Provider):
    """Offers each board binding (with its key) as a command."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from textual.binding import Binding

        from actionplan.tui.screens.board import BoardScreen

        screen = self.app.screen_stack[0] if self.app.screen_stack else None
        board = next((s for s in self.app.screen_stack if isinstance(s, BoardScreen)), screen)
        if not isinstance(board, BoardScreen):
            return []
        found = []
        for binding in BoardScreen.BINDINGS:
            assert isinstance(binding, Binding)
            name = binding.tooltip or binding.description
            found.append((name, binding.key.split(",")[0], binding.action))
        return found

    async def _run(self, action: str) -> None:
        from actionplan.tui.screens.board import BoardScreen

        board = next((s for s in self.app.screen_stack if isinstance(s, BoardScreen)), None)
        if board is not None:
            await board.run_action(action)

    async def discover(self) -> Hits:
        for name, key, action in self._commands():
            yield DiscoveryHit(name, partial(self._run, action), help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, key, action in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self._run, action), help=f"key: {key}"
                )
