"""people and clients: contacts belong to clients, archiving, undoable record changes

Every existing row is kept. A client-side person who owns items (deleted ones included) of
exactly one client is attached to it; the others stay unattached, for the user to settle
(`actionplan people --unattached`). What the team column held is kept, and copied where the
new columns now say it: a vendor's team was their company, a client contact's their role.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("archived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("company", _text(100), nullable=True))
        batch_op.add_column(sa.Column("role", _text(100), nullable=True))
        batch_op.add_column(sa.Column("email", _text(254), nullable=True))
        batch_op.add_column(sa.Column("phone", _text(50), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("status_recipient", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("archived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_person_client_id"), ["client_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_person_client_id_client"), "client", ["client_id"], ["id"]
        )
    op.create_table(
        "record_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("op_id", sa.Integer(), nullable=False),
        sa.Column("record", _text(16), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", _text(32), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["op_id"], ["operation.id"], name=op.f("fk_record_change_op_id_operation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_change")),
    )
    with op.batch_alter_table("record_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_change_op_id"), ["op_id"], unique=False)
    _settle_people()


def _settle_people() -> None:
    owned = "FROM item WHERE item.owner_id = person.id"
    op.execute(
        f"UPDATE person SET client_id = (SELECT MIN(item.client_id) {owned}) "
        f"WHERE side = 'client' AND (SELECT COUNT(DISTINCT item.client_id) {owned}) = 1"
    )
    op.execute(
        "UPDATE person SET company = team "
        "WHERE side = 'vendor' AND company IS NULL AND team IS NOT NULL"
    )
    op.execute(
        "UPDATE person SET role = team WHERE side = 'client' AND role IS NULL AND team IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("record_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_change_op_id"))
    op.drop_table("record_change")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_person_client_id_client"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_person_client_id"))
        batch_op.drop_column("archived_at")
        batch_op.drop_column("status_recipient")
        batch_op.drop_column("note")
        batch_op.drop_column("phone")
        batch_op.drop_column("email")
        batch_op.drop_column("role")
        batch_op.drop_column("company")
        batch_op.drop_column("client_id")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("archived_at")
