"""The window's "Help shown for" setting: automatic by default, a chosen country's help after that."""
import pygame
import pytest
from conftest import key

from game.command_language import read_script
from game.library import find_scenario
from game.session import Session, run_script
from game.taxonomy import COUNTRY_VARIABLE, load_help
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.overlays import HelpScreen
from game.ui.settings import Settings


@pytest.fixture(autouse=True)
def no_country_override(monkeypatch):
    monkeypatch.delenv(COUNTRY_VARIABLE, raising=False)


def debrief_of(app, scenario_id="first-dm"):
    session = Session(find_scenario(scenario_id), seed=1)
    session.start()
    run_script(session, list(read_script(["leave"])))
    app.show_debrief(session.finish(), session.conv, scenario=session.scenario, session=session)
    app.tick([])
    assert isinstance(app.top, DebriefScreen)
    return app.top


def test_automatic_follows_the_chat_and_a_chosen_country_wins(app):
    assert app.settings.country == "auto"
    assert debrief_of(app).debrief.help.country == "UK"          # first-dm is en-GB
    app.settings.country = "US"
    screen = debrief_of(app)
    assert screen.debrief.help.country == "US"
    assert {r.region for r in screen.debrief.help.resources} == {"US"}
    uk_only = [r.name for r in load_help().resources if r.region == "UK"]
    assert uk_only and not any(name in screen.texts for name in uk_only)


def test_the_setting_beats_the_schools_environment_variable_only_when_chosen(app, monkeypatch):
    monkeypatch.setenv(COUNTRY_VARIABLE, "US")
    assert debrief_of(app).debrief.help.country == "US"           # automatic: the school's choice
    app.settings.country = "UK"
    assert debrief_of(app, "quick-follow-back").debrief.help.country == "UK"


def test_the_settings_row_cycles_through_the_help_files_countries_and_persists(app, private_data_dir):
    app.open("settings", overlay=True)
    app.tick([])
    names = {cid: name for cid, name, _ in load_help().countries}

    def row():
        return next(b for b in app.top.buttons if b.ident == "country")

    assert row().value.startswith("Automatic")
    seen = []
    for _ in range(len(names) + 1):
        row().activate()
        app.tick([])
        seen.append(Settings.load(private_data_dir).country)
        assert row().value == names.get(seen[-1], row().value)
    assert seen[:-1] == list(names) and seen[-1] == "auto"        # every country once, then back to automatic
    app.tick([key(pygame.K_ESCAPE)])


def test_the_pause_help_shows_only_the_chosen_countrys_help(app):
    app.settings.country = "UK"
    screen = HelpScreen(app)
    assert {r.region for r in screen.info.resources} <= {"UK", ""}
    app.settings.country = "auto"
    assert {r.region for r in HelpScreen(app).info.resources} >= {"US", "UK"}


@pytest.mark.parametrize("value", ["", "x" * 9, "U S", 7, None, ["US"], "ÜK"])
def test_a_damaged_country_value_gives_automatic(value):
    assert Settings.from_dict({"country": value}).country == "auto"
    assert Settings.from_dict({"country": "UK"}).country == "UK"
