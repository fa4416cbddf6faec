"""Building blocks of the debrief page: text, panels, stacks, headings, lists.

``PageParts`` is the base of the debrief screen's parts (``debrief_replay``,
``debrief_help``, ``debrief_map``): it renders pieces of the page into
surfaces once per layout and records every text it lays out in ``texts``
(tests read it).
"""
from __future__ import annotations

from typing import Any

import pygame

from game.debrief import Debrief

from ..app import Screen


class PageParts(Screen):
    """Rendering helpers shared by the debrief's parts; the screen fills the fields below."""

    result: dict
    scenario: Any
    events: list[dict]
    debrief: Debrief | None
    help: Any
    stranger_name: str
    texts: list[str]
    marked: dict[str, str]

    def _debrief(self) -> Debrief:
        """The debrief data; the page parts that need it are only built when there is one."""
        assert self.debrief is not None
        return self.debrief

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

