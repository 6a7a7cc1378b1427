"""The names there are (actionplan.known): found but for case, the nearest offered with active
names first, and the new names of an import that look like others (issue 13)."""

from __future__ import annotations

from sqlmodel import select

from actionplan import clock
from actionplan.db import Database
from actionplan.known import Names, client_names, new_names, no_client, person_names, strays
from actionplan.models import Client
from tests.support import add, person


def _archive_client(db: Database, name: str) -> None:
    with db.session() as s:
        client = s.exec(select(Client).where(Client.name == name)).one()
        client.archived_at = clock.now()
        s.add(client)
        s.commit()


def test_names_are_found_but_for_case_and_offered_active_first(db: Database) -> None:
    add(db, "One", "Northwind Traders")
    add(db, "Two", "Northwind Logistics")
    add(db, "Three", "Acme")
    _archive_client(db, "Northwind Logistics")
    with db.session() as s:
        names = client_names(session=s)
    assert names.active == ("Acme", "Northwind Traders")
    assert names.archived == ("Northwind Logistics",)
    assert names.find("  northwind   TRADERS ") == "Northwind Traders"
    assert names.find("northwind logistics") == "Northwind Logistics"  # archived, still there
    assert names.find("Nortwind Traders") is None
    # Of two names equally near, the active one comes first; a nearer archived one still leads.
    assert names.nearest("Northwind") == ["Northwind Traders", "Northwind Logistics"]
    assert names.nearest("Northwind Logistic") == ["Northwind Logistics", "Northwind Traders"]


def test_people_are_named_as_clients_are(db: Database) -> None:
    person(db, "Priya Shah")
    person(db, "Dan Lee")
    with db.session() as s:
        names = person_names(session=s)
    assert names.find("PRIYA SHAH") == "Priya Shah"
    assert names.nearest("Pri") == ["Priya Shah"]
    assert names.alike("Ann") == []


def test_an_unknown_client_is_refused_with_the_nearest_names(db: Database) -> None:
    add(db, "One", "Northwind Traders")
    add(db, "Two", "Globex")
    with db.session() as s:
        assert (
            no_client(session=s, name=" Nortwind Traders ")
            == "no client named 'Nortwind Traders'; did you mean 'Northwind Traders'?"
        )
        assert no_client(session=s, name="Kestrel") == "no client named 'Kestrel'"


def test_a_long_list_of_near_names_is_cut_to_keep_one_short_line() -> None:
    names = Names(active=tuple(f"Northwind {'x' * 30} {n}" for n in "abc"))
    from actionplan.known import unknown

    message = unknown("client", "Northwind", names.nearest("Northwind"))
    assert message.startswith("no client named 'Northwind'; did you mean 'Northwind xxx")
    assert len(message) <= 130


def test_new_names_of_an_import_are_each_named_once_with_their_first_line() -> None:
    known = Names(active=("Acme", "Northwind Traders"))
    named = [(2, "acme"), (3, "Kestrel"), (4, "KESTREL"), (5, "Nortwind"), (6, "Globex")]
    assert new_names(named, known) == {"Kestrel": 3, "Nortwind": 5, "Globex": 6}


def test_strays_are_new_names_like_a_known_one_or_an_earlier_new_one() -> None:
    known = Names(active=("Northwind Traders", "Priya Shah"), archived=("Old Bank",))
    new = {"Kestrel": 2, "Nortwind": 3, "Kestrel Ltd": 4, "Old Bank Plc": 5, "Globex": 6}
    assert [str(s) for s in strays(new, known, "client")] == [
        "line 3: 'Nortwind' looks like existing client 'Northwind Traders'",
        "line 4: 'Kestrel Ltd' looks like new client 'Kestrel' on line 2",
        "line 5: 'Old Bank Plc' looks like existing client 'Old Bank'",
    ]
    # Short names that differ are different people; so are numbered sites.
    people = Names(active=("Dan", "Tom"))
    assert strays({"Ann": 2, "Tim": 3}, people, "person") == []
    assert strays({"Site 2": 2, "Site 3": 3}, Names(active=("Site 1",)), "client") == []
