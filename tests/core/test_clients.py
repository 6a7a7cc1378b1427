"""Clients kept clean: rename, merge, archive, unarchive and delete, each one operation that one
undo reverts whole; archived clients out of every list of several clients; bad input refused
with nothing written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select

from actionplan import plan
from actionplan.agenda import open_items
from actionplan.db import Database
from actionplan.interchange.json_io import export_json
from actionplan.models import Client, RecordChange, Reviewed, Snapshot, Status
from actionplan.plan import Invalid, NotFound
from actionplan.plan.guarding import change_allow_list
from actionplan.queries import ItemFilter, clients_with_counts, list_items
from actionplan.recurring import recurring_grid
from actionplan.triage import triage_queue
from actionplan.workload import workload
from tests.support import AUTHOR, TABLES, TODAY, add, count, item
from tests.support.interchange import add_snapshot, export_csv


def undo(db: Database) -> str:
    with db.session() as s:
        op = plan.undo(session=s, author=AUTHOR)
    assert op is not None
    return op.summary


def client_names(db: Database, *, archived: bool = False) -> list[str]:
    with db.session() as s:
        return [c.name for c in clients_with_counts(session=s, today=TODAY, archived=archived)]


def rows(db: Database) -> dict[str, int]:
    """Every table's row count (what "nothing written" and "undo reverts it all" compare)."""
    return {t: count(db, t) for t in TABLES}


def contact(db: Database, name: str, client: str, **details: object) -> None:
    with db.session() as s:
        plan.save_person(session=s, name=name, client=client, **details)


# --- rename --------------------------------------------------------------------------------------


def test_a_renamed_client_keeps_its_items_and_undo_gives_the_old_name_back(db: Database) -> None:
    first = add(db, "Renew licence", "Kestrel")
    with db.session() as s:
        plan.rename_client(session=s, name="kestrel", new="Kestrel Aviation", author=AUTHOR)
    assert client_names(db) == ["Kestrel Aviation"]
    with db.session() as s:
        [row] = list_items(session=s, where=ItemFilter(client="kestrel aviation"))
    assert row["id"] == first
    assert undo(db) == "renamed client 'Kestrel' to 'Kestrel Aviation'"
    assert client_names(db) == ["Kestrel"]


def test_a_client_can_change_the_case_of_its_own_name(db: Database) -> None:
    add(db, client="ACME")
    with db.session() as s:
        plan.rename_client(session=s, name="acme", new="Acme", author=AUTHOR)
    assert client_names(db) == ["Acme"]


# --- merge ---------------------------------------------------------------------------------------


def two_spellings(db: Database) -> tuple[list[int], list[int]]:
    """Acme with two items, "Acme Ltd" with three, a snapshot, a contact and allow-list terms."""
    kept = [add(db, "Kept 1", "Acme"), add(db, "Kept 2", "Acme", status="doing")]
    merged = [add(db, f"Merged {n}", "Acme Ltd") for n in range(2)]
    contact(db, "Maria Lopez", "Acme Ltd", email="maria@acme.example")
    merged.append(add(db, "Merged by Maria", "Acme Ltd", owner="Maria Lopez"))
    add_snapshot(db, "Acme Ltd", "# Acme Ltd\n")
    with db.session() as s:
        change_allow_list(session=s, client="Acme", add=["ACME-"])
        change_allow_list(session=s, client="Acme Ltd", add=["acme-", "acme.example"])
    return kept, merged


def test_a_merge_moves_items_snapshots_contacts_and_allow_list_into_the_target(
    db: Database,
) -> None:
    kept, merged = two_spellings(db)
    with db.session() as s:
        moved = plan.merge_clients(session=s, name="Acme Ltd", into="ACME", author=AUTHOR)
    assert (moved.source, moved.target) == ("Acme Ltd", "Acme")
    assert (moved.items, moved.snapshots, moved.contacts) == (3, 1, 1)
    assert client_names(db, archived=True) == ["Acme"]
    with db.session() as s:
        acme = plan.find_client(session=s, name="Acme")
        assert acme is not None
        planned = list_items(session=s, where=ItemFilter(client="Acme", statuses=(Status.PLANNED,)))
        # The merged cards come after the target's own, in their order.
        assert [r["id"] for r in planned] == [kept[0], *merged]
        assert len({r["position"] for r in planned}) == len(planned)
        assert [s_.client_id for s_ in s.exec(select(Snapshot))] == [acme.id]
        maria = plan.find_person(session=s, name="Maria Lopez")
        assert maria is not None and maria.client_id == acme.id
        assert acme.guard_allow.splitlines() == ["ACME-", "acme.example"]


def test_one_undo_reverts_a_whole_merge(db: Database) -> None:
    _, merged = two_spellings(db)
    before = rows(db)
    with db.session() as s:
        ltd = plan.find_client(session=s, name="Acme Ltd")
        assert ltd is not None
        ltd_id, ltd_created = ltd.id, ltd.created_at
        plan.merge_clients(session=s, name="Acme Ltd", into="Acme", author=AUTHOR)
    assert undo(db).startswith("merged client 'Acme Ltd' into 'Acme': 3 items, 1 snapshot")
    with db.session() as s:
        ltd = s.get(Client, ltd_id)
        assert ltd is not None and (ltd.name, ltd.created_at) == ("Acme Ltd", ltd_created)
        assert ltd.guard_allow.splitlines() == ["acme-", "acme.example"]
        acme = plan.find_client(session=s, name="Acme")
        assert acme is not None and acme.guard_allow == "ACME-"
        assert [r["id"] for r in list_items(session=s, where=ItemFilter(client="Acme Ltd"))] == (
            merged
        )
        assert [x.client_id for x in s.exec(select(Snapshot))] == [ltd_id]
        maria = plan.find_person(session=s, name="Maria Lopez")
        assert maria is not None and maria.client_id == ltd_id
    # Only the record of the merge and its undo were added.
    after = rows(db)
    assert {t: after[t] - before[t] for t in TABLES if after[t] != before[t]}.keys() <= {
        "operation",
        "history",
        "record_change",
    }


def test_a_merge_moves_reviewed_sentences_with_their_items(db: Database) -> None:
    item_id = add(db, "Check ACME-12", "Acme Ltd", client_note="see ticket ACME-12")
    add(db, "Other", "Acme")
    with db.session() as s:
        ltd = plan.find_client(session=s, name="Acme Ltd")
        assert ltd is not None and ltd.id is not None
        s.add(
            Reviewed(
                client_id=ltd.id,
                item_id=item_id,
                fingerprint="f" * 32,
                rule="ticket",
                sentence="see ticket ACME-12",
                author=AUTHOR,
                at=item(db, item_id).created_at,
            )
        )
        s.commit()
        plan.merge_clients(session=s, name="Acme Ltd", into="Acme", author=AUTHOR)
        acme = plan.find_client(session=s, name="Acme")
        assert acme is not None
        assert [r.client_id for r in s.exec(select(Reviewed))] == [acme.id]


# --- archive -------------------------------------------------------------------------------------


def archived_plan(db: Database) -> tuple[int, int]:
    """Acme and an archived Old Co, each with an overdue, unowned, recurring must-do."""
    values = {"due": TODAY - timedelta(days=3), "repeat_every": 1, "repeat_unit": "week"}
    active = add(db, "Active check", "Acme", owner="Ana", **values)
    old = add(db, "Old check", "Old Co", owner="Bob", **values)
    with db.session() as s:
        plan.archive_client(session=s, name="old co", author=AUTHOR, force=True)
    return active, old


def test_an_archived_client_is_left_out_of_every_list_of_several_clients(db: Database) -> None:
    active, _ = archived_plan(db)
    assert client_names(db) == ["Acme"]
    with db.session() as s:
        assert [r["id"] for r in list_items(session=s)] == [active]  # All clients
        assert [r["id"] for r in open_items(session=s)] == [active]  # the agenda
        assert [e.id for e in triage_queue(session=s, today=TODAY)] == [active]
        assert [o.name for o in workload(session=s, today=TODAY).owners] == ["Ana"]
        grid = recurring_grid(session=s, today=TODAY)
        assert [r.name for r in grid.clients] == ["Acme"]


def test_an_archived_client_is_still_listed_on_request_found_by_name_and_exported(
    db: Database,
) -> None:
    _, old = archived_plan(db)
    with db.session() as s:
        listed = clients_with_counts(session=s, today=TODAY, archived=True)
        assert [(c.name, c.archived, c.open) for c in listed] == [
            ("Acme", False, 1),
            ("Old Co", True, 1),
        ]
        assert [r["id"] for r in list_items(session=s, where=ItemFilter(client="Old Co"))] == [old]
        assert [e.id for e in triage_queue(session=s, today=TODAY, client="old co")] == [old]
        assert [r["id"] for r in open_items(session=s, client="Old Co")] == [old]
        assert '"Old check"' in export_json(session=s)
    assert "Old check" in export_csv(db)


def test_archiving_a_client_with_open_items_needs_force_and_writes_nothing(db: Database) -> None:
    add(db, "Open", "Acme")
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid) as caught:
        plan.archive_client(session=s, name="Acme", author=AUTHOR)
    assert str(caught.value) == (
        "client 'Acme' has 1 open item: archive it anyway with --force, or close or move it first"
    )
    assert rows(db) == before and client_names(db) == ["Acme"]


def test_a_client_with_only_done_items_archives_without_force_and_undo_unarchives(
    db: Database,
) -> None:
    add(db, "Finished", "Acme", status="done")
    with db.session() as s:
        plan.archive_client(session=s, name="Acme", author=AUTHOR)
    assert client_names(db) == []
    assert undo(db) == "archived client 'Acme'"
    assert client_names(db) == ["Acme"]


def test_unarchive_brings_a_client_back_and_double_archive_is_refused(db: Database) -> None:
    archived_plan(db)
    with db.session() as s, pytest.raises(Invalid, match="archived already"):
        plan.archive_client(session=s, name="Old Co", author=AUTHOR, force=True)
    with db.session() as s:
        plan.unarchive_client(session=s, name="Old Co", author=AUTHOR)
    assert client_names(db) == ["Acme", "Old Co"]
    with db.session() as s, pytest.raises(Invalid, match="is not archived"):
        plan.unarchive_client(session=s, name="Old Co", author=AUTHOR)


# --- delete --------------------------------------------------------------------------------------


def test_a_client_with_items_even_deleted_ones_or_snapshots_is_not_deleted(db: Database) -> None:
    deleted_item = add(db, "Gone", "Typo Co")
    with db.session() as s:
        plan.delete_item(session=s, item_id=deleted_item, author=AUTHOR)
    add(db, client="Acme")
    add_snapshot(db, "Acme", "# Acme\n")
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid, match=r"has 1 item \(deleted items count"):
        plan.delete_client(session=s, name="Typo Co", author=AUTHOR)
    with db.session() as s, pytest.raises(Invalid, match="has 1 item and 1 snapshot"):
        plan.delete_client(session=s, name="Acme", author=AUTHOR)
    assert rows(db) == before


def test_deleting_an_empty_client_leaves_its_contacts_unattached_until_undo(
    db: Database,
) -> None:
    with db.session() as s:  # a client with no items (as a restored export may hold)
        s.add(Client(name="Empty Co", created_at=item(db, add(db)).created_at))
        s.commit()
    contact(db, "Zed", "Empty Co", role="CTO")
    with db.session() as s:
        plan.delete_client(session=s, name="empty co", author=AUTHOR)
        assert plan.find_client(session=s, name="Empty Co") is None
        zed = plan.find_person(session=s, name="Zed")
        assert zed is not None and zed.client_id is None and zed.role == "CTO"
    assert undo(db) == "deleted client 'Empty Co'"
    with db.session() as s:
        back = plan.find_client(session=s, name="Empty Co")
        zed = plan.find_person(session=s, name="Zed")
        assert back is not None and zed is not None and zed.client_id == back.id


# --- bad input: one line, nothing written ---------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s: plan.merge_clients(session=s, name="acme", into="ACME", author=AUTHOR),
            "cannot merge client 'Acme' into itself",
        ),
        (
            lambda s: plan.rename_client(session=s, name="Acme", new=" globex ", author=AUTHOR),
            "there is already a client named 'Globex' (merge the two instead)",
        ),
        (
            lambda s: plan.rename_client(session=s, name="Acme", new="Acme", author=AUTHOR),
            "'Acme' is already called that",
        ),
        (
            lambda s: plan.rename_client(session=s, name="Acme", new="  ", author=AUTHOR),
            "name is empty",
        ),
        (
            lambda s: plan.merge_clients(session=s, name="Acme", into="Nobody", author=AUTHOR),
            "no client named 'Nobody'",
        ),
    ],
)
def test_bad_client_changes_are_one_line_and_write_nothing(db: Database, call, message) -> None:
    add(db, client="Acme")
    add(db, client="Globex")
    before = rows(db)
    with db.session() as s, pytest.raises((Invalid, NotFound)) as caught:
        call(s)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)
    assert rows(db) == before
    assert client_names(db) == ["Acme", "Globex"]


def test_a_merge_is_recorded_as_one_operation(db: Database) -> None:
    two_spellings(db)
    with db.session() as s:
        made = s.exec(select(col(RecordChange.id))).all()  # the contact's creation
        moved = plan.merge_clients(session=s, name="Acme Ltd", into="Acme", author=AUTHOR)
        stmt = select(RecordChange).where(col(RecordChange.id).not_in(made))
        changes = s.exec(stmt.order_by(col(RecordChange.id))).all()
    assert len({c.op_id for c in changes}) == 1
    assert [(c.record, c.field) for c in changes if c.record != "snapshot"] == [
        ("person", "client_id"),
        ("client", "guard_allow"),
        ("client", "deleted"),
    ]
    assert moved.contacts == 1
