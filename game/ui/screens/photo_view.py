"""A profile photo, big: its tell-tale details readable (a watermark, a cut-off username).

Opened from the chat's profile panel by the "View photo" chip on a photo (a click on the
chip, or Tab to it and Enter, or V on a focused photo card); a click anywhere else on the
card still flags it, as before. The view is a card over the dimmed chat: the item's label,
the photo as large as the window allows (never cropped), the item's text, and two buttons:
flag or unflag it (F), and Close (Escape, V, or a click outside the card). Flagging here is
the same command as a click on the card (``on_flag``), and the button says what it will do.
The words are the chat view's (``game.play.chat_view.PHOTO_VIEW``).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game import pictures
from game.play.chat_view import PHOTO_VIEW

from ..app import App
from ..drawing import load_checked_picture
from ..widgets import Button, draw_modal_card
from .base import DialogScreen


class PhotoViewScreen(DialogScreen):
    def __init__(self, app: App, picture: Path, label: str, text: str, *, skin: str = "menu", owner: str = "",
                 is_flagged: Callable[[], bool], on_flag: Callable[[], None]):
        self.picture = picture
        self.label = label
        self.text = text
        self.is_flagged = is_flagged
        self.on_flag = on_flag
        self.image = load_checked_picture(picture)
        self.photo = pygame.Rect(0, 0, 0, 0)
        self.title_style, self.caption = "heading", True
        self._scaled: pygame.Surface | None = None
        super().__init__(app, f"{label} · {owner}" if owner else label, None, skin=skin)

    def build(self) -> None:
        self.b_flag = Button(self._flag_label(), self.flag, kind="normal", ident="flag", key=pygame.K_f)
        self.b_close = Button(PHOTO_VIEW["close"], self.close, kind="primary", ident="close", key=pygame.K_v)
        self.buttons = [self.b_close, self.b_flag]

    def _flag_label(self) -> str:
        return PHOTO_VIEW["unflag"] if self.is_flagged() else PHOTO_VIEW["flag"]

    def flag(self) -> None:
        self.on_flag()
        self.b_flag.label = self._flag_label()
        self.on_resize(self.app.size)
        self.dirty = True

    def on_enter(self) -> None:
        self.focus.set_items(self.buttons)
        self.focus.focus(self.b_close, show=True)

    # -- layout ----------------------------------------------------------------
    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        pad = t.px(20)
        margin = t.px(16)
        cw = w - 2 * margin
        inner = cw - 2 * pad
        sizes = [b.preferred_size(kit, t) for b in self.buttons]
        bh = max(max(s[1] for s in sizes), t.px(48))

        def room(title_style: str, caption: bool) -> tuple[int, int, int]:
            title_h = kit.line_height(title_style) + t.px(8)
            text_h = len(kit.wrap(self.text, "body", inner)) * kit.line_height("body") if caption and self.text else 0
            return h - 2 * margin - 2 * pad - title_h - text_h - t.px(12) - bh - t.px(16), title_h, text_h

        # a short window (Extra large text) gives the photo the room: a smaller title, no caption
        self.title_style, self.caption = "heading", True
        room_h, title_h, text_h = room("heading", True)
        if room_h < h // 2:
            self.title_style, self.caption = "body_bold", False
            room_h, title_h, text_h = room("body_bold", False)
        iw, ih = self.image.get_size() if self.image is not None else (3, 2)
        pw, ph = pictures.fit(iw, ih, inner, max(t.px(80), room_h), upscale=True)
        card_w = max(pw + 2 * pad, min(cw, t.px(560)))
        card_h = 2 * pad + title_h + ph + t.px(12) + text_h + t.px(16) + bh
        self.card = pygame.Rect(0, 0, card_w, min(card_h, h - 2 * margin))
        self.card.center = (w // 2, h // 2)
        self.photo = pygame.Rect(0, 0, pw, ph)
        self.photo.midtop = (self.card.centerx, self.card.y + pad + title_h)
        self._text_y = self.photo.bottom + t.px(12)
        x = self.card.x + pad
        y = self.card.bottom - pad - bh
        for b, (bw, _bh) in zip(self.buttons, sizes):
            b.rect = pygame.Rect(x, y, max(bw, t.px(140)), bh)
            x = b.rect.right + t.px(12)
        self._scaled = pygame.transform.smoothscale(self.image, (pw, ph)) if self.image is not None else None
        self.content_h = self.card.h
        self.scroll = 0
        self.dirty = True

    @property
    def max_scroll(self) -> int:
        return 0

    # -- input -----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not self.card.collidepoint(event.pos):
            self.close()       # a click beside the photo closes it, as a picture viewer does
            return True
        return super().handle_event(event)

    # -- drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        draw_modal_card(surface, t, self.card)
        pad = t.px(20)
        x = self.card.x + pad
        inner = self.card.w - 2 * pad
        flagged = self.is_flagged()
        head = self.title + (f"  ·  {PHOTO_VIEW['flagged']}" if flagged else "")
        surface.blit(kit.render_line(kit.ellipsize(head, self.title_style, inner), self.title_style,
                                     t.p.flag if flagged and not t.high_contrast else t.p.text), (x, self.card.y + pad))
        if self._scaled is not None:
            surface.blit(self._scaled, self.photo.topleft)
        else:
            pygame.draw.rect(surface, t.p.surface_alt, self.photo)
        pygame.draw.rect(surface, t.p.flag if flagged else t.p.border, self.photo.inflate(4, 4),
                         width=3 if flagged else t.border_width)
        if self.text and self.caption:
            surface.blit(kit.render_block(self.text, "body", t.p.text, inner), (x, self._text_y))
        for b in self.buttons:
            b.draw(surface, kit, t, self.focus.is_focused(b))
