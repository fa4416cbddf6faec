"""The counsellor view in the game window: the PIN gate in front of the class overview.

``CounsellorScreen(app)`` is what the start screen's "Counsellors" button
opens. It is the PIN gate: it asks for the PIN (4 to 12 digits, kept only as a
scrypt hash by ``game.results.pin``) and slows down wrong guesses, counting
them in the store. When no PIN is set it does not let the visitor choose one
(at a shared computer that could be any student): it says that a teacher
sets it at a terminal with ``python main.py pin set``. Behind it are the pages
of ``counsellor_pages`` (opened through the route table as
"counsellor_overview"). The view locks itself (back to the start screen) after
five minutes without input. Keyboard: Tab / Shift+Tab or the arrow keys move
the focus, Enter opens, Escape goes back, Page Up / Page Down scroll.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.play import sessions
from game.results import pin as pins

from ..app import App, Screen
from ..text import TextKit
from ..theme import Theme
from ..widgets import Button, FocusRing, Widget, draw_focus_ring, draw_round_rect, draw_shadow

UNREADABLE = ("The results on this device hold something the game cannot read ({problem}); it may "
              "have been edited by hand. Nothing was changed. At a terminal, `python main.py report` "
              "says more.")


UNREADABLE_ERRORS: tuple[type[BaseException], ...] = (*sessions.STORE_ERRORS, TypeError, AttributeError, KeyError)


def open_store(app: App) -> Any:
    """The results store of the app's data folder (or --database), or None."""
    try:
        return sessions.open_store(app.play_options())
    except sessions.STORE_ERRORS:   # shown as a message, never a crash
        return None


# ---------------------------------------------------------------------------
# the PIN gate
# ---------------------------------------------------------------------------
class PinField(Widget):
    """A masked entry for digits."""

    def __init__(self, label: str, ident: str):
        super().__init__()
        self.label = label
        self.ident = ident
        self.text = ""

    def insert(self, typed: str) -> bool:
        digits = "".join(ch for ch in typed if ch.isdigit())
        room = pins.MAX_LEN - len(self.text)
        if not digits or room <= 0:
            return False
        self.text += digits[:room]
        return True

    def backspace(self) -> None:
        self.text = self.text[:-1]

    def draw(self, surface: pygame.Surface, kit: TextKit, t: Theme, focused: bool = False) -> None:
        r = self.rect
        radius = min(t.shape.button_radius, r.h // 2)
        draw_round_rect(surface, t.p.bg, r, radius, max(t.border_width, 2 if focused else 1),
                        t.p.text if focused or t.high_contrast else t.p.border)
        dot = max(4, kit.line_height("body") // 4)
        x = r.x + t.px(14)
        for _ in self.text:
            pygame.draw.circle(surface, t.p.text, (x + dot, r.centery), dot)
            x += 3 * dot
        if focused:
            lh = kit.line_height("body")
            pygame.draw.line(surface, t.p.text, (x + dot // 2, r.centery - lh // 2 + 2),
                             (x + dot // 2, r.centery + lh // 2 - 2), max(2, t.px(2)))
            draw_focus_ring(surface, t, r, radius)


class CounsellorScreen(Screen):
    """The PIN gate; on success it is replaced by the overview."""

    skin = "menu"

    def __init__(self, app: App, *, clock: Callable[[], float] | None = None):
        super().__init__(app)
        self.store = open_store(app)
        # No PIN yet: the window never lets whoever comes first choose it (at a shared computer that
        # could be any student); it says how a teacher sets one at a terminal.
        self.setting = False
        self.unset = self.store is not None and not pins.is_set(self.store)
        self.throttle = pins.Throttle(clock, store=self.store)
        self.first = PinField("New PIN" if self.setting else "PIN", "pin")
        self.second = PinField("The same PIN again", "pin2")
        self.ok = Button("Open", self.submit, kind="primary", ident="open")
        self.back = Button("Back", self.leave, ident="back")
        self.focus = FocusRing()
        self.message = ""
        self.card = pygame.Rect(0, 0, 0, 0)
        self.ops: list[tuple] = []
        self._pressed: Widget | None = None

    @property
    def fields(self) -> list[PinField]:
        if self.unset:
            return []
        return [self.first, self.second] if self.setting else [self.first]

    @property
    def widgets(self) -> list[Widget]:
        if self.unset:   # nothing to type: only the way back
            return [self.back]
        return [*self.fields, self.ok, self.back]

    def leave(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.app.top is self:
            self.app.pop()

    def submit(self) -> None:
        if self.store is None or self.unset:
            self.leave()
            return
        again = self.first
        if self.setting:
            problem = pins.pin_problem(self.first.text)
            if not self.first.text:
                self.message = "Type a PIN of 4 to 12 digits first."
            elif problem:
                self.message = problem[0].upper() + problem[1:] + "."
            elif self.first.text != self.second.text:
                self.message = "The two PINs are not the same. Type the same PIN again."
                self.second.text = ""
                again = self.second
            else:
                pins.set_pin(self.store, self.first.text)
                self.open_overview()
                return
        else:
            wait = self.throttle.wait_s()
            if not self.first.text:        # Enter on an empty field is not a wrong guess
                self.message = "Type the PIN first."
            elif wait > 0:
                self.message = f"Too many wrong PINs. Try again in {int(wait) + 1} seconds."
            else:
                try:
                    right = pins.check_pin(self.store, self.first.text)
                except pins.PinError as exc:   # a damaged or tampered hash: say so, never crash
                    right = False
                    self.message = str(exc)[0].upper() + str(exc)[1:] + "."
                else:
                    if right:
                        self.throttle.record(True)
                        self.open_overview()
                        return
                    self.throttle.record(False)
                    self.message = "That PIN is not right."
            self.first.text = ""
        self.on_resize(self.app.size)
        # type again at once: the field to fix has the focus (not the button that was pressed)
        self.focus.focus(again, show=True)

    def open_overview(self) -> None:
        try:
            overview = self.app.make("counsellor_overview", store=self.store)
            overview.on_resize(self.app.size)        # lays the figures out: a bad row shows up here
        except UNREADABLE_ERRORS as exc:
            # a row edited by hand, or a file damaged since it was opened: say so, never crash
            from ..dialogs import NoticeDialog

            self.app.push(NoticeDialog(self.app, "The results cannot be shown", UNREADABLE.format(
                problem=f"{type(exc).__name__}: {str(exc)[:100]}")))
            return
        self.store = None
        self.app.replace(overview)

    def intro_text(self) -> str:
        """The words above the PIN field: what this is, or how a teacher sets the PIN."""
        if self.store is None:
            return ("The results on this device cannot be opened. Check that the data folder can be "
                    "written, or run `python main.py report` to see the problem.")
        if self.unset:
            return ("This part of the game is for teachers and counsellors. No PIN is set on this computer "
                    f"yet. A teacher sets one at a terminal with: {pins.SET_HINT}")
        return "This part of the game is for teachers and counsellors. Enter the PIN."

    # -- layout ----------------------------------------------------------------------
    def on_enter(self) -> None:
        self.focus.set_items(self.widgets)
        self.focus.focus(self.first if self.store is not None and not self.unset else self.back, show=True)

    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        cw = min(w - 2 * t.px(20), t.px(560))
        pad = t.px(28)
        inner = cw - 2 * pad
        ops: list[tuple] = []
        y = 0
        title = kit.render_block("Counsellor view", "title", t.p.text, inner)
        ops.append(("blit", title, 0, y))
        y += title.get_height() + t.px(10)
        text = self.intro_text()
        body = kit.render_block(text, "body", t.p.text_dim, inner)
        ops.append(("blit", body, 0, y))
        y += body.get_height() + t.px(18)
        field_h = kit.line_height("body") + 2 * t.px(12)
        if self.store is not None:
            for f in self.fields:
                lab = kit.render_block(f.label, "body_bold", t.p.text, inner)
                ops.append(("blit", lab, 0, y))
                y += lab.get_height() + t.px(6)
                f.rect = pygame.Rect(0, y, inner, field_h)
                y += field_h + t.px(14)
        if self.message:
            msg = kit.render_block(self.message, "body_bold", t.p.flag, inner)
            ops.append(("blit", msg, 0, y))
            y += msg.get_height() + t.px(14)
        bh = max(t.px(48), kit.line_height("body_bold") + t.px(16))
        buttons = [self.ok, self.back] if self.store is not None and not self.unset else [self.back]
        bx = 0
        for b in buttons:
            bw = max(t.px(140), b.preferred_size(kit, t)[0])
            b.rect = pygame.Rect(bx, y, bw, bh)
            bx += bw + t.px(12)
        y += bh
        self.card = pygame.Rect(0, 0, cw, y + 2 * pad)
        self.card.center = (w // 2, h // 2)
        ox, oy = self.card.x + pad, self.card.y + pad
        for wdg in self.widgets:
            wdg.rect = wdg.rect.move(ox, oy)
        self.ops = [(op[0], op[1], op[2] + ox, op[3] + oy) for op in ops]
        self.focus.set_items(self.widgets if self.store is not None and not self.unset else [self.back])
        self.dirty = True

    # -- input -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        cur = self.focus.current
        field = cur if isinstance(cur, PinField) else None
        if event.type == pygame.TEXTINPUT:
            if field is not None and field.insert(event.text):
                self.dirty = True
            return True
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                self.leave()
                return True
            if key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
                back = key == pygame.K_UP or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
                self.focus.move(-1 if back else 1)
                self.dirty = True
                return True
            if field is not None and key == pygame.K_BACKSPACE:
                field.backspace()
                self.dirty = True
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                if field is not None and field is not self.fields[-1]:
                    self.focus.move(1)
                else:
                    self.submit()
                self.dirty = True
                return True
            if key == pygame.K_SPACE and isinstance(cur, Button):
                cur.activate()
                self.dirty = True
                return True
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._pressed = next((w for w in self.widgets if w.rect.collidepoint(event.pos)), None)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            wdg, self._pressed = self._pressed, None
            if wdg is not None and wdg.rect.collidepoint(event.pos):
                self.focus.focus(wdg, show=isinstance(wdg, PinField))
                wdg.activate()
                self.dirty = True
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        surface.fill(t.p.bg)
        draw_shadow(surface, t, self.card, t.shape.panel_radius, 6)
        draw_round_rect(surface, t.p.surface, self.card, t.shape.panel_radius, t.border_width, t.p.border)
        for _, s, x, y in self.ops:
            surface.blit(s, (x, y))
        for wdg in self.widgets:
            if wdg.rect.w:
                if isinstance(wdg, Button) and self.store is None and wdg is not self.back:
                    continue
                wdg.draw(surface, kit, t, self.focus.is_focused(wdg))


# ---------------------------------------------------------------------------
# a scrolling page of blocks, some of which open something
# ---------------------------------------------------------------------------
