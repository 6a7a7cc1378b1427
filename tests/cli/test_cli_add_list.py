"""The command line's add and list (PRODUCT.md's contract): every field saved, list --json with
exactly the contract's keys, the filters, and the table."""

from __future__ import annotations

from tests.support import Cli

CONTRACT = "id client title status owner due committed must client_note internal_note escalated"
CONTRACT_KEYS = set(CONTRACT.split())
"""Each item's keys in ``list --json`` (PRODUCT.md): spelled out here, not taken from the code."""


def test_add_with_every_option_saves_every_field(ap: Cli) -> None:
    out = ap.ok(
        "add",
        "Renew firewall licence",
        "--client",
        "Acme",
        "--new-client",
        "--owner",
        "Ann",
        "--new-person",
        "--due",
        "fri",
        "--committed",
        "2026-11-26",
        "--status",
        "waiting",
        "--nice",
        "--note",
        "We renew before expiry",
        "--internal",
        "Vendor quote pending",
        "--internal-only",
        "--escalate",
        "licence lapses",
        "--waiting-on",
        "vendor",
    )
    assert out.startswith("added #1 ")
    assert "Acme" in out and "Renew firewall licence" in out and "2026-11-27" in out
    assert ap.items() == [
        {
            "id": 1,
            "client": "Acme",
            "title": "Renew firewall licence",
            "status": "waiting",
            "owner": "Ann",
            "due": "2026-11-27",
            "committed": "2026-11-26",
            "must": False,
            "client_note": "We renew before expiry",
            "internal_note": "Vendor quote pending",
            "escalated": True,
        }
    ]
    [row] = ap.csv_rows()
    assert row["visibility"] == "internal"
    assert row["waiting_on"] == "vendor"
    assert row["escalation_reason"] == "licence lapses"


def test_add_defaults_to_a_planned_must_do_item(ap: Cli) -> None:
    ap.add()
    [item] = ap.items()
    assert item["status"] == "planned"
    assert item["must"] is True
    assert item["owner"] is None and item["due"] is None and item["escalated"] is False


def test_list_json_has_exactly_the_contract_keys_with_their_types(ap: Cli) -> None:
    ap.add("With everything", "Acme", "--owner", "Ann", "--due", "2026-12-05")
    ap.add("With nothing", "Globex")
    items = ap.items()
    assert len(items) == 2
    for item in items:
        assert set(item) == CONTRACT_KEYS
        assert isinstance(item["id"], int)
        for key in ("client", "title", "status", "client_note", "internal_note"):
            assert isinstance(item[key], str), key
        for key in ("must", "escalated"):
            assert isinstance(item[key], bool), key
        for key in ("owner", "due", "committed"):
            assert item[key] is None or isinstance(item[key], str), key
    full = next(i for i in items if i["title"] == "With everything")
    assert full["owner"] == "Ann" and full["due"] == "2026-12-05"


def test_list_json_of_an_empty_plan_is_an_empty_array(ap: Cli) -> None:
    assert ap.items() == []


def test_list_filters_by_client_owner_status_and_overdue(ap: Cli) -> None:
    ap.add("Late and open", "Acme Corp", "--owner", "Ann", "--due", "2026-11-20")
    ap.add("Late but done", "Acme Corp", "--due", "2026-11-20", "--status", "done")
    ap.add("Not due yet", "Globex", "--owner", "Bob", "--due", "2026-12-20")
    ap.add("Being done", "Globex", "--owner", "ann", "--status", "doing")

    def titles(*args: str) -> set[str]:
        return {i["title"] for i in ap.items(*args)}

    assert titles("--client", "acme corp") == {"Late and open", "Late but done"}
    assert titles("--client", "GLOBEX") == {"Not due yet", "Being done"}
    assert titles("--owner", "ANN") == {"Late and open", "Being done"}
    assert titles("--status", "done") == {"Late but done"}
    assert titles("--status", "done", "--status", "doing") == {"Late but done", "Being done"}
    assert titles("--overdue") == {"Late and open"}
    assert titles("--client", "Globex", "--owner", "Bob") == {"Not due yet"}
    # A name that is no client's is a mistake, not an empty plan (issue 13).
    ap("list", "--json", "--client", "Nobody").one_line_error("no client named 'Nobody'")


def test_list_as_text_shows_a_table_or_says_nothing_matches(ap: Cli) -> None:
    assert "no items match" in ap.ok("list")
    ap.add("Renew licence", "Acme", "--nice")
    out = ap.ok("list")
    assert out.splitlines()[0].split() == [
        "id",
        "client",
        "status",
        "title",
        "owner",
        "due",
        "flags",
    ]
    assert "Renew licence" in out and "nice" in out
