"""The neutral screen a quick exit lands on: a plain "Notes" page, nothing that says Red Flags.

Somebody looking over a shoulder sees a list of homework, and the window's
title says "Notes". The words are those of the browser's quick-exit page
(``game/server/static/play/away.html``), read from that file, so both front
ends land on the same page. Escape twice (within two seconds) goes back to the
start screen; nothing on the page says so, on purpose.
"""
from __future__ import annotations

import html
import re
import time

import pygame

from game import paths

from ..app import App, Screen

TITLE = "Notes"
FALLBACK_ITEMS = ("Maths: page 42, exercises 1 to 6",)
BACK_WITHIN_S = 2.0
PAGE = (248, 248, 246)
INK = (40, 40, 40)
RULE = (215, 215, 210)


def away_words() -> tuple[str, tuple[str, ...]]:
    """(heading, list items) of the browser's quick-exit page; a plain fallback if it cannot be read."""
    try:
        text = (paths.DATA_DIR.parent / "server" / "static" / "play" / "away.html").read_text(encoding="utf-8")
    except OSError:
        return TITLE, FALLBACK_ITEMS
    head = re.search(r"<h1>(.*?)</h1>", text, re.S)
    items = tuple(html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in re.findall(r"<li>(.*?)</li>", text, re.S))
    return (html.unescape(head.group(1)).strip() if head else TITLE), (items or FALLBACK_ITEMS)


class AwayScreen(Screen):
    skin = "menu"

    def __init__(self, app: App):
        super().__init__(app)
        self.heading, self.items = away_words()
        self._last_escape = -1e9

    def on_enter(self) -> None:
        pygame.display.set_caption(self.heading)
        self.dirty = True

    def on_exit(self) -> None:
        pygame.display.set_caption(getattr(self.app, "title", "Red Flags"))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            now = time.monotonic()
            if now - self._last_escape <= BACK_WITHIN_S:
                self.app.show_start()
            else:
                self._last_escape = now
            return True
        return event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.TEXTINPUT)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(PAGE)
        kit = self.kit
        w, h = surface.get_size()
        margin = max(24, w // 12)
        y = max(24, h // 10)
        title = kit.render_line(self.heading, "title", INK)
        surface.blit(title, (margin, y))
        y += title.get_height() + kit.line_height("body") // 2
        pygame.draw.line(surface, RULE, (margin, y), (w - margin, y), 1)
        y += kit.line_height("body") // 2
        for item in self.items:
            block = kit.render_block("•  " + item, "body", INK, w - 2 * margin)
            surface.blit(block, (margin, y))
            y += block.get_height() + kit.line_height("body") // 3
