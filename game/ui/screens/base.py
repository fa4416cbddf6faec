"""Reusable screen layouts: a menu page and a dialog overlay.

``MenuScreen`` shows a title, an optional paragraph and a column of buttons;
``DialogScreen`` is the same in a card over a dimmed copy of the screen below
(``opaque = False``). Both give Tab / arrow / Enter / number-key navigation and
a visible focus ring for free. Subclass and fill ``self.buttons`` in
``build()``.
"""
from __future__ import annotations

import pygame

from ..app import App, Screen
from ..widgets import Button, FocusRing, draw_round_rect, draw_shadow


class MenuScreen(Screen):
    title = ""
    body = ""
    #: Called on Escape; None means Escape does nothing.
    escape_action = None

    def __init__(self, app: App, title: str | None = None, body: str | None = None):
        super().__init__(app)
        if title is not None:
            self.title = title
        if body is not None:
            self.body = body
        self.buttons: list[Button] = []
        self.focus = FocusRing()
        self.card = pygame.Rect(0, 0, 0, 0)
        self._pressed: Button | None = None
        self.build()

    def build(self) -> None:
        """Fill ``self.buttons``. Called once and after settings change."""

    # -- layout ----------------------------------------------------------------
    def content_width(self) -> int:
        w, _h = self.app.size
        return min(w - 2 * self.theme.px(24), self.theme.px(640))

    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        cw = self.content_width()
        pad = t.px(28)
        y = 0
        if self.title:
            y += kit.render_block(self.title, "title", t.p.text, cw - 2 * pad).get_height() + t.px(14)
        if self.body:
            y += kit.render_block(self.body, "body", t.p.text, cw - 2 * pad).get_height() + t.px(20)
        bh = []
        for b in self.buttons:
            bw, bhh = b.preferred_size(kit, t, cw - 2 * pad)
            bh.append((bw, max(bhh, t.px(48))))
        y += sum(x[1] for x in bh) + t.px(12) * max(0, len(bh) - 1)
        total = y + 2 * pad
        self.card = pygame.Rect(0, 0, cw, min(total, h - t.px(16)))
        self.card.center = (w // 2, h // 2)
        yy = self.card.y + pad + (y - sum(x[1] for x in bh) - t.px(12) * max(0, len(bh) - 1))
        for b, (bw, bhh) in zip(self.buttons, bh):
            b.rect = pygame.Rect(self.card.x + pad, yy, cw - 2 * pad, bhh)
            yy += bhh + t.px(12)
        self.focus.set_items(self.buttons)
        self.dirty = True

    def on_settings_changed(self) -> None:
        self.buttons = []
        self.build()
        self.on_resize(self.app.size)

    # -- input -----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
                back = event.key == pygame.K_UP or (event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
                self.focus.move(-1 if back else 1)
                self.dirty = True
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                cur = self.focus.current
                if cur is not None and self.focus.visible:
                    cur.activate()
                    self.dirty = True
                    return True
            if event.key == pygame.K_ESCAPE and self.escape_action is not None:
                self.escape_action()
                return True
            for b in self.buttons:
                if b.key is not None and event.key == b.key:
                    b.activate()
                    self.dirty = True
                    return True
            if pygame.K_1 <= event.key <= pygame.K_9:
                i = event.key - pygame.K_1
                numbered = [b for b in self.buttons if b.badge]
                if i < len(numbered):
                    numbered[i].activate()
                    return True
        elif event.type == pygame.MOUSEMOTION:
            changed = False
            for b in self.buttons:
                hov = b.rect.collidepoint(event.pos)
                if hov != b.hovered:
                    b.hovered = hov
                    changed = True
            if changed:
                self.dirty = True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.rect.collidepoint(event.pos):
                    self._pressed = b
                    return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            b = self._pressed
            self._pressed = None
            if b is not None and b.rect.collidepoint(event.pos):
                self.focus.focus(b, show=False)
                b.activate()
                self.dirty = True
                return True
        return False

    # -- drawing ---------------------------------------------------------------
    def draw_card(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        draw_shadow(surface, t, self.card, t.shape.panel_radius, 6)
        draw_round_rect(surface, t.p.surface, self.card, t.shape.panel_radius, t.border_width, t.p.border)
        pad = t.px(28)
        x, y = self.card.x + pad, self.card.y + pad
        cw = self.card.w - 2 * pad
        if self.title:
            s = kit.render_block(self.title, "title", t.p.text, cw)
            surface.blit(s, (x, y))
            y += s.get_height() + t.px(14)
        if self.body:
            s = kit.render_block(self.body, "body", t.p.text, cw)
            surface.blit(s, (x, y))
        for b in self.buttons:
            b.draw(surface, kit, t, self.focus.is_focused(b))

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.theme.p.bg)
        self.draw_card(surface)


class DialogScreen(MenuScreen):
    """A MenuScreen drawn as a card over the dimmed screen below it."""

    opaque = False

    def __init__(self, app: App, title: str | None = None, body: str | None = None, skin: str | None = None):
        if skin is not None:
            self.skin = skin
        super().__init__(app, title, body)

    def content_width(self) -> int:
        w, _h = self.app.size
        return min(w - 2 * self.theme.px(20), self.theme.px(560))

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    escape_action = close

    def draw(self, surface: pygame.Surface) -> None:
        dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        dim.fill(self.theme.p.overlay)
        surface.blit(dim, (0, 0))
        self.draw_card(surface)
