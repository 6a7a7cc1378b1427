"""recurring items and triage snooze

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=16)


def upgrade() -> None:
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("repeat_every", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("repeat_unit", _enum("repeatunit", "day", "week", "month"), nullable=True)
        )
        batch_op.add_column(
            sa.Column("repeat_from", _enum("repeatfrom", "due", "done"), nullable=True)
        )
        batch_op.add_column(sa.Column("follows_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("snoozed_until", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_item_follows_id_item"), "item", ["follows_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_item_follows_id_item"), type_="foreignkey")
        batch_op.drop_column("snoozed_until")
        batch_op.drop_column("follows_id")
        batch_op.drop_column("repeat_from")
        batch_op.drop_column("repeat_unit")
        batch_op.drop_column("repeat_every")
