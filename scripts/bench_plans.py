"""Generated plans for scripts/benchmark.py: a CSV of any size in the import contract's columns.

The largest client holds 20% of the items, about 30 owners share them, statuses are mixed,
due dates fall within 60 days either side of a fixed today, and some items carry notes. The
same size and seed always give the same CSV. Nothing of actionplan is imported here.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 11, 23)
LARGEST_SHARE = 0.20
# The CSV contract's columns, spelled out rather than imported: the harness imports nothing of
# actionplan, whose memory would otherwise show in every child's peak (wait4 counts it).
COLUMNS = "client title status owner due committed must client_note internal_note escalated".split()  # noqa: SIM905


LARGEST_CLIENT = "Northwind Logistics"
_CLIENT_HEADS = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell",
    "Cyberdyne", "Soylent", "Massive", "Vandelay", "Pied Piper", "Dunder", "Sterling", "Gringotts",
    "Oceanic", "Monarch", "Aperture", "Blue Sun", "Contoso", "Fabrikam", "Tailspin", "Litware",
]  # fmt: skip
_CLIENT_TAILS = [
    "Insurance", "Retail", "Health", "Energy", "Bank", "Foods", "Media", "Freight", "Labs",
    "Pharma", "Hotels", "Telecom", "Legal", "Mining", "Airlines", "Logistics", "Motors",
]  # fmt: skip
_FIRST = [
    "Ann", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kiri",
    "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoe", "Ravi", "Marta", "Oskar", "Leila",
]  # fmt: skip
_LAST = [
    "Lee", "Okafor", "Martin", "Patel", "Rossi", "Haddad", "Kim", "Dubois", "Silva", "Berg",
    "Ngata", "Walsh", "Cohen", "Novak", "Adeyemi", "Sharma", "Byrne", "Garcia", "Ito", "Aziz",
    "Rao", "Petrov", "Zhang", "Lopez", "Demir", "Fischer", "Kaur", "Costa", "Lund", "Farah",
]  # fmt: skip
_TITLES = [
    "Migrate {sys} to {target}",
    "Renew the {cert} certificate before it expires",
    "Fix intermittent {fault} on {sys}",
    "Upgrade {sys} to the supported version",
    "Set up single sign-on for {sys}",
    "Restore nightly backups of {sys}",
    "Deliver the {doc} for the {team} team",
    "Onboard {n} new users to {sys}",
    "Close the audit finding on {sys} access reviews",
    "Decommission the old {sys} servers",
    "Health check: {sys}",
    "Add {team} reporting to the monthly dashboard",
    "Train client contacts on {sys}",
    "Replace failing {hw} at the {site} site",
    "Agree the cut-over date for {sys}",
]
_FILL = {
    "sys": ["the VPN", "Exchange", "SAP", "the CRM", "SharePoint", "the data warehouse", "Jira",
            "the payroll system", "the file servers", "Citrix", "the billing API", "Okta"],
    "target": ["Azure", "AWS", "the new datacentre", "Microsoft 365", "PostgreSQL 16"],
    "cert": ["wildcard TLS", "VPN gateway", "SAML signing", "code signing"],
    "fault": ["timeouts", "login failures", "slow reports", "sync errors", "dropped calls"],
    "doc": ["runbook", "letter of instruction", "architecture diagram", "DR test report"],
    "team": ["finance", "warehouse", "HR", "sales", "support", "legal"],
    "n": ["5", "12", "40", "150"],
    "hw": ["switches", "laptops", "UPS batteries", "firewalls", "printers"],
    "site": ["Leeds", "Lyon", "Austin", "Pune", "Madrid", "Auckland"],
}  # fmt: skip
_CLIENT_NOTES = [
    "Vendor confirmed the date on the last call.",
    "Waiting for your change window; please confirm Tuesday or Thursday.",
    'Scope agreed in the "phase 2" letter, items 3-7.',
    "Needs two named contacts from your side for testing.",
    "Done in the test environment; production next.",
]
_INTERNAL_NOTES = [
    "Short of people until the hire starts; don't promise earlier.",
    "Director promised 45 days; realistic is 90.",
    "See ticket INC-20419 for the root cause.",
    "Vendor blames the firewall config, we blame the vendor.",
]
_STATUSES = [("planned", 35), ("doing", 25), ("waiting", 15), ("done", 20), ("dropped", 5)]


def client_names(count: int) -> list[str]:
    """``count`` distinct client names, the largest client first."""
    names = [LARGEST_CLIENT]
    for i in range(count - 1):
        head = _CLIENT_HEADS[i % len(_CLIENT_HEADS)]
        tail = _CLIENT_TAILS[(i // len(_CLIENT_HEADS)) % len(_CLIENT_TAILS)]
        lap = i // (len(_CLIENT_HEADS) * len(_CLIENT_TAILS))
        names.append(f"{head} {tail}" + (f" {lap + 1}" if lap else ""))
    return names


def write_plan_csv(path: Path, size: int, seed: int = 20261123) -> str:
    """Write a CSV of ``size`` items; returns the largest client's name (20% of the items)."""
    rng = random.Random(seed + size)
    owners = [f"{f} {last}" for f, last in zip(_FIRST, _LAST, strict=True)]
    largest = round(size * LARGEST_SHARE)
    others = max(3, round((size - largest) / 250))  # about 250 items per other client
    clients = client_names(others + 1)
    statuses, weights = zip(*_STATUSES, strict=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(COLUMNS)
        for i in range(size):
            client = clients[0] if i % 5 == 0 and i // 5 < largest else rng.choice(clients[1:])
            template = rng.choice(_TITLES)
            title = template.format(**{k: rng.choice(v) for k, v in _FILL.items()})
            due = TODAY + timedelta(days=rng.randint(-60, 60)) if rng.random() > 0.07 else None
            committed = None
            if due and rng.random() < 0.5:
                committed = due - timedelta(days=rng.choice([0, 0, 0, 7, 14, 30]))
            escalated = rng.random() < 0.05
            out.writerow(
                [
                    client,
                    title,
                    rng.choices(statuses, weights)[0],
                    rng.choice(owners) if rng.random() > 0.05 else "",
                    due.isoformat() if due else "",
                    committed.isoformat() if committed else "",
                    "yes" if rng.random() < 0.8 else "no",
                    rng.choice(_CLIENT_NOTES) if rng.random() < 0.4 else "",
                    rng.choice(_INTERNAL_NOTES) if rng.random() < 0.25 else "",
                    "yes" if escalated else "no",
                ]
            )
    return clients[0]


def client_nearest(csv_path: Path, items: int) -> tuple[str, int]:
    """The client with nearest ``items`` open items in a plan CSV, and its count."""
    counts: dict[str, int] = {}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["status"] in ("planned", "doing", "waiting"):
                counts[row["client"]] = counts.get(row["client"], 0) + 1
    client = min(sorted(counts), key=lambda name: abs(counts[name] - items))
    return client, counts[client]
