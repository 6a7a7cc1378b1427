"""Sending an e-mail draft over the config's ``[smtp]`` server (standard library only).

The password is read from the environment variable ``[smtp] password_env`` names, at the
moment of sending; it is never stored, printed, or put in an error message.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from actionplan.config_summary import Smtp
from actionplan.plan.errors import PlanError

if TYPE_CHECKING:
    from email.message import EmailMessage

TIMEOUT = 30.0
"""Seconds to wait for the server at each step."""


class SendError(PlanError):
    """The e-mail was not sent (one line, naming no secret); nothing is recorded as sent."""


def setup_hint() -> str:
    """How to set up sending, in one line."""
    return (
        "sending needs [smtp] host in the config (with port, starttls, user, sender), "
        "and the password in the environment variable named by password_env"
    )


def password_for(smtp: Smtp, password_from: Mapping[str, str] = os.environ) -> str | None:
    """The password to log in with (None when ``[smtp] user`` is not set: no login).

    Raises:
        SendError: a user is set and the environment variable holds no password.
    """
    if not smtp.user:
        return None
    password = password_from.get(smtp.password_env)
    if not password:
        raise SendError(f"no SMTP password: set the environment variable {smtp.password_env}")
    return password


def send(
    message_bytes: bytes,
    smtp: Smtp,
    *,
    password_from: Mapping[str, str] = os.environ,
    timeout: float = TIMEOUT,
) -> list[str]:
    """Send a draft made by ``render_eml`` as it is, less its ``X-Unsent`` header.

    ``[smtp] sender`` (else the draft's From, else ``user``) is the envelope sender and, when
    the draft has no From, its From. A Date and a Message-ID are added for the sent copy.

    Returns:
        The addresses the server accepted.

    Raises:
        SendError: not set up, no password, no recipients, or the server refused (connection,
            login, sender or recipients) or did not answer in time.
    """
    import smtplib

    if not smtp.host:
        raise SendError(setup_hint())
    message = _prepared(message_bytes, smtp)
    to = [a.addr_spec for a in message["To"].addresses] if message["To"] else []
    if not to:
        raise SendError("the draft has no recipient with an e-mail address: nothing sent")
    senders = message["From"].addresses if message["From"] else ()
    envelope = senders[0].addr_spec if senders else ""
    if not envelope:
        raise SendError("no sender: set [smtp] sender or user in the config")
    password = password_for(smtp, password_from)
    where = f"{smtp.host}:{smtp.port}"
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=timeout) as server:
            if smtp.starttls:
                server.starttls()
            if smtp.user:
                assert password is not None
                server.login(smtp.user, password)
            refused = server.send_message(message, from_addr=envelope, to_addrs=to)
    except smtplib.SMTPAuthenticationError:
        raise SendError(f"{where} refused the login for {smtp.user}: nothing sent") from None
    except smtplib.SMTPRecipientsRefused as exc:
        who = ", ".join(str(r) for r in exc.recipients)
        raise SendError(f"{where} refused every recipient ({who}): nothing sent") from None
    except smtplib.SMTPSenderRefused:
        raise SendError(f"{where} refused the sender {envelope}: nothing sent") from None
    except smtplib.SMTPNotSupportedError:
        raise SendError(f"{where} does not offer STARTTLS or login: nothing sent") from None
    except smtplib.SMTPResponseException as exc:
        raise SendError(f"{where} refused the e-mail ({exc.smtp_code}): nothing sent") from None
    except (TimeoutError, OSError, smtplib.SMTPException) as exc:
        raise SendError(f"could not send through {where}: {_reason(exc)}; nothing sent") from None
    return [a for a in to if a not in refused]


def _prepared(message_bytes: bytes, smtp: Smtp) -> EmailMessage:
    """The draft as it is sent: no X-Unsent, a From, a Date and a Message-ID."""
    from email import message_from_bytes, policy
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid, parseaddr

    message = message_from_bytes(message_bytes, _class=EmailMessage, policy=policy.SMTP)
    del message["X-Unsent"]
    sender = smtp.sender or (str(message["From"]) if message["From"] else smtp.user)
    if sender:
        del message["From"]
        message["From"] = sender
    if not message["Date"]:
        message["Date"] = formatdate(localtime=True)
    if not message["Message-ID"]:  # under the sender's domain, not this machine's name
        domain = parseaddr(sender)[1].rpartition("@")[2] if sender else ""
        message["Message-ID"] = make_msgid(domain=domain or "actionplan.invalid")
    return message


def _reason(exc: BaseException) -> str:
    """A connection failure in a few words (no traceback, nothing from the exchange)."""
    import smtplib
    import ssl

    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    if isinstance(exc, ssl.SSLError):
        return "the TLS handshake failed"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
