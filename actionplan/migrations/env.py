"""Alembic environment: runs on the connection actionplan hands it, never from alembic.ini."""

from alembic import context
from sqlmodel import SQLModel

from actionplan import models  # noqa: F401  (registers the tables on the metadata)

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
