"""E-mail for the tests: a draft read back as a mail program reads it, and a real SMTP server
on localhost (aiosmtpd) that records what it was sent."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from pypdf import PdfReader

from actionplan.summary.readable import readable

PASSWORD = "s3cret-Pa55word!"  # what the test server accepts; must never be printed


def parse(data: bytes) -> EmailMessage:
    """A draft as Thunderbird reads it (the standard library's modern policy)."""
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def bodies(message: EmailMessage) -> tuple[str, str, bytes]:
    """The plain-text body, the HTML body and the attached PDF of a draft."""
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    [pdf] = list(message.iter_attachments())
    data = pdf.get_content()
    assert isinstance(data, bytes)
    return _lf(text.get_content()), _lf(html.get_content()), data


def _lf(text: str) -> str:
    """Line ends as a mail program shows them (a message carries CRLF)."""
    return text.replace("\r\n", "\n")


def pdf_text(data: bytes) -> str:
    """The text of a PDF, page after page."""
    assert data.startswith(b"%PDF")
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def eml_text(data: bytes) -> str:
    """Everything a reader of a draft sees: To, Subject, both bodies and the PDF's text."""
    message = parse(data)
    text, html, pdf = bodies(message)
    head = [str(message.get("To", "")), str(message["Subject"])]
    return "\n".join([*head, text, readable("html", html), pdf_text(pdf)])


def structure(message: EmailMessage) -> str:
    """A draft's shape: its headers, the tree of its parts, and the plain-text body."""
    lines = [f"{name}: {value}" for name, value in message.items()]
    lines.append("")

    def walk(part: EmailMessage, depth: int) -> None:
        name = part.get_filename()
        lines.append("  " * depth + part.get_content_type() + (f" ({name})" if name else ""))
        if part.is_multipart():
            for sub in part.iter_parts():
                assert isinstance(sub, EmailMessage)
                walk(sub, depth + 1)

    walk(message, 0)
    lines += ["", bodies(message)[0]]
    boundary = message.get_boundary()
    text = "\n".join(lines)
    return text.replace(boundary, "BOUNDARY") if boundary else text


@dataclass
class Received:
    """What the test server was given: the envelope and the message's bytes."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class MailServer:
    """A running local SMTP server: its port, what it received, who logged in."""

    port: int
    refuse: set[str]
    received: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(  # aiosmtpd calls its hooks by these names
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # aiosmtpd calls its hooks by these names
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
        )
        return "250 Message accepted"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
        if ok:
            self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)


def free_port() -> int:
    """A localhost port nobody listens on (just now)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def mail_server(*, refuse: set[str] | None = None) -> Iterator[MailServer]:
    """An SMTP server on 127.0.0.1 with AUTH (without TLS), refusing ``refuse`` recipients."""
    from aiosmtpd.controller import Controller

    mail = MailServer(free_port(), refuse or set())
    controller = Controller(
        mail,
        hostname="127.0.0.1",
        port=mail.port,
        authenticator=mail.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield mail
    finally:
        controller.stop()
