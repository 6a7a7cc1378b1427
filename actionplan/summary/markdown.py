"""The summary as Markdown that reads well pasted into an email or a chat."""

from __future__ import annotations

import re

from actionplan.summary.model import Line, Summary
from actionplan.summary.words import NONE, after, long_day, moved_phrase, paragraphs, when

# Characters that would turn user text into formatting or HTML in a Markdown viewer; brackets
# and # stay as typed (they only matter in positions user text never takes here).
_SPECIAL = re.compile(r"([\\`*_<>|])")
_HEALTH = {"green": "🟢 Green", "amber": "🟠 Amber", "red": "🔴 Red"}


_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: str) -> str:
    """User text made inert in Markdown (shown as typed, never as formatting): an HTML
    entity such as ``&#68;`` is written ``&amp;#68;`` so that a viewer shows it as typed."""
    return _ENTITY.sub("&amp;", _SPECIAL.sub(r"\\\1", " ".join(text.split())))


def render_markdown(summary: Summary) -> str:
    """The whole summary, section by section; an empty section says "None"."""
    s = summary
    out = [f"# {md(s.client)}: what we're doing and when", ""]
    period = f" · Period: since {long_day(s.since)}" if s.since else ""
    out += [
        f"{long_day(s.day)} · Prepared by {md(s.prepared_by) or 'your account team'}{period}",
        "",
    ]
    if s.headline:
        out += [f"**{md(s.headline)}**", ""]
    out += [*(f"{md(para)}\n" for para in paragraphs(s.intro))]
    trend = f" ({s.health.trend})" if s.health.trend else ""
    out += ["## Health", "", f"**{_HEALTH[s.health.level]}**: {md(s.health.reason)}{trend}", ""]
    out += ["## Changes since last time", ""]
    if not (s.done or s.new or s.moved):
        out += [NONE, ""]
    if s.done:
        out += ["**Done**", "", *[f"- {md(ln.title)}" for ln in s.done], ""]
    if s.new:
        out += ["**New**", "", *[f"- {md(ln.title)} ({when(ln, s.day)})" for ln in s.new], ""]
    if s.moved:
        out += ["**Dates moved**", ""]
        out += [f"- {md(m.line.title)}: {moved_phrase(m.was, m.line.due, s.day)}" for m in s.moved]
        out += [""]
    out += ["## The plan", ""]
    out += _plan_table(s) if s.plan else [NONE]
    out += ["", "## What we need from you", ""]
    out += [f"- {md(ln.title)}: {md(ln.owner)}, by {when(ln, s.day)}" for ln in s.asks] or [NONE]
    out += ["", f"## Next steps (before {long_day(s.next_call)})", ""]
    out += [f"- {when(ln, s.day)}: {md(ln.title)} ({md(ln.owner)})" for ln in s.next_steps] or [
        NONE
    ]
    return "\n".join(out).rstrip() + "\n"


def _plan_table(s: Summary) -> list[str]:
    rows = ["| Item | Owner | Date | Status |", "|---|---|---|---|"]
    for line in s.plan:
        day = when(line, s.day) + (f", {md(after(line))}" if line.after else "")
        rows.append(f"| {_item(line)} | {md(line.owner)} | {day} | {line.status} |")
    return rows


def _item(line: Line) -> str:
    text = md(line.title) + ("" if line.must else " *(nice to have)*")
    if line.note:
        text += f"<br>{md(line.note)}"
    return text


def for_screen(markdown: str) -> str:
    """The Markdown as Textual's viewer can show it: it ignores ``<br>`` in a table cell, so
    a note would run into its title; a dash keeps them apart (the export keeps ``<br>``)."""
    return markdown.replace("<br>", " — ")
