"""Settings, theme, text kit and the app's screen stack."""
import json

import pygame

from game.ui.app import Screen
from game.ui.settings import TEXT_SIZES, Settings
from game.ui.theme import HIGH_CONTRAST, PALETTES, contrast_ratio


def test_settings_persist(private_data_dir):
    s = Settings.load(private_data_dir)
    assert s == Settings()
    s.text_size, s.high_contrast, s.typing_speed, s.muted, s.fullscreen = 3, True, "instant", True, False
    assert s.save()
    again = Settings.load(private_data_dir)
    assert again == s
    assert json.loads((private_data_dir / "settings.json").read_text())["typing_speed"] == "instant"


def test_bad_settings_file_gives_defaults(private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    (private_data_dir / "settings.json").write_text("{not json")
    assert Settings.load(private_data_dir) == Settings()
    (private_data_dir / "settings.json").write_text(json.dumps({"text_size": 99, "muted": "yes",
                                                                "typing_speed": "warp", "high_contrast": True}))
    s = Settings.load(private_data_dir)
    assert s.text_size == 1 and s.muted is False and s.typing_speed == "realistic" and s.high_contrast


def test_apply_settings_saves_and_rescales(app, private_data_dir):
    app.settings.text_size = len(TEXT_SIZES) - 1
    app.apply_settings()
    assert app.kit.scale == TEXT_SIZES[-1][1]
    assert Settings.load(private_data_dir).text_size == len(TEXT_SIZES) - 1


def test_text_contrast_in_every_palette():
    pairs = [("text", "bg"), ("text_dim", "bg"), ("text", "surface"), ("text_dim", "surface"),
             ("bubble_in_text", "bubble_in"), ("bubble_out_text", "bubble_out"), ("notice_text", "notice_bg"),
             ("accent_text", "accent"), ("danger_text", "danger"), ("button_text", "button"),
             ("flag_text", "flag"), ("link", "bubble_in")]
    for name, p in [*PALETTES.items(), *(("hc-" + k, v) for k, v in HIGH_CONTRAST.items())]:
        for fg, bg in pairs:
            ratio = contrast_ratio(getattr(p, fg), getattr(p, bg))
            assert ratio >= 4.5, f"{name}: {fg} on {bg} is {ratio:.2f}:1"


def test_emoji_runs_and_wrapping(app):
    kit = app.kit
    runs = kit.split_runs("gg 🎮 nice 👍🏽!")
    if kit.has_emoji_font:
        assert (True, "🎮") in runs and any(e and r.startswith("👍") for e, r in runs)
    lines = kit.wrap("one two three four five six seven eight nine ten " * 3, "body", 200)
    assert len(lines) > 1 and all(kit.measure(line, "body") <= 200 for line in lines)
    surf = kit.render_block("hello 😀 world", "body", (0, 0, 0), 300)
    assert surf is kit.render_block("hello 😀 world", "body", (0, 0, 0), 300)   # cached


def test_screen_stack_and_dirty_redraw(app):
    class S(Screen):
        draws = 0

        def draw(self, surface):
            S.draws += 1
            surface.fill((0, 0, 0))

    a, b = S(app), S(app)
    app.push(a)
    assert app.tick([]) is True
    assert app.tick([]) is False            # nothing changed: nothing drawn
    a.dirty = True
    assert app.tick([]) is True
    app.push(b)
    assert app.top is b
    app.pop()
    assert app.top is a
    app.replace(b)
    assert app.stack == [b]


def test_no_display_says_so(monkeypatch, capsys):
    from game.ui import run

    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(run.sys, "platform", "linux")
    assert run.run_window(None) == 2
    err = capsys.readouterr().err
    assert "--text" in err and err.count("\n") == 1


def test_muted_sound_is_silent(app):
    app.sounds.muted = True
    assert app.sounds.play("message_in") is False


def test_screens_open_through_the_route_table(app):
    from game.ui.routes import ROUTES

    assert type(app.show_start()) is ROUTES["start"]
    app.tick([])
    screen = app.show_debrief({"score": {"total": 80, "detection": 0.5, "exit": 1, "privacy": 1}, "complete": True})
    assert type(screen) is ROUTES["debrief"] and app.stack == [screen]
    app.tick([])
    app.tick([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)])


def test_unreachable_display_server_means_no_display(monkeypatch, capsys, tmp_path):
    """SDL falls back to an invisible driver when X does not answer: report it, don't run blind."""
    from game.library import find_scenario
    from game.play.options import PlayOptions
    from game.ui import run

    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":987")
    assert run.run_window(PlayOptions(save=False, data_dir=str(tmp_path)), find_scenario("first-dm")) == 2
    assert "play first-dm --text" in capsys.readouterr().err
