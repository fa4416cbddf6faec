"""The browser's picker shows one version of a chat that ships in both locales, as the window does."""

import pytest
from solo_factory import app as create_app
from starlette.testclient import TestClient


def shown_ids(client) -> set[str]:
    groups = client.get("/api/v1/catalogue").json()["groups"]
    return {c["id"] for g in groups for c in g["cards"]}


@pytest.mark.parametrize("country,shown,hidden", [
    ("auto", {"first-dm", "quick-follow-back", "castle-server"},
     {"first-dm-us", "quick-follow-back-gb", "castle-server-gb"}),
    ("US", {"first-dm-us", "quick-follow-back", "castle-server"},
     {"first-dm", "quick-follow-back-gb", "castle-server-gb"}),
    ("UK", {"first-dm", "quick-follow-back-gb", "castle-server-gb"},
     {"first-dm-us", "quick-follow-back", "castle-server"}),
])
def test_the_school_s_country_picks_the_version(tmp_path, monkeypatch, country, shown, hidden):
    monkeypatch.setenv("REDFLAGS_COUNTRY", country)
    with TestClient(create_app(tmp_path / "store")) as client:
        ids = shown_ids(client)
    assert shown <= ids and not hidden & ids
    # a hidden version can still be played by its id (a teacher's link, the class server)
    with TestClient(create_app(tmp_path / "store")) as client:
        some_hidden = sorted(hidden)[0]
        assert client.post("/api/v1/play", json={"scenario": some_hidden, "seed": 1}).status_code in (200, 201)
