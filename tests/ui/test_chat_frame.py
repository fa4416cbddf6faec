"""The chat's frame and sizes, measured in the layout (pure functions and rectangles), not in pixels:
phone column and game overlay, text that grows with the window, the projector setting, small screens."""
import pygame
import pytest
from conftest import click, key, run_until

from game.ui.chat.frame import plan_frame
from game.ui.chat.layout import MIN_MESSAGES, composer_height, message_height, profile_label
from game.ui.scaling import body_px, effective_scale, window_factor
from game.ui.screens.safety_menu import SafetyMenuScreen
from game.ui.settings import TEXT_SIZES
from game.ui.theme import Theme

SIZES = [(800, 600), (1280, 720), (1920, 1080)]
DEFAULT = TEXT_SIZES[1][1]


def test_body_text_grows_with_the_window():
    assert body_px(effective_scale(DEFAULT, (1280, 720))) == 19
    assert body_px(effective_scale(DEFAULT, (1920, 1080))) >= 28
    assert window_factor((800, 600)) == 1.0            # a small window never shrinks the chosen size
    assert effective_scale(TEXT_SIZES[3][1], (800, 600)) == TEXT_SIZES[3][1]


def test_projector_text_reads_from_the_back_of_a_room():
    # about one line of body text per 28 window lines on a 1080p projector (24 pt on a 768-line slide)
    assert body_px(effective_scale(DEFAULT, (1920, 1080), projector=True)) >= 1080 / 30
    assert body_px(effective_scale(DEFAULT, (1280, 720), projector=True)) > 19 * 1.3
    for ts in (s for _, s in TEXT_SIZES):               # never more than 1/20 of the window's height
        for size in [(640, 480), *SIZES]:
            assert body_px(effective_scale(ts, size, projector=True)) <= max(size[1] / 20 + 1, body_px(ts))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("ts", [s for _, s in TEXT_SIZES])
def test_frames_fit_the_window(size, ts):
    scale = effective_scale(ts, size)
    t = Theme("menu", scale=scale)
    win = pygame.Rect((0, 0), size)
    for skin in ("game_chat", "social_media", "dating_app"):
        f = plan_frame(size, skin, t.px)
        assert win.contains(f.column) and win.contains(f.device)
        if f.wide:
            assert win.contains(f.profile) and not f.profile.colliderect(f.column)
        if f.squad.w:
            assert not f.squad.colliderect(f.column) and not f.squad.colliderect(f.profile)
        # a readable column: never wider than about 75 characters of body text
        assert f.column.w <= max(t.px(700), size[0] // 2 + t.px(40)) or not f.wide


def test_phone_column_for_social_and_dating_on_wide_windows():
    for size in [(1280, 720), (1920, 1080)]:
        t = Theme("menu", scale=effective_scale(DEFAULT, size))
        for skin in ("social_media", "dating_app"):
            f = plan_frame(size, skin, t.px)
            assert f.mode == "phone" and f.wide
            assert f.device.h > 1.3 * f.device.w                  # upright, phone-shaped
            assert abs(f.device.x - (size[0] - f.profile.right)) <= 2   # the pair is centred
        g = plan_frame(size, "game_chat", t.px)
        assert g.mode == "overlay" and g.column.x > 0 and g.squad.w > 0   # the game shows around the panel
    small = plan_frame((800, 600), "social_media", Theme("menu").px)
    assert small.mode == "full" and not small.wide           # a small window is the phone


def test_composer_keeps_room_for_messages():
    msg = 80
    assert composer_height(1000, 70, 300, msg) == 300 - MIN_MESSAGES * msg   # small screen: messages keep room
    assert composer_height(1000, 70, 1000, msg) == 620                       # big screen: at most 62 %
    assert composer_height(200, 70, 500, msg) == 200
    assert composer_height(1000, 300, 350, msg) == 300       # one reply always shows, even on a tiny screen


def test_profile_cue_counts_details():
    assert profile_label(3) == "Profile · 3 details"
    assert profile_label(3, short=True) == "3 details"
    assert profile_label(1, short=True) == "1 detail"


def _reply_ready(app, chat):
    assert run_until(app, lambda: chat.choice_buttons)


@pytest.mark.parametrize("scenario", ["generous-teammate", "first-dm", "too-perfect-match"])
def test_small_screen_extra_large_text(app, chat_factory, scenario):
    chat = chat_factory(scenario)
    _reply_ready(app, chat)
    app.settings.text_size = 3
    app.apply_settings(save=False)
    app.resize((800, 600))
    app.tick([])
    assert not chat.wide
    assert f"{len(chat.profile_cards)} detail" in chat.b_profile.label     # the cue on the drawer's button
    win = pygame.Rect(0, 0, 800, 600)
    for b in chat.header_buttons:
        assert win.contains(b.rect)
    assert chat.r_view.h >= MIN_MESSAGES * message_height(chat) - 1
    chat.act(chat_command("leave"))
    app.tick([])
    assert chat.end_button is not None and win.contains(chat.end_button.rect)


def chat_command(name):
    from game.command_language import Command
    return Command(name)


def test_window_scale_follows_resizes(app, chat_factory):
    chat = chat_factory("first-dm")
    _reply_ready(app, chat)
    app.resize((1920, 1080))
    app.tick([])
    assert chat.kit.font("body").get_height() >= 28 and chat.theme.scale == pytest.approx(1.5)
    assert chat.frame.mode == "phone"
    app.resize((1280, 720))
    app.tick([])
    assert chat.theme.scale == pytest.approx(1.0)


def test_safety_menu_and_keys(app, chat_factory):
    chat = chat_factory("first-dm")
    _reply_ready(app, chat)
    app.tick(click(chat.b_safety.rect.center))
    menu = app.top
    assert isinstance(menu, SafetyMenuScreen)
    assert [b.ident for b in menu.buttons] == ["block", "report", "leave", "cancel"]
    assert menu.card.y >= chat.b_safety.rect.bottom          # hangs under its button
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is chat
    app.tick([key(pygame.K_r)])                                # one keystroke from the chat
    from game.ui.screens.exits import ReportFormScreen
    assert isinstance(app.top, ReportFormScreen)               # the report form asks what happened
    app.tick([key(pygame.K_1), key(pygame.K_RETURN)])          # first reason, then send
    assert chat.conv.events[-1]["how"] == "report"


def test_a_very_long_message_shows_more_step_by_step(app, tmp_path):
    from game.display_text import SHOWN_CHARS, STEP_CHARS
    from game.session import Session
    from game.ui.screens.chat import ChatScreen
    from game.validator import load_scenario
    words = ("a long message " * 300).strip()          # 4,499 characters: three steps
    path = tmp_path / "long.yaml"
    path.write_text("format: 1\nid: long\ntitle: Long\nplatform: social_media\nstranger: {name: x}\nstart: a\n"
                    f"nodes:\n  a:\n    messages: [{{text: \"{words}\"}}]\n"
                    "    choices: [{text: ok, next: b}]\n  b:\n    end: {outcome: safe, title: E, text: e}\n",
                    encoding="utf-8")
    chat = ChatScreen(app, Session(load_scenario(path), seed=1))
    app.push(chat)
    assert run_until(app, lambda: chat.choice_buttons)
    item = next(it for it in chat.timeline.items if it.flaggable)
    assert item.more_rect is not None
    first_h = item.h
    assert ("more", item) in chat._zones()["messages"]
    chat.scroll_by(10**9)                      # the end of the message, where its "Show more" is
    app.tick([])
    pos = (chat.r_view.x + item.more_rect.centerx, chat.r_view.y + item.y + item.more_rect.centery - chat.scroll)
    assert chat.r_view.collidepoint(pos)
    app.tick(click(pos))                       # a click on "Show more" shows the next part, flags nothing
    assert item.more_steps == 1 and item.h > first_h and not chat.conv.is_flagged(item.item_id)
    assert SHOWN_CHARS + STEP_CHARS < len(words)
    chat._activate(("more", item))             # Enter on the focused control does the same
    assert item.more_steps == 2 and item.more_rect is None   # everything shown now


def test_message_request_then_the_chat_moves_to_a_private_app(app, chat_factory):
    scout = chat_factory("model-scout")                      # a message request first
    assert run_until(app, lambda: scout.choice_buttons and not scout.conv.pending)
    assert [b.ident for b in scout.choice_buttons] == ["accept", "decline"]
    app.tick([key(pygame.K_1)])                              # Accept: the replies show
    assert scout.choice_buttons[0].ident == "choice1"
    app.pop()
    chat = chat_factory("first-dm")
    for _ in range(6):                                       # always the first reply: to the move
        if chat.conv.ended:
            break
        assert run_until(app, lambda: chat.choice_buttons or chat.conv.ended)
        if chat.choice_buttons:
            app.tick([key(pygame.K_1)])
    assert chat.skin == "messenger" and app.theme(chat.skin).skin == "messenger"
    assert any(it.kind == "switch" for it in chat.timeline.items)
    assert chat.frame.mode == "phone"


def test_decline_leaves(app, chat_factory):
    chat = chat_factory("model-scout")
    assert run_until(app, lambda: chat.choice_buttons)
    app.tick([key(pygame.K_2)])
    assert chat.conv.ended and chat.conv.events[-1]["how"] == "leave"
    assert "declined the message request" in chat.timeline.items[-1].text
