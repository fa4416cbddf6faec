"""Small drawing helpers the screens share: wrapped and clamped lines, platform icons, bullets, marks."""
from __future__ import annotations

from pathlib import Path

import pygame

from game import pictures

from .text import TextKit
from .theme import HIGH_CONTRAST, PALETTES, Theme


def load_checked_picture(path: Path) -> pygame.Surface | None:
    """A scenario's picture decoded only after its header passed game.pictures' checks (and the
    decoded size agrees with them); None for anything unsafe or unreadable, never a crash."""
    if pictures.problem(path) is not None:
        return None
    try:
        img = pygame.image.load(str(path))
    except (pygame.error, OSError, MemoryError):
        return None
    if pictures.size_problem(*img.get_size()):   # the decoder disagreed with the header
        return None
    return img.convert_alpha() if pygame.display.get_surface() else img


def platform_accent(theme: Theme, platform: str) -> tuple[int, int, int]:
    """The accent of a platform's skin, in the current contrast mode."""
    table = HIGH_CONTRAST if theme.high_contrast else PALETTES
    pal = table.get(platform)
    return pal.accent if pal is not None else theme.p.accent


def clamp_lines(kit: TextKit, text: str, style: str, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width``, at most ``max_lines`` lines, the last one cut with "…"."""
    lines = kit.wrap(" ".join(text.split()), style, max(20, width))
    if len(lines) <= max_lines:
        return lines
    keep = lines[:max_lines]
    keep[-1] = kit.ellipsize(keep[-1] + " " + lines[max_lines], style, max(20, width))
    if not keep[-1].endswith("…"):
        keep[-1] = kit.ellipsize(keep[-1] + "…", style, max(20, width))
    return keep


def blit_lines(surface: pygame.Surface, kit: TextKit, lines: list[str], style: str, color, x: int, y: int,
               gap: int = 0) -> int:
    """Blit ``lines`` one under another; returns the y below the last one."""
    lh = kit.line_height(style) + gap
    for line in lines:
        surface.blit(kit.render_line(line, style, color), (x, y))
        y += lh
    return y


def platform_icon(surface: pygame.Surface, platform: str, rect: pygame.Rect, color) -> None:
    """A small drawn icon per platform: a gamepad, a speech bubble, a heart."""
    r = rect
    w = max(2, r.w // 9)
    if platform == "game_chat":
        body = pygame.Rect(r.x, r.y + r.h // 4, r.w, r.h // 2 + r.h // 8)
        pygame.draw.rect(surface, color, body, width=w, border_radius=body.h // 2)
        cx, cy = body.x + body.w // 4, body.centery
        arm = max(2, r.w // 8)
        pygame.draw.line(surface, color, (cx - arm, cy), (cx + arm, cy), w)
        pygame.draw.line(surface, color, (cx, cy - arm), (cx, cy + arm), w)
        dot = max(2, r.w // 14)
        pygame.draw.circle(surface, color, (body.right - body.w // 4 - dot * 2, cy), dot)
        pygame.draw.circle(surface, color, (body.right - body.w // 4 + dot, cy - dot), dot)
    elif platform == "social_media":
        bubble = pygame.Rect(r.x, r.y + r.h // 8, r.w, int(r.h * 0.62))
        pygame.draw.rect(surface, color, bubble, width=w, border_radius=bubble.h // 3)
        tail = [(bubble.x + r.w // 4, bubble.bottom - w), (bubble.x + r.w // 5, r.bottom - r.h // 10),
                (bubble.x + r.w // 2.3, bubble.bottom - w)]
        pygame.draw.polygon(surface, color, tail)
        dot = max(2, r.w // 14)
        for i in (-1, 0, 1):
            pygame.draw.circle(surface, color, (bubble.centerx + i * dot * 3, bubble.centery), dot)
    else:
        rad = r.w // 4
        cy = r.y + r.h // 3
        pygame.draw.circle(surface, color, (r.x + rad, cy), rad)
        pygame.draw.circle(surface, color, (r.right - rad, cy), rad)
        pygame.draw.polygon(surface, color, [(r.x + 1, cy + rad // 3), (r.right - 1, cy + rad // 3),
                                             (r.centerx, r.bottom - r.h // 12)])


def chevron_left(surface: pygame.Surface, rect: pygame.Rect, color) -> None:
    """A "back" chevron, used as a Button icon."""
    w = max(2, rect.h // 7)
    cx, cy, s = rect.centerx, rect.centery, rect.h // 4
    pygame.draw.lines(surface, color, False, [(cx + s // 2, cy - s), (cx - s // 2, cy), (cx + s // 2, cy + s)], w)


def bullet(kit: TextKit, t: Theme, text: str, style: str, color, width: int) -> pygame.Surface:
    indent = t.px(22)
    block = kit.render_block(text, style, color, width - indent)
    surf = pygame.Surface((width, block.get_height()), pygame.SRCALPHA)
    lh = kit.line_height(style)
    r = max(3, t.px(4))
    pygame.draw.circle(surf, color, (indent // 2 - 2, lh // 2 + 1), r)
    surf.blit(block, (indent, 0))
    return surf


def draw_difficulty_dots(surface: pygame.Surface, t: Theme, x: int, cy: int, level: int, color) -> int:
    """Three dots, ``level`` of them filled; returns the x after them."""
    r = max(5, t.px(5))
    for i in range(3):
        c = (x + r + i * (2 * r + t.px(4)), cy)
        if i < level:
            pygame.draw.circle(surface, color, c, r)
        else:  # a thin ring: clearly hollow at every size
            pygame.draw.circle(surface, color, c, r, max(1, r // 4))
    return x + 3 * (2 * r) + 2 * t.px(4)


def draw_check(surface: pygame.Surface, rect: pygame.Rect, color, width: int = 2) -> None:
    """A drawn tick (no font needs to have the glyph)."""
    pts = [(rect.x + rect.w * 0.12, rect.y + rect.h * 0.55), (rect.x + rect.w * 0.4, rect.y + rect.h * 0.82),
           (rect.x + rect.w * 0.9, rect.y + rect.h * 0.2)]
    pygame.draw.lines(surface, color, False, [(int(a), int(b)) for a, b in pts], width)
