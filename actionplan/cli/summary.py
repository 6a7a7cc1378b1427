"""actionplan summary and snapshots: the client-safe summary, checked, rendered, kept."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from actionplan.cli.context import config, open_db, parse_when, today
from actionplan.cli.errors import CliError
from actionplan.cli.output import say
from actionplan.cli.transfer import write_output

BINARY_NAMES = {"pdf": "a PDF", "docx": "a Word document", "eml": "an e-mail draft"}

if TYPE_CHECKING:
    from email.headerregistry import Address

    from sqlmodel import Session

    from actionplan.models import Snapshot
    from actionplan.summary.email import Attachment
    from actionplan.summary.guarding import Flag
    from actionplan.summary.model import Summary


def run_summary(args: argparse.Namespace) -> int:
    """actionplan summary CLIENT [--format md|txt|html|pdf|talk|docx|eml] [-o FILE] [--sent]
    [--send] [--attach-health] [--force]"""
    from actionplan.summary.deliver import recipients_of, save_as_snapshot
    from actionplan.summary.outgoing import BINARY, Flagged, Outgoing, release

    send = bool(getattr(args, "send", False))
    if send:
        _check_send(args.format)
    if args.format in BINARY and not args.output and not send and sys.stdout.isatty():
        raise CliError(
            f"{BINARY_NAMES[args.format]} is not for the terminal: give -o FILE (or pipe it)"
        )
    next_call = parse_when(args.next_call, field="next-call") if args.next_call else None
    db = open_db(args)
    options = {
        "client": args.client,
        "today": today(),
        "config": config(),
        "force": args.force,
        "include_nice": not args.no_nice,
        "next_call": next_call,
    }
    sent_to: list[str] = []

    def deliver(o: Outgoing) -> None:
        if args.format == "eml":
            _say_who_is_left_out(session, o.summary.client, to=_draft_to(o.content))
        if args.output or not send:
            write_output(args.output, o.content, protect=args.db)
        if send:
            sent_to[:] = _send(o.content)

    with db.session() as session:
        attached = _health_attachment(session, args) if args.attach_health else ()
        try:
            out, _ = release(
                session=session,
                fmt=args.format,
                deliver=deliver,
                attachments=attached,
                **options,  # type: ignore[arg-type]
            )
            recipients: list[str] = []
            if args.sent or send:
                if args.format == "eml":
                    drafted = _draft_to(out.content)
                    recipients = [str(a) for a in drafted if not send or a.addr_spec in sent_to]
                else:
                    recipients = recipients_of(session, out.summary.client)

                def keep(md: Outgoing) -> None:
                    save_as_snapshot(
                        session, md, config().author, sent_as=args.format, recipients=recipients
                    )

                # The snapshot is the same summary (same digest), as Markdown, guarded again.
                release(session=session, fmt="md", deliver=keep, shown=out.digest, **options)  # type: ignore[arg-type]
        except Flagged as exc:
            _explain(exc.pending, "sounds internal")
            raise CliError(str(exc).replace("force", "--force")) from None
    if args.force and out.flags:
        _explain(list(out.flags), "let through (--force)")
    if args.output and args.output != "-":
        say(f"wrote {args.output}", err=True)
    if send:
        say(f"sent {out.summary.client}'s summary to {', '.join(recipients)}", err=True)
    if args.sent or send:
        to = f" to {', '.join(recipients)}" if recipients else ""
        say(f"recorded {out.summary.client}'s summary as sent{to} ({args.format})", err=True)
    return 0


def _health_attachment(session: Session, args: argparse.Namespace) -> tuple[Attachment, ...]:
    """The client's latest health check as a PDF for the draft, through its own exit and guard.

    Raises:
        CliError: not an e-mail draft, no checks yet, or the guard flagged the check.
    """
    from actionplan.cli.health import released
    from actionplan.summary.email import Attachment

    if args.format != "eml":
        raise CliError("--attach-health attaches to an e-mail: use it with --format eml")
    out = released(session, args.client, None, "pdf", force=args.force)
    return (Attachment(out.filename, out.content),)


def _check_send(fmt: str) -> None:
    """--send needs an e-mail draft and a server to send it through."""
    from actionplan.summary.smtp import password_for, setup_hint

    if fmt != "eml":
        raise CliError("--send sends an e-mail: use it with --format eml")
    if not config().smtp.host:
        raise CliError(setup_hint())
    password_for(config().smtp)  # a missing password is said before anything is built


def _send(content: bytes) -> list[str]:
    """Send the draft; the addresses the server took (a refusal is one line, nothing sent)."""
    from actionplan.summary.smtp import send

    accepted = send(content, config().smtp)
    for address in _draft_to(content):
        if address.addr_spec not in accepted:
            say(f"the server refused {address}: not sent to them", err=True)
    return accepted


def _draft_to(content: bytes) -> list[Address]:
    """The addresses in a draft's To, as the mail program will read them."""
    from email import message_from_bytes, policy

    to = message_from_bytes(content, policy=policy.default)["To"]
    return list(to.addresses) if to else []


def _say_who_is_left_out(session: Session, client: str, *, to: list[Address]) -> None:
    """One line naming the recipients a draft cannot be addressed to, and one if it has no To."""
    from actionplan.queries import status_recipients
    from actionplan.summary.email import addressed

    left = addressed(status_recipients(session=session, client=client))
    if left.no_address:
        say(f"no e-mail address for {', '.join(left.no_address)}: not in the draft's To", err=True)
    if left.unusable:
        names = ", ".join(left.unusable)
        say(
            f"an e-mail address that mail cannot carry for {names}: not in the draft's To", err=True
        )
    if not to:
        say(
            f"the draft has no To: no status-summary recipient of {client} has an e-mail "
            "address (address it by hand)",
            err=True,
        )


def _explain(flags: list[Flag], verb: str) -> None:
    for flag in flags:
        say(f"actionplan: {verb}: {flag}", err=True)
        if flag.sentence and flag.sentence != flag.found:
            say(f"    in: {_short(flag.sentence)}", err=True)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_snapshots(args: argparse.Namespace) -> int:
    """actionplan snapshots CLIENT [--show ID | --compare OLDER NEWER] [--force]"""
    from actionplan.cli.output import table
    from actionplan.summary.source import snapshots

    db = open_db(args)
    with db.session() as session:
        found = snapshots(session=session, client=args.client)
        if args.show is not None or args.compare:
            return _show_or_compare(args, session, found)
    if not found:
        from actionplan.text import quote

        print(f"no snapshots yet: actionplan summary {quote(args.client)} --sent")
        return 0
    rows = [[s.id, s.created_at.strftime("%Y-%m-%d %H:%M"), s.author] for s in found]
    print(table(["id", "saved (UTC)", "by"], rows, flex=2))
    return 0


def _show_or_compare(args: argparse.Namespace, session: Session, found: list[Snapshot]) -> int:
    """--show ID prints the Markdown as it was sent; --compare says what changed between two.

    Both go through the leak guard, as today's summary does: a snapshot may hold text that
    was let through then, or a deny-list phrase added since.
    """
    from actionplan.summary.compare import (
        compare,
        in_order,
        pick,
        read_model,
        render_comparison,
        saved_at,
    )

    if args.show is not None:
        shown = pick(found, args.show, args.client)
        text, model = shown.markdown, _model_or_none(shown, read_model)
    else:
        first, second = (pick(found, n, args.client) for n in args.compare)
        if first.id == second.id:
            raise CliError("--compare needs two different snapshots")
        older, newer = in_order(first, second)
        labels = (
            f"snapshot {older.id} ({saved_at(older)})",
            f"snapshot {newer.id} ({saved_at(newer)})",
        )
        text = render_comparison(compare(read_model(older), read_model(newer)), labels)
        model = None
    _guard_text(session, args.client, text, model, force=args.force)
    from actionplan.text import one_block

    # Stored Markdown may come from another tool: no escape sequences, line breaks kept.
    write_output(None, one_block(text), protect=args.db)
    return 0


def _model_or_none(snapshot: Snapshot, read: Any) -> Summary | None:
    """A snapshot's model, or None when it cannot be read (its Markdown still shows)."""
    from actionplan.plan.errors import Invalid

    try:
        model: Summary = read(snapshot)
    except Invalid:
        return None
    return model


def _guard_text(
    session: Session, client: str, text: str, model: Summary | None, *, force: bool
) -> None:
    """The leak guard on a snapshot shown, or a comparison: with the snapshot's model, each
    item's words are read as a summary's are; our own headings are never judged for tone."""
    from actionplan.plan.named import find_client
    from actionplan.summary.guarding import flags_for, guard_setup, scan_text
    from actionplan.summary.readable import readable

    found = find_client(session=session, name=client)
    assert found is not None  # snapshots() found it
    setup = guard_setup(session=session, client=found, config=config())
    if model is not None:
        flags, _ = flags_for(model, readable("md", text), setup)
    else:
        flags = scan_text(readable("md", text), setup, "the snapshot", tone=False)
    if flags and not force:
        _explain(flags, "sounds internal")
        n = len(flags)
        raise CliError(
            f"leak guard: {n} thing{'s' if n != 1 else ''} in it would reach the client; "
            "use --force to print it anyway"
        )
    if flags:
        _explain(flags, "let through (--force)")
