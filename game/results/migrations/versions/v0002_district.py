"""Version 2: schools, session modes, class votes, figures for reports in SQL, report files.

- ``sessions`` gains ``school``, ``mode`` (``solo``, ``class``,
  ``class_session``), ``class_session_uid``, ``event_count`` and the figures
  of the result record that reports add up in SQL (``summary_version`` 0 =
  not filled in yet: the store fills them from the cached result after the
  upgrade, so old sessions need no rescoring);
- ``session_categories`` and ``session_disclosures``: per finished session,
  red-flag items met and spotted per kind, and kinds of information given away;
- ``class_votes``: the count of every option of every vote of a class session;
- ``report_files``: report files written from the store.

Only columns and tables are added, so existing rows are untouched.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _new_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("school", sa.Text, nullable=False, server_default=""),
        sa.Column("mode", sa.Text, nullable=False, server_default="solo"),
        sa.Column("class_session_uid", sa.Text),
        sa.Column("event_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("kind", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("summary_version", sa.Integer, nullable=False, server_default="0"),
        sa.Column("scoring_version", sa.Integer),
        sa.Column("total", sa.Float),
        sa.Column("detection", sa.Float),
        sa.Column("exit_part", sa.Float),
        sa.Column("privacy", sa.Float),
        sa.Column("outcome", sa.Text),
        sa.Column("ending_node", sa.Text),
        sa.Column("ending_outcome", sa.Text),
        sa.Column("signal_items", sa.Integer),
        sa.Column("noise_items", sa.Integer),
        sa.Column("hits", sa.Integer),
        sa.Column("misses", sa.Integer),
        sa.Column("false_alarms", sa.Integer),
        sa.Column("reported", sa.Integer),
        sa.Column("told_adult", sa.Integer),
        sa.Column("late", sa.Integer),
        sa.Column("stayed_too_long", sa.Integer),
        sa.Column("messages_delivered", sa.Integer),
        sa.Column("disclosure_count", sa.Integer),
        sa.Column("duration_s", sa.Float),
    )


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), so even a large SQLite file upgrades quickly.
    for column in _new_columns():
        op.add_column("sessions", column)
    op.execute("UPDATE sessions SET event_count ="
               " (SELECT COUNT(*) FROM events e WHERE e.session_id = sessions.id AND e.void = 0)")
    op.create_index("sessions_by_school_class", "sessions", ["school", "class_code", "started_at"])
    op.create_index("sessions_by_updated", "sessions", ["updated_at"])
    op.create_table(
        "session_categories",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("category", sa.Text, nullable=False),
        sa.Column("items", sa.Integer, nullable=False),
        sa.Column("hits", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("session_id", "category"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "session_disclosures",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("session_id", "kind"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "class_votes",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("vote_no", sa.Integer, nullable=False),
        sa.Column("option_key", sa.Text, nullable=False),
        sa.Column("votes", sa.Integer, nullable=False),
        sa.Column("node", sa.Text),
        sa.Column("chosen", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("session_id", "vote_no", "option_key"),
    )
    op.create_table(
        "report_files",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("path", sa.Text, nullable=False, unique=True),
        sa.Column("written_at", sa.Float, nullable=False),
        sa.Column("school", sa.Text, nullable=False, server_default=""),
        sa.Column("class_codes", sa.Text, nullable=False, server_default=""),
        sa.Column("player_keys", sa.Text, nullable=False, server_default=""),
        sa.Column("everyone", sa.Integer, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    for table in ("report_files", "class_votes", "session_disclosures", "session_categories"):
        op.drop_table(table)
    op.drop_index("sessions_by_updated", "sessions")
    op.drop_index("sessions_by_school_class", "sessions")
    with op.batch_alter_table("sessions") as batch:
        for column in reversed(_new_columns()):
            batch.drop_column(column.name)
