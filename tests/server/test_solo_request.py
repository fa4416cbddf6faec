"""The message request on the play page's API: Accept is kept by the server, Decline is Leave.

Accept (POST /api/v1/play/TOKEN/accept) adds no event, so the event log and
the result record are exactly those of a chat without it (scoring.md v2);
the store's settings keep it, so a reload, a restart or another server
process no longer asks. A reply or a flag counts as accepting anyway
(chat_view's rule), so only the time before the first one needs the setting.
"""

import json

import pytest
from playback import GOLDEN_DIR, comparable
from solo_factory import app as create_app
from solo_kit import golden_lines
from starlette.testclient import TestClient

from game.play import chat_view as cv


@pytest.fixture
def data(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def client(data):
    with TestClient(create_app(data)) as c:
        yield c


def start(client, scenario="model-scout", seed=1, paced=True):
    r = client.post("/api/v1/play", json={"scenario": scenario, "seed": seed, "paced": paced})
    assert r.status_code == 200, r.text
    return r.json()["session"]


def view(client, token):
    return client.get(f"/api/v1/play/{token}/view").json()


def test_accept_shows_the_replies_and_a_reload_does_not_ask_again(client, data):
    token = start(client)
    before = client.get(f"/api/v1/play/{token}").json()
    shown = view(client, token)
    assert shown["request"]["title"] == "novastar.scout.elle wants to send you a message"
    assert shown["composer_status"] == cv.REQUEST["status"]
    answer = client.post(f"/api/v1/play/{token}/accept", json={})
    assert answer.status_code == 200, answer.text
    assert answer.json()["events"] == [] and answer.json()["view"]["request"] is None
    assert view(client, token)["request"] is None                       # asked again: still accepted
    assert client.get(f"/api/v1/play/{token}").json()["events"] == before["events"]   # no event added
    assert client.post(f"/api/v1/play/{token}/accept", json={}).status_code == 200   # twice is once
    # a restarted server (or another process on the same store) knows it too
    with TestClient(create_app(data)) as other:
        assert other.get(f"/api/v1/play/{token}/view").json()["request"] is None


def test_a_chat_not_accepted_still_asks_after_a_restart(client, data):
    token = start(client)
    with TestClient(create_app(data)) as other:
        again = other.get(f"/api/v1/play/{token}/view").json()
    assert again["request"] is not None and again["request"]["accept"] == cv.REQUEST["accept"]


def test_the_request_line_is_marked_for_the_card_and_stays_after_accepting(client):
    token = start(client)
    lines = view(client, token)["lines"]
    marked = [line for line in lines if line["request"]]
    assert len(marked) == 1 and marked[0]["text"].startswith("novastar.scout.elle wants to send you a message")
    client.post(f"/api/v1/play/{token}/accept", json={})
    assert [line for line in view(client, token)["lines"] if line["request"]] == marked


def test_decline_is_leave_and_says_so_but_leave_after_accepting_is_plain_leave(client):
    declined = start(client)
    r = client.post(f"/api/v1/play/{declined}/command", json={"line": cv.REQUEST_DECLINE_AS})
    assert r.json()["ended"] and r.json()["events"][-1]["how"] == "leave"
    name = "novastar.scout.elle"
    assert view(client, declined)["lines"][-1]["text"] == cv.DECLINED_LINE.format(name=name)
    accepted = start(client)
    client.post(f"/api/v1/play/{accepted}/accept", json={})
    client.post(f"/api/v1/play/{accepted}/command", json={"line": "leave"})
    assert view(client, accepted)["lines"][-1]["text"] == cv.END_LINES["leave"]
    # the same record either way: accepting is nothing the score sees
    one = client.get(f"/api/v1/play/{declined}").json()["result"]
    two = client.get(f"/api/v1/play/{accepted}").json()["result"]
    assert comparable(one)["score"] == comparable(two)["score"]


def test_accept_then_the_golden_script_gives_the_golden_record(client):
    seed, lines = golden_lines(GOLDEN_DIR / "model-scout" / "best.script")
    token = start(client, seed=seed, paced=False)
    assert client.post(f"/api/v1/play/{token}/accept", json={}).status_code == 200
    for line in lines:
        r = client.post(f"/api/v1/play/{token}/command", json={"line": line})
        assert r.status_code == 200, (line, r.text)
        if r.json()["ended"]:
            break
    record = client.get(f"/api/v1/play/{token}").json()["result"]
    want = json.loads((GOLDEN_DIR / "model-scout" / "best.expected.json").read_text(encoding="utf-8"))
    assert comparable(record) == comparable(want)


@pytest.mark.parametrize("case", ["no request", "over", "no chat"])
def test_accept_that_cannot_be_done_is_one_line_and_changes_nothing(client, case):
    if case == "no request":
        token = start(client, scenario="first-dm")
        want = (400, "this chat has no message request to accept")
    elif case == "over":
        token = start(client)
        client.post(f"/api/v1/play/{token}/command", json={"line": "block"})
        want = (400, "the conversation is over")
    else:
        token = "x" * 40
        want = (404, "no such chat: start a new one")
    before = client.get(f"/api/v1/play/{token}").json() if case != "no chat" else None
    r = client.post(f"/api/v1/play/{token}/accept", json={})
    assert (r.status_code, r.json()["error"]) == want
    if before is not None:
        assert client.get(f"/api/v1/play/{token}").json() == before


def test_the_chat_view_serves_the_request_card_and_the_switch_label(client):
    token = start(client)
    chat = client.get(f"/api/v1/play/{token}/chat").json()
    assert chat["request"] == {k: v.format(name="novastar.scout.elle") for k, v in cv.REQUEST.items()}
    assert chat["request_decline_as"] == cv.REQUEST_DECLINE_AS == "leave"
    assert chat["switch_title"] == cv.SWITCH_TITLE
    other = client.get(f"/api/v1/play/{start(client, scenario='first-dm')}/chat").json()
    assert other["request"] is None


def _settings(data):
    from game.results.store import Store
    store = Store.open(data)
    try:
        with store.engine.connect() as conn:
            return dict(conn.exec_driver_sql("SELECT key, value FROM settings").fetchall())
    finally:
        store.close()


def test_forget_deletes_the_chats_accept_request_and_token_rows(client, data):
    """Deletion means gone: the rows the play page keeps beside a session go with it."""
    from game.results import forget as forgetting
    from game.results.store import Store

    kept = client.post("/api/v1/play", json={"scenario": "model-scout", "seed": 1, "player": "Otter"}).json()["session"]
    gone = client.post("/api/v1/play", json={"scenario": "model-scout", "seed": 2, "player": "Kiwi"}).json()["session"]
    for token in (kept, gone):
        assert client.post(f"/api/v1/play/{token}/accept", json={}).status_code == 200
        r = client.post(f"/api/v1/play/{token}/command", json={"line": "1", "request_id": "first-reply"})
        assert r.status_code == 200, r.text
    before = _settings(data)
    solo_rows = [k for k in before if k.startswith(("solo.token.", "solo.request.", "solo.accepted."))]
    assert len(solo_rows) == 6                    # per chat: its token, its request id, its accept

    store = Store.open(data)
    try:
        assert forgetting.forget(store, forgetting.plan(store, player="Kiwi")) == 1
    finally:
        store.close()
    after = _settings(data)
    left = [k for k in after if k.startswith(("solo.token.", "solo.request.", "solo.accepted."))]
    assert len(left) == 3 and set(left) <= set(solo_rows)
    assert client.get(f"/api/v1/play/{gone}/view").status_code == 404
    assert client.get(f"/api/v1/play/{kept}/view").status_code == 200
