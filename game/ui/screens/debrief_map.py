"""The debrief's branch map: the chat's nodes and replies as a picture, with the player's path.

Laid out by ``game.graph.map_layout`` (columns = steps from the start; the
browser page draws the same layout as SVG) and drawn here with pygame; no
Graphviz at run time. The path taken is marked by
shape and number, never by colour alone: a thick line, and every node on it
numbered in the order it was reached; endings are squares with their outcome
icon (tick, bar, warning), moments are circles.
"""
from __future__ import annotations

import pygame

from game.debrief import map_words
from game.graph import MapLayout, map_layout

from ..marks import outcome_icon
from .debrief_page import PageParts


class MapParts(PageParts):
    """The branch map section of the debrief."""

    #: node id -> step number on the player's path (tests read it)
    map_steps: dict[str, int]
    _map_anchor: pygame.Surface | None = None

    def _branch_map(self, col: int) -> list[tuple[pygame.Surface, int]]:
        t = self.theme
        words = map_words()
        scenario = self.scenario
        self.map_steps = {}
        if scenario is None or not getattr(scenario, "nodes", None):
            return []
        layout = map_layout(scenario, self.events)
        self.map_steps = {n.node.id: n.step for n in layout.on_path if n.step is not None}
        heading = self._heading(words["title"], col)
        self._map_anchor = heading
        out: list[tuple[pygame.Surface, int]] = [(heading, t.px(36)),
                                                 (self._text(words["intro"], "body", t.p.text_dim, col), t.px(8))]
        out.append((self._map_picture(layout, col), t.px(12)))
        return out

    def _map_picture(self, bm: MapLayout, col: int) -> pygame.Surface:
        t, kit = self.theme, self.kit
        pad = t.px(22)
        step_x = (col - 2 * pad) / max(1, bm.columns - 1)
        radius = max(t.px(9), min(t.px(16), int(step_x / 3)))
        step_y = max(t.px(58), radius * 3 + t.px(10))
        height = 2 * pad + (bm.rows - 1) * step_y + t.px(30)
        surf = pygame.Surface((col, height), pygame.SRCALPHA)
        pygame.draw.rect(surf, t.p.surface, surf.get_rect(), border_radius=t.shape.panel_radius)
        pygame.draw.rect(surf, t.p.text if t.high_contrast else t.p.border, surf.get_rect(),
                         width=t.border_width, border_radius=t.shape.panel_radius)
        pos = {p.node.id: (int(pad + p.x * step_x) if bm.columns > 1 else col // 2, int(pad + p.y * step_y))
               for p in bm.nodes}
        taken = bm.taken
        taken_set = set(taken)
        thin, thick = max(1, t.px(2)), max(4, t.px(6))
        for e in bm.edges:                            # the other branches first, under the path
            if e not in taken_set and e.source in pos and e.target in pos:
                pygame.draw.line(surf, t.p.text_dim if t.high_contrast else t.p.border, pos[e.source],
                                 pos[e.target], thin)
        for e in taken:
            if e.source in pos and e.target in pos:
                pygame.draw.line(surf, t.p.accent, pos[e.source], pos[e.target], thick)
        for placed in bm.nodes:
            n = placed.node
            x, y = pos[n.id]
            step = placed.step
            on_path = step is not None
            fill = t.p.accent if on_path else t.p.surface_alt
            ink = t.p.accent_text if on_path else t.p.text
            border = t.p.text if (on_path or t.high_contrast) else t.p.text_dim
            if n.outcome is not None:
                box = pygame.Rect(0, 0, 2 * radius + t.px(4), 2 * radius + t.px(4))
                box.center = (x, y)
                pygame.draw.rect(surf, fill, box, border_radius=t.px(4))
                pygame.draw.rect(surf, border, box, width=max(2, t.px(3)) if on_path else 1, border_radius=t.px(4))
                outcome_icon(surf, n.outcome, box.inflate(-t.px(8), -t.px(8)), ink)
            else:
                pygame.draw.circle(surf, fill, (x, y), radius)
                pygame.draw.circle(surf, border, (x, y), radius, max(2, t.px(3)) if on_path else 1)
            if on_path:
                label = kit.render_line(str(step), "small_bold", t.p.text)
                chip = pygame.Rect(0, 0, label.get_width() + t.px(10), label.get_height())
                chip.midtop = (x, y + radius + t.px(4))
                pygame.draw.rect(surf, t.p.bg, chip, border_radius=chip.h // 2)
                pygame.draw.rect(surf, t.p.text, chip, width=1, border_radius=chip.h // 2)
                surf.blit(label, label.get_rect(center=chip.center))
        if bm.nodes:                                   # "Start" above the first node
            x, y = pos[bm.nodes[0].node.id]
            start = kit.render_line(map_words()["start"], "small_bold", t.p.text_dim)
            surf.blit(start, (max(t.px(4), x - start.get_width() // 2), max(t.px(2), y - radius - start.get_height())))
        return surf
