"""Opening the results database, on SQLite or PostgreSQL, and keeping its schema current.

``open_engine(target)`` returns a SQLAlchemy engine (thread-safe: every
query takes a pooled connection of its own) for either:

- an embedded **SQLite** file (the default, one per device): WAL mode (a
  report reads while a game writes), ``synchronous=FULL`` (a committed event
  survives a power cut), ``secure_delete`` (deleted rows are overwritten, see
  ``forget``), foreign keys on; writes start with ``BEGIN IMMEDIATE`` so two
  writers queue for the lock instead of failing half-way;
- a **PostgreSQL** server (``postgresql://user@host:port/db``, psycopg 3),
  for a school or a district.

The schema is versioned with Alembic (``migrations/versions``), the same
migrations on both engines, each in its own transaction, so a failed upgrade
leaves the previous version intact. A database written by a newer game is
refused rather than guessed at. A SQLite file from before Alembic (its
``user_version`` is 1) is stamped with revision ``0001`` and upgraded in place.

A damaged SQLite file (``PRAGMA quick_check`` at the first opening in a
process, or a "malformed" error while migrating) is set aside, what it still
holds is exported to a bundle next to it, a fresh file is started and one
line on standard error says so (``salvage``).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"                  # the newest revision in migrations/versions (a test checks it)
REVISIONS = ("0001", "0002", "0003", "0004")   # oldest first
LEGACY_USER_VERSION = 1        # SQLite files of the pre-Alembic store

# Errors a database operation can raise; callers catch these to keep a game going.
ERRORS: tuple[type[BaseException], ...] = (SQLAlchemyError, sqlite3.Error, OSError)


class DatabaseError(Exception):
    """The results database cannot be used (one-line message for the user)."""


@dataclass(frozen=True)
class Target:
    """Where the results are: a SQLite file, or a PostgreSQL URL."""

    url: str
    path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError:
            return "the database"


def sqlite_target(path: str | os.PathLike[str]) -> Target:
    return Target(url="sqlite+pysqlite:///" + str(Path(path)), path=Path(path))


def database_target(url: str) -> Target:
    """A PostgreSQL URL (``postgresql://...``; the psycopg 3 driver is used)."""
    text = url.strip()
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise DatabaseError(f"'{url}' is not a database URL (use postgresql://user@host:port/db)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database:
            raise DatabaseError("a sqlite:/// URL needs a file path")
        return sqlite_target(parsed.database)
    if backend not in ("postgresql", "postgres"):
        raise DatabaseError(f"unsupported database '{backend}': use postgresql://user@host:port/db "
                            "or --data-dir for the embedded store")
    parsed = parsed.set(drivername="postgresql+psycopg")
    return Target(url=parsed.render_as_string(hide_password=False))


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling is switched off; the "begin"
    # listener below says BEGIN (or BEGIN IMMEDIATE for writes) itself.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"cannot switch the results database to WAL mode ({mode})")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA secure_delete = ON")
    finally:
        cur.close()


def is_read_only(exc: BaseException) -> bool:
    """SQLite refused a write because it opened the file read-only (SQLITE_READONLY and its kinds)."""
    orig = getattr(exc, "orig", None) or exc
    return isinstance(orig, sqlite3.OperationalError) and \
        (getattr(orig, "sqlite_errorcode", 0) or 0) & 0xFF == sqlite3.SQLITE_READONLY


def drop_connections_after(engine: Engine, exc: BaseException) -> None:
    """After a failed write: drop every pooled SQLite connection if it failed as read-only.

    SQLite opens a file it cannot write read-only, silently (a read-only disk, or
    one remounted writable half-way through opening the file), and such a
    connection never writes again, even once the disk can be written. While any
    connection of the process has the file open, SQLite may hand a new one the
    same read-only file handle, so all of them are closed; the next write opens
    the file afresh.
    """
    if engine.dialect.name == "sqlite" and is_read_only(exc):
        engine.dispose()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def configure_sqlite(engine: Engine) -> None:
    """Give a SQLite engine the store's connection settings (WAL, FULL sync, ...) and its BEGINs."""
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)


def recover_damaged(path: Path, exc: BaseException) -> Any:
    """A SQLite file found damaged while in use (its store already closed): kept aside, what it
    still holds exported, a fresh file started with the PIN and retention carried over.

    Returns the ``salvage.Recovery`` (its ``line()`` says all that), or None when another
    program already did it."""
    from . import salvage

    done = _set_aside(path, _first_line(exc))
    if done is not None:
        engine = open_engine(sqlite_target(path))
        salvage.restore_settings(engine, done)
        engine.dispose()
    return done


def _set_aside(path: Path, reason: str) -> Any:
    from . import salvage

    done = salvage.set_aside(path, reason)
    if done is not None:
        print(f"warning: {done.line()}", file=sys.stderr)
    return done


def open_engine(target: Target, *, timeout: float = 10.0, migrate_schema: bool = True) -> Engine:
    """An engine for ``target`` with the schema brought up to date (a damaged file is replaced)."""
    from . import salvage

    recovered: list[Any] = []
    try:
        engine = _open_engine(target, timeout=timeout, migrate_schema=migrate_schema, recovered=recovered)
    except DatabaseError as exc:
        if target.path is None or not migrate_schema or not salvage.is_damage(exc.__cause__ or exc):
            raise
        recovered.append(_set_aside(target.path, _first_line(exc.__cause__ or exc)))
        engine = _open_engine(target, timeout=timeout, migrate_schema=migrate_schema, recovered=[])
    for done in recovered:
        if done is not None:
            salvage.restore_settings(engine, done)
    return engine


# PostgreSQL's stock random_page_cost (4, for spinning disks) prices an index probe so high that a one-class
# report joined the whole district's session_categories with a sequential scan (90 ms at 100 classes, growing
# with the district) instead of probing it per session (12 ms whatever the district's size), and the follow-up
# counts scanned session_categories and session_disclosures whole for one class. The store reads its tables
# through their indexes and they are mostly cached: 1.1, the value commonly used for SSDs and cached data.
# A value the database administrator chose (postgresql.conf, ALTER DATABASE / ROLE ... SET) is kept.
PG_RANDOM_PAGE_COST = "1.1"


def _pg_on_connect(dbapi_conn: Any, _record: Any) -> None:
    was = dbapi_conn.autocommit
    dbapi_conn.autocommit = True          # a SET in a transaction the pool rolls back would be undone
    try:
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT source FROM pg_settings WHERE name = 'random_page_cost'")
            row = cur.fetchone()
            if row is not None and row[0] == "default":
                cur.execute(f"SET random_page_cost = {PG_RANDOM_PAGE_COST}")
    finally:
        dbapi_conn.autocommit = was


def _open_engine(target: Target, *, timeout: float, migrate_schema: bool, recovered: list[Any]) -> Engine:
    if target.is_sqlite:
        assert target.path is not None
        try:
            target.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot open the results database {target.path}: {exc}") from exc
        if migrate_schema:
            from . import salvage

            damage = salvage.check(target.path)
            if damage:
                recovered.append(_set_aside(target.path, damage))
        engine = sa.create_engine(
            # a URL object, not text: a folder name with "?" or "#" is a path, never a query string
            sa.engine.URL.create("sqlite+pysqlite", database=str(target.path)),
            poolclass=sa.pool.QueuePool, pool_size=4, max_overflow=8,
            connect_args={"timeout": timeout, "check_same_thread": False})
        configure_sqlite(engine)
    else:
        engine = sa.create_engine(target.url, pool_size=5, max_overflow=10, pool_pre_ping=True,
                                  connect_args={"connect_timeout": max(1, int(timeout))})
        event.listen(engine, "connect", _pg_on_connect)
    try:
        if migrate_schema:
            migrate(engine)
        else:
            with engine.connect():
                pass
    except DatabaseError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as exc:
        engine.dispose()
        raise DatabaseError(f"{target.describe()}: not a usable results database ({_first_line(exc)})") from exc
    return engine


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def current_revision(conn: sa.Connection) -> str | None:
    """The schema revision stored in the database (None for an empty one)."""
    inspector = sa.inspect(conn)
    if inspector.has_table("alembic_version"):
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])
    if conn.dialect.name == "sqlite" and inspector.has_table("sessions"):
        legacy = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        if legacy == LEGACY_USER_VERSION:
            return "legacy"
        if legacy > LEGACY_USER_VERSION:
            return f"user_version {legacy}"
    return None


_migrate_lock = threading.Lock()


def migrate(engine: Engine, *, head: str = HEAD) -> str:
    """Bring the schema up to ``head``; returns the revision reached."""
    with _migrate_lock:
        with engine.connect() as conn:
            current = current_revision(conn)
            conn.rollback()
        if current == head:
            return head
        if current is not None and current != "legacy" and current not in REVISIONS:
            raise DatabaseError(
                f"the results database has schema version {current}, newer than this game "
                f"understands ({head}); update the game rather than risk the data")
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.connect().execution_options(immediate=True) as conn:
            cfg.attributes["connection"] = conn
            if current == "legacy":
                command.stamp(cfg, "0001")
                conn.commit()
            try:
                command.upgrade(cfg, head)
                conn.commit()
            except (SQLAlchemyError, sqlite3.Error):
                conn.rollback()
                # Another process may have upgraded it meanwhile: that is fine.
                if current_revision(conn) != head:
                    raise
        return head
