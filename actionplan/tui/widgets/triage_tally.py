"""What a triage session did, and what an empty queue says: the texts around the cards."""

from __future__ import annotations

from rich.text import Text

# What a session did, in the order the end summary lists it.
DID = ["re-dated", "escalated", "done", "snoozed", "re-assigned", "status changed", "de-escalated"]


def session_summary(reviewed: int, did: list[tuple[str, int]]) -> str:
    """What a session did, e.g. "17 reviewed: 5 re-dated, 2 escalated, 3 done".

    Args:
        reviewed: how many items were shown.
        did: (what, item id) for each change kept; an item counts once per kind of change.
    """
    counts = {kind: len({i for k, i in did if k == kind}) for kind in DID}
    parts = [f"{n} {kind}" for kind, n in counts.items() if n]
    return f"{reviewed} reviewed: {', '.join(parts) if parts else 'no changes'}"


def end_text(queued: int, seen: int, did: list[tuple[str, int]]) -> Text:
    """The end of a session: what it did, and the keys that still apply.

    Args:
        queued: how many items the queue held.
        seen: how many of them were shown.
        did: (what, item id) for each change kept, as for :func:`session_summary`.
    """
    text = Text()
    text.append("Triage session over\n\n", style="bold")
    summary = session_summary(seen, did)
    left = queued - seen
    if left > 0:
        summary = summary.replace(" reviewed", f" reviewed ({left} not reached)", 1)
    text.append(summary + "\n\n", style="bold cyan")
    keys = [("q / Enter", "back to the board"), ("p", "back to the last item")]
    if did:
        keys.append(("u", "undo this session's last change"))
    for key, what in keys:
        text.append(f"  {key:<12}", style="bold")
        text.append(f"{what}\n")
    return text


def empty_text(client: str | None) -> Text:
    """Nothing needs attention in ``client`` (None: in any client), and why that is so."""
    text = Text()
    text.append("Nothing needs attention", style="bold green")
    text.append(f" in {client}.\n\n" if client else ".\n\n")
    text.append(
        "No open item is overdue, due within a week and not started, a must-do without an "
        "owner or a date, waiting more than a week, unchanged for two weeks, or slipped "
        "without the client being told. Snoozed items come back on their date.\n\n",
        style="dim",
    )
    text.append("  q", style="bold")
    text.append("  back to the board")
    return text
