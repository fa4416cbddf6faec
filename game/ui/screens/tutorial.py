"""The practice chat: a real chat screen with a coach card on top (game/play/onboarding.py).

``TutorialScreen(app, then=callable)`` plays game/data/tutorial.yaml in the
social-media skin. A card above the messages walks through three steps and
ticks each one off as the player does it:

1. flag the message that feels off,
2. open the profile and flag the detail that is off,
3. leave (or block or report): the chat ends.

"Skip practice" (the card's button, or K) ends it at once. Finishing,
skipping or a quick exit all count as "seen" for the nickname in use, so it
is never offered again to that nickname on this device. Nothing is stored
and there is no score: the end of the chat leads to ``then`` (the picker),
not to a debrief.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.command_language import Command
from game.play import onboarding

from ..app import App
from ..onboarding_flow import remember
from ..widgets import Button, draw_round_rect
from .chat import ChatScreen

# the coach card's words live with the practice chat, shared with the browser page
STEPS, SKIP_LABEL, DONE_LABEL = onboarding.STEPS, onboarding.SKIP_LABEL, onboarding.DONE_LABEL


class TutorialScreen(ChatScreen):
    def __init__(self, app: App, then: Callable[[], None] | None = None):
        self.then = then
        self._left = False
        super().__init__(app, onboarding.new_session())
        self.hint_visible = False           # the coach card says it instead
        self.skip_button = Button(SKIP_LABEL, self.skip, kind="ghost", ident="skip_practice", key=pygame.K_k)
        self.r_coach = pygame.Rect(0, 0, 0, 0)
        self.compact = False

    # -- progress ----------------------------------------------------------------------
    def done_steps(self) -> tuple[bool, bool, bool]:
        return onboarding.progress(self.conv.events)

    def current_step(self) -> int:
        """0-based index of the first step not done yet (3 when all are)."""
        done = self.done_steps()
        return next((i for i, d in enumerate(done) if not d), len(STEPS))

    # -- leaving -----------------------------------------------------------------------
    def _remember(self) -> None:
        remember(self.app)

    def skip(self) -> None:
        if not self.conv.ended:
            self.act_quietly("quit")
        self.finish_practice()

    def act_quietly(self, how: str) -> None:
        self.act(Command(how))

    def finish_practice(self) -> None:
        if self._left:
            return
        self._left = True
        self._remember()
        self.app.show_start()
        if self.then is not None:
            self.then()

    def show_debrief(self) -> None:       # the end of the practice leads on, not to a score
        self.finish_practice()

    def quick_exit(self) -> None:
        self._remember()
        self._left = True
        super().quick_exit()

    def _on_end(self, ev: dict, item: Any) -> None:
        super()._on_end(ev, item)
        if self.end_button is not None:
            self.end_button.label = DONE_LABEL

    # -- layout and drawing --------------------------------------------------------------
    def _layout(self, size: tuple[int, int]) -> None:
        self.hint_visible = False
        super()._layout(size)
        t, kit = self.theme, self.kit
        v = self.r_view
        pad = t.px(10)
        bw, bh = self.skip_button.preferred_size(kit, t)
        h = pad + kit.line_height("small_bold") + t.px(2) + kit.line_height("body") + \
            kit.line_height("small") + pad
        # a short window (800 x 600 at Extra large text): one line, so the messages keep their room
        self.compact = h > v.h * 0.35 or size[1] < t.px(520)   # a short window: Extra large text at 600 lines
        if self.compact:
            h = max(kit.line_height("small_bold"), bh) + pad
        self.r_coach = pygame.Rect(v.x + pad, v.y + pad // 2, v.w - 2 * pad, h)
        cut = h + pad
        self.r_view = pygame.Rect(v.x, v.y + cut, v.w, max(t.px(60), v.h - cut))
        self.skip_button.rect = pygame.Rect(self.r_coach.right - bw - pad // 2, self.r_coach.y + (h - bh) // 2,
                                            bw, bh)
        self._sync_scroller()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_k and not self.conv.ended:
            self.skip()
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.skip_visible() and \
                self.skip_button.rect.collidepoint(event.pos):
            self.skip()
            return True
        return super().handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self._draw_coach(surface)

    def coach_rect(self) -> pygame.Rect:
        """The card above the messages; it stops at the profile drawer when that lies over the chat."""
        r = self.r_coach.copy()
        if not self.wide and self.profile_open:
            r.w = max(0, self.r_profile.x - self.theme.px(8) - r.x)
        return r

    def skip_visible(self) -> bool:
        return not self.conv.ended and self.coach_rect().w == self.r_coach.w

    def _draw_coach(self, surface: pygame.Surface) -> None:
        t, kit, p = self.theme, self.kit, self.theme.p
        r = self.coach_rect()
        if r.h <= 0 or r.w < t.px(120):
            return
        draw_round_rect(surface, p.surface, r, t.px(12), t.border_width, p.accent)
        clip = surface.get_clip()
        surface.set_clip(r)
        self._draw_coach_text(surface, r)
        surface.set_clip(clip)
        if self.skip_visible():
            self.skip_button.draw(surface, kit, t)

    def _draw_coach_text(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        t, kit, p = self.theme, self.kit, self.theme.p
        pad = t.px(10)
        x, y = r.x + pad + t.px(4), r.y + pad
        step = self.current_step()
        done = self.done_steps()
        marks = "   ".join(("✓ " if d else f"{i + 1}. ") + STEPS[i][0] for i, d in enumerate(done))
        text_w = r.w - 3 * pad - (self.skip_button.rect.w if self.skip_visible() else 0)
        if self.compact:   # one line: "Practice 1/3: Flag the message that feels off"
            title = STEPS[step][0] if step < len(STEPS) else f"{onboarding.ALL_DONE[0]} Press {DONE_LABEL}."
            line = kit.render_line(kit.ellipsize(f"Practice {min(step + 1, 3)}/3: {title}", "small_bold", text_w),
                                   "small_bold", p.text)
            surface.blit(line, (x, r.centery - line.get_height() // 2))
            return
        head = kit.render_line(kit.ellipsize(f"{onboarding.COACH_WORD} · " + marks, "small_bold", text_w), "small_bold",
                               p.text_dim)
        surface.blit(head, (x, y))
        y += head.get_height() + t.px(2)
        if step < len(STEPS):
            title, how = STEPS[step]
        else:
            title, how = onboarding.ALL_DONE
        line = kit.render_line(kit.ellipsize(title, "body_bold", text_w), "body_bold", p.text)
        surface.blit(line, (x, y))
        y += line.get_height()
        sub = kit.render_line(kit.ellipsize(how, "small", r.w - 2 * pad), "small", p.text_dim)
        surface.blit(sub, (x, y))
