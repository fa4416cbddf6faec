"""The start screen: the title, how to play on one screen, who is playing, and the way in.

``StartScreen(app)`` shows

* "Red Flags" and a one-line promise;
* how to play in five short steps (read, reply, flag, get out, tell safe from unsafe);
* an optional nickname and class code, with "No real names: use a nickname"
  in plain view. Both take letters, digits, ``_`` and ``-`` only (20 at most
  for the nickname, as many as the results store keeps for a class code) and
  are kept on the app (``app.player``, ``app.class_code``) for the chats
  started from the picker. They are never written to disk here;
* "Continue your unfinished chat: <title>" when this device keeps an
  unfinished session (the game was closed, crashed or quit mid-chat): the
  newest one of the nickname typed (with no nickname, one played without a
  nickname; never somebody else's). It reopens the chat with
  everything said so far (``game.results.resume.resume_session``); when the
  stored chat cannot be carried on (its scenario was changed since) a dialog
  says why and offers to start it again, and that session is not offered again;
* Play (the picker), Settings, Counsellors (only when that screen exists) and Quit.

Everything is reachable with Tab / Shift+Tab / arrows and Enter, and the page
scrolls (wheel, keys, drag) when a large text size makes it taller than the window.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import pygame

from game.play import sessions
from game.play.sessions import Unfinished

# one rule for nicknames and class codes everywhere (start screen, command line, pages)
from game.results.identity import CLASS_CODE_MAX, NICKNAME_MAX, looks_like_real_name, nickname_key

from ..app import App, Screen
from ..dialogs import ScrollDialog
from ..drawing import clamp_lines, platform_icon
from ..launch import launch_scenario
from ..onboarding_flow import tutorial_due
from ..scrolling import Scroller
from ..text import TextKit
from ..textfield import TextField
from ..theme import Theme
from ..widgets import (
    Button,
    ButtonPointer,
    FocusRing,
    Widget,
    draw_flag_marker,
    draw_focus_ring,
    draw_round_rect,
    draw_shadow,
)

REAL_NAME_SEEN = "That looks like a real name. Use a nickname."

REAL_NAME_RULE = "No real names: use a nickname."
NICKNAME_HINT = f"Letters, numbers, _ and - only. Up to {NICKNAME_MAX}."
CLASS_CODE_HINT = "Only if your teacher gave you one."

STEPS: tuple[tuple[str, str, str], ...] = (
    ("read", "Read the messages.", "They arrive one at a time, like on your phone."),
    ("reply", "Reply with the buttons.", "Pick what you would really say."),
    ("flag", "Flag what feels off.", "Mark any message or profile detail that seems wrong."),
    ("exit", "Block, report or leave.", "Any time you want. You never have to stay in a chat."),
    ("people", "Some people are safe.", "The goal is telling them apart, not suspecting everyone."),
)


def load_unfinished(app: App) -> list[Unfinished]:
    """This device's unfinished sessions, newest first, without those that could not be resumed."""
    return sessions.unfinished(app.play_options())


def skip_unfinished(app: App, session_id: int) -> None:
    """Do not offer this session again (it cannot be resumed). The session itself is kept."""
    sessions.skip(app.play_options(), session_id)


def time_ago(then: float, now: float | None = None) -> str:
    """"just now", "5 minutes ago", "yesterday", ..."""
    secs = max(0.0, (time.time() if now is None else now) - then)
    if secs < 90:
        return "just now"
    if secs < 3600:
        return f"{int(secs // 60)} minutes ago"
    if secs < 2 * 3600:
        return "an hour ago"
    if secs < 24 * 3600:
        return f"{int(secs // 3600)} hours ago"
    if secs < 48 * 3600:
        return "yesterday"
    return f"{int(secs // 86400)} days ago"


def kind_reason(reason: str) -> str:
    """The one-line reason a chat cannot be continued, in words for a player."""
    if "has changed" in reason:
        return "This chat has been updated since you played it, so it can't pick up where you left off."
    if "cannot be loaded" in reason:
        return "This chat isn't on this device any more, so it can't pick up where you left off."
    return "The saved part of this chat could not be read back, so it can't pick up where you left off."


class ContinueCard(Widget):
    """"Continue your unfinished chat: <title>", with when it stopped (and whose it is)."""

    LEAD = "Continue your unfinished chat:"

    def __init__(self, action: Callable[[], None]):
        super().__init__()
        self.action = action
        self.offer: Unfinished | None = None
        self.show_player = False
        self.hovered = False
        self.box = pygame.Rect(0, 0, 0, 0)     # content coordinates
        self._lines: tuple = ()

    @property
    def ident(self) -> str:
        return "continue"

    def activate(self) -> None:
        self.action()

    def detail(self) -> str:
        o = self.offer
        if o is None:
            return ""
        text = f"Stopped {time_ago(o.updated_at)}"
        if self.show_player and o.player:
            text += f" · played as {o.player}"
        return text

    def layout(self, kit: TextKit, t: Theme, width: int, short: bool) -> int:
        """Wrap the text for ``width``; returns the card's height.

        A wide card has a round mark beside its lines; a narrow one a bar on
        its left edge, so the text keeps the whole width. A short window
        leaves out when it stopped.
        """
        pad = t.px(10) if short else t.px(14)
        big = kit.line_height("body_bold") + kit.line_height("heading") - t.px(8)
        gap = t.px(12)
        bar = t.px(6)
        if kit.measure(self.LEAD, "body_bold") <= width - 2 * pad - big - gap:
            icon, left = big, pad + big + gap
        else:
            icon, left = 0, pad + bar
        text_w = width - left - pad
        lead = clamp_lines(kit, self.LEAD, "body_bold", text_w, 2)
        title = clamp_lines(kit, self.offer.title if self.offer else "", "heading", text_w, 2)
        detail = [] if short else clamp_lines(kit, self.detail(), "small", text_w, 1)
        self._lines = (pad, icon, left, lead, title, detail)
        h = len(lead) * kit.line_height("body_bold") + len(title) * kit.line_height("heading") + \
            len(detail) * kit.line_height("small")
        return max(h, icon) + 2 * pad

    def draw(self, surface: pygame.Surface, kit: TextKit, t: Theme, focused: bool = False) -> None:
        if not self._lines:
            return
        r = self.rect
        pad, icon, left, lead, title, detail = self._lines
        radius = t.shape.panel_radius
        border = t.p.text if t.high_contrast else t.p.accent
        draw_round_rect(surface, t.p.button_hover if self.hovered else t.p.surface, r, radius,
                        max(2, t.border_width), border)
        if icon:   # a round "carry on" mark: a play triangle in a disc
            ic = pygame.Rect(r.x + pad, r.y + pad, icon, icon)
            pygame.draw.circle(surface, t.p.accent, ic.center, icon // 2)
            s = max(4, int(icon * 0.36))
            cx, cy = ic.centerx + s // 6, ic.centery
            pygame.draw.polygon(surface, t.p.accent_text, [(cx - s // 2, cy - s // 2 - 1), (cx + s // 2 + 1, cy),
                                                            (cx - s // 2, cy + s // 2 + 1)])
        else:
            pygame.draw.rect(surface, t.p.accent, pygame.Rect(r.x, r.y, t.px(6), r.h),
                             border_top_left_radius=radius, border_bottom_left_radius=radius)
        x, y = r.x + left, r.y + pad
        for style, lines, color in (("body_bold", lead, t.p.text), ("heading", title, t.p.text),
                                    ("small", detail, t.p.text_dim)):
            for line in lines:
                surface.blit(kit.render_line(line, style, color), (x, y))
                y += kit.line_height(style)
        if focused:
            draw_focus_ring(surface, t, r, radius)


class ResumeFailedDialog(ScrollDialog):
    """The stored chat cannot be carried on: say why, kindly, and offer to start it again."""

    max_width = 560

    def __init__(self, app: App, offer: Unfinished, reason: str):
        self.offer = offer
        self.reason = reason
        super().__init__(app)

    def build(self) -> None:
        def fresh() -> None:
            self.close()
            launch_scenario(self.app, self.offer.scenario_id)

        self.buttons = []
        if "cannot be loaded" not in self.reason:
            self.buttons.append(Button("Start it again", fresh, kind="primary", ident="fresh"))
        self.buttons.append(Button("Not now", self.close, kind="normal" if self.buttons else "primary",
                                   ident="not_now"))

    def build_body(self, width: int) -> list[tuple[pygame.Surface, int]]:
        t, kit = self.theme, self.kit
        out = [(kit.render_block(f"Sorry, \"{self.offer.title}\" can't be continued", "heading", t.p.text, width), 0),
               (kit.render_block(kind_reason(self.reason), "body", t.p.text, width), t.px(12))]
        if "cannot be loaded" not in self.reason:
            out.append((kit.render_block("You can start it again from the beginning.", "body", t.p.text, width),
                        t.px(10)))
        out.append((kit.render_block(f"Details for your teacher: {self.reason}.", "small", t.p.text_dim, width),
                    t.px(14)))
        return out


def open_settings(app: App) -> None:
    """The settings card (screens/settings.py) over the start screen."""
    screen = app.open("settings", overlay=True)
    # opened from the keyboard: the first control has the focus, so Enter works at once
    buttons, focus = getattr(screen, "buttons", None), getattr(screen, "focus", None)
    if buttons and focus is not None and focus.current is None:
        focus.set_items(buttons)
        focus.focus(buttons[0], show=True)
        screen.dirty = True


# ---------------------------------------------------------------------------
# step icons
# ---------------------------------------------------------------------------
def draw_step_icon(surface: pygame.Surface, kind: str, rect: pygame.Rect, t: Theme) -> None:
    """A round tile with a drawn icon for one how-to-play step."""
    tile = t.p.surface_alt
    pygame.draw.circle(surface, tile, rect.center, rect.w // 2)
    if t.high_contrast:
        pygame.draw.circle(surface, t.p.text, rect.center, rect.w // 2, 2)
    inner = rect.inflate(-rect.w // 2, -rect.h // 2)
    c = t.p.accent
    w = max(2, rect.w // 16)
    if kind == "read":
        platform_icon(surface, "social_media", inner, c)
    elif kind == "reply":
        b = pygame.Rect(inner.x, inner.y + inner.h // 6, inner.w, inner.h * 2 // 3)
        pygame.draw.rect(surface, c, b, width=w, border_radius=b.h // 3)
        pygame.draw.line(surface, c, (b.x + b.w // 4, b.centery), (b.right - b.w // 4, b.centery), w)
    elif kind == "flag":
        draw_flag_marker(surface, t.p.flag, inner.x + inner.w // 5, inner.y, inner.h)
    elif kind == "exit":
        pygame.draw.circle(surface, c, inner.center, inner.w // 2, w)
        d = int(inner.w * 0.35)
        pygame.draw.line(surface, c, (inner.centerx - d, inner.centery + d), (inner.centerx + d, inner.centery - d), w)
    else:  # people: two heads and shoulders
        r = inner.w // 6
        for dx in (-inner.w // 5, inner.w // 5):
            cx = inner.centerx + dx
            pygame.draw.circle(surface, c, (cx, inner.y + r + 1), r)
            body = pygame.Rect(cx - int(r * 1.7), inner.y + 2 * r + 3, int(r * 3.4), inner.h - 2 * r - 3)
            pygame.draw.rect(surface, c, body, border_top_left_radius=body.w // 2,
                             border_top_right_radius=body.w // 2)


def brand_mark(surface: pygame.Surface, t: Theme, rect: pygame.Rect) -> None:
    """The game's mark: a pennant on a rounded tile."""
    draw_round_rect(surface, t.p.flag, rect, rect.w // 4)
    if t.high_contrast:
        pygame.draw.rect(surface, t.p.text, rect, width=2, border_radius=rect.w // 4)
    s = int(rect.h * 0.62)
    draw_flag_marker(surface, t.p.flag_text, rect.x + int(rect.w * 0.3), rect.y + (rect.h - s) // 2, s)


# ---------------------------------------------------------------------------
# the screen
# ---------------------------------------------------------------------------
class StartScreen(Screen):
    skin = "menu"

    def __init__(self, app: App):
        super().__init__(app)
        self.nick = TextField("Nickname (optional)", max_len=NICKNAME_MAX, ident="nickname",
                              placeholder="e.g. pixel_fox", hint=NICKNAME_HINT,
                              on_change=self._set_player, text=getattr(app, "player", None) or "")
        self.klass = TextField("Class code (optional)", max_len=CLASS_CODE_MAX, ident="class_code",
                               placeholder="e.g. 8B-2025", hint=CLASS_CODE_HINT, upper=True,
                               on_change=self._set_class, text=getattr(app, "class_code", None) or "")
        self.play = Button("Play", self.go_play, kind="primary", ident="play")
        self.settings = Button("Settings", lambda: open_settings(self.app), ident="settings")
        self.counsellors: Button | None = None
        if "counsellor" in app.routes:
            self.counsellors = Button("Counsellors", self.open_counsellors, ident="counsellors")
        self.quit_button = Button("Quit", self.app.quit, kind="ghost", ident="quit")
        self.cont = ContinueCard(self.continue_chat)
        self.unfinished: list[Unfinished] = load_unfinished(app)
        self.focus = FocusRing()
        self.scroller = Scroller()
        self.ops: list[tuple] = []
        self.pointer = ButtonPointer()
        self._first = True

    # -- state ---------------------------------------------------------------------
    @property
    def widgets(self) -> list[Widget]:
        out: list[Widget] = [self.nick, self.klass]
        if self.cont.offer is not None:
            out.append(self.cont)
        out += [self.play, self.settings]
        if self.counsellors is not None:
            out.append(self.counsellors)
        out.append(self.quit_button)
        return out

    @property
    def offer(self) -> Unfinished | None:
        """The unfinished chat to offer: the newest of the nickname typed (without one: one played without one).

        At a shared computer, whoever played before keeps their chat to themselves.
        """
        key = nickname_key(getattr(self.app, "player", None))
        return next((u for u in self.unfinished if nickname_key(u.player) == key), None)

    def _offer_changed(self) -> bool:
        offer = self.offer
        same = (offer is None and self.cont.offer is None) or (
            offer is not None and self.cont.offer is not None and offer.session_id == self.cont.offer.session_id)
        return not same or self.cont.show_player != (not getattr(self.app, "player", None))

    def _set_player(self, text: str) -> None:
        self.app.player = text or None
        if hasattr(self, "nick") and looks_like_real_name(text):
            self.nick.problem = REAL_NAME_SEEN
        if hasattr(self, "cont") and self.ops and self._offer_changed():
            self.on_resize(self.app.size)

    def on_resume(self) -> None:
        """Back from the picker, settings or a dialog: the unfinished chats may have changed."""
        self.unfinished = load_unfinished(self.app)
        if self._offer_changed():
            self.on_resize(self.app.size)
        self.dirty = True

    def continue_chat(self) -> None:
        """Reopen the offered unfinished chat where it stopped."""
        offer = self.offer
        if offer is None:
            return
        try:
            session = sessions.resume(offer.session_id, self.app.play_options())
        except sessions.CannotResume as exc:
            skip_unfinished(self.app, offer.session_id)
            self.app.push(ResumeFailedDialog(self.app, offer, exc.reason))
            return
        except sessions.PlayError as exc:       # a locked or damaged database: try again later
            self.app.push(ResumeFailedDialog(self.app, offer, str(exc)))
            return
        if not getattr(self.app, "player", None) and offer.player:   # "Play again" keeps the same nickname
            self.app.player = offer.player
            if not getattr(self.app, "class_code", None):
                self.app.class_code = offer.class_code
        self.app.open("chat", session=session, resumed=True)

    def _set_class(self, text: str) -> None:
        self.app.class_code = text.upper() or None

    def go_play(self) -> None:
        """The picker; a nickname's first time, the 30-second practice chat first (screens/tutorial.py)."""
        if tutorial_due(self.app):
            self.app.open("tutorial", then=lambda: self.app.open("picker"))
        else:
            self.app.open("picker")

    def open_counsellors(self) -> None:
        self.app.open("counsellor")

    # -- layout ----------------------------------------------------------------------
    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        margin = max(t.px(24), (w - t.px(1160)) // 2)
        cw = w - 2 * margin
        two_cols = cw >= t.px(700)
        gap = t.px(48) if cw >= t.px(1000) else t.px(28)
        if two_cols:
            right_w = max(t.px(330), min(t.px(470), int(cw * 0.42)))
            left_w = cw - right_w - gap
        else:
            left_w, right_w = cw, min(cw, t.px(620))
        ops: list[tuple] = []
        self.cont.offer = self.offer
        self.cont.show_player = not getattr(self.app, "player", None)
        # an unfinished chat to continue takes the room the roomy extras would
        roomy = h >= t.px(700) + (t.px(110) if self.cont.offer is not None else 0)

        # -- left: brand, promise, how to play
        def left_column(x: int, y: int) -> int:
            dh = kit.line_height("display")
            mark = pygame.Rect(x, y + dh // 10, int(dh * 0.9), int(dh * 0.9))
            ops.append(("brand", mark))
            title = kit.render_line("Red Flags", "display", t.p.text)
            ops.append(("blit", title, mark.right + t.px(14), y))
            y += dh + t.px(6)
            tag = kit.render_block("Spot the warning signs in online chats before they go too far.",
                                   "heading" if left_w >= t.px(560) else "body_bold", t.p.text, left_w)
            ops.append(("blit", tag, x, y))
            y += tag.get_height() + (t.px(26) if roomy else t.px(14))
            head = kit.render_line("How to play", "body_bold", t.p.text_dim)
            ops.append(("blit", head, x, y))
            y += head.get_height() + t.px(12)
            icon = int(kit.line_height("body_bold") * (2 if roomy else 1.7))
            text_w = left_w - icon - t.px(16)
            for kind, lead, more in STEPS:
                a = kit.render_block(lead, "body_bold", t.p.text, text_w)
                b = kit.render_block(more, "body", t.p.text_dim, text_w)
                row_h = max(icon, a.get_height() + b.get_height())
                ops.append(("step", kind, pygame.Rect(x, y + (row_h - icon) // 2, icon, icon)))
                ty = y + (row_h - a.get_height() - b.get_height()) // 2
                ops.append(("blit", a, x + icon + t.px(16), ty))
                ops.append(("blit", b, x + icon + t.px(16), ty + a.get_height()))
                y += row_h + (t.px(12) if roomy else t.px(8))
            return y

        # -- right: who is playing, then the buttons
        def right_column(x: int, y: int) -> int:
            pad = t.px(24)
            inner = right_w - 2 * pad
            panel_top = y
            panel_at = len(ops)
            y += pad
            if roomy:  # on a short window the notice below says enough
                head = kit.render_block("Who's playing?", "heading", t.p.text, inner)
                ops.append(("blit", head, x + pad, y))
                y += head.get_height() + t.px(10)
            rule = kit.render_block(REAL_NAME_RULE, "body_bold", t.p.text, inner - t.px(30))
            note = pygame.Rect(x + pad, y, inner, rule.get_height() + t.px(20))
            ops.append(("notice", note))
            ops.append(("blit", rule, note.x + t.px(20), note.y + t.px(10)))
            y = note.bottom + t.px(16)
            field_h = kit.line_height("body") + 2 * t.px(12)
            for f in (self.nick, self.klass):
                lab = kit.render_block(f.label, "body_bold", t.p.text, inner)
                ops.append(("blit", lab, x + pad, y))
                y += lab.get_height() + t.px(6)
                f.box = pygame.Rect(x + pad, y, inner, field_h)
                y += field_h + t.px(4)
                hint_h = self._hint_height(f, inner)
                f.hint_box = pygame.Rect(x + pad, y, inner, hint_h)
                y += hint_h + t.px(10)
            ops.insert(panel_at, ("panel", pygame.Rect(x, panel_top, right_w, y - panel_top + t.px(8))))
            y += t.px(8) + (t.px(20) if roomy else t.px(12))
            if self.cont.offer is not None:
                ch = self.cont.layout(kit, t, right_w, short=h < t.px(700))
                self.cont.box = pygame.Rect(x, y, right_w, ch)
                y += ch + t.px(12)
            self.play.style = "heading"
            bh = max(self.play.preferred_size(kit, t)[1], t.px(56) if roomy else t.px(48))
            self.play.box = pygame.Rect(x, y, right_w, bh)
            y += bh + t.px(12)
            row = [b for b in (self.settings, self.counsellors, self.quit_button) if b is not None]
            sizes = [b.preferred_size(kit, t) for b in row]
            sgap = t.px(12)
            sh = max(max(s[1] for s in sizes), t.px(46))
            tight_gap = t.px(8)
            natural = sum(sz[0] for sz in sizes) + tight_gap * (len(sizes) - 1)
            if self.cont.offer is not None and h < t.px(700) and natural <= right_w:
                # a short window with a chat to continue: one row, each button as wide as its label needs
                spare = (right_w - natural) // len(sizes)
                xx = x
                for j, (b, (bw, _bh)) in enumerate(zip(row, sizes)):
                    w_ = bw + spare if j < len(row) - 1 else x + right_w - xx
                    b.box = pygame.Rect(xx, y, w_, sh)
                    xx += w_ + tight_gap
                return y + sh
            # as many buttons per row as fit; Quit keeps its own width when it shares a row
            rows: list[list[int]] = [[]]
            used = 0
            for i, (bw, _bh) in enumerate(sizes):
                need = max(bw, t.px(90)) + (sgap if rows[-1] else 0)
                if rows[-1] and used + need > right_w:
                    rows.append([])
                    used, need = 0, max(bw, t.px(90))
                rows[-1].append(i)
                used += need
            for k, idx in enumerate(rows):
                if k:
                    y += sh + sgap
                # each button gets what its label needs; the room left is shared by all but Quit
                widths = {i: max(sizes[i][0], t.px(90)) for i in idx}
                growing = [i for i in idx if not (row[i] is self.quit_button and len(idx) > 1)]
                spare = max(0, right_w - sum(widths.values()) - sgap * (len(idx) - 1))
                even = (sum(widths[i] for i in growing) + spare) // max(1, len(growing))
                if all(widths[i] <= even for i in growing):     # equal widths when every label fits
                    widths.update({i: even for i in growing})
                    spare = 0
                xx = x
                for j, i in enumerate(idx):
                    bw = widths[i] + (spare // len(growing) if i in growing else 0)
                    if j == len(idx) - 1 and i in growing:
                        bw = x + right_w - xx
                    row[i].box = pygame.Rect(xx, y, bw, sh)
                    xx += bw + sgap
            y += sh
            return y

        top = t.px(28) if roomy else t.px(12)
        if two_cols:
            ly = left_column(margin, top)
            ry = right_column(margin + left_w + gap, top + t.px(8))
            content_h = max(ly, ry) + (t.px(24) if roomy else t.px(8))
        else:
            ly = left_column(margin, top)
            rx = margin + (cw - right_w) // 2
            ry = right_column(rx, ly + t.px(12))
            content_h = ry + t.px(24)
        # centre vertically when everything fits
        shift = max(0, (h - content_h) // 2)
        if shift:
            ops = [self._shift_op(op, shift) for op in ops]
            for wdg in (self.nick, self.klass):
                wdg.box = wdg.box.move(0, shift)
                wdg.hint_box = wdg.hint_box.move(0, shift)
            for b in (self.play, self.settings, self.counsellors, self.quit_button, self.cont):
                if b is not None:
                    b.box = b.box.move(0, shift)
        self.ops = ops
        self.scroller.set_content(content_h + shift, pygame.Rect(0, 0, w, h))
        self._place()
        self.focus.set_items(self.widgets)
        if self._first:  # Play has the focus, but the page opens at its top
            self._first = False
            self.focus.focus(self.play, show=True)
        else:
            self._keep_focus_visible()
        self.dirty = True

    def _hint_height(self, f: TextField, inner: int) -> int:
        kit = self.kit
        problems = [f"{f.max_len} characters at most", "Only letters, numbers, _ and -"]
        icon = kit.line_height("small") + self.theme.px(6)
        lines = [len(kit.wrap(f.hint, "small", inner))] + [len(kit.wrap(x, "small_bold", inner - icon))
                                                           for x in problems]
        return max(lines) * kit.line_height("small")

    @staticmethod
    def _shift_op(op: tuple, dy: int) -> tuple:
        if op[0] == "blit":
            return ("blit", op[1], op[2], op[3] + dy)
        if op[0] == "step":
            return ("step", op[1], op[2].move(0, dy))
        return (op[0], op[1].move(0, dy))

    def _place(self) -> None:
        off = self.scroller.offset
        for wdg in self.widgets:
            wdg.rect = wdg.box.move(0, -off)

    def _keep_focus_visible(self) -> None:
        cur = self.focus.current
        if cur is not None and self.scroller.scrollable:
            box = cur.box
            bottom = box.bottom
            if isinstance(cur, TextField):
                bottom = cur.hint_box.bottom
            if self.scroller.ensure_visible(box.top - self.theme.px(30), bottom, self.theme.px(12)):
                self._place()

    # -- input -----------------------------------------------------------------------
    def _focus(self, wdg: Widget | None, show: bool = True) -> None:
        self.focus.focus(wdg, show=show)
        if isinstance(wdg, TextField):
            wdg.cursor = len(wdg.text)
            try:
                pygame.key.set_text_input_rect(wdg.rect)
            except (pygame.error, AttributeError):
                pass
        self._keep_focus_visible()
        self.dirty = True

    def handle_event(self, event: pygame.event.Event) -> bool:
        cur = self.focus.current
        field = cur if isinstance(cur, TextField) else None
        line = self.kit.line_height("body")
        if event.type == pygame.TEXTINPUT:
            if field is not None:
                field.insert(event.text)
                self.dirty = True
                return True
            return False
        if event.type == pygame.KEYDOWN:
            key = event.key
            items = self.widgets
            if key == pygame.K_TAB:
                self.focus.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                self._focus(self.focus.current)
                return True
            if key in (pygame.K_UP, pygame.K_DOWN):
                self.focus.move(-1 if key == pygame.K_UP else 1)
                self._focus(self.focus.current)
                return True
            if field is not None:
                if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                    self._focus(items[items.index(field) + 1])
                    return True
                if key == pygame.K_ESCAPE:
                    self._focus(self.play)
                    return True
                if field.handle_key(event):
                    self.dirty = True
                    return True
                return True  # letters arrive as TEXTINPUT; nothing else should act while typing
            if key in (pygame.K_LEFT, pygame.K_RIGHT) and cur in (self.settings, self.counsellors, self.quit_button):
                self.focus.move(-1 if key == pygame.K_LEFT else 1)
                self._focus(self.focus.current)
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if cur is not None:
                    self.focus.visible = True
                    cur.activate()
                    self.dirty = True
                return True
            if key == pygame.K_p:
                self.go_play()
                return True
            if key == pygame.K_c and self.cont.offer is not None:
                self.focus.focus(self.cont, show=True)
                self.continue_chat()
                self.dirty = True
                return True
            if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_HOME, pygame.K_END):
                if self.scroller.handle_key(key, line):
                    self._place()
                    self.dirty = True
                return True
            return False
        if self.scroller.handle_event(event, self.theme, line):
            self._place()
            self.dirty = True
            if event.type == pygame.MOUSEBUTTONUP:
                self.pointer.pressed = None
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = self._hit(event.pos)
            if isinstance(hit, TextField):   # a click in a field puts the caret there at once
                self.pointer.pressed = None
                self._focus(hit)
                return True
        return self.pointer.handle(self, event, self.widgets, self._hit)

    def _hit(self, pos) -> Widget | None:
        return next((wdg for wdg in self.widgets if wdg.rect.collidepoint(pos)), None)

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        surface.fill(t.p.bg)
        off = self.scroller.offset
        for op in self.ops:
            kind = op[0]
            if kind == "blit":
                surface.blit(op[1], (op[2], op[3] - off))
            elif kind == "brand":
                brand_mark(surface, t, op[1].move(0, -off))
            elif kind == "step":
                draw_step_icon(surface, op[1], op[2].move(0, -off), t)
            elif kind == "panel":
                r = op[1].move(0, -off)
                draw_shadow(surface, t, r, t.shape.panel_radius, 5)
                draw_round_rect(surface, t.p.surface, r, t.shape.panel_radius, t.border_width, t.p.border)
            elif kind == "notice":
                r = op[1].move(0, -off)
                draw_round_rect(surface, t.p.surface_alt, r, t.px(8), t.border_width,
                                t.p.text if t.high_contrast else t.p.border)
                bar = pygame.Rect(r.x, r.y, t.px(6), r.h)
                pygame.draw.rect(surface, t.p.flag, bar, border_top_left_radius=t.px(8),
                                 border_bottom_left_radius=t.px(8))
        for f in (self.nick, self.klass):
            focused = self.focus.is_focused(f)
            f.draw(surface, kit, t, focused)
            hb = f.hint_box.move(0, -off)
            if f.problem:  # a warning sign and the reason: the key press was refused
                lh = kit.line_height("small")
                icon = pygame.Rect(hb.x, hb.y + t.px(1), lh - t.px(2), lh - t.px(2))
                pygame.draw.polygon(surface, t.p.flag, [(icon.centerx, icon.y), icon.bottomright, icon.bottomleft])
                pygame.draw.line(surface, t.p.flag_text, (icon.centerx, icon.y + icon.h * 0.35),
                                 (icon.centerx, icon.y + icon.h * 0.7), max(2, t.px(2)))
                msg = kit.render_block(f.problem, "small_bold", t.p.text, hb.w - lh - t.px(6))
                surface.blit(msg, (hb.x + lh + t.px(6), hb.y))
            else:
                msg = kit.render_block(f.hint, "small", t.p.text_dim, hb.w)
                surface.blit(msg, hb.topleft)
        for b in (self.play, self.settings, self.counsellors, self.quit_button):
            if b is not None:
                b.draw(surface, kit, t, self.focus.is_focused(b))
        if self.cont.offer is not None:
            self.cont.draw(surface, kit, t, self.focus.is_focused(self.cont))
        self.scroller.draw_bar(surface, t)
