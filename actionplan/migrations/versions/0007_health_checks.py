"""health checks: a form filled for a client on a date, its values as JSON; an item names the
form its completion fills, and the check a recommendation came from

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "health_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=60), nullable=False),
        sa.Column("form_title", sa.String(length=200), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_health_check_client_id_client")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_check")),
    )
    # A new index needs no batch copy of the table, on SQLite either.
    op.create_index(op.f("ix_health_check_client_id"), "health_check", ["client_id"])
    # Nullable columns without a constraint: SQLite adds them in place, without a batch copy.
    op.add_column("item", sa.Column("health_form", sa.String(length=60), nullable=True))
    op.add_column("item", sa.Column("from_check", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.drop_column("from_check")
        batch.drop_column("health_form")
    op.drop_index(op.f("ix_health_check_client_id"), table_name="health_check")
    op.drop_table("health_check")
