"""Try again from here over HTTP (a real uvicorn process): a practice run, and nothing of it in the store.

POST /api/v1/play/TOKEN/practice {"decision": N} (docs/solo-play.md) starts a
practice run from reply N of an ended chat; the chat routes drive it by its
token. The store is dumped (every row of every table) before and after: a
practice run must not change a byte of it, and the first result stays.
"""

from __future__ import annotations

import sqlite3

import httpx
import pytest
from playback import GOLDEN_DIR
from servers import uvicorn_server
from solo_kit import golden_lines

from game.play.practice import PRACTICE_LINE, practice_words
from game.results.location import db_path


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("practice-store")
    with uvicorn_server(data, env={"REDFLAGS_TYPING_FACTOR": "0.02"}) as url:
        with httpx.Client(base_url=url, timeout=20) as client:
            yield client, data


def dump(data) -> list[str]:
    con = sqlite3.connect(f"file:{db_path(data)}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def post(client, path, body):
    r = client.post(path, json=body)
    assert r.status_code == 200, f"{path}: {r.text}"
    return r.json()


def drain(client, token, answer):
    while not answer["ended"] and answer.get("pending"):
        answer = post(client, f"/api/v1/play/{token}/deliver", {})
    return answer


def finished(client, script="worst", paced=True):
    seed, lines = golden_lines(GOLDEN_DIR / "first-dm" / f"{script}.script")
    token = post(client, "/api/v1/play", {"scenario": "first-dm", "seed": seed, "paced": paced})["session"]
    answer = drain(client, token, client.get(f"/api/v1/play/{token}").json())
    for line in lines:
        answer = drain(client, token, post(client, f"/api/v1/play/{token}/command", {"line": line}))
        if answer["ended"]:
            break
    assert answer["ended"]
    return token


def test_a_practice_run_starts_before_the_reply_and_plays_on_to_another_ending(served):
    client, _data = served
    token = finished(client)
    events = client.get(f"/api/v1/play/{token}").json()["events"]
    before = [i for i, e in enumerate(events) if e["type"] == "choice"][1]
    started = post(client, f"/api/v1/play/{token}/practice", {"decision": 1})
    assert started["practice"] is True and started["decision"] == 1
    run = started["session"]
    state = client.get(f"/api/v1/play/{run}").json()
    assert state["events"] == events[:before] and not state["ended"] and state["practice"] is True
    offered = [e for e in events[:before] if e["type"] == "choices"][-1]["options"]
    assert state["view"]["replies"] == [o["text"] for o in offered]
    chat = client.get(f"/api/v1/play/{run}/chat").json()
    assert chat["practice"] == practice_words() and chat["resumed_line"] == PRACTICE_LINE
    # another reply than the one the player picked: "I'm going to ask my mum" ends safely
    picked = events[before]["index"]
    other = next(o for o in offered if o["index"] != picked and "mum" in o["text"])
    answer = drain(client, run, post(client, f"/api/v1/play/{run}/command",
                                     {"line": str(offered.index(other) + 1)}))
    assert answer["ended"] and answer["result"]["ending"]["outcome"] == "safe"
    debrief = client.get(f"/api/v1/play/{run}/debrief").json()
    assert debrief["practice"] == practice_words()
    assert client.get(f"/api/v1/play/{token}/debrief").json()["practice"] is None
    # the first chat is as it was: its unsafe ending
    assert client.get(f"/api/v1/play/{token}").json()["result"]["ending"]["outcome"] == "unsafe"


def test_nothing_of_a_practice_run_reaches_the_store(served):
    client, data = served
    token = finished(client)
    first = client.get(f"/api/v1/play/{token}/debrief").json()["result"]
    stored = dump(data)
    run = post(client, f"/api/v1/play/{token}/practice", {"decision": 0, "request_id": "try-0"})["session"]
    assert post(client, f"/api/v1/play/{token}/practice", {"decision": 0, "request_id": "try-0"})["session"] == run
    post(client, f"/api/v1/play/{run}/command", {"line": "flag 2", "request_id": "a"})
    again = post(client, f"/api/v1/play/{run}/command", {"line": "flag 2", "request_id": "a"})
    assert [e["type"] for e in again["events"]] == ["flag"]       # a retried request counts once
    drain(client, run, post(client, f"/api/v1/play/{run}/command", {"line": "2"}))
    ended = post(client, f"/api/v1/play/{run}/command", {"line": "block"})
    assert ended["ended"] and ended["result"]["outcome"] == "blocked"
    client.get(f"/api/v1/play/{run}/debrief").raise_for_status()
    client.get(f"/api/v1/play/{run}/view").raise_for_status()
    nested = post(client, f"/api/v1/play/{run}/practice", {"decision": 0})["session"]   # a retry of a retry
    drain(client, nested, post(client, f"/api/v1/play/{nested}/command", {"line": "leave"}))
    assert dump(data) == stored
    assert client.get(f"/api/v1/play/{token}/debrief").json()["result"] == first


def test_an_unpaced_chat_gives_an_unpaced_practice_run(served):
    client, data = served
    token = finished(client, "best", paced=False)
    stored = dump(data)
    run = post(client, f"/api/v1/play/{token}/practice", {"decision": 0})["session"]
    answer = post(client, f"/api/v1/play/{run}/command", {"line": "1"})
    assert "pending" not in answer and any(e["type"] == "deliver" for e in answer["events"])
    assert dump(data) == stored


@pytest.mark.parametrize("body, status, words", [
    ({"decision": 99}, 400, "there is no reply 100"),
    ({"decision": -1}, 400, "'decision'"),
    ({"decision": "1"}, 400, "'decision'"),
    ({"decision": True}, 400, "'decision'"),
    ({}, 400, "'decision'"),
])
def test_a_bad_decision_is_one_line_and_starts_nothing(served, body, status, words):
    client, _data = served
    token = finished(client, "best")
    r = client.post(f"/api/v1/play/{token}/practice", json=body)
    assert r.status_code == status and words in r.json()["error"] and "\n" not in r.json()["error"]


def test_a_chat_still_going_or_unknown_cannot_be_practised(served):
    client, _data = served
    token = post(client, "/api/v1/play", {"scenario": "first-dm", "seed": 1})["session"]
    r = client.post(f"/api/v1/play/{token}/practice", json={"decision": 0})
    assert r.status_code == 400 and "ended" in r.json()["error"]
    gone = client.post("/api/v1/play/" + "x" * 43 + "/practice", json={"decision": 0})
    assert gone.status_code == 404
    r = client.post("/api/v1/play/p" + "y" * 43 + "/command", json={"line": "1"})
    assert r.status_code == 404


def test_practice_runs_are_forgotten_when_idle_and_beyond_the_limit(tmp_path):
    from game.library import load_library
    from game.results.store import Store
    from game.server.solo.practice import PracticeRuns
    from game.server.solo.service import SoloError, SoloService

    store = Store.open(tmp_path)
    try:
        service = SoloService({s.id: s for s in load_library().scenarios}, store)
        token = service.create("first-dm", seed=1)["session"]
        service.command(token, "1")
        service.command(token, "block")
        now = [0.0]
        runs = PracticeRuns(service, clock=lambda: now[0], limit=2, idle_seconds=100)
        first, second, third = (runs.start(token, 0)["session"] for _ in range(3))
        assert not runs.owns(first) and runs.owns(second) and runs.owns(third)   # the oldest went
        now[0] = 60.0
        runs.state(third)                     # a request keeps a run alive
        now[0] = 130.0
        assert runs.state(third)["practice"] is True
        with pytest.raises(SoloError) as gone:
            runs.state(second)                # idle for 130 s: forgotten
        assert gone.value.status == 404 and "first result is safe" in gone.value.message
    finally:
        store.close()


def test_a_practice_run_of_a_chat_with_a_message_request_does_not_ask_again(served):
    client, _data = served
    token = post(client, "/api/v1/play", {"scenario": "model-scout", "seed": 2, "paced": True})["session"]
    drain(client, token, client.get(f"/api/v1/play/{token}").json())
    post(client, f"/api/v1/play/{token}/accept", {})
    drain(client, token, post(client, f"/api/v1/play/{token}/command", {"line": "1"}))
    post(client, f"/api/v1/play/{token}/command", {"line": "block"})
    run = post(client, f"/api/v1/play/{token}/practice", {"decision": 0})["session"]
    view = client.get(f"/api/v1/play/{run}/view").json()
    assert view["request"] is None and view["replies"]
