"""The player's "Help shown for" choice (issue 14): the words, the check, the help it gives."""

import pytest

from game.play import help_country as hc
from game.taxonomy import COUNTRY_VARIABLE, help_for, load_help


def test_automatic_follows_the_chat_language_and_a_choice_wins(monkeypatch):
    monkeypatch.delenv(COUNTRY_VARIABLE, raising=False)
    uk = hc.help_view("en-GB")
    assert uk["choice"] == "auto" and uk["country"] == "UK"
    assert uk["showing"] == "Showing help for: United Kingdom"
    assert {r["region"] for r in uk["resources"]} <= {"", "UK"}
    us = hc.help_view("en-GB", "us")                    # any case
    assert us["choice"] == "US" and us["country"] == "US"
    assert {r["region"] for r in us["resources"]} <= {"", "US"}
    assert [r["name"] for r in us["resources"]] == [r.name for r in help_for("en-GB", "US").resources]
    assert us["never_your_fault"] == list(load_help().never_your_fault)   # every help keeps these


def test_the_school_setting_decides_automatic_but_not_a_players_choice(monkeypatch):
    monkeypatch.setenv(COUNTRY_VARIABLE, "US")
    assert hc.help_view("en-GB")["country"] == "US"
    assert hc.help_view("en-GB", "UK")["country"] == "UK"


def test_the_control_lists_automatic_then_the_help_files_countries():
    control = hc.control()
    assert control["label"] == hc.LABEL == "Help shown for"
    assert control["choices"][0] == {"id": "auto", "name": hc.AUTO_LABEL}
    assert [c["id"] for c in control["choices"][1:]] == [cid for cid, _n, _l in load_help().countries]
    named = hc.control(resolved=help_for("en-GB"))
    assert named["choices"][0]["name"] == "Automatic: United Kingdom"


@pytest.mark.parametrize("value", ["FR", "../UK", 3, "UK; DROP"])
def test_an_unknown_country_is_one_line(value):
    with pytest.raises(hc.CountryError, match=r"^'country' must be one of: auto, US, UK$"):
        hc.choice(value)


@pytest.mark.parametrize("value", [None, "", "auto", " AUTO "])
def test_automatic_is_none(value):
    assert hc.choice(value) is None


def test_a_language_no_country_claims_shows_every_country():
    shown = hc.help_view("fr-FR")
    assert shown["country"] == "" and shown["showing"] == "Showing help for: every country"
    assert len(shown["resources"]) == len(load_help().resources)
