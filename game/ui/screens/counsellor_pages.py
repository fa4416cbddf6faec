"""The counsellor's pages behind the PIN: the class overview, one player, one session.

* ``OverviewScreen``: sessions, finished and unfinished, average score parts,
  key findings, red flags spotted by kind (least spotted first), scenarios
  where players stayed too long, the before-and-after of the discernment
  check, and every player (nicknames only) with their discernment reading.
  A class filter, and **Export**, which writes the HTML and CSV reports (the
  same as ``python main.py report``) into the data folder's ``reports``
  folder and says where.
* ``PlayerScreen``: one player's sessions and kinds of red flags.
* ``SessionScreen``: one session's transcript with spotted and missed red
  flags, the moment to get out, the ending and the discussion questions.

All figures come from ``game.results.reports.model``, like the HTML report.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pygame

from game.checks import storage as check_storage
from game.play import sessions
from game.results import retention
from game.results.reports import class_sessions
from game.results.reports import model as report_model
from game.results.reports.findings import findings
from game.results.stats import share_of
from game.results.store import NO_CLASS, Filters

from ..app import App, Screen
from ..dialogs import NoticeDialog
from ..scrolling import Scroller
from ..text import TextKit
from ..theme import Theme
from ..widgets import Button, ButtonPointer, FocusRing, Widget, draw_focus_ring, draw_round_rect
from . import counsellor_district
from .counsellor_export import export_reports
from .counsellor_guard import cannot_read

LOW, MID, HIGH = (213, 94, 0), (230, 159, 0), (86, 180, 233)   # Okabe-Ito: vermillion, orange, sky blue
IDLE_LOCK_S = 300.0
SESSION_LIMIT = 40            # rows of recent sessions on the overview; players lead to the rest
PLAYER_PAGE = 50              # player rows per page of the overview


def share_colour(value: float | None, good_high: bool = True) -> tuple[int, int, int]:
    if value is None:
        return (128, 128, 128)
    v = value if good_high else 1 - value
    return HIGH if v >= 0.7 else MID if v >= 0.4 else LOW


def pct(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


def when(ts: float | None) -> str:
    if ts is None:
        return "–"
    return _dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


class Row(Widget):
    """A clickable block of the page body (content coordinates in ``box``)."""

    def __init__(self, surface: pygame.Surface, action: Callable[[], None], ident: str):
        super().__init__()
        self.surface = surface
        self.action = action
        self.ident = ident
        self.box = pygame.Rect(0, 0, surface.get_width(), surface.get_height())
        self.hovered = False

    def activate(self) -> None:
        self.action()


class PageScreen(Screen):
    """Header (title, subtitle, buttons), then a scrolling body of blocks and rows."""

    skin = "menu"
    title = ""

    def __init__(self, app: App, store: Any):
        super().__init__(app)
        self.store = store
        self.scroller = Scroller()
        self.focus = FocusRing()
        self.header_buttons: list[Button] = []
        self.blocks: list[tuple[pygame.Surface, int]] = []    # (surface, y in content)
        self.rows: list[Row] = []
        self.header_ops: list[tuple[pygame.Surface, int, int]] = []
        self.header_h = 0
        self.margin = 0
        self.idle = 0.0
        self.pointer = ButtonPointer()

    # subclasses ----------------------------------------------------------------
    def subtitle(self) -> str:
        return ""

    def build_header_buttons(self) -> list[Button]:
        return [Button("Back", self.back, ident="back")]

    def build_body(self, page: PageBuilder) -> None: ...

    def back(self) -> None:
        if self.app.top is self:
            self.app.pop()

    def lock(self) -> None:
        """Leave the counsellor view entirely (idle lock)."""
        if self.store is not None:
            try:
                self.store.close()
            except Exception:  # noqa: BLE001
                pass
        self.app.show_start()

    # layout ---------------------------------------------------------------------
    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        self.margin = max(t.px(20), (w - t.px(1100)) // 2)
        cw = w - 2 * self.margin
        self.header_buttons = self.build_header_buttons()
        y = t.px(18)
        ops = []
        bh = max(t.px(44), kit.line_height("body_bold") + t.px(14))
        sizes = [max(t.px(110), b.preferred_size(kit, t)[0]) for b in self.header_buttons]
        buttons_w = sum(sizes) + t.px(10) * max(0, len(sizes) - 1)
        title_w = cw - buttons_w - t.px(20) if buttons_w < cw * 0.6 else cw
        title = kit.render_block(self.title, "title", t.p.text, title_w)
        ops.append((title, self.margin, y))
        x = self.margin + cw
        by = y if title_w < cw else y + title.get_height() + t.px(8)
        for b, bw in zip(reversed(self.header_buttons), reversed(sizes)):
            x -= bw
            b.rect = pygame.Rect(x, by, bw, bh)
            x -= t.px(10)
        y = max(y + title.get_height(), by + bh if title_w == cw else 0) + t.px(4)
        sub = self.subtitle()
        if sub:
            s = kit.render_block(sub, "body", t.p.text_dim, cw)
            ops.append((s, self.margin, y))
            y += s.get_height()
        y += t.px(12)
        self.header_ops = ops
        self.header_h = y
        page = PageBuilder(self, cw)
        self.build_body(page)
        self.blocks, self.rows = page.blocks, page.rows
        view = pygame.Rect(self.margin, self.header_h, cw + t.px(14), h - self.header_h - t.px(8))
        self.scroller.set_content(page.y + t.px(24), view)
        cur = self.focus.current
        ident = getattr(cur, "ident", None)
        self.focus.set_items([*self.header_buttons, *self.rows])
        for wdg in self.focus.items:
            if ident is not None and getattr(wdg, "ident", None) == ident:
                self.focus.focus(wdg, show=self.focus.visible)
        self._place_rows()
        self.dirty = True

    def on_enter(self) -> None:
        self.idle = 0.0

    def on_resume(self) -> None:
        self.idle = 0.0
        try:
            self.on_resize(self.app.size)
        except sessions.STORE_ERRORS as exc:
            cannot_read(self.app, self.store, exc)

    def _place_rows(self) -> None:
        v = self.scroller.view
        for r in self.rows:
            r.rect = pygame.Rect(v.x + r.box.x, v.y + r.box.y - self.scroller.offset, r.box.w, r.box.h)

    def _show_focused(self) -> None:
        cur = self.focus.current
        if isinstance(cur, Row):
            t = self.theme
            if self.scroller.ensure_visible(cur.box.top, cur.box.bottom, t.px(10)):
                self._place_rows()
        self.dirty = True

    # input ----------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.idle += dt
        if self.idle >= IDLE_LOCK_S:
            self.idle = 0.0
            self.lock()

    def handle_event(self, event: pygame.event.Event) -> bool:
        try:
            return self._handle_event(event)
        except sessions.STORE_ERRORS as exc:     # the results became unreadable while the view was open
            cannot_read(self.app, self.store, exc)
            return True

    def _handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL, pygame.TEXTINPUT):
            self.idle = 0.0
        t = self.theme
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                self.back()
                return True
            if key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP, pygame.K_LEFT, pygame.K_RIGHT):
                back = key in (pygame.K_UP, pygame.K_LEFT) or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
                self.focus.move(-1 if back else 1)
                self._show_focused()
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                cur = self.focus.current
                if cur is not None:
                    self.focus.visible = True
                    cur.activate()
                    self.dirty = True
                return True
            if self.scroller.handle_key(key, line):
                self._place_rows()
                self.dirty = True
                return True
            return False
        if self.scroller.handle_event(event, t, line):
            self._place_rows()
            self.dirty = True
            return True
        # a drag that scrolled was used by the scroller above, so a release here is a click
        return self.pointer.handle(self, event, [*self.header_buttons, *self.rows], self._hit)

    def _hit(self, pos: tuple[int, int]) -> Widget | None:
        for b in self.header_buttons:
            if b.rect.collidepoint(pos):
                return b
        if self.scroller.view.collidepoint(pos):
            for r in self.rows:
                if r.rect.collidepoint(pos):
                    return r
        return None

    # drawing --------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        surface.fill(t.p.bg)
        for s, x, y in self.header_ops:
            surface.blit(s, (x, y))
        for b in self.header_buttons:
            b.draw(surface, kit, t, self.focus.is_focused(b))
        view = self.scroller.view
        old = surface.get_clip()
        surface.set_clip(view)
        top = view.y - self.scroller.offset
        for s, y in self.blocks:
            if top + y + s.get_height() >= view.y and top + y <= view.bottom:
                surface.blit(s, (view.x, top + y))
        for r in self.rows:
            if r.rect.bottom >= view.y and r.rect.top <= view.bottom:
                bg = t.p.button_hover if r.hovered else t.p.surface
                draw_round_rect(surface, bg, r.rect, t.px(8), t.border_width, t.p.border)
                surface.blit(r.surface, r.rect.topleft)
                if self.focus.is_focused(r):
                    draw_focus_ring(surface, t, r.rect, t.px(8))
        surface.set_clip(old)
        self.scroller.draw_bar(surface, t)
        pygame.draw.line(surface, t.p.border, (0, self.header_h - t.px(4)),
                         (surface.get_width(), self.header_h - t.px(4)), 1)


class PageBuilder:
    """Lays out a page body top to bottom: headings, text, bars, clickable rows."""

    def __init__(self, screen: PageScreen, width: int):
        self.screen = screen
        self.t: Theme = screen.theme
        self.kit: TextKit = screen.kit
        self.w = width
        self.y = 0
        self.blocks: list[tuple[pygame.Surface, int]] = []
        self.rows: list[Row] = []

    def gap(self, n: int) -> None:
        self.y += self.t.px(n)

    def add(self, surface: pygame.Surface, gap: int = 0) -> None:
        self.y += gap
        self.blocks.append((surface, self.y))
        self.y += surface.get_height()

    def heading(self, text: str) -> None:
        self.gap(18)
        self.add(self.kit.render_block(text, "heading", self.t.p.text, self.w))
        self.gap(6)

    def text(self, text: str, style: str = "body", dim: bool = False, colour=None) -> None:
        colour = colour or (self.t.p.text_dim if dim else self.t.p.text)
        self.add(self.kit.render_block(text, style, colour, self.w))
        self.gap(4)

    def bullets(self, items: list[str]) -> None:
        t, kit = self.t, self.kit
        for item in items:
            s = kit.render_block(item, "body", t.p.text, self.w - t.px(22))
            surf = pygame.Surface((self.w, s.get_height()), pygame.SRCALPHA)
            r = max(3, t.px(3))
            pygame.draw.circle(surf, t.p.text_dim, (t.px(8), kit.line_height("body") // 2), r)
            surf.blit(s, (t.px(22), 0))
            self.add(surf)
            self.gap(4)

    def cards(self, cards: list[tuple[str, str]]) -> None:
        t, kit = self.t, self.kit
        gap = t.px(10)
        n = len(cards)
        per_row = n if self.w >= t.px(150) * n + gap * (n - 1) else max(1, (self.w + gap) // (t.px(150) + gap))
        cw = (self.w - gap * (per_row - 1)) // per_row
        ch = kit.line_height("title") + kit.line_height("small") + t.px(20)
        rows = (n + per_row - 1) // per_row
        surf = pygame.Surface((self.w, rows * ch + (rows - 1) * gap), pygame.SRCALPHA)
        for i, (value, label) in enumerate(cards):
            x, y = (i % per_row) * (cw + gap), (i // per_row) * (ch + gap)
            box = pygame.Rect(x, y, cw, ch)
            draw_round_rect(surf, t.p.surface, box, t.px(8), t.border_width, t.p.border)
            v = kit.render_line(value, "title", t.p.text)
            surf.blit(v, (x + t.px(12), y + t.px(8)))
            lab = kit.render_line(kit.ellipsize(label, "small", cw - t.px(20)), "small", t.p.text_dim)
            surf.blit(lab, (x + t.px(12), y + t.px(8) + v.get_height()))
        self.add(surf)
        self.gap(6)

    def bars(self, rows: Sequence[tuple[Any, ...]], good_high: bool = True) -> None:
        """Labelled horizontal bars for shares, with the numbers written beside them.

        A row is (label, share, note), or (label, share, note, good_high) where rows differ in which
        way is good (the flag heat map: many flags on a warning sign is good, on a normal message not).
        """
        t, kit = self.t, self.kit
        # columns as wide as their longest text, so labels are cut only when the bars would get too short
        notes = [pct(row[1]) + (f"  {row[2]}" if row[2] else "") for row in rows]
        note_w = min(max([kit.measure(n, "small_bold") for n in notes] + [kit.measure("100%  99 of 99", "small_bold")])
                     + t.px(4), self.w // 3)
        room = self.w - note_w - t.px(24) - t.px(140)         # the bars keep at least 140 px
        widest = max([kit.measure(row[0], "body") for row in rows] + [t.px(100)]) + t.px(8)
        label_w = max(min(widest, int(self.w * 0.45), room), min(t.px(260), self.w // 3, room))
        bar_w = self.w - label_w - note_w - t.px(24)
        lh = kit.line_height("body")
        row_h = lh + t.px(8)
        surf = pygame.Surface((self.w, row_h * len(rows)), pygame.SRCALPHA)
        for i, row in enumerate(rows):
            label, value, note = row[:3]
            row_good_high = row[3] if len(row) > 3 else good_high
            y = i * row_h
            lab = kit.render_line(kit.ellipsize(label, "body", label_w - t.px(8)), "body", t.p.text)
            surf.blit(lab, (label_w - t.px(8) - lab.get_width(), y + (row_h - lab.get_height()) // 2))
            track = pygame.Rect(label_w + t.px(4), y + t.px(5), bar_w, row_h - t.px(10))
            pygame.draw.rect(surf, t.p.surface_alt, track)
            pygame.draw.rect(surf, t.p.border, track, 1)
            if value is not None:
                fill = track.copy()
                fill.w = max(0, int(bar_w * max(0.0, min(1.0, value))))
                pygame.draw.rect(surf, share_colour(value, row_good_high), fill)
            text = pct(value) + (f"  {note}" if note else "")
            s = kit.render_line(kit.ellipsize(text, "small_bold", note_w), "small_bold", t.p.text)
            surf.blit(s, (track.right + t.px(10), y + (row_h - s.get_height()) // 2))
        self.add(surf)
        self.gap(6)

    def row(self, cells: list[tuple[str, float]], action: Callable[[], None], ident: str,
            sub: str | None = None, colour=None) -> None:
        """A clickable line: cells are (text, width fraction); an optional second line."""
        t, kit = self.t, self.kit
        pad = t.px(10)
        lh = kit.line_height("body")
        h = lh + 2 * pad + (kit.line_height("small") + t.px(2) if sub else 0)
        surf = pygame.Surface((self.w, h), pygame.SRCALPHA)
        x = pad
        inner = self.w - 2 * pad
        for i, (text, frac) in enumerate(cells):
            cw = int(inner * frac)
            style = "body_bold" if i == 0 else "body"
            if i and kit.measure(text, style) > cw - t.px(8):   # a narrow window: smaller before cut
                style = "small"
            s = kit.render_line(kit.ellipsize(text, style, cw - t.px(8)), style, colour or t.p.text)
            surf.blit(s, (x, pad + (lh - s.get_height()) // 2 if style == "small" else pad))
            x += cw
        if sub:
            s = kit.render_line(kit.ellipsize(sub, "small", inner), "small", t.p.text_dim)
            surf.blit(s, (pad, pad + lh + t.px(2)))
        r = Row(surf, action, ident)
        self.y += t.px(4)
        r.box = pygame.Rect(0, self.y, self.w, h)
        self.rows.append(r)
        self.y += h


# ---------------------------------------------------------------------------
# the overview, a player, a session
# ---------------------------------------------------------------------------
LATEST = "latest"      # OverviewScreen's default: open on the class that played most recently


def has_no_class(store: Any) -> bool:
    """Sessions were played without a class code (read from the class index)."""
    return bool(store.count_sessions(Filters(class_code=NO_CLASS)))


def scope_words(class_code: str | None) -> str:
    """What a class filter shows, in words: "class 8B", "no class" (sessions without a code), "all classes"."""
    if class_code is None:
        return "all classes"
    return "no class" if class_code == NO_CLASS else f"class {class_code}"


class OverviewScreen(PageScreen):
    """The class overview: what the class understood and what to teach next.

    With several classes in the store it opens on the class that played most
    recently (a district's "all classes" page costs a pass over every session;
    one class's page reads that class alone); the filter row goes on to the
    next class and to all classes."""

    title = "Counsellor view"

    def __init__(self, app: App, store: Any, class_code: str | None = LATEST):
        super().__init__(app, store)
        self.player_page = 0
        self.list_pages: dict[str, int] = {}      # the page shown of "classes" and "follow_up"
        activity = store.class_activity()
        self.classes = sorted(activity)
        self.no_class = has_no_class(store)
        if class_code == LATEST:
            latest = max(activity, key=lambda c: (activity[c], c), default=None)
            class_code = latest if len(self.classes) > 1 else None
        self.class_code = class_code
        self.report = self._build()

    def _build(self):
        # Figures in SQL; only the newest sessions are listed and no transcript is read here.
        self.class_report = class_sessions.build(self.store, class_code=self.class_code, limit=3)
        return report_model.build(self.store, class_code=self.class_code, sessions=SESSION_LIMIT,
                                  transcripts=False, follow_up=True, player_kinds=False)

    def subtitle(self) -> str:
        ov = self.report.overview
        scope = {None: "All classes on this device", NO_CLASS: "Sessions without a class code"}.get(
            self.class_code, f"Class {self.class_code}")
        return (f"{scope}: {ov['sessions']} sessions, {ov['players']} players. Nicknames only; "
                "keep what you see here confidential. Locks after 5 minutes without use.")

    def build_header_buttons(self) -> list[Button]:
        return [Button("Export report", self.export, kind="primary", ident="export"),
                Button("Move results", self.open_bundles, ident="bundles"),
                Button("Lock", self.lock, ident="lock")]

    def open_bundles(self) -> None:
        """Export and import result bundles (a USB stick); the overview is built again after an import."""
        self._bundles: Any = self.app.make("counsellor_bundles", store=self.store, class_code=self.class_code)
        self.app.push(self._bundles)

    def on_resume(self) -> None:
        screen = getattr(self, "_bundles", None)
        if screen is not None and screen.imported_any:
            self._bundles = None
            try:
                self.classes = sorted(self.store.class_activity())
                self.no_class = has_no_class(self.store)
                self.report = self._build()
            except sessions.STORE_ERRORS as exc:
                cannot_read(self.app, self.store, exc)
                return
        super().on_resume()

    def back(self) -> None:
        self.lock()

    def _next_class(self) -> str | None:
        options: list[str | None] = [None, *self.classes, *([NO_CLASS] if self.no_class and self.classes else [])]
        i = options.index(self.class_code) if self.class_code in options else 0
        return options[(i + 1) % len(options)]

    def cycle_class(self) -> None:
        self.show_class(self._next_class())

    def show_class(self, class_code: str | None) -> None:
        """Show one class (None: all classes; NO_CLASS: sessions without a class code); the page is
        built from that class alone."""
        self.class_code = class_code
        self.player_page = 0
        self.list_pages = {}
        self.report = self._build()
        self.on_resize(self.app.size)

    def export(self) -> None:
        try:
            paths = export_reports(self.store, getattr(self.app, "data_dir", None), self.class_code)
        except OSError as exc:
            self.app.push(NoticeDialog(self.app, "The report could not be saved", str(exc)))
            return
        self.exported = paths
        self.app.push(NoticeDialog(
            self.app, "Report saved",
            "The report was saved on this device:\n\n" + "\n".join(str(p) for p in paths)
            + "\n\nOpen the .html file in a web browser to read or print it; the .csv file opens in a "
              "spreadsheet. They contain nicknames only. Delete them when you no longer need them."))

    def build_body(self, page: PageBuilder) -> None:
        rep = self.report
        ov = rep.overview
        label = f"Showing: {scope_words(self.class_code)}"
        if self.classes:
            many = f" (one of {len(self.classes)} classes)" if self.class_code and len(self.classes) > 1 else ""
            page.row([(label + many, 0.65), (f"Enter: {scope_words(self._next_class())}", 0.35)],
                     self.cycle_class, "filter")
        page.gap(8)
        av = ov["averages"]
        page.cards([(str(ov["sessions"]), "sessions"), (str(ov["complete"]), "finished"),
                    (str(ov["unfinished"]), "unfinished (not scored)"), (str(ov["players"]), "players"),
                    ("–" if av["total"] is None else str(round(av["total"])), "average score")])
        page.heading("Key findings")
        page.bullets(findings(rep))
        if ov["complete"]:
            page.heading("Average score parts")
            page.bars([("Spotting score", av["detection"], "signs minus normal flags"),
                       ("Getting out", av["exit"], "left in time"),
                       ("Keeping info", av["privacy"], "nothing given away")])
            main, few = rep.category_split()
            if main:
                page.heading("What to teach next: red flags spotted, by kind")
                page.text("Least spotted first. Spotting one kind does not carry over well to others.", dim=True)
                page.bars([(c.title, c.share, f"{c.hits} of {c.items}") for c in main])
            if few:
                page.text("Met too rarely to judge: " + ", ".join(f"{c.title} ({c.hits} of {c.items})"
                                                                   for c in few) + ".", dim=True)
            late = [s for s in rep.scenarios if s.kind == "grooming" and s.complete]
            if late:
                page.heading("Where players stayed too long")
                page.bars([(s.title, s.late_share, f"{s.stayed_too_long} of {s.complete}") for s in late],
                          good_high=False)
        checks = check_storage.count(self.store, class_code=self.class_code)
        if checks:
            page.heading("Before and after")
            page.row([("The discernment check", 0.5), (f"{checks} check{'s' if checks != 1 else ''}", 0.5)],
                     lambda: self.app.open("check_results", store=self.store, class_code=self.class_code),
                     "check_results", sub="Did students get better at telling manipulators from friends, "
                                          "or only more suspicious?")
        draw: dict[str, Callable[[Any], None]] = {"heading": page.heading, "text": page.text, "bars": page.bars}
        for kind, payload in class_sessions.page_blocks(self.class_report):
            draw[kind](payload)
        self.district_body(page)
        page.heading("Players")
        page.text("Spotted: warning signs flagged; normal: normal messages flagged (all finished chats). "
                  "d′: telling them apart (0 guessing, 1 fair, 2 good). Select a player for their sessions.",
                  dim=True)
        first = self.player_page * PLAYER_PAGE
        if first:
            page.row([(f"Previous {PLAYER_PAGE} players", 1.0)], lambda: self.turn_players(-1), "players:prev")
        for p in rep.players[first:first + PLAYER_PAGE]:
            d = p.discernment
            cells = [(p.label, 0.22), (f"{p.complete} finished", 0.16),
                     (f"score {'–' if p.averages['total'] is None else round(p.averages['total'])}", 0.14),
                     (f"spotted {pct(d.hit_rate) if p.complete else '–'}", 0.16),
                     (f"normal {pct(d.fa_rate) if p.complete else '–'}", 0.16),
                     (f"d′ {d.d_prime:.2f}" if p.complete else "d′ –", 0.16)]
            page.row(cells, partial(self.open_player, p), f"player:{p.label}", sub=p.reading)
        if first + PLAYER_PAGE < len(rep.players):
            rest = len(rep.players) - first - PLAYER_PAGE
            page.row([(f"Next {min(rest, PLAYER_PAGE)} players (of {len(rep.players)})", 1.0)],
                     lambda: self.turn_players(1), "players:next")
        unfinished = rep.unfinished_sessions
        if unfinished:
            page.heading("Unfinished sessions")
            page.text("Stopped before the end (quit, or the game was closed). Not scored; the player can "
                      "resume them.", dim=True)
            for s in unfinished[-SESSION_LIMIT:]:
                self.session_row(page, s)
        days = retention.get_days(self.store)
        page.gap(6)
        page.text(("Results are kept forever." if days is None else
                   f"Results older than {days} days are deleted automatically.")
                  + " Change this, or delete a player's or a class's results, with "
                    "python main.py forget (see --help).", "small", dim=True)
        done = sorted(rep.complete_sessions, key=lambda s: s.started_at, reverse=True)[:SESSION_LIMIT]
        if done:
            page.heading("Latest finished sessions")
            for s in done:
                self.session_row(page, s)

    def district_body(self, page: PageBuilder) -> None:
        counsellor_district.body(page, self.report, show_class=self.show_class, open_player=self.open_follow_up,
                                 pages=self.list_pages, turn=self.turn_list)

    def turn_list(self, name: str, step: int) -> None:
        """Show the next (step 1) or previous (-1) page of a district list ("classes", "follow_up")."""
        self.list_pages[name] = max(0, self.list_pages.get(name, 0) + step)
        self.on_resize(self.app.size)

    def open_follow_up(self, f: Any) -> None:
        self.app.push(PlayerScreen(self.app, self.store, f.player, NO_CLASS if f.class_code is None else f.class_code))

    def turn_players(self, step: int) -> None:
        self.player_page = max(0, self.player_page + step)
        self.on_resize(self.app.size)

    def session_row(self, page: PageBuilder, s: Any) -> None:
        score = s.part("total")
        page.row([(s.player, 0.2), (s.title, 0.32), (s.outcome_label if s.complete else s.status_label, 0.36),
                  ("–" if score is None else f"{round(score)}", 0.12)],
                 partial(open_session, self, s), f"session:{s.id}",
                 sub=when(s.started_at) + (f" · class {s.class_code}" if s.class_code else "")
                 + (" · class play" if getattr(s, "mode", "solo") == "class" else ""))

    def open_player(self, player: Any) -> None:
        klass = player.classes[0] if player.classes else NO_CLASS    # the same nickname in two classes is two players
        self.app.push(PlayerScreen(self.app, self.store, player.name, klass))


class PlayerScreen(PageScreen):
    def __init__(self, app: App, store: Any, player: str, class_code: str | None = None):
        super().__init__(app, store)
        self.player = player
        self.class_code = class_code
        nick = None if player == report_model.NO_NICKNAME else player
        recs = report_model.build(store, player=nick, class_code=class_code)
        if nick is None:   # sessions without a nickname
            keep = [s for s in recs.sessions if s.player == report_model.NO_NICKNAME]
            recs.sessions = keep
        self.report = recs
        self.title = f"Player {player}"

    def subtitle(self) -> str:
        p = next((p for p in self.report.players if p.name.casefold() == self.player.casefold()), None)
        if p is None or not p.complete:
            return "No finished sessions yet."
        d = p.discernment
        n = d.counts
        total = p.averages["total"]
        return (f"{p.complete} finished of {p.sessions} · average score "
                f"{'–' if total is None else round(total)} · warning signs spotted {share_of(n.hits, n.signal_items)}, "
                f"normal messages flagged {share_of(n.false_alarms, n.noise_items)} · {p.reading} "
                f"(d′ {d.d_prime:.2f}, c {d.c:+.2f})")

    def build_body(self, page: PageBuilder) -> None:
        rep = self.report
        main, few = rep.category_split()
        if main:
            page.heading("Red flags spotted, by kind")
            page.bars([(c.title, c.share, f"{c.hits} of {c.items}") for c in main])
            p = next((p for p in rep.players if p.name.casefold() == self.player.casefold()), None)
            if p is not None and p.complete:     # hits never without the false alarms beside them
                n = p.discernment.counts
                page.text(f"Normal messages flagged too: {share_of(n.false_alarms, n.noise_items)}.", "body_bold")
        page.heading("Sessions")
        for s in sorted(rep.sessions, key=lambda s: s.started_at, reverse=True):
            score = s.part("total")
            sig = (s.result or {}).get("signal") or {}
            flags = (f" · {sig.get('hits', 0)} of {sig.get('signal_items', 0)} warning signs, "
                     f"{sig.get('false_alarms', 0)} of {sig.get('noise_items', 0)} normal flagged") if s.result else ""
            page.row([(s.title, 0.4), (s.outcome_label if s.complete else s.status_label, 0.4),
                      ("–" if score is None else f"{round(score)}", 0.2)],
                     partial(open_session, self, s), f"session:{s.id}",
                     sub=when(s.started_at) + flags)


class SessionScreen(PageScreen):
    def __init__(self, app: App, store: Any, session: Any):
        super().__init__(app, store)
        if not getattr(session, "lines_loaded", True):    # listed without its transcript: read it now
            session = report_model.session_view(store, session.id) or session
        self.session = session
        self.title = session.title

    def subtitle(self) -> str:
        s = self.session
        parts = [s.player, when(s.started_at)]
        if s.class_code:
            parts.append(f"class {s.class_code}")
        parts.append(s.outcome_label if s.complete else s.status_label)
        return " · ".join(parts)

    def build_body(self, page: PageBuilder) -> None:
        s = self.session
        tax = report_model.taxonomy()
        if s.complete and s.result:
            sig = s.result.get("signal") or {}
            page.bars([("Spotting score", s.part("detection"), ""), ("Getting out", s.part("exit"), ""),
                       ("Keeping info", s.part("privacy"), "")])
            page.text(f"Score {round(s.part('total') or 0)} of 100.", "body_bold")
            page.text(f"Warning signs flagged {share_of(sig.get('hits', 0), sig.get('signal_items', 0))}; "
                      f"normal messages flagged {share_of(sig.get('false_alarms', 0), sig.get('noise_items', 0))}.")
        else:
            page.text("Unfinished: not scored.", "body_bold")
        ending = s.outcome_label + (f": {s.ending_title}" if s.ending_title else "")
        page.text("How it ended: " + ending)
        if s.kind == "benign":
            page.text("A control scenario: this person was safe.", dim=True)
        page.heading("The conversation")
        width = page.w
        bubble_w = int(width * 0.72)
        for ln in s.lines:
            if ln.who == "player":
                self._bubble(page, "You", ln.text, ln.reply_notes(tax), right=True, width=bubble_w,
                             colour=LOW if ln.late else None)
            else:
                who = "Notice" if ln.who == "system" else s.stranger
                notes, colour = [], None
                cats = ", ".join(tax.category(c) for c in ln.categories)
                if ln.mark == "spotted":
                    notes.append(f"Spotted: {cats}")
                    colour = HIGH
                elif ln.mark == "missed":
                    notes.append(f"Missed: {cats}")
                    colour = LOW
                elif ln.mark == "false_alarm":
                    notes.append("Flagged, but harmless")
                self._bubble(page, f"[{ln.n}] {who}", ln.text, notes, right=False, width=bubble_w, colour=colour)
                if ln.exit_point:
                    page.text("Danger high enough here: time to get out", "small_bold", colour=LOW)
        if s.profile:
            page.heading("Profile")
            page.bullets([f"{p.label}: {p.text}" + {"spotted": " (spotted)", "missed": " (missed)",
                                                     "false_alarm": " (flagged, but harmless)"}.get(p.mark or "", "")
                          for p in s.profile])
        if s.disclosures:
            page.heading("Gave away")
            page.text(", ".join(tax.disclosure(k) for k in s.disclosures))
        if s.discussion_questions:
            page.heading("To talk about")
            page.bullets(s.discussion_questions)
        if getattr(s, "facilitator_notes", ""):
            page.heading("For the adult: responding to a disclosure")
            page.text(s.facilitator_notes)

    def _bubble(self, page: PageBuilder, who: str, text: str, notes: list[str], *, right: bool, width: int,
                colour=None) -> None:
        t, kit = page.t, page.kit
        pad = t.px(10)
        inner = width - 2 * pad
        head = kit.render_line(kit.ellipsize(who, "small", inner), "small",
                               t.p.bubble_out_text if right else t.p.text_dim)
        body = kit.render_block(text, "body", t.p.bubble_out_text if right else t.p.bubble_in_text, inner)
        extra = [kit.render_block(n, "small_bold", t.p.text if colour is None else colour, inner) for n in notes]
        h = pad + head.get_height() + body.get_height() + sum(e.get_height() for e in extra) + pad
        surf = pygame.Surface((page.w, h), pygame.SRCALPHA)
        x = page.w - width if right else 0
        box = pygame.Rect(x, 0, width, h)
        edge = colour if colour is not None else (t.p.border if t.high_contrast else None)
        draw_round_rect(surf, t.p.bubble_out if right else t.p.bubble_in, box, t.px(10),
                        max(2, t.border_width) if colour is not None else t.border_width, edge)
        if colour is not None:
            pygame.draw.rect(surf, colour, pygame.Rect(x, 0, t.px(5), h), border_radius=t.px(3))
        y = pad
        surf.blit(head, (x + pad, y))
        y += head.get_height()
        surf.blit(body, (x + pad, y))
        y += body.get_height()
        for e in extra:
            # notes sit on the bubble: draw a light pill behind coloured notes for contrast
            if colour is not None:
                pill = pygame.Rect(x + pad - t.px(3), y, e.get_width() + t.px(6), e.get_height())
                draw_round_rect(surf, t.p.surface, pill, t.px(4))
            surf.blit(e, (x + pad, y))
            y += e.get_height()
        page.add(surf, t.px(6))


def open_session(page: PageScreen, session: Any) -> None:
    """One session's page, above the page it was chosen on."""
    page.app.push(SessionScreen(page.app, page.store, session))
