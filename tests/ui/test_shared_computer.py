"""A shared computer: what the start screen and picker show belongs to the nickname in use,
and the quick exit lands on a neutral page that does not say Red Flags."""
import re

import pygame
from conftest import key

from game import paths
from game.play import sessions
from game.play.options import PlayOptions
from game.ui.screens.away import AwayScreen, away_words
from game.ui.screens.picker import PickerScreen
from game.ui.screens.start import StartScreen


def finished_chat(data_dir, player):
    s = sessions.start("first-dm", PlayOptions(seed=3, data_dir=data_dir, player=player))
    s.deliver_all()
    s.execute_line("block")
    return s.finish()["score"]["total"]


def picker_marks(app, player):
    app.player = player
    p = app.push(PickerScreen(app))
    app.tick([])
    card = next(c for c in p.cards if c.scenario.id == "first-dm")
    app.pop()
    return card.played


def test_played_and_best_belong_to_the_nickname_in_use(app, private_data_dir):
    total = finished_chat(private_data_dir, "kiwi")
    assert picker_marks(app, "kiwi") == (1, total)
    assert picker_marks(app, "KIWI") == (1, total)        # nicknames match without case
    assert picker_marks(app, "mango") is None             # the next student at this computer sees nothing
    assert picker_marks(app, None) is None                # nor does someone without a nickname
    anonymous = finished_chat(private_data_dir, None)
    assert picker_marks(app, None) == (1, anonymous)
    assert picker_marks(app, "kiwi") == (1, total)


def test_the_quick_exit_lands_on_a_neutral_page(app, chat_factory):
    chat = chat_factory("first-dm")
    chat.quick_exit()
    away = app.top
    assert isinstance(away, AwayScreen) and len(app.stack) == 1     # nothing of the chat is left below
    assert pygame.display.get_caption()[0] == "Notes"
    heading, items = away_words()
    page = (paths.DATA_DIR.parent / "server" / "static" / "play" / "away.html").read_text(encoding="utf-8")
    assert heading == "Notes" and items and all(i in page for i in items)   # the browser's page, word for word
    assert not any(re.search("red flag", w, re.I) for w in (heading, *items))
    app.tick([])
    app.tick([key(pygame.K_q), key(pygame.K_RETURN), key(pygame.K_SPACE)])   # keys do nothing
    assert app.top is away
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is away
    app.tick([key(pygame.K_ESCAPE)])                                   # Escape twice: back to the start
    assert isinstance(app.top, StartScreen)
    assert pygame.display.get_caption()[0] == "Red Flags"
