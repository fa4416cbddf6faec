"""Settings: text size, high contrast, projector, typing speed, sound, fullscreen and the help country.

Usable as a full page (from a start screen) or as an overlay (from the pause
menu): ``SettingsScreen(app, overlay=True)``. Every change is applied and
saved at once.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.play import help_country

from ..app import App
from ..text import TextKit
from ..theme import Theme
from ..widgets import Button, draw_focus_ring, draw_round_rect
from .base import DialogScreen, MenuScreen


class SettingButton(Button):
    """A setting as one row: its name on the left, its value and a ">" on the right.

    Pressing it (click, Enter, Space or its key) moves the value on.
    """

    def __init__(self, label: str, value: str, action, *, ident: str, key: int | None = None):
        super().__init__(label, action, ident=ident, key=key)
        self.value = value

    def value_label(self, theme: Theme) -> str:
        return self.value.upper() if theme.shape.uppercase_labels else self.value

    def preferred_size(self, kit: TextKit, theme: Theme, max_width: int | None = None) -> tuple[int, int]:
        px, py = self.padding(theme)
        w = kit.measure(self.display_label(theme), self.style) + theme.px(24) + \
            kit.measure(self.value_label(theme), "body") + theme.px(22)
        return w + 2 * px, kit.line_height(self.style) + 2 * py

    def draw(self, surface: pygame.Surface, kit: TextKit, theme: Theme, focused: bool = False) -> None:
        r, p = self.rect, theme.p
        bg, fg = self.colors(theme)
        radius = min(theme.shape.button_radius, r.h // 2)
        draw_round_rect(surface, bg, r, radius, theme.border_width, p.text if theme.high_contrast else p.border)
        px, _py = self.padding(theme)
        label = kit.render_line(self.display_label(theme), self.style, fg)
        surface.blit(label, (r.x + px, r.centery - label.get_height() // 2))
        # ">" at the right edge, the value just before it
        c = max(4, kit.line_height("body") // 4)
        cx, cy = r.right - px - c // 2, r.centery
        colour = p.text if theme.high_contrast else (p.accent if p.dark else p.button_text)
        pygame.draw.lines(surface, colour, False, [(cx - c // 2, cy - c), (cx + c // 2, cy), (cx - c // 2, cy + c)],
                          max(2, theme.px(2)))
        room = r.w - 2 * px - label.get_width() - theme.px(24) - theme.px(22)
        value = kit.render_line(kit.ellipsize(self.value_label(theme), "body", max(20, room)), "body", colour)
        surface.blit(value, (cx - c // 2 - theme.px(12) - value.get_width(), r.centery - value.get_height() // 2))
        if focused:
            draw_focus_ring(surface, theme, r, radius)


def help_countries() -> list[tuple[str, str]]:
    """(id, name) of each country in the help file; [] when it cannot be read."""
    try:
        return help_country.countries()
    except Exception:   # a broken help file: the setting stays on automatic
        return []


def country_label(country: str, countries: list[tuple[str, str]]) -> str:
    """"Automatic (from the chat)" or the country's name."""
    return next((name for cid, name in countries if cid == country), help_country.AUTO_LABEL)


class _SettingsMixin:
    app: Any          # provided by the screen class it is mixed into
    focus: Any
    title = "Settings"
    body = "Click a setting, or press Enter on it, to change it. Changes are saved at once."

    def build(self) -> None:
        s = self.app.settings

        def cycle(fn):
            def run() -> None:
                fn()
                self.app.apply_settings()
            return run

        def contrast() -> None:
            s.high_contrast = not s.high_contrast

        def mute() -> None:
            s.muted = not s.muted

        countries = help_countries()

        def country() -> None:
            s.cycle_country([cid for cid, _name in countries])

        def projector() -> None:
            s.projector = not s.projector

        self.buttons = [
            SettingButton("Text size", s.text_size_label, cycle(s.cycle_text_size), ident="text_size",
                          key=pygame.K_t),
            SettingButton("High contrast", "On" if s.high_contrast else "Off", cycle(contrast), ident="contrast",
                          key=pygame.K_c),
            SettingButton("Projector (bigger text)", "On" if s.projector else "Off", cycle(projector),
                          ident="projector", key=pygame.K_p),
            SettingButton("Typing speed", s.typing_speed_label, cycle(s.cycle_typing_speed), ident="typing",
                          key=pygame.K_y),
            SettingButton("Sound", "Off" if s.muted else "On", cycle(mute), ident="sound", key=pygame.K_m),
            SettingButton("Fullscreen (F11)", "On" if s.fullscreen else "Off", self.app.toggle_fullscreen,
                          ident="fullscreen"),
            SettingButton(help_country.LABEL, country_label(s.country, countries), cycle(country), ident="country"),
            Button("Done", self.done, kind="primary", ident="done"),
        ]

    def done(self) -> None:
        self.app.pop()

    def on_settings_changed(self) -> None:  # keep focus on the same control after a rebuild
        cur = self.focus.current
        ident = cur.ident if cur is not None else None
        visible = self.focus.visible
        super().on_settings_changed()  # type: ignore[misc]
        for b in self.buttons:
            if b.ident == ident:
                self.focus.focus(b, show=visible)


class SettingsScreen(_SettingsMixin, DialogScreen):
    """The settings card. ``overlay=False`` draws it on a plain background."""

    def __init__(self, app: App, skin: str = "menu", overlay: bool = True):
        self.overlay = overlay
        super().__init__(app, skin=skin)
        if not overlay:
            self.opaque = True

    escape_action = _SettingsMixin.done

    def draw(self, surface: pygame.Surface) -> None:
        if self.overlay:
            super().draw(surface)
        else:
            MenuScreen.draw(self, surface)
