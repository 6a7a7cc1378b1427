"""Copying text to the user's clipboard, and saying truthfully where it went.

``find_clipboard`` looks at the environment once and lists the ways that may work here, in
the order they are tried; ``copy`` tries them and returns a ``Copied`` whose ``message`` is
the one line to show the user. Nothing here imports Textual: the one way that needs the
terminal, OSC 52, is only *chosen* here and written by the UI (``actionplan/tui/clipboard.py``).

The tools, tried in this order (each only where it applies and is installed):

1. ``wl-copy`` when ``WAYLAND_DISPLAY`` is set (Wayland);
2. ``xclip -selection clipboard``, else ``xsel --clipboard --input``, when ``DISPLAY`` is
   set (X11, also XWayland and X forwarded over SSH);
3. ``pbcopy`` on macOS;
4. ``clip.exe`` on Windows, and in WSL (``WSL_DISTRO_NAME`` set, or ``/proc/version`` says
   "microsoft"), found on the PATH or at ``/mnt/c/Windows/System32/clip.exe``.

Then OSC 52, the escape sequence that asks the terminal itself to set the clipboard (and the
only way over SSH without X forwarding), unless it is known not to work. A terminal gives no
answer to OSC 52, so only the cases where it is *known* to be ignored are ruled out:

- tmux, unless its ``set-clipboard`` option is ``on`` (the default, ``external``, and
  ``off`` drop applications' OSC 52; read with ``tmux show-options -gv set-clipboard``);
- GNU screen (``STY`` set, or ``TERM`` starting with "screen" outside tmux);
- and, outside a multiplexer (whose environment may come from another terminal): macOS
  Terminal (``TERM_PROGRAM=Apple_Terminal``), the VTE terminals (``VTE_VERSION`` set:
  GNOME Terminal, Tilix, Terminator, xfce4-terminal; VTE has declined OSC 52,
  GNOME/vte#2495), the Linux console (``TERM=linux``) and ``TERM=dumb``.

Elsewhere (kitty, WezTerm, foot, Alacritty, Ghostty, iTerm2, Windows Terminal, xterm when
allowed) OSC 52 usually works, but the message still says to paste to check.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

OSC52 = "the terminal (OSC 52)"
"""``Copied.how`` when the text goes to the terminal's clipboard by OSC 52."""

TIMEOUT = 3.0
"""Seconds a clipboard tool may take before it counts as hung (and the next way is tried)."""

TMUX_TIMEOUT = 1.0
"""Seconds to wait for ``tmux show-options``."""

WINDOWS_CLIP = "/mnt/c/Windows/System32/clip.exe"
"""Where WSL finds clip.exe when Windows' folders are not on its PATH."""

Which = Callable[[str], str | None]
Run = Callable[[Sequence[str]], str | None]
"""Runs a short command and returns its output, or None when it failed or took too long."""


@dataclass(frozen=True, slots=True)
class Tool:
    """A clipboard program that reads the text on its standard input."""

    name: str
    """How the user knows it: "wl-copy", "xclip", "xsel", "pbcopy", "clip.exe"."""
    argv: tuple[str, ...]
    """The command, its program as found on the PATH."""
    encoding: str = "utf-8"
    """How the text is written to it: "utf-8", or "utf-16" (clip.exe: UTF-16LE after a
    byte-order mark; without it, clip.exe reads the console's code page and garbles
    anything outside ASCII)."""
    env: tuple[tuple[str, str], ...] = ()
    """Variables set for it (pbcopy reads its input in the locale's encoding)."""

    def encode(self, text: str) -> bytes:
        """``text`` as the tool reads it."""
        if self.encoding == "utf-16":
            return b"\xff\xfe" + text.encode("utf-16-le")  # the BOM, then little-endian
        return text.encode(self.encoding)


@dataclass(frozen=True, slots=True)
class Clipboard:
    """The ways to copy found here, in the order ``copy`` tries them."""

    tools: tuple[Tool, ...] = ()
    osc52: bool = False
    """Whether OSC 52 may work here (tried after the tools)."""
    no_tool: str = "no clipboard tool here"
    """Why there is no tool, with what to install: for the message when nothing works."""
    no_osc52: str = ""
    """Why OSC 52 cannot work here (empty when it may), with the fix when there is one."""

    @property
    def ways(self) -> list[str]:
        """The ways in order, as the user knows them: ["xclip", "the terminal (OSC 52)"]."""
        return [t.name for t in self.tools] + ([OSC52] if self.osc52 else [])


@dataclass(frozen=True, slots=True)
class Copied:
    """What really happened to the text."""

    ok: bool
    """A tool took it, or (``osc52``) it goes to the terminal once the UI writes it."""
    how: str
    """The way that took it: a tool's name, ``OSC52``, or "" when nothing was copied."""
    message: str
    """The one line for the user."""
    reason: str = ""
    """When nothing was copied: why, without "Nothing was copied: " (for ``NoClipboard``)."""
    failed: tuple[str, ...] = field(default=())
    """The tools tried first that failed, each as "xclip failed (…)"."""

    @property
    def osc52(self) -> bool:
        """The UI must now write the text to the terminal with OSC 52."""
        return self.ok and self.how == OSC52


def run_briefly(argv: Sequence[str]) -> str | None:
    """The output of ``argv``, or None when it is missing, fails or takes over a second."""
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            timeout=TMUX_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def is_wsl(env: Mapping[str, str], proc_version: Path = Path("/proc/version")) -> bool:
    """Whether this is Linux under Windows (WSL 1 or 2)."""
    if env.get("WSL_DISTRO_NAME"):
        return True
    try:
        return "microsoft" in proc_version.read_text(errors="replace").lower()
    except OSError:
        return False


def osc52_blocker(env: Mapping[str, str], run: Run = run_briefly) -> str:
    """Why OSC 52 cannot work in this terminal, or "" when it may (the rules are in the
    module's docstring)."""
    term = env.get("TERM", "")
    if env.get("TMUX"):
        setting = run(["tmux", "show-options", "-gv", "set-clipboard"])
        if setting is None:
            return ""  # unknown (tmux not reachable): try it, and the message says to check
        if setting.strip() != "on":
            return "tmux ignores OSC 52 (set -g set-clipboard on)"
        return ""
    if env.get("STY") or term.startswith("screen"):
        return "GNU screen ignores OSC 52"
    if env.get("TERM_PROGRAM") == "Apple_Terminal":
        return "macOS Terminal ignores OSC 52"
    if env.get("VTE_VERSION"):
        return "this terminal (GNOME Terminal or another VTE one) ignores OSC 52"
    if term == "linux":
        return "the Linux console has no clipboard"
    if term in ("", "dumb"):
        return "this terminal cannot take OSC 52"
    return ""


def find_clipboard(
    env: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    which: Which = shutil.which,
    *,
    run: Run = run_briefly,
    wsl: bool | None = None,
) -> Clipboard:
    """The ways to copy here, in the order to try them (see the module's docstring).

    Args:
        env: the environment variables to read.
        platform: ``sys.platform`` ("linux", "darwin", "win32").
        which: finds a program (``shutil.which``); returns its path or None.
        run: runs ``tmux show-options`` (``run_briefly``).
        wsl: whether this is WSL (None: ``is_wsl(env)``, which reads /proc/version).
    """
    tools: list[Tool] = []
    wanted: list[str] = []  # tools to install
    lost: list[str] = []  # tools the system should have but does not
    if env.get("WAYLAND_DISPLAY"):
        wanted.append("wl-copy (wl-clipboard)")
        if path := which("wl-copy"):
            tools.append(Tool("wl-copy", (path,)))
    if env.get("DISPLAY"):
        wanted += ["xclip", "xsel"]
        if path := which("xclip"):
            tools.append(Tool("xclip", (path, "-selection", "clipboard")))
        if path := which("xsel"):
            tools.append(Tool("xsel", (path, "--clipboard", "--input")))
    if platform == "darwin":
        if path := which("pbcopy"):
            tools.append(Tool("pbcopy", (path,), env=(("LC_CTYPE", "UTF-8"),)))
        else:
            lost.append("pbcopy not found")
    if platform == "win32" or (
        platform.startswith("linux") and (is_wsl(env) if wsl is None else wsl)
    ):
        if path := which("clip.exe") or which(WINDOWS_CLIP):
            tools.append(Tool("clip.exe", (path,), encoding="utf-16"))
        else:
            lost.append("clip.exe not found")
    if wanted:
        names = wanted[0] if len(wanted) == 1 else f"{', '.join(wanted[:-1])} or {wanted[-1]}"
        lost.append(f"install {names}")
    if lost:
        no_tool = f"no clipboard tool here ({'; '.join(lost)})"
    else:
        no_tool = "no clipboard tool here (no desktop display: over SSH?)"
    no_osc52 = osc52_blocker(env, run)
    return Clipboard(tuple(tools), osc52=not no_osc52, no_tool=no_tool, no_osc52=no_osc52)


def run_tool(tool: Tool, text: str, timeout: float = TIMEOUT) -> str:
    """Give ``text`` to ``tool``; returns "" when it took it, else what went wrong.

    The tool's output goes to /dev/null and its errors to a temporary file, never to pipes:
    xclip, xsel and wl-copy leave a process behind to serve the clipboard, and it would hold
    a pipe open, so waiting for the pipe to close would wait until the clipboard changes.
    """
    data = tool.encode(text)
    env = {**os.environ, **dict(tool.env)} if tool.env else None
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                tool.argv,
                input=data,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                timeout=timeout,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"did not finish in {timeout:g} s"
        except OSError as exc:
            return exc.strerror or str(exc)
        if done.returncode == 0:
            return ""
        errors.seek(0)
        said = errors.read(400).decode(errors="replace").strip().splitlines()
        return said[0].strip() if said else f"exit status {done.returncode}"


def copy(text: str, clipboard: Clipboard, *, timeout: float = TIMEOUT) -> Copied:
    """Copy ``text`` the first way of ``clipboard`` that works.

    A tool that fails or takes longer than ``timeout`` seconds is passed over for the next
    way. When that way is OSC 52 the result only says so (``Copied.osc52``): the UI writes
    the sequence to the terminal.
    """
    failed: list[str] = []
    for tool in clipboard.tools:
        problem = run_tool(tool, text, timeout)
        if not problem:
            note = f"; {', '.join(failed)}" if failed else ""
            message = f"Copied to the clipboard ({tool.name}{note})"
            return Copied(True, tool.name, message, "", tuple(failed))
        failed.append(f"{tool.name} failed ({problem})")
    if clipboard.osc52:
        note = f"; {', '.join(failed)}" if failed else ""
        message = (
            f"Sent to the terminal's clipboard (OSC 52{note}): paste to check — "
            "some terminals ignore it"
        )
        return Copied(True, OSC52, message, "", tuple(failed))
    reason = f"{', '.join(failed) if failed else clipboard.no_tool} and {clipboard.no_osc52}"
    return Copied(False, "", f"Nothing was copied: {reason}", reason, tuple(failed))
