"""``summary --format eml --attach-health`` (issue 15, point 4): the e-mail draft carries the
client's latest health check as a PDF, released through the check's own leak guard; the
check's internal remarks are in none of the draft's parts."""

from __future__ import annotations

from pathlib import Path

from tests.support import Cli
from tests.support.mail import parse, pdf_text

FORM = "monthly-it-health-check"


def _check(cli: Cli, tmp_path: Path, summary: str, remarks: str = "ZQXJ for us only") -> None:
    text = cli.ok("health", "blank", FORM)
    text = text.replace('summary = ""', f'summary = "{summary}"', 1)
    text = text.replace('internal_remarks = ""', f'internal_remarks = "{remarks}"', 1)
    path = tmp_path / "check.toml"
    path.write_text(text, encoding="utf-8")
    cli.ok("health", "fill", "Acme", "--form", FORM, "--from", str(path), "--date", "20 nov")


def test_the_draft_attaches_the_latest_check_and_never_its_remarks(
    cli: Cli, tmp_path: Path
) -> None:
    cli.add("Replace the firewall", "Acme", "--due", "2026-12-22")
    _check(cli, tmp_path, "A steady month.")
    out = tmp_path / "s.eml"
    cli.ok("summary", "Acme", "--format", "eml", "--attach-health", "-o", str(out))
    message = parse(out.read_bytes())
    files = {
        part.get_filename(): part.get_content()
        for part in message.iter_attachments()  # type: ignore[attr-defined]
    }
    assert sorted(files) == ["Acme 2026-11-23.pdf", "Acme health check 2026-11-20.pdf"]
    check = pdf_text(files["Acme health check 2026-11-20.pdf"])
    assert "A steady month." in check and "N/A" in check
    assert b"ZQXJ" not in out.read_bytes() and "ZQXJ" not in check


def test_a_flagged_check_stops_the_draft_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    cli.add("Replace the firewall", "Acme")
    _check(cli, tmp_path, "Password for the NAS admin is Hunter2-Hunter2-Hunter2.")
    out = tmp_path / "s.eml"
    result = cli("summary", "Acme", "--format", "eml", "--attach-health", "-o", str(out))
    assert result.code == 1 and "leak guard" in result.err
    assert not out.exists()


def test_attach_health_needs_an_email_and_a_check(cli: Cli, tmp_path: Path) -> None:
    cli.add("Replace the firewall", "Acme")
    assert "use it with --format eml" in cli.fails("summary", "Acme", "--attach-health")
    out = str(tmp_path / "s.eml")
    error = cli.fails("summary", "Acme", "--format", "eml", "--attach-health", "-o", out)
    assert "no health checks of 'Acme' yet" in error
