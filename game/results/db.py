"""The SQLite connection and the schema, versioned with migrations.

One database file per device. It runs in WAL mode (a report can read while a
game writes) with ``synchronous=FULL``, so a committed event survives a power
cut, not only a crashed process. ``secure_delete`` is on, so deleted rows are
overwritten rather than left in free pages (see ``forget``).

The schema version is SQLite's ``user_version``. ``MIGRATIONS[i]`` takes the
schema from version ``i`` to ``i + 1``; each runs in its own transaction, so
an interrupted upgrade leaves the previous version intact. A database written
by a newer version of the game is refused rather than guessed at.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Iterator, Sequence


class DatabaseError(Exception):
    """The results database cannot be used (one-line message for the user)."""


MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: sessions, their events, scenario facts for reports, settings.
    """
    CREATE TABLE sessions (
        id              INTEGER PRIMARY KEY,
        uid             TEXT NOT NULL UNIQUE,
        scenario_id     TEXT NOT NULL,
        scenario_path   TEXT,
        scenario_sha256 TEXT NOT NULL,
        seed            INTEGER,
        player          TEXT,
        player_key      TEXT,
        class_code      TEXT,
        started_at      REAL NOT NULL,
        updated_at      REAL NOT NULL,
        ended_at        REAL,
        status          TEXT NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open', 'quit', 'complete')),
        result_json     TEXT
    );
    CREATE INDEX sessions_by_class ON sessions (class_code, started_at);
    CREATE INDEX sessions_by_player ON sessions (player_key, started_at);
    CREATE INDEX sessions_by_start ON sessions (started_at);
    CREATE INDEX sessions_by_status ON sessions (status);

    CREATE TABLE events (
        session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        type        TEXT NOT NULL,
        data        TEXT NOT NULL,
        recorded_at REAL NOT NULL,
        void        INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE scenarios (
        sha256      TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        info_json   TEXT NOT NULL
    );

    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: str | os.PathLike[str], *,
            migrations: Sequence[str] = MIGRATIONS,
            timeout: float = 10.0) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and migrate it.

    The connection is in autocommit mode: use :func:`transaction` for writes.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot open the results database {path}: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise DatabaseError(f"{path}: cannot switch the results database to WAL mode ({mode})")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        migrate(conn, migrations)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"{path}: not a usable results database ({exc})") from exc
    except DatabaseError:
        conn.close()
        raise
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Bring the schema up to ``len(migrations)``; returns the final version."""
    target = len(migrations)
    current = schema_version(conn)
    if current > target:
        raise DatabaseError(
            f"the results database has schema version {current}, newer than this game "
            f"understands ({target}); update the game rather than risk the data")
    while current < target:
        with transaction(conn):
            # Re-read under the write lock: another process may have migrated.
            current = schema_version(conn)
            if current >= target:
                break
            for statement in _statements(migrations[current]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {current + 1}")
        current = schema_version(conn)
    return current


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on an exception)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:60]}")
    return out
