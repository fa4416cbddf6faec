"""The database: engine settings, Alembic migrations on SQLite and PostgreSQL, old files upgraded in place."""

import json
import shutil
import sqlite3

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from results_helpers import record_session, scenario

from game.results import db, schema
from game.results.reports import model
from game.results.store import Store, target_for
from game.scoring import score

# The schema of the store before it moved to Alembic (SQLite user_version 1), verbatim.
LEGACY_V1 = """
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
CREATE TABLE scenarios (sha256 TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, info_json TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
PRAGMA user_version = 1;
"""


def revision(engine):
    with engine.connect() as conn:
        return db.current_revision(conn)


def test_a_new_sqlite_database_is_wal_with_full_sync_and_secure_delete(tmp_path):
    engine = db.open_engine(db.sqlite_target(tmp_path / "r.sqlite3"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2       # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    assert revision(engine) == db.HEAD
    engine.dispose()


def test_head_and_revisions_match_the_migration_scripts():
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == db.HEAD
    assert tuple(reversed([r.revision for r in script.walk_revisions()])) == db.REVISIONS


def test_the_migrated_schema_is_exactly_the_schema_the_code_queries(store_target):
    """Alembic's own comparison finds no difference between migrations and schema.py, on both engines."""
    engine = db.open_engine(target_for(**store_target))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    engine.dispose()
    # SQLite reports server defaults and some index details loosely; tables and columns must agree.
    assert [d for d in diff if d[0] in ("add_table", "remove_table", "add_column", "remove_column",
                                        "add_index", "remove_index")] == []


def test_reopening_keeps_data_and_does_not_migrate_again(store_target):
    with Store.open(**store_target) as store:
        store.set_setting("k", "v")
    with Store.open(**store_target) as store:
        assert store.get_setting("k") == "v"
        assert revision(store.engine) == db.HEAD


def test_an_old_sqlite_file_is_upgraded_in_place_without_loss(tmp_path):
    """A results file of the previous game (user_version 1) keeps every session, event and result."""
    path = tmp_path / "old.sqlite3"
    sc = scenario("generous-teammate")
    with Store.open(path=tmp_path / "scratch.sqlite3") as scratch:    # real logs to put in the old file
        recs = [record_session(scratch, sc, player=p, seed=i) for i, p in enumerate(["fox", "Owl", "fox"])]
        logs = [scratch.events(r.session_id) for r in recs]
    old = sqlite3.connect(path)
    old.executescript(LEGACY_V1)
    for i, log in enumerate(logs, start=1):
        old.execute("INSERT INTO sessions (id, uid, scenario_id, scenario_sha256, seed, player, player_key,"
                    " class_code, started_at, updated_at, ended_at, status, result_json)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, '8B', ?, ?, ?, 'complete', ?)",
                    (i, f"uid{i}", sc.id, sc.sha256, i - 1, "fox" if i != 2 else "Owl",
                     "fox" if i != 2 else "owl", 1000.0 * i, 1000.0 * i + 5, 1000.0 * i + 5,
                     json.dumps(score(log))))
        old.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, 0)",
                        [(i, seq, e["type"], json.dumps(e), 1000.0 * i) for seq, e in enumerate(log)])
    old.execute("INSERT INTO settings VALUES ('retention_days', '90')")
    old.commit()
    old.close()

    with Store.open(path=path) as store:
        assert revision(store.engine) == db.HEAD
        got = store.sessions()
        assert [s.uid for s in got] == ["uid1", "uid2", "uid3"]
        assert [store.events(s.id) for s in got] == logs
        assert [s.event_count for s in got] == [len(x) for x in logs]
        assert [s.result for s in got] == [score(x) for x in logs]
        assert all(s.school == "" and s.mode == "solo" for s in got)
        assert store.get_setting("retention_days") == "90"
        fast = model.build(store, class_code="8B")
        slow = model.build_from(store.sessions(with_events=True), store.scenario_infos(),
                                filters={"class": "8B"})
        assert model.to_plain(fast, transcripts=False)["players"] == model.to_plain(slow, transcripts=False)["players"]
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_database_from_a_newer_game_is_refused(store_target):
    with Store.open(**store_target) as store:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(db.DatabaseError, match="newer"):
        Store.open(**store_target)


def test_a_failing_migration_leaves_the_previous_version_intact(store_target, tmp_path, monkeypatch):
    with Store.open(**store_target) as store:
        store.set_setting("k", "v")
    scripts = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR, scripts)
    nxt = f"{int(db.HEAD) + 1:04d}"          # the revision after the newest one
    (scripts / "versions" / f"v{nxt}_broken.py").write_text(
        f'revision = "{nxt}"\ndown_revision = "{db.HEAD}"\nbranch_labels = None\ndepends_on = None\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        "def upgrade():\n    op.create_table('extra', sa.Column('x', sa.Integer))\n"
        "    op.execute('INSERT INTO no_such_table VALUES (1)')\n")
    monkeypatch.setattr(db, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(db, "REVISIONS", db.REVISIONS + (nxt,))
    engine = db.open_engine(target_for(**store_target), migrate_schema=False)
    with pytest.raises(sa.exc.SQLAlchemyError):
        db.migrate(engine, head=nxt)
    assert revision(engine) == db.HEAD
    assert not sa.inspect(engine).has_table("extra")
    engine.dispose()
    monkeypatch.undo()
    with Store.open(**store_target) as store:
        assert store.get_setting("k") == "v"


def test_a_file_that_is_not_a_database_is_kept_aside_and_a_fresh_store_started(tmp_path, capsys):
    # (issue 13, item 5: before, a clear error and nothing else; the file is now kept, never deleted)
    path = tmp_path / "r.sqlite3"
    junk = b"this is not sqlite" * 100
    path.write_bytes(junk)
    with Store.open(path=path) as store:
        assert store.count_sessions() == 0
    (kept,) = tmp_path.glob("r-damaged-*.sqlite3")
    assert kept.read_bytes() == junk
    err = capsys.readouterr().err
    assert err.count("was damaged (file is not a database)") == 1 and kept.name in err


def test_a_database_url_that_is_not_postgresql_is_refused_in_one_line():
    for bad in ("mysql://u@h/db", "not a url at all"):
        with pytest.raises(db.DatabaseError) as info:
            db.database_target(bad)
        assert "\n" not in str(info.value)
    assert db.database_target("postgresql://u@h:5/d").url.startswith("postgresql+psycopg://")


def test_an_unreachable_server_is_one_line(tmp_path):
    with pytest.raises(db.DatabaseError) as info:
        Store.open(database=f"postgresql://nobody@/x?host={tmp_path}", timeout=1)
    assert "\n" not in str(info.value)


def test_version_4_moves_every_cached_result_into_its_own_table(store_target, tmp_path):
    """A store at version 3 (result records inside ``sessions``) keeps every result after the upgrade."""
    sc = scenario("generous-teammate")
    with Store.open(path=tmp_path / "scratch.sqlite3") as scratch:
        recs = [record_session(scratch, sc, player=p, seed=i, class_code="8B")
                for i, p in enumerate(["fox", "Owl", "fox"])]
        logs = [scratch.events(r.session_id) for r in recs]
    engine = db.open_engine(target_for(**store_target), migrate_schema=False)
    with engine.connect().execution_options(immediate=True) as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(db.MIGRATIONS_DIR))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.commit()
    with engine.begin() as conn:
        for i, log in enumerate(logs, start=1):
            conn.execute(sa.text(
                "INSERT INTO sessions (id, uid, scenario_id, scenario_sha256, seed, player, player_key, class_code,"
                " started_at, updated_at, ended_at, status, result_json, event_count)"
                " VALUES (:i, :uid, :sid, :sha, :seed, :p, :k, '8B', :t, :t, :t, :status, :res, :n)"),
                {"i": i, "uid": f"uid{i}", "sid": sc.id, "sha": sc.sha256, "seed": i, "p": "fox", "k": "fox",
                 "t": 1000.0 * i, "status": "complete" if i < 3 else "quit",
                 "res": json.dumps(score(log)) if i < 3 else None, "n": len(log)})
            conn.execute(sa.text("INSERT INTO events VALUES (:i, :seq, :type, :data, :t, 0)"),
                         [{"i": i, "seq": seq, "type": e["type"], "data": json.dumps(e), "t": 1000.0 * i}
                          for seq, e in enumerate(log)])
    engine.dispose()
    with Store.open(**store_target) as store:
        assert revision(store.engine) == db.HEAD
        got = store.sessions()
        assert [s.result for s in got] == [score(logs[0]), score(logs[1]), None]
        assert [store.events(s.id) for s in got] == logs
        cols = {c["name"] for c in sa.inspect(store.engine).get_columns("sessions")}
        assert "result_json" not in cols
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT COUNT(*) FROM session_results")).scalar_one() == 2
        rep = model.build(store, class_code="8B")      # summary columns filled from the moved records
        assert rep.overview["complete"] == 2 and rep.overview["unfinished"] == 1
        store.delete_sessions([got[0].id])              # forget reaches the moved record too
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT COUNT(*) FROM session_results")).scalar_one() == 1


def test_postgresql_prices_index_probes_for_cached_data_unless_the_administrator_chose(store_target):
    """With the stock random_page_cost (4) a one-class report scanned the district's red-flag table whole."""
    if "database" not in store_target:
        pytest.skip("a PostgreSQL setting")

    def cost(store):
        with store.engine.connect() as conn:
            return conn.exec_driver_sql("SHOW random_page_cost").scalar_one()

    with Store.open(**store_target) as store:
        assert cost(store) == db.PG_RANDOM_PAGE_COST
        with store.engine.connect() as conn:          # every pooled connection, after a rollback too
            conn.rollback()
            assert conn.exec_driver_sql("SHOW random_page_cost").scalar_one() == db.PG_RANDOM_PAGE_COST
        name = store.engine.url.database
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET random_page_cost = 2.5')
    with Store.open(**store_target) as store:
        assert cost(store) == "2.5"
