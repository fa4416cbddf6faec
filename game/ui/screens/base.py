"""Reusable screen layouts: a menu page and a dialog overlay.

``MenuScreen`` shows a title, an optional paragraph and a column of buttons;
``DialogScreen`` is the same in a card over a dimmed copy of the screen below
(``opaque = False``). Both give Tab / arrow / Enter / number-key navigation and
a visible focus ring for free. Subclass and fill ``self.buttons`` in
``build()``.
"""
from __future__ import annotations

from collections.abc import Callable

import pygame

from ..app import App, Screen
from ..widgets import Button, ButtonPointer, FocusRing, draw_round_rect, draw_shadow


class MenuScreen(Screen):
    title = ""
    body = ""
    #: Called on Escape; None means Escape does nothing.
    escape_action: Callable[[], None] | None = None

    def __init__(self, app: App, title: str | None = None, body: str | None = None):
        super().__init__(app)
        if title is not None:
            self.title = title
        if body is not None:
            self.body = body
        self.buttons: list[Button] = []
        self.focus = FocusRing()
        self.card = pygame.Rect(0, 0, 0, 0)
        self.scroll = 0
        self.content_h = 0
        self.pointer = ButtonPointer()
        self.build()

    def build(self) -> None:
        """Fill ``self.buttons``. Called once and after settings change."""

    # -- layout ----------------------------------------------------------------
    def content_width(self) -> int:
        w, _h = self.app.size
        return min(w - 2 * self.theme.px(24), self.theme.px(640))

    def on_resize(self, size: tuple[int, int]) -> None:
        """Lay the card out; when it is taller than the window (large text on a small
        screen) it keeps the window's height and its content scrolls."""
        t, kit = self.theme, self.kit
        w, h = size
        cw = self.content_width()
        pad = t.px(28)
        y = pad                       # content coordinates: 0 is the card's top
        self._title_y = self._body_y = y
        if self.title:
            y += kit.render_block(self.title, "title", t.p.text, cw - 2 * pad).get_height() + t.px(14)
        self._body_y = y
        if self.body:
            y += kit.render_block(self.body, "body", t.p.text, cw - 2 * pad).get_height() + t.px(20)
        self._boxes: list[pygame.Rect] = []
        for i, b in enumerate(self.buttons):
            _bw, bhh = b.preferred_size(kit, t, cw - 2 * pad)
            if i:
                y += t.px(12)
            self._boxes.append(pygame.Rect(pad, y, cw - 2 * pad, max(bhh, t.px(48))))
            y += max(bhh, t.px(48))
        self.content_h = y + pad
        self.card = pygame.Rect(0, 0, cw, min(self.content_h, h - t.px(16)))
        self.card.center = (w // 2, h // 2)
        self.scroll = max(0, min(getattr(self, "scroll", 0), self.max_scroll))
        self._place()
        self.focus.set_items(self.buttons)
        self._keep_focus_visible()
        self.dirty = True

    @property
    def max_scroll(self) -> int:
        return max(0, getattr(self, "content_h", 0) - self.card.h)

    def _place(self) -> None:
        for b, box in zip(self.buttons, getattr(self, "_boxes", [])):
            b.rect = box.move(self.card.x, self.card.y - self.scroll)

    def _scroll_to(self, value: int) -> None:
        value = max(0, min(self.max_scroll, int(value)))
        if value != getattr(self, "scroll", 0):
            self.scroll = value
            self._place()
            self.dirty = True

    def _keep_focus_visible(self) -> None:
        cur = self.focus.current
        if cur is None or not self.max_scroll:
            return
        margin = self.theme.px(12)
        if cur.rect.y < self.card.y + margin:
            self._scroll_to(self.scroll - (self.card.y + margin - cur.rect.y))
        elif cur.rect.bottom > self.card.bottom - margin:
            self._scroll_to(self.scroll + cur.rect.bottom - (self.card.bottom - margin))

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
                self._keep_focus_visible()
                self.dirty = True
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self.max_scroll:
                step = self.card.h - self.theme.px(60)
                self._scroll_to(self.scroll + (step if event.key == pygame.K_PAGEDOWN else -step))
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
        elif event.type == pygame.MOUSEWHEEL:
            if self.max_scroll:
                self._scroll_to(self.scroll - event.y * 3 * self.kit.line_height("body"))
                return True
        else:
            return self.pointer.handle(self, event, self.buttons, self._hit)
        return False

    def _hit(self, pos) -> Button | None:
        """A button is pressed where it shows: not where the card scrolled it out of view."""
        if self.max_scroll and not self.card.collidepoint(pos):
            return None
        return next((b for b in self.buttons if b.rect.collidepoint(pos)), None)

    # -- drawing ---------------------------------------------------------------
    def draw_card(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        draw_shadow(surface, t, self.card, t.shape.panel_radius, 6)
        draw_round_rect(surface, t.p.surface, self.card, t.shape.panel_radius, t.border_width, t.p.border)
        pad = t.px(28)
        x, top = self.card.x + pad, self.card.y - getattr(self, "scroll", 0)
        cw = self.card.w - 2 * pad
        clip = surface.get_clip()
        if self.max_scroll:
            surface.set_clip(self.card.inflate(-2 * t.border_width, -2 * t.border_width).clip(clip))
        if self.title:
            s = kit.render_block(self.title, "title", t.p.text, cw)
            surface.blit(s, (x, top + getattr(self, "_title_y", pad)))
        if self.body:
            s = kit.render_block(self.body, "body", t.p.text, cw)
            surface.blit(s, (x, top + getattr(self, "_body_y", pad)))
        for b in self.buttons:
            b.draw(surface, kit, t, self.focus.is_focused(b))
        surface.set_clip(clip)
        if self.max_scroll:   # where the card is scrolled to
            track = pygame.Rect(self.card.right - t.px(10), self.card.y + t.px(10), t.px(4), self.card.h - t.px(20))
            th = max(t.px(28), int(track.h * self.card.h / max(1, self.content_h)))
            ty = track.y + int((track.h - th) * self.scroll / self.max_scroll)
            if t.high_contrast:
                pygame.draw.rect(surface, t.p.text, track.inflate(2, 2), width=1, border_radius=3)
            else:
                pygame.draw.rect(surface, t.p.border, track, border_radius=2)
            pygame.draw.rect(surface, t.p.text if t.high_contrast else t.p.text_dim,
                             pygame.Rect(track.x, ty, track.w, th), border_radius=2)

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
