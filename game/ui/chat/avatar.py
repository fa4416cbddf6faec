"""Avatars: the scenario's picture, cropped round, or generated initials.

Generated avatars are deterministic (a hash of the name picks the colours),
so the same stranger looks the same every time and in every screenshot.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pygame

from ..drawing import load_checked_picture
from ..text import TextKit

# Okabe-Ito based backgrounds, each with readable white or near-black initials.
_BACKGROUNDS = [
    ((0, 114, 178), (255, 255, 255)),
    ((213, 94, 0), (255, 255, 255)),
    ((0, 158, 115), (0, 0, 0)),
    ((204, 121, 167), (0, 0, 0)),
    ((86, 180, 233), (0, 0, 0)),
    ((230, 159, 0), (0, 0, 0)),
    ((110, 80, 190), (255, 255, 255)),
    ((60, 70, 90), (255, 255, 255)),
]


def initials(name: str) -> str:
    parts = [p for p in "".join(c if c.isalnum() else " " for c in name).split() if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        word = parts[0]
        caps = [c for c in word[1:] if c.isupper()]
        return (word[0] + (caps[0] if caps else "")).upper()
    return (parts[0][0] + parts[1][0]).upper()


def _digest(name: str) -> bytes:
    return hashlib.sha256(name.encode("utf-8")).digest()


class Avatars:
    """Cache of avatar surfaces by (name, picture, size, shape)."""

    def __init__(self, kit: TextKit):
        self.kit = kit
        self._cache: dict[tuple, pygame.Surface] = {}
        self._images: dict[Path, pygame.Surface | None] = {}

    def clear(self) -> None:
        self._cache.clear()

    def get(self, name: str, size: int, picture: Path | None = None, shape: str = "circle",
            avoid: str | None = None) -> pygame.Surface:
        """``avoid``: another name whose generated colour this one must not share."""
        key = (name, str(picture), size, shape, avoid)
        s = self._cache.get(key)
        if s is None:
            s = None
            if picture is not None:
                s = self._from_picture(picture, size, shape)
            if s is None:
                s = self._generated(name, size, shape, avoid)
            self._cache[key] = s
        return s

    def _load(self, path: Path) -> pygame.Surface | None:
        if path not in self._images:
            self._images[path] = load_checked_picture(path)
        return self._images[path]

    def _from_picture(self, path: Path, size: int, shape: str) -> pygame.Surface | None:
        img = self._load(path)
        if img is None:
            return None
        w, h = img.get_size()
        side = min(w, h)
        crop = img.subsurface(pygame.Rect((w - side) // 2, (h - side) // 2, side, side)).copy()
        crop = pygame.transform.smoothscale(crop, (size, size))
        return self._mask(crop, size, shape)

    def _mask(self, square: pygame.Surface, size: int, shape: str) -> pygame.Surface:
        out = pygame.Surface((size, size), pygame.SRCALPHA)
        mask = pygame.Surface((size, size), pygame.SRCALPHA)
        if shape == "circle":
            pygame.draw.circle(mask, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
        else:
            pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=max(2, size // 6))
        out.blit(square, (0, 0))
        out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        return out

    def photo_card(self, name: str, w: int, h: int, radius: int, picture: Path | None = None) -> pygame.Surface:
        """A profile-photo sized card: the picture, or the name's colour with big initials."""
        key = ("card", name, str(picture), w, h, radius)
        s = self._cache.get(key)
        if s is not None:
            return s
        square = None
        if picture is not None:
            img = self._load(picture)
            if img is not None:
                iw, ih = img.get_size()
                scale = max(w / iw, h / ih)
                big = pygame.transform.smoothscale(img, (max(w, int(iw * scale)), max(h, int(ih * scale))))
                # a portrait cut to a wide card keeps its top part: the face, not the shirt
                top = (big.get_height() - h) // 4
                square = big.subsurface(pygame.Rect((big.get_width() - w) // 2, top, w, h)).copy()
        if square is None:
            d = _digest(name or "?")
            bg, fg = _BACKGROUNDS[d[0] % len(_BACKGROUNDS)]
            square = pygame.Surface((w, h), pygame.SRCALPHA)
            # a soft vertical gradient of the name's colour
            for y in range(h):
                k = 0.75 + 0.35 * y / max(1, h)
                pygame.draw.line(square, tuple(min(255, int(c * k)) for c in bg), (0, y), (w, y))
            font = pygame.font.Font(str(self.kit.bold_path) if self.kit.bold_path else None, max(8, int(h * 0.38)))
            t = font.render(initials(name), True, fg)
            square.blit(t, t.get_rect(center=(w // 2, int(h * 0.42))))
        out = pygame.Surface((w, h), pygame.SRCALPHA)
        mask = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=radius)
        out.blit(square, (0, 0))
        out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        self._cache[key] = out
        return out

    def _generated(self, name: str, size: int, shape: str, avoid: str | None = None) -> pygame.Surface:
        d = _digest(name or "?")
        index = d[0] % len(_BACKGROUNDS)
        if avoid is not None and index == _digest(avoid or "?")[0] % len(_BACKGROUNDS):
            index = (index + 3) % len(_BACKGROUNDS)
        bg, fg = _BACKGROUNDS[index]
        square = pygame.Surface((size, size), pygame.SRCALPHA)
        square.fill(bg)
        # a faint 5x5 symmetric identicon pattern behind the initials
        cell = size / 5
        light = tuple(min(255, c + 40) for c in bg)
        for i in range(15 if size <= 72 else 0):   # the pattern only suits small avatars
            if d[1 + i] & 1:
                col, row = i // 5, i % 5
                for c in {col, 4 - col}:
                    pygame.draw.rect(square, light, pygame.Rect(int(c * cell), int(row * cell),
                                                                int(cell) + 1, int(cell) + 1))
        text = initials(name)
        font = pygame.font.Font(str(self.kit.bold_path) if self.kit.bold_path else None, max(8, int(size * 0.42)))
        t = font.render(text, True, fg)
        square.blit(t, t.get_rect(center=(size // 2, size // 2 + 1)))
        return self._mask(square, size, shape)
