"""The chat's Safety menu: Block, Report and Leave, where the apps keep them.

Social, dating and game apps put these in a menu behind a header button;
the chat does the same, but the button is labelled ("Safety") so it is
always found, and each action stays one keystroke away in the chat itself
(B, R, L; the menu names the keys). The menu is a small card hanging under
its button; choosing an action goes to the chat's own confirm step.
"""
from __future__ import annotations

from collections.abc import Callable

import pygame

from game.play.exits import SAFETY_ITEMS, SAFETY_KEYS_LINE

from ..app import App
from ..widgets import Button
from .base import DialogScreen

#: (action, label, key) in the order the menu shows them (the words: game/play/exits.py, shared with the browser)
_KEYS = {"B": pygame.K_b, "R": pygame.K_r, "L": pygame.K_l}
ITEMS = tuple((how, label, _KEYS[key]) for how, label, key in SAFETY_ITEMS)
KEYS_LINE = SAFETY_KEYS_LINE


class SafetyMenuScreen(DialogScreen):
    """A drop-down card anchored at ``anchor`` (the Safety button's rect)."""

    def __init__(self, app: App, name: str, on_choose: Callable[[str], None], *, anchor: pygame.Rect,
                 skin: str = "menu"):
        self.name = name
        self.on_choose = on_choose
        self.anchor = pygame.Rect(anchor)
        super().__init__(app, None, KEYS_LINE, skin=skin)

    def build(self) -> None:
        def choose(how: str) -> Callable[[], None]:
            def run() -> None:
                self.close()
                self.on_choose(how)
            return run

        self.buttons = [Button(label.format(name=self.name), choose(how), kind="danger" if how != "leave" else "normal",
                               ident=how, key=key) for how, label, key in ITEMS]
        self.buttons.append(Button("Cancel", self.close, ident="cancel"))

    def content_width(self) -> int:
        w, _h = self.app.size
        return min(w - 2 * self.theme.px(12), self.theme.px(380))

    def on_resize(self, size: tuple[int, int]) -> None:
        super().on_resize(size)
        w, h = size
        t = self.theme
        x = max(t.px(8), min(self.anchor.right - self.card.w, w - self.card.w - t.px(8)))
        y = self.anchor.bottom + t.px(6)
        if y + self.card.h > h - t.px(8):      # no room below the button: as high as it fits
            y = max(t.px(8), h - t.px(8) - self.card.h)
        self.card.topleft = (x, y)
        self._place()

    def on_enter(self) -> None:
        self.focus.set_items(self.buttons)
        self.focus.focus(self.buttons[0], show=True)
