"""The browser's debrief data: an unsafe ending leads with what to do; a report's reason comes back."""

import pytest
from playback import GOLDEN_DIR
from solo_factory import app as create_app
from solo_kit import golden_lines
from starlette.testclient import TestClient

from game.debrief import FIRST_STEPS, page_words


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(tmp_path / "store")) as c:
        yield c


def script(name, scenario="first-dm"):
    return golden_lines(GOLDEN_DIR / scenario / f"{name}.script")


def play(client, seeded, scenario="first-dm"):
    seed, lines = seeded if isinstance(seeded, tuple) else (1, seeded)
    token = client.post("/api/v1/play", json={"scenario": scenario, "seed": seed}).json()["session"]
    for line in lines:
        r = client.post(f"/api/v1/play/{token}/command", json={"line": line})
        assert r.status_code == 200, r.text
    return client.get(f"/api/v1/play/{token}/debrief").json()


def test_an_unsafe_ending_leads_with_the_first_steps(client):
    d = play(client, script("worst"))
    assert d["help_first"] is True and d["first_steps"] == list(FIRST_STEPS)
    assert d["words"] == page_words(True)
    assert d["never_your_fault"] and d["help"]


def test_a_safe_ending_has_no_first_steps(client):
    d = play(client, script("best"))
    assert d["help_first"] is False and d["first_steps"] == [] and d["report_reason"] == ""
    assert d["words"]["get_help_button"] == "Get help"


def test_the_report_reason_is_recorded_and_given_back(client):
    d = play(client, ["1", "report threats"])
    assert d["report_reason"] == "Threats or blackmail"
    assert "threats or blackmail" in d["report_note"]
    assert d["result"]["outcome"] == "reported"


def test_the_replay_is_served_with_the_replies_not_picked(client):
    from game.debrief import replay_words

    d = play(client, script("worst"))
    replies = [r for r in d["replay"] if r["who"] == "player"]
    assert replies and [r["decision"] for r in replies] == list(range(len(replies)))
    assert all(r["others"] for r in replies)              # first-dm offers three replies every time
    assert d["replay"][-1]["who"] == "end"
    assert d["replay_words"] == replay_words()


def test_the_tally_is_served_by_the_rule_every_front_end_follows(client):
    # first-dm worst: unsafe, nothing spotted, 6 missed (tests/golden/first-dm/worst.expected.json)
    assert play(client, script("worst"))["tally"] == [{"status": "missed", "count": 6}]
    assert play(client, script("best"))["tally"] == [{"status": "spotted", "count": 6},
                                                     {"status": "missed", "count": 0}]
