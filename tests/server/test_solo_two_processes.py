"""Two real server processes sharing one store (SQLite file or PostgreSQL) serve the same solo chats."""

import itertools
import json

import httpx
import pytest
from playback import comparable, golden_cases
from servers import uvicorn_server
from solo_kit import play_golden

CASES = golden_cases()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_servers(request, tmp_path_factory):
    """Two processes on one store: the SQLite file in a shared folder, or one PostgreSQL database."""
    data = tmp_path_factory.mktemp("shared-store")
    env = {}
    if request.param == "postgresql":
        env["REDFLAGS_SOLO_DATABASE"] = request.getfixturevalue("pg_cluster").new_database()
    with uvicorn_server(data, env=env) as a, uvicorn_server(data, env=env) as b, \
            httpx.Client(base_url=a, timeout=10) as ca, httpx.Client(base_url=b, timeout=10) as cb:
        yield ca, cb


@pytest.mark.parametrize("scenario_id,script", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_alternating_processes_give_the_goldens_record(two_servers, scenario_id, script):
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    turn = itertools.cycle(two_servers)
    token, answer = play_golden(lambda path, body: next(turn).post(path, json=body), scenario_id, script)
    assert comparable(answer["result"]) == comparable(expected)
    for client in two_servers:             # both processes see the same finished chat
        state = client.get(f"/api/v1/play/{token}").json()
        assert state["ended"] and comparable(state["result"]) == comparable(expected)


def test_both_processes_see_every_new_event_at_once(two_servers):
    a, b = two_servers
    token = a.post("/api/v1/play", json={"scenario": "first-dm", "seed": 1}).json()["session"]
    a.get(f"/api/v1/play/{token}")          # warm a's cache, then move on b
    b.post(f"/api/v1/play/{token}/command", json={"line": "flag 1"})
    b.post(f"/api/v1/play/{token}/command", json={"line": "1"})
    ev_a = a.get(f"/api/v1/play/{token}").json()["events"]
    ev_b = b.get(f"/api/v1/play/{token}").json()["events"]
    assert ev_a == ev_b and [e["type"] for e in ev_a].count("choice") == 1
    retry = a.post(f"/api/v1/play/{token}/command", json={"line": "2", "request_id": "r1"}).json()
    again = b.post(f"/api/v1/play/{token}/command", json={"line": "2", "request_id": "r1"}).json()
    assert retry == again
