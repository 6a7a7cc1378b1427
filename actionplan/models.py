"""The domain as SQLModel tables and enums: clients, people, items, history, snapshots."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic's batch mode on SQLite can find and alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Side(StrEnum):
    """Which side of the relationship a person is on."""

    US = "us"
    CLIENT = "client"
    VENDOR = "vendor"


class Status(StrEnum):
    """Where an item stands; the board has a column for each."""

    PLANNED = "planned"
    DOING = "doing"
    WAITING = "waiting"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Still to be done (not done and not dropped)."""
        return self not in (Status.DONE, Status.DROPPED)


class WaitingOn(StrEnum):
    """Whom a waiting item waits on."""

    CLIENT = "client"
    VENDOR = "vendor"
    INTERNAL = "internal"


class RepeatUnit(StrEnum):
    """The unit of a recurring item's interval."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class RepeatFrom(StrEnum):
    """What the next occurrence of a recurring item is counted from."""

    DUE = "due"
    DONE = "done"


class Visibility(StrEnum):
    """Whether an item may appear in anything the client sees."""

    CLIENT = "client"
    INTERNAL = "internal"


class VendorNames(StrEnum):
    """How a client's summaries show an item owned by a vendor's contact."""

    COMPANY = "company"
    """By the contact's company ("supplier" when none is known)."""
    GENERIC = "generic"
    """Never by company: always "our supplier"."""


def _enum(enum: type[StrEnum]) -> sa.Enum:
    # Stored as plain strings (no PostgreSQL ENUM type), so adding a value needs no type migration.
    return sa.Enum(
        enum,
        native_enum=False,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Client(SQLModel, table=True):
    """An account; it has its own board."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    created_at: datetime
    # The leak guard's allow-list for this client, one term a line: their own ticket prefixes,
    # domains, host names and product names, which are fine in their summaries.
    guard_allow: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})
    # An archived client (contract ended) is left out of the switcher, the agenda, workload,
    # triage and recurring checks; it is still listed on request and still exported.
    archived_at: datetime | None = None
    # Whether this client's summaries name the companies of vendors who own its items (some
    # clients must not learn who our suppliers are).
    vendor_names: VendorNames = Field(
        default=VendorNames.COMPANY,
        sa_type=_enum(VendorNames),
        sa_column_kwargs={"server_default": VendorNames.COMPANY.value},
    )
    # What the account manager says in the client's summaries (``clients set``, the preview):
    # the next call's date, a headline and an intro (client-facing, guarded like every client
    # text), and the health as they set it ("auto": computed) with its client-facing reason.
    next_call: date | None = None
    headline: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})
    intro: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})
    health: str = Field(default="auto", max_length=8, sa_column_kwargs={"server_default": "auto"})
    health_reason: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})


class Person(SQLModel, table=True):
    """Someone who can own an item: one of us (a team), a client's contact (one client) or a
    vendor's contact (a company, serving any client)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    team: str | None = Field(default=None, max_length=100)
    side: Side = Field(default=Side.US, sa_type=_enum(Side))
    created_at: datetime
    # Only for side=client; None is an unattached contact (made before contacts belonged to
    # clients), who may own any client's items until settled.
    client_id: int | None = Field(default=None, foreign_key="client.id", index=True)
    company: str | None = Field(default=None, max_length=100)
    role: str | None = Field(default=None, max_length=100)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=50)
    # For us only, like an item's internal note: never in anything the client sees.
    note: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})
    # Receives the status summary (what e-mail drafts are addressed to).
    status_recipient: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # Not offered as a new owner; their items stay theirs until given to someone else.
    archived_at: datetime | None = None


class Item(SQLModel, table=True):
    """One thing that must get done for a client."""

    __table_args__ = (
        # The board reads one client's columns in order; the agenda reads open items by date.
        sa.Index("ix_item_client_status_position", "client_id", "status", "position"),
        sa.Index("ix_item_status_due", "status", "due"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id")
    title: str = Field(max_length=200)
    client_note: str = Field(default="", sa_type=sa.Text)
    internal_note: str = Field(default="", sa_type=sa.Text)
    status: Status = Field(default=Status.PLANNED, sa_type=_enum(Status))
    waiting_on: WaitingOn | None = Field(default=None, sa_type=_enum(WaitingOn))
    owner_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    due: date | None = Field(default=None, index=True)
    committed: date | None = None
    must: bool = True
    escalated: bool = False
    escalation_reason: str = Field(default="", max_length=500)
    visibility: Visibility = Field(default=Visibility.CLIENT, sa_type=_enum(Visibility))
    position: int = 0
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None = None
    deleted_at: datetime | None = None
    version: int = 1
    # Recurring items: every ``repeat_every`` ``repeat_unit``s, counted from the due date or
    # from completion. Completing one adds the next occurrence, which ``follows_id`` links back.
    repeat_every: int | None = None
    repeat_unit: RepeatUnit | None = Field(default=None, sa_type=_enum(RepeatUnit))
    repeat_from: RepeatFrom | None = Field(default=None, sa_type=_enum(RepeatFrom))
    follows_id: int | None = Field(default=None, foreign_key="item.id")
    # Hidden from triage until this date (a triage "snooze"); the board still shows the item.
    snoozed_until: date | None = None
    # A recurring check names the health-check form its completion fills (issue 15).
    health_form: str | None = Field(default=None, max_length=60)
    # The health check whose recommendation this item came from; a plain id, not a foreign key:
    # undoing the check leaves the item, which then names a check that is gone.
    from_check: int | None = None

    @property
    def slipped(self) -> bool:
        """The forecast date has moved past the date the client was told."""
        return self.due is not None and self.committed is not None and self.due > self.committed


class Dependency(SQLModel, table=True):
    """An item that waits for another item of the same client (on any side) to be done.

    A plain ``id`` like every table's, so exports, restores and record changes treat it as
    any other row; the pair is unique.
    """

    __table_args__ = (sa.UniqueConstraint("item_id", "blocked_by_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="item.id")
    blocked_by_id: int = Field(foreign_key="item.id", index=True)


class Operation(SQLModel, table=True):
    """One user action (an add, an edit, an import...): the unit that undo reverts."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    author: str = Field(max_length=100)
    kind: str = Field(max_length=16)
    summary: str = Field(max_length=300)
    undoes_id: int | None = Field(default=None, foreign_key="operation.id")
    undone_by_id: int | None = Field(default=None, foreign_key="operation.id")


class HistoryEvent(SQLModel, table=True):
    """One field of one item changed by one operation, with the values before and after."""

    __tablename__ = "history"

    id: int | None = Field(default=None, primary_key=True)
    op_id: int = Field(foreign_key="operation.id", index=True)
    item_id: int = Field(foreign_key="item.id", index=True)
    at: datetime
    author: str = Field(max_length=100)
    field: str = Field(max_length=32)
    old: str | None = Field(default=None, sa_type=sa.Text)
    new: str | None = Field(default=None, sa_type=sa.Text)
    reason: str | None = Field(default=None, max_length=500)


class RecordChange(SQLModel, table=True):
    """One field of a row other than an item (a client, a person, a snapshot, a reviewed
    sentence) changed by one operation, or the whole row deleted or put back: what undo
    reverts besides the item history (see ``plan.undo``)."""

    __tablename__ = "record_change"

    id: int | None = Field(default=None, primary_key=True)
    op_id: int = Field(foreign_key="operation.id", index=True)
    record: str = Field(max_length=16)  # the table: client, person, snapshot, reviewed
    record_id: int
    # A column's name; "deleted" (old: the row as JSON) or "created" (new: the row as JSON).
    field: str = Field(max_length=32)
    old: str | None = Field(default=None, sa_type=sa.Text)
    new: str | None = Field(default=None, sa_type=sa.Text)


class Snapshot(SQLModel, table=True):
    """A client summary as it was sent; the next summary is compared with it."""

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True)
    created_at: datetime
    author: str = Field(max_length=100)
    model_json: str = Field(sa_type=sa.Text)
    markdown: str = Field(sa_type=sa.Text)
    # How it left (md, txt, html, pdf, talk, docx, eml, or "copy") and to whom (one address
    # or name a line; empty when not known, e.g. a file handed over by hand).
    format: str = Field(default="md", max_length=8, sa_column_kwargs={"server_default": "md"})
    recipients: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})


class Reviewed(SQLModel, table=True):
    """A sentence of one item the account manager reviewed as fine for this client: the guard
    stops nagging about what it found there (``rule``) until the sentence's words change (the
    fingerprint is of the folded sentence). Another rule, or another item, still nags."""

    __table_args__ = (sa.UniqueConstraint("client_id", "item_id", "fingerprint", "rule"),)

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True)
    item_id: int | None = Field(default=None, foreign_key="item.id")
    op_id: int | None = Field(default=None, foreign_key="operation.id")
    fingerprint: str = Field(max_length=32)
    rule: str = Field(default="", max_length=32)
    sentence: str = Field(sa_type=sa.Text)
    author: str = Field(max_length=100)
    at: datetime


class HealthCheck(SQLModel, table=True):
    """A health-check form filled for a client on a date: what the check found.

    The values are JSON, keyed by the form's field keys (see ``actionplan.health.values``);
    the form's title is kept so a check still reads right if its form file goes away.
    """

    __tablename__ = "health_check"

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(foreign_key="client.id", index=True)
    form: str = Field(max_length=60)
    form_title: str = Field(max_length=200)
    checked_on: date
    values_json: str = Field(sa_type=sa.Text)
    created_at: datetime
    author: str = Field(max_length=100)


# Foreign keys point backwards in this order, so a restore can insert table by table.
TABLES: list[type[SQLModel]] = [
    Client,
    Person,
    Operation,
    Item,
    Dependency,
    HistoryEvent,
    RecordChange,
    Snapshot,
    Reviewed,
    HealthCheck,
]
# The rows a record change names (its ``record``), by table name.
RECORDS: dict[str, type[SQLModel]] = {
    "client": Client,
    "person": Person,
    "snapshot": Snapshot,
    "reviewed": Reviewed,
    "health_check": HealthCheck,
}


def value_type(column: sa.Column[object]) -> type:
    """The Python type a column holds: its enum class, or the plain type under any decorator."""
    kind = column.type
    enum_class = getattr(kind, "enum_class", None)
    if enum_class is not None:
        return enum_class  # type: ignore[no-any-return]
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    return kind.python_type
