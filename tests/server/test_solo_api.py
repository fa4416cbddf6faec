"""The solo-play API's rules: errors change nothing, retries count once, restarts carry on."""

import json

import pytest
from playback import GOLDEN_DIR, comparable
from solo_factory import app as create_app
from solo_kit import golden_lines
from starlette.testclient import TestClient

from game.results.store import Store


@pytest.fixture
def data(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def client(data):
    with TestClient(create_app(data)) as c:
        yield c


def start(client, scenario="first-dm", **extra):
    r = client.post("/api/v1/play", json={"scenario": scenario, "seed": 1, **extra})
    assert r.status_code == 200, r.text
    return r.json()["session"]


def test_start_delivers_the_first_messages_and_offers_choices(client):
    token = start(client)
    state = client.get(f"/api/v1/play/{token}").json()
    kinds = [e["type"] for e in state["events"]]
    assert kinds[:2] == ["start", "enter"] and kinds[-1] == "choices" and "deliver" in kinds
    assert state["ended"] is False and "result" not in state


@pytest.mark.parametrize("line,message", [
    ("9", "no choice 9 (choices are 1-3)"),
    ("flag 99", "no message [99] yet"),
    ("dance", "unknown command 'dance' (type help for the list)"),
    ("block now", "'block' takes nothing after it"),
    ("", "no command in this line (type help for the list)"),
])
def test_an_illegal_line_is_a_400_with_the_terminals_message_and_changes_nothing(client, data, line, message):
    token = start(client)
    before = client.get(f"/api/v1/play/{token}").json()
    r = client.post(f"/api/v1/play/{token}/command", json={"line": line})
    assert r.status_code == 400 and r.json() == {"error": message}
    assert client.get(f"/api/v1/play/{token}").json() == before
    session_id = client.app.state.solo.live(token).session_id
    with Store.open(data) as store:
        assert store.events(session_id) == before["events"]


def test_a_retried_request_has_the_effect_of_one(client):
    token = start(client)
    body = {"line": "1", "request_id": "phone-7"}
    first = client.post(f"/api/v1/play/{token}/command", json=body).json()
    second = client.post(f"/api/v1/play/{token}/command", json=body).json()
    assert first == second and first["events"][0]["type"] == "choice"
    log = client.get(f"/api/v1/play/{token}").json()["events"]
    assert sum(e["type"] == "choice" for e in log) == 1
    a = client.post("/api/v1/play", json={"scenario": "first-dm", "request_id": "start-1"}).json()
    b = client.post("/api/v1/play", json={"scenario": "first-dm", "request_id": "start-1"}).json()
    assert a == b


@pytest.mark.parametrize("scenario", ["../scenarios/first-dm.yaml", "/etc/passwd", "first-dm.yaml",
                                      "scenarios\\first-dm"])
def test_a_scenario_is_named_by_id_never_by_path(client, scenario):
    r = client.post("/api/v1/play", json={"scenario": scenario})
    assert r.status_code == 400 and r.json() == {"error": "a scenario is named by its id, never by a path"}


@pytest.mark.parametrize("body,status,message", [
    ({"scenario": "no-such-chat"}, 404, "no scenario 'no-such-chat' on this server"),
    ({}, 400, "'scenario' must be a scenario id from GET /api/v1/scenarios"),
    ({"scenario": "first-dm", "seed": "x"}, 400, "'seed' must be a whole number from 0 up"),
    ({"scenario": "first-dm", "class": "7B;DROP"}, 400,
     "a class code uses letters, digits, '.', '-' and '_' only"),
])
def test_bad_starts_get_one_line(client, body, status, message):
    r = client.post("/api/v1/play", json=body)
    assert r.status_code == status and r.json() == {"error": message}


def test_bad_bodies_and_tokens(client):
    assert client.post("/api/v1/play", content=b"{nope").json() == {"error": "the request body is not valid JSON"}
    r = client.post("/api/v1/play", content=b"[1]")
    assert r.status_code == 400 and r.json() == {"error": "the request body must be a JSON object"}
    r = client.post("/api/v1/play", content=b" " * (64 * 1024 + 1))
    assert r.status_code == 413 and "too large" in r.json()["error"]
    r = client.get("/api/v1/play/AAAAAAAAAAAAAAAAAAAAAAAA")
    assert r.status_code == 404 and r.json() == {"error": "no such chat: start a new one"}
    r = client.post("/api/v1/play/AAAAAAAAAAAAAAAAAAAAAAAA/command", json={"line": "1"})
    assert r.status_code == 404
    token = start(client)
    r = client.post(f"/api/v1/play/{token}/command", json={"line": 3})
    assert r.status_code == 400 and "one command" in r.json()["error"]


def test_a_server_restart_continues_the_chat(data):
    script = GOLDEN_DIR / "first-dm" / "best.script"
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    seed, lines = golden_lines(script)
    with TestClient(create_app(data)) as c:
        token = c.post("/api/v1/play", json={"scenario": "first-dm", "seed": seed}).json()["session"]
        c.post(f"/api/v1/play/{token}/command", json={"line": lines[0]})
    answer = None
    for line in lines[1:]:                 # a new server process for every command
        with TestClient(create_app(data)) as c:
            answer = c.post(f"/api/v1/play/{token}/command", json={"line": line}).json()
        if answer["ended"]:
            break
    assert comparable(answer["result"]) == comparable(expected)


def test_the_chat_clock_is_wall_time_since_the_start_in_any_process(data):
    now = [1000.0]
    with TestClient(create_app(data)) as c:
        service = c.app.state.solo
        service.clock = lambda: now[0]
        service.store.clock = lambda: now[0]
        token = c.post("/api/v1/play", json={"scenario": "first-dm"}).json()["session"]
    now[0] = 1042.5
    with TestClient(create_app(data)) as c:
        c.app.state.solo.clock = lambda: now[0]
        events = c.post(f"/api/v1/play/{token}/command", json={"line": "1"}).json()["events"]
    assert events[0]["type"] == "choice" and events[0]["t"] == 42.5


def test_ended_chat_refuses_commands_and_profile_and_help_change_nothing(client):
    token = start(client)
    r = client.post(f"/api/v1/play/{token}/command", json={"line": "profile"}).json()
    assert r["events"] == [] and r["profile"] and all("red_flags" not in p for p in r["profile"])
    assert client.post(f"/api/v1/play/{token}/command", json={"line": "help"}).json()["help"]
    done = client.post(f"/api/v1/play/{token}/command", json={"line": "leave"}).json()
    assert done["ended"] and done["result"]["outcome"] == "left"
    r = client.post(f"/api/v1/play/{token}/command", json={"line": "1"})
    assert r.status_code == 400 and r.json() == {"error": "the conversation is over"}


def test_a_deleted_session_is_gone(client, data):
    token = start(client)
    session_id = client.app.state.solo.live(token).session_id
    with Store.open(data) as store:
        store.delete_sessions([session_id])
    r = client.get(f"/api/v1/play/{token}")
    assert r.status_code == 404 and "deleted" in r.json()["error"]


def test_paced_chat_delivers_one_message_at_a_time(client):
    token = start(client, paced=True)
    state = client.get(f"/api/v1/play/{token}").json()
    assert [e["type"] for e in state["events"]] == ["start", "enter"]
    assert state["pending"] == 3 and state["pacing"]["next"]["typing"] > 0
    r = client.post(f"/api/v1/play/{token}/command", json={"line": "1"})
    assert r.status_code == 400 and r.json() == {"error": "wait until the messages have arrived"}
    for left in (2, 1, 0):
        answer = client.post(f"/api/v1/play/{token}/deliver", json={}).json()
        assert answer["events"][0]["type"] == "deliver" and answer["pending"] == left
    assert answer["events"][-1]["type"] == "choices"
    r = client.post(f"/api/v1/play/{token}/deliver", json={})
    assert r.status_code == 400 and r.json() == {"error": "no message is on its way"}
    # blocking while a message is still on its way: that message was never delivered
    client.post(f"/api/v1/play/{token}/command", json={"line": "1"})
    done = client.post(f"/api/v1/play/{token}/command", json={"line": "block"}).json()
    assert done["ended"] and done["result"]["messages_delivered"] == 3


def test_chat_view_gives_no_red_flags_away_and_debrief_waits_for_the_end(client):
    token = start(client)
    view = client.get(f"/api/v1/play/{token}/chat").json()
    assert view["stranger"]["name"] and view["profile"]
    assert "red_flags" not in json.dumps(view) and "severity" not in json.dumps(view)
    r = client.get(f"/api/v1/play/{token}/debrief")
    assert r.status_code == 400
    client.post(f"/api/v1/play/{token}/command", json={"line": "report"})
    d = client.get(f"/api/v1/play/{token}/debrief").json()
    assert d["never_your_fault"] and d["help"] and d["parts"][0]["name"] == "Spotting"
    assert isinstance(d["sections"], list) and d["summary"]
    assert {i["status"] for i in d["items"]} <= {"spotted", "missed", "false_alarm"}


def test_media_serves_only_the_scenarios_own_pictures(client):
    ok = client.get("/api/v1/scenarios/art-club-friend/media/images/meme_cat.png")
    assert ok.status_code == 200 and ok.headers["content-type"] == "image/png"
    for ref in ("../../game/engine.py", "images/gift_card.png", "%2e%2e/LICENSE"):
        assert client.get(f"/api/v1/scenarios/art-club-friend/media/{ref}").status_code == 404


def test_the_openapi_document_describes_solo_play(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/play", "/api/v1/play/{token}/command", "/api/v1/play/{token}"} <= set(doc["paths"])
    assert "PlayState" in doc["components"]["schemas"]


def test_the_counsellors_report_shows_the_chat(client, data):
    from game.results.reports import model

    token = start(client, player="Kiwi", **{"class": "8C"})
    for line in ("flag 2", "flag 3", "3", "report"):
        client.post(f"/api/v1/play/{token}/command", json={"line": line})
    with Store.open(data) as store:
        report = model.build(store, class_code="8C")
    [session] = report.sessions
    assert (session.player, session.class_code, session.scenario_id) == ("Kiwi", "8C", "first-dm")
    assert session.complete and session.result["outcome"] == "reported"


def test_events_and_the_request_record_are_committed_together(data):
    with Store.open(data) as store:
        start_event = {"type": "start", "scenario": "x", "scenario_sha256": "0", "seed": 1, "t": 0}
        sid = store.create_session(start_event)
        store.append_events(sid, 1, [{"type": "enter", "node": "a", "t": 0}], settings={"solo.request.k": "v"})
        assert store.get_setting("solo.request.k") == "v" and len(store.events(sid)) == 2
        from game.results.db import ERRORS

        with pytest.raises(ERRORS):      # a clash on the sequence number: neither is kept
            store.append_events(sid, 1, [{"type": "enter", "node": "b", "t": 0}], settings={"solo.request.j": "w"})
        assert store.get_setting("solo.request.j") is None and len(store.events(sid)) == 2


def test_a_chat_without_a_class_code_is_stored_under_the_servers(tmp_path):
    from game.library import load_library
    from game.server.app import create_app as make
    from game.server.config import ServerConfig

    with TestClient(make(ServerConfig(library=load_library(), data_dir=tmp_path, class_code="9A"))) as c:
        token = c.post("/api/v1/play", json={"scenario": "first-dm"}).json()["session"]
        own = c.post("/api/v1/play", json={"scenario": "first-dm", "class": "9B"}).json()["session"]
        service = c.app.state.solo
        codes = [service.store.session(service.live(t).session_id).class_code for t in (token, own)]
    assert codes == ["9A", "9B"]


def test_the_play_page_gets_profile_photos_and_the_story_clock(client):
    token = start(client, scenario="age-keeps-changing")
    view = client.get(f"/api/v1/play/{token}/chat").json()
    photos = next(p for p in view["profile"] if p["id"] == "profile.photos")
    assert photos["image"] == "photos/tyler_m.png" and photos["text"] == "1 photo"
    url = view["pictures"][photos["image"]]["url"]
    got = client.get(url)
    assert got.status_code == 200 and got.headers["content-type"] == "image/png"
    assert view["clock"] == "19:40"                       # "It's a Friday evening"
    assert all(p["image"] == "" for p in view["profile"] if p["id"] != "profile.photos")
    assert "why" not in json.dumps(view) and "someone else" not in json.dumps(view)
