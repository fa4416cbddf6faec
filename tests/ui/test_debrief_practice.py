"""The debrief shows the replies not picked and starts a practice run from any decision."""
import pygame
from conftest import click, key, run_until
from test_screens_debrief import open_debrief, play

from game.debrief import replay_words
from game.play.practice import PRACTICE_LINE, PRACTICE_NOTE
from game.ui.screens.chat import ChatScreen
from game.ui.screens.debrief import DebriefScreen


def test_the_replies_not_picked_are_on_the_page(app):
    session, result = play("first-dm", "worst")
    screen = open_debrief(app, session, result)
    choices = [e for e in session.conv.events if e["type"] in ("choices", "choice")]
    offered = None
    for e in choices:
        if e["type"] == "choices":
            offered = e["options"]
        else:
            for o in offered:
                if o["index"] != e["index"]:
                    assert f"“{o['text']}”" in screen.texts
    assert replay_words()["others"] in screen.texts
    assert len(screen.retry_buttons) == sum(1 for e in choices if e["type"] == "choice")


def test_try_again_opens_a_practice_chat_and_its_debrief_says_so(app):
    session, result = play("first-dm", "worst")
    screen = open_debrief(app, session, result)
    button = screen.retry_buttons[0]
    screen.scroller.ensure_visible(button.box.y, button.box.bottom, 20)
    app.tick([pygame.event.Event(pygame.MOUSEMOTION, pos=(1, 1), rel=(0, 0), buttons=(0, 0, 0))])
    app.tick(click(button.rect.center))
    chat = app.top
    assert isinstance(chat, ChatScreen) and chat.session.practice == 0 and chat.session.recorder is None
    assert any(getattr(item, "text", "") == PRACTICE_LINE for item in chat.view.lines)
    assert run_until(app, lambda: chat.choice_buttons)
    app.tick([key(pygame.K_2)])                   # another reply than the first time
    chat.end_action("leave")
    app.tick([])
    chat.show_debrief()
    app.tick([])
    again = app.top
    assert isinstance(again, DebriefScreen) and again.practice == 0
    assert PRACTICE_NOTE in again.texts


def test_tab_reaches_a_retry_button_and_scrolls_to_it(app):
    session, result = play("first-dm", "worst")
    screen = open_debrief(app, session, result)
    for _ in range(len(screen.buttons) + 1):
        app.tick([key(pygame.K_TAB)])
    assert screen.focus.current is screen.retry_buttons[0]
    view = screen.scroller.view
    assert view.top <= screen.retry_buttons[0].rect.top and screen.retry_buttons[0].rect.bottom <= view.bottom
