"""Checklist templates from the command line: list them, apply one to a client."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from actionplan.cli.context import config, open_db, parse_when, today
from actionplan.cli.output import say

if TYPE_CHECKING:
    from actionplan.templates import TemplateEntry


def run_list(args: argparse.Namespace) -> int:
    """actionplan template list"""
    from actionplan.cli.output import say_listing
    from actionplan.templates import list_templates, user_dir

    headers = ["name", "file", "items", "source", "description"]
    say_listing(list_templates(), headers, _template_row, flex=4, what="templates", own=user_dir())
    return 0


def _template_row(entry: TemplateEntry, source: str) -> list[object]:
    if entry.loaded is None:
        return [entry.name, entry.path.name, "-", source, "cannot be used (see below)"]
    t = entry.loaded
    return [t.name, t.stem, len(t.items), source, t.description]


def run_apply(args: argparse.Namespace) -> int:
    """actionplan template apply NAME --client C [--new-client] [--new-person] [--start WHEN]
    [--dry-run]"""
    from actionplan import plan
    from actionplan.cli.known import need_client, need_person
    from actionplan.dates import describe
    from actionplan.templates import apply_template, find_template, plan_items
    from actionplan.text import quote

    template = find_template(args.name)
    start = parse_when(args.start, field="start") or today()
    items = plan_items(template, client=args.client, start=start)  # checks the client name
    db = open_db(args)
    with db.session() as session:
        need_client(session, args.client, new=args.new_client)
        for owner in dict.fromkeys(item.owner for item in items if item.owner):
            where = f"template {quote(template.name, 40)}: "
            need_person(session, owner, new=args.new_person, where=where)
        known = plan.find_client(session=session, name=args.client)
        client = known.name if known else items[0].client
        ids: list[int | None] = [None] * len(items)
        if not args.dry_run:
            ids = list(
                apply_template(
                    session=session,
                    template=template,
                    client=client,
                    start=start,
                    author=config().author,
                )
            )
    verb = "would add" if args.dry_run else "added"
    new = "" if known else " (a new client)"
    count = f"{len(items)} item{'s' if len(items) != 1 else ''}"
    say(f"{verb} {count} to {client}{new} from {template.name}, starting {describe(start)}:")
    for item_id, item in zip(ids, items, strict=True):
        number = f"#{item_id:<6} " if item_id is not None else ""
        when = describe(item.due) if item.due else "no date"
        marks = []
        if item.repeat_every:
            unit = item.repeat_unit.value if item.repeat_unit else ""
            marks.append(f"every {item.repeat_every} {unit}{'s' if item.repeat_every > 1 else ''}")
        if item.visibility == "internal":
            marks.append("internal")
        if not item.must:
            marks.append("nice")
        extra = f"  [{', '.join(marks)}]" if marks else ""
        say(f"  {number}{when:<16} {item.title}{extra}")
    if args.dry_run:
        say("nothing changed (dry run)")
    else:
        say("undo all of them at once with: actionplan undo")
    return 0
