"""Dialogs: a card over the dimmed screen below, with a scrollable body and pinned buttons.

``ScrollDialog`` is the base (subclasses fill ``buttons`` in ``build`` and the
body in ``build_body``); ``NoticeDialog`` shows a title and a sentence.
"""
from __future__ import annotations

import pygame

from .app import App, Screen
from .scrolling import Scroller
from .widgets import Button, ButtonPointer, FocusRing, draw_fade, draw_modal_card


class ScrollDialog(Screen):
    """A card over the dimmed screen below: a scrollable body and pinned buttons.

    Subclasses fill ``self.buttons`` in :meth:`build` and draw the body in
    :meth:`build_body` (a list of (surface, gap above) pairs).
    """

    opaque = False
    max_width = 660

    def __init__(self, app: App):
        super().__init__(app)
        self.buttons: list[Button] = []
        self.focus = FocusRing()
        self.scroller = Scroller()
        self.card = pygame.Rect(0, 0, 0, 0)
        self.body: list[tuple[pygame.Surface, int]] = []
        self.body_h = 0
        self.pointer = ButtonPointer(consume_clicks=True)
        self.build()

    def build(self) -> None: ...

    def build_body(self, width: int) -> list[tuple[pygame.Surface, int]]:
        return []

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def on_enter(self) -> None:
        self.focus.set_items(self.buttons)
        if self.buttons:
            self.focus.focus(self.buttons[0], show=True)

    def on_settings_changed(self) -> None:
        ident = getattr(self.focus.current, "ident", None)
        self.build()
        self.focus.set_items(self.buttons)
        for b in self.buttons:
            if b.ident == ident:
                self.focus.focus(b)
        self.on_resize(self.app.size)

    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        margin = t.px(16)
        cw = min(w - 2 * margin, t.px(self.max_width))
        pad = t.px(26)
        inner = cw - 2 * pad - t.px(22)   # room for the scrollbar on the right
        self.body = self.build_body(inner)
        self.body_h = sum(s.get_height() + g for s, g in self.body)
        # buttons side by side when they fit, else stacked
        sizes = [b.preferred_size(kit, t) for b in self.buttons]
        bh = max([max(s[1], t.px(48)) for s in sizes] or [0])
        gap = t.px(12)
        row_w = sum(max(s[0], t.px(140)) for s in sizes) + gap * max(0, len(sizes) - 1)
        stacked = row_w > cw - 2 * pad
        buttons_h = (bh * len(sizes) + gap * max(0, len(sizes) - 1)) if stacked else bh
        card_h = min(h - 2 * margin, pad + self.body_h + t.px(20) + buttons_h + pad)
        self.card = pygame.Rect(0, 0, cw, card_h)
        self.card.center = (w // 2, h // 2)
        view = pygame.Rect(self.card.x + pad, self.card.y + pad, cw - 2 * pad,
                           max(t.px(40), card_h - 2 * pad - buttons_h - t.px(20)))
        self.scroller.set_content(self.body_h, view)
        y = self.card.bottom - pad - buttons_h
        if stacked:
            for b in self.buttons:
                b.rect = pygame.Rect(self.card.x + pad, y, cw - 2 * pad, bh)
                y += bh + gap
        else:
            x = self.card.right - pad
            for b, s in zip(reversed(self.buttons), reversed(sizes)):
                bw = max(s[0], t.px(140))
                b.rect = pygame.Rect(x - bw, y, bw, bh)
                x -= bw + gap
        self.focus.set_items(self.buttons)
        self.dirty = True

    def handle_event(self, event: pygame.event.Event) -> bool:
        t = self.theme
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.close()
                return True
            if event.key == pygame.K_TAB or event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                back = (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT) or event.key == pygame.K_LEFT
                self.focus.move(-1 if back else 1)
                self.dirty = True
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                cur = self.focus.current
                if cur is not None:
                    cur.activate()
                    self.dirty = True
                return True
            if self.scroller.handle_key(event.key, line):
                self.dirty = True
                return True
            return True
        if self.scroller.handle_event(event, t, line):
            self.dirty = True
            return True
        return self.pointer.handle(self, event, self.buttons)

    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        draw_modal_card(surface, t, self.card)
        view = self.scroller.view
        old = surface.get_clip()
        surface.set_clip(view)
        y = view.y - self.scroller.offset
        for s, gap in self.body:
            y += gap
            if y + s.get_height() >= view.y and y <= view.bottom:
                surface.blit(s, (view.x, y))
            y += s.get_height()
        surface.set_clip(old)
        if self.scroller.scrollable:
            fade = min(t.px(28), view.h // 4)
            if self.scroller.offset < self.scroller.max_offset:
                draw_fade(surface, pygame.Rect(view.x, view.bottom - fade, view.w, fade), t.p.surface)
            if self.scroller.offset > 0:
                draw_fade(surface, pygame.Rect(view.x, view.y, view.w, fade // 2), t.p.surface, bottom=False)
            self.scroller.draw_bar(surface, t)
            if self.scroller.offset < self.scroller.max_offset:
                more = kit.render_line("More below", "small", t.p.text_dim)
                surface.blit(more, (self.card.x + t.px(26), self.buttons[0].rect.centery - more.get_height() // 2)
                             if self.buttons and self.buttons[-1].rect.x > self.card.x + t.px(26) + more.get_width()
                             else (view.x, view.bottom + t.px(2)))
        for b in self.buttons:
            b.draw(surface, kit, t, self.focus.is_focused(b))


class NoticeDialog(ScrollDialog):
    """A short message with one OK button."""

    def __init__(self, app: App, title: str, text: str):
        self.title, self.text = title, text
        super().__init__(app)

    def build(self) -> None:
        self.buttons = [Button("OK", self.close, kind="primary", ident="ok")]

    def build_body(self, width: int) -> list[tuple[pygame.Surface, int]]:
        t, kit = self.theme, self.kit
        return [(kit.render_block(self.title, "heading", t.p.text, width), 0),
                (kit.render_block(self.text, "body", t.p.text, width), t.px(12))]
