"""The debrief's help: what the player shared, what to do now, and where to get help.

The help resources are the country-aware ones of ``game/data/help_resources.yaml``
(``Debrief.help``), with their "it is never your fault" sentences.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.debrief import page_words

from .debrief_page import PageParts


class HelpParts(PageParts):
    """What was shared, the first steps after an unsafe ending, the help resources."""

    _help_anchor: pygame.Surface | None = None

    def _words(self) -> dict[str, str]:
        return page_words(bool(self.debrief is not None and self.debrief.help_first))

    def _steps(self, col: int) -> pygame.Surface:
        """"What to do now" after an unsafe ending: numbered first steps in a card."""
        t = self.theme
        d = self._debrief()
        pad = t.px(20)
        inner = col - 2 * pad - t.px(6)
        title = self._text(self._words()["what_to_do"], "heading", t.p.text, inner)
        parts: list[tuple[pygame.Surface, int, int]] = [(title, 0, 0)]
        for i, step in enumerate(d.first_steps, 1):
            parts.append((self._numbered(i, step, inner), 0, t.px(10)))
        body = self._stack(parts, inner)
        card = self._panel(col, body.get_height() + 2 * pad, fill=t.p.surface_alt, stripe=t.p.accent)
        card.blit(body, (pad + t.px(6), pad))
        return card

    def _shared(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t = self.theme
        d = self._debrief()
        words = self._words()
        out: list[tuple[pygame.Surface, int]] = [(self._heading(words["shared"], col), t.px(36))]
        if not d.disclosed:
            out.append((self._text(words["nothing_shared"], "body", t.p.text, col), t.px(8)))
            return out
        for kind in d.disclosed:
            line = f"{kind.title}" + (f": {kind.examples}" if getattr(kind, "examples", "") else "")
            out.append((self._bullet(line, col), t.px(8)))
        out.append((self._text("Sharing is normal with people you know. With someone you only know online, details "
                               "like these can be pieced together to find you or to pressure you.", "body",
                               t.p.text_dim, col), t.px(10)))
        return out


    def _help(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t = self.theme
        anchor = self._heading(self._words()["get_help"], col)
        self._help_anchor = anchor            # the footer's "Get help" scrolls here
        out: list[tuple[pygame.Surface, int]] = [(anchor, t.px(40))]
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
        parts.append((self._text(self._words()["contact"], "body_bold", t.p.text, inner), 0, t.px(14)))
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

