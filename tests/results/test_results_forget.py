"""Forgetting for good, and the retention setting."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
from results_helpers import record_session, scenario

from game.results import forget, retention
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]


def file_bytes(path):
    data = b""
    for suffix in ("", "-wal", "-journal"):
        p = Path(str(path) + suffix)
        if p.exists():
            data += p.read_bytes()
    return data


def test_forget_a_player_removes_every_trace_from_the_file(tmp_path):
    path = tmp_path / "r.sqlite3"
    with Store.open(path=path) as store:
        sc = scenario("generous-teammate")
        for i in range(3):
            record_session(store, sc, player="zebracorn", class_code="7C", seed=i)
        keep = record_session(store, sc, player="owl", class_code="7C")
        assert b"zebracorn" in file_bytes(path)
        the_plan = forget.plan(store, player="ZebraCorn")
        assert the_plan.count == 3 and "3 sessions of player" in the_plan.describe()
        assert forget.forget(store, the_plan) == 3
        assert [s.player for s in store.sessions()] == ["owl"]
        assert store.events(keep.session_id)
        # Gone from the files already while the game still has the database open ...
        assert b"zebracorn" not in file_bytes(path).lower()
    # ... and after it closed.
    assert b"zebracorn" not in file_bytes(path).lower()


def test_forget_a_class_and_a_player_in_a_class(store_target):
    with Store.open(**store_target) as store:
        sc = scenario("generous-teammate")
        record_session(store, sc, player="fox", class_code="7C")
        record_session(store, sc, player="fox", class_code="8B")
        record_session(store, sc, player="owl", class_code="8B")
        assert forget.forget(store, forget.plan(store, player="fox", class_code="8b")) == 1
        assert sorted((s.player, s.class_code) for s in store.sessions()) == [("fox", "7C"), ("owl", "8B")]
        assert forget.forget(store, forget.plan(store, class_code="8B")) == 1
        assert [(s.player, s.class_code) for s in store.sessions()] == [("fox", "7C")]
        with pytest.raises(ValueError):
            forget.plan(store, player="  ", class_code=None)


def test_retention_purges_sessions_older_than_the_setting(store_target):
    day = retention.DAY_S
    with Store.open(**store_target) as store:
        sc = scenario("generous-teammate")
        now = 1_000 * day
        for age_days in (400, 366, 364, 10):
            store.clock = lambda a=age_days: now - a * day
            record_session(store, sc, player=f"p{age_days}")
        assert retention.get_days(store) == 365
        assert retention.purge_expired(store, now=now) == 2
        assert sorted(s.player for s in store.sessions()) == ["p10", "p364"]
        retention.set_days(store, 30)
        assert retention.purge_expired(store, now=now) == 1
        retention.set_days(store, None)
        assert retention.get_days(store) is None
        assert retention.purge_expired(store, now=now + 10_000 * day) == 0
        assert retention.parse_days("never") is None and retention.parse_days(" 90 ") == 90
        for bad in ("0", "-3", "soon", "1.5"):
            with pytest.raises(ValueError):
                retention.parse_days(bad)


def test_retention_runs_at_most_once_a_day(store_target):
    day = retention.DAY_S
    with Store.open(**store_target) as store:
        sc = scenario("generous-teammate")
        now = 1_000 * day
        store.clock = lambda: now   # a session of today: the clock is not far ahead of the data
        record_session(store, sc, player="today")
        store.clock = lambda: now - 400 * day
        record_session(store, sc, player="old")
        assert retention.purge_expired(store, now=now) == 1
        store.clock = lambda: now - 400 * day
        record_session(store, sc, player="older")
        assert retention.purge_expired(store, now=now + 0.5 * day) == 0        # purged today already
        assert sorted(s.player for s in store.sessions()) == ["older", "today"]
        assert retention.purge_expired(store, now=now + 1.5 * day) == 1        # the next day
        record_session(store, sc, player="again")
        assert retention.purge_expired(store, now=now + 1.6 * day, force=True) == 1


def run_cli(*args, data, stdin=""):
    return subprocess.run([sys.executable, "main.py", *args, "--data-dir", str(data)], cwd=ROOT,
                          input=stdin, capture_output=True, text=True, timeout=60)


def test_forget_command_asks_first_and_deletes_only_after_yes(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        record_session(store, scenario("generous-teammate"), player="fox", class_code="8B")
        record_session(store, scenario("generous-teammate"), player="owl", class_code="8B")
    out = run_cli("forget", "--player", "fox", data=data, stdin="no\n")
    assert out.returncode == 1 and "Nothing was deleted" in out.stderr
    assert "1 session of player 'fox'" in out.stderr
    out = run_cli("forget", "--player", "fox", data=data, stdin="")        # end of input: no
    assert out.returncode == 1
    with Store.open(data) as store:
        assert len(store.sessions()) == 2
    out = run_cli("forget", "--player", "fox", data=data, stdin="yes\n")
    assert out.returncode == 0 and "Deleted 1 session" in out.stdout
    out = run_cli("forget", "--class", "8b", "--yes", data=data)
    assert out.returncode == 0 and "Deleted 1 session" in out.stdout
    with Store.open(data) as store:
        assert store.sessions() == []
    assert run_cli("forget", data=data).returncode == 2
    assert run_cli("forget", "--retention", "soon", data=data).returncode == 2
    out = run_cli("forget", "--retention", "90", data=data)
    assert out.returncode == 0
    with Store.open(data) as store:
        assert retention.get_days(store) == 90


def test_forget_on_postgresql_deletes_and_vacuums_until_the_nickname_is_gone_from_the_files(pg_cluster):
    if not pg_cluster.folder:
        pytest.skip("an external server: its files are not ours to read")
    url = pg_cluster.new_database()
    with Store.open(database=url) as store:
        sc = scenario("generous-teammate")
        for i in range(3):
            record_session(store, sc, player="quokkafish", class_code="7C", seed=i)
        record_session(store, sc, player="owl", class_code="7C")
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")     # as autovacuum does at some point: statistics sample nicknames
            conn.exec_driver_sql("CHECKPOINT")

        def holds_nickname(path) -> bool:
            try:
                return b"quokkafish" in path.read_bytes()
            except FileNotFoundError:   # the server removed a temporary file while we listed them
                return False

        def found():
            return [p for p in pg_cluster.data_files() if "pg_wal" not in p.parts and holds_nickname(p)]
        assert found()
        assert forget.forget(store, forget.plan(store, player="QuokkaFish")) == 3
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("CHECKPOINT")
        assert [s.player for s in store.sessions()] == ["owl"]
        assert found() == []


def test_report_files_are_deleted_by_forget_and_by_retention(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        record_session(store, scenario("generous-teammate"), player="fox", class_code="8B")
        record_session(store, scenario("generous-teammate"), player="owl", class_code="9A")
    out8, out9, everyone = tmp_path / "8b.html", tmp_path / "9a.csv", tmp_path / "all.json"
    assert run_cli("report", "--class", "8B", "--out", str(out8), data=data).returncode == 0
    assert run_cli("report", "--class", "9A", "--format", "csv", "--out", str(out9), data=data).returncode == 0
    assert run_cli("report", "--format", "json", "--out", str(everyone), data=data).returncode == 0
    assert run_cli("report", "--format", "csv", "--out", "-", data=data).returncode == 0
    out = run_cli("forget", "--player", "fox", "--yes", data=data)
    assert out.returncode == 0, out.stderr
    assert not out8.exists() and not everyone.exists() and out9.exists()
    assert "2 report files" in out.stdout + out.stderr
    with Store.open(data) as store:
        day = retention.DAY_S
        retention.set_days(store, 30)
        assert retention.purge_expired(store, now=time.time() + 31 * day) == 1
    assert not out9.exists()
