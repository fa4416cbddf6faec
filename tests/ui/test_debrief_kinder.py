"""The kinder debrief: after an unsafe ending it leads with what happened, what to do and where to get help."""
import pygame
from conftest import key
from test_screens_debrief import open_debrief, play

from game.debrief import FIRST_STEPS


def _index(texts, text):
    return next(i for i, t in enumerate(texts) if text in t)


def test_an_unsafe_ending_leads_with_what_to_do_and_help_before_the_score(app):
    session, result = play("first-dm", "worst")
    assert result["ending"]["outcome"] == "unsafe"
    screen = open_debrief(app, session, result)
    texts = screen.texts
    ending = _index(texts, screen.debrief.ending.title)
    steps = _index(texts, "What to do now")
    help_ = _index(texts, "Where to get help")
    fault = _index(texts, screen.debrief.help.never_your_fault[0])
    resource = _index(texts, screen.debrief.help.resources[0].name)
    score = _index(texts, f"{result['score']['total']} / 100")
    assert ending < steps < help_ < fault < resource < score
    for step in FIRST_STEPS:
        assert step in texts
    # the "tell an adult" sentence is said once, in the steps
    assert not any("Tell an adult you trust: a parent" in t for t in texts)


def test_the_score_after_an_unsafe_ending_is_small(app):
    session, result = play("first-dm", "worst")
    screen = open_debrief(app, session, result)
    assert "How this chat scored" in screen.texts and screen.debrief.help_first
    assert screen.total_style == "heading"                # not the display size of a good ending
    session, result = play("first-dm", "best")
    assert open_debrief(app, session, result).total_style == "display"


def test_a_safe_ending_keeps_the_score_first_and_the_help_last(app):
    session, result = play("first-dm", "best")
    screen = open_debrief(app, session, result)
    texts = screen.texts
    assert not screen.debrief.help_first and "What to do now" not in texts
    assert _index(texts, f"{result['score']['total']} / 100") < _index(texts, "Where to get help")
    assert _index(texts, "Where to get help") == max(i for i, t in enumerate(texts) if t == "Where to get help")


def test_get_help_is_in_the_footer_and_scrolls_to_the_help(app):
    for script in ("best", "worst", "block-at-once"):
        session, result = play("first-dm", script)
        screen = open_debrief(app, session, result)
        assert [b.ident for b in screen.buttons][0] == "help"
        assert screen.buttons[0].label == "Get help"
        screen.get_help()
        app.tick([])
        top, bottom = screen.scroller.offset, screen.scroller.offset + screen.scroller.view.h
        assert top <= screen.help_y < bottom, script
        app.tick([key(pygame.K_HOME)])
        app.tick([key(pygame.K_h)])                       # H presses it too
        assert screen.scroller.offset > 0 or screen.help_y < screen.scroller.view.h
        app.show_start()


def test_a_blocked_safe_friend_hears_not_everyone_is_a_threat_once(app):
    session, result = play("lost-charger", "block-at-once")
    screen = open_debrief(app, session, result)
    assert sum("Not everyone online is a threat" in t for t in screen.texts) == 1


def test_after_an_unsafe_ending_the_tally_leaves_out_counts_of_nothing(app):
    session, result = play("first-dm", "worst")                 # unsafe: nothing spotted, 6 missed
    screen = open_debrief(app, session, result)
    assert "Missed 6" in screen.texts
    assert not any(t.startswith("Spotted 0") for t in screen.texts)
    # the same rule as the core's (and the browser's): a good ending still counts "Missed × 0"
    session, result = play("first-dm", "best")
    texts = open_debrief(app, session, result).texts
    assert "Spotted 6" in texts and "Missed 0" in texts
