"""Drawing the projector: one teacher state (the JSON the browser projector gets) onto a surface.

The painter never changes anything and writes no sentence of its own: every
word comes from the state (``screen`` holds the projector's words, ``words``
the phase's line, the reveal its scoring.md sentences) or from the window
words the server hands the window (keys, the show-of-hands help). Sizes are
for the back of a classroom: at 1920x1080 body text is about 42 px (the
text of the game window's "Projector (bigger text)" setting,
``game.ui.scaling.projector_window_scale``), the join code about 230 px;
everything scales with the window.

``texts`` lists every line drawn in the last frame (what tests and reviewers
read instead of pixels).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from ..scaling import PROJECTOR_BASE, projector_window_scale
from ..text import TextKit
from ..theme import Theme

BASE = PROJECTOR_BASE    # the layout's design size; lengths scale with the window from it


@dataclass
class Tally:
    """The show of hands being typed on the window (None when not typing one)."""

    counts: dict[str, str] = field(default_factory=dict)   # option key -> digits typed
    row: int = 0


@dataclass
class Frame:
    """Everything one frame shows besides the state."""

    qr: list[list[bool]] | None = None
    tally: Tally | None = None
    problem: str = ""
    scroll: int = 0                       # first reveal row shown
    keys: list[tuple[str, str]] = field(default_factory=list)
    tally_help: str = ""


def fill(template: str, **values: Any) -> str:
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", str(value))
    return out


class ProjectorPainter:
    def __init__(self, size: tuple[int, int]) -> None:
        self.theme = Theme("menu", high_contrast=False)
        self.kit = TextKit()
        self.size = (0, 0)
        self.texts: list[str] = []
        self.reveal_rows = 0              # reveal rows that fit (the window scrolls by it)
        self._code_font: pygame.font.Font | None = None
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        if size == self.size:
            return
        self.size = size
        self.s = min(size[0] / BASE[0], size[1] / BASE[1])
        self.kit.set_scale(projector_window_scale(size))
        path = self.kit.bold_path
        px = max(24, int(210 * self.s))
        try:
            self._code_font = pygame.font.Font(str(path) if path else None, px)
        except (OSError, pygame.error):
            self._code_font = pygame.font.Font(None, px)

    def px(self, n: float) -> int:
        return max(1, int(round(n * self.s)))

    # -- primitives ---------------------------------------------------------------------------
    def _line(self, surface: pygame.Surface, text: str, style: str, color: Any, x: int, y: int,
              width: int | None = None, align: str = "left") -> int:
        """One line (cut with … to ``width``); returns its height."""
        if width is not None:
            text = self.kit.ellipsize(text, style, width)
        surf = self.kit.render_line(text, style, color)
        if align == "center" and width is not None:
            x += (width - surf.get_width()) // 2
        elif align == "right" and width is not None:
            x += width - surf.get_width()
        surface.blit(surf, (x, y))
        self.texts.append(text)
        return surf.get_height()

    def _block(self, surface: pygame.Surface, text: str, style: str, color: Any, x: int, y: int,
               width: int, align: str = "left", max_lines: int | None = None) -> int:
        """Wrapped text; returns its height."""
        lines = self.kit.wrap(text, style, width)
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self.kit.ellipsize(lines[-1] + "…", style, width)
        lh = self.kit.line_height(style)
        for i, line in enumerate(lines):
            self._line(surface, line, style, color, x, y + i * lh, width, align)
        return lh * len(lines)

    def _block_height(self, text: str, style: str, width: int, max_lines: int | None = None) -> int:
        n = len(self.kit.wrap(text, style, width))
        if max_lines is not None:
            n = min(n, max_lines)
        return n * self.kit.line_height(style)

    def _qr(self, surface: pygame.Surface, matrix: list[list[bool]] | None, rect: pygame.Rect) -> None:
        if not matrix:
            return
        quiet = 2
        n = len(matrix) + 2 * quiet
        cell = max(1, min(rect.w, rect.h) // n)
        side = cell * n
        x0 = rect.x + (rect.w - side) // 2
        y0 = rect.y + (rect.h - side) // 2
        pygame.draw.rect(surface, (255, 255, 255), (x0, y0, side, side))
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    pygame.draw.rect(surface, (0, 0, 0),
                                     (x0 + (c + quiet) * cell, y0 + (r + quiet) * cell, cell, cell))

    # -- the frame ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame) -> None:
        self.resize(surface.get_size())
        self.texts = []
        p = self.theme.p
        surface.fill(p.bg)
        w, h = self.size
        words = state.get("screen", {})
        phase = state.get("phase", "waiting")
        footer_h = self.kit.line_height("small_bold") + self.px(24)
        body = pygame.Rect(self.px(48), self.px(32), w - self.px(96), h - self.px(32) - footer_h)
        checking = bool((state.get("check") or {}).get("open"))     # the discernment check on the devices
        if phase != "waiting" or checking:
            bar = self._top_bar(surface, state, frame, words)
            body.y = bar + self.px(24)
            body.h = h - footer_h - body.y
        views = {"waiting": self._waiting, "intro": self._intro, "chat": self._chat, "vote": self._chat,
                 "discussion": self._discussion, "ended": self._ended, "reveal": self._reveal}
        view = self._check if checking else views.get(phase, self._waiting)
        view(surface, state, frame, words, body)
        self._footer(surface, frame, footer_h)

    def _fitting(self, text: str, styles: tuple[str, ...], width: int) -> str:
        """The largest of ``styles`` in which ``text`` fits on one line of ``width``."""
        for style in styles:
            if self.kit.measure(text, style) <= width:
                return style
        return styles[-1]

    def _top_bar(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
                 words: dict[str, str]) -> int:
        p = self.theme.p
        w = self.size[0]
        pad = self.px(16)
        text_h = self.kit.line_height("title") + self.kit.line_height("heading")
        height = text_h + 2 * pad
        pygame.draw.rect(surface, p.surface, (0, 0, w, height))
        qr_side = height - 2 * self.px(8)
        self._qr(surface, frame.qr, pygame.Rect(w - qr_side - self.px(24), self.px(8), qr_side, qr_side))
        students = state.get("students", {})
        text_w = w - qr_side - self.px(96)
        join = fill(words.get("join_line", ""), address=state.get("address", ""), code=state.get("join_code", ""))
        style = self._fitting(join, ("title", "heading", "body_bold"), text_w)
        self._line(surface, join, style, p.text, self.px(48), pad, text_w)
        counts = "   ·   ".join([fill(words.get("joined", ""), n=students.get("joined", 0)),
                                 fill(words.get("flags", ""), n=students.get("flags", 0))])
        self._line(surface, counts, "heading", p.accent, self.px(48), pad + self.kit.line_height("title"), text_w)
        return height

    def _footer(self, surface: pygame.Surface, frame: Frame, footer_h: int) -> None:
        p = self.theme.p
        w, h = self.size
        y = h - footer_h + self.px(10)
        if frame.problem:
            pygame.draw.rect(surface, p.danger, (0, y - self.px(10), w, footer_h))
            self._line(surface, frame.problem, "small_bold", p.danger_text, self.px(48), y, w - self.px(96))
            return
        hints = frame.tally_help if frame.tally is not None else "    ".join(f"{k} {what}" for k, what in frame.keys)
        self._line(surface, hints, "tiny", p.text_dim, self.px(48), y, w - self.px(96))

    # -- the phases -----------------------------------------------------------------------------
    def _waiting(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
                 words: dict[str, str], body: pygame.Rect) -> None:
        p = self.theme.p
        left = pygame.Rect(body.x, body.y, int(body.w * 0.58), body.h)
        y = left.y + self.px(10)
        y += self._line(surface, words.get("title", ""), "title", p.text, left.x, y, left.w) + self.px(30)
        y += self._block(surface, words.get("join_open", ""), "heading", p.text_dim, left.x, y, left.w)
        address = state.get("address", "")
        y += self._line(surface, address, self._fitting(address, ("display", "title", "heading"), left.w),
                        p.accent, left.x, y + self.px(8), left.w) + self.px(40)
        y += self._line(surface, words.get("join_type", ""), "heading", p.text_dim, left.x, y, left.w)
        assert self._code_font is not None
        code = self._code_font.render(state.get("join_code", ""), True, p.text)
        surface.blit(code, (left.x - self.px(6), y - self.px(10)))
        self.texts.append(state.get("join_code", ""))
        joined = fill(words.get("joined", ""), n=state.get("students", {}).get("joined", 0))
        self._line(surface, joined, "display", p.accent, left.x, body.bottom - self.kit.line_height("display"),
                   left.w)
        qr_rect = pygame.Rect(left.right + self.px(40), body.y, body.right - left.right - self.px(40), body.h)
        self._qr(surface, frame.qr, qr_rect)

    def _intro(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
               words: dict[str, str], body: pygame.Rect) -> None:
        p = self.theme.p
        rules = state.get("ground_rules", {})
        y = body.y
        y += self._line(surface, rules.get("title", ""), "display", p.text, body.x, y, body.w) + self.px(24)
        bullet_w = body.w - self.px(60)
        for point in rules.get("points", []):
            pygame.draw.circle(surface, p.accent, (body.x + self.px(16), y + self.kit.line_height("body") // 2),
                               self.px(9))
            y += self._block(surface, point, "body", p.text, body.x + self.px(60), y, bullet_w) + self.px(18)
        notes = state.get("content_notes") or []
        if notes:
            y += self.px(12)
            y += self._block(surface, fill(words.get("includes", ""), notes="; ".join(notes)), "body", p.text_dim,
                             body.x, y, body.w) + self.px(12)
        chat = state.get("chat", {})
        self._line(surface, f"{chat.get('title', '')} · {chat.get('stranger', {}).get('name', '')}", "body_bold",
                   p.text_dim, body.x, y, body.w)

    def _chat_items(self, state: dict[str, Any], words: dict[str, str]) -> list[tuple[str, str, str]]:
        """(kind, who, text) in the order the class saw them: in, out (the class), system."""
        name = state.get("chat", {}).get("stranger", {}).get("name", "")
        replies = state.get("replies") or []
        items: list[tuple[str, str, str]] = []

        def add(after: int) -> None:
            for r in replies:
                if r.get("after") == after:
                    items.append(("out", words.get("the_class", ""), r.get("text", "")))
        add(0)
        for m in state.get("messages", []):
            system = m.get("from") == "system"
            items.append(("system" if system else "in",
                          f"{words.get('notice', '') if system else name}  [{m.get('n')}]", m.get("text", "")))
            add(m.get("n", -1))
        return items

    def _chat(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
              words: dict[str, str], body: pygame.Rect) -> None:
        p = self.theme.p
        side = self._side_kind(state)
        chat_w = int(body.w * 0.56) if side else body.w
        y = body.y
        title = state.get("chat", {}).get("title", "")
        y += self._line(surface, title, "heading", p.text_dim, body.x, y, chat_w) + self.px(12)
        bubble_w = int(chat_w * 0.82)
        pad = self.px(20)
        gap = self.px(16)
        text_w = bubble_w - 2 * pad
        who_h = self.kit.line_height("small_bold")
        # Newest at the bottom; as many as fit, older ones scroll off the top.
        laid: list[tuple[tuple[str, str, str], int]] = []
        room_left = body.bottom - y
        for item in reversed(self._chat_items(state, words)):
            hgt = who_h + self._block_height(item[2], "body", text_w, max_lines=6) + 2 * pad
            if hgt + gap > room_left and laid:
                break
            laid.append((item, hgt))
            room_left -= hgt + gap
        y = body.bottom - sum(hgt + gap for _, hgt in laid) + gap
        for (kind, who, text), hgt in reversed(laid):
            if kind == "out":
                x, bg, fg = body.x + chat_w - bubble_w, p.bubble_out, p.bubble_out_text
            elif kind == "system":
                x, bg, fg = body.x + (chat_w - bubble_w) // 2, p.notice_bg, p.notice_text
            else:
                x, bg, fg = body.x, p.bubble_in, p.bubble_in_text
            pygame.draw.rect(surface, bg, (x, y, bubble_w, hgt), border_radius=self.px(18))
            self._line(surface, who, "small_bold", fg, x + pad, y + pad, text_w)
            self._block(surface, text, "body", fg, x + pad, y + pad + who_h, text_w, max_lines=6)
            y += hgt + gap
        if side:
            panel = pygame.Rect(body.x + chat_w + self.px(40), body.y, body.w - chat_w - self.px(40), body.h)
            self._side(surface, state, frame, words, panel, side)

    @staticmethod
    def _side_kind(state: dict[str, Any]) -> str | None:
        vote = state.get("vote")
        if not vote or state.get("phase") not in ("chat", "vote"):
            return None
        if vote.get("open"):
            return "open"
        last = (state.get("replies") or [])[-1:]
        if last and last[0].get("vote") == vote.get("number"):
            return "closed"
        return None

    def _side(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame, words: dict[str, str],
              panel: pygame.Rect, kind: str) -> None:
        p = self.theme.p
        pygame.draw.rect(surface, p.surface_alt, panel, border_radius=self.px(18))
        inner = panel.inflate(-self.px(48), -self.px(48))
        vote = state["vote"]
        options = vote.get("options", [])
        y = inner.y
        if kind == "open":
            title = words.get("vote_title", "")
            y += self._line(surface, title, self._fitting(title, ("title", "heading"), inner.w), p.text, inner.x, y,
                            inner.w) + self.px(16)
            tally = frame.tally
            for i, option in enumerate(options):
                label = f"{i + 1}. {option.get('text', '')}" if option["key"].isdigit() else option.get("text", "")
                if tally is not None:
                    selected = i == tally.row
                    if selected:
                        pygame.draw.rect(surface, p.focus, (inner.x - self.px(12), y - self.px(4),
                                                            inner.w + self.px(24), self.kit.line_height("body")
                                                            + self.px(8)), width=self.px(4),
                                         border_radius=self.px(8))
                    hands = tally.counts.get(option["key"], "") or "0"
                    num_w = self.px(110)
                    self._line(surface, hands, "body_bold", p.accent, inner.right - num_w, y, num_w, "right")
                    y += self._line(surface, label, "body", p.text, inner.x, y, inner.w - num_w - self.px(16))
                    y += self.px(10)
                else:
                    y += self._block(surface, label, "body", p.text, inner.x, y, inner.w, max_lines=3) + self.px(10)
            students = state.get("students", {})
            voted = fill(words.get("voted", ""), voted=students.get("voted", 0), joined=students.get("joined", 0))
            style = next((st for st in ("display", "title", "heading")
                          if y + self.px(20) + self.kit.line_height(st) <= inner.bottom), "heading")
            self._line(surface, voted, style, p.accent, inner.x,
                       max(y + self.px(20), inner.bottom - self.kit.line_height(style)), inner.w)
            return
        title = words.get("voted_title", "")
        y += self._line(surface, title, self._fitting(title, ("title", "heading"), inner.w), p.text, inner.x, y,
                        inner.w) + self.px(16)
        counts = vote.get("counts") or {}
        most = max([1, *counts.values()])
        num_w = self.px(90)
        bar_max = inner.w - num_w - self.px(16)
        for option in options:
            key = option["key"]
            chosen = key == vote.get("chosen")
            color = p.accent if chosen else p.text
            y += self._line(surface, option.get("text", ""), "body_bold" if chosen else "body", color, inner.x, y,
                            inner.w)
            n = int(counts.get(key, 0))
            bar_h = self.px(22)
            width = int(bar_max * n / most)
            pygame.draw.rect(surface, p.border, (inner.x, y + self.px(6), bar_max, bar_h), border_radius=self.px(6))
            if width:
                pygame.draw.rect(surface, color, (inner.x, y + self.px(6), width, bar_h), border_radius=self.px(6))
            self._line(surface, str(n), "body_bold", color, inner.right - num_w,
                       y + self.px(6) + (bar_h - self.kit.line_height("body_bold")) // 2, num_w, "right")
            y += bar_h + self.px(18)

    def _centred(self, surface: pygame.Surface, body: pygame.Rect, parts: list[tuple[str, str, Any]]) -> None:
        width = min(body.w, self.px(1500))
        x = body.x + (body.w - width) // 2
        gap = self.px(36)
        heights = [self._block_height(text, style, width) for text, style, _ in parts]
        y = body.y + max(0, (body.h - sum(heights) - gap * (len(parts) - 1)) // 2)
        for (text, style, color), hgt in zip(parts, heights, strict=True):
            self._block(surface, text, style, color, x, y, width, "center")
            y += hgt + gap

    def _check(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
               words: dict[str, str], body: pygame.Rect) -> None:
        """How many finished the check, nothing else: no names, no answers (game/server/roomcheck.py)."""
        p = self.theme.p
        check = state["check"]
        said = check.get("words", {})
        self._centred(surface, body, [(said.get("title", ""), "display", p.text),
                                      (said.get("help", ""), "title", p.text),
                                      (said.get("progress", ""), "display", p.accent)])
        width = min(body.w, self.px(1100))
        bar = pygame.Rect(body.x + (body.w - width) // 2, body.bottom - self.px(60), width, self.px(28))
        pygame.draw.rect(surface, p.surface_alt, bar, border_radius=self.px(10))
        joined = max(1, int(check.get("joined", 0)))
        done = bar.copy()
        done.w = int(bar.w * min(1.0, int(check.get("finished", 0)) / joined))
        if done.w:
            pygame.draw.rect(surface, p.accent, done, border_radius=self.px(10))

    def _discussion(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
                    words: dict[str, str], body: pygame.Rect) -> None:
        p = self.theme.p
        question = (state.get("discussion") or {}).get("question", "")
        self._centred(surface, body, [(words.get("discussion_title", ""), "display", p.accent),
                                      (question, "title", p.text)])

    def _ended(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
               words: dict[str, str], body: pygame.Rect) -> None:
        p = self.theme.p
        self._centred(surface, body, [(words.get("ended_title", ""), "display", p.text),
                                      (words.get("ended_debrief", ""), "title", p.text),
                                      (words.get("ended_next", ""), "heading", p.text_dim)])

    def _reveal(self, surface: pygame.Surface, state: dict[str, Any], frame: Frame,
                words: dict[str, str], body: pygame.Rect) -> None:
        reveal = state.get("reveal")
        if not reveal:
            self._ended(surface, state, frame, words, body)
            return
        p = self.theme.p
        y = body.y
        heading = words.get("reveal_safe" if reveal.get("benign") else "reveal_title", "")
        y += self._line(surface, heading, "title", p.text, body.x, y, body.w) + self.px(8)
        y += self._line(surface, reveal["spotted"]["words"], "body_bold", p.text, body.x, y, body.w)
        y += self._line(surface, reveal["false_alarms"]["words"], "body_bold", p.text, body.x, y, body.w)
        y += self._line(surface, fill(words.get("reveal_reading", ""), reading=reveal.get("reading", "")), "body",
                        p.text_dim, body.x, y, body.w) + self.px(16)
        items = reveal.get("items", [])
        row_h = self.kit.line_height("body") + self.px(14)
        fits = max(1, (body.bottom - y) // row_h)
        self.reveal_rows = fits
        first = max(0, min(frame.scroll, max(0, len(items) - fits)))
        of_w = self.px(230)
        mark_w = self.px(300)
        for item in items[first:first + fits]:
            red = bool(item.get("red_flag"))
            if red:
                pygame.draw.rect(surface, p.surface_alt, (body.x - self.px(12), y - self.px(4),
                                                          body.w + self.px(24), row_h - self.px(6)),
                                 border_radius=self.px(8))
            self._line(surface, item.get("words", ""), "body_bold", p.text, body.x, y, of_w)
            mark = words.get("red_flag" if red else "normal", "")
            self._line(surface, mark, "body_bold" if red else "body", p.flag if red else p.text_dim,
                       body.x + of_w, y, mark_w)
            text = (f"[{item['n']}] {item.get('text', '')}" if item.get("n")
                    else f"{words.get('profile', '')} · {item.get('text', '')}")
            self._line(surface, text, "body", p.text, body.x + of_w + mark_w, y, body.w - of_w - mark_w)
            y += row_h
        if first + fits < len(items):
            self._line(surface, f"↓ {len(items) - first - fits}", "small_bold", p.text_dim, body.x, body.bottom
                       - self.kit.line_height("small_bold"), body.w, "right")
