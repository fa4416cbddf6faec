"""The practice chat: once per nickname, skippable, never stored; flagging has a ripple and a sound."""
import sqlite3

import pygame
from conftest import key, run_until

from game import paths
from game.play import onboarding
from game.play.options import PlayOptions
from game.results import location
from game.ui.chat.flagfx import DURATION, FlagEffects
from game.ui.screens.picker import PickerScreen
from game.ui.screens.start import StartScreen
from game.ui.screens.tutorial import TutorialScreen
from game.validator import check_file


def press_play(app, nickname=None):
    app.show_start()
    app.tick([])
    start = app.top
    assert isinstance(start, StartScreen)
    if nickname:
        start.nick.set_text(nickname)
        app.tick([])
    start.go_play()
    app.tick([])
    return app.top


def test_the_practice_chat_is_a_clean_scenario():
    _, findings = check_file(paths.DATA_DIR / "tutorial.yaml")
    assert findings == [], [d.format() for d in findings]


def test_once_per_nickname_and_skippable(app, private_data_dir):
    tut = press_play(app, "kiwi")
    assert isinstance(tut, TutorialScreen)
    app.tick([key(pygame.K_k)])                           # skip
    assert isinstance(app.top, PickerScreen) and isinstance(app.stack[0], StartScreen)
    assert not isinstance(press_play(app, "kiwi"), TutorialScreen)      # never again for kiwi
    assert not isinstance(press_play(app, "KIWI"), TutorialScreen)
    assert isinstance(press_play(app, "mango"), TutorialScreen)         # a new nickname meets it
    # what is remembered says nothing about who: no nickname in the store
    with sqlite3.connect(location.db_path(private_data_dir)) as db:
        dump = "\n".join(db.iterdump()).casefold()
        assert "kiwi" not in dump and "mango" not in dump
        assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0    # nothing stored, no score
    assert onboarding.seen(PlayOptions(data_dir=str(private_data_dir)), "Kiwi")
    assert not onboarding.seen(PlayOptions(data_dir=str(private_data_dir)), "lime")


def test_played_through_it_ticks_off_flagging_the_profile_and_the_exit(app, private_data_dir):
    tut = press_play(app, "pixel")
    assert tut.current_step() == 0 and tut.skin == "social_media"
    assert run_until(app, lambda: not tut.conv.pending, dt=0.2)
    odd = next(e["id"] for e in tut.conv.events if e["type"] == "deliver" and e["red_flags"])
    tut.toggle_flag(odd)
    assert tut.current_step() == 1
    assert tut.flag_fx.active() and tut.animating               # the ripple runs at full frame rate
    tut.toggle_flag("profile.joined")
    assert tut.current_step() == 2
    tut.end_action("leave")
    app.tick([])
    assert tut.current_step() == 3 and tut.end_button is not None and tut.end_button.label == "Start playing"
    tut.end_button.activate()
    assert isinstance(app.top, PickerScreen)
    with sqlite3.connect(location.db_path(private_data_dir)) as db:
        assert db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0
    assert not isinstance(press_play(app, "pixel"), TutorialScreen)


def test_a_quick_exit_from_the_practice_counts_as_seen(app, private_data_dir):
    tut = press_play(app)
    tut.quick_exit()
    assert type(app.top).__name__ == "AwayScreen"
    assert not isinstance(press_play(app), TutorialScreen)


def test_the_flag_ripple_lasts_a_moment_and_unflagging_stops_it():
    now = [100.0]
    fx = FlagEffects(clock=lambda: now[0])
    fx.start("intro.1")
    assert fx.active() and fx.progress("intro.1") == 0.0
    now[0] += DURATION / 2
    assert 0.4 < fx.progress("intro.1") < 0.6
    now[0] += DURATION
    assert not fx.active() and fx.progress("intro.1") is None
    fx.start("intro.2")
    fx.stop("intro.2")
    assert not fx.active()


def test_a_short_window_gets_a_one_line_coach(settings, private_data_dir):
    from game.ui.app import App
    from game.ui.routes import ROUTES

    settings.text_size = 3                                   # Extra large
    small = App(settings, size=(800, 600), routes=ROUTES)
    try:
        tut = press_play(small)
        assert isinstance(tut, TutorialScreen) and tut.compact
        assert tut.r_coach.h <= small.kit.line_height("body") * 2.5
        assert tut.r_view.top >= tut.r_coach.bottom          # the card never covers a message
        small.draw()
    finally:
        small.close()
