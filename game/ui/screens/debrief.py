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

from game import transcript
from game.debrief import Debrief
from game.debrief import build as build_debrief
from game.library import load_library
from game.play.catalogue import PLATFORM_NAMES
from game.taxonomy import load_help, load_taxonomy

from .. import check_flow
from ..app import App, Screen
from ..drawing import platform_accent, platform_icon
from ..launch import launch_scenario
from ..marks import FALSE_ALARM, MISSED, SPOTTED, STATUS_WORDS, outcome_icon, shield_icon, status_badge
from ..scrolling import Scroller
from ..widgets import Button, ButtonPointer, FocusRing, draw_flag_marker

OUTCOME_WORDS = {"safe": "Safe ending", "neutral": "Neutral ending", "unsafe": "Unsafe ending"}
END_WORDS = {"block": "You blocked {name}.", "report": "You reported and blocked {name}.",
             "leave": "You left the chat.", "quit": "You stopped the chat before the end."}


@dataclass
class Block:
    y: int
    x: int
    surf: pygame.Surface


# ---------------------------------------------------------------------------
# the screen
# ---------------------------------------------------------------------------
class DebriefScreen(Screen):
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
        self.buttons = [Button("Play again", self.play_again, kind="primary", ident="again"),
                        Button("Choose another", self.choose_another, ident="another"),
                        Button("Start", self.to_start, ident="start")]
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

    def _debrief(self) -> Debrief:
        """The debrief data; the page parts that need it are only built when there is one."""
        assert self.debrief is not None
        return self.debrief

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

    # -- layout helpers ------------------------------------------------------------------
    def _text(self, text: str, style: str, color, width: int, align: str = "left") -> pygame.Surface:
        self.texts.append(text)
        return self.kit.render_block(text, style, color, max(20, width), align=align)

    def _panel(self, width: int, height: int, *, fill=None, border=None, stripe=None,
               radius: int | None = None) -> pygame.Surface:
        t = self.theme
        surf = pygame.Surface((width, max(1, height)), pygame.SRCALPHA)
        r = surf.get_rect()
        rad = t.shape.panel_radius if radius is None else radius
        if stripe is not None:
            # the stripe colour underneath, the fill over all but a left band: a clean rounded stripe
            pygame.draw.rect(surf, stripe, r, border_radius=rad)
            pygame.draw.rect(surf, fill or t.p.surface, pygame.Rect(t.px(6), 0, r.w - t.px(6), r.h),
                             border_top_right_radius=rad, border_bottom_right_radius=rad)
        else:
            pygame.draw.rect(surf, fill or t.p.surface, r, border_radius=rad)
        pygame.draw.rect(surf, border or (t.p.text if t.high_contrast else t.p.border), r,
                         width=t.border_width, border_radius=rad)
        return surf

    def _stack(self, parts: list[tuple[pygame.Surface, int, int]], width: int) -> pygame.Surface:
        """Parts (surface, x, gap above) one under another in a transparent surface."""
        h = sum(s.get_height() + g for s, _x, g in parts)
        surf = pygame.Surface((max(1, width), max(1, h)), pygame.SRCALPHA)
        y = 0
        for s, x, g in parts:
            y += g
            surf.blit(s, (x, y))
            y += s.get_height()
        return surf

    def _heading(self, text: str, width: int) -> pygame.Surface:
        t = self.theme
        s = self._text(text, "heading", t.p.text, width - t.px(16))
        surf = pygame.Surface((width, s.get_height()), pygame.SRCALPHA)
        pygame.draw.rect(surf, t.p.accent, pygame.Rect(0, t.px(4), t.px(5), s.get_height() - t.px(8)),
                         border_radius=t.px(2))
        surf.blit(s, (t.px(16), 0))
        return surf

    # -- layout --------------------------------------------------------------------------
    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        self.marked, self.texts = {}, []
        # bottom bar with the three buttons
        gap = t.px(12)
        sizes = [b.preferred_size(kit, t) for b in self.buttons]
        bh = max(max(s[1] for s in sizes), t.px(50))
        bar_h = bh + 2 * t.px(14)
        self.bar = pygame.Rect(0, h - bar_h, w, bar_h)
        widths = [max(s[0], t.px(120)) for s in sizes]
        avail = w - 2 * t.px(20)
        if sum(widths) + gap * 2 > avail:
            widths = [(avail - gap * 2) // 3] * 3
        x = (w - sum(widths) - gap * 2) // 2
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

        for surf, g in self._page(col):
            add(surf, g)
        y += t.px(32)
        self.blocks = blocks
        self._tops = [b.y for b in blocks]
        self.scroller.set_content(y, pygame.Rect(0, 0, w, self.bar.y))
        self.dirty = True

    def _page(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t, kit = self.theme, self.kit
        d = self.debrief
        s = self.scenario
        out: list[tuple[pygame.Surface, int]] = []
        # eyebrow
        title = getattr(s, "title", "") or "The chat"
        platform = getattr(s, "platform", "")
        eb_text = f"DEBRIEF  ·  {title}" + (f"  ·  {PLATFORM_NAMES.get(platform, platform)}" if platform else "")
        lh = kit.line_height("small_bold")
        label = kit.render_line(kit.ellipsize(eb_text, "small_bold", col - lh - t.px(10)), "small_bold", t.p.text_dim)
        self.texts.append(eb_text)
        eb = pygame.Surface((lh + t.px(10) + label.get_width(), lh), pygame.SRCALPHA)
        platform_icon(eb, platform, pygame.Rect(0, 0, lh, lh), platform_accent(t, platform))
        eb.blit(label, (lh + t.px(10), 0))
        out.append((eb, 0))
        # 1. the authored ending
        ending = getattr(d, "ending", None)
        if ending is not None:
            out.append((self._ending_card(ending, col), t.px(14)))
        # 2. the headline
        headline = d.headline if d is not None else "The chat is over."
        out.append((self._text(headline, "title", t.p.text, col), t.px(18)))
        # 3. the score
        out.append((self._score_card(col), t.px(18)))
        if d is None:
            out.extend(self._help(col))
            return out
        # 4. who they were
        out.extend(self._who(col))
        # 5. the chat replayed
        out.extend(self._transcript(col))
        # 6. what was shared, questions, help
        out.extend(self._shared(col))
        if d.questions:
            out.append((self._heading("Talk about it", col), t.px(36)))
            out.append((self._text("With your class, a friend or an adult you trust:", "body", t.p.text_dim, col),
                        t.px(8)))
            for i, q in enumerate(d.questions, 1):
                out.append((self._numbered(i, q, col), t.px(10)))
        out.extend(self._help(col))
        return out

    def _ending_card(self, ending: Any, col: int) -> pygame.Surface:
        t = self.theme
        pad = t.px(20)
        inner = col - 2 * pad - t.px(6)
        outcome = getattr(ending, "outcome", "neutral")
        lh = self.kit.line_height("small_bold")
        tag_text = self.kit.render_line(OUTCOME_WORDS.get(outcome, "Ending").upper(), "small_bold", t.p.text)
        self.texts.append(OUTCOME_WORDS.get(outcome, "Ending"))
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

    def _score_card(self, col: int) -> pygame.Surface:
        t, kit = self.theme, self.kit
        d, r = self.debrief, self.result
        pad = t.px(22)
        inner = col - 2 * pad
        complete = r.get("complete", True) and r.get("outcome") != "quit"
        score = r.get("score") or {}
        total = score.get("total")
        # the total, left (or on top when narrow)
        side = col >= t.px(640)
        total_w = t.px(190) if side else inner
        tparts: list[tuple[pygame.Surface, int, int]] = []
        if complete and isinstance(total, (int, float)):
            big = kit.render_line(str(int(total)), "display", t.p.text)
            of = kit.render_line("/ 100", "heading", t.p.text_dim)
            row = pygame.Surface((big.get_width() + t.px(8) + of.get_width(), big.get_height()), pygame.SRCALPHA)
            row.blit(big, (0, 0))
            row.blit(of, (big.get_width() + t.px(8), big.get_height() - of.get_height() - t.px(6)))
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
        if d.safe_person:
            head = f"{self.stranger_name} was safe"
        else:
            head = "What was really going on"
        parts = [(self._text(head, "heading", t.p.text, inner), 0, 0)]
        if d.summary:
            parts.append((self._text(" ".join(d.summary.split()), "body", t.p.text, inner), 0, t.px(8)))
        for section in d.sections:   # only the parts of the debrief that are true on this player's path
            parts.append((self._text(" ".join(section.split()), "body", t.p.text, inner), 0, t.px(8)))
        if d.safe_person:
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
    def _transcript(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t, kit = self.theme, self.kit
        d = self._debrief()
        out: list[tuple[pygame.Surface, int]] = []
        reviews = {i.id: i for i in d.items}
        counts = {SPOTTED: len(d.spotted), MISSED: len(d.missed), FALSE_ALARM: len(d.false_alarms)}
        heading = "The chat, replayed" if d.safe_person else "The chat, with the red flags marked"
        out.append((self._heading(heading, col), t.px(36)))
        # the legend / tally: spotted and missed always for a manipulator; anything else only when it happened
        legend: list[pygame.Surface] = []
        for status in (SPOTTED, MISSED, FALSE_ALARM):
            if not counts[status] and (d.safe_person or status == FALSE_ALARM):
                continue
            badge = status_badge(kit, t, status)
            n = kit.render_line(f"× {counts[status]}", "body_bold", t.p.text)
            self.texts.append(f"{STATUS_WORDS[status]} {counts[status]}")
            cell = pygame.Surface((badge.get_width() + t.px(8) + n.get_width(), max(badge.get_height(),
                                                                                    n.get_height())),
                                  pygame.SRCALPHA)
            cell.blit(badge, (0, (cell.get_height() - badge.get_height()) // 2))
            cell.blit(n, (badge.get_width() + t.px(8), (cell.get_height() - n.get_height()) // 2))
            legend.append(cell)
        if legend:
            out.append((self._flow(legend, col, t.px(18), t.px(8)), t.px(12)))
        else:
            out.append((self._text("You didn't flag anything, and there was nothing to flag.", "body", t.p.text,
                                   col), t.px(8)))
        if not reviews and not d.safe_person:
            out.append((self._text("No red flags were shown before the chat ended.", "body", t.p.text_dim, col),
                        t.px(8)))
        # profile items first: they were there all along
        profile = [i for i in d.items if i.number is None and i.id.startswith("profile.")]
        if profile:
            out.append((self._text(f"{self.stranger_name}'s profile", "body_bold", t.p.text_dim, col), t.px(20)))
            for item in profile:
                out.append((self._profile_item(item, col), t.px(10)))
                self.marked[item.id] = item.status
        out.append((self._text("The messages", "body_bold", t.p.text_dim, col), t.px(20)))
        tr = transcript.annotate(self.events, self.result or None)
        prev_from: str | None = None
        for line in tr.lines:
            # a repeated message: its marker is on the first time it was shown
            review = reviews.get(line.item_id or "") if not line.repeat else None
            if line.who == "system":
                out.append((self._notice(line.text, col, review), t.px(12)))
            elif line.who == "stranger":
                out.append((self._bubble(line, col, review, first=prev_from != "stranger"),
                            t.px(14) if prev_from != "stranger" else t.px(6)))
            else:
                out.append((self._reply(line, col), t.px(14)))
            if review is not None:
                self.marked[review.id] = review.status
            prev_from = line.who
        if tr.end is not None:
            out.append((self._end_line(tr.end, col), t.px(18)))
        # anything reviewed but not seen in the log (should not happen; never hide a flag)
        for item in d.items:
            if item.id not in self.marked:
                out.append((self._profile_item(item, col), t.px(10)))
                self.marked[item.id] = item.status
        return out

    def _flow(self, cells: list[pygame.Surface], width: int, hgap: int, vgap: int) -> pygame.Surface:
        rows: list[list[pygame.Surface]] = [[]]
        x = 0
        for c in cells:
            if rows[-1] and x + c.get_width() > width:
                rows.append([])
                x = 0
            rows[-1].append(c)
            x += c.get_width() + hgap
        h = sum(max((c.get_height() for c in r), default=0) for r in rows) + vgap * (len(rows) - 1)
        surf = pygame.Surface((width, max(1, h)), pygame.SRCALPHA)
        y = 0
        for r in rows:
            x = 0
            rh = max((c.get_height() for c in r), default=0)
            for c in r:
                surf.blit(c, (x, y + (rh - c.get_height()) // 2))
                x += c.get_width() + hgap
            y += rh + vgap
        return surf

    def _explanation(self, item: Any, width: int) -> pygame.Surface:
        """Why a flagged or missed item matters (or why a harmless one was fine)."""
        t = self.theme
        pad = t.px(14)
        inner = width - 2 * pad - t.px(6)
        parts: list[tuple[pygame.Surface, int, int]] = [(status_badge(self.kit, t, item.status), 0, 0)]
        if item.categories and item.status != FALSE_ALARM:
            cats = " · ".join(c.title for c in item.categories)
            parts.append((self._text(cats, "body_bold", t.p.text, inner), 0, t.px(8)))
        if item.why:
            parts.append((self._text(" ".join(item.why.split()), "body", t.p.text, inner), 0, t.px(4)))
        body = self._stack(parts, inner)
        stripe = t.p.flag if item.status != FALSE_ALARM else t.p.text_dim
        card = self._panel(width, body.get_height() + 2 * pad, fill=t.p.surface, stripe=stripe, radius=t.px(10))
        card.blit(body, (pad + t.px(6), pad))
        return card

    def _bubble(self, line: transcript.Line, col: int, item: Any, first: bool) -> pygame.Surface:
        t = self.theme
        max_w = int(col * 0.72)
        pad_x, pad_y = t.px(14), t.px(9)
        text = line.text
        extra = []
        if line.image:
            extra.append("[picture]")
        if line.link:
            extra.append(f"[link: {line.link}]")
        full = " ".join(x for x in [text, *extra] if x) or "…"
        block = self._text(full, "body", t.p.bubble_in_text, max_w - 2 * pad_x)
        bw, bh = block.get_width() + 2 * pad_x, block.get_height() + 2 * pad_y
        name = None
        if first:
            name = self._text(self.stranger_name, "small_bold", t.p.text_dim, max_w)
        marker_w = t.px(18) if item is not None else 0
        expl = self._explanation(item, min(col - marker_w, t.px(720))) if item is not None else None
        h = (name.get_height() + t.px(4) if name else 0) + bh + (t.px(8) + expl.get_height() if expl else 0)
        surf = pygame.Surface((col, h), pygame.SRCALPHA)
        y = 0
        if name:
            surf.blit(name, (marker_w, 0))
            y = name.get_height() + t.px(4)
        rect = pygame.Rect(marker_w, y, bw, bh)
        radius = min(t.px(16), bh // 2)
        pygame.draw.rect(surf, t.p.bubble_in, rect, border_radius=radius)
        if t.high_contrast:
            pygame.draw.rect(surf, t.p.text, rect, width=2, border_radius=radius)
        surf.blit(block, (rect.x + pad_x, rect.y + pad_y))
        if item is not None:
            # a rail beside the bubble: solid when spotted, dashed when missed, dotted when harmless
            rail_x = t.px(6)
            assert expl is not None
            top, bottom = rect.y + t.px(4), rect.bottom + t.px(8) + expl.get_height() - t.px(4)
            self._rail(surf, item.status, rail_x, top, bottom)
            if item.status == SPOTTED:
                pygame.draw.rect(surf, t.p.flag, rect, width=max(2, t.border_width), border_radius=radius)
            surf.blit(expl, (marker_w, rect.bottom + t.px(8)))
        return surf

    def _rail(self, surf: pygame.Surface, status: str, x: int, top: int, bottom: int) -> None:
        t = self.theme
        w = max(3, t.px(4))
        color = t.p.flag if status != FALSE_ALARM else t.p.text_dim
        if status == SPOTTED:
            pygame.draw.line(surf, color, (x, top), (x, bottom), w)
            return
        dash, gap = (t.px(10), t.px(6)) if status == MISSED else (t.px(3), t.px(5))
        y = top
        while y < bottom:
            pygame.draw.line(surf, color, (x, y), (x, min(bottom, y + dash)), w)
            y += dash + gap

    def _notice(self, text: str, col: int, item: Any) -> pygame.Surface:
        t = self.theme
        block = self._text(text, "small", t.p.notice_text, int(col * 0.8), align="center")
        pad = t.px(8)
        expl = self._explanation(item, min(col, t.px(720))) if item is not None else None
        h = block.get_height() + 2 * pad + (t.px(8) + expl.get_height() if expl else 0)
        surf = pygame.Surface((col, h), pygame.SRCALPHA)
        r = pygame.Rect((col - block.get_width()) // 2 - t.px(12), 0, block.get_width() + t.px(24),
                        block.get_height() + 2 * pad)
        pygame.draw.rect(surf, t.p.notice_bg, r, border_radius=t.px(8))
        if t.high_contrast:
            pygame.draw.rect(surf, t.p.text, r, width=1, border_radius=t.px(8))
        surf.blit(block, (r.x + t.px(12), pad))
        if expl is not None:
            surf.blit(expl, ((col - expl.get_width()) // 2, r.bottom + t.px(8)))
        return surf

    def _reply(self, line: transcript.Line, col: int) -> pygame.Surface:
        t = self.theme
        max_w = int(col * 0.72)
        pad_x, pad_y = t.px(14), t.px(9)
        block = self._text(line.text or "…", "body", t.p.bubble_out_text, max_w - 2 * pad_x)
        bw, bh = block.get_width() + 2 * pad_x, block.get_height() + 2 * pad_y
        notes: list[pygame.Surface] = []
        if line.discloses:
            taxonomy = load_taxonomy()
            kinds = [taxonomy.disclosures[k].title.lower() if k in taxonomy.disclosures else k
                     for k in line.discloses]
            notes.append(self._text("You shared: " + ", ".join(kinds), "small_bold", t.p.text, max_w))
        if line.tells_adult:
            notes.append(self._text("You brought in an adult you trust", "small_bold", t.p.text, max_w))
        h = bh + sum(n.get_height() + t.px(4) for n in notes)
        surf = pygame.Surface((col, h), pygame.SRCALPHA)
        rect = pygame.Rect(col - bw, 0, bw, bh)
        radius = min(t.px(16), bh // 2)
        pygame.draw.rect(surf, t.p.bubble_out, rect, border_radius=radius)
        if t.high_contrast:
            pygame.draw.rect(surf, t.p.text, rect, width=2, border_radius=radius)
        surf.blit(block, (rect.x + pad_x, pad_y))
        y = bh
        for n in notes:
            y += t.px(4)
            surf.blit(n, (col - n.get_width(), y))
            y += n.get_height()
        return surf

    def _end_line(self, end: transcript.Ending, col: int) -> pygame.Surface:
        t = self.theme
        how = end.how
        if how == "ending":
            ending = getattr(self.debrief, "ending", None)
            text = "The chat ended" + (f": {ending.title}" if ending is not None and ending.title else ".")
        else:
            text = END_WORDS.get(how, "The chat ended.").format(name=self.stranger_name)
        block = self._text(text, "small_bold", t.p.text, int(col * 0.8), align="center")
        pad = t.px(8)
        surf = pygame.Surface((col, block.get_height() + 2 * pad), pygame.SRCALPHA)
        y = surf.get_height() // 2
        pygame.draw.line(surf, t.p.border, (0, y), (col, y), 1)
        r = pygame.Rect((col - block.get_width()) // 2 - t.px(14), 0, block.get_width() + t.px(28), surf.get_height())
        pygame.draw.rect(surf, t.p.bg, r)
        pygame.draw.rect(surf, t.p.border if not t.high_contrast else t.p.text, r, width=1,
                         border_radius=r.h // 2)
        surf.blit(block, (r.x + t.px(14), pad))
        return surf

    def _profile_item(self, item: Any, col: int) -> pygame.Surface:
        t = self.theme
        text = item.text
        if text.startswith("Profile - "):  # the section heading already says it is the profile
            text = text[len("Profile - "):]
        label = self._text(text, "body", t.p.text, col - t.px(40))
        expl = self._explanation(item, min(col - t.px(18), t.px(720)))
        h = label.get_height() + 2 * t.px(8) + t.px(8) + expl.get_height()
        surf = pygame.Surface((col, h), pygame.SRCALPHA)
        r = pygame.Rect(t.px(18), 0, min(col - t.px(18), label.get_width() + t.px(28)),
                        label.get_height() + 2 * t.px(8))
        pygame.draw.rect(surf, t.p.surface, r, border_radius=t.px(8))
        pygame.draw.rect(surf, t.p.border if not t.high_contrast else t.p.text, r, width=1, border_radius=t.px(8))
        surf.blit(label, (r.x + t.px(14), t.px(8)))
        self._rail(surf, item.status, t.px(6), t.px(4), h - t.px(4))
        surf.blit(expl, (t.px(18), r.bottom + t.px(8)))
        return surf

    # -- shared, questions, help ------------------------------------------------------------
    def _shared(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t = self.theme
        d = self._debrief()
        out: list[tuple[pygame.Surface, int]] = [(self._heading("What you shared", col), t.px(36))]
        if not d.disclosed:
            out.append((self._text("Nothing personal. You kept your details to yourself.", "body", t.p.text, col),
                        t.px(8)))
            return out
        for kind in d.disclosed:
            line = f"{kind.title}" + (f": {kind.examples}" if getattr(kind, "examples", "") else "")
            out.append((self._bullet(line, col), t.px(8)))
        out.append((self._text("Sharing is normal with people you know. With someone you only know online, details "
                               "like these can be pieced together to find you or to pressure you.", "body",
                               t.p.text_dim, col), t.px(10)))
        return out

    def _bullet(self, text: str, col: int, style: str = "body") -> pygame.Surface:
        t = self.theme
        indent = t.px(24)
        block = self._text(text, style, t.p.text, col - indent)
        surf = pygame.Surface((col, block.get_height()), pygame.SRCALPHA)
        lh = self.kit.line_height(style)
        pygame.draw.circle(surf, t.p.accent, (indent // 2 - 2, lh // 2 + 1), max(3, t.px(4)))
        surf.blit(block, (indent, 0))
        return surf

    def _numbered(self, n: int, text: str, col: int) -> pygame.Surface:
        t, kit = self.theme, self.kit
        lh = kit.line_height("body")
        d = max(lh, t.px(26))
        block = self._text(" ".join(text.split()), "body", t.p.text, col - d - t.px(12))
        surf = pygame.Surface((col, max(d, block.get_height())), pygame.SRCALPHA)
        pygame.draw.circle(surf, t.p.surface_alt, (d // 2, d // 2), d // 2)
        if t.high_contrast:
            pygame.draw.circle(surf, t.p.text, (d // 2, d // 2), d // 2, 1)
        num = kit.render_line(str(n), "small_bold", t.p.text)
        surf.blit(num, num.get_rect(center=(d // 2, d // 2)))
        surf.blit(block, (d + t.px(12), (d - lh) // 2 if block.get_height() <= lh else 0))
        return surf

    def _help(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t = self.theme
        out: list[tuple[pygame.Surface, int]] = [(self._heading("If this ever happens to you", col), t.px(40))]
        info = self.help
        pad = t.px(20)
        inner = col - 2 * pad - t.px(6)
        sentences = list(getattr(info, "never_your_fault", ()) or ()) or [
            "It is not your fault. Tell an adult you trust: a parent, a teacher, a school counsellor."]
        parts: list[tuple[pygame.Surface, int, int]] = []
        for i, sentence in enumerate(sentences):
            style = "heading" if i == 0 else "body"
            parts.append((self._text(sentence, style, t.p.text, inner), 0, 0 if i == 0 else t.px(10)))
        school = getattr(info, "school_contact", "")
        if school:
            parts.append((self._text(f"At your school: {school}", "body_bold", t.p.text, inner), 0, t.px(14)))
        parts.append((self._text("Tell an adult you trust: a parent, a teacher, a school counsellor. "
                                 "Or contact one of these:", "body_bold", t.p.text, inner), 0, t.px(14)))
        body = self._stack(parts, inner)
        card = self._panel(col, body.get_height() + 2 * pad, fill=t.p.surface_alt, stripe=t.p.accent)
        card.blit(body, (pad + t.px(6), pad))
        out.append((card, t.px(12)))
        resources = list(getattr(info, "resources", ()) or ())
        if not resources:
            return out
        cols = 2 if col >= t.px(640) else 1
        gap = t.px(14)
        cw = (col - gap * (cols - 1)) // cols
        cards = [self._resource_card(r, cw) for r in resources]
        for i in range(0, len(cards), cols):
            row = cards[i:i + cols]
            rh = max(c.get_height() for c in row)
            surf = pygame.Surface((col, rh), pygame.SRCALPHA)
            for j, c in enumerate(row):
                # stretch each card to the row height so the grid lines up
                full = self._panel(cw, rh, fill=t.p.surface, radius=t.px(12))
                full.blit(c, (0, 0))
                surf.blit(full, (j * (cw + gap), 0))
            out.append((surf, gap))
        return out

    def _resource_card(self, r: Any, width: int) -> pygame.Surface:
        t, kit = self.theme, self.kit
        pad = t.px(16)
        inner = width - 2 * pad
        name = self._text(r.name, "body_bold", t.p.text, inner - t.px(50))
        region = None
        if getattr(r, "region", ""):
            region = kit.render_line(r.region, "small_bold", t.p.text_dim)
        parts: list[tuple[pygame.Surface, int, int]] = []
        head = pygame.Surface((inner, name.get_height()), pygame.SRCALPHA)
        head.blit(name, (0, 0))
        if region is not None:
            rr = pygame.Rect(inner - region.get_width() - t.px(12), 0, region.get_width() + t.px(12),
                             region.get_height() + t.px(2))
            pygame.draw.rect(head, t.p.border, rr, width=1, border_radius=rr.h // 2)
            head.blit(region, (rr.x + t.px(6), rr.y + t.px(1)))
        parts.append((head, 0, 0))
        parts.append((self._text(r.purpose, "body", t.p.text_dim, inner), 0, t.px(4)))
        contact = [x for x in (getattr(r, "website", ""), ("Phone " + r.phone) if getattr(r, "phone", "") else "")
                   if x]
        for c in contact:
            parts.append((self._text(c, "body_bold", t.p.link, inner), 0, t.px(4)))
        body = self._stack(parts, inner)
        surf = pygame.Surface((width, body.get_height() + 2 * pad), pygame.SRCALPHA)
        surf.blit(body, (pad, pad))
        return surf

    # -- input ----------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        t = self.theme
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_TAB or (key in (pygame.K_LEFT, pygame.K_RIGHT) and self.focus.visible):
                back = (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT) or key == pygame.K_LEFT
                self.focus.move(-1 if back else 1)
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
        return self.pointer.handle(self, event, self.buttons)

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
        surface.set_clip(old)
        self.scroller.draw_bar(surface, t)
        # bottom bar
        pygame.draw.rect(surface, t.p.surface, self.bar)
        pygame.draw.line(surface, t.p.border, (0, self.bar.y), (self.bar.w, self.bar.y), t.border_width)
        if self.scroller.scrollable and off < self.scroller.max_offset and self.bar.w >= t.px(760):
            more = kit.render_line("Scroll for more", "small", t.p.text_dim)
            surface.blit(more, (t.px(20), self.bar.centery - more.get_height() // 2))
        for button in self.buttons:
            button.draw(surface, kit, t, self.focus.is_focused(button))
