"""Reading what a summary needs from the database: the client's items and its last snapshot."""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, col, select

from actionplan.models import Snapshot
from actionplan.plan import NotFound, find_client
from actionplan.queries import ItemFilter, list_items
from actionplan.summary.model import Summary, build_summary


def snapshots(*, session: Session, client: str) -> list[Snapshot]:
    """The client's saved snapshots, newest first."""
    found = find_client(session=session, name=client)
    if found is None:
        raise NotFound(f"no client named {client!r}")
    stmt = (
        select(Snapshot)
        .where(Snapshot.client_id == found.id)
        .order_by(col(Snapshot.created_at).desc(), col(Snapshot.id).desc())
    )
    return list(session.exec(stmt).all())


def last_summary(*, session: Session, client: str) -> Summary | None:
    """The model of the last snapshot saved for this client, if any."""
    found = snapshots(session=session, client=client)
    return Summary.from_json(json.loads(found[0].model_json)) if found else None


def summary_for(
    *,
    session: Session,
    client: str,
    today: date,
    prepared_by: str,
    include_nice: bool = True,
    next_call: date | None = None,
) -> Summary:
    """Today's summary for a client, compared with its last snapshot.

    Raises:
        NotFound: when there is no such client.
    """
    found = find_client(session=session, name=client)
    if found is None:
        raise NotFound(f"no client named {client!r}")
    rows = list_items(session=session, where=ItemFilter(client=found.name))
    return build_summary(
        client=found.name,
        rows=rows,
        previous=last_summary(session=session, client=found.name),
        today=today,
        prepared_by=prepared_by,
        include_nice=include_nice,
        next_call=next_call,
    )
