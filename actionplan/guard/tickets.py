"""Ticket ids in every common form: PROJECT-123, ServiceNow's INC0012345, "Zendesk #48213".

The client's own references ("your reference INC-2231"), vendors' case numbers, standards
(ISO, CVE, KB), machine names (ESX-01) and product models (Aruba AP-515) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from actionplan.guard.dispatch import split
from actionplan.guard.rules import Context, Hits, Span, free
from actionplan.guard.words import HOST_WORDS, NOT_TICKETS, TRACKERS

# PROJECT-123, as Jira, Linear, YouTrack and most trackers write them.
# (No leading look-behind in these: a pattern that starts with a character class lets the
# regex engine skip ahead quickly; the edge is checked in code, by ``_free``.)
_KEYED = re.compile(r"([A-Z][A-Z0-9]{1,9})-(\d{1,7})(?![\w-])")
# ServiceNow and its kin: a prefix and a zero-padded number (INC0012345, RITM0034567).
_PADDED = re.compile(r"([A-Z]{2,6})0\d{5,9}(?!\w)")
_SERVICENOW = re.compile(
    r"(?:INC|CHG|RITM|REQ|PRB|PRBT|SCTASK|TASK|CTASK|PTASK|STRY|ENHC|PRJ|SR|WO|CS)"
    r"[-_]?\d{4,10}(?!\w)"
)
# A tracker's name, then a number: "Zendesk #48213", "jira 5521", "ticket 8812 in Halo".
_TRACKER_TAIL = (
    r"(?:\s+(?:ticket|case|issue|bug|task|item|story|card|incident|req(?:uest)?|no\.?|number|id))?"
    r"\s*[:#]?\s*#?\s*(?:[A-Z]{1,6}-?)?\d{2,}(?!\w)"
)
# "bug #123", "PR 4411", "internal ticket 5521", "ticket #8812", "repo#12", "!1234" (GitLab MR).
_WORKITEM = re.compile(
    r"(?<![\w])(?:(?:internal|our|dev|eng|jira|backlog|sprint)\s+(?:ticket|case|issue|bug|task)"
    r"|bug|pr|mr|pull\s+request|merge\s+request|story|epic|sub-?task|changeset|commit)"
    r"\s*(?:no\.?|number)?\s*[:#]?\s*#?\d{2,}(?!\w)"
    r"|(?<![\w])(?:ticket|case|issue|incident|job|task)\s*(?:no\.?|number)?\s*#\s*\d{2,}(?!\w)"
    r"|(?<![\w])(?:ticket|case|incident)\s+(?:no\.?\s*|number\s+)?\d{3,}(?!\w)"
    r"|(?<![\w/])[\w.-]+/[\w.-]+#\d+(?!\w)|(?<![\w!])![1-9]\d{2,}(?!\w)",
    re.IGNORECASE,
)
_CLIENT_REF = re.compile(
    r"(?:(?:your|you(?:'ve|\s+have)?\s+(?:logged|raised|opened|sent|quoted|given)|"
    r"(?:the\s+)?client'?s|(?:the\s+)?customer'?s|their|(?:the\s+)?school'?s|"
    r"(?:the\s+)?practice'?s)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:ref(?:erence)?|ticket|case|call|request|po|order|purchase\s+order|quote|invoice|"
    r"incident|change|job|number|no\.?|id|account)(?:\s+(?:number|no\.?|#|id|ref))?)"
    r"\s*[:#]?\s*(?:is\s+)?$",
    re.IGNORECASE,
)
_VENDOR_CASE = re.compile(
    r"^\s*(?:with|from|at|by|via)\s+(?:the\s+)?(?:vendor|supplier|manufacturer|microsoft|dell|"
    r"hp|hpe|lenovo|cisco|fortinet|sophos|vmware|broadcom|apple|google|aws|amazon|bt|virgin|"
    r"openreach|sage|xero|adobe|[A-Z][\w&.-]+)",
)


def worded_patterns() -> list[tuple[str, str]]:
    """Tracker names and work-item words lead these: found in the guard's pass over words."""
    trackers = [
        ("tracker", r"(?<![\w])" + re.escape(t).replace(r"\ ", r"\s+") + _TRACKER_TAIL)
        for t in TRACKERS
    ]
    return [*trackers, *split([("workitem", _WORKITEM.pattern)], edge=False)]


def tickets(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Ticket ids in every common form, except the client's own references and standards."""
    for m in _KEYED.finditer(text):
        if not free(text, m.start(), "/.-"):
            continue
        prefix, number = m.group(1), m.group(2)
        if prefix in NOT_TICKETS or prefix.rstrip("0123456789") in NOT_TICKETS:
            continue
        if number.startswith("0") or (len(number) <= 2 and _hostish(prefix)):
            continue  # ESX-01, DC-2: a machine, not a ticket
        if _client_ref(text, m.start()) or ctx.allowed(m.group(0)) or _model(text, m.start()):
            continue
        yield "ticket", m.start(), m.end()
    for pattern in (_PADDED, _SERVICENOW):
        for m in pattern.finditer(text):
            if not free(text, m.start(), "-") or _client_ref(text, m.start()):
                continue
            if ctx.allowed(m.group(0)):
                continue
            if pattern is _PADDED and m.group(1) in ("KB", "MO", "SO", "PO", "INV", "RMA"):
                continue
            yield "ticket", m.start(), m.end()
    for kind, start, end in [("tracker", *h) for h in hits.get("tracker", ())] + [
        ("workitem", *h) for h in hits.get("workitem", ())
    ]:
        if _client_ref(text, start) or ctx.allowed(text[start:end]):
            continue
        if kind == "workitem" and _VENDOR_CASE.match(text, end):
            continue  # "case 12345 with Microsoft": the vendor's case, told to the client
        yield "ticket", start, end


def _hostish(prefix: str) -> bool:
    return prefix in HOST_WORDS or prefix.rstrip("0123456789") in HOST_WORDS


_VENDOR_BEFORE = re.compile(
    r"(?:aruba|cisco|meraki|ubiquiti|unifi|hpe?|dell|lenovo|fortinet|fortigate|sophos|synology|"
    r"qnap|apc|eaton|brother|canon|ricoh|epson|zebra|yealink|poly|logitech|netgear|draytek|"
    r"juniper|sonicwall|watchguard|samsung|apple|microsoft|intel|amd|nvidia|xerox|kyocera|"
    r"sharp|konica|avaya|mitel|ruckus|extreme|zyxel|tp-link|asus|acer)\s+$",
    re.IGNORECASE,
)


def _model(text: str, start: int) -> bool:
    """A product's model number ("Aruba AP-515"), not a ticket."""
    return bool(_VENDOR_BEFORE.search(text[max(0, start - 20) : start]))


def _client_ref(text: str, start: int) -> bool:
    return bool(_CLIENT_REF.search(text[max(0, start - 48) : start]))
