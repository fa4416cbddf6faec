"""The scenario picker: every scenario listed, keyboard and mouse, played marks, no spoilers."""
import pygame
import pytest
from conftest import click, key

from game.command_language import read_script
from game.library import find_scenario, load_library
from game.play import catalogue
from game.play.catalogue import content_notes, one_per_locale
from game.session import Session, run_script
from game.ui.screens import picker as picker_mod
from game.ui.screens.picker import PickerScreen, StartChatDialog


@pytest.fixture
def picker(app):
    app.show_start()
    p = app.push(PickerScreen(app))
    app.tick([])
    return p


@pytest.fixture
def started(monkeypatch):
    """Record the sessions the picker starts (scenario, options); the chat opens on a plain session."""
    calls = []

    def start(ref, options):
        calls.append((ref, options))
        return Session(find_scenario(ref), seed=1)

    monkeypatch.setattr(picker_mod.sessions, "start", start)
    return calls


def test_lists_every_library_scenario_grouped_by_platform(picker):
    lib = load_library()
    # a chat that ships in both locales shows once (the original while the country is automatic)
    shown = one_per_locale(lib.scenarios, None)
    assert len(shown) < len(lib.scenarios)
    assert sorted(c.scenario.id for c in picker.cards) == sorted(s.id for s in shown)
    assert [p for p, _y, _n in picker.sections] == ["game_chat", "social_media", "dating_app"]
    # in order: every card of a platform comes before the next platform's
    platforms = [c.scenario.platform for c in picker.cards_in_order]
    assert platforms == sorted(platforms, key=["game_chat", "social_media", "dating_app"].index)


def test_enter_opens_the_dialog_then_starts_the_chat(app, picker, started):
    first = picker.focus.current
    assert first is picker.cards_in_order[0]
    app.tick([key(pygame.K_RETURN)])
    assert isinstance(app.top, StartChatDialog)
    assert app.top.scenario is first.scenario
    app.tick([key(pygame.K_RETURN)])
    assert [ref for ref, _ in started] == [first.scenario.id]


def test_escape_in_the_dialog_goes_back(app, picker, started):
    app.tick([key(pygame.K_RETURN), key(pygame.K_ESCAPE)])
    assert app.top is picker and started == []


def test_arrows_move_through_the_grid_and_scroll(app, picker, started):
    cards = picker.cards_in_order
    app.tick([key(pygame.K_DOWN)])
    below = picker.focus.current
    assert below.box.top > cards[0].box.top
    app.tick([key(pygame.K_RIGHT)])
    assert picker.focus.current is cards[cards.index(below) + 1]
    app.tick([key(pygame.K_END)])
    assert picker.focus.current is cards[-1]
    assert picker.scroller.offset > 0
    view = picker.scroller.view
    assert view.top <= cards[-1].rect.top and cards[-1].rect.bottom <= view.bottom
    app.tick([key(pygame.K_RETURN), key(pygame.K_RETURN)])
    assert [ref for ref, _ in started] == [cards[-1].scenario.id]


def test_tab_visits_back_the_ages_filter_and_every_card(app, picker):
    seen = set()
    for _ in range(len(picker.cards) + 2):
        app.tick([key(pygame.K_TAB)])
        seen.add(getattr(picker.focus.current, "ident", None))
    assert {c.scenario.id for c in picker.cards} | {"back", "ages"} == seen


def test_tap_opens_the_dialog_but_a_drag_scrolls(app, picker, started):
    card = picker.cards_in_order[1]
    app.tick(click(card.rect.center))
    assert isinstance(app.top, StartChatDialog) and app.top.scenario is card.scenario
    app.tick([key(pygame.K_ESCAPE)])
    x, y = picker.cards_in_order[3].rect.center
    app.tick([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1),
              pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y - 150), rel=(0, -150), buttons=(1, 0, 0)),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y - 150), button=1)])
    assert app.top is picker
    assert picker.scroller.offset == 150


def test_wheel_scrolls(app, picker):
    pygame.mouse.set_pos(picker.scroller.view.center)
    app.tick([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-2, precise_x=0.0, precise_y=-2.0, flipped=False)])
    assert picker.scroller.offset > 0


def test_back_returns_to_start(app, picker):
    from game.ui.screens.start import StartScreen

    app.tick([key(pygame.K_ESCAPE)])
    assert isinstance(app.top, StartScreen)


def test_real_chat_opens_with_the_players_nickname(app, picker):
    from game.ui.screens.chat import ChatScreen
    from game.ui.screens.check import CheckOfferDialog

    app.player, app.class_code = "kiwi", "7C"
    app.tick([key(pygame.K_RETURN), key(pygame.K_RETURN)])
    assert isinstance(app.top, CheckOfferDialog)         # a new player is offered the check first
    app.tick([key(pygame.K_2)])                           # "Not now"
    assert isinstance(app.top, ChatScreen)
    rec = app.top.session.recorder
    assert rec is not None and (rec.player, rec.class_code) == ("kiwi", "7C")


def test_played_and_best_marks_come_from_this_devices_results(app, private_data_dir):
    from game.results.recorder import open_recorder

    scenario = find_scenario("first-dm")
    totals = []
    for script in ("worst", "best"):
        session = Session(scenario, seed=1)
        session.recorder = open_recorder(data_dir=private_data_dir, scenario=scenario, seed=1)
        session.start()
        from pathlib import Path

        text = (Path(__file__).resolve().parent.parent / "golden" / "first-dm" / f"{script}.script").read_text()
        run_script(session, list(read_script(text.splitlines())))
        totals.append(session.finish()["score"]["total"])
    p = app.push(PickerScreen(app))
    app.tick([])
    card = next(c for c in p.cards if c.scenario.id == "first-dm")
    assert card.played == (2, max(totals))
    assert p._played_text(card) == f"Played · best {max(totals)}"
    others = [c for c in p.cards if c.scenario.id != "first-dm"]
    assert all(c.played is None and p._played_text(c) == "New" for c in others)


def test_no_card_or_dialog_gives_away_a_safe_chat(app, picker):
    """Benign scenarios must look like any other before they are played."""
    for card in picker.cards:
        notes = content_notes(card.scenario)
        assert notes
        for n in notes:
            assert not catalogue._SPOILER_NOTE.search(n)
        dialog = StartChatDialog(app, card.scenario, lambda: None)
        app.push(dialog)
        app.tick([])
        app.pop()


@pytest.mark.parametrize("size,text_size", [((800, 600), 3), ((640, 480), 1), ((1280, 720), 0)])
def test_cards_fit_the_window(app, picker, size, text_size):
    app.settings.text_size = text_size
    app.apply_settings(save=False)
    app.resize(size)
    app.tick([])
    for c in picker.cards:
        assert c.box.left >= 0 and c.box.right <= size[0]
        assert c.box.bottom <= picker.scroller.content_h
    app.tick([key(pygame.K_RETURN)])
    d = app.top
    assert isinstance(d, StartChatDialog)
    assert d.card.left >= 0 and d.card.right <= size[0] and d.card.bottom <= size[1]
    for b in d.buttons:
        assert d.card.contains(b.rect)


def test_idle_picker_does_not_redraw(app, picker):
    app.tick([])
    assert app.tick([]) is False


def test_a_player_in_a_country_sees_that_country_s_version_of_a_two_language_chat(app, monkeypatch):
    monkeypatch.delenv("REDFLAGS_COUNTRY", raising=False)
    for country, shown, hidden in (("US", "first-dm-us", "first-dm"), ("UK", "quick-follow-back-gb",
                                                                      "quick-follow-back")):
        app.settings.country = country
        ids = {c.scenario.id for c in PickerScreen(app).cards}
        assert shown in ids and hidden not in ids, country
