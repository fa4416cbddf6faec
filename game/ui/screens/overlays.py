"""Overlays used by the chat: pause menu, confirmations, the link warning and help.

All are DialogScreens: a card over the dimmed chat, keyboard reachable,
Escape closes. The chat's clocks stop while one is open (only the top
screen is updated).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.play import help_country
from game.play.exits import pause_words

from ..app import App, Screen
from ..drawing import bullet
from ..widgets import Button, FocusRing, draw_fade, draw_modal_card
from .base import DialogScreen


class ConfirmScreen(DialogScreen):
    """A yes/no question; the confirm button is focused so Enter confirms."""

    def __init__(self, app: App, title: str, body: str, confirm_label: str, on_confirm: Callable[[], None],
                 *, kind: str = "danger", skin: str = "menu", cancel_label: str = "Cancel"):
        self._confirm = (confirm_label, on_confirm, kind)
        self._cancel_label = cancel_label
        super().__init__(app, title, body, skin=skin)

    def build(self) -> None:
        label, action, kind = self._confirm

        def confirm() -> None:
            self.close()
            action()

        yes = Button(label, confirm, kind=kind, ident="confirm")
        self.buttons = [yes, Button(self._cancel_label, self.close, ident="cancel")]

    def on_enter(self) -> None:
        self.focus.set_items(self.buttons)
        self.focus.focus(self.buttons[0], show=True)


class LinkWarningScreen(DialogScreen):
    """Shown instead of opening a link: nothing is ever opened."""

    def __init__(self, app: App, link: str, *, skin: str = "menu",
                 flagged: bool = False, on_flag: Callable[[], None] | None = None):
        self.link = link
        self.flagged = flagged
        self.on_flag = on_flag
        body = ("In real life, don't open links from people you don't know. A link can steal your account, "
                "grab your details or take you somewhere unsafe.\n\nThe link was: " + link +
                "\n(Nothing was opened.)")
        super().__init__(app, "This link could be a trap", body, skin=skin)

    def build(self) -> None:
        self.buttons = [Button("OK, got it", self.close, kind="primary", ident="ok")]
        on_flag = self.on_flag
        if on_flag is not None and not self.flagged:
            def flag() -> None:
                self.close()
                on_flag()
            self.buttons.append(Button("Flag this message", flag, ident="flag"))

    def on_enter(self) -> None:
        self.focus.set_items(self.buttons)
        self.focus.focus(self.buttons[0], show=True)


class PauseScreen(DialogScreen):
    """Escape or the Pause button: resume, get help, settings, quick exit (Q)."""

    title = pause_words()["title"]
    body = pause_words()["body"]

    def __init__(self, app: App, *, on_quick_exit: Callable[[], None], skin: str = "menu"):
        self.on_quick_exit = on_quick_exit
        super().__init__(app, skin=skin)

    def build(self) -> None:
        def help_() -> None:
            self.app.push(HelpScreen(self.app, skin=self.skin))

        def settings() -> None:
            self.app.open("settings", skin=self.skin, overlay=True)

        def quick_exit() -> None:
            self.close()
            self.on_quick_exit()

        w = pause_words()
        self.buttons = [
            Button(w["resume"], self.close, kind="primary", ident="resume"),
            Button(w["help"], help_, ident="help", key=pygame.K_h),
            Button(w["settings"], settings, ident="settings", key=pygame.K_s),
            Button(w["quick_exit"], quick_exit, kind="danger", ident="quick_exit", key=pygame.K_q),
        ]

    def on_enter(self) -> None:
        self.focus.set_items(self.buttons)
        self.focus.focus(self.buttons[0], show=True)


class HelpScreen(Screen):
    """'I need to talk to someone': the help resources from game/data/help_resources.yaml."""

    opaque = False

    def __init__(self, app: App, skin: str = "menu"):
        super().__init__(app)
        self.skin = skin
        self.scroll = 0
        self.content: pygame.Surface | None = None
        self.card = pygame.Rect(0, 0, 0, 0)
        self.view = pygame.Rect(0, 0, 0, 0)
        self.back = Button("Back", self.close, kind="primary", ident="back")
        self.focus = FocusRing()
        self.focus.set_items([self.back])
        self.focus.focus(self.back)
        try:
            from game.taxonomy import load_help

            self.info: Any = load_help()
            chosen = getattr(getattr(app, "settings", None), "country_choice", None)
            if chosen:      # the player chose a country in the settings: only its help
                self.info = self.info.for_country(self.info.country_for("", chosen))
        except Exception:  # the data file is missing or broken: still show something useful
            self.info = None

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def _build_content(self, width: int) -> pygame.Surface:
        t, kit = self.theme, self.kit
        parts: list[tuple[pygame.Surface, int]] = []

        def add(surf: pygame.Surface, gap: int = 0) -> None:
            parts.append((surf, gap))

        add(kit.render_block(help_country.TITLE, "title", t.p.text, width))
        sentences = list(self.info.never_your_fault) if self.info else [
            "It is not your fault. Tell an adult you trust: a parent, a teacher, a school counsellor."]
        for s in sentences:   # a hanging indent: wrapped lines line up with the text, not the bullet
            add(bullet(kit, t, s, "body", t.p.text, width), t.px(8))
        add(kit.render_block("Tell an adult you trust: a parent, a teacher, a school counsellor. "
                             "Or contact one of these:", "body_bold", t.p.text, width), t.px(18))
        if self.info:
            for r in self.info.resources:
                head = f"{r.name}" + (f"  ({r.region})" if r.region else "")
                add(kit.render_block(head, "body_bold", t.p.accent if not t.high_contrast else t.p.text, width),
                    t.px(14))
                add(kit.render_block(r.purpose, "body", t.p.text, width), t.px(2))
                contact = "   ".join(x for x in (r.website, ("Phone " + r.phone) if r.phone else "") if x)
                if contact:
                    add(kit.render_block(contact, "body", t.p.text_dim, width), t.px(2))
        h = sum(block.get_height() + g for block, g in parts)
        surf = pygame.Surface((width, max(1, h)), pygame.SRCALPHA)
        y = 0
        for block, g in parts:
            y += g
            surf.blit(block, (0, y))
            y += block.get_height()
        return surf

    def on_resize(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        cw = min(w - 2 * t.px(20), t.px(720))
        pad = t.px(24)
        self.content = self._build_content(cw - 2 * pad)
        bw, bh = self.back.preferred_size(self.kit, t)
        bh = max(bh, t.px(46))
        card_h = min(h - 2 * t.px(16), self.content.get_height() + 3 * pad + bh)
        self.card = pygame.Rect(0, 0, cw, card_h)
        self.card.center = (w // 2, h // 2)
        self.view = pygame.Rect(self.card.x + pad, self.card.y + pad, cw - 2 * pad, card_h - 3 * pad - bh)
        self.back.rect = pygame.Rect(self.card.x + pad, self.card.bottom - pad - bh, min(cw - 2 * pad, t.px(220)), bh)
        self.scroll = max(0, min(self.scroll, self.max_scroll))
        self.dirty = True

    @property
    def max_scroll(self) -> int:
        return max(0, (self.content.get_height() if self.content else 0) - self.view.h)

    def _scroll_by(self, dy: int) -> None:
        new = max(0, min(self.max_scroll, self.scroll + dy))
        if new != self.scroll:
            self.scroll = new
            self.dirty = True

    def handle_event(self, event: pygame.event.Event) -> bool:
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_BACKSPACE):
                self.close()
            elif event.key == pygame.K_DOWN:
                self._scroll_by(2 * line)
            elif event.key == pygame.K_UP:
                self._scroll_by(-2 * line)
            elif event.key == pygame.K_PAGEDOWN:
                self._scroll_by(self.view.h - line)
            elif event.key == pygame.K_PAGEUP:
                self._scroll_by(-(self.view.h - line))
            elif event.key == pygame.K_HOME:
                self._scroll_by(-10**6)
            elif event.key == pygame.K_END:
                self._scroll_by(10**6)
            elif event.key == pygame.K_TAB:
                self.focus.visible = True
                self.dirty = True
            return True
        if event.type == pygame.MOUSEWHEEL:
            self._scroll_by(-event.y * 3 * line)
            return True
        if event.type == pygame.MOUSEMOTION:
            hov = self.back.rect.collidepoint(event.pos)
            if hov != self.back.hovered:
                self.back.hovered = hov
                self.dirty = True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.back.rect.collidepoint(event.pos):
            self.close()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        draw_modal_card(surface, t, self.card)
        if self.content is not None:
            surface.blit(self.content, self.view.topleft, pygame.Rect(0, self.scroll, self.view.w, self.view.h))
            fade = min(t.px(28), self.view.h // 4)
            if self.scroll < self.max_scroll:
                draw_fade(surface, pygame.Rect(self.view.x, self.view.bottom - fade, self.view.w, fade), t.p.surface)
            if self.scroll > 0:
                draw_fade(surface, pygame.Rect(self.view.x, self.view.y, self.view.w, fade // 2), t.p.surface,
                          bottom=False)
            if self.max_scroll:
                track = pygame.Rect(self.view.right + t.px(8), self.view.y, t.px(4), self.view.h)
                if t.high_contrast:   # an outlined track, so the white thumb shows where you are
                    pygame.draw.rect(surface, t.p.text, track.inflate(2, 2), width=1, border_radius=3)
                else:
                    pygame.draw.rect(surface, t.p.border, track, border_radius=2)
                th = max(t.px(24), int(self.view.h * self.view.h / self.content.get_height()))
                ty = track.y + int((track.h - th) * self.scroll / self.max_scroll)
                pygame.draw.rect(surface, t.p.text_dim, pygame.Rect(track.x, ty, track.w, th), border_radius=2)
                if self.scroll < self.max_scroll:
                    more = self.kit.render_line("Scroll for more", "small", t.p.text_dim)
                    surface.blit(more, (self.back.rect.right + t.px(16),
                                        self.back.rect.centery - more.get_height() // 2))
        self.back.draw(surface, self.kit, t, self.focus.is_focused(self.back))
