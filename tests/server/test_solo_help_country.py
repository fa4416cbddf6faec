"""The help routes take the player's "Help shown for" choice: GET /api/v1/help, the debrief's ?country=."""

import pytest
from solo_factory import app as create_app
from starlette.testclient import TestClient

from game.play import help_country as hc
from game.taxonomy import COUNTRY_VARIABLE


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.delenv(COUNTRY_VARIABLE, raising=False)
    with TestClient(create_app(tmp_path / "store")) as c:
        yield c


def ended(client, scenario="first-dm"):
    token = client.post("/api/v1/play", json={"scenario": scenario, "seed": 1}).json()["session"]
    client.post(f"/api/v1/play/{token}/command", json={"line": "leave"})
    return token


def regions(help_list):
    return {r["region"] for r in help_list} - {""}


def test_the_debrief_shows_the_chosen_countrys_help(client):
    token = ended(client)                                  # first-dm is en-GB
    auto = client.get(f"/api/v1/play/{token}/debrief").json()
    assert regions(auto["help"]) == {"UK"} and auto["help_country"]["choice"] == "auto"
    assert auto["help_country"]["control"]["choices"][0]["name"] == "Automatic: United Kingdom"
    us = client.get(f"/api/v1/play/{token}/debrief?country=US").json()
    assert regions(us["help"]) == {"US"}
    assert us["help_country"] == {**auto["help_country"], "choice": "US", "country": "US",
                                  "showing": "Showing help for: United States"}
    assert us["never_your_fault"] == auto["never_your_fault"]    # the rest of the debrief is the same
    assert {k: v for k, v in us.items() if k not in ("help", "help_country")} == \
        {k: v for k, v in auto.items() if k not in ("help", "help_country")}


def test_the_help_route_follows_the_chat_and_the_choice(client):
    assert regions(client.get("/api/v1/help?scenario=first-dm").json()["resources"]) == {"UK"}
    chosen = client.get("/api/v1/help?scenario=first-dm&country=US").json()
    assert regions(chosen["resources"]) == {"US"} and chosen["choice"] == "US"
    assert client.get("/api/v1/help").json()["control"] == hc.control()     # no chat: "Automatic (from the chat)"


@pytest.mark.parametrize("path", ["/api/v1/help?country=FR", "/api/v1/help?scenario=first-dm&country=x"])
def test_an_unknown_country_is_a_one_line_400(client, path):
    r = client.get(path)
    assert r.status_code == 400 and r.json()["error"] == "'country' must be one of: auto, US, UK"


def test_the_debrief_refuses_an_unknown_country_in_one_line(client):
    r = client.get(f"/api/v1/play/{ended(client)}/debrief?country=Narnia")
    assert r.status_code == 400 and r.json()["error"] == "'country' must be one of: auto, US, UK"


def test_an_unknown_scenario_is_a_404(client):
    r = client.get("/api/v1/help?scenario=nope")
    assert r.status_code == 404 and "no scenario" in r.json()["error"]


def test_the_catalogue_carries_the_join_pages_control(client):
    assert client.get("/api/v1/catalogue").json()["help_country"] == hc.control()


def test_the_picker_lists_a_two_locale_chat_once_in_the_chosen_countrys_language(client):
    def ids(query=""):
        groups = client.get(f"/api/v1/catalogue{query}").json()["groups"]
        return {card["id"] for group in groups for card in group["cards"]}

    auto, us, uk = ids(), ids("?country=US"), ids("?country=UK")
    assert "first-dm" in auto and "first-dm-us" not in auto              # automatic: the original
    assert "first-dm-us" in us and "first-dm" not in us
    assert "first-dm" in uk and "first-dm-us" not in uk
    assert "quick-follow-back-gb" in uk and "quick-follow-back" not in uk
    assert len(auto) == len(us) == len(uk)
    r = client.get("/api/v1/catalogue?country=Mars")
    assert r.status_code == 400 and r.json()["error"] == "'country' must be one of: auto, US, UK"
