"""a client's vendor names: whether its summaries name vendors' companies

Every client keeps showing vendors by their company ("company"), as summaries did before;
"generic" makes that client's summaries say "our supplier" instead.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "vendor_names",
                sa.Enum("company", "generic", name="vendornames", native_enum=False, length=16),
                nullable=False,
                server_default="company",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("vendor_names")
