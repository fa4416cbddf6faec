"""The start screen: keyboard-only way in, nickname and class code, settings that persist."""
import pygame
import pytest
from conftest import click, key

from game.ui.screens.picker import PickerScreen
from game.ui.screens.start import CLASS_CODE_MAX, NICKNAME_MAX, StartScreen
from game.ui.screens.tutorial import TutorialScreen
from game.ui.settings import Settings


def text(s):
    return pygame.event.Event(pygame.TEXTINPUT, text=s)


SHIFT_TAB = key(pygame.K_TAB, pygame.KMOD_SHIFT)


@pytest.fixture
def start(app):
    app.show_start()
    app.tick([])
    assert isinstance(app.top, StartScreen)
    return app.top


def past_the_practice(app):
    """A nickname's first Play opens the practice chat (screens/tutorial.py); K skips it."""
    assert isinstance(app.top, TutorialScreen)
    app.tick([key(pygame.K_k)])


def test_enter_alone_reaches_the_picker(app, start):
    app.tick([key(pygame.K_RETURN)])
    past_the_practice(app)
    assert isinstance(app.top, PickerScreen)


def test_keyboard_only_nickname_class_and_play(app, start):
    app.tick([SHIFT_TAB, SHIFT_TAB])
    assert start.focus.current is start.nick
    app.tick([text("pixel_fox"), key(pygame.K_RETURN), text("8b-2"), key(pygame.K_TAB)])
    assert start.focus.current is start.play
    assert (app.player, app.class_code) == ("pixel_fox", "8B-2")
    app.tick([key(pygame.K_RETURN)])
    past_the_practice(app)
    assert isinstance(app.top, PickerScreen)
    from game.ui.screens.picker import player_label

    assert player_label(app) == "Playing as pixel_fox · class 8B-2"
    options = app.play_options()
    assert (options.player, options.class_code, options.result_json, options.seed) == ("pixel_fox", "8B-2", None, None)


def test_nickname_refuses_more_than_20_characters(app, start):
    assert NICKNAME_MAX == 20
    start._focus(start.nick)
    app.tick([text("a" * 18), text("bcdefg")])
    assert start.nick.text == "a" * 18 + "bc"
    assert len(app.player) == 20
    assert start.nick.problem and "20" in start.nick.problem
    app.tick([text("z")])  # still full
    assert start.nick.text == "a" * 18 + "bc"
    app.tick([key(pygame.K_BACKSPACE)])
    assert len(start.nick.text) == 19 and start.nick.problem is None


def test_nickname_refuses_spaces_and_symbols(app, start):
    start._focus(start.nick)
    app.tick([text("Anna Smith!")])
    assert start.nick.text == "AnnaSmith"
    assert "Only" in start.nick.problem
    start.nick.set_text("")
    app.tick([text(ch) for ch in "pixel fox"])   # one TEXTINPUT per key, as from a keyboard
    assert start.nick.text == "pixelfox"
    assert "Only" in start.nick.problem          # still shown after the letters that followed
    start._focus(start.klass)
    app.tick([text("x" * 40)])
    assert len(start.klass.text) == CLASS_CODE_MAX


def test_typing_does_not_trigger_shortcuts(app, start):
    start._focus(start.nick)
    app.tick([key(pygame.K_p), text("p"), key(pygame.K_SPACE), text(" ")])
    assert isinstance(app.top, StartScreen)
    assert start.nick.text == "p"


def test_nickname_is_kept_when_coming_back(app, start):
    start._focus(start.nick)
    app.tick([text("kiwi")])
    app.show_start()
    app.tick([])
    assert app.top is not start and app.top.nick.text == "kiwi"


def test_click_play_and_click_field(app, start):
    app.tick(click(start.nick.rect.center))
    assert start.focus.current is start.nick
    app.tick(click(start.play.rect.center))
    past_the_practice(app)
    assert isinstance(app.top, PickerScreen)


def test_settings_changes_persist(app, start, private_data_dir):
    app.tick([key(pygame.K_TAB)])
    assert start.focus.current is start.settings
    app.tick([key(pygame.K_RETURN)])
    dialog = app.top
    assert dialog is not start
    before = Settings.from_dict(app.settings.to_dict())
    app.tick([key(pygame.K_RETURN)])   # the first control (text size) has the focus at once
    assert Settings.load(private_data_dir).text_size == (before.text_size + 1) % 4
    app.tick([key(pygame.K_RETURN)])
    assert Settings.load(private_data_dir).text_size == (before.text_size + 2) % 4
    by_id = {b.ident: b for b in app.top.buttons}
    by_id["text_size"].activate()
    by_id = {b.ident: b for b in app.top.buttons}
    by_id["text_size"].activate()
    app.tick([])
    for ident in ("text_size", "contrast", "typing", "sound"):
        by_id = {b.ident: b for b in app.top.buttons}
        by_id[ident].activate()
        app.tick([])
    saved = Settings.load(private_data_dir)
    assert saved.text_size == (before.text_size + 1) % 4
    assert saved.high_contrast is (not before.high_contrast)
    assert saved.typing_speed != before.typing_speed
    assert saved.muted is (not before.muted)
    assert app.kit.scale == pytest.approx(saved.text_scale)
    # the start screen laid itself out again for the new text size
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is start
    assert start.play.rect.right <= app.size[0]


def test_counsellor_button_opens_the_counsellor_screen(app, start):
    idents = [getattr(w, "ident", None) for w in start.widgets]
    assert "counsellors" in idents
    start.counsellors.activate()
    assert type(app.top).__name__ == "CounsellorScreen"


def test_counsellor_button_hidden_without_the_route(app, monkeypatch):
    monkeypatch.delitem(app.routes, "counsellor")
    screen = StartScreen(app)
    assert screen.counsellors is None
    assert "counsellors" not in [getattr(w, "ident", None) for w in screen.widgets]


@pytest.mark.parametrize("size", [(800, 600), (1280, 720), (640, 480)])
@pytest.mark.parametrize("text_size", [0, 3])
def test_nothing_sticks_out_sideways(app, start, size, text_size):
    app.settings.text_size = text_size
    app.settings.high_contrast = text_size == 3
    app.apply_settings(save=False)
    app.resize(size)
    app.tick([])
    for w in start.widgets:
        assert 0 <= w.box.left and w.box.right <= size[0], w
    # everything can be scrolled into view
    bottom = max(w.box.bottom for w in start.widgets)
    assert bottom <= start.scroller.content_h
    app.tick([key(pygame.K_TAB)] * len(start.widgets))
    for w in start.widgets:
        start._focus(w)
        assert w.rect.top >= 0 and w.rect.bottom <= size[1], w


def test_idle_start_screen_does_not_redraw(app, start):
    app.tick([])
    assert app.tick([]) is False
