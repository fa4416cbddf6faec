"""Alembic environment: migrations run on the connection ``game.results.db.migrate`` hands over.

There is no alembic.ini: the game runs its migrations itself when it opens a
store, on SQLite or PostgreSQL alike. Each migration runs in its own
transaction, so a failed upgrade leaves the previous version intact.
"""

from __future__ import annotations

from alembic import context

from game.results.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  transactional_ddl=True, transaction_per_migration=True,
                  render_as_batch=connection.dialect.name == "sqlite")
context.run_migrations()
