"""The one way a client summary leaves: rebuilt from the database at that moment, checked by
the leak guard on exactly what leaves, then delivered (a file, the clipboard, a snapshot).

Every exit (each export format, copy, snapshot save, and any format added later) calls
``release``. Nothing is handed over from an earlier build: a preview that is out of date is
caught by comparing its model's digest, and the caller shows the new one instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar, Unpack

from sqlmodel import Session

from actionplan.config import Config
from actionplan.config_summary import Branding
from actionplan.known import no_client
from actionplan.plan.errors import NotFound, PlanError
from actionplan.plan.named import find_client
from actionplan.summary.guarding import Flag, flags_for, guard_setup
from actionplan.summary.model import Summary, SummaryOptions
from actionplan.summary.readable import readable

if TYPE_CHECKING:
    from actionplan.queries import Recipient
    from actionplan.summary.email import Attachment

FORMATS = ("md", "txt", "html", "pdf", "talk", "docx", "eml")
BINARY = ("pdf", "docx", "eml")
"""Formats whose bytes are not text: each renderer hands back the text its reader sees."""
T = TypeVar("T")


@dataclass(frozen=True)
class Outgoing:
    """A summary ready to leave: what it says, its bytes, and what the guard found in them."""

    summary: Summary
    fmt: str
    content: bytes
    text: str
    flags: tuple[Flag, ...]
    reviewed: tuple[Flag, ...]
    digest: str

    @property
    def markdown(self) -> str:
        """The content as text (every format but those in ``BINARY``)."""
        return self.content.decode("utf-8")


class Changed(PlanError):
    """The plan changed since the preview was drawn: show ``outgoing`` before anything leaves."""

    def __init__(self, outgoing: Outgoing) -> None:
        super().__init__("the plan changed since this preview; check the new one and try again")
        self.outgoing = outgoing


class Flagged(PlanError):
    """The guard found text that sounds internal and nobody has said it may go."""

    def __init__(self, outgoing: Outgoing, pending: list[Flag]) -> None:
        n = len(pending)
        super().__init__(
            f"leak guard: {n} thing{'s' if n != 1 else ''} would reach the client; "
            "reword, review them, or force"
        )
        self.outgoing = outgoing
        self.pending = pending


def model_digest(summary: Summary) -> str:
    """A summary's identity: two builds with the same digest say exactly the same.

    The dataclasses' repr holds every field, dates included, in a fixed order (and costs a
    tenth of a JSON dump of the same model).
    """
    return hashlib.sha256(repr(summary).encode("utf-8")).hexdigest()


def prepare(
    *,
    session: Session,
    client: str,
    fmt: str,
    today: date,
    config: Config,
    attachments: Sequence[Attachment] = (),
    **options: Unpack[SummaryOptions],
) -> Outgoing:
    """Build the summary from the database now, render it, and guard what would leave.

    Args:
        attachments: more files an e-mail draft carries (eml only), each released through
            its own exit (a health check's ``release_check``).

    Raises:
        NotFound: no such client.
        ValueError: an unknown format.
    """
    from actionplan.summary.source import summary_for

    if fmt not in FORMATS:
        raise ValueError(f"unknown summary format {fmt!r}")
    found = find_client(session=session, name=client)
    if found is None:
        raise NotFound(no_client(session=session, name=client))
    summary = summary_for(
        session=session, client=found.name, today=today, prepared_by=config.name, **options
    )
    recipients = []
    if fmt == "eml":
        from actionplan.queries import status_recipients

        recipients = status_recipients(session=session, client=found.name)
    content, text = render_for_release(
        summary, fmt, brand=config.branding, recipients=recipients, attachments=attachments
    )
    setup = guard_setup(session=session, client=found, config=config)
    pending, reviewed = flags_for(summary, text, setup)
    return Outgoing(
        summary, fmt, content, text, tuple(pending), tuple(reviewed), model_digest(summary)
    )


def render_for_release(
    summary: Summary,
    fmt: str,
    *,
    brand: Branding | None = None,
    recipients: Sequence[Recipient] = (),
    attachments: Sequence[Attachment] = (),
) -> tuple[bytes, str]:
    """The bytes of one format, and the text a reader of those bytes sees.

    Args:
        brand: the account team's branding (HTML, PDF, Word and e-mail headers).
        recipients: whom an e-mail draft is addressed to (``eml`` only).
        attachments: more files an e-mail draft carries (``eml`` only).
    """
    from actionplan.summary.render import render

    brand = brand or Branding()
    if fmt in BINARY:
        seen: list[str] = []
        data = render(
            summary, fmt, brand=brand, recipients=recipients, seen=seen, attachments=attachments
        )
        assert isinstance(data, bytes)
        return data, readable("markup" if fmt == "pdf" else "txt", "\n".join(seen))
    rendered = render(summary, fmt, brand=brand)
    assert isinstance(rendered, str)
    return rendered.encode("utf-8"), readable(fmt, rendered)


def release(
    *,
    session: Session,
    client: str,
    fmt: str,
    today: date,
    config: Config,
    deliver: Callable[[Outgoing], T],
    shown: str | None = None,
    accepted: frozenset[str] = frozenset(),
    force: bool = False,
    attachments: Sequence[Attachment] = (),
    **options: Unpack[SummaryOptions],
) -> tuple[Outgoing, T]:
    """Rebuild, guard, deliver: the only way a client summary leaves.

    Args:
        deliver: writes the outgoing summary (a file, the clipboard, a snapshot); called only
            when everything below holds, with exactly what was checked.
        shown: the digest of the summary the user is looking at; if the plan has changed
            since, nothing leaves.
        accepted: keys of flags the user has seen and let through (the app's "send anyway").
        force: let every flag through (the CLI's ``--force``); the caller lists them.
        attachments: more files an e-mail draft carries (see ``prepare``).
        **options: how the summary is cut (see ``SummaryOptions``).

    Raises:
        Changed: the summary differs from ``shown``.
        Flagged: the guard found something not reviewed, not accepted and not forced.
    """
    out = prepare(
        session=session,
        client=client,
        fmt=fmt,
        today=today,
        config=config,
        attachments=attachments,
        **options,
    )
    if shown is not None and out.digest != shown:
        raise Changed(out)
    pending = [f for f in out.flags if f.key not in accepted]
    if pending and not force:
        raise Flagged(out, pending)
    return out, deliver(out)
