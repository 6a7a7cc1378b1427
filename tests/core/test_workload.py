"""Owner workload: counts per owner per week at a fixed date, the limit, and its config value."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from actionplan import plan
from actionplan.config import Config, ConfigError, load_config
from actionplan.db import Database
from actionplan.plan import Invalid
from actionplan.workload import NO_OWNER, Workload, workload
from tests.support import AUTHOR, TODAY, add, person


def load(db: Database, today: date = TODAY, **kwargs: Any) -> Workload:
    with db.session() as s:
        return workload(session=s, today=today, **kwargs)


def by_name(found: Workload) -> dict[str, Any]:
    return {o.name: o for o in found.owners}


# --- counting ------------------------------------------------------------------------------------


def test_items_per_owner_per_week_with_overdue_in_this_week(db: Database) -> None:
    person(db, "Ann Lee", "Infrastructure", "us")
    for due in (date(2026, 11, 20), TODAY, date(2026, 11, 29), date(2026, 11, 30)):
        add(db, f"due {due}", owner="Ann Lee", due=due)
    add(db, "in week six", owner="Ann Lee", due=date(2026, 12, 28))
    add(db, "after six weeks", owner="Ann Lee", due=date(2027, 1, 4))
    add(db, "undated", owner="Ann Lee")
    add(db, "done", owner="Ann Lee", due=TODAY, status="done")
    add(db, "dropped", owner="Ann Lee", due=TODAY, status="dropped")
    found = load(db)
    assert found.starts == tuple(date(2026, 11, 23) + timedelta(weeks=n) for n in range(6))
    [ann] = found.owners
    assert (ann.name, ann.team, ann.side_label) == ("Ann Lee", "Infrastructure", "us")
    assert ann.weeks == (3, 1, 0, 0, 0, 1)
    assert (ann.overdue, ann.later, ann.no_date, ann.total) == (1, 1, 1, 7)
    assert found.overdue == 1


def test_owners_without_open_items_are_left_out_and_nobody_comes_last(db: Database) -> None:
    person(db, "Vera Vendor", "Firewall Co", "vendor")
    person(db, "Carl Client", "Acme IT", "client")
    add(db, "all done", owner="Idle Ian", due=TODAY, status="done")
    add(db, "vendor's", owner="Vera Vendor", due=TODAY)
    add(db, "client's", owner="Carl Client", due=TODAY)
    add(db, "nobody's", due=TODAY)
    add(db, "ours, busy", owner="Busy Bea", due=TODAY)
    add(db, "ours, busy 2", owner="Busy Bea", due=TODAY)
    add(db, "ours, calm", owner="Calm Cal", due=TODAY)
    gone = add(db, "deleted", owner="Gone Gus", due=TODAY)
    with db.session() as s:
        plan.delete_item(session=s, item_id=gone, author=AUTHOR)
    found = load(db)
    names = [o.name for o in found.owners]
    # Ours first (busiest first), then the client's people, then vendors; nobody last.
    assert names == ["Busy Bea", "Calm Cal", "Carl Client", "Vera Vendor", NO_OWNER]
    sides = [o.side_label for o in found.owners]
    assert sides == ["us", "us", "client", "vendor", ""]
    assert found.week_totals() == [6, 0, 0, 0, 0, 0]


def test_weeks_start_on_monday_even_on_a_sunday(db: Database) -> None:
    sunday = date(2026, 11, 29)
    add(db, "sunday", owner="Ann", due=sunday)
    add(db, "monday", owner="Ann", due=date(2026, 11, 30))
    add(db, "saturday", owner="Ann", due=date(2026, 11, 28))
    found = load(db, today=sunday)
    assert found.starts[0] == date(2026, 11, 23)
    [ann] = found.owners
    assert ann.weeks[:2] == (2, 1)
    assert ann.overdue == 1


def test_weeks_run_across_the_year_end(db: Database) -> None:
    add(db, "new year's eve", owner="Ann", due=date(2026, 12, 31))
    add(db, "first monday", owner="Ann", due=date(2027, 1, 4))
    add(db, "week three", owner="Ann", due=date(2027, 1, 17))
    found = load(db, today=date(2026, 12, 31), weeks=3)
    assert found.starts == (date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 11))
    assert found.owners[0].weeks == (1, 1, 1)


def test_the_limit_marks_weeks_with_more_items(db: Database) -> None:
    found = load(db)
    assert found.limit == 5
    assert not found.over(5) and found.over(6)
    assert load(db, limit=0).over(1)


@pytest.mark.parametrize("weeks", [0, 53])
def test_weeks_out_of_range_are_refused(db: Database, weeks: int) -> None:
    with pytest.raises(Invalid, match="weeks must be from 1 to 52"):
        load(db, weeks=weeks)


# --- the config value ----------------------------------------------------------------------------


def test_workload_limit_is_read_from_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("workload_limit = 8\n")
    assert load_config(path).workload_limit == 8
    assert Config().workload_limit == 5


@pytest.mark.parametrize("value", ["'five'", "true", "-1", "2.5", "100000"])
def test_a_bad_workload_limit_is_a_clear_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"workload_limit = {value}\n")
    with pytest.raises(ConfigError, match="workload_limit must be a whole number"):
        load_config(path)
