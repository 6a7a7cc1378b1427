"""``actionplan health`` (issue 15, first part): forms, a blank to fill, fill (from a file or
standard input), show (Markdown or text, through the leak guard) and history; internal
remarks never leave."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.db import Database
from tests.support import TABLES, TODAY, Cli, count

FORM = "monthly-it-health-check"


def _filled(tmp_path: Path, cli: Cli, name: str = "check.toml", **values: str) -> str:
    """The form's blank with ``values`` (TOML text) written in; the file's path."""
    text = cli.ok("health", "blank", FORM)
    for key, value in values.items():
        text, n = re.subn(rf"^{key} = (\"\"|\[\])$", f"{key} = {value}", text, flags=re.M)
        assert n == 1, key
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_forms_lists_the_shipped_form(cli: Cli) -> None:
    out = cli.ok("health", "forms")
    assert re.search(r"monthly-it-health-check +Monthly IT health check +15 +shipped", out)


def test_fill_then_show_prints_na_thresholds_and_trends(cli: Cli, tmp_path: Path) -> None:
    cli.add("Item", "Acme")
    first = _filled(tmp_path, cli, "one.toml", uptime_percent="99.7", failed_signins="40")
    out = cli.ok("health", "fill", "acme", "--form", FORM, "--from", first, "--date", "30 oct")
    assert out == (
        "saved check 1 for Acme (monthly-it-health-check, 2026-10-30); undo reverts it\n"
    )
    second = _filled(
        tmp_path,
        cli,
        uptime_percent="99.1",
        failed_signins="60",
        incidents='["Mail outage, 40 minutes"]',
        summary='"A steady month."',
    )
    out = cli.ok("health", "fill", "Acme", "--form", "Monthly IT health check", "--from", second)
    assert out.startswith(f"saved check 2 for Acme (monthly-it-health-check, {TODAY})")
    md = cli.ok("health", "show", "Acme")
    assert md.startswith("# Monthly IT health check\n\n**Client:** Acme  \n**Date:** 23 Nov 2026")
    assert "- **Uptime this period:** 99.1% (amber) ▼ from 99.7%" in md
    assert "- **Failed sign-ins this period:** 60 (amber) ▲ from 40" in md
    assert "- **Last test restore:** N/A" in md
    assert "- **Incidents:**\n  - Mail outage, 40 minutes" in md
    assert "- **Summary:** A steady month." in md
    txt = cli.ok("health", "show", "Acme", "--id", "1", "--format", "txt")
    assert "- Uptime this period: 99.7%\n" in txt and "Date: 30 Oct 2026" in txt
    history = cli.ok("health", "history", "Acme")
    assert re.search(r"Uptime this period \(%\) +99\.7 +99\.1 +█▁", history)
    data = json.loads(cli.ok("health", "history", "Acme", "--json"))
    [series] = [f for f in data["forms"][0]["fields"] if f["key"] == "uptime_percent"]
    assert series["values"] == [99.7, 99.1]


def test_fill_reads_standard_input_and_undo_removes_the_check(
    cli: Cli, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.add("Item", "Acme")
    _stdin(monkeypatch, 'uptime_percent = 99.9\nendpoint_protection = "yes"\n')
    assert cli.ok("health", "fill", "Acme", "--form", FORM).startswith("saved check 1")
    assert count(db, "health_check") == 1
    assert cli.ok("undo").startswith("undid: saved Monthly IT health check for 'Acme'")
    assert count(db, "health_check") == 0


def test_bad_values_unknown_clients_and_forms_are_one_line_and_save_nothing(
    cli: Cli, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.add("Item", "Northwind Traders")
    before = {t: count(db, t) for t in TABLES}
    bad = _filled(tmp_path, cli, uptime_percent="100.5", summary='"Fine"')
    fill = ("health", "fill", "Northwind Traders", "--form", FORM, "--from")
    assert cli.fails(*fill, bad) == "actionplan: uptime_percent: 100.5 is out of range 0–100"
    wrong = _filled(tmp_path, cli, endpoint_protection='"maybe"')
    assert "endpoint_protection: 'maybe' is not yes / no / n/a" in cli.fails(*fill, wrong)
    line = cli.fails("health", "fill", "Nortwind Traders", "--form", FORM, "--from", bad)
    assert "no client named 'Nortwind Traders'; did you mean 'Northwind Traders'?" in line
    line = cli.fails("health", "fill", "Northwind Traders", "--form", "monthly-it", "--from", bad)
    assert "no form named 'monthly-it'; did you mean 'monthly-it-health-check'?" in line
    assert "no form named 'weekly'" in cli.fails("health", "blank", "weekly")
    _stdin(monkeypatch, "uptime = 99\n")
    assert "did you mean 'uptime_percent'?" in cli.fails(
        "health", "fill", "Northwind Traders", "--form", FORM
    )
    assert "no health checks of 'Northwind Traders' yet" in cli.fails(
        "health", "show", "northwind traders"
    )
    assert {t: count(db, t) for t in TABLES} == before


def test_the_guard_stops_an_internal_sounding_summary_unless_forced(
    cli: Cli, tmp_path: Path
) -> None:
    cli.add("Item", "Acme")
    leaky = _filled(tmp_path, cli, summary='"Between us, dont tell the client about the outage"')
    cli.ok("health", "fill", "Acme", "--form", FORM, "--from", leaky)
    out = tmp_path / "check.md"
    result = cli("health", "show", "Acme", "-o", str(out))
    assert result.code == 1 and not out.exists()
    assert "sounds internal: Summary: keeps something from the client: 'Between us'" in result.err
    assert result.err.splitlines()[-1].startswith("actionplan: leak guard: ")
    forced = cli("health", "show", "Acme", "--force", "-o", str(out))
    assert forced.code == 0 and "let through (--force)" in forced.err
    assert "Between us" in out.read_text(encoding="utf-8")


_marker = st.text(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"), min_size=8, max_size=16)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(marker=_marker, uptime=st.floats(0, 100), words=st.sampled_from(["ok", "see notes"]))
def test_internal_remarks_never_appear_in_any_output(
    cli: Cli, db: Database, tmp_path: Path, marker: str, uptime: float, words: str
) -> None:
    if count(db, "client") == 0:
        cli.add("Item", "Acme")
    remark = f"{marker} the client is a nightmare, {marker.lower()}"
    path = _filled(
        tmp_path,
        cli,
        uptime_percent=repr(uptime),
        summary=json.dumps(f"{words} {marker[:3]}"),
        internal_remarks=json.dumps(remark),
    )
    cli.ok("health", "fill", "Acme", "--form", FORM, "--from", path)
    outputs = [
        cli("health", "show", "Acme", "--format", fmt, *force)
        for fmt in ("md", "txt")
        for force in ((), ("--force",))
    ]
    outputs += [cli("health", "history", "Acme"), cli("health", "history", "Acme", "--json")]
    for result in outputs:
        for text in (result.out, result.err):
            assert marker not in text and marker.lower() not in text
            assert "nightmare" not in text
