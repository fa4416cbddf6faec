"""What the visual review of every screen fixed: focus on yellow in high contrast, cards that
outgrow the window, readable scrollbars, the chat header's status line, the PIN gate's messages."""
import pygame
from conftest import click, key

from game.library import find_scenario
from game.session import Session
from game.ui.screens.chat import ChatScreen
from game.ui.screens.settings import SettingButton, SettingsScreen
from game.ui.scrolling import Scroller
from game.ui.theme import Theme
from game.ui.widgets import Button


def test_high_contrast_focus_ring_stands_off_a_yellow_button(app):
    t = Theme("menu", high_contrast=True)
    surf = pygame.Surface((300, 140))
    surf.fill(t.p.bg)
    b = Button("Play", kind="primary")
    b.rect = pygame.Rect(80, 40, 140, 50)
    b.draw(surf, app.kit, t, focused=True)
    assert tuple(surf.get_at((b.rect.centerx, b.rect.y + 6)))[:3] == t.p.accent == t.p.focus
    y = b.rect.centery
    band = [tuple(surf.get_at((b.rect.right + i, y)))[:3] for i in range(0, 3)]
    assert all(c == t.p.bg for c in band)          # a black band between the button and the ring
    ring = [tuple(surf.get_at((b.rect.right + i, y)))[:3] for i in range(3, 3 + t.focus_width + 1)]
    assert t.p.focus in ring


def test_a_menu_card_taller_than_the_window_scrolls_to_the_focused_button(app):
    app.settings.text_size = 3                     # extra large, on a small window
    app.apply_settings(save=False)
    app.resize((640, 480))
    screen = app.push(SettingsScreen(app, overlay=True))
    app.tick([])
    assert screen.max_scroll > 0 and screen.card.bottom <= 480
    done = screen.buttons[-1]
    assert done.rect.bottom > screen.card.bottom   # below the fold at first
    screen.focus.set_items(screen.buttons)
    app.tick([key(pygame.K_UP)])                   # from nothing, Up lands on the last button: Done
    assert screen.focus.current is done
    assert screen.card.contains(done.rect)
    # a click where a button is scrolled out of the card does not press it
    hidden = screen.buttons[0]
    assert not screen.card.collidepoint(hidden.rect.center)
    size_before = app.settings.text_size
    app.tick(click(hidden.rect.center))
    assert app.settings.text_size == size_before and app.top is screen
    app.tick([key(pygame.K_RETURN)])
    assert app.top is not screen


def test_settings_rows_show_name_and_value(app):
    screen = app.push(SettingsScreen(app, overlay=True))
    rows = [b for b in screen.buttons if isinstance(b, SettingButton)]
    assert [r.label for r in rows] == ["Text size", "High contrast", "Projector (bigger text)", "Typing speed", "Sound",
                                     "Fullscreen (F11)", "Help shown for"]
    assert rows[1].value == "Off"
    app.tick([key(pygame.K_c)])                    # the contrast key still works, and the row follows
    screen = app.top
    assert app.settings.high_contrast and screen.buttons[1].value == "On"


def test_high_contrast_scrollbar_thumb_is_told_from_its_track():
    t = Theme("menu", high_contrast=True)
    sc = Scroller()
    sc.set_content(3000, pygame.Rect(0, 0, 200, 400))
    surf = pygame.Surface((200, 400))
    surf.fill(t.p.bg)
    sc.draw_bar(surf, t)
    track, thumb = sc.track_rect(t), sc.thumb_rect(t)
    assert tuple(surf.get_at(thumb.center))[:3] == t.p.text
    below = (track.centerx, (thumb.bottom + track.bottom) // 2)
    assert tuple(surf.get_at(below))[:3] == t.p.bg   # the track is an outline, not white


def test_dating_header_keeps_the_status_line_whole_at_800x600(app):
    app.resize((800, 600))
    chat = ChatScreen(app, Session(find_scenario("too-perfect-match"), seed=1))
    app.push(chat)
    app.tick([])
    t, kit = chat.theme, chat.kit
    x = t.px(12) + t.px(44) + t.px(12)
    room = min(b.rect.x for b in chat.header_buttons) - t.px(12) - x
    assert kit.measure("Your match · online", "small") <= room


def test_pin_gate_empty_enter_is_not_a_wrong_guess(app, private_data_dir):
    from game.results import pin as pins
    from game.results.store import Store
    from game.ui.screens.counsellor import CounsellorScreen

    with Store.open(private_data_dir) as store:
        pins.set_pin(store, "2468")
    gate = app.push(CounsellorScreen(app))
    app.tick([])
    gate.submit()
    assert gate.message == "Type the PIN first." and gate.throttle.failures == 0
    assert gate.focus.current is gate.first


def test_without_a_pin_the_gate_says_how_to_set_one(app, private_data_dir):
    # The window no longer lets its first visitor choose the PIN (issue 13): it says how to set one.
    from game.results import pin as pins
    from game.results.store import Store
    from game.ui.screens.counsellor import CounsellorScreen

    gate = app.push(CounsellorScreen(app))
    app.tick([])
    assert "python main.py pin set" in gate.intro_text() and gate.fields == []
    assert gate.focus.current is gate.back
    app.tick([pygame.event.Event(pygame.TEXTINPUT, text="1234"), key(pygame.K_RETURN)])
    with Store.open(private_data_dir) as store:
        assert not pins.is_set(store)


def test_characters_the_text_font_lacks_come_from_the_fallback_font(app):
    kit = app.kit
    if kit.fallback_paths is None:
        return   # no second font on this system: nothing to fall back to
    for text in ("3 new messages ↓", "⚑ Flagged", "✓ done"):
        parts = kit._text_parts(text, "small_bold")
        assert any(fb for fb, _ in parts), text
    assert kit._text_parts("Say hi · it's fine…", "body") == [(False, "Say hi · it's fine…")]
    # the arrow is drawn, not the text font's empty box
    font = kit.font("small_bold")
    box = font.render("\U000F0000", True, (255, 255, 255))
    arrow = kit.render_line("↓", "small_bold", (255, 255, 255))
    assert arrow.get_size() != box.get_size() or \
        pygame.image.tobytes(arrow, "RGBA") != pygame.image.tobytes(box.convert_alpha(), "RGBA")
