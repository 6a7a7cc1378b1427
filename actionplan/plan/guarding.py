"""The leak guard's memory, per client: its allow-list, and sentences reviewed as fine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from actionplan.known import no_client
from actionplan.models import Client, Reviewed
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.journal import begin_write, lock, operation
from actionplan.plan.named import find_client
from actionplan.text import NAME_MAX, TextError, clean_line, quote

ALLOW_MAX = 200  # terms per client


@dataclass(frozen=True, slots=True)
class Review:
    """One finding in one sentence of one item that the account manager judged fine."""

    item_id: int
    fingerprint: str
    sentence: str
    rule: str = ""

    @property
    def key(self) -> tuple[int, str, str]:
        """What a review covers: this item, this sentence, this kind of finding."""
        return (self.item_id, self.fingerprint, self.rule)


def allow_list(*, session: Session, client: str) -> list[str]:
    """The client's allow-list, in the order the terms were added."""
    return _terms(_client(session, client))


def change_allow_list(
    *,
    session: Session,
    client: str,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
) -> list[str]:
    """Add and remove allow-list terms in one transaction; returns the new list.

    Raises:
        NotFound: no such client.
        Invalid: an empty or over-long term, or too many terms.
    """
    begin_write(session)
    try:
        found = _client(session, client, for_update=True)
        terms = _terms(found)
        for raw in add:
            try:
                term = clean_line(raw, field="allow-list term", max_len=NAME_MAX, required=True)
            except TextError as exc:
                raise Invalid(str(exc)) from None
            if len(term) < 2:
                raise Invalid(f"allow-list term {quote(term)} is too short (2 characters at least)")
            if term.casefold() not in {t.casefold() for t in terms}:
                terms.append(term)
        gone = {r.strip().casefold() for r in remove}
        unknown = gone - {t.casefold() for t in terms}
        if unknown:
            raise Invalid(f"{quote(sorted(unknown)[0])} is not on {found.name}'s allow-list")
        terms = [t for t in terms if t.casefold() not in gone]
        if len(terms) > ALLOW_MAX:
            raise Invalid(f"an allow-list holds at most {ALLOW_MAX} terms")
        found.guard_allow = "\n".join(terms)
        session.add(found)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return terms


def reviewed_fingerprints(*, session: Session, client_id: int) -> set[tuple[int, str, str]]:
    """What has been reviewed as fine for this client: (item, sentence fingerprint, rule)."""
    stmt = select(Reviewed.item_id, Reviewed.fingerprint, Reviewed.rule).where(
        Reviewed.client_id == client_id
    )
    return {(item or 0, fp, rule) for item, fp, rule in session.exec(stmt).all()}


def review(*, session: Session, client: str, reviews: list[Review], author: str) -> int:
    """Record sentences as reviewed: one operation (one undo), an event in each item's history.

    Returns:
        How many sentences were newly recorded.

    Raises:
        NotFound: no such client, or an item not of this client.
    """
    found = _client(session, client)
    assert found.id is not None
    known = reviewed_fingerprints(session=session, client_id=found.id)
    fresh = {r.key: r for r in reviews if r.key not in known}
    if not fresh:
        return 0
    with operation(session, author=author, kind="review") as rec:
        rec.reason = "leak guard: reviewed as fine for the client"
        rec.op.summary = f"reviewed {len(fresh)} sentence(s) for {found.name}"[:300]
        for r in fresh.values():
            item = lock(session, r.item_id)
            if item.client_id != found.id:
                raise NotFound(f"item #{r.item_id} is not {found.name}'s")
            session.add(
                Reviewed(
                    client_id=found.id,
                    item_id=r.item_id,
                    op_id=rec.op.id,
                    fingerprint=r.fingerprint,
                    rule=r.rule[:32],
                    sentence=r.sentence[:2000],
                    author=rec.op.author,
                    at=rec.op.at,
                )
            )
            rec.note(item, "reviewed", r.rule or None, r.sentence[:2000])
    return len(fresh)


def forget_reviews(session: Session, op_id: int, item_id: int) -> None:
    """Undo of a review: the sentences it recorded nag again (called inside undo's operation)."""
    for row in session.exec(
        select(Reviewed).where(col(Reviewed.op_id) == op_id, col(Reviewed.item_id) == item_id)
    ):
        session.delete(row)


def _client(session: Session, name: str, *, for_update: bool = False) -> Client:
    found = find_client(session=session, name=name)
    if found is None:
        raise NotFound(no_client(session=session, name=name))
    if for_update:
        locked = session.get(Client, found.id, with_for_update=True, populate_existing=True)
        assert locked is not None
        return locked
    return found


def _terms(client: Client) -> list[str]:
    return [t for t in (client.guard_allow or "").splitlines() if t.strip()]
