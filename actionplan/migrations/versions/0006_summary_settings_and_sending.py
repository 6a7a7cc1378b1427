"""summary settings and sending: a client's next call, headline, intro and health; what was sent

Every client keeps the automatic health and no headline or intro, as before; every snapshot
saved before this is taken as sent in Markdown to nobody in particular.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _client() -> tuple[sa.Column[object], ...]:
    return (
        sa.Column("next_call", sa.Date(), nullable=True),
        sa.Column("headline", sa.Text(), nullable=False, server_default=""),
        sa.Column("intro", sa.Text(), nullable=False, server_default=""),
        sa.Column("health", sa.String(length=8), nullable=False, server_default="auto"),
        sa.Column("health_reason", sa.Text(), nullable=False, server_default=""),
    )


def _snapshot() -> tuple[sa.Column[object], ...]:
    return (
        sa.Column("format", sa.String(length=8), nullable=False, server_default="md"),
        sa.Column("recipients", sa.Text(), nullable=False, server_default=""),
    )


def upgrade() -> None:
    for table, columns in (("client", _client()), ("snapshot", _snapshot())):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.add_column(column)


def downgrade() -> None:
    for table, columns in (("client", _client()), ("snapshot", _snapshot())):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column.name)
