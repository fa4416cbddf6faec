"""Version 3: the discernment checks (prepost.md), one row per check.

A new table only; existing rows are untouched.

Revision ID: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.Text, nullable=False, unique=True),
        sa.Column("school", sa.Text, nullable=False, server_default=""),
        sa.Column("player", sa.Text),
        sa.Column("player_key", sa.Text),
        sa.Column("class_code", sa.Text),
        sa.Column("form", sa.Text, nullable=False),
        sa.Column("form_sha256", sa.Text, nullable=False),
        sa.Column("phase", sa.Text, nullable=False),
        sa.Column("taken_at", sa.Float, nullable=False),
        sa.Column("complete", sa.Integer, nullable=False),
        sa.Column("record_json", sa.Text, nullable=False),
    )
    op.create_index("checks_by_class", "checks", ["school", "class_code", "taken_at"])
    op.create_index("checks_by_player", "checks", ["player_key", "taken_at"])


def downgrade() -> None:
    op.drop_index("checks_by_player", "checks")
    op.drop_index("checks_by_class", "checks")
    op.drop_table("checks")
