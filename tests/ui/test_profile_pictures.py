"""Drawn avatars and profile photos in the chat: the picture is shown, initials only as a fallback."""
import pygame

from game.library import find_scenario


def _card(chat, item_id):
    return next(c for c in chat.profile_cards if c.item_id == item_id)


def test_a_profile_photo_is_shown_in_its_card(chat_factory, app):
    chat = chat_factory("age-keeps-changing")
    card = _card(chat, "profile.photos")
    assert card.picture is not None and card.picture.name == "tyler_m.png"
    assert card.item.text == "1 photo"     # the words say what a profile says; the picture shows the clue
    without = _card(chat, "profile.joined")
    assert without.picture is None
    w = card.rect.w - 2 * chat.theme.px(12)
    assert card.h >= without.h + card.picture_size(w)[1]
    app.tick([])
    shot = app.surface.copy()
    # the photo's pixels are on the screen inside the card: not the card's plain background
    pw, ph = card.picture_size(w)
    inside = pygame.Rect(card.rect.x + chat.theme.px(12), card.rect.bottom - ph - chat.theme.px(8), pw, ph)
    inside = inside.clip(chat.r_profile)
    colours = {tuple(shot.get_at((x, y)))[:3] for x in range(inside.x, inside.right, 7)
               for y in range(inside.y, inside.bottom, 7)}
    assert len(colours) > 20


def test_the_avatar_is_the_drawn_picture_and_initials_only_without_one(chat_factory):
    chat = chat_factory("first-dm")
    assert chat.stranger_picture is not None and chat.stranger_picture.name == "jay_draws.png"
    drawn = chat.avatars.get(chat.stranger_name, 64, chat.stranger_picture)
    initials = chat.avatars.get(chat.stranger_name, 64, None)
    assert pygame.image.tobytes(drawn, "RGBA") != pygame.image.tobytes(initials, "RGBA")
    # a picture that cannot be shown falls back to initials
    missing = chat.avatars.get(chat.stranger_name, 64, chat.stranger_picture.with_name("not-there.png"))
    assert pygame.image.tobytes(missing, "RGBA") == pygame.image.tobytes(initials, "RGBA")


def test_every_profile_photo_of_the_library_resolves(app):
    from game.session import Session
    from game.ui.screens.chat import ChatScreen
    for sid in ("fresh-start", "quick-follow-back", "model-scout", "cabin-seven"):
        chat = ChatScreen(app, Session(find_scenario(sid), seed=1))
        assert any(c.picture is not None for c in chat.profile_cards), sid


def test_the_dating_apps_big_photo_card_shows_the_first_profile_photo(chat_factory, app):
    chat = chat_factory("age-keeps-changing")            # dating app; tyler.m's one photo is the clue
    assert chat.skin == "dating_app"
    drawn = []
    real = chat.avatars.photo_card

    def spy(name, w, h, radius, picture=None):
        card = real(name, w, h, radius, picture)
        drawn.append(((name, w, h, radius), picture, pygame.image.tobytes(card, "RGBA")))
        return card

    chat.avatars.photo_card = spy
    chat.dirty = True
    app.tick([])
    size, picture, pixels = next(d for d in drawn if d[0][0] == chat.scenario.stranger.name)
    first = next(c.picture for c in chat.profile_cards if c.picture is not None)
    assert picture == first and picture.name == "tyler_m.png" and picture != chat.stranger_picture
    avatar = real(*size, chat.stranger_picture)
    assert pixels != pygame.image.tobytes(avatar, "RGBA")    # not the avatar cut to the card's shape
