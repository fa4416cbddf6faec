"""Sessions and events: committed as they happen, results derived from the events."""

import sqlite3

import pytest

from game.engine import Conversation
from game.results import identity
from game.results.db import transaction
from game.results.recorder import Recorder
from game.results.store import Store
from game.scoring import score

from results_helpers import record_session, scenario, scenarios, start_event


@pytest.fixture
def store(tmp_path):
    with Store.open(path=tmp_path / "r.sqlite3") as st:
        yield st


def other_connection(store):
    conn = sqlite3.connect(store.path)
    conn.row_factory = sqlite3.Row
    return conn


def test_every_event_is_visible_to_another_connection_before_the_next_one(store):
    """Committed means committed: a second connection (another process) sees each event at once."""
    sc = scenario("generous-teammate")
    seen_counts = []
    reader = other_connection(store)
    rec = Recorder(store, scenario_path=str(sc.path), player="fox", class_code="8b")

    def on_event(event):
        rec.on_event(event)
        n = reader.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        seen_counts.append(n)

    conv = Conversation(sc, seed=3, on_event=on_event)
    conv.start()
    conv.deliver_all()
    conv.flag("1")
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("report")
    assert seen_counts == list(range(1, len(conv.events) + 1))
    stored = [dict(r) for r in reader.execute("SELECT seq, type FROM events ORDER BY seq")]
    assert [r["type"] for r in stored] == [e["type"] for e in conv.events]
    assert [r["seq"] for r in stored] == list(range(len(conv.events)))


def test_the_end_event_closes_the_session_with_a_result_derived_from_the_events(store):
    sc = scenario("generous-teammate")
    rec = record_session(store, sc, seed=11)
    s = store.session(rec.session_id, with_events=True)
    assert s.status == "complete"
    assert s.scenario_id == sc.id and s.scenario_sha256 == sc.sha256 and s.seed == 11
    assert s.scenario_path == str(sc.path)
    assert s.result == score(s.events)
    assert store.result(s.id, recompute=True) == s.result
    start = s.events[0]
    assert start["type"] == "start" and start["seed"] == 11


def test_a_damaged_cached_result_is_replaced_by_rescoring(store):
    rec = record_session(store, scenario("generous-teammate"))
    good = store.session(rec.session_id).result
    store.conn.execute("UPDATE sessions SET result_json = '{\"score\": {\"total\": 1}}'")
    assert store.rescore_all() == 1
    assert store.session(rec.session_id).result == good


def test_quit_is_stored_as_unfinished_and_listed_for_resume(store):
    sc = scenario("generous-teammate")
    a = record_session(store, sc, quit_chance=1.0)          # quits at the first choice
    b = Recorder(store, scenario_path=str(sc.path))         # killed: no end event at all
    conv = Conversation(sc, seed=2, on_event=b.on_event)
    conv.start()
    conv.deliver_next()
    done = record_session(store, sc)
    assert store.session(a.session_id).status == "quit"
    assert store.session(b.session_id).status == "open"
    assert store.session(done.session_id).status == "complete"
    unfinished = store.incomplete_sessions()
    assert {s.id for s in unfinished} == {a.session_id, b.session_id}
    assert unfinished[0].updated_at >= unfinished[1].updated_at
    assert store.session(b.session_id).event_count == len(conv.events)


def test_reopen_voids_the_quit_event_but_keeps_it(store):
    rec = record_session(store, scenario("generous-teammate"), quit_chance=1.0)
    sid = rec.session_id
    before = store.events(sid)
    assert before[-1] == {**before[-1], "type": "end", "how": "quit"}
    nxt = store.reopen(sid)
    assert nxt == len(before)
    assert store.events(sid) == before[:-1]
    assert store.events(sid, include_void=True) == before
    assert store.session(sid).status == "open"
    with pytest.raises(ValueError):
        store.reopen(record_session(store, scenario("generous-teammate")).session_id)


def test_identity_is_optional_and_cleaned(store):
    rec = record_session(store, scenario("generous-teammate"), player="  Fox\u0007 \n ", class_code=" 8b ")
    s = store.session(rec.session_id)
    assert s.player == "Fox" and s.class_code == "8B"
    anon = record_session(store, scenario("generous-teammate"), player=None, class_code=None)
    s = store.session(anon.session_id)
    assert s.player is None and s.class_code is None
    assert identity.looks_like_real_name("Anna Smith")
    assert not identity.looks_like_real_name("anna_s") and not identity.looks_like_real_name("Fox")
    assert identity.class_code_problem("8B!") and identity.class_code_problem("8b") is None


def test_filters_match_class_and_nickname_without_case(store, monkeypatch):
    clock = iter(range(1000, 100000, 10))
    store.clock = lambda: float(next(clock))
    sc = scenario("generous-teammate")
    record_session(store, sc, player="Fox", class_code="8b")
    record_session(store, sc, player="owl", class_code="8B")
    record_session(store, sc, player="fox", class_code="9a")
    assert len(store.sessions(class_code="8b")) == 2
    assert len(store.sessions(player="FOX")) == 2
    assert len(store.sessions(player="fox", class_code="9A")) == 1
    first = store.sessions()[0].started_at
    assert len(store.sessions(since=first + 1)) == 2


def test_recorder_keeps_events_when_the_database_is_locked_and_writes_them_later(tmp_path):
    path = tmp_path / "r.sqlite3"
    store = Store.open(path=path)
    store.conn.execute("PRAGMA busy_timeout = 50")
    sc = scenario("generous-teammate")
    rec = Recorder(store, scenario_path=str(sc.path))
    conv = Conversation(sc, seed=1, on_event=rec.on_event)
    conv.start()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")                 # another writer holds the lock
    conv.deliver_next()
    conv.deliver_next()
    assert rec.unsaved == 2 and rec.last_error
    blocker.execute("ROLLBACK")
    conv.deliver_next()                                 # the next event writes all three
    assert rec.unsaved == 0 and rec.last_error is None
    assert store.events(rec.session_id) == conv.events


def test_every_bundled_scenario_round_trips_through_the_store(store):
    for i, sc in enumerate(scenarios()):
        rec = record_session(store, sc, seed=i, rng_seed=i)
        s = store.session(rec.session_id, with_events=True)
        assert s.status == "complete", sc.id
        assert s.result == score(s.events), sc.id


def test_delete_sessions_removes_events_too(store):
    a = record_session(store, scenario("generous-teammate"))
    b = record_session(store, scenario("generous-teammate"), player="owl")
    assert store.delete_sessions([a.session_id]) == 1
    left = {r[0] for r in store.conn.execute("SELECT DISTINCT session_id FROM events")}
    assert left == {b.session_id}


def test_start_event_is_required_first(store):
    with pytest.raises(ValueError):
        store.create_session({"type": "enter", "node": "x"})
    sid = store.create_session(start_event())
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(store.conn):
            store.conn.execute("INSERT INTO events (session_id, seq, type, data, recorded_at)"
                               " VALUES (?, 0, 'x', '{}', 0)", (sid,))
