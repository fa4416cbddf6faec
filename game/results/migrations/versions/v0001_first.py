"""Version 1: sessions, their events, scenario facts for reports, settings.

This is the schema the game used before it moved to Alembic (SQLite
``user_version`` 1); such files are stamped with this revision and upgraded
from here, in place.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.Text, nullable=False, unique=True),
        sa.Column("scenario_id", sa.Text, nullable=False),
        sa.Column("scenario_path", sa.Text),
        sa.Column("scenario_sha256", sa.Text, nullable=False),
        sa.Column("seed", sa.BigInteger),
        sa.Column("player", sa.Text),
        sa.Column("player_key", sa.Text),
        sa.Column("class_code", sa.Text),
        sa.Column("started_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("ended_at", sa.Float),
        sa.Column("status", sa.Text, nullable=False, server_default="open"),
        sa.Column("result_json", sa.Text),
        sa.CheckConstraint("status IN ('open', 'quit', 'complete')", name="status"),
    )
    op.create_index("sessions_by_class", "sessions", ["class_code", "started_at"])
    op.create_index("sessions_by_player", "sessions", ["player_key", "started_at"])
    op.create_index("sessions_by_start", "sessions", ["started_at"])
    op.create_index("sessions_by_status", "sessions", ["status"])
    op.create_table(
        "events",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.Float, nullable=False),
        sa.Column("void", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("session_id", "seq"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "scenarios",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("scenario_id", sa.Text, nullable=False),
        sa.Column("info_json", sa.Text, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("settings", "scenarios", "events", "sessions"):
        op.drop_table(table)
