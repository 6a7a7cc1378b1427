"""``set --blocked-by / --not-blocked-by / --shift-dependents`` (issue 16): one operation each,
with the other options too, that one undo reverts; refusals in one line, nothing saved; list
marks the blocked items, the history and the CSV export show the blockers."""

from __future__ import annotations

from actionplan.db import Database
from tests.support import TABLES, Cli, count


def _three(ap: Cli) -> tuple[int, int, int]:
    laptops = ap.add("Order laptops", "Acme", "--due", "2026-12-01")
    desks = ap.add("Order desks", "Acme", "--due", "2026-12-02")
    setup = ap.add("Set up office", "Acme", "--due", "2026-12-10")
    return laptops, desks, setup


def _flags(ap: Cli, item_id: int) -> str:
    [line] = [line for line in ap.ok("list").splitlines()[1:] if line.split()[0] == str(item_id)]
    return line


def test_blocked_by_is_one_operation_that_undo_reverts(ap: Cli) -> None:
    laptops, desks, setup = _three(ap)
    out = ap.ok("set", str(setup), "--blocked-by", f"{laptops},{desks}")
    assert out == f"#{setup} blocked by #{laptops}, #{desks}\n"
    assert f"after #{laptops},#{desks}" in _flags(ap, setup)
    assert "after" not in _flags(ap, laptops)
    assert "blocked by: none → " in ap.ok("history", str(setup))
    assert ap.ok("undo") == f"undid: #{setup}: blocked by #{laptops}, #{desks}\n"
    assert "after" not in _flags(ap, setup)


def test_not_blocked_by_takes_one_off_and_undo_puts_it_back(ap: Cli) -> None:
    laptops, desks, setup = _three(ap)
    ap.ok("set", str(setup), "--blocked-by", f"{laptops},{desks}")
    assert ap.ok("set", str(setup), "--not-blocked-by", str(laptops)) == (
        f"#{setup} no longer blocked by #{laptops}\n"
    )
    assert f"after #{desks}" in _flags(ap, setup)
    ap.ok("undo")
    assert f"after #{laptops},#{desks}" in _flags(ap, setup)


def test_a_done_blocker_no_longer_marks_the_item(ap: Cli) -> None:
    laptops, _desks, setup = _three(ap)
    ap.ok("set", str(setup), "--blocked-by", str(laptops))
    ap.ok("set", str(laptops), "--status", "done")
    assert "after" not in _flags(ap, setup)


def test_with_other_options_it_is_still_one_operation(ap: Cli) -> None:
    laptops, _desks, setup = _three(ap)
    out = ap.ok("set", str(setup), "--blocked-by", str(laptops), "--title", "Open the office")
    assert out.splitlines() == [
        f"#{setup} blocked by #{laptops}",
        f"updated #{setup} Open the office (title)",
    ]
    ap.ok("undo")
    assert ap.item(setup)["title"] == "Set up office"
    assert "after" not in _flags(ap, setup)


def test_links_already_there_or_not_there_are_said_and_saved_nothing(ap: Cli) -> None:
    laptops, desks, setup = _three(ap)
    ap.ok("set", str(setup), "--blocked-by", str(laptops))
    assert ap.ok("set", str(setup), "--blocked-by", str(laptops)) == (
        f"#{setup} was already blocked by #{laptops}\n"
    )
    assert ap.ok("set", str(setup), "--not-blocked-by", str(desks)) == (
        f"#{setup} was not blocked by #{desks}\n"
    )
    assert ap.ok("undo") == f"undid: #{setup}: blocked by #{laptops}\n"


def test_a_cycle_is_refused_in_one_line_naming_it(ap: Cli) -> None:
    laptops, desks, setup = _three(ap)
    ap.ok("set", str(setup), "--blocked-by", str(desks))
    ap.ok("set", str(desks), "--blocked-by", str(laptops))
    result = ap("set", str(laptops), "--blocked-by", str(setup), "--title", "Renamed")
    result.one_line_error(f"#{laptops} → #{setup} → #{desks} → #{laptops} would be a cycle")
    assert ap.item(laptops)["title"] == "Order laptops"  # nothing of the command is saved


def test_another_clients_item_is_refused_in_one_line(ap: Cli) -> None:
    ours = ap.add("Set up office", "Acme")
    theirs = ap.add("Migrate mail", "Globex")
    ap(("set"), str(ours), "--blocked-by", str(theirs)).one_line_error(
        f"#{ours} is Acme's, #{theirs} is Globex's: a dependency stays within one client"
    )
    ap("set", str(ours), "--blocked-by", "999").one_line_error("no item #999")


def test_shift_dependents_moves_the_waiting_items_in_the_same_operation(ap: Cli) -> None:
    laptops, desks, setup = _three(ap)
    party = ap.add("Opening party", "Acme", "--due", "2026-12-15")
    ap.ok("set", str(desks), "--blocked-by", str(laptops))
    ap.ok("set", str(setup), "--blocked-by", str(desks))
    ap.ok("set", str(party), "--blocked-by", str(setup))
    ap.ok("set", str(party), "--status", "done")
    out = ap.ok("set", str(laptops), "--due", "2026-12-04", "--shift-dependents")
    assert out.splitlines()[0] == (f"moved the due dates of 2 dependent items: #{desks}, #{setup}")
    dues = {i["id"]: i["due"] for i in ap.items()}
    assert (dues[laptops], dues[desks], dues[setup]) == ("2026-12-04", "2026-12-05", "2026-12-13")
    assert dues[party] == "2026-12-15"  # done: left where it was
    ap.ok("undo")
    dues = {i["id"]: i["due"] for i in ap.items()}
    assert (dues[laptops], dues[desks], dues[setup]) == ("2026-12-01", "2026-12-02", "2026-12-10")


def test_shift_dependents_needs_a_due_date(ap: Cli) -> None:
    laptops, _desks, _setup = _three(ap)
    ap("set", str(laptops), "--shift-dependents").one_line_error("needs a new due date")


def test_csv_export_shows_the_blockers_and_import_ignores_them(ap: Cli, tmp_path) -> None:
    laptops, desks, setup = _three(ap)
    ap.ok("set", str(setup), "--blocked-by", f"{laptops},{desks}")
    rows = {r["title"]: r for r in ap.csv_rows()}
    assert rows["Set up office"]["blocked_by"] == f"{laptops} {desks}"
    assert rows["Order laptops"]["blocked_by"] == ""
    path = tmp_path / "plan.csv"
    path.write_text(ap.ok("export", "--format", "csv"), encoding="utf-8")
    ap.ok("import", str(path))


def test_a_linked_item_cannot_move_to_another_client(cli: Cli, db: Database) -> None:
    """A dependency stays within one client: moving either end away is refused, nothing saved."""
    first = cli.add("Order laptops", "Acme")
    second = cli.add("Image laptops", "Acme")
    cli.add("Other", "Globex")
    cli.ok("set", str(second), "--blocked-by", str(first))
    before = {t: count(db, t) for t in TABLES}
    for moved, other in ((first, second), (second, first)):
        line = cli.fails("set", str(moved), "--client", "Globex")
        assert line == (
            f"actionplan: #{moved} is linked to #{other}: a dependency stays within one client "
            "(unlink them first: set --not-blocked-by)"
        )
    assert {t: count(db, t) for t in TABLES} == before
