"""A talk track: about sixty seconds to read out on the call (health, slips once, then asks)."""

from __future__ import annotations

from actionplan.summary.model import Summary
from actionplan.summary.words import short_day, when, when_after


def render_talk(summary: Summary) -> str:
    """A short script: health in one sentence, each slip once with its new date, the asks."""
    s = summary
    out = [f"Talk track for {s.client}, {short_day(s.day)}", ""]
    level = {
        "green": "on track",
        "amber": "mostly on track, with some dates at risk",
        "red": "behind on some important items",
    }[s.health.level]
    out.append(f"Overall we are {level}: {s.health.reason}.")
    if s.done:
        names = ", ".join(ln.title for ln in s.done[:3])
        more = f" and {len(s.done) - 3} more" if len(s.done) > 3 else ""
        out.append(f"Since we last spoke we finished {names}{more}.")
    # The slips the client has not been told of: the same as "promised" in the documents.
    slips = [ln for ln in s.plan if ln.promised is not None]
    year = s.day.year
    for line in slips:
        out.append(
            f"{line.title} has moved from {short_day(line.promised, year)} "
            f"to {short_day(line.due, year)}."
        )
    late = [ln for ln in s.plan if ln.due and ln.due < s.day and ln not in slips]
    if late:
        out.append(
            "Still outstanding: "
            + "; ".join(f"{ln.title}, which was due {short_day(ln.due, year)}" for ln in late[:3])
            + "."
        )
    coming = [ln for ln in s.next_steps if ln not in slips and ln not in late][:3]
    if coming:
        out.append(
            "Coming up next: "
            + "; ".join(f"{ln.title} by {when_after(ln, s.day)}" for ln in coming)
            + "."
        )
    if s.asks:
        out.append(
            "From you we need: "
            + "; ".join(f"{ln.title} ({ln.owner}) by {when(ln, s.day)}" for ln in s.asks)
            + "."
        )
    else:
        out.append("Nothing is waiting on you right now.")
    return "\n".join(out) + "\n"
