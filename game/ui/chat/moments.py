"""App moments drawn in the timeline: the swipe app's match, a move to another app, link previews.

Each function takes the timeline's ``ItemRenderer`` (its theme, text kit,
avatars and context) and returns what ``ItemRenderer.render`` returns, so the
timeline caches them like any other item. The words come from
``game.play.chat_view`` (the browser shows the same).
"""
from __future__ import annotations

import math
from typing import Any

import pygame

from game.play.chat_view import SWITCH_TITLE

from ..widgets import draw_round_rect

Rendered = tuple[pygame.Surface, int, pygame.Rect, pygame.Rect | None]


def _heart(surface: pygame.Surface, centre: tuple[int, int], size: int, color) -> None:
    cx, cy = centre
    r = max(3, size // 4)
    pygame.draw.circle(surface, color, (cx - r, cy - r // 2), r)
    pygame.draw.circle(surface, color, (cx + r, cy - r // 2), r)
    pygame.draw.polygon(surface, color, [(cx - 2 * r, cy - r // 3), (cx + 2 * r, cy - r // 3), (cx, cy + int(1.8 * r))])


def render_match(r: Any, item: Any, width: int) -> Rendered:
    """Two profile pictures leaning together with a heart, "It's a match!" and what that means."""
    t, kit, ctx = r.theme, r.kit, r.ctx
    pad = t.px(18)
    cw = max(180, min(width - t.px(32), t.px(440)))
    av = t.px(64)
    title = kit.render_line(item.title, "title", t.p.accent if not t.high_contrast else t.p.text)
    body = kit.render_block(item.text, "small", t.p.text, cw - 2 * pad, align="center")
    h = pad + av + t.px(12) + title.get_height() + t.px(6) + body.get_height() + pad
    scratch = pygame.Surface((width, h + 8), pygame.SRCALPHA)
    card = pygame.Rect((width - cw) // 2, 4, cw, h)
    draw_round_rect(scratch, t.p.surface_alt, card, t.shape.panel_radius, t.border_width, t.p.border)
    cx = card.centerx
    them = r.avatars.get(ctx.stranger_name, av, ctx.stranger_picture, "circle")
    you = r.avatars.get(ctx.player_name, av, None, "circle", avoid=ctx.stranger_name)
    y = card.y + pad
    scratch.blit(them, (cx - av + t.px(6), y))
    scratch.blit(you, (cx - t.px(6), y))
    ring = t.p.surface_alt
    pygame.draw.circle(scratch, ring, (cx, y + av - t.px(6)), t.px(15))
    _heart(scratch, (cx, y + av - t.px(8)), t.px(22), t.p.accent if not t.high_contrast else t.p.text)
    y += av + t.px(12)
    scratch.blit(title, (cx - title.get_width() // 2, y))
    y += title.get_height() + t.px(6)
    scratch.blit(body, (cx - body.get_width() // 2, y))
    return r._finish(scratch, card.inflate(2, 2), card, None)


def _moved_icon(surface: pygame.Surface, rect: pygame.Rect, color) -> None:
    """Two overlapping chat bubbles and an arrow from one to the other: the chat moves."""
    w = max(2, rect.w // 10)
    a = pygame.Rect(rect.x, rect.y, int(rect.w * 0.55), int(rect.h * 0.45))
    b = pygame.Rect(rect.right - int(rect.w * 0.55), rect.bottom - int(rect.h * 0.45), int(rect.w * 0.55),
                    int(rect.h * 0.45))
    pygame.draw.rect(surface, color, a, w, border_radius=a.h // 2)
    pygame.draw.rect(surface, color, b, border_radius=b.h // 2)
    start, end = (a.centerx, a.bottom + 1), (b.x - 1, b.centery)
    pygame.draw.line(surface, color, start, end, w)
    ang = math.atan2(end[1] - start[1], end[0] - start[0])
    for da in (2.5, -2.5):
        tip = (end[0] + int(math.cos(ang + da) * w * 3), end[1] + int(math.sin(ang + da) * w * 3))
        pygame.draw.line(surface, color, end, tip, w)


def render_switch(r: Any, item: Any, width: int) -> Rendered:
    """A wide band in the new app's colours: "X moved the chat to a private messaging app..."."""
    t, kit = r.theme, r.kit
    pad = t.px(14)
    cw = max(180, min(width - t.px(24), t.px(600)))
    icon = t.px(34)
    label = kit.render_line(SWITCH_TITLE, "small_bold", t.p.accent if not t.high_contrast else t.p.text)
    body = kit.render_block(item.text, "body", t.p.text, cw - 3 * pad - icon)
    h = pad + label.get_height() + t.px(4) + body.get_height() + pad
    scratch = pygame.Surface((width, h + 8), pygame.SRCALPHA)
    card = pygame.Rect((width - cw) // 2, 4, cw, h)
    draw_round_rect(scratch, t.p.surface_alt, card, t.shape.panel_radius, max(2, t.border_width),
                    t.p.accent if not t.high_contrast else t.p.border)
    _moved_icon(scratch, pygame.Rect(card.x + pad, card.y + pad, icon, icon),
                t.p.accent if not t.high_contrast else t.p.text)
    x = card.x + 2 * pad + icon
    scratch.blit(label, (x, card.y + pad))
    scratch.blit(body, (x, card.y + pad + label.get_height() + t.px(4)))
    return r._finish(scratch, card.inflate(2, 2), card, None)


def link_preview(r: Any, item: Any, max_w: int, color) -> pygame.Surface:
    """A link preview card: site, title and a line of text, as apps unfurl links (never opened)."""
    t, kit = r.theme, r.kit
    pad = t.px(10)
    w = min(max_w, t.px(340))
    inner = w - 2 * pad
    band = t.px(6)
    site = kit.render_line(kit.ellipsize(item.link.split("/")[0], "tiny", inner), "tiny", color)
    title = kit.render_block(item.preview_title, "small_bold", t.p.bubble_in_text, inner)
    text = kit.render_block(item.preview_text, "small", t.p.bubble_in_text, inner) if item.preview_text else None
    h = band + pad + site.get_height() + t.px(2) + title.get_height() + \
        (t.px(2) + text.get_height() if text else 0) + pad
    s = pygame.Surface((w, h), pygame.SRCALPHA)
    bg = t.p.surface if not t.high_contrast else t.p.bg
    draw_round_rect(s, bg, s.get_rect(), t.px(8), t.border_width, color)
    pygame.draw.rect(s, color, pygame.Rect(0, 0, w, band), border_top_left_radius=t.px(8),
                     border_top_right_radius=t.px(8))
    y = band + pad
    s.blit(site, (pad, y))
    pygame.draw.line(s, color, (pad, y + site.get_height() - 1), (pad + site.get_width(), y + site.get_height() - 1))
    y += site.get_height() + t.px(2)
    s.blit(title, (pad, y))
    y += title.get_height() + t.px(2)
    if text:
        s.blit(text, (pad, y))
    return s
