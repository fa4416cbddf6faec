"""The window's save status: a small notice when a chat's result cannot be saved, over any screen.

The results recorders write in a thread of their own and keep what they
could not write in memory (``game.results.recorder``). ``SaveBanner.poll()``
reads their combined status once a frame (no disk access); when saving
starts failing it shows ``game.play.saving``'s sentence for a few seconds at
the top of the window, then a small "Not saved yet: trying again" label in
its place for as long as it lasts; when it works again, "saved now" for a
moment. A results file found damaged (and replaced, ``game.results.salvage``)
is said the same way, once. Both sit just below the screens' header bars (and the chat's tip), centred, so they never
cover a Block, Report or Leave button. Nothing waits for a click: the chat
goes on underneath.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pygame

from game.play import saving
from game.results import recorder, salvage

from .text import TextKit
from .theme import Theme

FAILING_S = 10.0     # how long the sentence stays when saving starts failing
RECOVERED_S = 4.0
TOP = 78             # below the header bars (they are at most 72 px high at scale 1)


class SaveBanner:
    def __init__(self, status: Callable[[], Any] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.opened = time.monotonic()     # only this window's chats count
        self.status_of = status or (lambda: recorder.overall_status(since=self.opened))
        self.clock = clock
        self.notice = saving.SaveNotice()
        self.state = "saved"
        self.status: Any = None
        self.toast: str | None = None
        self.toast_until = 0.0
        self.recovery: Any = None       # the last damaged file said (one found before the window opened too)

    def poll(self) -> bool:
        """Read the save status; True when what is drawn changed."""
        status = self.status_of()
        changed = False
        state = saving.state_of(status)
        if state != self.state:
            changed = self.state == "retrying" or state == "retrying"
            self.state, self.status = state, status
        words = self.notice.update(status)
        recovery = salvage.last_recovery()
        if recovery is not None and recovery is not self.recovery:
            self.recovery = recovery
            words = words or saving.DAMAGED
            state = "retrying"          # shown as long as a failure
        if words:
            self.toast = words
            self.toast_until = self.clock() + (FAILING_S if state == "retrying" else RECOVERED_S)
            changed = True
        if self.toast is not None and self.clock() >= self.toast_until:
            self.toast = None
            changed = True
        return changed

    @property
    def label(self) -> str | None:
        """The corner label while saving fails (None otherwise)."""
        return saving.status_words(self.status) if self.state == "retrying" else None

    def draw(self, surface: pygame.Surface, theme: Theme, kit: TextKit, screen: Any = None) -> None:
        if self.label is None and self.toast is None:
            return
        w, _ = surface.get_size()
        pad = theme.px(10)
        p = theme.p
        top = theme.px(TOP)
        for name in ("r_header", "r_actions", "r_hint"):   # the chat's header, buttons and flagging tip
            rect = getattr(screen, name, None)
            if isinstance(rect, pygame.Rect) and rect.width and rect.height:
                top = max(top, rect.bottom + theme.px(6))
        if self.toast is None and self.label is not None:
            text = kit.render_line(self.label, "small", p.notice_text)
            box = pygame.Rect(0, 0, text.get_width() + 2 * pad, text.get_height() + pad)
            box.midtop = (w // 2, top)
            pygame.draw.rect(surface, p.notice_bg, box, border_radius=theme.px(6))
            pygame.draw.rect(surface, p.flag, box, theme.border_width, border_radius=theme.px(6))
            surface.blit(text, (box.x + pad, box.y + pad // 2))
        if self.toast is not None:
            width = min(w - 4 * pad, theme.px(560))
            block = kit.render_block(self.toast, "small", p.notice_text, width - 2 * pad)
            box = pygame.Rect(0, 0, block.get_width() + 2 * pad, block.get_height() + 2 * pad)
            box.midtop = (w // 2, top)
            pygame.draw.rect(surface, p.notice_bg, box, border_radius=theme.px(8))
            pygame.draw.rect(surface, p.border, box, theme.border_width, border_radius=theme.px(8))
            surface.blit(block, (box.x + pad, box.y + pad))
