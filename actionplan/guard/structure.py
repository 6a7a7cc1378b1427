"""Detectors for things with a shape: ticket ids, addresses, hosts, IPs, paths, chat, secrets."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from actionplan.guard.dispatch import branches, split
from actionplan.guard.rules import Context, Hits

Span = tuple[str, int, int]

# --- ticket ids ------------------------------------------------------------------------------

# PROJECT-123, as Jira, Linear, YouTrack and most trackers write them.
# (No leading look-behind in these: a pattern that starts with a character class lets the
# regex engine skip ahead quickly; the edge is checked in code, by ``_free``.)
_KEYED = re.compile(r"([A-Z][A-Z0-9]{1,9})-(\d{1,7})(?![\w-])")
# ServiceNow and its kin: a prefix and a zero-padded number (INC0012345, RITM0034567).
_PADDED = re.compile(r"([A-Z]{2,6})0\d{5,9}(?!\w)")
_SERVICENOW = re.compile(
    r"(?:INC|CHG|RITM|REQ|PRB|PRBT|SCTASK|TASK|CTASK|PTASK|STRY|ENHC|PRJ|SR|WO|CS)"
    r"[-_]?\d{4,10}(?!\w)"
)
TRACKERS = (
    "jira",
    "zendesk",
    "servicenow",
    "snow",
    "freshdesk",
    "freshservice",
    "autotask",
    "connectwise",
    "cw manage",
    "halo",
    "halopsa",
    "halo psa",
    "haloitsm",
    "syncro",
    "kaseya",
    "atera",
    "ninja",
    "ninjaone",
    "n-able",
    "nable",
    "manageengine",
    "servicedesk plus",
    "redmine",
    "bugzilla",
    "trello",
    "asana",
    "linear",
    "clickup",
    "youtrack",
    "github",
    "gitlab",
    "bitbucket",
    "azure devops",
    "ado",
    "devops",
    "tfs",
    "spiceworks",
    "osticket",
    "otrs",
    "topdesk",
    "ivanti",
    "cherwell",
    "remedy",
    "hubspot",
    "salesforce",
    "sfdc",
    "monday",
    "notion",
    "mantis",
    "zammad",
    "glpi",
    "pagerduty",
    "opsgenie",
    "sentry",
)
# A tracker's name, then a number: "Zendesk #48213", "jira 5521", "ticket 8812 in Halo".
_TRACKER_TAIL = (
    r"(?:\s+(?:ticket|case|issue|bug|task|item|story|card|incident|req(?:uest)?|no\.?|number|id))?"
    r"\s*[:#]?\s*#?\s*(?:[A-Z]{1,6}-?)?\d{2,}(?!\w)"
)
# "bug #123", "PR 4411", "internal ticket 5521", "ticket #8812", "repo#12", "!1234" (GitLab MR).
_WORKITEM = re.compile(
    r"(?<![\w])(?:(?:internal|our|dev|eng|jira|backlog|sprint)\s+(?:ticket|case|issue|bug|task)"
    r"|bug|pr|mr|pull\s+request|merge\s+request|story|epic|sub-?task|changeset|commit)"
    r"\s*(?:no\.?|number)?\s*[:#]?\s*#?\d{2,}(?!\w)"
    r"|(?<![\w])(?:ticket|case|issue|incident|job|task)\s*(?:no\.?|number)?\s*#\s*\d{2,}(?!\w)"
    r"|(?<![\w])(?:ticket|case|incident)\s+(?:no\.?\s*|number\s+)?\d{3,}(?!\w)"
    r"|(?<![\w/])[\w.-]+/[\w.-]+#\d+(?!\w)|(?<![\w!])![1-9]\d{2,}(?!\w)",
    re.IGNORECASE,
)
# Prefixes that look like ticket keys but are standards, products, codes or orders.
NOT_TICKETS = frozenset(
    [
        "UTF",
        "SHA",
        "ISO",
        "IEC",
        "RFC",
        "MD",
        "EN",
        "BS",
        "PCI",
        "NIST",
        "SP",
        "TLS",
        "SSL",
        "WPA",
        "WPA2",
        "WPA3",
        "AES",
        "RSA",
        "COVID",
        "IPV",
        "CVE",
        "CWE",
        "GDPR",
        "HIPAA",
        "SOC",
        "ITIL",
        "NIS",
        "NIS2",
        "DORA",
        "ECC",
        "DES",
        "TCP",
        "UDP",
        "IP",
        "PO",
        "SO",
        "INV",
        "QUO",
        "QT",
        "RFQ",
        "RFP",
        "RMA",
        "PN",
        "SKU",
        "SN",
        "AZ",
        "MS",
        "SC",
        "PL",
        "DP",
        "AI",
        "MB",
        "AWS",
        "GCP",
        "ECS",
        "EC2",
        "S3",
        "M365",
        "O365",
        "DDR",
        "USB",
        "CAT",
        "PCIE",
        "SFP",
        "QSFP",
        "HDMI",
        "DP",
        "VGA",
        "DVI",
        "RJ",
        "WIFI",
        "LTE",
        "NFC",
        "BT",
        "KB",
        "GPT",
        "MP3",
        "MP4",
        "H264",
        "H265",
        "A4",
        "A3",
        "B2B",
        "B2C",
        "SLA",
        "OLA",
        "KPI",
        "MFA",
        "SSO",
        "ISDN",
        "VDSL",
        "ADSL",
        "FTTP",
        "FTTC",
        "SIP",
        "VOIP",
        "DECT",
        "POE",
        "UPS",
        "PDU",
        "RAID",
        "NAS",
        "SAN",
        "VM",
        "VLAN",
        "VPN",
        "IPSEC",
        "CSF",
        "CIS",
        "CE",
        "PAS",
        "EU",
        "UK",
        "US",
        "NHS",
        "HMRC",
        "VAT",
        "ICO",
        "DPA",
        "FIDO",
        "U2F",
        "IEEE",
        "SMTP",
        "IMAP",
        "POP",
        "MX",
        "SPF",
        "DKIM",
        "DMARC",
        "DNS",
        "HTTP",
        "HTTPS",
        "FTP",
        "SFTP",
        "SSH",
        "RDP",
        "SMB",
        "NFS",
        "LDAP",
        "LDAPS",
        "TPM",
        "BIOS",
        "UEFI",
        "CPU",
        "GPU",
        "RAM",
        "SSD",
        "HDD",
        "NVME",
        "TB",
        "GB",
        "MB",
        "XP",
        "WIN",
        "W10",
        "W11",
        "OS",
        "HR",
        "ID",
        "NI",
        "FY",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "H1",
        "H2",
        "GB20",
        "MR",
    ]
)
_CLIENT_REF = re.compile(
    r"(?:(?:your|you(?:'ve|\s+have)?\s+(?:logged|raised|opened|sent|quoted|given)|"
    r"(?:the\s+)?client'?s|(?:the\s+)?customer'?s|their|(?:the\s+)?school'?s|"
    r"(?:the\s+)?practice'?s)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:ref(?:erence)?|ticket|case|call|request|po|order|purchase\s+order|quote|invoice|"
    r"incident|change|job|number|no\.?|id|account)(?:\s+(?:number|no\.?|#|id|ref))?)"
    r"\s*[:#]?\s*(?:is\s+)?$",
    re.IGNORECASE,
)
_VENDOR_CASE = re.compile(
    r"^\s*(?:with|from|at|by|via)\s+(?:the\s+)?(?:vendor|supplier|manufacturer|microsoft|dell|"
    r"hp|hpe|lenovo|cisco|fortinet|sophos|vmware|broadcom|apple|google|aws|amazon|bt|virgin|"
    r"openreach|sage|xero|adobe|[A-Z][\w&.-]+)",
)


def _free(text: str, start: int, also: str = "") -> bool:
    """Whether a match may start here: not inside a word (nor after one of ``also``)."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in also)


def worded_patterns() -> list[tuple[str, str]]:
    """The word-led patterns of this module, for the guard's one pass over the words."""
    trackers = [
        ("tracker", r"(?<![\w])" + re.escape(t).replace(r"\ ", r"\s+") + _TRACKER_TAIL)
        for t in TRACKERS
    ]
    secret_words = [
        ("secret", r"(?<![\w])(?:" + word + r")" + _SECRET_TAIL)
        for word in branches(_SECRET_WORD[3:-1])
    ]
    return [
        *trackers,
        *split([("workitem", _WORKITEM.pattern)], edge=False),
        *secret_words,  # one per word, so "pro…" in "project" tries only "product key"
        ("pair", _CRED_PAIR.pattern),
    ]


def tickets(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Ticket ids in every common form, except the client's own references and standards."""
    for m in _KEYED.finditer(text):
        if not _free(text, m.start(), "/.-"):
            continue
        prefix, number = m.group(1), m.group(2)
        if prefix in NOT_TICKETS or prefix.rstrip("0123456789") in NOT_TICKETS:
            continue
        if number.startswith("0") or (len(number) <= 2 and _hostish(prefix)):
            continue  # ESX-01, DC-2: a machine, not a ticket
        if _client_ref(text, m.start()) or ctx.allowed(m.group(0)) or _model(text, m.start()):
            continue
        yield "ticket", m.start(), m.end()
    for pattern in (_PADDED, _SERVICENOW):
        for m in pattern.finditer(text):
            if not _free(text, m.start(), "-") or _client_ref(text, m.start()):
                continue
            if ctx.allowed(m.group(0)):
                continue
            if pattern is _PADDED and m.group(1) in ("KB", "MO", "SO", "PO", "INV", "RMA"):
                continue
            yield "ticket", m.start(), m.end()
    for kind, start, end in [("tracker", *h) for h in hits.get("tracker", ())] + [
        ("workitem", *h) for h in hits.get("workitem", ())
    ]:
        if _client_ref(text, start) or ctx.allowed(text[start:end]):
            continue
        if kind == "workitem" and _VENDOR_CASE.match(text, end):
            continue  # "case 12345 with Microsoft": the vendor's case, told to the client
        yield "ticket", start, end


_HOST_WORDS = frozenset(
    [
        "SRV",
        "SVR",
        "SERVER",
        "ESX",
        "ESXI",
        "HV",
        "HYP",
        "DC",
        "AD",
        "FS",
        "FP",
        "FILE",
        "SQL",
        "DB",
        "WEB",
        "APP",
        "VM",
        "VDI",
        "RDS",
        "TS",
        "EX",
        "EXCH",
        "MAIL",
        "SW",
        "SWITCH",
        "FW",
        "AP",
        "WAP",
        "NAS",
        "SAN",
        "PRN",
        "PRT",
        "PRINT",
        "PC",
        "LT",
        "LAP",
        "WS",
        "DT",
        "NB",
        "UPS",
        "PBX",
        "CORE",
        "EDGE",
        "RTR",
        "RT",
        "LB",
        "BKP",
        "BAK",
        "BACKUP",
        "VEEAM",
        "HOST",
        "NODE",
        "CL",
        "LAB",
        "DEV",
        "TEST",
        "UAT",
        "PROD",
        "STG",
    ]
)


def _hostish(prefix: str) -> bool:
    return prefix in _HOST_WORDS or prefix.rstrip("0123456789") in _HOST_WORDS


_VENDOR_BEFORE = re.compile(
    r"(?:aruba|cisco|meraki|ubiquiti|unifi|hpe?|dell|lenovo|fortinet|fortigate|sophos|synology|"
    r"qnap|apc|eaton|brother|canon|ricoh|epson|zebra|yealink|poly|logitech|netgear|draytek|"
    r"juniper|sonicwall|watchguard|samsung|apple|microsoft|intel|amd|nvidia|xerox|kyocera|"
    r"sharp|konica|avaya|mitel|ruckus|extreme|zyxel|tp-link|asus|acer)\s+$",
    re.IGNORECASE,
)


def _model(text: str, start: int) -> bool:
    """A product's model number ("Aruba AP-515"), not a ticket."""
    return bool(_VENDOR_BEFORE.search(text[max(0, start - 20) : start]))


def _client_ref(text: str, start: int) -> bool:
    return bool(_CLIENT_REF.search(text[max(0, start - 48) : start]))


# --- addresses, hosts, IPs, paths --------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)(?![\w-])")
# Addresses a client is meant to write to.
_ROLE_MAILBOX = re.compile(
    r"^(?:support|helpdesk|help|servicedesk|service-desk|service|info|hello|contact|noreply|"
    r"no-reply|security|privacy|dpo|abuse|accounts|billing|invoices|sales|enquiries|"
    r"reception|office|admin|it|itsupport|it-support|team)@",
    re.IGNORECASE,
)
INTERNAL_TLDS = (
    "corp",
    "internal",
    "local",
    "lan",
    "intra",
    "intranet",
    "localdomain",
    "home",
    "ad",
    "priv",
    "private",
    "int",
    "loc",
    "domain",
    "test",
    "example",
)
_HOST = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[\w-]*[a-z0-9])?\.)+(?:" + "|".join(INTERNAL_TLDS) + r")(?![\w-])"
    r"|(?<![\w@.-])localhost(?::\d+)?(?![\w-])",
    re.IGNORECASE,
)
_FQDN = re.compile(r"(?<![\w@.-])(?:[a-z0-9](?:[\w-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w-])", re.I)
_IPV4 = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3})(?:/\d{1,2}|:\d{2,5})?(?!\w|\.\d)")
_IPV6_ULA = re.compile(r"(?<![\w:])f[cd][0-9a-f]{2}:[0-9a-f:]{2,}(?![\w:])", re.IGNORECASE)
# Each with the text that must be there for it to match at all (checked first: cheap).
_PATHS = (
    ("\\\\", re.compile(r"\\\\[\w.$-]+\\[^\s,;()<>\"']+")),  # \\server\share
    (":\\", re.compile(r"(?<![\w])[A-Za-z]:\\[^\s,;]*[\w$]")),  # C:\Users\...
    (
        "/",
        re.compile(
            r"(?:~|\$HOME)?/(?:var|etc|home|opt|srv|mnt|tmp|usr|root|data|backups?|shares?|"
            r"Users|Volumes|media|logs?|apps?|private|scripts?|export|nfs|storage|volume\d*)"
            r"(?:/[\w.@%+-]+)+/?"
        ),
    ),
    ("://", re.compile(r"(?<![\w])(?:smb|nfs|file|afp|sftp|ftp)://[^\s]+")),
    ("~/", re.compile(r"(?<![\w])~/[\w.-]+(?:/[\w.@%+-]+)*")),
)


def addresses(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """E-mail addresses, internal hosts and domains, private IPs, file and network paths."""
    ours = tuple(d.casefold().lstrip("@.") for d in ctx.our_domains if d.strip())
    for m in _EMAIL.finditer(text) if "@" in text else ():
        address = m.group(0)
        if ctx.allowed(address) or _ROLE_MAILBOX.match(address):
            continue
        yield "email", m.start(), m.end()
    low = text.lower()
    if "localhost" in low or any(f".{tld}" in low for tld in INTERNAL_TLDS):
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
        if not _free(text, m.start(), "."):
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
            yield "ip", m.start(), m.end()
    for needle, pattern in _PATHS:
        if needle not in text:
            continue
        for m in pattern.finditer(text):
            if needle == "/" and not _free(text, m.start(), "/:.~-"):
                continue
            if not ctx.allowed(m.group(0)):
                yield "path", m.start(), _trimmed(m)


def _in_email(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] == "@"


# --- chat, internal links, secrets -------------------------------------------------------------

_CHANNEL = re.compile(
    r"(?<![\w&#/])#([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[a-z]{3,}[a-z0-9]*)(?![\w-])"
)
_HANDLE = re.compile(r"(?<![\w.@/])@([a-z][\w.-]*[a-z0-9]|here|channel|everyone)(?![\w@])", re.I)
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
_SECRET_WORD = (
    r"(?:pass(?:word|wd|code|phrase|\s+phrase)?|pwd|pw|pin(?:\s+code)?|api[\s_-]*key|"
    r"access[\s_-]*key|secret(?:[\s_-]*key)?|client[\s_-]*secret|token|bearer|"
    r"recovery[\s_-]*key|bitlocker(?:[\s_-]*(?:recovery[\s_-]*)?key)?|wi-?fi[\s_-]*key|"
    r"psk|pre-?shared[\s_-]*key|licen[cs]e[\s_-]*key|product[\s_-]*key|creds|credentials|"
    r"login|log-?in\s+details|admin\s+login|otp|mfa\s+code|2fa\s+code|seed|private\s+key|"
    r"door\s+code|alarm\s+code|safe\s+code|combination|(?:bypass|backup|verification|"
    r"one-?time|access|auth|entry|keypad|gate|lock)\s+codes?|secret\s+key)"
)
_SECRET_TAIL = (
    r"(?:\s+(?:for|to|on|of|in)\s+(?:[\w.@'-]+\s+){0,3}[\w.@'-]+)?"
    r"(?:\s*(?:is|was|will\s+be|=|:|->|now|set\s+to|changed\s+to|reset\s+to|-)\s*"
    r"[\"'`]?(?P<value>[^\s\"'`]{4,})|\s+(?P<bare>(?=\S*\d)[^\s\"'`]{4,}))"
)
_SECRET = re.compile(r"(?<![\w])" + _SECRET_WORD + _SECRET_TAIL, re.IGNORECASE)
_CRED_PAIR = re.compile(
    r"(?<![\w])(?:user(?:name)?|login|u)\s*[:=]\s*\S+\s*(?:/|,|;|\s)\s*(?:pass(?:word)?|pw|p)"
    r"\s*[:=]\s*\S{3,}",
    re.IGNORECASE,
)
# "svc_sql / Passw0rd123": an account and a password-like word (letters and digits).
_SLASH_PAIR = re.compile(
    r"(?<![\w/])[\w.@\\-]{3,}\s+/\s+(?=\S*\d)(?=\S*[A-Za-z])(?=\S*(?:[A-Z]|[^\w\s]))\S{6,}"
)
_KEY_SHAPES = re.compile(
    r"(?<![\w])(?:sk|pk|rk)[-_](?:live|test|prod)?[-_]?[A-Za-z0-9]{12,}"
    r"|(?<![\w])gh[pousr]_[A-Za-z0-9]{20,}|(?<![\w])glpat-[\w-]{16,}"
    r"|(?<![\w])AKIA[0-9A-Z]{16}(?!\w)|(?<![\w])xox[abprs]-[\w-]{10,}"
    r"|(?<![\w])eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]+"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----"
    r"|(?<![\w])\d{6}-\d{6}-\d{6}-\d{6}-\d{6}-\d{6}-\d{6}-\d{6}(?!\w)"  # BitLocker
)


def chat(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """Chat channels (#noc-alerts), @handles, and links into chat or internal systems."""
    for m in _CHANNEL.finditer(text) if "#" in text else ():
        if _HEX.match(m.group(1)) or ctx.allowed(m.group(0)):
            continue
        yield "chat", m.start(), m.end()
    for m in _HANDLE.finditer(text) if "@" in text else ():
        if not ctx.allowed(m.group(0)):
            yield "chat", m.start(), m.end()
    low = text.lower()
    if any(word in low for word in _CHAT_WORDS):
        for m in _CHAT_LINK.finditer(text):
            yield "chat", m.start(), _trimmed(m)
    if "/" in text and any(word in low for word in _LINK_WORDS):
        for m in _TRACKER_LINK.finditer(text):
            if not ctx.allowed(m.group(0)):
                yield "link", m.start(), _trimmed(m)


_CHAT_WORDS = ("slack", "teams.microsoft", "discord", "chat.google", "mattermost", "zulip")
_LINK_WORDS = (
    "atlassian",
    "service-now",
    "zendesk",
    "freshdesk",
    "freshservice",
    "halo",
    "itglue",
    "hudu",
    "connectwise",
    "autotask",
    "syncro",
    "atera",
    "ninjarmm",
    "visualstudio",
    "pagerduty",
    "sentry",
    "notion",
    "trello",
    "asana",
    "monday",
    "clickup",
    "linear",
    "youtrack",
    "pastebin",
    "hastebin",
    "1password",
    "lastpass",
    "bitwarden",
    "keeper",
    "dev.azure",
    "github",
    "gitlab",
    "bitbucket",
    "jira",
    "confluence",
    "wiki",
    "intranet",
    "grafana",
    "kibana",
    "nagios",
    "zabbix",
    "prtg",
    "jenkins",
    "sharepoint",
)


def _trimmed(m: re.Match[str]) -> int:
    """The end of a link, without the sentence's closing punctuation."""
    return m.start() + len(m.group(0).rstrip(".,;:!?"))


# Words after "password is" that are not a password.
_NOT_A_VALUE = frozenset(
    [
        "reset",
        "expired",
        "changed",
        "required",
        "needed",
        "sent",
        "attached",
        "stored",
        "saved",
        "shared",
        "managed",
        "updated",
        "enforced",
        "complex",
        "strong",
        "weak",
        "secure",
        "policy",
        "manager",
        "vault",
        "portal",
        "protected",
        "correct",
        "incorrect",
        "wrong",
        "invalid",
        "valid",
        "working",
        "locked",
        "unlocked",
        "due",
        "being",
        "the",
        "your",
        "their",
        "our",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "via",
        "with",
        "through",
        "from",
        "into",
        "under",
        "only",
        "also",
        "still",
        "now",
        "never",
        "always",
        "same",
        "different",
        "unchanged",
        "rotated",
        "synced",
        "synchronised",
        "synchronized",
        "available",
        "enabled",
        "disabled",
        "set",
        "configured",
        "generated",
        "issued",
        "known",
        "unknown",
        "blank",
        "empty",
        "length",
        "minimum",
        "maximum",
        "requirements",
        "change",
        "expiry",
        "expiring",
        "expire",
        "changes",
        "resets",
        "below",
        "above",
        "here",
        "there",
        "this",
        "that",
        "these",
        "those",
    ]
)


def secrets(text: str, ctx: Context, hits: Hits) -> Iterator[Span]:
    """A password, PIN, key or token followed by its value, or a value with a key's shape."""
    for start, _end in hits.get("secret", ()):
        m = _SECRET.match(text, start)
        if m is None:
            continue
        value = (m.group("value") or m.group("bare") or "").rstrip(".,;:!?)")
        if value.casefold() in _NOT_A_VALUE or len(value) < 4:
            continue
        if value.isalpha() and value.islower() and len(value) < 12:
            continue  # an ordinary word ("password is expiring"), not a value
        yield "secret", m.start(), m.end()
    for start, end in hits.get("pair", ()):
        yield "secret", start, end
    if " / " in text:
        for m in _SLASH_PAIR.finditer(text):
            yield "secret", m.start(), m.end()
    if any(shape in text for shape in _KEY_STARTS) or _BITLOCKER_HINT.search(text):
        for m in _KEY_SHAPES.finditer(text):
            yield "secret", m.start(), m.end()


_KEY_STARTS = ("sk", "pk", "rk", "gh", "glpat-", "AKIA", "xox", "eyJ", "-----BEGIN")
_BITLOCKER_HINT = re.compile(r"\d{6}-\d{6}")
