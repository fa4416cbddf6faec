"""Version 4: the cached result records move out of ``sessions`` into ``session_results``.

A result record is 1-2 KB of JSON; kept in every ``sessions`` row it made
each aggregate of a district (which reads only the summary columns) scan
several times more pages than it needs. Now ``sessions`` rows are narrow and
``session_results`` holds one record per scored session, read only for the
sessions a report lists. The index on ``status`` goes: it matched nearly
every row (most sessions are complete), yet without table statistics
SQLite's planner preferred it to the class index, so a one-class report
read the whole district. An index on (start, id) replaces the one on start
alone and serves streamed reports that page through the district in start
order.

The records are copied before the column is dropped, in one transaction.
``ALTER TABLE ... DROP COLUMN`` is used on both engines (SQLite 3.35 or
newer): a table rebuild on SQLite would cascade the drop to the events.

Revision ID: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_results",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_session_results"),
        sqlite_with_rowid=False,
    )
    op.execute("INSERT INTO session_results (session_id, result_json) "
               "SELECT id, result_json FROM sessions WHERE result_json IS NOT NULL")
    op.execute("ALTER TABLE sessions DROP COLUMN result_json")
    op.create_index("sessions_by_start_id", "sessions", ["started_at", "id"])
    op.drop_index("sessions_by_start", "sessions")
    op.drop_index("sessions_by_status", "sessions")


def downgrade() -> None:
    op.create_index("sessions_by_status", "sessions", ["status"])
    op.create_index("sessions_by_start", "sessions", ["started_at"])
    op.drop_index("sessions_by_start_id", "sessions")
    op.execute("ALTER TABLE sessions ADD COLUMN result_json TEXT")
    op.execute("UPDATE sessions SET result_json = (SELECT r.result_json FROM session_results r "
               "WHERE r.session_id = sessions.id)")
    op.drop_table("session_results")
