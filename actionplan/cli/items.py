"""Commands on items, clients and people: add, set, list, delete, restore, undo, history."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from actionplan.cli.context import config, open_db, parse_when, today
from actionplan.cli.errors import CliError
from actionplan.cli.output import say, say_block, say_json, table

if TYPE_CHECKING:
    from actionplan.models import Item
    from actionplan.rows import ItemRow


def run_add(args: argparse.Namespace) -> int:
    """actionplan add TITLE --client C ..."""
    from actionplan import plan
    from actionplan.cli.known import need_client, need_person
    from actionplan.models import Client

    values = _item_values(args)
    if args.repeat_from is not None and args.repeat is None:
        raise CliError("--repeat-from is for a recurring item: give --repeat too")
    values["status"] = args.status or ("waiting" if values.get("waiting_on") else "planned")
    if values.get("waiting_on") and values["status"] != "waiting":
        raise CliError("--waiting-on is for waiting items: leave out --status or use waiting")
    db = open_db(args)
    with db.session() as session:
        need_client(session, args.client, new=args.new_client)
        need_person(session, values.get("owner"), new=args.new_person)
        item = plan.add_item(
            session=session, author=config().author, client=args.client, title=args.title, **values
        )
        client = session.get(Client, item.client_id)
    due = f", due {item.due.isoformat()}" if item.due else ""
    say(f"added #{item.id} to {client.name if client else '?'}: {item.title}{due}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    """actionplan set ID ..."""
    from actionplan import plan
    from actionplan.cli.known import need_client, need_person

    changes = _item_values(args)
    for name in ("title", "client", "status", "visibility"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.no_escalate:
        if "escalated" in changes:
            raise CliError("give --escalate or --no-escalate, not both")
        changes["escalated"] = False
    links = bool(args.blocked_by or args.not_blocked_by or args.shift_dependents)
    if not changes and not links:
        raise CliError("nothing to change: give at least one option (see actionplan set --help)")
    db = open_db(args)
    with db.session() as session:
        need_client(session, changes.get("client"), new=args.new_client)
        need_person(session, changes.get("owner"), new=args.new_person)
        if links:
            from actionplan.cli.links import set_links

            item = set_links(session, args, changes)
        else:
            item = plan.edit_item(
                session=session,
                item_id=args.id,
                author=config().author,
                expected_version=args.expect_version,
                reason=args.reason,
                **changes,
            )
        if not changes:
            return 0
        following = _next_if_completed(session, item, changes)
        hint = fill_hint(session, item) if changes.get("status") == "done" else None
    say(f"updated #{item.id} {item.title} ({', '.join(sorted(changes))})")
    if following is not None and following.due is not None:
        say(f"next: #{following.id} due {following.due.isoformat()}")
    if hint:
        say(hint)
    return 0


def fill_hint(session: Any, item: Item) -> str | None:
    """For a completed item that names a health-check form: how to fill its check."""
    if item.health_form is None:
        return None
    from shlex import quote

    from actionplan.models import Client

    client = session.get(Client, item.client_id)
    name = quote(client.name) if client is not None else "CLIENT"
    form = quote(item.health_form)
    return (
        f"fill its health check: actionplan health fill {name} --form {form} --from FILE"
        f" (actionplan health blank {form})"
    )


def _next_if_completed(session: Any, item: Any, changes: dict[str, Any]) -> Any:
    """The occurrence that follows a recurring item this command completed, if any."""
    if changes.get("status") != "done" or item.repeat_every is None:
        return None
    from actionplan.plan.recurrence import next_occurrence

    return next_occurrence(session=session, item_id=item.id)


def _item_values(args: argparse.Namespace) -> dict[str, Any]:
    """The item options both add and set take, only those given."""
    values: dict[str, Any] = {}
    if args.owner is not None:
        values["owner"] = None if args.owner.strip().lower() in ("", "none", "-") else args.owner
    for name in ("due", "committed"):
        if getattr(args, name) is not None:
            values[name] = parse_when(getattr(args, name), field=name)
    if args.waiting_on is not None:
        values["waiting_on"] = args.waiting_on
    if args.must:
        values["must"] = True
    if args.nice:
        values["must"] = False
    if args.note is not None:
        values["client_note"] = args.note
    if args.internal is not None:
        values["internal_note"] = args.internal
    if args.internal_only:
        values["visibility"] = "internal"
    if args.escalate is not None:
        values["escalated"] = True
        values["escalation_reason"] = args.escalate
    if args.repeat is not None:
        from actionplan.plan.recurrence import parse_repeat

        repeat = parse_repeat(args.repeat)
        values["repeat_every"] = repeat.every if repeat else None
        values["repeat_unit"] = repeat.unit if repeat else None
        if repeat is None and args.repeat_from is not None:
            raise CliError("--repeat-from is for a recurring item, not with --repeat none")
    if args.repeat_from is not None:
        values["repeat_from"] = args.repeat_from
    if args.health_form is not None:
        values["health_form"] = args.health_form
    return values


def run_list(args: argparse.Namespace) -> int:
    """actionplan list [--client C] [--owner O] [--status S] [--overdue] [--json]"""
    from actionplan.cli.known import need_client, need_person
    from actionplan.interchange.csv_io import csv_record
    from actionplan.models import Status
    from actionplan.queries import ItemFilter, list_items

    where = ItemFilter(
        client=args.client,
        owner=args.owner,
        statuses=tuple(Status(s) for s in args.status or ()),
        overdue_on=today() if args.overdue else None,
    )
    db = open_db(args)
    with db.session() as session:
        need_client(session, args.client, new=None)  # an unknown name is a mistake, not "none"
        need_person(session, args.owner, new=None)
        rows = list_items(session=session, where=where)
        waits = _open_blockers(session, [r["id"] for r in rows])
    if args.json:
        encode = json.JSONEncoder(ensure_ascii=False).encode
        lines = ",\n".join(encode({"id": r["id"], **csv_record(r)}) for r in rows)
        say_json(f"[\n{lines}\n]" if rows else "[]")
        return 0
    if not rows:
        say("no items match")
        return 0
    headers = ["id", "client", "status", "title", "owner", "due", "flags"]
    say_block(table(headers, [_list_row(r, waits.get(r["id"], [])) for r in rows], flex=3))
    return 0


def _open_blockers(session: Any, item_ids: list[int]) -> dict[int, list[int]]:
    """The ids of the items not yet done that each of these waits for."""
    from actionplan.models import Status
    from actionplan.plan.dependencies import blockers_of

    found = blockers_of(session, item_ids)
    return {i: [b.id for b in bs if b.status != Status.DONE] for i, bs in found.items()}


def _list_row(row: ItemRow, waits_for: list[int]) -> list[Any]:
    flags = []
    if waits_for:
        flags.append("after " + ",".join(f"#{i}" for i in waits_for))
    if not row["must"]:
        flags.append("nice")
    if row["escalated"]:
        flags.append("escalated")
    if row["due"] and row["committed"] and row["due"] > row["committed"]:
        flags.append("slipped")
    if str(getattr(row["visibility"], "value", row["visibility"])) == "internal":
        flags.append("internal")
    if row["repeat_every"] is not None:
        from actionplan.plan.recurrence import short_repeat

        after = " from done" if str(getattr(row["repeat_from"], "value", "")) == "done" else ""
        flags.append(f"every {short_repeat(row['repeat_every'], row['repeat_unit'])}{after}")
    if row["health_form"]:
        flags.append(f"form {row['health_form']}")
    status = getattr(row["status"], "value", row["status"])
    if row["waiting_on"]:
        status = f"{status} ({getattr(row['waiting_on'], 'value', row['waiting_on'])})"
    return [
        row["id"],
        row["client"],
        status,
        row["title"],
        row["owner"],
        row["due"],
        " ".join(flags),
    ]


def run_delete(args: argparse.Namespace) -> int:
    """actionplan delete ID"""
    from actionplan import plan

    item = _change_item(args, plan.delete_item)
    say(f"deleted #{item.id} {item.title} (actionplan undo, or restore {item.id}, brings it back)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """actionplan restore ID"""
    from actionplan import plan

    item = _change_item(args, plan.restore_item)
    say(f"restored #{item.id} {item.title}")
    return 0


def _change_item(args: argparse.Namespace, change: Callable[..., Item]) -> Item:
    """Apply ``change`` (a plan operation on one item) to item ``args.id``, as our author."""
    db = open_db(args)
    with db.session() as session:
        return change(session=session, item_id=args.id, author=config().author)


def run_undo(args: argparse.Namespace) -> int:
    """actionplan undo [--steps N]"""
    from actionplan import plan

    db = open_db(args)
    undone = 0
    with db.session() as session:
        for _ in range(args.steps):
            op = plan.undo(session=session, author=config().author)
            if op is None:
                break
            undone += 1
            say(f"undid: {op.summary}")
    if undone == 0:
        raise CliError("nothing to undo")
    return 0


def run_history(args: argparse.Namespace) -> int:
    """actionplan history ID"""
    from actionplan.history import describe_event
    from actionplan.models import Item
    from actionplan.queries import item_history, person_names

    db = open_db(args)
    with db.session() as session:
        item = session.get(Item, args.id)
        if item is None:
            raise CliError(f"no item #{args.id}")
        events = item_history(session=session, item_id=args.id)
        names = person_names(session=session)
    rows = [
        [e.at.strftime("%Y-%m-%d %H:%M"), e.author, describe_event(e, names), e.reason]
        for e in events
    ]
    say(f"#{item.id} {item.title}")
    if item.health_form:
        say(f"completing it fills the health check {item.health_form}")
    say_block(table(["when (UTC)", "who", "change", "reason"], rows, flex=2))
    return 0
