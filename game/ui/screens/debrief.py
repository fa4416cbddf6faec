"""The debrief: what happened, how it scored, every red flag spotted or missed, and where to get help.

``DebriefScreen(app, result, conversation, **extra)`` (see ``App.show_debrief``)
builds ``game.debrief.build(scenario, events, result)`` and lays out one
scrolling page:

1. the authored ending (title and text), if the chat reached one;
2. the headline;
3. the score: the total, and spotting / getting out / keeping your info,
   each with a bar, a number and what it means;
4. who the other person really was (for a safe person: that they were
   safe, and why);
5. the chat replayed, each red flag marked *Spotted* or *Missed* (a marker
   shape and a word, never colour alone) with its explanation; harmless
   messages that were flagged are explained kindly;
6. what the player shared, the discussion questions, and the help
   resources from ``game/data/help_resources.yaml`` with their "it is not
   your fault" wording.

The page is cut into blocks rendered once per layout; a frame only blits the
blocks in view. It scrolls with the wheel, the keys (arrows, Page Up/Down,
Space, Home/End) and a drag (mouse or finger). Tab reaches the buttons of
the bottom bar: Play again, Choose another, Start.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import pygame

from game.debrief import REPORT_NOTE, Debrief, page_words
from game.debrief import build as build_debrief
from game.library import load_library
from game.play.catalogue import PLATFORM_NAMES
from game.play.chat_view import outcome_words
from game.play.practice import PRACTICE_LINE, PRACTICE_NOTE, practice_from
from game.play.sessions import PlayError
from game.taxonomy import load_help

from .. import check_flow
from ..app import App
from ..dialogs import NoticeDialog
from ..drawing import platform_accent, platform_icon
from ..launch import launch_scenario
from ..marks import FALSE_ALARM, MISSED, SPOTTED, outcome_icon, shield_icon
from ..scrolling import Scroller
from ..widgets import Button, ButtonPointer, FocusRing, draw_flag_marker
from .debrief_help import HelpParts
from .debrief_map import MapParts
from .debrief_replay import ReplayParts

__all__ = ["FALSE_ALARM", "MISSED", "SPOTTED", "DebriefScreen"]


@dataclass
class Block:
    y: int
    x: int
    surf: pygame.Surface


# ---------------------------------------------------------------------------
# the screen
# ---------------------------------------------------------------------------
class DebriefScreen(ReplayParts, MapParts, HelpParts):
    skin = "menu"

    def __init__(self, app: App, result: dict, conversation: Any = None, **extra: Any):
        super().__init__(app)
        self.result = result or {}
        self.conversation = conversation
        self.extra = extra
        session = extra.get("session")
        self.scenario = (extra.get("scenario") or getattr(conversation, "scenario", None)
                         or getattr(session, "scenario", None))
        events = getattr(conversation, "events", None)
        if events is None and session is not None:
            events = getattr(getattr(session, "conv", None), "events", None)
        self.events: list[dict] = list(events or [])
        self.debrief: Debrief | None = None
        if self.scenario is not None:
            try:
                self.debrief = build_debrief(self.scenario, self.events, self.result,   # the player's help country
                                             country=getattr(getattr(app, "settings", None), "country_choice", None))
            except (KeyError, TypeError, ValueError):   # a broken record still gets a debrief page with help
                self.debrief = None
        self.help = getattr(self.debrief, "help", None) or load_help()
        name = getattr(getattr(self.scenario, "stranger", None), "name", "") or "the other person"
        self.stranger_name = name
        self.buttons = [Button(page_words(False)["get_help_button"], self.get_help, ident="help", key=pygame.K_h),
                        Button("Play again", self.play_again, kind="primary", ident="again"),
                        Button("Choose another", self.choose_another, ident="another"),
                        Button("Start", self.to_start, ident="start")]
        #: where the help section starts on the page (content y), set by the layout
        self.help_y = 0
        self.total_style = ""
        self.focus = FocusRing()
        self.focus.set_items(self.buttons)
        self.scroller = Scroller()
        self.blocks: list[Block] = []
        self._tops: list[int] = []
        self.bar = pygame.Rect(0, 0, 0, 0)
        self.pointer = ButtonPointer()
        #: item id -> status, for every marker on the page (tests read this)
        self.marked: dict[str, str] = {}
        #: every piece of text laid out on the page, in order (tests read this)
        self.texts: list[str] = []
        self.anchors: dict[int, Button] = {}
        self.map_steps: dict[str, int] = {}
        self.retry_buttons: list[Button] = []
        self.practice = getattr(session, "practice", None)
        self.can_retry = self.scenario is not None and any(e.get("type") == "choice" for e in self.events)

    # -- actions -----------------------------------------------------------------------
    def _scenario_ref(self) -> str | None:
        s = self.scenario
        if s is None:
            return None
        if load_library().get(s.id) is not None:
            return s.id
        return str(getattr(s, "path", "") or s.id)

    def play_again(self) -> None:
        ref = self._scenario_ref()
        if ref is None:
            self.choose_another()
            return

        def under() -> None:  # leaving the chat comes back to the picker, not to this page
            self.app.show_start()
            self.app.open("picker")

        launch_scenario(self.app, ref, under=under)

    def choose_another(self) -> None:   # the after-playing check first, when it is due now
        check_flow.offer_after_debrief(self.app, lambda: (self.app.show_start(), self.app.open("picker")))

    def to_start(self) -> None:
        check_flow.offer_after_debrief(self.app, self.app.show_start)

    def get_help(self) -> None:
        """The footer's "Get help": scroll to the help section (its heading at the top of the view)."""
        self.scroller.scroll_to(self.help_y - self.theme.px(12))
        self._place_retry()
        self.dirty = True

    def try_again(self, decision: int) -> None:
        """A practice run from the player's ``decision``-th reply (never stored; game.play.practice)."""
        try:
            session = practice_from(self.scenario, self.events, decision)
        except PlayError:
            self.app.push(NoticeDialog(self.app, "This chat cannot start from there",
                                       "The chat file changed since you played it. Try Play again."))
            return
        self.app.open("chat", session=session, resumed=PRACTICE_LINE)

    # -- layout --------------------------------------------------------------------------
    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        self.marked, self.texts, self.anchors = {}, [], {}
        # bottom bar with the three buttons
        gap = t.px(12)
        sizes = [b.preferred_size(kit, t) for b in self.buttons]
        bh = max(max(s[1] for s in sizes), t.px(50))
        bar_h = bh + 2 * t.px(14)
        self.bar = pygame.Rect(0, h - bar_h, w, bar_h)
        n = len(self.buttons)
        widths = [max(s[0], t.px(120)) for s in sizes]
        avail = w - 2 * t.px(20)
        if sum(widths) + gap * (n - 1) > avail:
            widths = [(avail - gap * (n - 1)) // n] * n
        x = (w - sum(widths) - gap * (n - 1)) // 2
        for b, bw in zip(self.buttons, widths):
            b.rect = pygame.Rect(x, self.bar.y + t.px(14), bw, bh)
            x += bw + gap
        # the page
        col = min(w - 2 * t.px(24), t.px(880))
        x0 = (w - col) // 2
        blocks: list[Block] = []
        y = t.px(28)

        def add(surf: pygame.Surface, gap_above: int = 0, x: int = x0) -> None:
            nonlocal y
            y += gap_above
            blocks.append(Block(y, x, surf))
            y += surf.get_height()

        self.help_y = 0
        self._help_anchor = self._map_anchor = None
        self.map_y = 0
        for surf, g in self._page(col):
            if surf is self._help_anchor:
                self.help_y = y + g
            if surf is self._map_anchor:
                self.map_y = y + g      # where the branch map starts (content y)
            add(surf, g)
        y += t.px(32)
        self.blocks = blocks
        self.retry_buttons = []
        for block in blocks:                    # "Try again from here" under the replies, in page order
            button = self.anchors.get(id(block.surf))
            if button is not None:
                button.box = button.box.move(block.x, block.y)
                self.retry_buttons.append(button)
        self.focus.set_items([*self.buttons, *self.retry_buttons])
        self._place_retry()
        self._tops = [b.y for b in blocks]
        self.scroller.set_content(y, pygame.Rect(0, 0, w, self.bar.y))
        self.dirty = True

    def _page(self, col: int) -> list[tuple[pygame.Surface, int]]:
        """The page, top to bottom. After an unsafe ending it leads with what happened, what to do now
        and where to get help; the score follows, in small. Otherwise the score comes first and the help
        last. Every page says it is never the player's fault and where to get help."""
        t = self.theme
        d = self.debrief
        out: list[tuple[pygame.Surface, int]] = [(self._eyebrow(col), 0)]
        if self.practice is not None:
            out.append((self._text(PRACTICE_NOTE, "body_bold", t.p.text, col), t.px(10)))
        ending = getattr(d, "ending", None)
        headline = d.headline if d is not None else "The chat is over."
        if d is None:
            out.append((self._text(headline, "title", t.p.text, col), t.px(18)))
            out.append((self._score_card(col), t.px(18)))
            out.extend(self._help(col))
            return out
        if d.help_first:
            out.append((self._text(headline, "title", t.p.text, col), t.px(14)))
            if ending is not None:
                out.append((self._ending_card(ending, col), t.px(14)))
            out.append((self._steps(col), t.px(14)))
            out.extend(self._help(col))
            out.extend(self._who(col))
            out.append((self._heading(self._words()["scored"], col), t.px(36)))
            out.append((self._score_card(col, compact=True), t.px(12)))
        else:
            if ending is not None:
                out.append((self._ending_card(ending, col), t.px(14)))
            out.append((self._text(headline, "title", t.p.text, col), t.px(18)))
            if d.report_reason:
                out.append((self._report_note(col), t.px(8)))
            out.append((self._score_card(col), t.px(18)))
            out.extend(self._who(col))
        out.extend(self._transcript(col))
        out.extend(self._branch_map(col))
        out.extend(self._shared(col))
        if d.questions:
            out.append((self._heading(self._words()["talk"], col), t.px(36)))
            out.append((self._text(self._words()["talk_intro"], "body", t.p.text_dim, col), t.px(8)))
            for i, q in enumerate(d.questions, 1):
                out.append((self._numbered(i, q, col), t.px(10)))
        if not d.help_first:
            out.extend(self._help(col))
        return out

    def _eyebrow(self, col: int) -> pygame.Surface:
        t, kit, s = self.theme, self.kit, self.scenario
        title = getattr(s, "title", "") or "The chat"
        platform = getattr(s, "platform", "")
        eb_text = f"DEBRIEF  ·  {title}" + (f"  ·  {PLATFORM_NAMES.get(platform, platform)}" if platform else "")
        lh = kit.line_height("small_bold")
        label = kit.render_line(kit.ellipsize(eb_text, "small_bold", col - lh - t.px(10)), "small_bold", t.p.text_dim)
        self.texts.append(eb_text)
        eb = pygame.Surface((lh + t.px(10) + label.get_width(), lh), pygame.SRCALPHA)
        platform_icon(eb, platform, pygame.Rect(0, 0, lh, lh), platform_accent(t, platform))
        eb.blit(label, (lh + t.px(10), 0))
        return eb

    def _report_note(self, col: int) -> pygame.Surface:
        d = self._debrief()
        return self._text(REPORT_NOTE.format(reason=d.report_reason.lower()), "body", self.theme.p.text, col)

    def _ending_card(self, ending: Any, col: int) -> pygame.Surface:
        t = self.theme
        pad = t.px(20)
        inner = col - 2 * pad - t.px(6)
        outcome = getattr(ending, "outcome", "neutral")
        lh = self.kit.line_height("small_bold")
        tag_text = self.kit.render_line(outcome_words(outcome).upper(), "small_bold", t.p.text)
        self.texts.append(outcome_words(outcome))
        tag = pygame.Surface((lh + t.px(8) + tag_text.get_width(), lh), pygame.SRCALPHA)
        outcome_icon(tag, outcome, pygame.Rect(0, 0, lh, lh), t.p.text)
        tag.blit(tag_text, (lh + t.px(8), 0))
        parts = [(tag, 0, 0)]
        if getattr(ending, "title", ""):
            parts.append((self._text(ending.title, "heading", t.p.text, inner), 0, t.px(8)))
        if getattr(ending, "text", ""):
            parts.append((self._text(" ".join(ending.text.split()), "body", t.p.text, inner), 0, t.px(6)))
        body = self._stack(parts, inner)
        stripe = {"safe": t.p.accent, "unsafe": t.p.flag}.get(outcome, t.p.text_dim)
        card = self._panel(col, body.get_height() + 2 * pad, fill=t.p.surface_alt, stripe=stripe)
        card.blit(body, (pad + t.px(6), pad))
        return card

    def _score_card(self, col: int, compact: bool = False) -> pygame.Surface:
        """The total and the three parts; ``compact`` (after an unsafe ending) shows the total in small."""
        t, kit = self.theme, self.kit
        d, r = self.debrief, self.result
        pad = t.px(22)
        inner = col - 2 * pad
        complete = r.get("complete", True) and r.get("outcome") != "quit"
        score = r.get("score") or {}
        total = score.get("total")
        # the total, left (or on top when narrow)
        side = col >= t.px(640)
        total_w = (t.px(150) if compact else t.px(190)) if side else inner
        tparts: list[tuple[pygame.Surface, int, int]] = []
        if complete and isinstance(total, (int, float)):
            self.total_style = "heading" if compact else "display"     # tests read it
            big = kit.render_line(str(int(total)), self.total_style, t.p.text)
            of = kit.render_line("/ 100", "body" if compact else "heading", t.p.text_dim)
            row = pygame.Surface((big.get_width() + t.px(8) + of.get_width(), big.get_height()), pygame.SRCALPHA)
            row.blit(big, (0, 0))
            row.blit(of, (big.get_width() + t.px(8), big.get_height() - of.get_height() - t.px(2 if compact else 6)))
            self.texts.append(f"{int(total)} / 100")
            tparts.append((row, 0, 0))
            tparts.append((self._text("Total score", "small_bold", t.p.text_dim, total_w), 0, t.px(2)))
            bonus = []
            if r.get("reported") and not getattr(self.scenario, "benign", False):
                bonus.append("+5 for reporting")
            if r.get("told_adult"):
                bonus.append("+5 for telling an adult")
            for b in bonus:
                tparts.append((self._text(b, "small", t.p.text, total_w), 0, t.px(6)))
        else:
            tparts.append((self._text("Not scored", "heading", t.p.text, total_w), 0, 0))
            tparts.append((self._text("The chat stopped before the end.", "small", t.p.text_dim, total_w), 0, t.px(4)))
        total_block = self._stack(tparts, total_w)
        # the three parts
        parts_w = inner - total_w - t.px(28) if side else inner
        rows: list[tuple[pygame.Surface, int, int]] = []
        for i, part in enumerate(getattr(d, "parts", ()) or ()):
            rows.append((self._part_row(part, parts_w, complete), 0, 0 if i == 0 else t.px(18)))
        parts_block = self._stack(rows, parts_w) if rows else pygame.Surface((1, 1), pygame.SRCALPHA)
        if side:
            h = max(total_block.get_height(), parts_block.get_height())
        else:
            h = total_block.get_height() + t.px(18) + parts_block.get_height()
        card = self._panel(col, h + 2 * pad)
        card.blit(total_block, (pad, pad))
        if side:
            x = pad + total_w + t.px(14)
            pygame.draw.line(card, t.p.border, (x, pad), (x, pad + h), t.border_width)
            card.blit(parts_block, (x + t.px(14), pad))
        else:
            card.blit(parts_block, (pad, pad + total_block.get_height() + t.px(18)))
        return card

    def _part_row(self, part: Any, width: int, complete: bool) -> pygame.Surface:
        t, kit = self.theme, self.kit
        value = part.value if complete else None
        name = self._text(part.name, "body_bold", t.p.text, width // 2)
        num_text = "—" if value is None else f"{round(float(value) * 100)}%"
        num = kit.render_line(num_text, "body_bold", t.p.text)
        self.texts.append(f"{part.name}: {num_text}")
        bar_h = t.px(12)
        meaning = self._text(part.meaning, "body", t.p.text_dim, width)
        h = max(name.get_height(), num.get_height()) + t.px(6) + bar_h + t.px(6) + meaning.get_height()
        surf = pygame.Surface((width, h), pygame.SRCALPHA)
        surf.blit(name, (0, 0))
        surf.blit(num, (width - num.get_width(), 0))
        y = max(name.get_height(), num.get_height()) + t.px(6)
        track = pygame.Rect(0, y, width, bar_h)
        pygame.draw.rect(surf, t.p.bg if not t.high_contrast else (0, 0, 0), track, border_radius=bar_h // 2)
        pygame.draw.rect(surf, t.p.border if not t.high_contrast else t.p.text, track, width=1,
                         border_radius=bar_h // 2)
        if value is not None and value > 0:
            fill = pygame.Rect(0, y, max(bar_h, int(width * float(value))), bar_h)
            pygame.draw.rect(surf, t.p.accent, fill, border_radius=bar_h // 2)
        surf.blit(meaning, (0, y + bar_h + t.px(6)))
        return surf

    def _who(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t = self.theme
        d = self._debrief()
        pad = t.px(20)
        icon = self.kit.line_height("heading")
        inner = col - 2 * pad - icon - t.px(14) - t.px(6)
        words = self._words()
        head = words["was_safe"].format(name=self.stranger_name) if d.safe_person else words["going_on"]
        parts = [(self._text(head, "heading", t.p.text, inner), 0, 0)]
        if d.summary:
            parts.append((self._text(" ".join(d.summary.split()), "body", t.p.text, inner), 0, t.px(8)))
        for section in d.sections:   # only the parts of the debrief that are true on this player's path
            parts.append((self._text(" ".join(section.split()), "body", t.p.text, inner), 0, t.px(8)))
        if d.safe_person and self.result.get("outcome") not in ("blocked", "reported", "left"):
            # (after an exit, "Getting out" has already said that not everyone online is a threat)
            parts.append((self._text("Not everyone online is a threat. Telling a real friend from a manipulator is "
                                     "the skill, and that is what you practised here.", "body", t.p.text_dim, inner),
                          0, t.px(8)))
        body = self._stack(parts, inner)
        card = self._panel(col, body.get_height() + 2 * pad, fill=t.p.surface_alt,
                           stripe=t.p.accent if d.safe_person else t.p.flag)
        ir = pygame.Rect(pad + t.px(6), pad, icon, icon)
        if d.safe_person:
            shield_icon(card, ir, t.p.accent, t.p.accent_text)
        else:
            draw_flag_marker(card, t.p.flag, ir.x + icon // 6, ir.y, icon)
        card.blit(body, (ir.right + t.px(14), pad))
        return [(card, t.px(24))]

    # -- the transcript ------------------------------------------------------------------
    # -- input ----------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        used = self._handle(event)
        self._place_retry()          # the in-page buttons follow the scroll
        return used

    def _place_retry(self) -> None:
        view, off = self.scroller.view, int(self.scroller.offset)
        for b in self.retry_buttons:
            b.rect = b.box.move(0, view.y - off)

    def _visible_retry(self) -> list[Button]:
        return [b for b in self.retry_buttons if self.scroller.view.contains(b.rect)]

    def _handle(self, event: pygame.event.Event) -> bool:
        t = self.theme
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            key = event.key
            shortcut = next((b for b in self.buttons if b.key is not None and b.key == key), None)
            if shortcut is not None:
                shortcut.activate()
                self.dirty = True
                return True
            if key == pygame.K_TAB or (key in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus.visible):
                back = (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT) or key == pygame.K_LEFT
                if self.focus.current is None and back:     # Shift+Tab first: the footer's last button
                    self.focus.focus(self.buttons[-1])
                    cur = self.focus.current
                else:
                    cur = self.focus.move(-1 if back else 1)
                if cur in self.retry_buttons:
                    self.scroller.ensure_visible(cur.box.y, cur.box.bottom, t.px(16))
                self.dirty = True
                return True
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                cur = self.focus.current
                if cur is not None and self.focus.visible:
                    cur.activate()
                    self.dirty = True
                return True
            if key == pygame.K_SPACE:
                cur = self.focus.current
                if cur is not None and self.focus.visible:
                    cur.activate()
                else:
                    self.scroller.scroll_by((-1 if event.mod & pygame.KMOD_SHIFT else 1)
                                            * max(line, self.scroller.view.h - 2 * line))
                self.dirty = True
                return True
            if self.scroller.handle_key(key, line):
                self.dirty = True
                return True
            return False
        if self.scroller.handle_event(event, t, line):
            self.dirty = True
            if event.type == pygame.MOUSEBUTTONUP:
                self.pointer.pressed = None
            return True
        return self.pointer.handle(self, event, [*self.buttons, *self._visible_retry()])

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        surface.fill(t.p.bg)
        view = self.scroller.view
        off = self.scroller.offset
        old = surface.get_clip()
        surface.set_clip(view)
        # blocks are in y order: find the first that can be visible, blit until past the view
        i = max(0, bisect.bisect_right(self._tops, off) - 1)
        # a tall block that starts above may still reach into the view
        while i > 0 and self.blocks[i - 1].y + self.blocks[i - 1].surf.get_height() > off:
            i -= 1
        for b in self.blocks[i:]:
            y = b.y - off + view.y
            if y > view.bottom:
                break
            if y + b.surf.get_height() >= view.y:
                surface.blit(b.surf, (b.x, y))
        for button in self.retry_buttons:      # placed by _place_retry after every scroll
            if button.rect.bottom >= view.y and button.rect.y <= view.bottom:
                button.draw(surface, kit, t, self.focus.is_focused(button))
        surface.set_clip(old)
        self.scroller.draw_bar(surface, t)
        # bottom bar
        pygame.draw.rect(surface, t.p.surface, self.bar)
        pygame.draw.line(surface, t.p.border, (0, self.bar.y), (self.bar.w, self.bar.y), t.border_width)
        if self.scroller.scrollable and off < self.scroller.max_offset:
            more = kit.render_line("Scroll for more", "small", t.p.text_dim)
            if self.buttons[0].rect.x >= t.px(20) + more.get_width() + t.px(12):   # only where it fits
                surface.blit(more, (t.px(20), self.bar.centery - more.get_height() // 2))
        for button in self.buttons:
            button.draw(surface, kit, t, self.focus.is_focused(button))
