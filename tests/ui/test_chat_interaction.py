"""Flagging by click, keyboard-only play, overlays, idle nudges, resizing."""
import pygame
from conftest import click, key, run_until

from game.play.pacing import typing_delay
from game.ui.chat.timeline import STRANGER
from game.ui.screens.chat import ChatScreen
from game.ui.screens.overlays import ConfirmScreen, LinkWarningScreen, PauseScreen


def _bubble_center(chat, item):
    v = chat.r_view
    return (v.x + item.bubble.centerx, v.y + item.y - chat.scroll + item.bubble.centery)


def _visible_stranger_item(chat):
    top, bottom = chat.scroll, chat.scroll + chat.r_view.h
    for it in chat.timeline.visible(top, bottom):
        if it.kind == STRANGER and it.y - chat.scroll + it.bubble.y >= 0 and \
                it.y + it.bubble.bottom <= bottom:
            return it
    raise AssertionError("no stranger bubble fully visible")


def test_messages_arrive_one_by_one_then_choices(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert chat.choice_buttons == []
    assert run_until(app, lambda: chat.choice_buttons)
    delivered = [e for e in chat.conv.events if e["type"] == "deliver"]
    assert delivered and len([i for i in chat.timeline.items if i.flaggable]) == len(delivered)


def test_click_flags_and_unflags_a_bubble(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    app.draw()
    item = _visible_stranger_item(chat)
    pos = _bubble_center(chat, item)
    app.tick(click(pos))
    assert chat.conv.is_flagged(item.item_id)
    assert chat.conv.events[-1] == {**chat.conv.events[-1], "type": "flag", "id": item.item_id}
    app.draw()
    app.tick(click(_bubble_center(chat, item)))
    assert not chat.conv.is_flagged(item.item_id)
    assert chat.conv.events[-1]["type"] == "unflag"


def test_click_flags_a_profile_item(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    card = chat.profile_cards[0]
    app.tick(click(card.rect.center))
    assert chat.conv.is_flagged(card.item_id)


def test_drag_scrolls_without_flagging(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    chat.scroll_by(-10**6)
    app.draw()
    item = _visible_stranger_item(chat)
    x, y = _bubble_center(chat, item)
    before = list(chat.conv.flags)
    app.tick([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1),
              pygame.event.Event(pygame.MOUSEMOTION, pos=(x, y - 40), rel=(0, -40), buttons=(1, 0, 0)),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y - 40), button=1)])
    assert chat.conv.flags == before


def test_keyboard_only_reaches_a_choice_a_flag_and_block(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    # Tab lands on the choices first; Enter picks the focused one
    app.tick([key(pygame.K_TAB)])
    assert chat.fzone == "choices" and chat.focus_visible
    n_choices = len([e for e in chat.conv.events if e["type"] == "choice"])
    app.tick([key(pygame.K_RETURN)])
    assert len([e for e in chat.conv.events if e["type"] == "choice"]) == n_choices + 1
    assert run_until(app, lambda: chat.choice_buttons)
    # Shift+Tab twice from choices -> messages (via profile); F flags the newest message
    for _ in range(8):
        if chat.fzone == "messages":
            break
        app.tick([key(pygame.K_TAB, pygame.KMOD_SHIFT)])
    assert chat.fzone == "messages"
    app.tick([key(pygame.K_UP)])
    target = chat._current()
    app.tick([key(pygame.K_f)])
    assert chat.conv.is_flagged(target[1].item_id)
    # to the actions zone and the Block button, then confirm with Enter
    for _ in range(8):
        if chat.fzone == "actions":
            break
        app.tick([key(pygame.K_TAB)])
    assert chat.fzone == "actions"
    for _ in range(len(chat.header_buttons)):       # Block lives in the header's Safety menu
        if chat._current()[1] is chat.b_safety:
            break
        app.tick([key(pygame.K_RIGHT)])
    assert chat._current()[1] is chat.b_safety
    app.tick([key(pygame.K_RETURN)])                 # opens the menu, Block focused first
    app.tick([key(pygame.K_RETURN)])
    assert isinstance(app.top, ConfirmScreen)
    app.tick([key(pygame.K_RETURN)])
    assert chat.conv.ended and chat.conv.events[-1]["how"] == "block"
    assert chat.result is not None and chat.result["outcome"] == "blocked"
    assert chat.end_button is not None


def test_number_keys_pick_choices(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    app.tick([key(pygame.K_2)])
    choice = [e for e in chat.conv.events if e["type"] == "choice"][-1]
    assert choice["shown"] == 2


def test_escape_pauses_and_q_quits_to_start(app, chat_factory):
    chat = chat_factory("generous-teammate")
    app.tick([key(pygame.K_ESCAPE)])
    assert isinstance(app.top, PauseScreen)
    pending_before = list(chat.conv.pending)
    app.tick([], 5.0)                       # the chat's clock is stopped while paused
    assert chat.conv.pending == pending_before
    app.tick([key(pygame.K_q)])
    assert chat.conv.ended and chat.conv.events[-1]["how"] == "quit"
    assert chat.result["outcome"] == "quit"
    assert not isinstance(app.top, (ChatScreen, PauseScreen))


def test_help_overlay_opens_from_pause(app, chat_factory):
    from game.ui.screens.overlays import HelpScreen

    chat_factory("generous-teammate")
    app.tick([key(pygame.K_ESCAPE)])
    app.tick([key(pygame.K_h)])
    assert isinstance(app.top, HelpScreen)
    app.draw()
    app.tick([key(pygame.K_ESCAPE)])
    assert isinstance(app.top, PauseScreen)


def test_idle_nudge_arrives_after_waiting_and_input_restarts_the_wait(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    nudge = chat.conv.next_nudge()
    if nudge is None:
        return
    app.tick([], nudge.after * 0.6)
    app.tick([key(pygame.K_DOWN)])          # input restarts the wait
    app.tick([], nudge.after * 0.6)
    assert not any(e.get("nudge") for e in chat.conv.events if e["type"] == "deliver")
    app.tick([], nudge.after * 0.5)
    assert run_until(app, lambda: any(e.get("nudge") for e in chat.conv.events if e["type"] == "deliver"))


def test_link_opens_a_warning_never_a_browser(app, chat_factory):
    chat = chat_factory("first-dm")
    link_item = None
    for _ in range(12):
        assert run_until(app, lambda: chat.choice_buttons or chat.conv.ended)
        link_item = next((i for i in chat.timeline.items if i.link), None)
        if link_item or chat.conv.ended:
            break
        app.tick([key(pygame.K_1)])
    assert link_item is not None, "first-dm should show its link on the first path"
    app.draw()
    chat.scroll_to_item(link_item)
    app.draw()
    v = chat.r_view
    pos = (v.x + link_item.link_rect.centerx, v.y + link_item.y - chat.scroll + link_item.link_rect.centery)
    app.tick(click(pos))
    assert isinstance(app.top, LinkWarningScreen)
    app.draw()


def test_typing_delay_follows_length_and_speed():
    short = typing_delay("hi", None, 1, 1, 1.0)
    long = typing_delay("x" * 70, None, 1, 1, 1.0)
    assert short < long <= 6.0
    assert typing_delay("x" * 70, None, 1, 1, 0.35) < long
    assert typing_delay("anything", None, 1, 1, 0.0) == 0.0
    assert typing_delay("hi", 2.5, 1, 1, 1.0) == 2.5
    assert typing_delay("hello there", None, 7, 3, 1.0) == typing_delay("hello there", None, 7, 3, 1.0)


def _check_layout(app, chat):
    w, h = app.size
    for b in chat.header_buttons:
        assert b.rect.right <= w and b.rect.bottom <= h and b.rect.x >= 0, (b.label, b.rect, app.size)
    for i, b in enumerate(chat.choice_buttons):     # every reply can be brought into view
        chat._set_focus("choices", i)
        assert chat.r_composer.contains(b.rect), (b.label, b.rect, chat.r_composer, app.size)
    hb = chat.header_buttons
    for a, b in zip(hb, hb[1:]):
        assert not a.rect.colliderect(b.rect)
    assert chat.r_view.h > 0 and chat.r_view.bottom <= chat.r_composer.y


def test_resize_reflows(app, chat_factory):
    chat = chat_factory("too-perfect-match")
    assert run_until(app, lambda: chat.choice_buttons)
    for size in [(800, 600), (1280, 720), (640, 480), (1920, 1080), (800, 600)]:
        app.resize(size)
        app.tick([])
        _check_layout(app, chat)
    assert not chat.wide                       # 800x600: the profile is a drawer
    app.tick([key(pygame.K_TAB)])


def test_large_text_high_contrast_small_window(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    app.settings.text_size = 3
    app.settings.high_contrast = True
    app.apply_settings()
    for size in [(800, 600), (1280, 720)]:
        app.resize(size)
        app.tick([])
        _check_layout(app, chat)


def test_window_close_mid_chat_records_quit(app, chat_factory):
    chat = chat_factory("generous-teammate")
    app.tick([pygame.event.Event(pygame.QUIT)])
    assert chat.conv.ended and chat.result["outcome"] == "quit"


def test_end_hands_over_to_the_debrief(app, chat_factory):
    chat = chat_factory("generous-teammate")
    chat.end_action("leave")
    assert chat.end_button is not None and chat.result["outcome"] == "left"
    app.tick([])
    app.tick(click(chat.end_button.rect.center))
    assert app.top is not chat and chat not in app.stack
    app.tick([])


def test_sounds_load_and_respect_mute(app):
    app.sounds.muted = False
    played = app.sounds.play("message_in")
    assert played == (app.sounds.available and "message_in" in app.sounds._sounds)
    app.settings.muted = True
    app.apply_settings()
    assert app.sounds.play("message_in") is False


def test_window_close_under_the_pause_menu_records_quit(app, chat_factory):
    chat = chat_factory("generous-teammate")
    app.tick([key(pygame.K_ESCAPE)])
    assert isinstance(app.top, PauseScreen)
    app.tick([pygame.event.Event(pygame.QUIT)])
    assert chat.conv.ended and chat.result["outcome"] == "quit"


def test_new_message_pill_when_scrolled_up(app, chat_factory):
    chat = chat_factory("generous-teammate")
    assert run_until(app, lambda: chat.choice_buttons)
    app.tick([key(pygame.K_1)])
    app.tick([], 0.05)
    app.tick([key(pygame.K_HOME)])
    assert chat.scroll == 0
    if chat.max_scroll == 0:
        return
    assert run_until(app, lambda: chat.unseen > 0)
    app.draw()
    app.tick(click(chat._new_pill_rect().center))
    assert chat.scroll == chat.max_scroll and chat.unseen == 0


def test_m_toggles_sound_and_saves(app, chat_factory, private_data_dir):
    from game.ui.settings import Settings

    chat_factory("generous-teammate")
    app.tick([key(pygame.K_m)])
    assert app.settings.muted and app.sounds.muted
    assert Settings.load(private_data_dir).muted
