"""The results schema at its newest version, as SQLAlchemy Core tables.

The store's queries are written against these tables, so the same code runs
on SQLite and PostgreSQL. The database itself is created and upgraded only by
the Alembic migrations in ``migrations/versions`` (see ``db.migrate``); a test
checks that the migrated schema matches these tables on both engines.

Tables:

- ``sessions``: one row per played session: who (nickname, class code,
  school), what (scenario id, path, SHA-256, seed), how it went (status and
  the figures reports add up in SQL), ``mode``
  (``solo``, ``class`` for a student's class-play result, ``class_session``
  for the conversation a class had together);
- ``session_results``: the cached result record of each scored session (kept
  apart so that aggregates over ``sessions`` read narrow rows, migration 0004);
- ``events``: the event log, one row per engine event;
- ``session_categories``: per finished session and red-flag kind, how many
  items of that kind were met and how many were flagged;
- ``session_disclosures``: per finished session, each kind of information given away;
- ``class_votes``: per vote of a class session, the count of every option;
- ``scenarios``: what reports keep from a scenario, by SHA-256;
- ``settings``: retention, counsellor PIN hash, housekeeping times;
- ``report_files``: report files written from the store (so ``forget`` and
  retention can delete them too);
- ``checks``: the discernment checks (prepost.md), one row per check, with
  its record (game.checks).
"""

from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Column,
                        Float,
                        ForeignKey,
                        Index,
                        Integer,
                        MetaData,
                        PrimaryKeyConstraint,
                        Table,
                        Text,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

sessions = Table(
    "sessions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", Text, nullable=False, unique=True),
    Column("scenario_id", Text, nullable=False),
    Column("scenario_path", Text),
    Column("scenario_sha256", Text, nullable=False),
    Column("seed", BigInteger),
    Column("player", Text),
    Column("player_key", Text),
    Column("class_code", Text),
    Column("started_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("ended_at", Float),
    Column("status", Text, nullable=False, server_default="open"),
    # version 2
    Column("school", Text, nullable=False, server_default=""),
    Column("mode", Text, nullable=False, server_default="solo"),
    Column("class_session_uid", Text),
    Column("event_count", Integer, nullable=False, server_default="0"),
    Column("kind", Text),
    Column("title", Text),
    Column("summary_version", Integer, nullable=False, server_default="0"),
    Column("scoring_version", Integer),
    Column("total", Float),
    Column("detection", Float),
    Column("exit_part", Float),
    Column("privacy", Float),
    Column("outcome", Text),
    Column("ending_node", Text),
    Column("ending_outcome", Text),
    Column("signal_items", Integer),
    Column("noise_items", Integer),
    Column("hits", Integer),
    Column("misses", Integer),
    Column("false_alarms", Integer),
    Column("reported", Integer),
    Column("told_adult", Integer),
    Column("late", Integer),
    Column("stayed_too_long", Integer),
    Column("messages_delivered", Integer),
    Column("disclosure_count", Integer),
    Column("duration_s", Float),
)
Index("sessions_by_class", sessions.c.class_code, sessions.c.started_at)
Index("sessions_by_player", sessions.c.player_key, sessions.c.started_at)
Index("sessions_by_school_class", sessions.c.school, sessions.c.class_code, sessions.c.started_at)
Index("sessions_by_updated", sessions.c.updated_at)
Index("sessions_by_start_id", sessions.c.started_at, sessions.c.id)

session_results = Table(
    "session_results", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("result_json", Text, nullable=False),
    PrimaryKeyConstraint("session_id"),
    sqlite_with_rowid=False,
)

events = Table(
    "events", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("type", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("recorded_at", Float, nullable=False),
    Column("void", Integer, nullable=False, server_default="0"),
    PrimaryKeyConstraint("session_id", "seq"),
    sqlite_with_rowid=False,
)

session_categories = Table(
    "session_categories", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("category", Text, nullable=False),
    Column("items", Integer, nullable=False),
    Column("hits", Integer, nullable=False),
    PrimaryKeyConstraint("session_id", "category"),
    sqlite_with_rowid=False,
)

session_disclosures = Table(
    "session_disclosures", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("kind", Text, nullable=False),
    PrimaryKeyConstraint("session_id", "kind"),
    sqlite_with_rowid=False,
)

class_votes = Table(
    "class_votes", metadata,
    Column("session_id", Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("vote_no", Integer, nullable=False),
    Column("option_key", Text, nullable=False),
    Column("votes", Integer, nullable=False),
    Column("node", Text),
    Column("chosen", Integer, nullable=False, server_default="0"),
    PrimaryKeyConstraint("session_id", "vote_no", "option_key"),
)

scenarios = Table(
    "scenarios", metadata,
    Column("sha256", Text, primary_key=True),
    Column("scenario_id", Text, nullable=False),
    Column("info_json", Text, nullable=False),
)

settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

report_files = Table(
    "report_files", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False, unique=True),
    Column("written_at", Float, nullable=False),
    Column("school", Text, nullable=False, server_default=""),
    Column("class_codes", Text, nullable=False, server_default=""),
    Column("player_keys", Text, nullable=False, server_default=""),
    Column("everyone", Integer, nullable=False, server_default="0"),
)

checks = Table(
    "checks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", Text, nullable=False, unique=True),
    Column("school", Text, nullable=False, server_default=""),
    Column("player", Text),
    Column("player_key", Text),
    Column("class_code", Text),
    Column("form", Text, nullable=False),
    Column("form_sha256", Text, nullable=False),
    Column("phase", Text, nullable=False),
    Column("taken_at", Float, nullable=False),
    Column("complete", Integer, nullable=False),
    Column("record_json", Text, nullable=False),
)
Index("checks_by_class", checks.c.school, checks.c.class_code, checks.c.taken_at)
Index("checks_by_player", checks.c.player_key, checks.c.taken_at)
