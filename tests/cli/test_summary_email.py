"""``summary --format eml`` and ``--send`` (issue 14, point 7): the draft written, who is left
out of its To said on stderr, and sending over a local SMTP server recorded as sent only when
it went."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlmodel import select

from actionplan.cli import context
from actionplan.db import Database
from actionplan.models import Snapshot
from tests.support import Cli
from tests.support.mail import PASSWORD, bodies, free_port, mail_server, parse, pdf_text

SUBJECT = "Acme: what we're doing and when — Mon 23 Nov 2026"


@pytest.fixture
def acme(cli: Cli) -> Cli:
    """Acme with one slipped item, a recipient with an address and one without."""
    cli.add("Replace the firewall", "Acme", "--due", "2026-12-22", "--committed", "2026-12-11")
    cli.ok("person", "María López", "--client", "Acme", "--email", "maria@acme.example",
           "--status-recipient", "--new-person")  # fmt: skip
    cli.ok("person", "Ben Ode", "--client", "Acme", "--status-recipient", "--new-person")
    return cli


def configure(monkeypatch: pytest.MonkeyPatch, text: str, password: str = PASSWORD) -> None:
    """Add ``text`` (TOML tables) to the test's config, and the password to the environment."""
    config = Path(os.environ["ACTIONPLAN_CONFIG"])
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", password)
    context.config.cache_clear()


def smtp_table(port: int) -> str:
    return (
        f'\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nstarttls = false\nuser = "sam"\n'
        'sender = "Sam Ito <sam@northwind.example>"\npassword_env = "TEST_SMTP_PASSWORD"\n'
    )


def snapshots(db: Database) -> list[Snapshot]:
    with db.session() as s:
        return list(s.exec(select(Snapshot)).all())


def test_the_draft_is_written_and_who_has_no_address_is_named(
    acme: Cli, db: Database, tmp_path: Path
) -> None:
    result = acme("summary", "Acme", "--format", "eml", "-o", str(tmp_path / "s.eml"))
    assert result.code == 0, result
    assert result.err.splitlines() == [
        "no e-mail address for Ben Ode: not in the draft's To",
        f"wrote {tmp_path / 's.eml'}",
    ]
    message = parse((tmp_path / "s.eml").read_bytes())
    assert message["To"] == "María López <maria@acme.example>"
    assert message["Subject"] == SUBJECT and message["X-Unsent"] == "1"
    text, html, pdf = bodies(message)
    assert "22 Dec, promised 11 Dec" in text and "22 Dec, promised 11 Dec" in html
    assert "Replace the firewall" in pdf_text(pdf)
    assert snapshots(db) == []


def test_with_nobody_to_address_the_draft_has_no_to_and_says_so(cli: Cli, tmp_path: Path) -> None:
    cli.add("Replace the firewall", "Acme")
    result = cli("summary", "Acme", "--format", "eml", "-o", str(tmp_path / "s.eml"))
    assert result.code == 0, result
    assert result.err.splitlines()[0] == (
        "the draft has no To: no status-summary recipient of Acme has an e-mail address "
        "(address it by hand)"
    )
    assert "To" not in parse((tmp_path / "s.eml").read_bytes())


def test_a_draft_recorded_as_sent_is_sent_to_its_to(
    acme: Cli, db: Database, tmp_path: Path
) -> None:
    result = acme("summary", "Acme", "--format", "eml", "-o", str(tmp_path / "s.eml"), "--sent")
    assert result.code == 0, result
    assert result.err.splitlines()[-1] == (
        "recorded Acme's summary as sent to María López <maria@acme.example> (eml)"
    )
    [snapshot] = snapshots(db)
    assert snapshot.format == "eml"
    assert snapshot.recipients.splitlines() == ["María López <maria@acme.example>"]


def test_send_sends_it_and_records_it(
    acme: Cli, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with mail_server() as server:
        configure(monkeypatch, smtp_table(server.port))
        result = acme("summary", "Acme", "--format", "eml", "--send")
    assert result.code == 0, result
    assert result.out == ""  # nothing written to the terminal
    assert result.err.splitlines() == [
        "no e-mail address for Ben Ode: not in the draft's To",
        "sent Acme's summary to María López <maria@acme.example>",
        "recorded Acme's summary as sent to María López <maria@acme.example> (eml)",
    ]
    [got] = server.received
    assert got.rcpt_tos == ["maria@acme.example"]
    message = parse(got.content)
    assert "X-Unsent" not in message and message["Subject"] == SUBJECT
    assert PASSWORD not in result.out + result.err
    [snapshot] = snapshots(db)
    assert (snapshot.format, snapshot.recipients) == ("eml", "María López <maria@acme.example>")
    assert "promised" not in acme.ok("summary", "Acme")  # the new date is told


def test_a_failed_login_is_one_line_and_nothing_is_recorded(
    acme: Cli, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = PASSWORD[::-1]
    with mail_server() as server:
        configure(monkeypatch, smtp_table(server.port), password=wrong)
        result = acme("summary", "Acme", "--format", "eml", "--send")
    assert result.code == 1
    assert result.err.splitlines()[-1] == (
        f"actionplan: 127.0.0.1:{server.port} refused the login for sam: nothing sent"
    )
    assert wrong not in result.out + result.err
    assert server.received == [] and snapshots(db) == []


def test_a_refused_connection_is_one_line_and_nothing_is_recorded(
    acme: Cli, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    configure(monkeypatch, smtp_table(port))
    result = acme("summary", "Acme", "--format", "eml", "--send", "--sent")
    assert result.code == 1
    assert result.err.splitlines()[-1] == (
        f"actionplan: could not send through 127.0.0.1:{port}: connection refused; nothing sent"
    )
    assert snapshots(db) == []


def test_send_needs_an_eml_and_a_server(acme: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert acme.fails("summary", "Acme", "--format", "pdf", "--send") == (
        "actionplan: --send sends an e-mail: use it with --format eml"
    )
    assert acme.fails("summary", "Acme", "--format", "eml", "--send") == (
        "actionplan: sending needs [smtp] host in the config (with port, starttls, user, "
        "sender), and the password in the environment variable named by password_env"
    )
    configure(monkeypatch, smtp_table(free_port()), password="")
    assert acme.fails("summary", "Acme", "--format", "eml", "--send") == (
        "actionplan: no SMTP password: set the environment variable TEST_SMTP_PASSWORD"
    )
