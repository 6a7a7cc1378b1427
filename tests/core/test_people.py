"""People: contact details, contacts bound to their client on every path that gives an item an
owner, and rename, merge and archive with one undo each; bad input refused with nothing written."""

from __future__ import annotations

import json

import pytest

from actionplan import plan
from actionplan.db import Database
from actionplan.history import describe_event
from actionplan.interchange.json_io import export_json, restore_json
from actionplan.models import Side
from actionplan.plan import Invalid, NotFound, new_item
from actionplan.plan.merge import current_row, edit_merging
from actionplan.queries import item_history, people, people_rows, person_names
from tests.support import AUTHOR, TABLES, add, count, edit, item


def rows(db: Database) -> dict[str, int]:
    return {t: count(db, t) for t in TABLES}


def save(db: Database, name: str, **details: object):
    with db.session() as s:
        return plan.save_person(session=s, name=name, **details)


def undo(db: Database) -> str:
    with db.session() as s:
        op = plan.undo(session=s, author=AUTHOR)
    assert op is not None
    return op.summary


def acme_and_maria(db: Database) -> tuple[int, int]:
    """Acme with Maria as its contact owning one item, and Globex with an item of its own."""
    acme = add(db, "Acme item", "Acme")
    globex = add(db, "Globex item", "Globex")
    save(db, "Maria Lopez", client="Acme")
    edit(db, acme, owner="maria lopez")
    return acme, globex


# --- details -------------------------------------------------------------------------------------


def test_a_contact_has_a_client_role_email_phone_note_and_receives_the_summary(
    db: Database,
) -> None:
    add(db, client="Acme")
    maria = save(
        db,
        "Maria Lopez",
        client="acme",
        role="Operations Director",
        email="maria.lopez@acme.example",
        phone="+44 20 7946 0000",
        note="prefers a call",
        status_recipient=True,
    )
    assert maria.side == Side.CLIENT  # a client makes them a client's contact
    with db.session() as s:
        [row] = people_rows(session=s, client="ACME")
    assert (row.name, row.client, row.role, row.email, row.phone, row.note) == (
        "Maria Lopez",
        "Acme",
        "Operations Director",
        "maria.lopez@acme.example",
        "+44 20 7946 0000",
        "prefers a call",
    )
    assert row.status_recipient and not row.archived
    # None leaves a detail as it is, "" clears it.
    again = save(db, "maria lopez", phone="", status_recipient=False)
    assert (again.phone, again.email, again.status_recipient) == (None, maria.email, False)


def test_a_vendor_names_their_company_and_leaving_the_client_side_leaves_the_client(
    db: Database,
) -> None:
    add(db, client="Acme")
    tom = save(db, "Tom Becker", company="Sentinel Ltd")
    assert (tom.side, tom.company, tom.client_id) == (Side.VENDOR, "Sentinel Ltd", None)
    save(db, "Ana", client="Acme")
    ana = save(db, "Ana", side="us", team="Service desk")
    assert (ana.side, ana.client_id, ana.team) == (Side.US, None, "Service desk")


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"email": "maria at acme"}, "e-mail 'maria at acme' is not an address"),
        ({"email": "maria@acme"}, "e-mail 'maria@acme' is not an address"),
        ({"email": "a@b@acme.example"}, "is not an address"),
        ({"phone": "call reception"}, "phone 'call reception' has no digits"),
        ({"client": "Acme", "side": "us"}, "only a client's contact belongs to a client"),
        ({"company": "Sentinel", "side": "client"}, "a company is for a vendor's contact"),
        ({"role": "x" * 101}, "role is too long"),
        ({"side": "martian"}, "side 'martian' is not one of us, client, vendor"),
        ({"client": "Acme Typo"}, "no client named 'Acme Typo'"),
    ],
)
def test_bad_details_are_refused_and_nothing_is_written(db: Database, details, message) -> None:
    add(db, client="Acme")
    save(db, "Maria Lopez", client="Acme", email="maria@acme.example")
    before = rows(db)
    with pytest.raises((Invalid, NotFound), match=message):
        save(db, "Maria Lopez", **details)
    with pytest.raises((Invalid, NotFound), match=message):
        save(db, "Someone New", **details)
    assert rows(db) == before
    with db.session() as s:
        maria = plan.find_person(session=s, name="Maria Lopez")
        assert maria is not None and maria.email == "maria@acme.example"


# --- a contact of client A never owns an item of client B -----------------------------------------

REFUSAL = "'Maria Lopez' is a contact of 'Acme'; they cannot own an item of 'Globex'"


def test_every_way_of_giving_an_item_an_owner_refuses_another_clients_contact(
    db: Database,
) -> None:
    acme, globex = acme_and_maria(db)
    before = rows(db)
    with db.session() as s:
        seen = current_row(s, globex)
    attempts = {
        "add": lambda s: plan.add_item(
            session=s, author=AUTHOR, client="Globex", title="x", owner="Maria Lopez"
        ),
        "edit": lambda s: plan.edit_item(
            session=s, item_id=globex, author=AUTHOR, owner="Maria Lopez"
        ),
        "set_owner": lambda s: plan.set_owner(
            session=s, item_id=globex, owner="maria lopez", author=AUTHOR
        ),
        "move her item": lambda s: plan.edit_item(
            session=s, item_id=acme, author=AUTHOR, client="Globex"
        ),
        "import": lambda s: plan.add_items(
            session=s,
            author=AUTHOR,
            items=[
                new_item(client="Globex", title="fine", owner="Ben"),
                new_item(client="Globex", title="not fine", owner="Maria Lopez"),
            ],
            summary=None,
        ),
        "merged edit": lambda s: edit_merging(
            session=s, item_id=globex, seen=seen, author=AUTHOR, owner="Maria Lopez"
        ),
    }
    for how, attempt in attempts.items():
        with db.session() as s, pytest.raises(Invalid) as caught:
            attempt(s)
        assert str(caught.value) == REFUSAL, how
    assert rows(db) == before  # not even "Ben" of the refused import
    assert item(db, acme).owner_id is not None and item(db, globex).owner_id is None


def test_an_unattached_client_person_may_own_any_clients_items(db: Database) -> None:
    add(db, client="Acme")
    save(db, "Old Contact", side="client")
    first = add(db, "One", "Acme", owner="Old Contact")
    second = add(db, "Two", "Globex", owner="Old Contact")
    assert item(db, first).owner_id == item(db, second).owner_id
    with db.session() as s:
        assert [p.name for p in people_rows(session=s, unattached=True)] == ["Old Contact"]
    # Attaching them to one client while they own the other's item is refused.
    with pytest.raises(Invalid, match=r"'Old Contact' owns #\d+ of 'Globex'"):
        save(db, "Old Contact", client="Acme")


def test_a_json_restore_refuses_an_item_owned_by_another_clients_contact(
    db: Database, new_sqlite
) -> None:
    acme, _ = acme_and_maria(db)
    with db.session() as s:
        data = json.loads(export_json(session=s))
    globex_id = next(c["id"] for c in data["client"] if c["name"] == "Globex")
    next(i for i in data["item"] if i["id"] == acme)["client_id"] = globex_id
    target = new_sqlite()
    with target.session() as s, pytest.raises(Invalid, match="is a contact of client"):
        restore_json(session=s, text=json.dumps(data))
    assert count(target, "item") == 0


# --- rename --------------------------------------------------------------------------------------


def test_a_rename_keeps_the_name_each_change_was_made_with(db: Database) -> None:
    item_id = add(db, owner="Pri")
    edit(db, item_id, owner="Tom")
    with db.session() as s:
        plan.rename_person(session=s, name="pri", new="Priya Shah", author=AUTHOR)
    edit(db, item_id, owner="Priya Shah")
    with db.session() as s:
        plan.rename_person(session=s, name="Tom", new="Tom Becker", author=AUTHOR)
        names = person_names(session=s)
        owners = [
            describe_event(e, names)
            for e in item_history(session=s, item_id=item_id)
            if e.field == "owner_id"
        ]
    assert owners == ["owner: Pri → Tom", "owner: Tom → Priya Shah"]
    assert undo(db) == "renamed 'Tom' to 'Tom Becker'"
    with db.session() as s:
        assert sorted(p.name for p in people(session=s)) == ["Priya Shah", "Tom"]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("PRIYA SHAH", "there is already a person named 'Priya Shah' (merge the two instead)"),
        ("Pri", "'Pri' is already called that"),
        ("", "name is empty"),
    ],
)
def test_a_rename_onto_a_taken_name_is_refused(db: Database, new: str, message: str) -> None:
    add(db, owner="Pri")
    add(db, owner="Priya Shah")
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid) as caught:
        plan.rename_person(session=s, name="Pri", new=new, author=AUTHOR)
    assert str(caught.value) == message
    assert rows(db) == before


# --- merge ---------------------------------------------------------------------------------------


def test_a_merge_gives_every_item_to_the_one_kept_and_one_undo_reverts_it(db: Database) -> None:
    ids = [add(db, "One", owner="Pri"), add(db, "Two", owner="Pri"), add(db, "Three", owner="Ana")]
    save(db, "Pri", email="pri@us.example", status_recipient=True)
    save(db, "Priya Shah", team="Network team")
    with db.session() as s:
        moved = plan.merge_people(session=s, name="pri", into="Priya Shah", author=AUTHOR)
        priya = plan.find_person(session=s, name="Priya Shah")
        assert plan.find_person(session=s, name="Pri") is None
    assert (moved.source, moved.target, moved.items) == ("Pri", "Priya Shah", 2)
    assert priya is not None
    # The one kept takes the details they lacked; their own stay.
    assert (priya.team, priya.email, priya.status_recipient) == (
        "Network team",
        "pri@us.example",
        True,
    )
    assert [item(db, i).owner_id for i in ids[:2]] == [priya.id, priya.id]
    with db.session() as s:  # history still names who owned them then
        names = person_names(session=s)
        [made] = [e for e in item_history(session=s, item_id=ids[0]) if e.field == "owner_id"]
        assert describe_event(made, names) == "owner: Pri → Priya Shah"

    assert undo(db) == "merged 'Pri' into 'Priya Shah': 2 items"
    with db.session() as s:
        pri = plan.find_person(session=s, name="Pri")
        priya = plan.find_person(session=s, name="Priya Shah")
        assert pri is not None and priya is not None
        assert (priya.email, priya.status_recipient) == (None, False)
    assert [item(db, i).owner_id for i in ids[:2]] == [pri.id, pri.id]


def test_bad_merges_are_refused_and_nothing_is_written(db: Database) -> None:
    acme_and_maria(db)
    add(db, "Globex by Pri", "Globex", owner="Pri")
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid, match="cannot merge 'Pri' into themselves"):
        plan.merge_people(session=s, name="Pri", into="PRI", author=AUTHOR)
    # Maria is Acme's: she cannot take Pri's Globex item.
    with db.session() as s, pytest.raises(Invalid, match="they cannot own an item of 'Globex'"):
        plan.merge_people(session=s, name="Pri", into="Maria Lopez", author=AUTHOR)
    with db.session() as s, pytest.raises(NotFound, match="no person named 'Nobody'"):
        plan.merge_people(session=s, name="Nobody", into="Pri", author=AUTHOR)
    assert rows(db) == before


# --- archive -------------------------------------------------------------------------------------


def test_an_archived_person_is_not_offered_and_their_open_items_come_first(db: Database) -> None:
    add(db, owner="Ana")
    add(db, owner="Leaver")
    save(db, "Gone Quiet")
    before = rows(db)
    with db.session() as s, pytest.raises(Invalid) as caught:
        plan.archive_person(session=s, name="Leaver", author=AUTHOR)
    assert str(caught.value) == (
        "'Leaver' owns 1 open item: archive anyway with --force, or give it to someone else first"
    )
    assert rows(db) == before
    with db.session() as s:
        plan.archive_person(session=s, name="Leaver", author=AUTHOR, force=True)
        plan.archive_person(session=s, name="Gone Quiet", author=AUTHOR)
        assert [p.name for p in people(session=s)] == ["Ana"]
        listed = people_rows(session=s)
        everyone = people_rows(session=s, archived=True)
    assert [(p.name, p.archived, p.open) for p in listed] == [
        ("Leaver", True, 1),  # first: the open item needs a new owner
        ("Ana", False, 1),
    ]
    assert [p.name for p in everyone] == ["Leaver", "Ana", "Gone Quiet"]
    assert undo(db) == "archived 'Gone Quiet'"
    with db.session() as s:
        plan.unarchive_person(session=s, name="Leaver", author=AUTHOR)
        assert [p.name for p in people(session=s)] == ["Ana", "Gone Quiet", "Leaver"]
        with pytest.raises(Invalid, match="'Leaver' is not archived"):
            plan.unarchive_person(session=s, name="Leaver", author=AUTHOR)
