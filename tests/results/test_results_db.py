"""The database file: WAL, durability settings, migrations."""

import sqlite3

import pytest

from game.results import db


def test_new_database_is_wal_with_full_sync_and_current_schema(tmp_path):
    conn = db.connect(tmp_path / "r.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2       # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert db.schema_version(conn) == db.SCHEMA_VERSION == len(db.MIGRATIONS)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "events", "scenarios", "settings"} <= tables


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path):
    path = tmp_path / "r.sqlite3"
    conn = db.connect(path)
    with db.transaction(conn):
        conn.execute("INSERT INTO settings VALUES ('k', 'v')")
    conn.close()
    conn = db.connect(path)
    assert conn.execute("SELECT value FROM settings WHERE key = 'k'").fetchone()[0] == "v"


def test_a_later_migration_upgrades_an_old_file(tmp_path):
    path = tmp_path / "r.sqlite3"
    db.connect(path).close()
    extra = db.MIGRATIONS + ("ALTER TABLE sessions ADD COLUMN note TEXT;",)
    conn = db.connect(path, migrations=extra)
    assert db.schema_version(conn) == len(db.MIGRATIONS) + 1
    cols = [r[1] for r in conn.execute("PRAGMA table_info(sessions)")]
    assert "note" in cols


def test_a_failing_migration_leaves_the_previous_version_intact(tmp_path):
    path = tmp_path / "r.sqlite3"
    db.connect(path).close()
    broken = db.MIGRATIONS + ("CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);",)
    with pytest.raises(db.DatabaseError):
        db.connect(path, migrations=broken)
    conn = db.connect(path)
    assert db.schema_version(conn) == len(db.MIGRATIONS)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "extra" not in names


def test_a_database_from_a_newer_game_is_refused(tmp_path):
    path = tmp_path / "r.sqlite3"
    conn = db.connect(path)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 3}")
    conn.close()
    with pytest.raises(db.DatabaseError, match="newer"):
        db.connect(path)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(db.DatabaseError, match="not a usable results database"):
        db.connect(path)


def test_transaction_rolls_back_on_error(tmp_path):
    conn = db.connect(tmp_path / "r.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        with db.transaction(conn):
            conn.execute("INSERT INTO settings VALUES ('a', '1')")
            conn.execute("INSERT INTO settings VALUES ('a', '2')")
    assert conn.execute("SELECT COUNT(*) FROM settings").fetchone()[0] == 0
