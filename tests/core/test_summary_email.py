"""The summary as an e-mail draft (issue 14, point 7): addressed to the client's status-summary
contacts, both bodies, the PDF attached, ``X-Unsent: 1``; and sent over a local SMTP server,
the password never shown."""

from __future__ import annotations

import os
import traceback

import pytest

from actionplan.config_summary import Branding, Smtp
from actionplan.db import Database
from actionplan.queries import Recipient
from actionplan.summary.email import render_eml
from actionplan.summary.render import render
from actionplan.summary.smtp import SendError, send
from tests.support import GOLDEN
from tests.support.mail import PASSWORD, bodies, free_port, mail_server, parse, pdf_text, structure
from tests.support.plans import CLIENT, build, build_golden_plan, row, summarise

BRAND = Branding(company="Northwind IT", contact="Sam Ito, Account manager, sam@northwind.example")
MARIA = Recipient("María López", "maria@acme.example")
BEN = Recipient("Ben Ode", None)
SUMMARY = build(row(title="Replace the core switch"), row(title="Sign off the diagram"))


def draft(**kw: object) -> bytes:
    kw.setdefault("brand", BRAND)
    kw.setdefault("recipients", [MARIA, BEN])
    return render_eml(SUMMARY, **kw)  # type: ignore[arg-type]


def test_a_draft_is_addressed_titled_and_unsent() -> None:
    message = parse(draft())
    assert message["To"] == "María López <maria@acme.example>"
    assert message["To"].addresses[0].display_name == "María López"
    assert message["From"] == "Sam Ito <sam@northwind.example>"
    assert message["Subject"] == f"{CLIENT}: what we're doing and when — Mon 23 Nov 2026"
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "multipart/mixed"


def test_its_bodies_are_the_text_and_html_summaries_and_the_pdf_is_attached() -> None:
    message = parse(draft())
    text, html, pdf = bodies(message)
    assert text == render(SUMMARY, "txt")
    assert html == render(SUMMARY, "html", brand=BRAND)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"{CLIENT} 2026-11-23.pdf"
    assert pdf.startswith(b"%PDF")
    read = pdf_text(pdf)
    assert "Replace the core switch" in read and "Sign off the diagram" in read


def test_headers_are_ascii_on_the_wire_and_non_ascii_names_come_back() -> None:
    data = draft(recipients=[MARIA, Recipient("Zoë Ärger", "zoe@acme.example")])
    head = data.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    assert b"\r\n" in data and all(len(ln) <= 998 for ln in data.split(b"\r\n"))
    names = [a.display_name for a in parse(data)["To"].addresses]
    assert names == ["María López", "Zoë Ärger"]


def test_who_has_no_address_is_not_in_to_and_with_nobody_there_is_no_to() -> None:
    assert [str(a) for a in parse(draft())["To"].addresses] == ["María López <maria@acme.example>"]
    bad = Recipient("Jö Bad", "jö@acme.example")  # no mail program can carry it
    assert "To" not in parse(draft(recipients=[BEN, bad]))
    assert "To" not in parse(draft(recipients=[]))


def test_without_an_address_in_the_contact_line_from_is_left_to_the_mail_program() -> None:
    assert "From" not in parse(draft(brand=Branding(contact="Sam Ito, Account manager")))
    assert "From" not in parse(draft(brand=None))


def test_the_same_summary_makes_the_same_draft() -> None:
    first, second = draft(), draft()
    assert parse(first).get_boundary() == parse(second).get_boundary()
    assert structure(parse(first)) == structure(parse(second))


def test_seen_holds_what_a_reader_sees() -> None:
    seen: list[str] = []
    draft(seen=seen)
    joined = "\n".join(seen)
    assert "María López" in joined
    assert "maria@acme.example" not in joined  # the recipient's own address is not judged
    assert "what we're doing and when — Mon 23 Nov 2026" in joined
    assert render(SUMMARY, "txt") in joined
    assert "<" not in joined  # markup read as text


def test_the_golden_draft(sqlite_db: Database) -> None:
    with sqlite_db.session() as s:
        build_golden_plan(s)
        data = render(summarise(s), "eml", brand=BRAND, recipients=[MARIA, BEN])
    assert isinstance(data, bytes)
    message = parse(data)
    text = structure(message)
    path = GOLDEN / "summary.eml.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), "regenerate with UPDATE_GOLDEN=1"
    assert "Replace the core switch" in pdf_text(bodies(message)[2])


# --- sending ---------------------------------------------------------------------------------


def smtp(port: int, **kw: object) -> Smtp:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": port,
        "starttls": False,
        "user": "sam",
        "sender": "Sam Ito <sam@northwind.example>",
        "password_env": "TEST_SMTP_PASSWORD",
    }
    return Smtp(**{**values, **kw})  # type: ignore[arg-type]


ENV = {"TEST_SMTP_PASSWORD": PASSWORD}


def test_a_draft_is_sent_after_login_without_its_unsent_mark() -> None:
    with mail_server() as server:
        accepted = send(draft(), smtp(server.port), password_from=ENV)
    assert accepted == ["maria@acme.example"]
    assert server.logins == ["sam"]
    [got] = server.received
    assert got.mail_from == "sam@northwind.example" and got.rcpt_tos == ["maria@acme.example"]
    message = parse(got.content)
    assert "X-Unsent" not in message
    assert message["From"] == "Sam Ito <sam@northwind.example>"
    assert message["Date"] and message["Message-ID"]
    assert message["Subject"] == parse(draft())["Subject"]
    assert PASSWORD.encode() not in got.content


def test_without_a_sender_the_drafts_from_or_the_user_sends_it() -> None:
    with mail_server() as server:
        send(draft(), smtp(server.port, sender=""), password_from=ENV)
        send(
            draft(brand=None),
            smtp(server.port, sender="", user="sam@nw.example"),
            password_from=ENV,
        )
    assert [r.mail_from for r in server.received] == ["sam@northwind.example", "sam@nw.example"]


def test_a_failed_login_is_one_line_without_the_password() -> None:
    wrong = PASSWORD[::-1]
    with mail_server() as server, pytest.raises(SendError) as caught:
        send(draft(), smtp(server.port), password_from={"TEST_SMTP_PASSWORD": wrong})
    message = str(caught.value)
    assert message == f"127.0.0.1:{server.port} refused the login for sam: nothing sent"
    shown = "".join(traceback.format_exception(caught.value))
    assert wrong not in shown and "Traceback" in shown  # the chain from smtplib is cut
    assert "SMTPAuthenticationError" not in shown
    assert server.received == []


def test_a_missing_password_names_its_variable_only() -> None:
    with pytest.raises(
        SendError, match=r"^no SMTP password: set the environment variable TEST_SMTP_PASSWORD$"
    ):
        send(draft(), smtp(free_port()), password_from={})


def test_a_refused_connection_is_one_line() -> None:
    port = free_port()
    with pytest.raises(SendError) as caught:
        send(draft(), smtp(port), password_from=ENV)
    assert str(caught.value) == (
        f"could not send through 127.0.0.1:{port}: connection refused; nothing sent"
    )


def test_starttls_on_a_server_without_it_is_one_line() -> None:
    with mail_server() as server, pytest.raises(SendError) as caught:
        send(draft(), smtp(server.port, starttls=True), password_from=ENV)
    assert "does not offer STARTTLS" in str(caught.value)
    assert server.received == []


def test_refused_recipients() -> None:
    two = draft(recipients=[MARIA, Recipient("Zoë", "zoe@acme.example")])
    with mail_server(refuse={"zoe@acme.example"}) as server:
        assert send(two, smtp(server.port), password_from=ENV) == ["maria@acme.example"]
    with mail_server(refuse={"maria@acme.example"}) as server, pytest.raises(SendError) as caught:
        send(draft(), smtp(server.port), password_from=ENV)
    assert "refused every recipient (maria@acme.example)" in str(caught.value)
    assert server.received == []


def test_nothing_to_send_to_or_nowhere_to_send_from() -> None:
    with pytest.raises(SendError, match="no recipient with an e-mail address"):
        send(draft(recipients=[BEN]), smtp(free_port()), password_from=ENV)
    with pytest.raises(SendError, match=r"\[smtp\] host"):
        send(draft(), Smtp(), password_from=ENV)
