"""The operations: every change saved at once, with history, undoable, bad input refused whole."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from sqlmodel import func, select

from actionplan import plan
from actionplan.db import Database, open_database
from actionplan.models import HistoryEvent, Item, Operation, Person, Side, Status, Visibility
from actionplan.queries import ItemFilter, item_history, list_items
from tests import support
from tests.support import AUTHOR, edit

add = partial(support.add_item, title="Renew firewall licence")


def counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return tuple(  # type: ignore[return-value]
            s.exec(select(func.count()).select_from(t)).one()
            for t in (Item, Operation, HistoryEvent)
        )


def column(db: Database, client: str = "Acme", status: Status = Status.PLANNED) -> list[int]:
    with db.session() as s:
        rows = list_items(session=s, where=ItemFilter(client=client, statuses=(status,)))
    return [r["id"] for r in rows]


def undo(db: Database, author: str = AUTHOR) -> Operation | None:
    with db.session() as s:
        return plan.undo(session=s, author=author)


# --- adding ---------------------------------------------------------------------------------------


def test_add_creates_client_and_owner_and_records_history(db: Database) -> None:
    item = add(db, owner="Priya Shah", due=date(2026, 12, 5), internal_note="no way, not Q4")
    assert item.id == 1 and item.version == 1 and item.status == Status.PLANNED
    with db.session() as s:
        owner = s.get(Person, item.owner_id)
        assert owner is not None and owner.name == "Priya Shah" and owner.side == Side.US
        events = item_history(session=s, item_id=item.id)
    assert [(e.field, e.new, e.author) for e in events] == [("created", item.title, AUTHOR)]


def test_client_and_owner_names_match_ignoring_case(db: Database) -> None:
    a = add(db, client="Acme", owner="Priya")
    b = add(db, client="ACME", owner="priya")
    assert a.client_id == b.client_id and a.owner_id == b.owner_id


def test_new_cards_go_to_the_end_of_their_column(db: Database) -> None:
    ids = [add(db, title=f"item {n}").id for n in range(3)]
    assert column(db) == ids


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": ""}, "title is empty"),
        ({"title": "   \x1b[2J  "}, "title is empty"),
        ({"title": "x" * 201}, "title is too long"),
        ({"client": ""}, "client is empty"),
        ({"status": "finished"}, "not one of"),
        ({"waiting_on": "client"}, "only for waiting"),
        ({"escalated": True}, "needs a reason"),
        ({"internal_note": "x" * 10_001}, "too long"),
        ({"owner": "o" * 101}, "owner is too long"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(db: Database, values, message) -> None:
    add(db, title="existing")
    before = counts(db)
    with pytest.raises(plan.Invalid, match=message):
        add(db, **{"title": "ok", **values})
    assert counts(db) == before


def test_control_characters_and_escapes_are_removed_on_the_way_in(db: Database) -> None:
    item = add(db, title="Patch \x1b[31mnow\x1b[0m\x07 [bold]x[/]", client_note="a\x00b\nnext")
    assert item.title == "Patch now [bold]x[/]"
    assert item.client_note == "ab\nnext"


# --- editing --------------------------------------------------------------------------------------


def test_every_field_can_be_edited_and_each_change_is_in_history(db: Database) -> None:
    item = add(db, owner="Priya")
    edit(
        db,
        item.id,
        title="Renew firewall support",
        client_note="Scheduled out of hours",
        internal_note="vendor late again",
        owner="Marek",
        due=date(2026, 12, 12),
        committed=date(2026, 11, 28),
        must=False,
        escalated=True,
        escalation_reason="licence lapses 1 Dec",
        visibility="internal",
        reason="vendor moved the date",
    )
    got = support.item(db, item.id)
    assert (got.title, got.must, got.escalated, got.visibility) == (
        "Renew firewall support", False, True, Visibility.INTERNAL,
    )  # fmt: skip
    assert got.due == date(2026, 12, 12) and got.committed == date(2026, 11, 28)
    assert got.slipped
    assert got.version == 2
    with db.session() as s:
        events = {e.field: e for e in item_history(session=s, item_id=item.id)}
    assert events["due"].old is None and events["due"].new == "2026-12-12"
    assert events["due"].reason == "vendor moved the date"
    assert events["title"].old == "Renew firewall licence"
    assert events["owner_id"].old != events["owner_id"].new


def test_moving_to_done_sets_done_time_and_puts_the_card_last(db: Database) -> None:
    first = add(db, title="first", status="done")
    item = add(db)
    moved = plan_move(db, item.id, Status.DONE)
    assert moved.done_at is not None
    assert column(db, status=Status.DONE) == [first.id, item.id]
    back = plan_move(db, item.id, Status.DOING)
    assert back.done_at is None


def plan_move(db: Database, item_id: int, status: Status) -> Item:
    with db.session() as s:
        return plan.move_item(session=s, item_id=item_id, status=status, author=AUTHOR)


def test_waiting_on_moves_to_waiting_and_leaving_waiting_clears_it(db: Database) -> None:
    item = add(db)
    got = edit(db, item.id, waiting_on="client")
    assert got.status == Status.WAITING and got.waiting_on is not None
    got = plan_move(db, item.id, Status.DOING)
    assert got.waiting_on is None


def test_escalate_needs_a_reason_and_deescalate_clears_it(db: Database) -> None:
    item = add(db)
    with db.session() as s, pytest.raises(plan.Invalid, match="reason"):
        plan.escalate(session=s, item_id=item.id, reason="  ", author=AUTHOR)
    with db.session() as s:
        plan.escalate(session=s, item_id=item.id, reason="CEO asked", author=AUTHOR)
    assert support.item(db, item.id).escalation_reason == "CEO asked"
    with db.session() as s:
        plan.deescalate(session=s, item_id=item.id, author=AUTHOR)
    got = support.item(db, item.id)
    assert not got.escalated and got.escalation_reason == ""


def test_owner_due_and_committed_shortcuts(db: Database) -> None:
    item = add(db, owner="Priya")
    with db.session() as s:
        plan.set_owner(session=s, item_id=item.id, owner=None, author=AUTHOR)
        plan.set_due(session=s, item_id=item.id, due=date(2026, 12, 1), author=AUTHOR)
        plan.set_committed(session=s, item_id=item.id, committed=date(2026, 12, 2), author=AUTHOR)
    got = support.item(db, item.id)
    assert got.owner_id is None and got.due == date(2026, 12, 1)
    assert got.committed == date(2026, 12, 2)


def test_moving_an_item_to_another_client(db: Database) -> None:
    item = add(db)
    got = edit(db, item.id, client="Globex")
    assert column(db, client="Globex") == [item.id] and column(db) == []
    assert got.client_id != item.client_id


def test_an_edit_of_a_missing_or_deleted_item_is_refused(db: Database) -> None:
    with pytest.raises(plan.NotFound, match="#42"):
        edit(db, 42, title="x")
    item = add(db)
    with db.session() as s:
        plan.delete_item(session=s, item_id=item.id, author=AUTHOR)
    with pytest.raises(plan.NotFound, match="deleted"):
        edit(db, item.id, title="x")


def test_an_edit_from_a_stale_version_is_a_conflict_and_saves_nothing(db: Database) -> None:
    item = add(db)
    with db.session() as s:
        plan.edit_item(session=s, item_id=item.id, author="Other", title="their title")
    before = counts(db)
    with pytest.raises(plan.Conflict, match="changed by Other"):
        edit(db, item.id, expected_version=item.version, title="my title")
    assert support.item(db, item.id).title == "their title"
    assert counts(db) == before


def test_unknown_or_empty_changes_are_refused(db: Database) -> None:
    item = add(db)
    with pytest.raises(plan.Invalid, match="cannot change 'id'"):
        edit(db, item.id, id=5)
    with pytest.raises(plan.Invalid, match="nothing to change"):
        edit(db, item.id)


# --- reorder, delete, restore -------------------------------------------------------------------


def test_reorder_moves_a_card_up_and_down_within_its_column(db: Database) -> None:
    a, b, c = (add(db, title=t).id for t in "abc")
    with db.session() as s:
        plan.reorder_item(session=s, item_id=c, offset=-1, author=AUTHOR)
    assert column(db) == [a, c, b]
    with db.session() as s:
        plan.reorder_item(session=s, item_id=a, offset=+1, author=AUTHOR)
    assert column(db) == [c, a, b]
    with db.session() as s:  # already last: nothing moves, nothing breaks
        plan.reorder_item(session=s, item_id=b, offset=+1, author=AUTHOR)
    assert column(db) == [c, a, b]
    undo(db)
    undo(db)
    assert column(db) == [a, c, b]


def test_delete_hides_the_item_and_restore_or_undo_brings_it_back(db: Database) -> None:
    item = add(db)
    with db.session() as s:
        plan.delete_item(session=s, item_id=item.id, author=AUTHOR)
    assert column(db) == []
    with db.session() as s, pytest.raises(plan.NotFound, match="already deleted"):
        plan.delete_item(session=s, item_id=item.id, author=AUTHOR)
    with db.session() as s:
        plan.restore_item(session=s, item_id=item.id, author=AUTHOR)
    assert column(db) == [item.id]
    with db.session() as s:
        plan.delete_item(session=s, item_id=item.id, author=AUTHOR)
    assert undo(db) is not None
    assert column(db) == [item.id]


# --- undo ---------------------------------------------------------------------------------------


def test_undo_reverts_operations_one_by_one_in_reverse_order(db: Database) -> None:
    item = add(db, owner="Priya", due=date(2026, 12, 1))
    edit(db, item.id, due=date(2026, 12, 10))
    plan_move(db, item.id, Status.DOING)
    edit(db, item.id, owner=None, title="renamed")

    op = undo(db)
    assert op is not None and op.kind == "edit"
    got = support.item(db, item.id)
    assert got.title == "Renew firewall licence" and got.owner_id is not None
    undo(db)
    assert support.item(db, item.id).status == Status.PLANNED
    undo(db)
    assert support.item(db, item.id).due == date(2026, 12, 1)
    undo(db)  # the add itself
    assert column(db) == []
    assert undo(db) is None


def test_undo_goes_back_more_than_fifty_levels_and_survives_a_restart(db: Database) -> None:
    item = add(db, due=date(2026, 12, 1))
    for n in range(60):
        edit(db, item.id, title=f"title {n}")
    url = db.url
    db.dispose()
    reopened = open_database(url)  # a new process would do exactly this
    try:
        for _ in range(60):
            assert undo(reopened) is not None
        assert support.item(reopened, item.id).title == "Renew firewall licence"
    finally:
        reopened.dispose()


def test_undo_is_recorded_in_history_and_is_not_itself_undone(db: Database) -> None:
    item = add(db)
    edit(db, item.id, title="second")
    undo(db)
    with db.session() as s:
        events = item_history(session=s, item_id=item.id)
    assert [e.field for e in events] == ["created", "title", "title"]
    assert events[-1].reason is not None and events[-1].reason.startswith("undo of")
    undo(db)  # now undoes the add, not the undo
    assert column(db) == []


def test_undo_only_reverts_your_own_changes(db: Database) -> None:
    item = add(db)
    with db.session() as s:
        plan.edit_item(session=s, item_id=item.id, author="Other", due=date(2026, 12, 3))
    edit(db, item.id, title="mine")
    undo(db)
    got = support.item(db, item.id)
    assert got.title == "Renew firewall licence" and got.due == date(2026, 12, 3)


def test_undo_refuses_to_overwrite_someone_elses_later_change(db: Database) -> None:
    item = add(db)
    edit(db, item.id, title="mine")
    with db.session() as s:
        plan.edit_item(session=s, item_id=item.id, author="Other", title="theirs")
    with pytest.raises(plan.Conflict, match="changed by Other since; undo again"):
        undo(db)
    assert support.item(db, item.id).title == "theirs"
    # Refused once; the next undo goes past it to the change before (here, the add).
    op = undo(db)
    assert op is not None and op.summary.startswith("added")
    assert support.item(db, item.id).title == "theirs"


def test_a_refused_undo_does_not_block_undo_for_ever(db: Database) -> None:
    first, second = add(db), add(db)
    edit(db, first.id, title="mine, earlier")
    edit(db, second.id, title="mine, later")
    with db.session() as s:
        plan.edit_item(session=s, item_id=second.id, author="Other", title="theirs")
    with pytest.raises(plan.Conflict):
        undo(db)
    op = undo(db)
    assert op is not None and support.item(db, first.id).title == "Renew firewall licence"
    assert support.item(db, second.id).title == "theirs"


def test_an_import_is_one_operation_and_one_undo(db: Database) -> None:
    items = [plan.new_item(client=f"C{n % 3}", title=f"item {n}") for n in range(30)]
    with db.session() as s:
        ids = plan.add_items(session=s, author=AUTHOR, items=items, summary="imported 30")
    assert len(ids) == 30
    op = undo(db)
    assert op is not None and op.summary == "imported 30"
    with db.session() as s:
        assert list_items(session=s) == []


# --- people ---------------------------------------------------------------------------------


def test_save_person_creates_and_updates_team_and_side(db: Database) -> None:
    with db.session() as s:
        plan.save_person(session=s, name="Ana Silva", team="Practice Manager", side="client")
        person = plan.save_person(session=s, name="ana silva", team="Director")
    assert (person.name, person.team, person.side) == ("Ana Silva", "Director", Side.CLIENT)
    with db.session() as s, pytest.raises(plan.Invalid, match="side"):
        plan.save_person(session=s, name="Bob", side="martian")
