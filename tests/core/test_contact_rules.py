"""The gaps left by issue 13's contacts, closed: a person's details saved as one operation that
``undo`` reverts (a person added is removed again); the contact rule kept by restore, undo and
person merges (deleted items count: they can be restored); a merge carries the client over; and
nothing is added to or moved into an archived client unless the caller says so."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from actionplan import plan
from actionplan.db import Database
from actionplan.models import Client, Item, Operation, Person, Side
from actionplan.plan import Conflict, Invalid
from tests.support import AUTHOR, TABLES, add, count, edit, item

OTHER = "Someone Else"


def rows(db: Database) -> dict[str, int]:
    return {t: count(db, t) for t in TABLES}


def save(db: Database, name: str, author: str = AUTHOR, **details: object) -> Person:
    with db.session() as s:
        return plan.save_person(session=s, name=name, author=author, **details)


def undo(db: Database) -> str | None:
    with db.session() as s:
        op = plan.undo(session=s, author=AUTHOR)
        return op.summary if op else None


def person(db: Database, name: str) -> Person | None:
    with db.session() as s:
        return plan.find_person(session=s, name=name)


def client_of(db: Database, name: str) -> str | None:
    with db.session() as s:
        found = plan.find_person(session=s, name=name)
        assert found is not None
        if found.client_id is None:
            return None
        client = s.get(Client, found.client_id)
        assert client is not None
        return client.name


def client_of_item(db: Database, item_id: int) -> str:
    with db.session() as s:
        found = s.get(Item, item_id)
        assert found is not None
        client = s.get(Client, found.client_id)
        assert client is not None
        return client.name


def tom_joins_globex_after(db: Database, title: str, **change: object) -> int:
    """An Acme item ``title`` owned by Tom (a client-side person of no client) and a Globex
    item; then your ``change`` to the first, and someone else making Tom Globex's contact. The
    first item's id."""
    changed = add(db, title, "Acme", owner="Tom")
    add(db, "Globex item", "Globex")
    save(db, "Tom", author=OTHER, side="client")
    edit(db, changed, **change)
    save(db, "Tom", author=OTHER, client="Globex")
    return changed


# --- a person's details: one operation, undone --------------------------------------------------


def test_saving_details_is_an_operation_of_its_author_and_undo_reverts_it(db: Database) -> None:
    add(db, client="Acme")
    save(db, "Maria Lopez", client="Acme", email="maria@acme.example", role="Buyer")
    save(
        db,
        "maria lopez",
        email="m.lopez@acme.example",
        phone="+44 20 7946 0000",
        role="Operations Director",
        note="prefers a call",
        status_recipient=True,
        side="client",
        client="",  # unattached
    )
    with db.session() as s:
        last = s.exec(select(Operation).order_by(col(Operation.id).desc())).first()
    assert last is not None and (last.author, last.kind) == (AUTHOR, "person-edit")
    assert last.summary == (
        "changed client, role, e-mail, phone, note, status recipient of 'Maria Lopez'"
    )
    assert undo(db) == last.summary
    maria = person(db, "Maria Lopez")
    assert maria is not None
    assert (maria.email, maria.phone, maria.role, maria.note, maria.status_recipient) == (
        "maria@acme.example",
        None,
        "Buyer",
        "",
        False,
    )
    assert client_of(db, "Maria Lopez") == "Acme"
    # Adding her is undone too.
    assert undo(db) == "added person 'Maria Lopez'"
    assert person(db, "Maria Lopez") is None
    assert count(db, "person") == 0


def test_details_already_there_write_nothing_and_leave_nothing_to_undo(db: Database) -> None:
    save(db, "Ana", team="Service desk", email="ana@us.example")
    before = rows(db)
    save(db, "ANA", team="Service desk", email="ana@us.example", side="us")
    assert rows(db) == before
    assert undo(db) == "added person 'Ana'"


def test_a_person_added_who_owns_items_by_now_is_not_removed_by_undo(db: Database) -> None:
    save(db, "Tom Becker", company="Sentinel Ltd")
    item_id = add(db, "Renew", "Acme", author=OTHER, owner="Tom Becker")
    with pytest.raises(Conflict) as caught:
        undo(db)
    assert str(caught.value) == (
        f"cannot undo: 'Tom Becker' owns #{item_id} by now (archive them instead); "
        "undo again to go on to your change before it"
    )
    assert person(db, "Tom Becker") is not None
    assert undo(db) is None  # skipped, and nothing before it


def test_undo_of_details_someone_changed_since_is_refused(db: Database) -> None:
    save(db, "Ana", author=OTHER)
    save(db, "Ana", email="ana@us.example")
    save(db, "Ana", author=OTHER, email="ana.silva@us.example")
    with pytest.raises(Conflict, match=f"cannot undo: person 'Ana' was changed by {OTHER} since"):
        undo(db)
    assert person(db, "Ana").email == "ana.silva@us.example"  # type: ignore[union-attr]


# --- the contact rule on restore and undo ------------------------------------------------------


def test_a_contact_moves_to_another_client_only_without_its_deleted_items_either(
    db: Database,
) -> None:
    acme = add(db, "Acme item", "Acme")
    add(db, "Globex item", "Globex")
    save(db, "Tom", side="client")  # unattached: may own any client's items
    edit(db, acme, owner="Tom")
    with db.session() as s:
        plan.delete_item(session=s, item_id=acme, author=AUTHOR)
    before = rows(db)
    with pytest.raises(Invalid) as caught:
        save(db, "Tom", client="Globex")
    assert str(caught.value) == (
        f"'Tom' owns #{acme} of 'Acme': a contact of 'Globex' cannot "
        "(deleted: restore it and give it another owner first)"
    )
    assert rows(db) == before


def test_restore_refuses_an_item_whose_owner_is_another_clients_contact_now(
    db: Database,
) -> None:
    acme = add(db, "Acme item", "Acme")
    add(db, "Globex item", "Globex")
    save(db, "Maria Lopez", client="Acme")
    edit(db, acme, owner="Maria Lopez")
    with db.session() as s:
        plan.delete_item(session=s, item_id=acme, author=AUTHOR)
    # As a release before this one let her be moved (it did not count deleted items).
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE person SET client_id = (SELECT id FROM client WHERE name = 'Globex')"
        )
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid) as caught:
        plan.restore_item(session=s, item_id=acme, author=AUTHOR)
    assert str(caught.value) == (
        f"cannot restore #{acme}: 'Maria Lopez' is a contact of 'Globex'; "
        "they cannot own an item of 'Acme'"
    )
    assert rows(db) == before and item(db, acme).deleted_at is not None


def test_undo_of_an_owner_change_refuses_an_owner_who_became_another_clients_contact(
    db: Database,
) -> None:
    acme = tom_joins_globex_after(db, "Acme item", owner="Ben")  # he owns nothing of Acme's now
    with pytest.raises(Conflict) as caught:
        undo(db)
    assert str(caught.value) == (
        "cannot undo: 'Tom' is a contact of 'Globex'; they cannot own an item of 'Acme'; "
        "undo again to go on to your change before it"
    )
    assert person(db, "Ben").id == item(db, acme).owner_id  # type: ignore[union-attr]


def test_undo_of_a_client_change_refuses_to_leave_the_owner_at_another_client(
    db: Database,
) -> None:
    moved = tom_joins_globex_after(db, "Moved", client="Globex")
    with pytest.raises(Conflict, match="'Tom' is a contact of 'Globex'; they cannot own an item"):
        undo(db)
    assert client_of_item(db, moved) == "Globex"


def test_undo_of_a_contacts_move_refuses_when_they_own_the_new_clients_items_since(
    db: Database,
) -> None:
    add(db, "Acme item", "Acme")
    globex = add(db, "Globex item", "Globex")
    save(db, "Tom", author=OTHER, client="Acme")
    save(db, "Tom", client="Globex")  # AUTHOR moves him
    with db.session() as s:  # and someone gives him a Globex item
        plan.edit_item(session=s, item_id=globex, author=OTHER, owner="Tom")
    with pytest.raises(Conflict) as caught:
        undo(db)
    assert str(caught.value) == (
        f"cannot undo: 'Tom' owns #{globex} of 'Globex': a contact of 'Acme' cannot "
        "(give that item another owner first); undo again to go on to your change before it"
    )
    assert client_of(db, "Tom") == "Globex"


# --- person merges: the client carried over, deleted items checked -----------------------------


def test_a_merge_into_an_unattached_contact_attaches_them_and_undo_detaches(db: Database) -> None:
    acme = add(db, "Acme item", "Acme")
    save(db, "Maria Lopez", client="Acme")
    edit(db, acme, owner="Maria Lopez")
    save(db, "M. Lopez", side="client", email="m@acme.example")
    with db.session() as s:
        moved = plan.merge_people(session=s, name="Maria Lopez", into="m. lopez", author=AUTHOR)
    assert (moved.items, moved.client) == (1, "Acme")
    assert client_of(db, "M. Lopez") == "Acme"
    assert undo(db) == "merged 'Maria Lopez' into 'M. Lopez': 1 item; now a contact of 'Acme'"
    assert client_of(db, "M. Lopez") is None and client_of(db, "Maria Lopez") == "Acme"


@pytest.mark.parametrize(
    ("source", "into", "message"),
    [
        (
            "Maria Lopez",
            "Marie Lopez",
            "cannot merge 'Maria Lopez' into 'Marie Lopez': they are contacts of 'Acme' and "
            "'Globex'",
        ),
        ("Maria Lopez", "Old Contact", "'Old Contact' owns #2 of 'Globex': a contact of 'Acme'"),
        ("Pri", "Maria Lopez", "'Pri' owns #3 of 'Globex': a contact of 'Acme' cannot (deleted:"),
    ],
)
def test_merges_that_would_break_the_contact_rule_are_one_line_and_write_nothing(
    db: Database, source: str, into: str, message: str
) -> None:
    add(db, "Acme item", "Acme")  # 1
    add(db, "Globex by Old Contact", "Globex", owner="Old Contact")  # 2
    gone = add(db, "Globex by Pri, deleted", "Globex", owner="Pri")  # 3
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    save(db, "Old Contact", side="client")
    save(db, "Maria Lopez", client="Acme")
    save(db, "Marie Lopez", client="Globex")
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid) as caught:
        plan.merge_people(session=s, name=source, into=into, author=AUTHOR)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
    assert rows(db) == before


def test_a_merge_into_one_of_us_keeps_them_ours(db: Database) -> None:
    acme = add(db, "Acme item", "Acme")
    save(db, "Maria Lopez", client="Acme")
    edit(db, acme, owner="Maria Lopez")
    save(db, "Maria", team="Service desk")
    with db.session() as s:
        moved = plan.merge_people(session=s, name="Maria Lopez", into="Maria", author=AUTHOR)
    maria = person(db, "Maria")
    assert moved.client is None and maria is not None
    assert (maria.side, maria.client_id) == (Side.US, None)


# --- archived clients --------------------------------------------------------------------------


def test_nothing_is_added_to_or_moved_into_an_archived_client_unless_said(db: Database) -> None:
    old = add(db, "Old", "Old Co", status="done")
    acme = add(db, "Acme item", "Acme")
    with db.session() as s:
        plan.delete_item(session=s, item_id=old, author=AUTHOR)
        plan.archive_client(session=s, name="Old Co", author=AUTHOR)
    before = rows(db)
    refusal = "client 'Old Co' is archived; unarchive it first"
    attempts = {
        "add": lambda s: plan.add_item(session=s, author=AUTHOR, client="old co", title="x"),
        "import": lambda s: plan.add_items(
            session=s,
            author=AUTHOR,
            items=[
                plan.new_item(client="Acme", title="y"),
                plan.new_item(client="Old Co", title="z"),
            ],
            summary=None,
        ),
        "move": lambda s: plan.edit_item(session=s, item_id=acme, author=AUTHOR, client="Old Co"),
    }
    for how, attempt in attempts.items():
        with db.session() as s, pytest.raises(Invalid) as caught:
            attempt(s)
        assert str(caught.value) == refusal, how
    assert rows(db) == before
    with db.session() as s:  # said explicitly; and bringing an item back is no adding
        plan.add_item(session=s, author=AUTHOR, client="Old Co", title="x", into_archived=True)
        plan.edit_item(session=s, item_id=acme, author=AUTHOR, client="Old Co", into_archived=True)
        plan.restore_item(session=s, item_id=old, author=AUTHOR)
    assert item(db, old).deleted_at is None
    assert client_of_item(db, acme) == "Old Co"


def test_undo_puts_an_item_back_into_its_client_archived_since(db: Database) -> None:
    moved = add(db, "Moved out", "Old Co")
    with db.session() as s:
        plan.edit_item(session=s, item_id=moved, author=AUTHOR, client="Acme")
        plan.archive_client(session=s, name="Old Co", author=OTHER)
    assert undo(db) == f"changed client of #{moved} Moved out"
    assert client_of_item(db, moved) == "Old Co"


def test_a_client_merges_into_an_archived_one(db: Database) -> None:
    add(db, "Old", "Old Co", status="done")
    add(db, "Open", "Old Co Ltd")
    with db.session() as s:
        plan.archive_client(session=s, name="Old Co", author=AUTHOR)
        moved = plan.merge_clients(session=s, name="Old Co Ltd", into="Old Co", author=AUTHOR)
    assert moved.items == 1
    assert undo(db) == "merged client 'Old Co Ltd' into 'Old Co': 1 item, 0 snapshots, 0 contacts"
