"""A one-line text entry: typing, editing keys, a character limit and an inline problem line."""
from __future__ import annotations

import re
from collections.abc import Callable

import pygame

from .text import TextKit
from .theme import Theme
from .widgets import Widget, draw_focus_ring, draw_round_rect

#: what a nickname or a class code may contain
ALLOWED = re.compile(r"[A-Za-z0-9_-]")


class TextField(Widget):
    """A one-line entry that accepts letters, digits, ``_`` and ``-`` up to ``max_len``.

    Anything else is refused (nothing is inserted) and ``problem`` says why, in
    words; ``hint`` is shown when there is no problem.
    """

    def __init__(self, label: str, *, max_len: int, ident: str, placeholder: str = "", hint: str = "",
                 upper: bool = False, on_change: Callable[[str], None] | None = None, text: str = ""):
        super().__init__()
        self.label = label
        self.max_len = max_len
        self.ident = ident
        self.placeholder = placeholder
        self.hint = hint
        self.upper = upper
        self.on_change = on_change
        self.text = ""
        self.cursor = 0
        self.problem: str | None = None
        self.hovered = False
        self.box = pygame.Rect(0, 0, 0, 0)      # content coordinates
        self.hint_box = pygame.Rect(0, 0, 0, 0)
        if text:
            self.insert(text)
            self.problem = None

    # -- editing ---------------------------------------------------------------
    def insert(self, typed: str) -> bool:
        """Insert what fits and is allowed; True if anything was inserted."""
        accepted: list[str] = []
        refused = too_long = False
        for ch in typed:
            if not ALLOWED.fullmatch(ch):
                refused = True
                continue
            if len(self.text) + len(accepted) >= self.max_len:
                too_long = True
                break
            accepted.append(ch.upper() if self.upper else ch)
        if accepted:
            add = "".join(accepted)
            self.text = self.text[:self.cursor] + add + self.text[self.cursor:]
            self.cursor += len(add)
            self._changed()
        # a refusal stays in view (a later accepted letter must not hide it); deleting clears it
        if too_long:
            self.problem = f"{self.max_len} characters at most"
        elif refused:
            self.problem = "Only letters, numbers, _ and -"
        return bool(accepted)

    def set_text(self, text: str) -> None:
        self.text, self.cursor, self.problem = "", 0, None
        self.insert(text)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self.text)

    def handle_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key == pygame.K_BACKSPACE:
            if self.cursor > 0:
                n = self.cursor if event.mod & pygame.KMOD_CTRL else 1
                self.text = self.text[:self.cursor - n] + self.text[self.cursor:]
                self.cursor -= n
                self.problem = None
                self._changed()
            return True
        if key == pygame.K_DELETE:
            if self.cursor < len(self.text):
                self.text = self.text[:self.cursor] + self.text[self.cursor + 1:]
                self.problem = None
                self._changed()
            return True
        if key == pygame.K_LEFT:
            self.cursor = max(0, self.cursor - 1)
            return True
        if key == pygame.K_RIGHT:
            self.cursor = min(len(self.text), self.cursor + 1)
            return True
        if key == pygame.K_HOME:
            self.cursor = 0
            return True
        if key == pygame.K_END:
            self.cursor = len(self.text)
            return True
        if key == pygame.K_v and event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META):
            try:
                pasted = pygame.scrap.get_text() if hasattr(pygame.scrap, "get_text") else ""
            except (pygame.error, AttributeError):
                pasted = ""
            if pasted:
                self.insert(pasted.strip())
            return True
        return False

    # -- drawing -------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, kit: TextKit, theme: Theme, focused: bool = False) -> None:
        t, r = theme, self.rect
        radius = min(t.shape.button_radius, r.h // 2)
        field_bg = t.p.bg
        border = t.p.text if (t.high_contrast or focused or self.hovered) else t.p.border
        draw_round_rect(surface, field_bg, r, radius, max(t.border_width, 2 if focused else 1), border)
        pad = t.px(12)
        count = kit.render_line(f"{len(self.text)}/{self.max_len}", "small", t.p.text_dim)
        avail = r.w - 2 * pad - count.get_width() - t.px(10)
        old = surface.get_clip()
        clip = pygame.Rect(r.x + pad, r.y, max(1, avail), r.h).clip(old) if old else pygame.Rect(
            r.x + pad, r.y, max(1, avail), r.h)
        surface.set_clip(clip)
        if self.text:
            s = kit.render_line(self.text, "body", t.p.text)
            cx = kit.measure(self.text[:self.cursor], "body")
            shift = max(0, cx - avail + t.px(4))
            surface.blit(s, (r.x + pad - shift, r.centery - s.get_height() // 2))
        else:
            cx, shift = 0, 0
            if not focused and self.placeholder:
                s = kit.render_line(self.placeholder, "body", t.p.text_dim)
                surface.blit(s, (r.x + pad, r.centery - s.get_height() // 2))
        surface.set_clip(old)
        if focused:
            lh = kit.line_height("body")
            x = r.x + pad + cx - shift
            pygame.draw.line(surface, t.p.text, (x, r.centery - lh // 2 + 2), (x, r.centery + lh // 2 - 2),
                             max(2, t.px(2)))
        surface.blit(count, (r.right - pad - count.get_width(), r.centery - count.get_height() // 2))
        if focused:
            draw_focus_ring(surface, t, r, radius)


# ---------------------------------------------------------------------------
# unfinished chats: "Continue your unfinished chat"
# ---------------------------------------------------------------------------
