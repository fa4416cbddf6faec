"""The message request as a card in the reply area (chat/request.py), measured in the layout.

The card shows who is asking (avatar, name, the first line of their profile), the context, Accept and
Decline side by side and what declining does; on a short window it drops the optional parts but
never the buttons or the decline line; clicks and keys 1 / 2 still accept and decline."""
import pygame
import pytest
from conftest import click, key, run_until

from game.play.chat_view import REQUEST_DECLINE_AS
from game.ui.chat import request
from game.ui.chat.layout import MIN_MESSAGES, message_height

CASES = [((1280, 720), 1), ((1920, 1080), 1), ((800, 600), 3), ((1280, 720), 3), ((1920, 1080), 3)]


def _request(app, chat_factory, size, ts):
    app.settings.text_size = ts
    app.apply_settings(save=False)
    app.resize(size)
    chat = chat_factory("model-scout")
    assert run_until(app, lambda: chat.choice_buttons and not chat.conv.pending)
    app.tick([])
    return chat


@pytest.mark.parametrize("size,ts", CASES)
def test_the_card_fits_with_both_buttons_and_what_declining_does(app, chat_factory, size, ts):
    chat = _request(app, chat_factory, size, ts)
    card = chat.request_card
    assert card is not None and request.is_request(chat.choice_buttons)
    win = pygame.Rect((0, 0), size)
    assert chat.r_composer.contains(card.rect) and win.contains(chat.r_composer)
    accept, decline = chat.choice_buttons
    for b in (accept, decline):
        assert card.rect.contains(b.rect) and b.rect.h >= chat.theme.px(48) - 1
    assert not accept.rect.colliderect(decline.rect)
    note = card.rows["note"]
    assert card.rect.contains(note) and note.top >= max(accept.rect.bottom, decline.rect.bottom)
    # the messages keep their room; a reply area too short for any card keeps one message in view
    assert chat.r_view.h >= (MIN_MESSAGES if card.parts else 1) * message_height(chat) - 1
    rows = [card.rows[p] for p in card.parts]
    for i, r in enumerate(rows):                                      # parts never overlap
        assert all(not r.colliderect(o) for o in rows[i + 1:]) and not r.colliderect(accept.rect)


def test_a_roomy_window_shows_the_whole_card_side_by_side(app, chat_factory):
    chat = _request(app, chat_factory, (1280, 720), 1)
    assert set(chat.request_card.parts) == set(request.PARTS)
    accept, decline = chat.choice_buttons
    assert accept.rect.y == decline.rect.y and accept.rect.right < decline.rect.x
    words = chat.view.request_words()
    assert words["decline_note"] == "Decline ends the chat, and novastar.scout.elle isn't told."
    assert chat.view.request_profile_line().startswith("Elle")      # the first profile item: the bio


def test_a_short_window_drops_the_optional_parts_first(app, chat_factory):
    chat = _request(app, chat_factory, (800, 600), 3)
    kept = chat.request_card.parts
    assert kept == request.PARTS[len(request.PARTS) - len(kept):]    # dropped from the front of PARTS


def test_the_card_draws_in_normal_and_high_contrast(app, chat_factory):
    chat = _request(app, chat_factory, (1280, 720), 1)
    for hc in (False, True):
        app.settings.high_contrast = hc
        app.apply_settings(save=False)
        app.tick([])
        app.draw()
        surface = app.surface
        r = chat.request_card.rect
        colours = {tuple(surface.get_at((x, r.centery))) for x in range(r.x, r.right, 3)}
        assert len(colours) > 3                                      # something is drawn there


def test_click_accept_shows_the_replies(app, chat_factory):
    chat = _request(app, chat_factory, (1280, 720), 1)
    app.tick(click(chat.choice_buttons[0].rect.center))
    assert chat.choice_buttons[0].ident == "choice1" and chat.request_card is None
    assert not chat.conv.ended


def test_key_2_declines_as_leave(app, chat_factory):
    chat = _request(app, chat_factory, (1920, 1080), 1)
    app.tick([key(pygame.K_2)])
    assert chat.conv.ended and chat.conv.events[-1]["how"] == REQUEST_DECLINE_AS
    assert chat.request_card is None
