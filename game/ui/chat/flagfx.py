"""The feel of flagging: a ring that ripples out from what was just flagged, and a pennant that pops.

``FlagEffects.start(item_id)`` when a flag is set; while ``active()`` the chat
runs at full frame rate and ``draw(surface, chat)`` paints the effect over the
message bubble or profile card. It lasts ``DURATION`` seconds and changes
nothing but pixels. The short sound that goes with it is ``flag``
(game/ui/sound.py).
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import pygame

from ..widgets import draw_flag_marker

DURATION = 0.45


class FlagEffects:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._running: list[tuple[str, float]] = []
        self._drawn = False

    def toggled(self, item_id: str, flagged: bool) -> None:
        """A flag was set (start the effect) or taken away (stop it)."""
        if flagged:
            self.start(item_id)
        else:
            self.stop(item_id)

    def needs_frame(self) -> bool:
        """True while the effect runs, and once more after it ended (that frame wipes the last ring)."""
        running = self.active()
        again, self._drawn = running or self._drawn, running
        return again

    def start(self, item_id: str) -> None:
        self._running = [(i, t) for i, t in self._running if i != item_id] + [(item_id, self.clock())]

    def stop(self, item_id: str) -> None:
        self._running = [(i, t) for i, t in self._running if i != item_id]

    def active(self) -> bool:
        now = self.clock()
        self._running = [(i, t) for i, t in self._running if now - t < DURATION]
        return bool(self._running)

    def progress(self, item_id: str) -> float | None:
        """0..1 through the effect of ``item_id``, or None when it is not running."""
        now = self.clock()
        for i, t in self._running:
            if i == item_id and now - t < DURATION:
                return (now - t) / DURATION
        return None

    def draw(self, surface: pygame.Surface, chat: Any) -> None:
        for item_id, _t in list(self._running):
            p = self.progress(item_id)
            rect = target_rect(chat, item_id)
            if p is None or rect is None:
                continue
            _draw_one(surface, chat.theme, rect, p)


def target_rect(chat: Any, item_id: str) -> pygame.Rect | None:
    """Where ``item_id`` is on the screen now: its profile card, or its newest bubble in view."""
    if item_id.startswith("profile."):
        for card in chat.profile_cards:
            if card.item_id == item_id and chat.profile_visible():
                return card.rect.clip(chat.r_profile) or None
        return None
    v = chat.r_view
    for it in reversed(chat.timeline.items):
        if it.item_id == item_id:
            r = it.bubble.move(v.x, v.y + it.y - chat.scroll)
            return r if r.colliderect(v) else None
    return None


def _draw_one(surface: pygame.Surface, theme: Any, rect: pygame.Rect, p: float) -> None:
    colour = theme.p.flag
    ease = 1 - (1 - p) ** 3                    # fast out, slow at the end
    grow = theme.px(3) + int(theme.px(14) * ease)
    alpha = int(255 * (1 - p))
    ring = rect.inflate(2 * grow, 2 * grow)
    layer = pygame.Surface(ring.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*colour[:3], alpha), layer.get_rect(), width=max(2, theme.px(3)),
                     border_radius=theme.shape.bubble_radius + grow)
    surface.blit(layer, ring.topleft)
    # the pennant pops above the top right corner: up to 1.5x, then settles
    size = int(theme.px(18) * (1 + 0.5 * math.sin(math.pi * min(1.0, p * 1.4))))
    x, y = rect.right - size // 2, rect.top - size - theme.px(2) - int(theme.px(8) * ease)
    draw_flag_marker(surface, colour, x, y, size)
