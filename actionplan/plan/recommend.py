"""A health check's recommendations turned into plan items: the chosen ones, in one operation
(which undo reverts), each planned, client-visible and naming the check it came from."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from sqlmodel import Session, col, select

from actionplan.health.form import RECOMMENDATIONS, Form
from actionplan.models import HealthCheck, Item, Status, Visibility
from actionplan.plan.errors import Invalid, NotFound, PlanError
from actionplan.plan.journal import operation
from actionplan.text import TITLE_MAX, clean_line


def recommendations_of(values: Mapping[str, object], form: Form | None) -> list[str]:
    """A check's recommendations, as typed: empty when it has none, or when its form has no
    client-facing recommendations list (``None``: the form's file is gone; or an old check
    kept under a form that has since made the field internal: nothing internal becomes an
    item the client sees)."""
    field = form.field(RECOMMENDATIONS) if form is not None else None
    if field is None or field.internal or field.kind != "list":
        return []
    found = values.get(RECOMMENDATIONS)
    return [str(r) for r in found] if isinstance(found, list) else []


def form_or_none(key: str) -> Form | None:
    """The form a check was made with, or None when its file is gone or broken."""
    from actionplan.health.catalogue import find_form

    try:
        return find_form(key)
    except PlanError:
        return None


def item_title(recommendation: str) -> str:
    """A recommendation as an item's title: one clean line, cut to the title limit with …."""
    line = clean_line(" ".join(recommendation.split()), field="title", max_len=10 * TITLE_MAX)
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1].rstrip() + "…"


def items_from_recommendations(
    *, session: Session, check_id: int, indexes: Sequence[int], author: str
) -> list[Item]:
    """Add the check's recommendations at ``indexes`` to its client's plan, in ONE operation.

    A recommendation already on the plan from this check (same title, same ``from_check``,
    not deleted) is not added again; when all of them are, nothing is written.

    Returns:
        The items added, in the order of ``indexes`` (empty when every one was there).

    Raises:
        NotFound: no such check.
        Invalid: an index the check has no recommendation at, no index at all, or an
            archived client.
    """
    check = session.get(HealthCheck, check_id)
    if check is None:
        raise NotFound(f"no health check #{check_id}")
    found = recommendations_of(json.loads(check.values_json), form_or_none(check.form))
    wanted = _chosen(found, indexes, check_id)
    have = set(
        session.exec(
            select(Item.title).where(Item.from_check == check_id, col(Item.deleted_at).is_(None))
        ).all()
    )
    titles = [t for t in dict.fromkeys(wanted) if t not in have]
    if not titles:
        return []
    kind = "add" if len(titles) == 1 else "import"
    why = f"recommended by health check #{check_id}"
    with operation(session, author=author, kind=kind, reason=why) as rec:
        from actionplan.plan.items import next_positions
        from actionplan.plan.people import check_not_archived

        check_not_archived(session, [check.client_id])
        position = next_positions(session, {check.client_id}).get(
            (check.client_id, Status.PLANNED), 0
        )
        added = []
        for offset, title in enumerate(titles):
            item = Item(
                client_id=check.client_id,
                title=title,
                status=Status.PLANNED,
                visibility=Visibility.CLIENT,
                from_check=check_id,
                position=position + offset,
                created_at=rec.op.at,
                updated_at=rec.op.at,
            )
            session.add(item)
            session.flush()
            rec.note(item, "created", None, title)
            added.append(item)
        n = len(added)
        rec.op.summary = f"added {n} item{'s' if n != 1 else ''} from health check #{check_id}"
    return added


def _chosen(recommendations: list[str], indexes: Sequence[int], check_id: int) -> list[str]:
    if not indexes:
        raise Invalid("no recommendation chosen")
    for index in indexes:
        if not 0 <= index < len(recommendations):
            raise Invalid(
                f"health check #{check_id} has no recommendation {index + 1} "
                f"(it has {len(recommendations)})"
            )
    return [item_title(recommendations[i]) for i in indexes]
