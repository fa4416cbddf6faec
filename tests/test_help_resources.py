"""Help that fits the player's country: the help file, the country setting and the school contact."""

from __future__ import annotations

import dataclasses
import io

import pytest
import yaml

from game import paths
from game.debrief import build
from game.engine import Conversation
from game.library import find_scenario
from game.scoring import score
from game.session import Session, run_script
from game.taxonomy import COUNTRY_VARIABLE, help_for, load_help
from game.textui import TextRenderer


@pytest.fixture(autouse=True)
def no_country_override(monkeypatch):
    monkeypatch.delenv(COUNTRY_VARIABLE, raising=False)


def by_id(info):
    return {r.id: r for r in info.resources}


def test_every_resource_is_for_a_known_country_and_complete():
    info = load_help()
    countries = {c[0] for c in info.countries}
    assert countries >= {"US", "UK"}
    for r in info.resources:
        assert r.region in countries | {""}, r.id
        assert r.name and r.purpose and (r.website or r.phone), r.id


def test_the_crisis_trafficking_and_image_services_the_library_names_are_there():
    us, uk = by_id(help_for("en-US")), by_id(help_for("en-GB"))
    assert "988" in us["lifeline_988"].phone and us["lifeline_988"].website == "988lifeline.org"
    assert us["ncmec_take_it_down"].website == "takeitdown.ncmec.org"
    assert uk["samaritans"].phone == "116 123"
    assert "85258" in uk["shout"].phone and "SHOUT" in uk["shout"].phone
    assert uk["modern_slavery_helpline"].phone == "08000 121 700"
    assert "Report Remove" in uk["report_remove"].name and uk["report_remove"].website == "childline.org.uk"
    assert uk["childline"].phone == "0800 1111"


def test_the_country_follows_the_scenario_language_by_default():
    assert {r.region for r in help_for("en-GB").resources} == {"UK"}
    assert {r.region for r in help_for("en-US").resources} == {"US"}
    assert help_for("EN-gb").country == "UK"
    assert {r.region for r in help_for("en").resources} == {"US", "UK"}   # no country: everything


def test_a_setting_wins_over_the_language(monkeypatch):
    assert help_for("en-GB", setting="US").country == "US"
    monkeypatch.setenv(COUNTRY_VARIABLE, "uk")
    assert help_for("en-US").country == "UK"
    monkeypatch.setenv(COUNTRY_VARIABLE, "auto")
    assert help_for("en-US").country == "US"
    monkeypatch.setenv(COUNTRY_VARIABLE, "Narnia")
    assert help_for("en-US").country == ""       # an unknown country shows every resource rather than none


def in_language(language: str):
    return dataclasses.replace(find_scenario("first-dm", paths.SCENARIOS_DIR), language=language)


def test_the_debrief_shows_the_help_of_the_scenarios_country():
    for language, region in (("en-GB", "UK"), ("en-US", "US")):
        scenario = in_language(language)
        conv = Conversation(scenario, seed=1, clock=lambda: 0.0)
        conv.start()
        conv.deliver_all()
        conv.end_action("leave")
        d = build(scenario, conv.events, score(conv.events))
        assert {r.region for r in d.help.resources} == {region}


def test_a_school_contact_typed_into_the_file_is_shown_first(tmp_path, monkeypatch):
    data = yaml.safe_load(paths.HELP_RESOURCES_FILE.read_text(encoding="utf-8"))
    data["school_contact"] = "Ms Patel, safeguarding lead, Room 12"
    custom = tmp_path / "help_resources.yaml"
    custom.write_text(yaml.safe_dump(data), encoding="utf-8")
    info = load_help(custom)
    assert info.school_contact == "Ms Patel, safeguarding lead, Room 12"
    assert load_help().school_contact == ""          # the shipped file leaves it empty

    monkeypatch.setattr("game.taxonomy.load_help", lambda path=custom: info)
    scenario = in_language("en-GB")
    session = Session(scenario, seed=1, clock=lambda: 0.0)
    session.start()
    run_script(session, [(1, "leave")])
    out = io.StringIO()
    TextRenderer(session, out).debrief()
    text = out.getvalue()
    assert "At your school: Ms Patel, safeguarding lead, Room 12" in text
    help_part = text[text.index("Where to get help:"):]
    assert help_part.index("At your school") < help_part.index("CEOP Safety Centre")
    assert "NCMEC" not in help_part                  # a UK chat shows UK help only
