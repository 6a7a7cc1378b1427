"""Health checks in the database (issue 15): one operation each, which undo removes; nothing
of a check is kept when a value is bad; edits undo; exports and restores carry them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from actionplan import plan
from actionplan.db import Database
from actionplan.health.catalogue import find_form
from actionplan.health.document import CheckDoc, render
from actionplan.health.values import BadValue
from actionplan.models import HealthCheck, Operation
from actionplan.plan.errors import Invalid, NotFound
from actionplan.plan.health import Entry, checks_of, keep_check, pick_check
from tests import support
from tests.support import AUTHOR, TODAY, count
from tests.support.interchange import counts, export, restore

FORM = find_form("monthly-it-health-check")


def _save(db: Database, values: dict[str, object], on: date = TODAY, client: str = "Acme") -> int:
    with db.session() as s:
        entry = Entry(FORM, values, client=client, checked_on=on)
        row = keep_check(session=s, entry=entry, author=AUTHOR)
        assert row.id is not None
        return row.id


def test_a_check_is_one_operation_that_undo_removes(db: Database) -> None:
    support.add(db, "Item")
    check_id = _save(db, {"uptime_percent": 99.1, "incidents": ["Mail outage"]})
    with db.session() as s:
        row = s.get(HealthCheck, check_id)
        assert row is not None and row.form == "monthly-it-health-check"
        assert (row.checked_on, row.author, row.form_title) == (TODAY, AUTHOR, FORM.title)
        values = json.loads(row.values_json)
        assert values["uptime_percent"] == 99.1 and values["summary"] is None
        last = s.exec(select(Operation).order_by(Operation.id.desc())).first()  # type: ignore[union-attr]
        assert last is not None and last.kind == "health-check"
    with db.session() as s:
        undone = plan.undo(session=s, author=AUTHOR)
        assert undone.summary.startswith("saved Monthly IT health check for 'Acme'")
    assert count(db, "health_check") == 0


def test_a_bad_value_or_unknown_client_saves_nothing(db: Database) -> None:
    support.add(db, "Item")
    before = {t: count(db, t) for t in support.TABLES}
    with pytest.raises(BadValue, match=r"uptime_percent: 100\.5 is out of range 0–100"):
        _save(db, {"summary": "Fine", "uptime_percent": 100.5})
    with pytest.raises(NotFound, match="did you mean 'Acme'"):
        _save(db, {"uptime_percent": 99}, client="Acmee")
    assert {t: count(db, t) for t in support.TABLES} == before


def test_a_check_dated_after_today_is_refused_and_saves_nothing(db: Database) -> None:
    """It would become the latest check, the one every document and batch sends."""
    support.add(db, "Item")
    before = {t: count(db, t) for t in support.TABLES}
    ahead = Entry(FORM, {"uptime_percent": 99}, client="Acme", checked_on=date(2030, 1, 1))
    with db.session() as s, pytest.raises(Invalid, match=r"^date: 2030-01-01 is after today"):
        keep_check(session=s, entry=ahead, author=AUTHOR, today=TODAY)
    assert {t: count(db, t) for t in support.TABLES} == before
    check_id = _save(db, {"uptime_percent": 99.1})
    moved = Entry(FORM, {}, check_id=check_id, checked_on=date(2030, 1, 1))
    with db.session() as s, pytest.raises(Invalid, match="is after today"):
        keep_check(session=s, entry=moved, author=AUTHOR, today=TODAY)


def test_an_edit_is_one_operation_undo_reverts(db: Database) -> None:
    support.add(db, "Item")
    check_id = _save(db, {"uptime_percent": 99.1})
    with db.session() as s:
        entry = Entry(FORM, {"uptime_percent": 97}, check_id=check_id)
        keep_check(session=s, entry=entry, author=AUTHOR)
    with db.session() as s:
        row = s.get(HealthCheck, check_id)
        assert row is not None and json.loads(row.values_json)["uptime_percent"] == 97
        with pytest.raises(BadValue):
            keep_check(
                session=s,
                entry=Entry(FORM, {"uptime_percent": "x"}, check_id=check_id),
                author=AUTHOR,
            )
        plan.undo(session=s, author=AUTHOR)
    with db.session() as s:
        row = s.get(HealthCheck, check_id)
        assert row is not None and json.loads(row.values_json)["uptime_percent"] == 99.1


def test_the_document_prints_na_thresholds_and_trends_and_never_internal(db: Database) -> None:
    support.add(db, "Item")
    _save(db, {"uptime_percent": 99.7, "failed_signins": 12}, on=date(2026, 10, 30))
    _save(db, {"uptime_percent": 99.1, "failed_signins": 12, "internal_remarks": "ZQX marker"})
    with db.session() as s:
        client = plan.find_client(session=s, name="acme")
        assert client is not None
        chosen, previous = pick_check(checks_of(session=s, client=client), None, "Acme")
    assert previous is not None and chosen.checked_on == TODAY
    doc = CheckDoc(FORM, "Acme", chosen.checked_on, chosen.values, previous.values)
    md, txt = render(doc, "md"), render(doc, "txt")
    assert "- **Uptime this period:** 99.1% (amber) ▼ from 99.7%" in md
    assert "- Failed sign-ins this period: 12 = from 12" in txt
    assert "- **Last good backup:** N/A" in md and "- Incidents: N/A" in txt
    assert "ZQX" not in md + txt and "Internal remarks" not in md + txt


def test_checks_travel_in_a_json_export_and_restore(db: Database, new_sqlite) -> None:
    support.add(db, "Item")
    _save(db, {"uptime_percent": 99.1, "recommendations": ["Replace the NAS"]})
    text = export(db)
    assert '"health_check": [' in text and "Replace the NAS" in text
    target = new_sqlite()
    restore(target, text)
    assert counts(target) == counts(db)
    assert export(target) == text
    assert '"health_check": [\n{' in export(db, client="Acme")
