"""The one way a health check leaves: read from the database at that moment, rendered, and
checked by the leak guard before anything is written, copied or attached.

Every exit (``health show``, the batch export, the app's export and the e-mail attachment)
calls ``release_check``. The document is built from the check's client-facing fields only;
the guard reads what the technician typed in each of them, and the rendered page around them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from actionplan.plan.errors import PlanError

if TYPE_CHECKING:
    from sqlmodel import Session

    from actionplan.config import Config
    from actionplan.health.document import CheckDoc
    from actionplan.models import Client
    from actionplan.summary.guarding import Flag, GuardSetup

HISTORY = 8
"""How many checks of the same form the document's trends and chart look back over."""


@dataclass(frozen=True)
class CheckOut:
    """A check ready to leave: its document, the bytes of one format, and what the guard found."""

    doc: CheckDoc
    check_id: int
    fmt: str
    content: bytes
    flags: tuple[Flag, ...]
    """What the guard found that nobody has reviewed (empty: it may leave)."""

    @property
    def filename(self) -> str:
        """A file name for it, safe on every system: ``Acme Ltd health check 2026-11-30.pdf``."""
        from actionplan.outfile import safe_stem

        stem = safe_stem(f"{self.doc.client} health check {self.doc.checked_on.isoformat()}")
        return f"{stem}.{self.fmt}"


class CheckFlagged(PlanError):
    """The guard found text in the check that sounds internal; nothing left."""

    def __init__(self, out: CheckOut) -> None:
        n = len(out.flags)
        super().__init__(
            f"leak guard: {n} thing{'s' if n != 1 else ''} in {out.doc.client}'s health check "
            "would reach the client; reword the check or force"
        )
        self.out = out


def check_doc(
    *, session: Session, client: Client, check_id: int | None, prepared_by: str = ""
) -> tuple[int, CheckDoc]:
    """The check asked for (the latest when ``check_id`` is None) as its document: the values,
    the check of the same form before it (trends), and the series of the last ``HISTORY``.

    Raises:
        NotFound: no checks, no such check, or its form is no longer there.
    """
    from actionplan.health.catalogue import form_of_check
    from actionplan.health.document import CheckDoc
    from actionplan.health.trends import series
    from actionplan.plan.health import checks_of, pick_check

    checks = checks_of(session=session, client=client)
    chosen, previous = pick_check(checks, check_id, client.name)
    form = form_of_check(chosen.form, chosen.id)
    same = [c for c in checks if c.form == chosen.form and c.checked_on <= chosen.checked_on]
    upto = same[: same.index(chosen) + 1][-HISTORY:]
    doc = CheckDoc(
        form=form,
        client=client.name,
        checked_on=chosen.checked_on,
        values=chosen.values,
        previous=previous.values if previous else None,
        prepared_by=prepared_by,
        history=tuple(series(form, [c.values for c in upto])),
        history_dates=tuple(c.checked_on for c in upto),
    )
    return chosen.id, doc


def release_check(
    *,
    session: Session,
    client: Client,
    check_id: int | None,
    fmt: str,
    config: Config,
    force: bool = False,
) -> CheckOut:
    """Build, render and guard one check: the only way a health check leaves.

    Args:
        force: let every flag through (the CLI's ``--force``); the caller lists them.

    Raises:
        NotFound: no such check (or form).
        ValueError: an unknown format.
        CheckFlagged: the guard found something not reviewed and not forced.
    """
    from actionplan.health.document import render_bytes
    from actionplan.summary.guarding import guard_setup

    found, doc = check_doc(
        session=session, client=client, check_id=check_id, prepared_by=config.name
    )
    doc = replace(doc, brand=config.branding)
    content = render_bytes(doc, fmt)
    setup = guard_setup(session=session, client=client, config=config)
    out = CheckOut(doc, found, fmt, content, tuple(guard_check(doc, setup)))
    if out.flags and not force:
        raise CheckFlagged(out)
    return out


def guard_check(doc: CheckDoc, setup: GuardSetup) -> list[Flag]:
    """What the guard finds in a check that nobody has reviewed.

    Each client-facing value the technician typed is read for anything with a shape (ids,
    addresses, names, secrets), the deny-list's phrases and its tone; the whole page (as
    Markdown: every format prints the same words) for shapes and phrases. The form's own
    words (title, headings, labels) are ours, as a summary's headings are.
    """
    from actionplan.health.document import render
    from actionplan.summary.guarding import scan_text

    flags: dict[tuple[str, str], Flag] = {}
    for field in doc.form.fields:
        value = doc.values.get(field.key)
        if field.internal or field.numeric or not value:
            continue
        for entry in value if isinstance(value, list) else [str(value)]:
            for flag in scan_text(entry, setup, field.label):
                flags.setdefault((flag.rule, flag.found.casefold()), flag)
    page = render(doc, "md")
    kept = "\n".join(ln for ln in page.splitlines() if ln.strip() not in setup.own)
    for flag in scan_text(kept, setup, "health check", tone=False):
        flags.setdefault((flag.rule, flag.found.casefold()), flag)
    return [f for f in flags.values() if f.review_key not in setup.reviewed]
