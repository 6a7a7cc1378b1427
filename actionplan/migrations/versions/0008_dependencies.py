"""dependencies: an item blocked by other items of the same client

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dependency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("blocked_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_dependency_item_id_item")),
        sa.ForeignKeyConstraint(
            ["blocked_by_id"], ["item.id"], name=op.f("fk_dependency_blocked_by_id_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dependency")),
        sa.UniqueConstraint(
            "item_id", "blocked_by_id", name=op.f("uq_dependency_item_id_blocked_by_id")
        ),
    )
    # A new index needs no batch copy of the table, on SQLite either.
    op.create_index(op.f("ix_dependency_blocked_by_id"), "dependency", ["blocked_by_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_dependency_blocked_by_id"), table_name="dependency")
    op.drop_table("dependency")
