"""The command palette: every action of the view in front by name, so nothing depends on
remembering a key.

Its commands are the bindings of the screen the palette was opened on (with the agenda in
front, the agenda's; never the board's hidden behind it), each run as that screen's action,
and offered only while it applies (a card action needs a card).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from actionplan.tui.keys import screen_keys


class ViewCommands(Provider):
    """Offers each binding of the screen in front (with its key) as a command."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(name, key, action) of the screen's bindings that apply now."""
        screen = self.screen
        found = []
        for row in screen_keys(screen):
            binding = row.binding
            if row.node is not screen or not binding.description:
                continue
            if not _applies(screen, binding.action):
                continue
            found.append((row.what, row.shown_keys, binding.action))
        return found

    async def _run(self, action: str) -> None:
        await self.app.run_action(action, self.screen)

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


def _applies(screen: Screen[Any], action: str) -> bool:
    """The action would run now (its ``check_action`` does not refuse it)."""
    namespace, name, parameters = parse(action)
    target: DOMNode = screen.app if namespace == "app" else screen
    return target.check_action(name, parameters) is not False
