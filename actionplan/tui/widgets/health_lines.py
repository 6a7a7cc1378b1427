"""How the health-check list draws a check (one line) and its form's trends (a line per
numeric field: a sparkline, then the latest values, newest first)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from actionplan.calls import day_label
from actionplan.health.form import Form, number_text
from actionplan.plan.recommend import recommendations_of
from actionplan.text import one_line
from actionplan.tui.widgets.calls_list import fit
from actionplan.tui.widgets.health_fields import COLOURS

if TYPE_CHECKING:
    from actionplan.plan.health import SavedCheck

LOOK_BACK = 12
"""How many checks the trends cover."""
LATEST = 3
"""How many of the latest values follow each sparkline."""


def check_line(check: SavedCheck, form: Form | None, today: date) -> Text:
    """One check: its date, form and author, how many values cross a threshold, how many
    recommendations it makes, and its summary."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(fit(day_label(check.checked_on, today=today), 12, "bold") + "  ")
    text.append(fit(one_line(check.form_title), 24) + "  ")
    text.append(fit(one_line(check.author), 10, "dim") + "  ")
    parts: list[Text] = []
    crossed = [f.colour(check.values.get(f.key)) for f in (form.fields if form else ())]
    for colour in ("red", "amber"):
        if colour in crossed:
            parts.append(Text(f"{crossed.count(colour)} {colour}", style=COLOURS[colour]))
    n = len(recommendations_of(check.values, form))
    if n:
        parts.append(Text(f"{n} recommendation{'s' if n != 1 else ''}"))
    summary = check.values.get("summary")
    if isinstance(summary, str) and summary:
        parts.append(Text(one_line(summary), style="dim"))
    if form is None:
        parts.append(Text("form no longer there", style="bold red"))
    text.append(Text(" · ").join(parts))
    return text


def trend_lines(form: Form, checks: list[SavedCheck], today: date) -> list[Text]:
    """The trends of ``form`` over ``checks`` (oldest first, the last ``LOOK_BACK``)."""
    from actionplan.health.trends import series, sparkline

    recent = checks[-LOOK_BACK:]
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append("Trends ", style="bold")
    head.append(f"· {one_line(form.title)} · {len(recent)} check{'s' * (len(recent) != 1)}")
    if recent:
        head.append(f" since {day_label(recent[0].checked_on, today=today)}", style="dim")
    lines = [head]
    for one in series(form, [c.values for c in recent]):
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(fit(one_line(one.label), 34) + " ")
        line.append(fit(sparkline(one.values), LOOK_BACK, "cyan") + "  ")
        field = form.field(one.key)
        latest = [v for v in one.values if v is not None][-LATEST:][::-1]
        unit = "%" if one.unit == "%" else f" {one.unit}".rstrip()
        for n, value in enumerate(latest):
            if n:
                line.append(" ← ", style="dim")
            style = COLOURS.get((field.colour(value) if field else None) or "", "")
            line.append(f"{number_text(value)}{unit}", style=style if n == 0 else "dim")
        if not latest:
            line.append("no values yet", style="dim")
        lines.append(line)
    return lines
