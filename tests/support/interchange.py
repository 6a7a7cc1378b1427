"""What the interchange tests share (tests/core/test_interchange_*.py): reading a CSV as of TODAY,
adding items in one import, exporting and restoring, counting rows, a plan of two clients, and
hypothesis's random items.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from hypothesis import strategies as st

from actionplan import plan
from actionplan.dates import EARLIEST, LATEST
from actionplan.db import Database
from actionplan.interchange.csv_io import read_csv, write_csv
from actionplan.interchange.json_io import export_json, restore_json
from actionplan.models import Snapshot, Status, Visibility, WaitingOn
from actionplan.plan import NewItem, new_item
from actionplan.queries import ItemFilter, list_items
from actionplan.text import strip_controls
from tests.support import AUTHOR, TABLES, TODAY, count


def parse(text: str):
    return read_csv(text, today=TODAY)


def add_items(db: Database, items: list[NewItem]) -> list[int]:
    with db.session() as session:
        return plan.add_items(session=session, author=AUTHOR, items=items, summary=None)


def export_csv(db: Database, client: str | None = None) -> str:
    with db.session() as session:
        where = ItemFilter(client=client, include_archived=True)
        return write_csv(list_items(session=session, where=where))


def csv_cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def export(db: Database, client: str | None = None) -> str:
    with db.session() as session:
        return export_json(session=session, client=client)


def restore(db: Database, text: str) -> dict[str, int]:
    with db.session() as session:
        return restore_json(session=session, text=text)


def counts(db: Database) -> dict[str, int]:
    """The rows in each table."""
    return {t: count(db, t) for t in TABLES}


def add_snapshot(db: Database, client: str, markdown: str) -> None:
    with db.session() as session:
        found = plan.find_client(session=session, name=client)
        assert found is not None and found.id is not None
        session.add(
            Snapshot(
                client_id=found.id,
                created_at=datetime(2026, 11, 20, 9, 30, 15, 123456, tzinfo=UTC),
                author=AUTHOR,
                model_json=json.dumps({"client": client, "items": []}),
                markdown=markdown,
            )
        )
        session.commit()


def two_client_plan(db: Database) -> None:
    items = [
        new_item(client=c, title=f"{c} {n}", owner=o)
        for n, (c, o) in enumerate(
            [("Acme", "Ana"), ("Other", "Bob"), ("Acme", None), ("Other", "Ana"), ("Acme", "Cy")]
        )
    ]
    ids = add_items(db, items)  # one import operation touching both clients
    acme = [i for i, it in zip(ids, items, strict=True) if it.client == "Acme"]
    other = [i for i, it in zip(ids, items, strict=True) if it.client == "Other"]
    with db.session() as s:
        plan.edit_item(session=s, item_id=acme[0], author=AUTHOR, status="doing")
        plan.edit_item(session=s, item_id=other[0], author=AUTHOR, status="done")
        plan.undo(session=s, author=AUTHOR)  # undoes Other's edit
        plan.delete_item(session=s, item_id=acme[1], author=AUTHOR)
        plan.undo(session=s, author=AUTHOR)  # undoes Acme's delete
        plan.edit_item(session=s, item_id=other[1], author="Someone", due=TODAY)
    add_snapshot(db, "Acme", "# Acme\n")
    add_snapshot(db, "Other", "# Other\n")


# --- random items, for hypothesis ----------------------------------------------------------------

_CHARS = st.characters(exclude_categories=("Cc", "Cs"))
_NOTE_CHARS = st.characters(exclude_categories=("Cc", "Cs"), include_characters="\n")


def _shown(text: str) -> bool:
    return bool(strip_controls(text, keep_newlines=False).strip())


def line_text(max_size: int) -> st.SearchStrategy[str]:
    return st.text(_CHARS, min_size=1, max_size=max_size).filter(_shown)


names = st.one_of(st.sampled_from(["Acme", "Globex", "acme", "Łódź Sp. z o.o."]), line_text(30))
notes = st.one_of(st.just(""), st.text(_NOTE_CHARS, max_size=60))
# The dates the program takes in (an import refuses dates after 9000, see dates.LATEST).
dates = st.one_of(st.none(), st.dates(EARLIEST, LATEST))


@st.composite
def new_items(draw: st.DrawFn) -> NewItem:
    status = draw(st.sampled_from(Status))
    escalated = draw(st.booleans())
    return new_item(
        client=draw(names),
        title=draw(line_text(60)),
        status=status,
        waiting_on=draw(st.none() | st.sampled_from(WaitingOn))
        if status == Status.WAITING
        else None,
        owner=draw(st.none() | names),
        due=draw(dates),
        committed=draw(dates),
        must=draw(st.booleans()),
        client_note=draw(notes),
        internal_note=draw(notes),
        escalated=escalated,
        escalation_reason=draw(line_text(40)) if escalated else "",
        visibility=draw(st.sampled_from(Visibility)),
    )
