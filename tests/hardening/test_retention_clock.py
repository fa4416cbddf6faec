"""Retention never purges on a clock that moved backwards or jumped far ahead, and says what it purged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from results_helpers import record_session, scenario

from game.results import retention
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]
DAY = retention.DAY_S


def fill(store, now: float, count: int = 100) -> None:
    sc = scenario("generous-teammate")
    for i in range(count):
        store.clock = lambda i=i: now - i * 3600.0   # the last 100 hours
        record_session(store, sc, player=f"p{i}", rng_seed=i)


def test_a_clock_a_year_ahead_deletes_nothing(tmp_path):
    now = 20_000 * DAY
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        fill(store, now)
        assert retention.purge_expired(store, now=now + 366 * DAY) == 0
        assert len(store.sessions()) == 100


def test_a_clock_that_moved_backwards_deletes_nothing(tmp_path):
    now = 20_000 * DAY
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        fill(store, now, count=5)
        retention.set_days(store, 1)
        assert retention.purge_expired(store, now=now - 30 * DAY) == 0
        assert len(store.sessions()) == 5


def test_an_honest_purge_is_logged_with_when_and_how_many(tmp_path):
    now = 20_000 * DAY
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        sc = scenario("generous-teammate")
        for age in (400, 380, 1):
            store.clock = lambda a=age: now - a * DAY
            record_session(store, sc, player=f"p{age}")
        assert retention.purge_expired(store, now=now) == 2
        (entry,) = retention.purge_log(store)
        assert entry["deleted"] == 2 and entry["at"] == now
        (note,) = retention.purge_notes(store)
        assert note.startswith("2 sessions with no activity since") and "deleted on" in note


def test_report_tells_the_counsellor_what_was_purged(tmp_path):
    data = tmp_path / "data"
    import time

    now = time.time()
    with Store.open(data) as store:
        sc = scenario("generous-teammate")
        for age in (400, 0):
            store.clock = lambda a=age: now - a * DAY
            record_session(store, sc, player=f"p{age}")
    run = subprocess.run([sys.executable, "main.py", "report", "--format", "csv", "--data-dir", str(data)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert "1 session with no activity since" in run.stderr and "deleted on" in run.stderr
