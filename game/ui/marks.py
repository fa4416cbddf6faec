"""Status marks of the debrief and the counsellor view: a shape and a word for every status.

Spotted, missed and "flagged, but harmless" never rely on colour alone: each
badge has its own flag shape and says its word; endings and a safe person
have their own icons.
"""
from __future__ import annotations

import pygame

from game.debrief import replay_words
from game.transcript import FALSE_ALARM, MISSED, SPOTTED

from .drawing import draw_check
from .text import TextKit
from .theme import Theme
from .widgets import draw_flag_marker, flag_marker_points

STATUS_WORDS = {status: replay_words()[status] for status in (SPOTTED, MISSED, FALSE_ALARM)}   # the replay's badges


def status_badge(kit: TextKit, t: Theme, status: str, style: str = "small_bold") -> pygame.Surface:
    """Spotted: a solid flag on a filled pill. Missed: a hollow flag in an outlined pill.
    Harmless: a grey flag on a plain pill. Each always says its word."""
    word = STATUS_WORDS.get(status, status)
    if status == SPOTTED:
        fill, fg, border, icon_col = t.p.flag, t.p.flag_text, (t.p.text if t.high_contrast else None), t.p.flag_text
    elif status == MISSED:
        fill, fg, border, icon_col = None, t.p.text, t.p.flag, t.p.flag
    else:
        fill, fg, border, icon_col = t.p.surface_alt, t.p.text, t.p.border if not t.high_contrast else t.p.text, \
            t.p.text_dim
    text = kit.render_line(word, style, fg)
    h = text.get_height() + t.px(8)
    icon = int(h * 0.6)
    pad = t.px(10)
    w = pad + icon + t.px(6) + text.get_width() + pad
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    rect = surf.get_rect()
    if fill is not None:
        pygame.draw.rect(surf, fill, rect, border_radius=h // 2)
    if border is not None:
        pygame.draw.rect(surf, border, rect, width=max(2, t.border_width), border_radius=h // 2)
    ix, iy = pad, (h - icon) // 2
    if status == MISSED:
        tri, pole = flag_marker_points(ix, iy, icon)
        pygame.draw.line(surf, icon_col, pole[0], pole[1], max(2, icon // 8))
        pygame.draw.polygon(surf, icon_col, tri, max(2, icon // 9))
    else:
        draw_flag_marker(surf, icon_col, ix, iy, icon)
    surf.blit(text, (pad + icon + t.px(6), (h - text.get_height()) // 2))
    return surf


def outcome_icon(surface: pygame.Surface, outcome: str, rect: pygame.Rect, color) -> None:
    """Safe: a tick in a circle. Neutral: a bar in a circle. Unsafe: a warning triangle."""
    w = max(2, rect.w // 10)
    if outcome == "unsafe":
        pts = [(rect.centerx, rect.y + 1), (rect.right - 1, rect.bottom - 2), (rect.x + 1, rect.bottom - 2)]
        pygame.draw.polygon(surface, color, pts, w)
        pygame.draw.line(surface, color, (rect.centerx, rect.y + rect.h * 0.36), (rect.centerx, rect.y + rect.h * 0.62),
                         w)
        pygame.draw.circle(surface, color, (rect.centerx, int(rect.y + rect.h * 0.76)), max(1, w * 2 // 3))
        return
    pygame.draw.circle(surface, color, rect.center, rect.w // 2, w)
    inner = rect.inflate(-rect.w // 2, -rect.h // 2)
    if outcome == "safe":
        draw_check(surface, inner, color, w)
    else:
        pygame.draw.line(surface, color, (inner.x, inner.centery), (inner.right, inner.centery), w)


def shield_icon(surface: pygame.Surface, rect: pygame.Rect, color, fg) -> None:
    """A shield with a tick: "this person was safe"."""
    r = rect
    pts = [(r.centerx, r.y), (r.right, r.y + r.h // 5), (r.right - r.w // 8, r.y + r.h * 2 // 3),
           (r.centerx, r.bottom), (r.x + r.w // 8, r.y + r.h * 2 // 3), (r.x, r.y + r.h // 5)]
    pygame.draw.polygon(surface, color, pts)
    draw_check(surface, r.inflate(-r.w // 2, -r.h // 2), fg, max(2, r.w // 9))
