"""health checks: a form filled for a client on a date, its values as JSON

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
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
        sa.Column("form", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("form_title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("values_json", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_health_check_client_id_client")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_check")),
    )
    with op.batch_alter_table("health_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_health_check_client_id"), ["client_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("health_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_check_client_id"))
    op.drop_table("health_check")
