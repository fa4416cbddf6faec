"""The chat's exits that teach: the block explanation and the report form.

``BlockScreen`` says what blocking does and does not do before the player
confirms it (Enter blocks; "Report instead" opens the report form).
``ReportFormScreen`` is a realistic report form: "What happened?" with one
reason to pick (click, arrows, number keys 1-8), then "Send report"; the
reason goes to the engine with the report. The words come from
``game.play.exits`` (the browser shows the same).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.play.chat_view import confirm_words
from game.play.exits import block_words, report_form

from ..app import App, Screen
from ..drawing import draw_check
from ..scrolling import Scroller
from ..widgets import (
    Button,
    ButtonPointer,
    FocusRing,
    Widget,
    draw_fade,
    draw_focus_ring,
    draw_modal_card,
    draw_round_rect,
)
from .overlays import ConfirmScreen


def open_exit_dialog(app: App, how: str, stranger: str, end_action: Callable[..., None], *,
                     skin: str = "menu") -> None:
    """The dialog before an end action: block explains itself, report asks what happened, leave confirms.

    ``end_action(how)`` or ``end_action("report", reason)`` ends the chat once the player confirms."""
    if how == "block":
        app.push(BlockScreen(app, stranger, lambda: end_action("block"),
                             lambda: open_exit_dialog(app, "report", stranger, end_action, skin=skin), skin=skin))
    elif how == "report":
        app.push(ReportFormScreen(app, stranger, lambda reason: end_action("report", reason), skin=skin))
    else:
        title, body, label = confirm_words(how, stranger)
        app.push(ConfirmScreen(app, title, body, label, lambda: end_action(how), kind="primary", skin=skin))


def block_body(stranger: str) -> str:
    """The block dialog's text: what blocking does (ticks), what it doesn't (crosses), what you can still do."""
    w = block_words(stranger)
    does = "\n".join(f"✓  {line}" for line in w["does"])
    does_not = "\n".join(f"✗  {line}" for line in w["does_not"])
    return f"{w['does_title']}:\n{does}\n\n{w['does_not_title']}:\n{does_not}\n\n{w['still']}"


class BlockScreen(ConfirmScreen):
    """Block, with what it does and does not do; Enter blocks, "Report instead" opens the report form."""

    def __init__(self, app: App, stranger: str, on_block: Callable[[], None], on_report: Callable[[], None],
                 *, skin: str = "menu"):
        self.words = block_words(stranger)
        self.on_report = on_report
        super().__init__(app, self.words["title"], block_body(stranger), self.words["confirm"], on_block,
                         skin=skin, cancel_label=self.words["cancel"])

    def build(self) -> None:
        super().build()

        def report() -> None:
            self.close()
            self.on_report()

        self.buttons.insert(1, Button(self.words["report_instead"], report, ident="report_instead"))


class ReasonOption(Widget):
    """One reason of the report form: a radio mark (a dot and a tick when chosen), its label and a hint."""

    def __init__(self, number: int, reason: dict[str, str], choose: Callable[[ReasonOption], None]):
        super().__init__()
        self.number = number
        self.reason = reason
        self.selected = False
        self.hovered = False
        self._choose = choose

    def activate(self) -> None:
        self._choose(self)

    def draw(self, surface: pygame.Surface, kit: Any, theme: Any, focused: bool = False) -> None:
        t, r = theme, self.rect
        fill = t.p.surface_alt if (self.selected or self.hovered) else t.p.surface
        border = t.p.accent if self.selected else (t.p.text if t.high_contrast else t.p.border)
        draw_round_rect(surface, fill, r, t.px(10), max(1, t.border_width) + (1 if self.selected else 0), border)
        d = kit.line_height("body_bold")
        mark = pygame.Rect(r.x + t.px(14), r.y + t.px(12), d, d)
        pygame.draw.circle(surface, t.p.text, mark.center, d // 2, max(2, t.px(2)))
        if self.selected:
            pygame.draw.circle(surface, t.p.accent, mark.center, d // 2 - t.px(4))
            draw_check(surface, mark.inflate(-t.px(8), -t.px(8)), t.p.accent_text, max(2, t.px(2)))
        x = mark.right + t.px(12)
        width = r.right - x - t.px(14)
        label = kit.render_block(f"{self.number}. {self.reason['label']}", "body_bold", t.p.text, width)
        surface.blit(label, (x, r.y + t.px(10)))
        hint = kit.render_block(self.reason["hint"], "small", t.p.text_dim, width)
        surface.blit(hint, (x, r.y + t.px(10) + label.get_height() + t.px(2)))
        if focused:
            draw_focus_ring(surface, t, r, t.px(10))

    def height(self, kit: Any, theme: Any, width: int) -> int:
        t = theme
        inner = width - t.px(14) - kit.line_height("body_bold") - t.px(12) - t.px(14)
        label = kit.render_block(f"{self.number}. {self.reason['label']}", "body_bold", t.p.text, inner)
        hint = kit.render_block(self.reason["hint"], "small", t.p.text_dim, inner)
        return label.get_height() + hint.get_height() + t.px(2) + 2 * t.px(10)


class ReportFormScreen(Screen):
    """"What happened?": pick one reason, then Send report (it also blocks and ends the chat)."""

    opaque = False

    def __init__(self, app: App, stranger: str, on_send: Callable[[str], None], *, skin: str = "menu"):
        super().__init__(app)
        self.skin = skin
        self.words = report_form(stranger)
        self.on_send = on_send
        self.options = [ReasonOption(i, r, self.choose) for i, r in enumerate(self.words["reasons"], 1)]
        self.b_send = Button(self.words["send"], self.send, kind="danger", ident="send")
        self.b_cancel = Button(self.words["cancel"], self.close, ident="cancel")
        self.buttons = [self.b_send, self.b_cancel]
        self.focus = FocusRing()
        self.scroller = Scroller()
        self.pointer = ButtonPointer(consume_clicks=True)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.head: list[tuple[pygame.Surface, int]] = []   # title, question, intro (content coordinates)
        self.tail: pygame.Surface | None = None
        self.tail_y = 0
        self.message = ""                                  # "Choose what happened first."

    @property
    def chosen(self) -> str | None:
        return next((o.reason["id"] for o in self.options if o.selected), None)

    # -- actions ---------------------------------------------------------------------------
    def choose(self, option: ReasonOption) -> None:
        for o in self.options:
            o.selected = o is option
        self.message = ""
        self.focus.focus(option, show=self.focus.visible)
        self._reveal(option)
        self.dirty = True

    def send(self) -> None:
        reason = self.chosen
        if reason is None:
            self.message = self.words["choose_first"]
            self.focus.focus(self.options[0], show=True)
            self._reveal(self.options[0])
            self.dirty = True
            return
        self.close()
        self.on_send(reason)

    def close(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def on_enter(self) -> None:
        self.focus.set_items([*self.options, *self.buttons])
        self.focus.focus(self.options[0], show=True)

    def on_settings_changed(self) -> None:
        self.on_resize(self.app.size)

    # -- layout ----------------------------------------------------------------------------
    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        margin = t.px(16)
        cw = min(w - 2 * margin, t.px(620))
        pad = t.px(24)
        inner = cw - 2 * pad - t.px(16)            # room for the scrollbar
        self.head = [(kit.render_block(self.words["title"], "heading", t.p.text, inner), 0),
                     (kit.render_block(self.words["question"], "body_bold", t.p.text, inner), t.px(10)),
                     (kit.render_block(self.words["intro"], "small", t.p.text_dim, inner), t.px(4))]
        y = sum(s.get_height() + g for s, g in self.head) + t.px(14)
        for o in self.options:
            o.box = pygame.Rect(0, y, inner, o.height(kit, t, inner))
            y += o.box.h + t.px(8)
        self.tail = kit.render_block(self.words["after"], "small", t.p.text_dim, inner)
        self.tail_y = y + t.px(4)
        content_h = self.tail_y + self.tail.get_height() + t.px(4)
        sizes = [b.preferred_size(kit, t) for b in self.buttons]
        bh = max(max(s[1] for s in sizes), t.px(48))
        msg_h = kit.line_height("small_bold") + t.px(6)
        card_h = min(h - 2 * margin, pad + content_h + t.px(12) + msg_h + bh + pad)
        self.card = pygame.Rect(0, 0, cw, card_h)
        self.card.center = (w // 2, h // 2)
        view_h = max(t.px(60), card_h - 2 * pad - bh - msg_h - t.px(12))
        self.scroller.set_content(content_h, pygame.Rect(self.card.x + pad, self.card.y + pad, cw - 2 * pad, view_h))
        self.msg_y = self.scroller.view.bottom + t.px(6)
        x = self.card.right - pad
        for b, s in zip(reversed(self.buttons), reversed(sizes)):
            bw = max(s[0], t.px(130))
            b.rect = pygame.Rect(x - bw, self.card.bottom - pad - bh, bw, bh)
            x -= bw + t.px(12)
        self._place()
        self.dirty = True

    def _place(self) -> None:
        view = self.scroller.view
        for o in self.options:
            o.rect = o.box.move(view.x, view.y - int(self.scroller.offset))

    def _reveal(self, option: ReasonOption) -> None:
        if self.scroller.ensure_visible(option.box.y, option.box.bottom, self.theme.px(8)):
            self._place()

    # -- input -----------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        t = self.theme
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                self.close()
                return True
            if key == pygame.K_TAB:
                self.focus.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                if isinstance(self.focus.current, ReasonOption):
                    self._reveal(self.focus.current)
                self.dirty = True
                return True
            if key in (pygame.K_UP, pygame.K_DOWN):
                # arrows move among the reasons and pick, like a group of radio buttons
                cur = self.focus.current
                i = self.options.index(cur) if isinstance(cur, ReasonOption) else -1
                if i < 0 or self.chosen is not None:      # the first arrow picks the focused reason
                    i = max(0, min(len(self.options) - 1, i + (1 if key == pygame.K_DOWN else -1)))
                self.choose(self.options[i])
                self.focus.focus(self.options[i], show=True)
                return True
            if pygame.K_1 <= key <= pygame.K_9 and key - pygame.K_1 < len(self.options):
                self.choose(self.options[key - pygame.K_1])
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                cur = self.focus.current
                if isinstance(cur, ReasonOption) and key != pygame.K_SPACE and cur.selected:
                    self.send()                 # Enter on the chosen reason sends
                elif cur is not None:
                    cur.activate()
                self.dirty = True
                return True
            if self.scroller.handle_key(key, line):
                self._place()
                self.dirty = True
            return True
        if self.scroller.handle_event(event, t, line):      # wheel, drag, scrollbar (a drag is not a click)
            self._place()
            self.dirty = True
            return True

        def hit(pos: tuple[int, int]) -> Widget | None:
            for b in self.buttons:
                if b.rect.collidepoint(pos):
                    return b
            if not self.scroller.view.collidepoint(pos):
                return None
            return next((o for o in self.options if o.rect.collidepoint(pos)), None)

        return self.pointer.handle(self, event, [*self.options, *self.buttons], hit)

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        draw_modal_card(surface, t, self.card)
        view = self.scroller.view
        old = surface.get_clip()
        surface.set_clip(view.inflate(t.px(8), t.px(8)))
        y = view.y - int(self.scroller.offset)
        for s, gap in self.head:
            y += gap
            surface.blit(s, (view.x, y))
            y += s.get_height()
        for o in self.options:
            if o.rect.bottom >= view.y and o.rect.y <= view.bottom:
                o.draw(surface, kit, t, self.focus.is_focused(o))
        if self.tail is not None:
            surface.blit(self.tail, (view.x, view.y - int(self.scroller.offset) + self.tail_y))
        surface.set_clip(old)
        if self.scroller.scrollable:
            fade = min(t.px(24), view.h // 4)
            if self.scroller.offset < self.scroller.max_offset:
                draw_fade(surface, pygame.Rect(view.x, view.bottom - fade, view.w, fade), t.p.surface)
            self.scroller.draw_bar(surface, t)
        if self.message:
            msg = kit.render_line(self.message, "small_bold", t.p.text)
            surface.blit(msg, (view.x, self.msg_y))
        for b in self.buttons:
            b.draw(surface, kit, t, self.focus.is_focused(b))
