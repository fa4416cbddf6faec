"""Parity: every golden script, sent line by line to the solo-play API, gives the golden's record."""

import json

import pytest
from playback import comparable, golden_cases
from solo_factory import app as create_app
from solo_kit import play_golden
from starlette.testclient import TestClient

from game.results.store import Store

CASES = golden_cases()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    data = tmp_path_factory.mktemp("solo-parity")
    with TestClient(create_app(data)) as c:
        c.data_dir = data
        yield c


@pytest.mark.parametrize("scenario_id,script", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_golden_through_the_api(client, scenario_id, script):
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    token, answer = play_golden(lambda p, b: client.post(p, json=b), scenario_id, script,
                                player="Parity", **{"class": "P1"})
    assert comparable(answer["result"]) == comparable(expected)
    again = client.get(f"/api/v1/play/{token}").json()
    assert again["ended"] and comparable(again["result"]) == comparable(expected)
    # the store holds the same session: same events, same record, under the nickname and class
    service = client.app.state.solo
    live = service.live(token)
    with Store.open(client.data_dir) as store:
        record = store.session(live.session_id, with_events=True)
        assert record.player == "Parity" and record.class_code == "P1"
        assert record.events == again["events"]
        assert comparable(store.result(live.session_id)) == comparable(expected)
