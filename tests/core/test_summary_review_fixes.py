"""What a review of the summary's exits found (2026-12-08), each held to its fix: a contact who
moves client stops receiving the old client's summary; the health reason is inert in Markdown;
a health reason set by hand does not come back once the health is computed again; a sent
e-mail's Message-ID names the sender's domain, not this machine."""

from __future__ import annotations

from functools import partial

from actionplan import plan
from actionplan.config_summary import Smtp
from actionplan.db import Database
from actionplan.plan.settings import SummarySettings
from actionplan.queries import status_recipients
from actionplan.summary.render import render
from actionplan.summary.smtp import _prepared
from tests import support
from tests.support import AUTHOR
from tests.support.plans import CLIENT, summarise

add = partial(support.add, client=CLIENT)


def test_a_contact_who_moves_client_no_longer_receives_the_old_clients_summary(
    db: Database,
) -> None:
    with db.session() as s:
        add(s, "Patch the VPN")
        support.add(s, "Audit", client="Globex")
        plan.save_person(
            session=s, name="Ruth Ade", client=CLIENT, email="ruth@a.example",
            status_recipient=True, author=AUTHOR,
        )  # fmt: skip
        assert [r.name for r in status_recipients(session=s, client=CLIENT)] == ["Ruth Ade"]
        plan.save_person(session=s, name="Ruth Ade", client="Globex", author=AUTHOR)
        assert status_recipients(session=s, client=CLIENT) == []
        assert status_recipients(session=s, client="Globex") == []  # not there on purpose yet
        plan.save_person(session=s, name="Ruth Ade", status_recipient=True, author=AUTHOR)
        assert [r.name for r in status_recipients(session=s, client="Globex")] == ["Ruth Ade"]


def test_the_health_reason_shows_as_typed_in_markdown(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN")
        words = SummarySettings(health="green", health_reason="<i>ok</i> *and* fine")
        plan.set_summary_settings(session=s, client=CLIENT, settings=words, author=AUTHOR)
        md = str(render(summarise(s), "md"))
    assert r"\<i\>ok\</i\> \*and\* fine" in md


def test_a_hand_set_reason_is_cleared_when_the_health_is_computed_again(db: Database) -> None:
    with db.session() as s:
        add(s, "Patch the VPN")
        setting = partial(plan.set_summary_settings, session=s, client=CLIENT, author=AUTHOR)
        setting(settings=SummarySettings(health="amber", health_reason="Daniel is off sick"))
        setting(settings=SummarySettings(health="auto"))
        client = plan.find_client(session=s, name=CLIENT)
        assert client is not None and client.health_reason == ""
        assert "Daniel" not in str(render(summarise(s), "md"))


def test_a_sent_messages_id_names_the_senders_domain_not_this_machine() -> None:
    draft = b"To: a@b.example\r\nSubject: x\r\nX-Unsent: 1\r\n\r\nbody\r\n"
    sent = _prepared(draft, Smtp(host="h", sender="Sam <sam@northwind-it.example>"))
    assert str(sent["Message-ID"]).endswith("@northwind-it.example>")
    assert sent["X-Unsent"] is None
