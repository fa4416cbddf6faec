"""The phone column at Large and Extra large text (chat/frame.py ``_phone_width``), measured in the layout.

Social DMs and the swipe app keep an upright phone beside the profile wherever one at least
PHONE_MIN_WIDTH wide fits (1280x720 and 1920x1080 at every text size); where it does not (800x600,
Extra large with the projector setting) the chat takes the whole window."""
import pygame
import pytest
from conftest import run_until

from game.ui.chat.frame import PHONE_MIN_WIDTH, PHONE_RATIO, PHONE_WIDTH, plan_frame
from game.ui.chat.layout import MIN_MESSAGES, message_height
from game.ui.scaling import effective_scale
from game.ui.settings import TEXT_SIZES

SKINS = ("social_media", "dating_app", "messenger")


def px_of(scale):
    return lambda v: int(round(v * scale))


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080), (2560, 1440)])
@pytest.mark.parametrize("ts", [s for _, s in TEXT_SIZES])
def test_wide_windows_keep_an_upright_phone_at_every_text_size(size, ts):
    scale = effective_scale(ts, size)
    px = px_of(scale)
    win = pygame.Rect((0, 0), size)
    for skin in SKINS:
        f = plan_frame(size, skin, px)
        assert f.mode == "phone" and f.wide, (size, ts, skin)
        assert f.device.h >= PHONE_RATIO * f.device.w - 1           # upright, like a phone
        assert px(PHONE_MIN_WIDTH) <= f.device.w <= px(PHONE_WIDTH)
        assert win.contains(f.device) and win.contains(f.profile) and not f.profile.colliderect(f.device)
        assert f.chrome.w > 0 and not f.chrome.colliderect(f.device)  # room for Pause outside the phone


def test_the_medium_phone_is_unchanged():
    for size in [(1280, 720), (1920, 1080)]:
        scale = effective_scale(TEXT_SIZES[1][1], size)
        f = plan_frame(size, "social_media", px_of(scale))
        assert f.device.w == px_of(scale)(PHONE_WIDTH)                 # full phone width
        assert abs(f.device.x - (size[0] - f.profile.right)) <= 2     # the pair centred


@pytest.mark.parametrize("size,ts,projector", [((800, 600), 3, False), ((800, 600), 1, False),
                                               ((1920, 1080), 3, True), ((1280, 720), 3, True),
                                               ((1920, 1080), 2, True)])
def test_where_no_phone_fits_the_chat_takes_the_window(size, ts, projector):
    f = plan_frame(size, "social_media", px_of(effective_scale(TEXT_SIZES[ts][1], size, projector)))
    assert f.mode == "full"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_extra_large_chat_in_the_phone_lays_out(app, chat_factory, size):
    app.settings.text_size = 3
    app.apply_settings(save=False)
    app.resize(size)
    chat = chat_factory("first-dm")
    assert run_until(app, lambda: chat.choice_buttons and not chat.conv.pending)
    app.tick([])
    assert chat.frame.mode == "phone" and chat.pause_outside
    assert chat.frame.device.contains(chat.r_header) and chat.frame.device.contains(chat.r_composer)
    assert chat.r_view.h >= MIN_MESSAGES * message_height(chat) - 1
    for b in chat.header_buttons:
        assert b is chat.b_pause or chat.r_header.contains(b.rect)     # one header row: Safety beside the name
