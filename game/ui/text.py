"""Text kit: fonts, emoji, word wrapping and a cache of rendered surfaces.

Neither ``pygame.font`` nor SDL_ttf falls back to another font for a missing
glyph, so every line is split into *runs*: plain text drawn with the text
font, emoji drawn with the colour emoji font. The emoji font only draws at
its bitmap size (about 136 px), so each emoji run is rendered once and
scaled down to the line height; scaled glyphs are cached.

Fonts are looked up in ``assets/fonts`` first, then in the usual system
folders, then pygame's default font (no emoji) is used. Characters the text
font lacks (Noto Sans has no arrows, no check mark, no flag sign) are drawn
with a fallback font (DejaVu Sans) instead of as empty boxes.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import pygame

from .locations import assets_dir

# Preferred files, first match wins. Regular and bold must come from one family.
_FAMILIES = (
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
_FALLBACK = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")   # wide coverage: arrows, symbols, maths
_EMOJI_FILES = ("NotoColorEmoji.ttf", "NotoColorEmoji-Regular.ttf")
_SYSTEM_DIRS = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/google-noto",
    "/usr/share/fonts/google-noto-color-emoji",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_EMOJI_NATIVE_SIZE = 109  # NotoColorEmoji's only bitmap strike

#: Text styles: name -> (base pixel size, bold).
STYLES: dict[str, tuple[int, bool]] = {
    "tiny": (13, False),
    "small": (15, False),
    "small_bold": (15, True),
    "body": (19, False),
    "body_bold": (19, True),
    "heading": (24, True),
    "title": (34, True),
    "display": (48, True),
}

# Characters kept inside an emoji run: joiners, variation selectors, skin tones,
# keycap, tags.
_JOINERS = {0x200D, 0xFE0F, 0xFE0E, 0x20E3}


def _is_modifier(cp: int) -> bool:
    return cp in _JOINERS or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F


def _find(names: Iterable[str], folders: Iterable[Path]) -> Path | None:
    for name in names:
        for folder in folders:
            p = Path(folder) / name
            if p.is_file():
                return p
    return None


class TextKit:
    """Fonts for one text scale, with caches of rendered lines and blocks.

    Typical use::

        surf = kit.render_block("hey 👋 what's up", "body", colour, max_width=400)
        kit.line_height("body")
    """

    def __init__(self, scale: float = 1.0, fonts_dir: Path | None = None, cache_size: int = 3000):
        if not pygame.font.get_init():
            pygame.font.init()
        self.fonts_dir = fonts_dir if fonts_dir is not None else assets_dir() / "fonts"
        folders = [self.fonts_dir, *map(Path, _SYSTEM_DIRS)]
        self.regular_path: Path | None = None
        self.bold_path: Path | None = None
        for regular, bold in _FAMILIES:
            r = _find([regular], folders)
            if r is not None:
                self.regular_path = r
                self.bold_path = _find([bold], folders) or r
                break
        self.fallback_paths: tuple[Path, Path] | None = None
        fb_regular, fb_bold = _find([_FALLBACK[0]], folders), _find([_FALLBACK[1]], folders)
        if fb_regular is not None and self.regular_path is not None and fb_regular != self.regular_path:
            self.fallback_paths = (fb_regular, fb_bold or fb_regular)
        self._fallback_fonts: dict[str, pygame.font.Font] = {}
        self._lacks: dict[tuple[bool, str], bool] = {}
        self.emoji_path = _find(_EMOJI_FILES, folders)
        self._emoji_font: pygame.font.Font | None = None
        self._emoji_tried = False
        self._emoji_has: dict[str, bool] = {}
        self._emoji_raw: dict[str, pygame.Surface | None] = {}
        self._emoji_scaled: dict[tuple[str, int], pygame.Surface] = {}
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._wrap_cache: OrderedDict[tuple, list[str]] = OrderedDict()
        self._cache_size = cache_size
        self.scale = scale
        self._fonts: dict[str, pygame.font.Font] = {}
        self.set_scale(scale)

    # -- fonts ---------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        """Change the text size; clears every cache."""
        self.scale = scale
        self._fonts.clear()
        self._fallback_fonts.clear()
        self._cache.clear()
        self._wrap_cache.clear()
        self._emoji_scaled.clear()

    def font(self, style: str) -> pygame.font.Font:
        f = self._fonts.get(style)
        if f is None:
            size, bold = STYLES[style]
            px = max(8, int(round(size * self.scale)))
            path = self.bold_path if bold else self.regular_path
            try:
                f = pygame.font.Font(str(path) if path else None, px)
            except (OSError, pygame.error):
                f = pygame.font.Font(None, px)
            if bold and path is None:
                f.bold = True
            self._fonts[style] = f
        return f

    def fallback_font(self, style: str) -> pygame.font.Font | None:
        """The fallback font for ``style`` (same size and weight), or None."""
        if self.fallback_paths is None:
            return None
        f = self._fallback_fonts.get(style)
        if f is None:
            size, bold = STYLES[style]
            px = max(8, int(round(size * self.scale)))
            try:
                f = pygame.font.Font(str(self.fallback_paths[1 if bold else 0]), px)
            except (OSError, pygame.error):
                self.fallback_paths = None
                return None
            self._fallback_fonts[style] = f
        return f

    def _main_lacks(self, ch: str, style: str) -> bool:
        """True when the text font would draw ``ch`` as its empty box (cached)."""
        bold = STYLES[style][1]
        key = (bold, ch)
        known = self._lacks.get(key)
        if known is None:
            font = self.font(style)
            try:
                notdef = font.metrics("\U000F0000")[0]     # a private-use character: the box itself
                m = font.metrics(ch)[0]
                known = m is None or (notdef is not None and m == notdef)
            except (pygame.error, UnicodeError):
                known = False
            if known and not ch.isspace():
                fb = self.fallback_font(style)
                try:
                    fm = fb.metrics(ch)[0] if fb is not None else None
                    known = fb is not None and fm is not None and fm != fb.metrics("\U000F0000")[0]
                except (pygame.error, UnicodeError):
                    known = False
            else:
                known = False
            self._lacks[key] = known
        return known

    def _text_parts(self, run: str, style: str) -> list[tuple[bool, str]]:
        """A plain run split into ``(use_fallback, part)`` pieces."""
        if run.isascii() or self.fallback_paths is None:
            return [(False, run)]
        parts: list[tuple[bool, str]] = []
        for ch in run:
            fb = self._main_lacks(ch, style)
            if parts and parts[-1][0] == fb:
                parts[-1] = (fb, parts[-1][1] + ch)
            else:
                parts.append((fb, ch))
        return parts

    def size_px(self, style: str) -> int:
        return max(8, int(round(STYLES[style][0] * self.scale)))

    def line_height(self, style: str) -> int:
        return self.font(style).get_linesize()

    @property
    def has_emoji_font(self) -> bool:
        return self._get_emoji_font() is not None

    def _get_emoji_font(self) -> pygame.font.Font | None:
        if not self._emoji_tried:
            self._emoji_tried = True
            if self.emoji_path is not None:
                try:
                    self._emoji_font = pygame.font.Font(str(self.emoji_path), _EMOJI_NATIVE_SIZE)
                except (OSError, pygame.error):
                    self._emoji_font = None
        return self._emoji_font

    # -- runs ----------------------------------------------------------------
    def _emoji_glyph(self, ch: str) -> bool:
        """True when the emoji font has ``ch`` (cached)."""
        known = self._emoji_has.get(ch)
        if known is None:
            ef = self._get_emoji_font()
            known = False
            if ef is not None:
                try:
                    m = ef.metrics(ch)
                    known = bool(m and m[0] and (m[0][1] or m[0][3]))
                except (pygame.error, UnicodeError):
                    known = False
            self._emoji_has[ch] = known
        return known

    def split_runs(self, text: str) -> list[tuple[bool, str]]:
        """Split ``text`` into ``(is_emoji, run)`` pairs."""
        if self._get_emoji_font() is None or text.isascii():
            return [(False, text)] if text else []
        runs: list[tuple[bool, str]] = []
        buf: list[str] = []
        emoji = False
        n = len(text)
        for i, ch in enumerate(text):
            cp = ord(ch)
            if emoji and buf and (_is_modifier(cp) or (buf[-1] == "\u200d" and self._emoji_glyph(ch))):
                buf.append(ch)
                continue
            nxt = ord(text[i + 1]) if i + 1 < n else 0
            is_e = cp >= 0x2190 and (cp >= 0x1F000 or nxt == 0xFE0F or 0x2600 <= cp <= 0x27BF
                                     or 0x2B00 <= cp <= 0x2BFF or 0x2300 <= cp <= 0x23FF) \
                and self._emoji_glyph(ch)
            if 0x1F1E6 <= cp <= 0x1F1FF:  # regional indicators (flags)
                is_e = self._emoji_glyph(ch)
            if is_e != emoji and buf:
                runs.append((emoji, "".join(buf)))
                buf = []
            emoji = is_e
            buf.append(ch)
        if buf:
            runs.append((emoji, "".join(buf)))
        return runs

    def _emoji_surface(self, run: str, height: int) -> pygame.Surface | None:
        key = (run, height)
        s = self._emoji_scaled.get(key)
        if s is not None:
            return s
        if run not in self._emoji_raw:
            ef = self._get_emoji_font()
            raw = None
            if ef is not None:
                try:
                    raw = ef.render(run, True, (0, 0, 0))
                except (pygame.error, UnicodeError):
                    raw = None
            self._emoji_raw[run] = raw
        raw = self._emoji_raw[run]
        if raw is None:
            return None
        w = max(1, round(raw.get_width() * height / raw.get_height()))
        s = pygame.transform.smoothscale(raw.convert_alpha() if pygame.display.get_surface() else raw, (w, height))
        self._emoji_scaled[key] = s
        return s

    def _emoji_height(self, font: pygame.font.Font) -> int:
        return max(8, int(font.get_height() * 0.92))

    # -- measuring and wrapping ---------------------------------------------
    def measure(self, text: str, style: str) -> int:
        """Width in pixels of one line of ``text``."""
        font = self.font(style)
        w = 0
        for is_emoji, run in self.split_runs(text):
            if is_emoji:
                s = self._emoji_surface(run, self._emoji_height(font))
                if s is not None:
                    w += s.get_width()
                    continue
            for fb, part in self._text_parts(run, style):
                w += ((self.fallback_font(style) or font) if fb else font).size(part)[0]
        return w

    def wrap(self, text: str, style: str, max_width: int) -> list[str]:
        """Word-wrap ``text`` into lines no wider than ``max_width`` (newlines kept)."""
        key = (text, style, max_width)
        hit = self._wrap_cache.get(key)
        if hit is not None:
            return hit
        lines: list[str] = []
        for para in text.split("\n"):
            if not para:
                lines.append("")
                continue
            words = para.split(" ")
            cur = ""
            for word in words:
                cand = word if not cur else cur + " " + word
                if self.measure(cand, style) <= max_width:
                    cur = cand
                    continue
                if cur:
                    lines.append(cur)
                    cur = ""
                # the word alone may be too wide: break it by characters
                if self.measure(word, style) <= max_width:
                    cur = word
                    continue
                piece = ""
                for ch in word:
                    if piece and self.measure(piece + ch, style) > max_width:
                        lines.append(piece)
                        piece = ch
                    else:
                        piece += ch
                cur = piece
            lines.append(cur)
        self._wrap_cache[key] = lines
        if len(self._wrap_cache) > self._cache_size:
            self._wrap_cache.popitem(last=False)
        return lines

    # -- rendering -----------------------------------------------------------
    def _remember(self, key: tuple, surf: pygame.Surface) -> pygame.Surface:
        self._cache[key] = surf
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return surf

    def render_line(self, text: str, style: str, color) -> pygame.Surface:
        """One line (no wrapping) with emoji, transparent background, cached."""
        key = ("line", text, style, tuple(color))
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        font = self.font(style)
        h = font.get_height()
        runs = self.split_runs(text)
        if len(runs) <= 1 and not (runs and runs[0][0]):
            plain = self._text_parts(text, style)
            if len(plain) <= 1 and not (plain and plain[0][0]):   # one font does it all
                surf = font.render(text or " ", True, color)
                return self._remember(key, surf)
        parts: list[tuple[pygame.Surface, int]] = []
        for is_emoji, run in runs:
            if is_emoji:
                s = self._emoji_surface(run, self._emoji_height(font))
                if s is not None:
                    parts.append((s, (h - s.get_height()) // 2))
                    continue
            for fb, part in self._text_parts(run, style):
                if fb:   # on the text font's baseline
                    ff = self.fallback_font(style) or font
                    parts.append((ff.render(part, True, color), font.get_ascent() - ff.get_ascent()))
                else:
                    parts.append((font.render(part, True, color), 0))
        width = sum(p[0].get_width() for p in parts)
        surf = pygame.Surface((max(1, width), h), pygame.SRCALPHA)
        x = 0
        for s, dy in parts:
            surf.blit(s, (x, dy))
            x += s.get_width()
        return self._remember(key, surf)

    def render_block(self, text: str, style: str, color, max_width: int,
                     align: str = "left", line_gap: int = 0) -> pygame.Surface:
        """Wrapped text as one surface no wider than ``max_width``, cached."""
        key = ("block", text, style, tuple(color), max_width, align, line_gap)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        lines = self.wrap(text, style, max_width)
        surfs = [self.render_line(line, style, color) for line in lines]
        lh = self.line_height(style) + line_gap
        width = max((s.get_width() for s in surfs), default=1)
        surf = pygame.Surface((max(1, width), max(1, lh * len(surfs))), pygame.SRCALPHA)
        for i, s in enumerate(surfs):
            if align == "center":
                x = (width - s.get_width()) // 2
            elif align == "right":
                x = width - s.get_width()
            else:
                x = 0
            surf.blit(s, (x, i * lh))
        return self._remember(key, surf)

    def ellipsize(self, text: str, style: str, max_width: int) -> str:
        """``text`` cut with "…" so it fits on one line of ``max_width``."""
        if self.measure(text, style) <= max_width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.measure(text[:mid].rstrip() + "…", style) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…"
