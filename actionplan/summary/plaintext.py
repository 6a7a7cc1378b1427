"""The summary as plain text within 80 columns, for any mail client or ticket."""

from __future__ import annotations

from rich.cells import cell_len

from actionplan.summary.model import Summary
from actionplan.summary.words import NONE, changes, long_day, paragraphs, when, when_after

WIDTH = 80


def render_text(summary: Summary) -> str:
    """The whole summary as text no wider than 80 columns."""
    s = summary
    out: list[str] = []
    title = f"{s.client}: what we're doing and when"
    out += [*_wrap(title), "=" * min(WIDTH, len(title))]
    out += _wrap(
        f"{long_day(s.day)}. Prepared by {s.prepared_by or 'your account team'}."
        + (f" Period: since {long_day(s.since)}." if s.since else "")
    )
    if s.headline:
        out += ["", *_wrap(s.headline.upper() if s.headline.isascii() else s.headline)]
    for para in paragraphs(s.intro):
        out += ["", *_wrap(para)]
    trend = f" ({s.health.trend})" if s.health.trend else ""
    out += _section("HEALTH") + _wrap(f"{s.health.level.upper()}: {s.health.reason}{trend}")
    out += _section("CHANGES SINCE LAST TIME")
    if not (s.done or s.new or s.moved):
        out.append(NONE)
    for heading, lines in changes(s.done, s.new, s.moved, s.day):
        if lines:
            out.append(f"{heading}:")
            for text in lines:
                out += _wrap(text, bullet=True)
    out += _section("THE PLAN")
    for line in s.plan:
        kind = "" if line.must else " (nice to have)"
        out += _wrap(f"{line.title}{kind}", bullet=True)
        out += _wrap(f"{when_after(line, s.day)} · {line.status} · {line.owner}", indent=4)
        if line.note:
            out += _wrap(line.note, indent=4)
    if not s.plan:
        out.append(NONE)
    out += _section("WHAT WE NEED FROM YOU")
    for line in s.asks:
        out += _wrap(f"{line.title}: {line.owner}, by {when(line, s.day)}", bullet=True)
    if not s.asks:
        out.append(NONE)
    out += _section(f"NEXT STEPS (BEFORE {long_day(s.next_call).upper()})")
    for line in s.next_steps:
        out += _wrap(f"{when(line, s.day)}: {line.title} ({line.owner})", bullet=True)
    if not s.next_steps:
        out.append(NONE)
    return "\n".join(out).rstrip() + "\n"


def _section(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def _wrap(text: str, *, bullet: bool = False, indent: int = 0) -> list[str]:
    """Wrap to 80 terminal columns (wide characters count twice), keeping line breaks."""
    first = " " * indent + ("- " if bullet else "")
    rest = " " * (indent + (2 if bullet else 0))
    lines: list[str] = []
    for n, paragraph in enumerate(text.split("\n")):
        line = first if n == 0 else rest
        empty = True
        for word in paragraph.split():
            for piece in _pieces(word, WIDTH - len(rest)):
                gap = "" if empty else " "
                if cell_len(line) + len(gap) + cell_len(piece) > WIDTH and not empty:
                    lines.append(line)
                    line, gap = rest, ""
                line += gap + piece
                empty = False
        lines.append(line.rstrip() if not empty else "")
    return lines


def _pieces(word: str, room: int) -> list[str]:
    """A word cut into pieces no wider than ``room`` columns."""
    pieces, piece = [], ""
    for ch in word:
        if cell_len(piece + ch) > room:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece]
