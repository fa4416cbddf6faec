"""The debrief's replay of the chat: every line, each red flag marked Spotted or Missed.

Markers are a shape and a word (a solid, dashed or dotted rail and a
badge), never colour alone. Each reply of the player shows the replies they
did not pick, with "Try again from here" (``ReplayParts.retry_buttons``).
"""
from __future__ import annotations

from typing import Any

import pygame

from game import transcript
from game.debrief import replay_words, tally
from game.play.chat_view import end_summary
from game.taxonomy import load_taxonomy

from ..marks import FALSE_ALARM, MISSED, SPOTTED, STATUS_WORDS, status_badge
from ..widgets import Button
from .debrief_page import PageParts


class ReplayParts(PageParts):
    """The chat, replayed with its marks, the replies not picked and "Try again from here"."""

    #: id(block surface) -> the in-page button drawn over it (box: its place inside the block)
    anchors: dict[int, Button]
    can_retry: bool

    def try_again(self, decision: int) -> None: ...

    def _transcript(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t, kit = self.theme, self.kit
        d = self._debrief()
        out: list[tuple[pygame.Surface, int]] = []
        reviews = {i.id: i for i in d.items}
        words = replay_words()
        heading = words["title_safe"] if d.safe_person else words["title"]
        out.append((self._heading(heading, col), t.px(36)))
        # the legend / tally: which counts are shown is game.debrief.tally's rule (the browser's too)
        legend: list[pygame.Surface] = []
        for status, count in tally(d):
            badge = status_badge(kit, t, status)
            n = kit.render_line(f"× {count}", "body_bold", t.p.text)
            self.texts.append(f"{STATUS_WORDS[status]} {count}")
            cell = pygame.Surface((badge.get_width() + t.px(8) + n.get_width(), max(badge.get_height(),
                                                                                    n.get_height())),
                                  pygame.SRCALPHA)
            cell.blit(badge, (0, (cell.get_height() - badge.get_height()) // 2))
            cell.blit(n, (badge.get_width() + t.px(8), (cell.get_height() - n.get_height()) // 2))
            legend.append(cell)
        if legend:
            out.append((self._flow(legend, col, t.px(18), t.px(8)), t.px(12)))
        elif reviews or d.safe_person:
            out.append((self._text(words["none_flagged"], "body", t.p.text, col), t.px(8)))
        if not reviews and not d.safe_person:
            out.append((self._text(words["none_shown"], "body", t.p.text_dim, col), t.px(8)))
        # profile items first: they were there all along
        profile = [i for i in d.items if i.number is None and i.id.startswith("profile.")]
        if profile:
            out.append((self._text(words["profile"].format(name=self.stranger_name), "body_bold", t.p.text_dim, col),
                        t.px(20)))
            for item in profile:
                out.append((self._profile_item(item, col), t.px(10)))
                self.marked[item.id] = item.status
        out.append((self._text(words["messages"], "body_bold", t.p.text_dim, col), t.px(20)))
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
                if line.decision is not None and (line.others or self.can_retry):
                    out.append((self._alternatives(line, col), t.px(8)))
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
            notes.append(self._text(replay_words()["shared"].format(kinds=", ".join(kinds)), "small_bold", t.p.text,
                                    max_w))
        if line.tells_adult:
            notes.append(self._text(replay_words()["adult"], "small_bold", t.p.text, max_w))
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

    def _alternatives(self, line: transcript.Line, col: int) -> pygame.Surface:
        """Under a reply: the replies not picked, and "Try again from here" (a button on the page)."""
        t, kit = self.theme, self.kit
        words = replay_words()
        width = int(col * 0.72)
        parts: list[tuple[pygame.Surface, int, int]] = []
        if line.others:
            parts.append((self._text(words["others"], "small_bold", t.p.text_dim, width), 0, 0))
            for other in line.others:
                parts.append((self._text(f"“{other}”", "small", t.p.text, width), 0, t.px(2)))
        button = None
        if self.can_retry and line.decision is not None:
            decision = line.decision
            button = Button(words["retry"], lambda: self.try_again(decision), ident=f"retry-{decision}",
                            style="small_bold")
            bw, bh = button.preferred_size(kit, t)
            bh = max(bh, t.px(36))
            holder = pygame.Surface((max(1, bw), bh), pygame.SRCALPHA)   # the button is drawn live
            parts.append((holder, 0, t.px(6)))
        # right-aligned under the reply, like the player's own bubbles
        h = sum(p.get_height() + gap for p, _x, gap in parts)
        surf = pygame.Surface((col, max(1, h)), pygame.SRCALPHA)
        y = 0
        for part, _x, gap in parts:
            y += gap
            surf.blit(part, (col - part.get_width(), y))
            y += part.get_height()
        if button is not None:
            button.box = pygame.Rect(col - holder.get_width(), h - holder.get_height(), holder.get_width(),
                                     holder.get_height())
            self.anchors[id(surf)] = button
        return surf

    def _end_line(self, end: transcript.Ending, col: int) -> pygame.Surface:
        t = self.theme
        how = end.how
        ending = getattr(self.debrief, "ending", None)
        text = end_summary(how, self.stranger_name, getattr(ending, "title", "") or "", end.reason_label)
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

