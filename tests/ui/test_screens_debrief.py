"""The debrief: every red flag of a real result marked, the help resources, the buttons."""
from pathlib import Path

import pygame
import pytest
from conftest import click, key

from game.command_language import read_script
from game.library import find_scenario
from game.session import Session, run_script
from game.taxonomy import load_help
from game.ui.screens.chat import ChatScreen
from game.ui.screens.debrief import FALSE_ALARM, MISSED, SPOTTED, DebriefScreen
from game.ui.screens.picker import PickerScreen
from game.ui.screens.start import StartScreen

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def play(scenario_id, script=None, lines=None, seed=1):
    """A real Session driven by a script; returns (session, result)."""
    scenario = find_scenario(scenario_id)
    session = Session(scenario, seed=seed)
    session.start()
    if script is not None:
        lines = (GOLDEN / scenario_id / f"{script}.script").read_text(encoding="utf-8").splitlines()
    run_script(session, list(read_script(lines or [])))
    return session, session.finish()


def open_debrief(app, session, result):
    app.show_debrief(result, session.conv, scenario=session.scenario, session=session)
    app.tick([])
    assert isinstance(app.top, DebriefScreen)
    return app.top


@pytest.mark.parametrize("scenario_id,script", [
    ("generous-teammate", "worst"), ("generous-teammate", "best"), ("first-dm", "report"),
    ("quick-follow-back", "worst"), ("squad-up", "best"), ("classmate-in-lobby", "worst"),
])
def test_every_hit_miss_and_false_alarm_is_marked(app, scenario_id, script):
    session, result = play(scenario_id, script)
    screen = open_debrief(app, session, result)
    expected = {i: SPOTTED for i in result["hits"]}
    expected.update({i: MISSED for i in result["misses"]})
    expected.update({i: FALSE_ALARM for i in result["false_alarms"]})
    assert screen.marked == expected
    # each marked message's text is on the page
    for ev in session.conv.events:
        if ev["type"] == "deliver" and ev["id"] in expected:
            assert any(ev["text"] in t for t in screen.texts), ev["text"]


def test_missed_flags_have_their_explanation(app):
    session, result = play("generous-teammate", "worst")
    assert result["misses"]
    screen = open_debrief(app, session, result)
    reviews = {i.id: i for i in screen.debrief.items}
    for item_id in result["misses"]:
        why = " ".join(reviews[item_id].why.split())
        assert why and why in screen.texts


def test_help_resources_and_never_your_fault_wording(app):
    session, result = play("first-dm", "worst")
    screen = open_debrief(app, session, result)
    info = screen.debrief.help                  # the help of the scenario's country (first-dm is en-GB)
    assert info.country == "UK" and {r.region for r in info.resources} == {"UK"}
    for other in load_help().resources:
        if other.region == "US":
            assert other.name not in screen.texts
    for sentence in info.never_your_fault:
        assert sentence in screen.texts
    for r in info.resources:
        assert r.name in screen.texts
        assert r.purpose in screen.texts
        if r.website:
            assert r.website in screen.texts


def test_score_parts_ending_and_questions(app):
    session, result = play("generous-teammate", "best")
    screen = open_debrief(app, session, result)
    d = screen.debrief
    assert d.ending is not None and d.ending.title in screen.texts
    assert d.headline in screen.texts
    assert f"{result['score']['total']} / 100" in screen.texts
    for part in d.parts:
        assert part.meaning in screen.texts
        assert f"{part.name}: {round(part.value * 100)}%" in screen.texts
    for q in d.questions:
        assert " ".join(q.split()) in screen.texts


def test_a_safe_person_is_called_safe(app):
    session, result = play("squad-up", "best")
    screen = open_debrief(app, session, result)
    name = session.scenario.stranger.name
    assert f"{name} was safe" in screen.texts
    assert " ".join(session.scenario.debrief.summary.split()) in screen.texts


def test_false_alarms_are_explained_kindly(app):
    session, result = play("squad-up", lines=["flag intro.0", "1"])
    assert result["false_alarms"] == ["intro.0"]
    screen = open_debrief(app, session, result)
    assert screen.marked["intro.0"] == FALSE_ALARM
    review = next(i for i in screen.debrief.items if i.id == "intro.0")
    assert review.why in screen.texts and "careful is good" in review.why


def test_what_was_shared(app):
    session, result = play("generous-teammate", "worst")
    assert result["disclosures"]
    screen = open_debrief(app, session, result)
    for kind in screen.debrief.disclosed:
        assert any(t.startswith(kind.title) for t in screen.texts)


def test_quit_is_not_scored(app):
    session, result = play("first-dm", lines=[])
    assert result["complete"] is False
    screen = open_debrief(app, session, result)
    assert "Not scored" in screen.texts


def test_keyboard_scrolls_and_reaches_the_buttons(app):
    session, result = play("generous-teammate", "worst")
    screen = open_debrief(app, session, result)
    assert screen.scroller.scrollable
    app.tick([key(pygame.K_RETURN)])           # nothing focused yet: Enter does nothing
    assert app.top is screen
    app.tick([key(pygame.K_PAGEDOWN)])
    assert screen.scroller.offset > 0
    app.tick([key(pygame.K_END)])
    assert screen.scroller.offset == screen.scroller.max_offset
    app.tick([key(pygame.K_HOME)])
    assert screen.scroller.offset == 0
    app.tick([key(pygame.K_TAB)])
    assert screen.focus.current.ident == "help"          # the footer starts with "Get help"
    app.tick([key(pygame.K_TAB)])
    assert screen.focus.current.ident == "again"
    app.tick([key(pygame.K_TAB), key(pygame.K_RETURN)])
    assert [type(s) for s in app.stack] == [StartScreen, PickerScreen]


def test_start_button(app):
    session, result = play("first-dm", "best")
    open_debrief(app, session, result)
    app.tick([key(pygame.K_TAB, pygame.KMOD_SHIFT), key(pygame.K_RETURN)])
    assert [type(s) for s in app.stack] == [StartScreen]


def test_play_again_starts_the_same_scenario_above_the_picker(app, monkeypatch):
    calls = []
    from game.play import sessions

    def start(ref, options):
        calls.append(ref)
        return Session(find_scenario(ref), seed=1)

    monkeypatch.setattr(sessions, "start", start)
    session, result = play("first-dm", "best")
    screen = open_debrief(app, session, result)
    app.tick(click(next(b for b in screen.buttons if b.ident == "again").rect.center))
    assert calls == ["first-dm"]
    assert [type(s) for s in app.stack] == [StartScreen, PickerScreen, ChatScreen]


def test_drag_and_wheel_scroll(app):
    session, result = play("generous-teammate", "worst")
    screen = open_debrief(app, session, result)
    x, y = screen.scroller.view.center
    app.tick([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1),
              pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y - 200), rel=(0, -200), buttons=(1, 0, 0)),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y - 200), button=1)])
    assert screen.scroller.offset == 200
    pygame.mouse.set_pos((x, y))
    app.tick([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, precise_x=0.0, precise_y=-1.0, flipped=False)])
    assert screen.scroller.offset > 200


@pytest.mark.parametrize("size,text_size,contrast", [((800, 600), 3, True), ((640, 480), 0, False),
                                                     ((1280, 720), 2, True)])
def test_layout_fits_every_size(app, size, text_size, contrast):
    app.settings.text_size = text_size
    app.settings.high_contrast = contrast
    app.apply_settings(save=False)
    app.resize(size)
    session, result = play("generous-teammate", "worst")
    screen = open_debrief(app, session, result)
    for b in screen.blocks:
        assert b.x >= 0 and b.x + b.surf.get_width() <= size[0]
    for b in screen.buttons:
        assert b.rect.left >= 0 and b.rect.right <= size[0] and b.rect.bottom <= size[1]
    app.tick([key(pygame.K_END)])
    app.draw()


def test_text_size_change_reflows(app):
    session, result = play("generous-teammate", "best")
    screen = open_debrief(app, session, result)
    h = screen.scroller.content_h
    app.settings.text_size = 3
    app.apply_settings(save=False)
    assert screen.scroller.content_h > h
    assert set(screen.marked) == set(result["hits"]) | set(result["misses"])


def test_idle_debrief_does_not_redraw(app):
    session, result = play("first-dm", "best")
    open_debrief(app, session, result)
    app.tick([])
    assert app.tick([]) is False
