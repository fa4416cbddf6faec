"""What lies behind the chat app: a desk around the phone, or the game behind its chat panel.

``draw_backdrop(surface, theme, frame)`` paints the window for a
``chat/frame.py`` Frame: in ``phone`` mode a calm backdrop and the phone's
body (rounded, no brand), in ``overlay`` mode a drawn game scene (dusk sky,
hills, a walled arena, a crosshair and a health bar) with the chat panel as
dark glass over it. High contrast keeps only outlines. The painted
backdrop is cached per window size and skin, so a frame costs one blit.
"""
from __future__ import annotations

import pygame

from ..theme import Theme
from .frame import Frame

_cache: dict[tuple, pygame.Surface] = {}


def _gradient(size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> pygame.Surface:
    strip = pygame.Surface((1, 64))
    for i in range(64):
        k = i / 63
        strip.set_at((0, i), tuple(int(a + (b - a) * k) for a, b in zip(top, bottom)))
    return pygame.transform.smoothscale(strip, size)


def _game_scene(size: tuple[int, int], t: Theme) -> pygame.Surface:
    w, h = size
    if t.high_contrast:
        s = pygame.Surface(size)
        s.fill((0, 0, 0))
        pygame.draw.lines(s, (255, 255, 255), False, [(0, int(h * 0.62)), (int(w * 0.25), int(h * 0.5)),
                                                     (int(w * 0.5), int(h * 0.58)), (int(w * 0.78), int(h * 0.46)),
                                                     (w, int(h * 0.6))], 2)
        return s
    s = _gradient(size, (28, 22, 58), (232, 122, 84))
    horizon = int(h * 0.62)
    # far and near hills
    far = [(0, horizon), (int(w * 0.12), int(h * 0.48)), (int(w * 0.3), int(h * 0.55)), (int(w * 0.47), int(h * 0.42)),
           (int(w * 0.66), int(h * 0.53)), (int(w * 0.83), int(h * 0.44)), (w, int(h * 0.52)), (w, horizon)]
    pygame.draw.polygon(s, (74, 52, 96), far)
    near = [(0, horizon), (int(w * 0.2), int(h * 0.57)), (int(w * 0.42), int(h * 0.6)), (int(w * 0.62), int(h * 0.55)),
            (int(w * 0.85), int(h * 0.6)), (w, int(h * 0.56)), (w, horizon)]
    pygame.draw.polygon(s, (46, 38, 70), near)
    # the ground: a floor with perspective lines
    pygame.draw.rect(s, (30, 34, 48), pygame.Rect(0, horizon, w, h - horizon))
    vx = w // 2
    for i in range(-12, 13):
        pygame.draw.line(s, (48, 56, 78), (vx + i * w // 40, horizon), (vx + i * w // 6, h), 1)
    y, step = horizon, max(4, h // 60)
    while y < h:
        pygame.draw.line(s, (48, 56, 78), (0, y), (w, y), 1)
        step = int(step * 1.35) + 1
        y += step
    # arena walls and crates, for a sense of place
    for cx, bw, bh in ((0.55, 0.07, 0.09), (0.63, 0.05, 0.06), (0.71, 0.09, 0.13), (0.36, 0.06, 0.08)):
        r = pygame.Rect(int(w * cx), horizon - int(h * bh) + int(h * 0.05), int(w * bw), int(h * bh))
        pygame.draw.rect(s, (70, 62, 58), r)
        pygame.draw.rect(s, (104, 92, 80), r, 2)
        pygame.draw.line(s, (104, 92, 80), r.topleft, r.bottomright, 2)
    # crosshair and a health bar, as a game's own HUD
    cx, cy = w // 2 + w // 9, int(h * 0.45)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        pygame.draw.line(s, (240, 240, 240), (cx + dx * 6, cy + dy * 6), (cx + dx * 16, cy + dy * 16), 2)
    bar = pygame.Rect(w // 2 - w // 10, h - max(18, h // 30), w // 5, max(6, h // 90))
    pygame.draw.rect(s, (20, 20, 20), bar.inflate(4, 4), border_radius=3)
    pygame.draw.rect(s, (90, 210, 140), pygame.Rect(bar.x, bar.y, int(bar.w * 0.8), bar.h), border_radius=2)
    return s


def _desk(size: tuple[int, int], t: Theme) -> pygame.Surface:
    if t.high_contrast:
        s = pygame.Surface(size)
        s.fill((0, 0, 0))
        return s
    top, bottom = {"dating_app": ((255, 226, 214), (246, 205, 214)),
                   "social_media": ((226, 230, 246), (208, 214, 240)),
                   "messenger": ((70, 78, 94), (40, 44, 56))}.get(t.skin, ((225, 228, 236), (210, 214, 226)))
    return _gradient(size, top, bottom)


def backdrop(size: tuple[int, int], t: Theme, mode: str) -> pygame.Surface:
    key = (size, t.skin, t.high_contrast, mode)
    s = _cache.get(key)
    if s is None:
        if len(_cache) > 6:
            _cache.clear()
        s = _game_scene(size, t) if mode == "overlay" else _desk(size, t)
        _cache[key] = s
    return s


def draw_backdrop(surface: pygame.Surface, t: Theme, frame: Frame) -> None:
    surface.blit(backdrop(surface.get_size(), t, frame.mode), (0, 0))
    p = t.p
    if frame.mode == "phone":
        body = frame.device
        radius = t.px(34)
        if not t.high_contrast:
            shade = pygame.Surface((body.w + 24, body.h + 24), pygame.SRCALPHA)
            pygame.draw.rect(shade, (20, 20, 40, 50), shade.get_rect().inflate(-8, -8), border_radius=radius + 8)
            surface.blit(shade, (body.x - 12, body.y - 6))
        pygame.draw.rect(surface, (24, 24, 30), body, border_radius=radius)
        if t.high_contrast:
            pygame.draw.rect(surface, p.border, body, width=2, border_radius=radius)
        pygame.draw.rect(surface, p.bg, frame.column, border_radius=max(4, radius - t.px(9)))
        if frame.wide and frame.profile.w:
            pygame.draw.rect(surface, p.surface_alt, frame.profile, border_radius=t.shape.panel_radius)
    elif frame.mode == "overlay":
        glass = pygame.Surface(frame.column.size, pygame.SRCALPHA)
        glass.fill((*p.bg, 255 if t.high_contrast else 238))   # high contrast: nothing shows through
        surface.blit(glass, frame.column.topleft)
        if frame.column.x > 0:
            pygame.draw.rect(surface, p.accent if not t.high_contrast else p.border, frame.column.inflate(2, 2), 1)
