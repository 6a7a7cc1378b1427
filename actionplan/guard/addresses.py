"""Where things live: e-mail addresses, internal hosts and domains, private IPs, file and
network paths, chat channels and handles, and links into chat and internal systems."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from actionplan.guard.rules import Context, Hits, Span, free, trimmed
from actionplan.guard.words import CHAT_WORDS, INTERNAL_TLDS, LINK_WORDS

# The local part is read backwards from each "@" (a pattern that starts with a class is slow).
_EMAIL = re.compile(r"@([\w-]+(?:\.[\w-]+)+)(?![\w-])")
_LOCAL = re.compile(r"[\w.+-]+$")
# Addresses a client is meant to write to.
_ROLE_MAILBOX = re.compile(
    r"^(?:support|helpdesk|help|servicedesk|service-desk|service|info|hello|contact|noreply|"
    r"no-reply|security|privacy|dpo|abuse|accounts|billing|invoices|sales|enquiries|"
    r"reception|office|admin|it|itsupport|it-support|team)@",
    re.IGNORECASE,
)
_HOST = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[\w-]*[a-z0-9])?\.)+(?:" + "|".join(INTERNAL_TLDS) + r")(?![\w-])"
    r"|(?<![\w@.-])localhost(?::\d+)?(?![\w-])",
    re.IGNORECASE,
)
_FQDN = re.compile(r"(?<![\w@.-])(?:[a-z0-9](?:[\w-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w-])", re.I)
_IPV4 = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3})(?:/\d{1,2}|:\d{2,5})?(?!\w|\.\d)")
_IPV6_ULA = re.compile(r"f[cd][0-9a-f]{2}:[0-9a-f:]{2,}(?![\w:])", re.IGNORECASE)
# Each with the text that must be there for it to match at all (checked first: cheap).
_PATHS = (
    ("\\\\", re.compile(r"\\\\[\w.$-]+\\[^\s,;()<>\"']+")),  # \\server\share
    (":\\", re.compile(r"[A-Za-z]:\\[^\s,;]*[\w$]")),  # C:\Users\... (from one before ":")
    (
        "/",
        re.compile(
            r"/(?:var|etc|home|opt|srv|mnt|tmp|usr|root|data|backups?|shares?|"
            r"Users|Volumes|media|logs?|apps?|private|scripts?|export|nfs|storage|volume\d*)"
            r"(?:/[\w.@%+-]+)+/?"
        ),
    ),
    ("://", re.compile(r"(?:smb|nfs|file|afp|sftp|ftp)://[^\s]+")),
    ("~/", re.compile(r"~/[\w.-]+(?:/[\w.@%+-]+)*")),
)


_TLD_HINT = re.compile(r"\.(?:" + "|".join(INTERNAL_TLDS) + r")(?![\w-])")


def addresses(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """E-mail addresses, internal hosts and domains, private IPs, file and network paths."""
    ours = tuple(d.casefold().lstrip("@.") for d in ctx.our_domains if d.strip())
    for m in _EMAIL.finditer(text) if "@" in text else ():
        local = _LOCAL.search(text, max(0, m.start() - 64), m.start())
        if local is None:
            continue
        address = text[local.start() : m.end()]
        if ctx.allowed(address) or _ROLE_MAILBOX.match(address):
            continue
        yield "email", local.start(), m.end()
    low = text.lower()
    if "localhost" in low or _TLD_HINT.search(low):
        for m in _HOST.finditer(text):
            if not ctx.allowed(m.group(0)) and not _in_email(text, m.start()):
                yield "host", m.start(), m.end()
    if ours and any(d in low for d in ours):
        for m in _FQDN.finditer(text):
            host = m.group(0).casefold()
            ours_too = any(host == d or host.endswith("." + d) for d in ours)
            if ours_too and not ctx.allowed(host) and not _in_email(text, m.start()):
                yield "host", m.start(), m.end()
    for m in _IPV4.finditer(text) if "." in text else ():
        if not free(text, m.start(), "."):
            continue
        try:
            ip = ipaddress.IPv4Address(m.group(1))
        except ValueError:
            continue
        inside = ip.is_private or ip.is_loopback or ip.is_link_local
        if inside and not ip.is_unspecified and not ctx.allowed(m.group(0)):
            yield "ip", m.start(), m.end()
    if ":" in text:
        for m in _IPV6_ULA.finditer(text):
            if free(text, m.start(), ":"):
                yield "ip", m.start(), m.end()
    for needle, pattern in _PATHS:
        for m in _at(needle, pattern, text):
            if needle == "/" and not free(text, m.start(), "/:.~-E"):
                continue  # ("E": $HOME/…, taken with the "~/" form's rule or as it is)
            if needle != "/" and not free(text, m.start()):
                continue
            if not ctx.allowed(m.group(0)):
                yield "path", m.start(), trimmed(m)


_BACK = {":\\": 1, "://": 4}  # how far before its mark a path may start ("C:\", "sftp://")


def _at(needle: str, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches, tried only around each occurrence of its mark (a plain search)."""
    if needle in ("\\\\", "/"):
        if needle in text:
            yield from pattern.finditer(text)  # these start with their mark: already quick
        return
    at = text.find(needle)
    while at >= 0:
        for start in range(max(0, at - _BACK.get(needle, 0)), at + 1):
            m = pattern.match(text, start)
            if m:
                yield m
                break
        at = text.find(needle, at + len(needle))


def _in_email(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] == "@"


_CHANNEL = re.compile(r"#([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[a-z]{3,}[a-z0-9]*)(?![\w-])")
_HANDLE = re.compile(r"@([a-z][\w.-]*[a-z0-9]|here|channel|everyone)(?![\w@])", re.I)
_HEX = re.compile(r"^(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$", re.IGNORECASE)
_CHAT_LINK = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)*(?:slack\.com|teams\.microsoft\.com/l/(?:message|channel|chat)|"
    r"discord(?:app)?\.com/channels|chat\.google\.com|mattermost\.[\w.]+|zulipchat\.com|"
    r"app\.slack\.com)[^\s<>\"')]*",
    re.IGNORECASE,
)
_TRACKER_LINK = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)+(?:atlassian\.net|service-now\.com|zendesk\.com|"
    r"freshdesk\.com|freshservice\.com|halopsa\.com|haloitsm\.com|itglue\.com|hudu\.com|"
    r"myconnectwise\.net|autotask\.net|syncromsp\.com|atera\.com|ninjarmm\.com|"
    r"visualstudio\.com|pagerduty\.com|sentry\.io|notion\.so|trello\.com|asana\.com|"
    r"monday\.com|clickup\.com|linear\.app|youtrack\.cloud|pastebin\.com|hastebin\.com|"
    r"1password\.com|lastpass\.com|bitwarden\.com|keeper\.io)[^\s<>\"')]*"
    r"|(?:https?://)?(?:dev\.azure\.com|github\.com|gitlab\.com|bitbucket\.org)/[^\s<>\"')]+"
    r"|(?:https?://)?[\w.-]*(?:jira|confluence|wiki|intranet|grafana|kibana|nagios|zabbix|"
    r"prtg|jenkins|gitlab|sharepoint)[\w.-]*\.[\w.-]+/[^\s<>\"')]*",
    re.IGNORECASE,
)


def chat(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Chat channels (#noc-alerts), @handles, and links into chat or internal systems."""
    for m in _CHANNEL.finditer(text) if "#" in text else ():
        if not free(text, m.start(), "&#/") or _HEX.match(m.group(1)) or ctx.allowed(m.group(0)):
            continue
        yield "chat", m.start(), m.end()
    for m in _HANDLE.finditer(text) if "@" in text else ():
        if free(text, m.start(), ".@/") and not ctx.allowed(m.group(0)):
            yield "chat", m.start(), m.end()
    low = text.lower()
    for rule, start, end in _links(text, low):
        if not ctx.allowed(text[start:end]):
            yield rule, start, end


_LINK_END = re.compile(r"[\s<>\"'()\[\]]")


def _links(text: str, low: str) -> Iterator[Span]:
    """Links into chat and internal systems. Each system's name is found with a plain search,
    then the address around it is taken whole (a regex that could start anywhere is slow)."""
    seen: set[int] = set()
    for words, pattern, rule in (
        (CHAT_WORDS, _CHAT_LINK, "chat"),
        (LINK_WORDS, _TRACKER_LINK, "link"),
    ):
        for word in words:
            at = low.find(word)
            while at >= 0:
                start = at
                while start > 0 and not _LINK_END.match(text[start - 1]):
                    start -= 1
                end_match = _LINK_END.search(text, at)
                end = end_match.start() if end_match else len(text)
                m = pattern.fullmatch(text, start, end) or pattern.match(text, start, end)
                if m and start not in seen:
                    seen.add(start)
                    yield rule, start, trimmed(m)
                at = low.find(word, end)
