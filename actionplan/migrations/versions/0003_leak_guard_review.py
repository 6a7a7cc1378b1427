"""leak guard: a client's allow-list and reviewed sentences

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guard_allow", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "reviewed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("op_id", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_reviewed_client_id_client")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_reviewed_item_id_item")),
        sa.ForeignKeyConstraint(
            ["op_id"], ["operation.id"], name=op.f("fk_reviewed_op_id_operation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviewed")),
        sa.UniqueConstraint(
            "client_id",
            "item_id",
            "fingerprint",
            "rule",
            name=op.f("uq_reviewed_client_id_item_id_fingerprint_rule"),
        ),
    )
    with op.batch_alter_table("reviewed", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewed_client_id"), ["client_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reviewed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewed_client_id"))
    op.drop_table("reviewed")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("guard_allow")
