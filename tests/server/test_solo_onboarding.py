"""The practice chat over HTTP: played like any chat, never stored, never scored, offered once per nickname."""

import pytest
from solo_factory import app as create_app
from starlette.testclient import TestClient

from game.play import onboarding
from game.results.store import Store


@pytest.fixture
def data(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def client(data):
    with TestClient(create_app(data)) as c:
        yield c


def practice(client):
    r = client.post("/api/v1/practice", json={})
    assert r.status_code == 200, r.text
    return r.json()["session"]


def deliver_all(client, token):
    answer = client.get(f"/api/v1/play/{token}").json()
    while answer.get("pending"):
        answer = client.post(f"/api/v1/play/{token}/deliver", json={}).json()
    return answer


def test_progress_ticks_the_three_steps_off_in_any_order():
    assert onboarding.progress([]) == (False, False, False)
    assert onboarding.progress([{"type": "flag", "id": "profile.joined"}]) == (False, True, False)
    assert onboarding.progress([{"type": "flag", "id": "hello.3"}, {"type": "end", "how": "leave"}]) == \
        (True, False, True)


def test_a_practice_chat_plays_through_the_solo_routes_and_stores_nothing(client, data):
    token = practice(client)
    chat = client.get(f"/api/v1/play/{token}/chat").json()
    assert chat["onboarding"] == onboarding.coach_words() and chat["stranger"]["name"] == "practice.pal"
    assert client.get(chat["stranger"]["avatar"]).status_code == 200       # its avatar is served
    answer = deliver_all(client, token)
    assert answer["view"]["onboarding"] == [False, False, False]
    flag = next(line for line in answer["view"]["lines"] if line["flaggable"] and "school" in line["text"])
    answer = client.post(f"/api/v1/play/{token}/command", json={"line": f"flag {flag['item_id']}"}).json()
    assert answer["view"]["onboarding"] == [True, False, False]
    answer = client.post(f"/api/v1/play/{token}/command", json={"line": "flag profile.joined"}).json()
    assert answer["view"]["onboarding"] == [True, True, False]
    answer = client.post(f"/api/v1/play/{token}/command", json={"line": "leave"}).json()
    assert answer["ended"] and answer["view"]["onboarding"] == [True, True, True]
    assert "result" not in answer                                        # no score
    assert client.get(f"/api/v1/play/{token}/debrief").status_code == 400
    with Store.open(data) as store:
        assert store.sessions() == []                                    # never stored


def test_a_practice_chat_is_not_a_library_chat(client):
    r = client.post("/api/v1/play", json={"scenario": onboarding.tutorial().id})
    assert r.status_code == 404                                          # only /api/v1/practice starts it
    assert "practice-chat" not in {s["id"] for s in client.get("/api/v1/scenarios").json()}


def test_it_is_offered_once_per_nickname_and_the_store_keeps_only_a_hash(client, data):
    assert client.get("/api/v1/practice/offer?player=Fox12").json()["due"] is True
    offer = client.get("/api/v1/practice/offer?player=Fox12").json()["offer"]
    assert offer == onboarding.OFFER
    assert client.post("/api/v1/practice/seen", json={"player": "Fox12"}).json() == {"seen": True}
    assert client.get("/api/v1/practice/offer?player=fox12").json()["due"] is False   # the same nickname key
    assert client.get("/api/v1/practice/offer?player=Owl7").json()["due"] is True
    with Store.open(data) as store:
        remembered = store.get_setting(onboarding.SEEN_SETTING) or ""
    assert remembered and "fox" not in remembered.lower()


def test_without_a_nickname_the_server_remembers_nothing(client, data):
    assert client.post("/api/v1/practice/seen", json={}).json() == {"seen": False}
    assert client.get("/api/v1/practice/offer").json()["due"] is True    # the browser keeps its own mark
    with Store.open(data) as store:
        assert store.get_setting(onboarding.SEEN_SETTING) is None


@pytest.mark.parametrize("path,body", [("/api/v1/practice/seen", {"player": 7}),
                                       ("/api/v1/practice/seen", {"player": "x" * 80})])
def test_a_bad_nickname_is_one_line(client, path, body):
    r = client.post(path, json=body)
    assert r.status_code == 400 and "\n" not in r.json()["error"]


def test_a_restarted_server_no_longer_knows_the_practice_chat(client, data):
    token = practice(client)
    with TestClient(create_app(data)) as other:
        r = other.get(f"/api/v1/play/{token}")
    assert r.status_code == 404
