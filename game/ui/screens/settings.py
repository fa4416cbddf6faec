"""Settings: text size, high contrast, typing speed, sound and fullscreen.

Usable as a full page (from a start screen) or as an overlay (from the pause
menu): ``SettingsScreen(app, overlay=True)``. Every change is applied and
saved at once.
"""
from __future__ import annotations

import pygame

from ..app import App
from ..widgets import Button
from .base import DialogScreen, MenuScreen


class _SettingsMixin:
    title = "Settings"

    def build(self) -> None:  # type: ignore[override]
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

        self.buttons = [
            Button(f"Text size: {s.text_size_label}", cycle(s.cycle_text_size), ident="text_size", key=pygame.K_t),
            Button(f"High contrast: {'On' if s.high_contrast else 'Off'}", cycle(contrast), ident="contrast",
                   key=pygame.K_c),
            Button(f"Typing speed: {s.typing_speed_label}", cycle(s.cycle_typing_speed), ident="typing",
                   key=pygame.K_y),
            Button(f"Sound: {'Off' if s.muted else 'On'}", cycle(mute), ident="sound", key=pygame.K_m),
            Button(f"Fullscreen: {'On' if s.fullscreen else 'Off'}  (F11)", self.app.toggle_fullscreen,
                   ident="fullscreen"),
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
