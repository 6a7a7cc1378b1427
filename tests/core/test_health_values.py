"""A health check's values (issue 15): each checked against its field, as one line naming the
field and what it takes; a blank skeleton filled with any valid values reads back equal."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.health.catalogue import find_form
from actionplan.health.form import Field, Form
from actionplan.health.skeleton import INTERNAL_MARK, blank, read_filled, toml_value
from actionplan.health.values import BadValue, check_value, check_values
from tests.support import TODAY

FORM = find_form("monthly-it-health-check")
UPTIME = FORM.field("uptime_percent")
SIGNINS = FORM.field("failed_signins")
RESULT = FORM.field("restore_result")
ENDPOINT = FORM.field("endpoint_protection")
BACKUP = FORM.field("last_good_backup")
assert UPTIME and SIGNINS and RESULT and ENDPOINT and BACKUP


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        (UPTIME, 99.5, 99.5),
        (UPTIME, "99.5%", 99.5),
        (UPTIME, 100, 100),
        (UPTIME, 98.0, 98),
        (UPTIME, "", None),
        (SIGNINS, "1,204", 1204),
        (SIGNINS, 0, 0),
        (ENDPOINT, True, "yes"),
        (ENDPOINT, "N/A", "n/a"),
        (ENDPOINT, " No ", "no"),
        (RESULT, "PASSED", "passed"),
        (BACKUP, date(2026, 11, 20), "2026-11-20"),
        (BACKUP, "2026-11-20", "2026-11-20"),
        (BACKUP, "yesterday", "2026-11-22"),
        (BACKUP, "20 nov", "2026-11-20"),
    ],
)
def test_good_values_are_kept_as_json_holds_them(field: Field, raw: object, expected: object):
    assert check_value(field, raw, today=TODAY) == expected


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        (UPTIME, 100.5, "uptime_percent: 100.5 is out of range 0–100"),
        (UPTIME, -1, "uptime_percent: -1 is out of range 0–100"),
        (UPTIME, "lots", "uptime_percent: 'lots' is not a number 0–100"),
        (UPTIME, True, "uptime_percent: true is not a number 0–100"),
        (UPTIME, float("nan"), "uptime_percent: 'nan' is not a number 0–100"),
        (SIGNINS, -3, "failed_signins: -3 is below the least, 0"),
        (ENDPOINT, "maybe", "endpoint_protection: 'maybe' is not yes / no / n/a"),
        (RESULT, "great", "restore_result: 'great' is not one of passed, partial, failed"),
        (BACKUP, "2026-02-30", "last_good_backup: no such date '2026-02-30'"),
        (BACKUP, "someday", "last_good_backup: can't read date 'someday'"),
        (BACKUP, 3, "last_good_backup: '3' is not a date"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_field_and_what_it_takes(
    field: Field, raw: object, message: str
) -> None:
    with pytest.raises(BadValue) as caught:
        check_value(field, raw, today=TODAY)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_required_field_refuses_a_blank_and_an_unknown_key_is_named() -> None:
    needed = Field("site", "Site", "text", required=True)
    with pytest.raises(BadValue, match=r"^site: required"):
        check_value(needed, "  ")
    with pytest.raises(BadValue, match="did you mean 'uptime_percent'"):
        check_values(FORM, {"uptime": 99})
    assert check_values(FORM, {})["incidents"] == []


def test_the_blank_names_every_key_with_its_type_and_marks_the_internal_one() -> None:
    text = blank(FORM)
    for field in FORM.fields:
        assert re.search(rf"^{field.key} = (\"\"|\[\])$", text, re.MULTILINE), field.key
    assert "# Uptime this period: percent, optional: a number 0–100; amber below 99.5" in text
    assert f"{INTERNAL_MARK}\ninternal_remarks = " in text
    assert check_values(FORM, read_filled(text)) == check_values(FORM, {})


_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


def _value(field: Field) -> st.SearchStrategy[object]:
    if field.kind in ("number", "percent"):
        low, high = field.bounds
        floats = st.floats(low if low is not None else -1e6, high if high is not None else 1e6)
        return st.one_of(st.none(), floats, st.integers(int(low or 0), int(high or 10**6)))
    if field.kind == "yesno":
        return st.sampled_from([None, "yes", "no", "n/a"])
    if field.kind == "choice":
        return st.sampled_from([None, *field.choices])
    if field.kind == "date":
        return st.one_of(st.none(), st.dates(date(1000, 1, 1), date(9000, 12, 31)))
    if field.kind == "list":
        return st.lists(_text, max_size=4)
    return st.one_of(st.none(), _text)


def _filled(form: Form) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries({f.key: _value(f) for f in form.fields})


@settings(max_examples=150, deadline=None)
@given(_filled(FORM))
def test_any_valid_values_written_into_the_blank_read_back_equal(raw: dict[str, object]) -> None:
    values = check_values(FORM, raw)
    text = blank(FORM)
    for field in FORM.fields:
        empty = "[]" if field.kind == "list" else '""'
        text = text.replace(
            f"\n{field.key} = {empty}\n",
            f"\n{field.key} = {toml_value(field, values[field.key])}\n",
        )
    assert check_values(FORM, read_filled(text)) == values
    assert blank(FORM, values) == text
