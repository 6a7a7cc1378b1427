"""The summary as an e-mail draft (.eml): addressed, both bodies, the PDF attached, unsent.

The draft carries ``X-Unsent: 1``, so Outlook, Thunderbird and Apple Mail open it as a draft to
review and send. ``From`` is the branding contact's address when its line has one; otherwise
it is left out and the mail program fills in the account it sends from.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from actionplan.config_summary import Branding
from actionplan.summary.model import Summary
from actionplan.summary.readable import readable
from actionplan.summary.words import long_day

if TYPE_CHECKING:
    from email.headerregistry import Address

    from actionplan.queries import Recipient

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Attachment:
    """A file the draft carries besides the summary's PDF (e.g. a health check's PDF), already
    released through its own exit and leak guard."""

    name: str
    data: bytes
    subtype: str = "pdf"
    """Of ``application/``: pdf, or vnd.openxmlformats-officedocument.wordprocessingml.document."""


@dataclass(frozen=True)
class Addressed:
    """The status-summary recipients split by whether a draft can be addressed to them."""

    to: tuple[Address, ...]
    no_address: tuple[str, ...]
    """Names of recipients with no e-mail address."""
    unusable: tuple[str, ...]
    """Names of recipients whose address an e-mail cannot carry (e.g. non-ASCII before @)."""


def addressed(recipients: Sequence[Recipient]) -> Addressed:
    """Who goes in a draft's To (as "Name <address>"), and who cannot, and why."""
    to: list[Address] = []
    no_address: list[str] = []
    unusable: list[str] = []
    for r in recipients:
        address = _address(r.name, r.email) if r.email else None
        if address is not None:
            to.append(address)
        else:
            (unusable if r.email else no_address).append(r.name)
    return Addressed(tuple(to), tuple(no_address), tuple(unusable))


def subject(summary: Summary) -> str:
    """ "Acme: what we're doing and when — Mon 23 Nov 2026"."""
    return f"{summary.client}: what we're doing and when — {long_day(summary.day)}"


def sender(brand: Branding) -> Address | None:
    """The branding contact as a From address ("Sam Ito <sam@…>"), if the line has an e-mail."""
    found = _EMAIL.search(brand.contact)
    if found is None:
        return None
    first = brand.contact.split(",")[0].strip()
    name = "" if "@" in first else first
    return _address(name, found.group(0))


def attachment_name(summary: Summary) -> str:
    """The PDF's file name: "CLIENT YYYY-MM-DD.pdf", safe on every system."""
    from actionplan.outfile import safe_stem

    return f"{safe_stem(f'{summary.client} {summary.day.isoformat()}')}.pdf"


def render_eml(
    summary: Summary,
    *,
    brand: Branding | None = None,
    recipients: Sequence[Recipient] = (),
    seen: list[str] | None = None,
    attachments: Sequence[Attachment] = (),
) -> bytes:
    """An RFC 5322 draft: a plain-text and an HTML body, the PDF attached, and ``attachments``.

    Args:
        summary: what to send.
        brand: the account team's branding (From, and the HTML and PDF headers).
        recipients: the client's status-summary contacts; those without a usable address
            are left out of To (see ``addressed``), and with none the draft has no To.
        seen: if given, receives what a reader sees, for the leak guard: the names in To,
            the subject, the text body, the HTML body's text and the PDF's text.
    """
    from email import policy
    from email.message import EmailMessage

    from actionplan.summary.render import render

    brand = brand or Branding()
    text = str(render(summary, "txt"))
    html = str(render(summary, "html", brand=brand))
    pdf_seen: list[str] = []
    pdf = render(summary, "pdf", brand=brand, seen=pdf_seen)
    assert isinstance(pdf, bytes)

    msg = EmailMessage(policy=policy.SMTP.clone(cte_type="7bit"))  # any server can carry it
    to = addressed(recipients).to
    if to:
        msg["To"] = to
    found = sender(brand)
    if found is not None:
        msg["From"] = found
    msg["Subject"] = subject(summary)
    msg["X-Unsent"] = "1"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    msg.add_attachment(
        pdf, maintype="application", subtype="pdf", filename=attachment_name(summary)
    )
    for extra in attachments:
        msg.add_attachment(
            extra.data, maintype="application", subtype=extra.subtype, filename=extra.name
        )
    # Boundaries from the bodies, not at random (a draft's structure is the same every time);
    # "=_" never occurs in base64 or quoted-printable, so no part can contain one.
    digest = hashlib.sha256(text.encode() + html.encode()).hexdigest()[:32]
    msg.set_boundary(f"=_mixed_{digest}")
    body = msg.get_payload(0)
    assert not isinstance(body, str)
    body.set_boundary(f"=_alt_{digest}")
    if seen is not None:
        # The To's names, not its addresses: those are the recipients' own, and the guard
        # (rightly) flags any e-mail address in what a client reads.
        seen += [", ".join(a.display_name for a in to), subject(summary)]
        seen += [text, readable("html", html), readable("markup", "\n".join(pdf_seen))]
    return msg.as_bytes()


def _address(name: str, email: str) -> Address | None:
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    try:
        return Address(display_name=name, addr_spec=email.strip())
    except (ValueError, HeaderParseError):
        return None
