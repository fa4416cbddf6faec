"""Sessions and events: committed as they happen, results derived from the events.

Every test taking ``store`` runs on SQLite and on PostgreSQL."""

import sqlite3
import threading

import pytest
import sqlalchemy as sa
from results_helpers import record_session, scenario, scenarios, start_event

from game.engine import Conversation
from game.results import identity
from game.results.recorder import Recorder
from game.results.store import Filters, Store
from game.scoring import score


@pytest.fixture
def store(store_target):
    with Store.open(**store_target) as st:
        yield st


def sql(store, text, params=None):
    """Run raw SQL against the store's database (tests only: the game never does)."""
    with store.engine.begin() as conn:
        result = conn.execute(sa.text(text), params or {})
        return result.all() if result.returns_rows else None


def test_every_event_is_visible_to_another_connection_before_the_next_one(store):
    """Committed means committed: a second connection (another process) sees each event at once."""
    sc = scenario("generous-teammate")
    seen_counts = []
    reader = Store.open(path=store.path, database=None if store.is_sqlite else store.target.url)
    rec = Recorder(store, scenario_path=str(sc.path), player="fox", class_code="8b")

    def on_event(event):
        rec.on_event(event)
        seen_counts.append(len(reader.events(rec.session_id)))

    conv = Conversation(sc, seed=3, on_event=on_event)
    conv.start()
    conv.deliver_all()
    conv.flag("1")
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("report")
    assert seen_counts == list(range(1, len(conv.events) + 1))
    stored = sql(reader, "SELECT seq, type FROM events ORDER BY seq")
    reader.close()
    assert [r.type for r in stored] == [e["type"] for e in conv.events]
    assert [r.seq for r in stored] == list(range(len(conv.events)))


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
    sql(store, "UPDATE session_results SET result_json = '{\"score\": {\"total\": 1}}'")
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
    store = Store.open(path=path, timeout=0.05)
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
    left = {r[0] for r in sql(store, "SELECT DISTINCT session_id FROM events")}
    assert left == {b.session_id}


def test_start_event_is_required_first(store):
    with pytest.raises(ValueError):
        store.create_session({"type": "enter", "node": "x"})
    sid = store.create_session(start_event())
    with pytest.raises(sa.exc.IntegrityError):
        sql(store, "INSERT INTO events (session_id, seq, type, data, recorded_at)"
                   " VALUES (:sid, 0, 'x', '{}', 0)", {"sid": sid})


def test_several_threads_share_one_store(store):
    """A class server calls one Store from many threads at once: nothing is lost or mixed up."""
    sc = scenario("generous-teammate")
    errors = []

    def play(i):
        try:
            for j in range(3):
                record_session(store, sc, player=f"p{i}", class_code="8B", seed=10 * i + j)
                store.classes()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=play, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    recs = store.sessions(with_events=True)
    assert len(recs) == 18 and all(r.status == "complete" for r in recs)
    assert all(r.result == score(r.events) and r.event_count == len(r.events) for r in recs)


def test_a_class_session_keeps_its_votes_and_the_students_results(store):
    """classroom.md: the class's conversation with per-vote counts, and a class-play result per student."""
    sc = scenario("generous-teammate")
    conv = Conversation(sc, seed=4)
    conv.start()
    conv.deliver_all()
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("block")
    class_id = store.add_session(conv.events, class_code="8b", mode="class_session")
    store.record_vote(class_id, 1, {"1": 14, "2": 3, "block": 9, "report": 0, "leave": 1}, node="intro", chosen="1")
    store.record_vote(class_id, 1, {"1": 15, "2": 3, "block": 9, "report": 0, "leave": 1}, node="intro", chosen="1")
    store.record_vote(class_id, 2, {"1": 2, "block": 20}, chosen="block")
    room = store.session(class_id)
    assert room.mode == "class_session" and room.status == "complete" and room.result == score(conv.events)
    assert store.votes(class_id) == [
        {"vote": 1, "node": "intro", "counts": {"1": 15, "2": 3, "block": 9, "leave": 1, "report": 0}, "chosen": "1"},
        {"vote": 2, "node": None, "counts": {"1": 2, "block": 20}, "chosen": "block"}]
    mine = [dict(e) for e in conv.events]
    mine.insert(3, {"type": "flag", "id": "intro.0", "t": 1.0})
    sid = store.add_session(mine, player="fox", class_code="8B", mode="class", class_session_uid=room.uid)
    got = store.class_results(room.uid)
    assert [r.id for r in got] == [sid] and got[0].mode == "class" and got[0].player == "fox"
    assert got[0].result == score(mine)
    assert [r.id for r in store.sessions(modes=("solo",))] == []
    with pytest.raises(ValueError):
        store.add_session(conv.events, mode="team")
    assert store.delete_sessions([class_id]) == 1 and store.votes(class_id) == []


def test_schools_scope_class_codes_and_queries_filter_by_them(store_target):
    sc = scenario("generous-teammate")
    with Store.open(**store_target, school="Hill School") as hill, Store.open(**store_target, school="Lake") as lake:
        record_session(hill, sc, player="fox", class_code="8B")
        record_session(hill, sc, player="owl", class_code="8B")
        record_session(lake, sc, player="fox", class_code="8B")
        record_session(lake, sc, player="emu", class_code="9A")
        assert hill.schools() == ["Hill School", "Lake"]
        assert [(c.school, c.class_code, c.sessions, c.players) for c in hill.classes()] == [
            ("Hill School", "8B", 2, 2), ("Lake", "8B", 1, 1), ("Lake", "9A", 1, 1)]
        assert len(hill.sessions(school="Hill School", class_code="8b")) == 2
        assert len(hill.sessions(class_code="8B")) == 3
        assert hill.class_codes(school="Lake") == ["8B", "9A"]
        assert hill.count_sessions(Filters(school="Lake", player="FOX")) == 1


def test_streamed_sessions_come_in_order_a_batch_at_a_time(store):
    sc = scenario("generous-teammate")
    ids = [record_session(store, sc, player=f"p{i}", seed=i).session_id for i in range(7)]
    got = list(store.iter_sessions(Filters(class_code="8B"), with_events=True, batch=3))
    assert [r.id for r in got] == ids and all(r.events for r in got)
    assert [r.id for r in store.sessions(newest_first=True, limit=2, offset=1)] == ids[-2:-4:-1]


def test_streamed_sessions_are_one_query_and_transcripts_are_read_per_batch(store):
    """A district's CSV streams 135,000 sessions: one query fetched a batch at a time (a server-side
    cursor on PostgreSQL), the event logs of each batch read only when that batch is reached."""
    import sqlalchemy as sa

    sc = scenario("generous-teammate")
    ids = [record_session(store, sc, player=f"p{i}", seed=i).session_id for i in range(7)]
    seen: list[tuple[str, object, object]] = []

    def log(conn, cursor, statement, params, context, executemany):
        seen.append((" ".join(statement.split()), params, cursor))

    sa.event.listen(store.engine, "before_cursor_execute", log)
    try:
        stream = store.iter_sessions(Filters(class_code="8B"), with_events=True, batch=3)
        first = [next(stream) for _ in range(3)]
        events_read = [p for st, p, _ in seen if "FROM events" in st]
        assert [r.id for r in first] == ids[:3] and all(r.events for r in first)
        asked = set(events_read[0].values() if isinstance(events_read[0], dict) else events_read[0])
        assert len(events_read) == 1 and asked >= set(ids[:3])
        assert not asked & set(ids[3:])                            # the next batch is not read yet
        rest = list(stream)
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", log)
    assert [r.id for r in first + rest] == ids
    queries = [(st, cur) for st, _, cur in seen if "FROM sessions" in st]
    assert len(queries) == 1                                   # not one query per batch
    assert len([st for st, _, _ in seen if "FROM events" in st]) == 3
    if not store.is_sqlite:
        import psycopg

        assert isinstance(queries[0][1], psycopg.ServerCursor)   # rows stay on the server until fetched


def test_summary_columns_follow_the_result(store):
    rec = record_session(store, scenario("generous-teammate"))
    res = store.session(rec.session_id).result
    row = sql(store, "SELECT total, detection, exit_part, hits, signal_items, false_alarms, summary_version"
                     " FROM sessions")[0]
    assert row.total == res["score"]["total"] and row.detection == res["score"]["detection"]
    assert row.hits == res["signal"]["hits"] and row.signal_items == res["signal"]["signal_items"]
    assert row.summary_version == 2          # version 2: stayed_too_long of scoring version 2
    cats = sql(store, "SELECT SUM(items), SUM(hits) FROM session_categories")[0]
    assert tuple(cats) == (res["signal"]["signal_items"], res["signal"]["hits"])
