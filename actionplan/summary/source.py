"""Reading what a summary needs from the database: the client's items and its last snapshot."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Unpack

from sqlmodel import Session, col, func, select

from actionplan.models import Client, Snapshot
from actionplan.plan.dependencies import blockers_of
from actionplan.plan.named import client_named
from actionplan.queries import CLOSED_STATUSES, ItemFilter, list_items
from actionplan.rows import Slip
from actionplan.summary.model import (
    ClientWords,
    Summary,
    SummaryOptions,
    build_summary,
    client_visible,
)


def snapshots(*, session: Session, client: str) -> list[Snapshot]:
    """The client's saved snapshots, newest first."""
    found = client_named(session, client)
    stmt = (
        select(Snapshot)
        .where(Snapshot.client_id == found.id)
        .order_by(col(Snapshot.created_at).desc(), col(Snapshot.id).desc())
    )
    return list(session.exec(stmt).all())


def last_summary(*, session: Session, client: str) -> Summary | None:
    """The model of the last snapshot saved for this client, if any."""
    from actionplan.summary.compare import read_model

    found = snapshots(session=session, client=client)
    return read_model(found[0]) if found else None


def summary_for(
    *,
    session: Session,
    client: str,
    today: date,
    prepared_by: str,
    **options: Unpack[SummaryOptions],
) -> Summary:
    """Today's summary for a client, compared with its last snapshot.

    Raises:
        NotFound: when there is no such client.
    """
    found = client_named(session, client)
    rows = list_items(session=session, where=ItemFilter(client=found.name))
    # Only the open client-visible items can show what they wait for (see build_summary).
    waiting = [r["id"] for r in rows if client_visible(r) and r["status"] not in CLOSED_STATUSES]
    blocked = blockers_of(session, waiting)
    return build_summary(
        client=found.name,
        rows=rows,
        previous=last_summary(session=session, client=found.name),
        today=today,
        prepared_by=prepared_by,
        words=words_of(found),
        blockers={key: [b.id for b in found_] for key, found_ in blocked.items()},
        **options,
    )


def words_of(client: Client) -> ClientWords:
    """What the account manager has set for this client's summaries (``ClientWords``' fields
    are the client's columns of the same names)."""
    return ClientWords(**{f.name: getattr(client, f.name) for f in fields(ClientWords)})


def mark_untold(*, session: Session, rows: Sequence[Slip]) -> None:
    """Set ``row["untold"]`` on slipped items whose new date no saved snapshot has carried.

    An item whose due date moved past the date the client was given stays "client not yet
    told" until a summary showing the new date has been saved as sent.
    """
    slipped = [r for r in rows if r["due"] and r["committed"] and r["due"] > r["committed"]]
    for row in rows:
        row["untold"] = False
    if not slipped:
        return
    client_ids = {r["client_id"] for r in slipped}
    latest = (
        select(func.max(Snapshot.id))
        .where(col(Snapshot.client_id).in_(client_ids))
        .group_by(col(Snapshot.client_id))
    )
    told: dict[int, str | None] = {}
    for snapshot in session.exec(select(Snapshot).where(col(Snapshot.id).in_(latest))):
        try:
            model = json.loads(snapshot.model_json)
        except ValueError:
            continue  # a damaged snapshot tells nothing; the summary itself reports it
        for line in [*model.get("plan", []), *model.get("done", [])]:
            told[line["key"]] = line.get("due")
    for row in slipped:
        due = row["due"]
        row["untold"] = due is not None and told.get(row["id"], "never") != due.isoformat()
