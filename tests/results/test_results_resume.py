"""Nothing lost: a session killed with SIGKILL keeps its events and can be resumed.

The kill tests drive the real game (`python main.py play ... --text`) through a
pipe, one command at a time, kill it with SIGKILL, then open the database as
the next start of the game would.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from results_helpers import record_session, scenario

from game.command_language import parse
from game.results import resume as resume_mod
from game.results.store import Store
from game.session import Session
from game.validator import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "generous-teammate"
SEED = 5


def strip_t(events):
    return [{k: v for k, v in e.items() if k != "t"} for e in events]


def same_result(a, b):
    drop = ("duration_s",)
    return {k: v for k, v in a.items() if k not in drop} == {k: v for k, v in b.items() if k not in drop}


def plan(sc, seed, rng_seed=3, limit=40):
    """Commands a player might type, with the event count after each, and the full reference log."""
    session = Session(sc, seed=seed)
    session.start()
    conv = session.conv
    conv.deliver_all()
    rng = random.Random(rng_seed)
    commands, counts = [], [len(conv.events)]
    while not conv.ended and len(commands) < limit:
        unflagged = [n for n, iid in conv.numbers.items()
                     if sc.items[iid].red_flags and not conv.is_flagged(iid)]
        if unflagged and rng.random() < 0.5:
            cmd = f"flag {rng.choice(unflagged)}"
        elif conv.next_nudge() is not None and rng.random() < 0.3:
            cmd = "wait"
        elif conv.choices():
            cmd = str(rng.randrange(len(conv.choices())) + 1)
        else:
            cmd = "block"
        session.execute(parse(cmd))
        conv.deliver_all()
        commands.append(cmd)
        counts.append(len(conv.events))
    if not conv.ended:
        session.execute(parse("report"))
        commands.append("report")
        counts.append(len(conv.events))
    return commands, counts, conv.events, session.result()


def start_game(data_dir):
    env = dict(os.environ, PYTHONUNBUFFERED="1", REDFLAGS_DATA_DIR=str(data_dir))
    return subprocess.Popen(
        [sys.executable, "main.py", "play", SCENARIO, "--text", "--seed", str(SEED),
         "--player", "fox", "--class", "8b"],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True)


def stored_count(db_path):
    if not db_path.exists():
        return 0
    conn = sqlite3.connect(db_path, timeout=5)
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    except sqlite3.OperationalError:       # schema not created yet
        return 0
    finally:
        conn.close()


def wait_for_count(db_path, n, proc, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stored_count(db_path) >= n:
            return
        if proc.poll() is not None:
            raise AssertionError(f"the game exited early: {proc.stderr.read()}")
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {n} stored events (have {stored_count(db_path)})")


@pytest.fixture(scope="module")
def reference():
    return plan(scenario(SCENARIO), SEED)


def test_sigkill_mid_session_keeps_every_event_and_the_session_resumes(tmp_path, reference):
    commands, counts, ref_events, ref_result = reference
    assert len(commands) >= 6, "the plan must be long enough to stop half-way"
    data = tmp_path / "data"
    db_path = data / "results.sqlite3"
    cut = len(commands) // 2

    proc = start_game(data)
    wait_for_count(db_path, counts[0], proc)
    for i in range(cut):
        proc.stdin.write(commands[i] + "\n")
        proc.stdin.flush()
        wait_for_count(db_path, counts[i + 1], proc)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL

    # The next start of the game:
    with Store.open(data) as store:
        unfinished = store.incomplete_sessions()
        assert len(unfinished) == 1
        rec = unfinished[0]
        assert rec.status == "open" and rec.player == "fox" and rec.class_code == "8B"
        assert rec.seed == SEED and rec.scenario_sha256 == scenario(SCENARIO).sha256
        assert strip_t(store.events(rec.id)) == strip_t(ref_events[:counts[cut]])

        resumed = resume_mod.resume(store, rec.id)
        session = Session(resumed.scenario, seed=SEED, recorder=resumed.recorder,
                          conversation=resumed.conversation)
        times_before = [e["t"] for e in store.events(rec.id)]
        for cmd in commands[cut:]:
            session.execute(parse(cmd))
            session.conv.deliver_all()
        result = session.finish()

        final = store.session(rec.id, with_events=True)
        assert final.status == "complete"
        assert strip_t(final.events) == strip_t(ref_events)
        assert same_result(final.result, ref_result) and same_result(result, ref_result)
        # The clock carries on: no new event is earlier than the last one before the kill.
        assert min(e["t"] for e in final.events[len(times_before):]) >= times_before[-1]
        assert len(store.sessions()) == 1


def test_sigkill_at_a_random_moment_leaves_a_consistent_prefix(tmp_path, reference):
    commands, counts, ref_events, _ = reference
    for attempt, delay in enumerate((0.0, 0.01, 0.03, 0.2)):
        data = tmp_path / f"data{attempt}"
        db_path = data / "results.sqlite3"
        proc = start_game(data)
        wait_for_count(db_path, counts[0], proc)
        proc.stdin.write("".join(c + "\n" for c in commands[:-1]))   # everything but the last
        proc.stdin.flush()
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        conn = sqlite3.connect(db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        with Store.open(data) as store:
            (rec,) = store.sessions()
            got = strip_t(store.events(rec.id))
            assert got == strip_t(ref_events[:len(got)]), "stored events must be an exact prefix"
            assert len(got) >= counts[0]
            if rec.status == "open":
                resumed = resume_mod.resume(store, rec.id)
                live = strip_t(resumed.conversation.events)
                assert live[:len(got)] == got and live == strip_t(ref_events[:len(live)])
                # the automatic events a kill cut off are stored on resume
                assert strip_t(store.events(rec.id)) == live


def test_resume_from_every_possible_cut_gives_the_uninterrupted_result(tmp_path, reference):
    """Whatever event the kill falls after, resuming and finishing gives the reference session."""
    commands, counts, ref_events, ref_result = reference
    sc = scenario(SCENARIO)
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        for cut in range(1, len(ref_events)):
            sid = store.create_session(ref_events[0], scenario_path=str(sc.path))
            store.append_events(sid, 1, ref_events[1:cut])
            resumed = resume_mod.resume(store, sid)
            got = strip_t(resumed.conversation.events)
            assert got[:cut] == strip_t(ref_events[:cut])
            assert got == strip_t(ref_events[:len(got)])
            # commands[k] produced events counts[k] .. counts[k+1]-1
            done = sum(1 for c in counts[:-1] if c < cut)
            session = Session(sc, seed=SEED, recorder=resumed.recorder, conversation=resumed.conversation)
            session.conv.deliver_all()
            for cmd in commands[done:]:
                if session.ended:
                    break
                session.execute(parse(cmd))
                session.conv.deliver_all()
            session.finish()
            final = store.session(sid, with_events=True)
            assert final.status == "complete", cut
            assert strip_t(final.events) == strip_t(ref_events), cut
            assert same_result(final.result, ref_result), cut


def test_the_report_lists_a_killed_session_as_unfinished(tmp_path, reference):
    commands, counts, _, _ = reference
    data = tmp_path / "data"
    proc = start_game(data)
    proc.stdin.write(commands[0] + "\n")
    proc.stdin.flush()
    wait_for_count(data / "results.sqlite3", counts[1], proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    out = subprocess.run([sys.executable, "main.py", "report", "--format", "csv", "--data-dir", str(data)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    rows = out.stdout.strip().splitlines()
    assert len(rows) == 2
    header, row = rows[0].split(","), rows[1].split(",")
    assert row[header.index("status")] == "open" and row[header.index("complete")] == "0"
    assert row[header.index("total")] == ""
    assert "1 unfinished" in out.stderr


def test_a_quit_session_resumes_and_scores_as_if_never_quit(tmp_path, reference):
    commands, counts, ref_events, ref_result = reference
    sc = scenario(SCENARIO)
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        from game.results.recorder import Recorder
        rec = Recorder(store, scenario_path=str(sc.path), player="owl")
        first = Session(sc, seed=SEED, recorder=rec)
        first.start()
        first.conv.deliver_all()
        for cmd in commands[:3]:
            first.execute(parse(cmd))
            first.conv.deliver_all()
        first.finish()                                       # quits: stored as unfinished
        assert store.session(rec.session_id).status == "quit"

        resumed = resume_mod.resume(store, rec.session_id)
        again = Session(resumed.scenario, seed=SEED, recorder=resumed.recorder,
                        conversation=resumed.conversation)
        for cmd in commands[3:]:
            again.execute(parse(cmd))
            again.conv.deliver_all()
        again.finish()
        final = store.session(rec.session_id, with_events=True)
        assert final.status == "complete"
        assert strip_t(final.events) == strip_t(ref_events)
        assert same_result(final.result, ref_result)
        voided = store.events(rec.session_id, include_void=True)
        assert len(voided) == len(final.events) + 1


def test_resume_refuses_a_changed_scenario(tmp_path):
    sc = scenario(SCENARIO)
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        rec = record_session(store, sc, quit_chance=1.0)
        changed = tmp_path / "changed.yaml"
        changed.write_text(Path(sc.path).read_text(encoding="utf-8").replace('"gg"', '"good game"', 1),
                           encoding="utf-8")
        other = load_scenario(changed)
        assert other.sha256 != sc.sha256
        with pytest.raises(resume_mod.ResumeError, match="changed"):
            resume_mod.resume(store, rec.session_id, load_scenario=lambda record: other)
        assert store.session(rec.session_id).status == "quit"     # left as it was


def test_resume_refuses_a_log_that_does_not_replay(tmp_path):
    sc = scenario(SCENARIO)
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        rec = record_session(store, sc, quit_chance=0.0)
        raw = sqlite3.connect(store.path, isolation_level=None)
        raw.execute("UPDATE sessions SET status = 'open'")
        raw.execute("UPDATE events SET data = json_set(data, '$.text', 'tampered')"
                    " WHERE session_id = ? AND type = 'deliver' AND seq = ("
                    " SELECT MIN(seq) FROM events WHERE type = 'deliver')", (rec.session_id,))
        raw.execute("DELETE FROM events WHERE type = 'end'")
        raw.close()
        with pytest.raises(resume_mod.ResumeError, match="differs"):
            resume_mod.resume(store, rec.session_id)


def test_a_finished_session_is_not_resumed(tmp_path):
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        rec = record_session(store, scenario(SCENARIO))
        with pytest.raises(resume_mod.ResumeError, match="finished"):
            resume_mod.resume(store, rec.session_id)


def test_every_prefix_of_every_bundled_scenario_replays(tmp_path):
    """Nudges, notices, flags, unflags and authored endings all replay, from any cut."""
    import random as _random

    from results_helpers import scenarios

    from game.results import simulate

    for i, sc in enumerate(scenarios()):
        who = simulate.SimPlayer("p", 0.7, 0.2, 0.3)
        events = simulate.play(sc, who, _random.Random(i), seed=i)
        assert events[-1]["type"] == "end"
        for cut in range(1, len(events)):
            conv, missing = resume_mod.rebuild(sc, events[:cut])
            assert strip_t(conv.events) == strip_t(events[:len(conv.events)]), (sc.id, cut)
            assert all(e["type"] in resume_mod.AUTOMATIC for e in missing)


def test_resume_session_gives_a_playable_session_that_closes_its_store(tmp_path, reference):
    commands, counts, ref_events, ref_result = reference
    data = tmp_path / "data"
    with Store.open(data) as store:
        sc = scenario(SCENARIO)
        sid = store.create_session(ref_events[0], scenario_path=str(sc.path))
        store.append_events(sid, 1, ref_events[1:counts[2]])
    session = resume_mod.resume_session(sid, data_dir=data)
    session.conv.deliver_all()
    for cmd in commands[2:]:
        session.execute(parse(cmd))
        session.conv.deliver_all()
    result = session.finish()
    assert same_result(result, ref_result)
    assert session.recorder.owns_store is False            # closed after finishing
    with Store.open(data) as store:
        assert store.session(sid).status == "complete"
    with pytest.raises(resume_mod.ResumeError):
        resume_mod.resume_session(sid, data_dir=data)
