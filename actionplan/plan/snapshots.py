"""Saving a client summary as it was sent, so the next one can say what changed since."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from actionplan import clock
from actionplan.known import no_client
from actionplan.models import Snapshot
from actionplan.plan.errors import NotFound
from actionplan.plan.journal import begin_write
from actionplan.plan.named import find_client


def save_snapshot(
    *,
    session: Session,
    client: str,
    model: dict[str, Any],
    markdown: str,
    author: str,
    sent_as: str = "md",
    recipients: Sequence[str] = (),
) -> Snapshot:
    """Store a summary as sent: its model (JSON), its Markdown, the format it left in and to
    whom, in one transaction.

    Raises:
        NotFound: when there is no such client.
    """
    found = find_client(session=session, name=client)
    if found is None or found.id is None:
        raise NotFound(no_client(session=session, name=client))
    begin_write(session)
    try:
        snapshot = Snapshot(
            client_id=found.id,
            created_at=clock.now(),
            author=author[:100] or "unknown",
            model_json=json.dumps(model, ensure_ascii=False, sort_keys=True),
            markdown=markdown,
            format=sent_as[:8],
            recipients="\n".join(" ".join(r.split()) for r in recipients if r.strip()),
        )
        session.add(snapshot)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return snapshot
