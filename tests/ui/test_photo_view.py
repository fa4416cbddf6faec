"""A profile photo opened big (screens/photo_view.py) without confusing opening and flagging.

The "View photo" chip sits under the photo, inside its card; a click on the chip (or Tab to it and
Enter, or V on the focused card) opens the view; a click anywhere else on the card flags, as before.
In the view F flags and unflags (the button says which), Escape, V, Close or a click outside close."""
import pygame
import pytest
from conftest import click, key, run_until

from game.play.chat_view import PHOTO_VIEW
from game.ui.screens.chat import ChatScreen
from game.ui.screens.photo_view import PhotoViewScreen

SCENARIO = "age-keeps-changing"        # tyler.m: one profile photo (a gym selfie with "@marc.lifts...")


def _chat(app, chat_factory, size=(1280, 720), ts=1):
    app.settings.text_size = ts
    app.apply_settings(save=False)
    app.resize(size)
    chat = chat_factory(SCENARIO)
    assert run_until(app, lambda: chat.choice_buttons and not chat.conv.pending)
    if not chat.wide:
        chat.toggle_profile()
    card = next(c for c in chat.profile_cards if c.picture is not None)
    chat._profile_into_view(card)
    chat._scroll_profile(card.chip.bottom - chat.r_profile.bottom + 20)   # the chip too
    app.tick([])
    return chat, card


def test_the_chip_is_under_the_photo_inside_its_card(app, chat_factory):
    chat, card = _chat(app, chat_factory)
    assert card.rect.contains(card.photo) and card.rect.contains(card.chip)
    assert card.chip.top >= card.photo.bottom                 # it covers no part of the picture
    assert chat.r_profile.contains(card.chip)
    assert all(not c.chip.w for c in chat.profile_cards if c.picture is None)
    targets = chat._zones()["profile"]
    assert ("photo", card) in targets and len(targets) == len(chat.profile_cards) + sum(
        c.picture is not None for c in chat.profile_cards)


def test_a_click_on_the_chip_opens_a_click_on_the_card_flags(app, chat_factory):
    chat, card = _chat(app, chat_factory)
    app.tick(click(card.chip.center))
    assert isinstance(app.top, PhotoViewScreen) and not chat.conv.is_flagged(card.item_id)
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is chat and not chat.conv.is_flagged(card.item_id)
    app.tick(click(card.photo.center))                        # the photo itself is part of the card: a flag
    assert chat.conv.is_flagged(card.item_id) and app.top is chat


def test_keyboard_opens_and_closes_it(app, chat_factory):
    chat, card = _chat(app, chat_factory)
    i = chat._zones()["profile"].index(("profile", card))
    chat._set_focus("profile", i)
    app.tick([key(pygame.K_v)])                               # V on the focused card
    assert isinstance(app.top, PhotoViewScreen)
    app.tick([key(pygame.K_v)])                               # V again closes
    assert app.top is chat
    app.tick([key(pygame.K_DOWN)])                            # from the card to its chip
    assert chat._current() == ("photo", card)
    app.tick([key(pygame.K_RETURN)])
    assert isinstance(app.top, PhotoViewScreen) and not chat.conv.is_flagged(card.item_id)
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is chat
    app.tick([key(pygame.K_f)])                               # F on the chip still flags the card
    assert chat.conv.is_flagged(card.item_id) and app.top is chat


def test_flag_and_unflag_in_the_view_say_what_they_do(app, chat_factory):
    chat, card = _chat(app, chat_factory)
    chat.open_photo(card)
    view = app.top
    app.tick([])
    assert view.b_flag.label == PHOTO_VIEW["flag"]
    app.tick([key(pygame.K_f)])
    assert chat.conv.is_flagged(card.item_id) and view.b_flag.label == PHOTO_VIEW["unflag"]
    assert chat.conv.events[-1] == {**chat.conv.events[-1], "type": "flag", "id": card.item_id}
    app.tick(click(view.b_flag.rect.center))
    assert not chat.conv.is_flagged(card.item_id) and view.b_flag.label == PHOTO_VIEW["flag"]
    app.tick(click((2, app.size[1] - 2)))                    # outside the card: closes
    assert app.top is chat


@pytest.mark.parametrize("size,ts", [((1280, 720), 1), ((1920, 1080), 1), ((800, 600), 3)])
def test_the_photo_is_bigger_than_in_the_profile_and_fits(app, chat_factory, size, ts):
    chat, card = _chat(app, chat_factory, size, ts)
    chat.open_photo(card)
    app.tick([])
    view = app.top
    win = pygame.Rect((0, 0), size)
    assert win.contains(view.card) and view.card.contains(view.photo)
    assert view.photo.w >= card.photo.w and view.photo.h >= card.photo.h
    if size != (800, 600):
        assert view.photo.w > 1.4 * card.photo.w                 # big enough to read the corner's username
    for b in view.buttons:
        assert view.card.contains(b.rect) and not b.rect.colliderect(view.photo)
    iw, ih = view.image.get_size()
    assert abs(view.photo.w / view.photo.h - iw / ih) < 0.02  # never cropped or stretched
    for hc in (False, True):
        app.settings.high_contrast = hc
        app.apply_settings(save=False)
        app.tick([])
        app.draw()


def test_a_chat_screen_never_opens_a_view_for_a_card_without_a_photo(app, chat_factory):
    chat, _card = _chat(app, chat_factory)
    plain = next(c for c in chat.profile_cards if c.picture is None)
    chat.open_photo(plain)
    assert isinstance(app.top, ChatScreen)
