"""The writer thread: the game never waits on a commit, events land in order, failures are retried and shown."""

import sqlite3
import threading
import time

from results_helpers import scenario

from game.engine import Conversation
from game.results.recorder import Recorder
from game.results.store import Store


def play(rec, seed=1):
    sc = scenario("generous-teammate")
    conv = Conversation(sc, seed=seed, on_event=rec.on_event)
    conv.start()
    conv.deliver_all()
    conv.flag("1")
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("report")
    return conv


def test_a_slow_store_never_makes_the_game_wait_and_keeps_the_order(store_target, monkeypatch):
    # The store's writes are held back until the whole chat has been played: if any event waited
    # for a commit, the chat could not finish while the gate is shut (no clock needed to tell).
    with Store.open(**store_target) as store:
        real = store.append_events
        gate = threading.Event()
        committed = []

        def held(*args, **kwargs):
            gate.wait(30)                           # a disk or server that does not answer yet
            result = real(*args, **kwargs)
            committed.append(args[0])
            return result

        monkeypatch.setattr(store, "append_events", held)
        rec = Recorder(store, player="fox", class_code="8B", background=True)
        sc = scenario("generous-teammate")
        conv = Conversation(sc, seed=1, on_event=rec.on_event)
        conv.start()
        conv.deliver_all()
        conv.choose(1)
        conv.deliver_all()
        conv.end_action("block")
        rec.finish(None)
        assert committed == []                      # the chat ended while nothing was committed
        assert not rec.saved and rec.status().state == "saving"
        gate.set()
        assert rec.wait_saved(30)
        assert rec.status().state == "saved" and rec.unsaved == 0
        assert store.events(rec.session_id) == conv.events
        assert store.session(rec.session_id).status == "complete"


def test_a_failing_write_is_kept_retried_and_reported(tmp_path):
    path = tmp_path / "r.sqlite3"
    store = Store.open(path=path, timeout=0.05)
    seen = []
    rec = Recorder(store, player="fox", background=True, on_status=seen.append)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")                      # another program holds the write lock
    conv = play(rec)
    deadline = time.monotonic() + 10
    while rec.status().state != "retrying" and time.monotonic() < deadline:
        time.sleep(0.02)
    status = rec.status()
    assert status.state == "retrying" and not status.ok
    assert status.pending == len(conv.events) and "locked" in status.error and "\n" not in status.error
    assert not rec.wait_saved(0.3)
    blocker.execute("ROLLBACK")
    assert rec.wait_saved(20)
    assert store.events(rec.session_id) == conv.events
    assert [s.state for s in seen][-1] == "saved" and "retrying" in [s.state for s in seen]
    store.close()


def test_the_last_event_is_on_disk_when_wait_saved_returns(store_target):
    with Store.open(**store_target) as store:
        rec = Recorder(store, player="owl", background=True)
        conv = play(rec, seed=5)
        rec.finish(None)
        assert rec.wait_saved(20)
        with Store.open(**store_target) as other:           # another process's view of the store
            assert other.events(rec.session_id) == conv.events


def test_many_background_recorders_share_one_store(store_target):
    with Store.open(**store_target) as store:
        recs = [Recorder(store, player=f"p{i}", background=True) for i in range(5)]
        threads = [threading.Thread(target=play, args=(r, i)) for i, r in enumerate(recs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert all(r.wait_saved(30) for r in recs)
        assert len(store.sessions(statuses=("complete",))) == 5


def test_a_new_event_tries_a_failed_write_again_at_once(tmp_path, monkeypatch):
    # The writer's own retries are an hour apart here, so only the new event can make it try
    # again: before, it slept through the whole delay whatever arrived meanwhile.
    from game.results import recorder

    monkeypatch.setattr(recorder, "RETRY_FIRST_S", 3600.0)
    monkeypatch.setattr(recorder, "RETRY_MAX_S", 3600.0)
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        real = store.append_events
        disk_full = threading.Event()
        disk_full.set()
        tried = threading.Event()

        def append(*args, **kwargs):
            if disk_full.is_set():
                tried.set()
                raise sqlite3.OperationalError("database or disk is full")
            return real(*args, **kwargs)

        monkeypatch.setattr(store, "append_events", append)
        rec = Recorder(store, player="fox", background=True)
        sc = scenario("generous-teammate")
        conv = Conversation(sc, seed=1, on_event=rec.on_event)
        conv.start()
        conv.deliver_all()
        assert tried.wait(30)                         # the first write failed: the writer now waits
        assert rec.status().state == "retrying" and rec.status().error == "the disk is full"
        disk_full.clear()                             # space comes back; the next event brings it in
        conv.choose(1)
        conv.deliver_all()
        conv.end_action("block")
        rec.finish(None)
        assert rec.wait_saved(60), rec.status()
        assert store.events(rec.session_id) == conv.events     # every event, once, in order
        assert store.session(rec.session_id).status == "complete"


def test_a_connection_sqlite_opened_read_only_is_dropped_and_the_file_opened_again(tmp_path):
    # SQLite opens a file it cannot write read-only without a word, and that connection never
    # writes again; here the "disk" is read-only for the first connection only.
    import sqlalchemy as sa

    from game.results import db

    path = tmp_path / "r.sqlite3"
    Store.open(path=path).close()
    writable = threading.Event()

    def connect():
        mode = "rw" if writable.is_set() else "ro"
        return sqlite3.connect(f"{path.as_uri()}?mode={mode}", uri=True, check_same_thread=False)

    engine = sa.create_engine("sqlite+pysqlite://", creator=connect, poolclass=sa.pool.QueuePool)
    db.configure_sqlite(engine)
    store = Store(engine, target=db.sqlite_target(path))
    rec = Recorder(store, player="fox")
    conv = Conversation(scenario("generous-teammate"), seed=1, on_event=rec.on_event)
    conv.start()
    assert rec.status().state == "retrying" and rec.status().error == "the results folder is read-only"
    writable.set()
    conv.deliver_all()
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("report")
    assert rec.status().state == "saved", rec.status()
    assert store.events(rec.session_id) == conv.events
    store.close()
