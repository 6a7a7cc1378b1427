"""The clipboard tells the truth: which way it copied, or why nothing was copied.

Every environment is made up (variables, platform, ``which``, the tmux query), and the tools
are small shell scripts in ``tmp_path`` that record what they were given.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from actionplan.clipboard import (
    OSC52,
    WINDOWS_CLIP,
    Clipboard,
    Run,
    Tool,
    copy,
    find_clipboard,
    is_wsl,
)

TEXT = "# Acme: what we're doing\n\n- Renew licence — due 22 Dec, promised 11 Dec\n* ünïcødé ✓\n"
TERM = {"TERM": "xterm-256color"}


class Tools:
    """Fake clipboard tools in a folder, and the ``which`` that finds them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: dict[str, str] = {}

    def script(self, name: str, body: str) -> str:
        path = self.folder / name.replace("/", "_")
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
        self.paths[name] = str(path)
        return str(path)

    def recording(self, *names: str) -> Tools:
        """Tools that keep their stdin, arguments and LC_CTYPE, and succeed."""
        for name in names:
            out = self.folder / name.replace("/", "_")
            self.script(
                name,
                f'cat > "{out}.stdin"; printf "%s\\n" "$@" > "{out}.args"; '
                f'printf "%s" "$LC_CTYPE" > "{out}.lc"',
            )
        return self

    def got(self, name: str, what: str = "stdin") -> bytes:
        return (self.folder / f"{name.replace('/', '_')}.{what}").read_bytes()

    def which(self, name: str) -> str | None:
        return self.paths.get(name)


@pytest.fixture
def tools(tmp_path: Path) -> Tools:
    return Tools(tmp_path)


def tmux(setting: str | None) -> tuple[dict[str, str], list[list[str]], Run]:
    """A tmux environment whose ``set-clipboard`` reads ``setting`` (None: unreadable): its
    variables, the commands it was asked to run, and the runner to pass as ``run``."""
    asked: list[list[str]] = []

    def run(argv: Sequence[str]) -> str | None:
        asked.append(list(argv))
        return None if setting is None else setting + "\n"

    env = {"TMUX": "/tmp/tmux-1000/default,4242,0", "TERM": "tmux-256color"}
    return env, asked, run


def nowhere(name: str) -> None:
    return None


# --- each environment -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "platform", "wsl", "recorded", "ways", "received"),
    [
        pytest.param(
            {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", **TERM},
            "linux",
            False,
            ("wl-copy", "xclip"),
            ["wl-copy", "xclip", OSC52],
            {"stdin": TEXT.encode(), "args": b"\n"},  # no arguments
            id="wayland-uses-wl-copy",
        ),
        pytest.param(
            {"DISPLAY": ":0", **TERM},
            "linux",
            False,
            ("xclip", "xsel"),
            ["xclip", "xsel", OSC52],
            {"stdin": TEXT.encode(), "args": b"-selection\nclipboard\n"},
            id="x11-xclip-uses-the-clipboard-selection",
        ),
        pytest.param(
            {"DISPLAY": ":0", **TERM},
            "linux",
            False,
            ("xsel",),
            ["xsel", OSC52],
            {"stdin": TEXT.encode(), "args": b"--clipboard\n--input\n"},
            id="x11-with-only-xsel",
        ),
        pytest.param(
            {"TERM_PROGRAM": "Apple_Terminal", **TERM},
            "darwin",
            None,
            ("pbcopy",),
            ["pbcopy"],  # macOS Terminal ignores OSC 52: no second way
            {"stdin": TEXT.encode(), "lc": b"UTF-8"},
            id="macos-uses-pbcopy-in-utf8",
        ),
        pytest.param(
            {"WSL_DISTRO_NAME": "Ubuntu", **TERM},
            "linux",
            None,
            ("clip.exe",),
            ["clip.exe", OSC52],
            {"stdin": b"\xff\xfe" + TEXT.encode("utf-16-le")},  # UTF-16 with a BOM
            id="wsl-uses-clip-exe-in-utf16-with-a-bom",
        ),
    ],
)
def test_each_environment_copies_with_its_first_tool_and_the_text_reaches_it_exactly(
    tools: Tools,
    env: dict[str, str],
    platform: str,
    wsl: bool | None,
    recorded: tuple[str, ...],
    ways: list[str],
    received: dict[str, bytes],
) -> None:
    tool = recorded[0]
    tools.recording(*recorded)
    board = find_clipboard(env, platform, tools.which, wsl=wsl)
    assert board.ways == ways
    copied = copy(TEXT, board)
    assert (copied.ok, copied.how, copied.osc52) == (True, tool, False)
    assert copied.message == f"Copied to the clipboard ({tool})"
    for what, value in received.items():  # its stdin, arguments or LC_CTYPE
        assert tools.got(tool, what) == value


def test_wsl_finds_clip_exe_off_the_path_and_from_proc_version(
    tools: Tools, tmp_path: Path
) -> None:
    tools.recording(WINDOWS_CLIP)
    version = tmp_path / "version"
    version.write_text("Linux version 5.15.153.1-microsoft-standard-WSL2 (gcc)")
    assert is_wsl({}, version) and not is_wsl({}, tmp_path / "missing")
    board = find_clipboard(TERM, "linux", tools.which, wsl=True)
    assert board.ways == ["clip.exe", OSC52]
    nothing = find_clipboard(TERM, "linux", nowhere, wsl=True)
    assert nothing.no_tool == "no clipboard tool here (clip.exe not found)"


@pytest.mark.parametrize(("setting", "works"), [("on", True), ("external", False), ("off", False)])
def test_tmux_passes_osc52_only_when_set_clipboard_is_on(setting: str, works: bool) -> None:
    env, asked, run = tmux(setting)
    board = find_clipboard(env, "linux", nowhere, run=run, wsl=False)
    assert asked == [["tmux", "show-options", "-gv", "set-clipboard"]]
    copied = copy(TEXT, board)
    assert copied.ok is works and copied.osc52 is works
    if works:
        assert copied.message == (
            "Sent to the terminal's clipboard (OSC 52): paste to check — some terminals ignore it"
        )
    else:
        assert copied.message == (
            "Nothing was copied: no clipboard tool here (no desktop display: over SSH?) "
            "and tmux ignores OSC 52 (set -g set-clipboard on)"
        )
        assert copied.reason == copied.message.removeprefix("Nothing was copied: ")


def test_tmux_unreadable_still_tries_osc52() -> None:
    env, _, run = tmux(None)
    assert find_clipboard(env, "linux", nowhere, run=run, wsl=False).osc52


def test_tmux_with_a_display_and_no_tool_says_what_to_install() -> None:
    env, _, run = tmux("external")
    board = find_clipboard({**env, "DISPLAY": ":1"}, "linux", nowhere, run=run, wsl=False)
    assert copy(TEXT, board).message == (
        "Nothing was copied: no clipboard tool here (install xclip or xsel) "
        "and tmux ignores OSC 52 (set -g set-clipboard on)"
    )


@pytest.mark.parametrize(
    ("env", "why"),
    [
        ({"TERM_PROGRAM": "Apple_Terminal", **TERM}, "macOS Terminal ignores OSC 52"),
        ({"TERM": "screen.xterm-256color", "STY": "1.pts-0"}, "GNU screen ignores OSC 52"),
        ({"TERM": "screen-256color"}, "GNU screen ignores OSC 52"),
        (
            {"VTE_VERSION": "7600", **TERM},
            "this terminal (GNOME Terminal or another VTE one) ignores OSC 52",
        ),
        ({"TERM": "linux"}, "the Linux console has no clipboard"),
        ({}, "this terminal cannot take OSC 52"),
    ],
)
def test_terminals_that_ignore_osc52(env: dict[str, str], why: str) -> None:
    board = find_clipboard(env, "linux", nowhere, wsl=False)
    assert (board.osc52, board.no_osc52) == (False, why)
    copied = copy(TEXT, board)
    assert not copied.ok and copied.how == ""
    assert copied.message.endswith(f" and {why}")


def test_over_ssh_in_a_good_terminal_osc52_is_the_way() -> None:
    board = find_clipboard({"TERM": "xterm-kitty", "SSH_TTY": "/dev/pts/3"}, "linux", nowhere)
    assert board == Clipboard((), True, "no clipboard tool here (no desktop display: over SSH?)")
    copied = copy(TEXT, board)
    assert (copied.ok, copied.how, copied.osc52) == (True, OSC52, True)


def test_nothing_at_all() -> None:
    board = find_clipboard({}, "linux", nowhere, wsl=False)
    assert board.ways == []
    copied = copy(TEXT, board)
    assert (copied.ok, copied.osc52) == (False, False)
    assert copied.message == (
        "Nothing was copied: no clipboard tool here (no desktop display: over SSH?) "
        "and this terminal cannot take OSC 52"
    )


def test_macos_without_pbcopy_and_wayland_without_wl_copy_say_so() -> None:
    mac = find_clipboard({"TERM_PROGRAM": "Apple_Terminal"}, "darwin", nowhere)
    assert mac.no_tool == "no clipboard tool here (pbcopy not found)"
    both = find_clipboard({"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}, "linux", nowhere, wsl=False)
    assert both.no_tool == "no clipboard tool here (install wl-copy (wl-clipboard), xclip or xsel)"


# --- tools that fail or hang ------------------------------------------------------------------


def test_a_failing_tool_falls_back_to_the_next(tools: Tools) -> None:
    tools.script("xclip", 'echo "Error: Can\'t open display: :0" >&2; exit 1')
    tools.recording("xsel")
    board = find_clipboard({"DISPLAY": ":0", **TERM}, "linux", tools.which, wsl=False)
    copied = copy(TEXT, board)
    assert (copied.ok, copied.how) == (True, "xsel")
    assert copied.message == (
        "Copied to the clipboard (xsel; xclip failed (Error: Can't open display: :0))"
    )
    assert tools.got("xsel") == TEXT.encode()


def test_a_failing_tool_falls_back_to_osc52_and_says_so(tools: Tools) -> None:
    tools.script("wl-copy", "exit 3")
    board = find_clipboard({"WAYLAND_DISPLAY": "wayland-0", **TERM}, "linux", tools.which)
    copied = copy(TEXT, board)
    assert copied.osc52 and copied.failed == ("wl-copy failed (exit status 3)",)
    assert copied.message.startswith(
        "Sent to the terminal's clipboard (OSC 52; wl-copy failed (exit status 3)): paste"
    )


def test_when_every_way_fails_nothing_is_claimed(tools: Tools) -> None:
    tools.script("xclip", "exit 1")
    env, _, run = tmux("off")
    board = find_clipboard({**env, "DISPLAY": ":0"}, "linux", tools.which, run=run, wsl=False)
    copied = copy(TEXT, board)
    assert not copied.ok
    assert copied.reason == (
        "xclip failed (exit status 1) and tmux ignores OSC 52 (set -g set-clipboard on)"
    )


def test_a_hanging_tool_times_out_and_the_next_way_is_tried(tools: Tools) -> None:
    tools.script("xclip", "exec sleep 20")
    tools.recording("xsel")
    board = find_clipboard({"DISPLAY": ":0", **TERM}, "linux", tools.which, wsl=False)
    start = time.monotonic()
    copied = copy(TEXT, board, timeout=0.3)
    assert time.monotonic() - start < 3
    assert copied.how == "xsel" and "xclip failed (did not finish in 0.3 s)" in copied.message


def test_a_tool_that_leaves_a_server_behind_does_not_hold_us(tools: Tools) -> None:
    """xclip and wl-copy fork a process that keeps serving the clipboard (and their outputs)."""
    tools.script("wl-copy", f'cat > "{tools.folder}/served"; sleep 5 &')
    board = find_clipboard({"WAYLAND_DISPLAY": "w", **TERM}, "linux", tools.which, wsl=False)
    start = time.monotonic()
    assert copy(TEXT, board).how == "wl-copy"
    assert time.monotonic() - start < 2


def test_a_tool_that_cannot_start_falls_back(tmp_path: Path) -> None:
    board = Clipboard((Tool("xclip", (str(tmp_path / "gone"),)),), osc52=True)
    copied = copy(TEXT, board)
    assert copied.osc52 and copied.failed[0].startswith("xclip failed (")
