"""Buttons, keyboard focus and small drawing helpers shared by every screen.

The chat screen draws its own bubbles (cached surfaces, see text.py); the
controls around them are these light widgets rather than pygame_gui ones
because they need colour emoji, per-skin shapes, the text-size setting and
Tab/arrow focus traversal with a visible ring, which pygame_gui's buttons do
not give us.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from .text import TextKit
from .theme import Theme

Action = Callable[[], None]


# ---------------------------------------------------------------------------
# drawing helpers
# ---------------------------------------------------------------------------
def draw_round_rect(surface: pygame.Surface, color, rect: pygame.Rect, radius: int,
                    border: int = 0, border_color=None) -> None:
    """A filled rounded rectangle with an optional border."""
    if len(color) == 4 and color[3] < 255:
        tmp = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(tmp, color, tmp.get_rect(), border_radius=radius)
        surface.blit(tmp, rect.topleft)
    else:
        pygame.draw.rect(surface, color, rect, border_radius=radius)
    if border and border_color is not None:
        pygame.draw.rect(surface, border_color, rect, width=border, border_radius=radius)


def draw_focus_ring(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, radius: int = 8) -> None:
    """The keyboard focus ring: thick, offset, in the skin's focus colour.

    In high contrast the ring stands off the control by a black band, so it
    still reads as a ring around a control filled with the same yellow (a
    primary button) instead of making that button look bigger.
    """
    w = theme.focus_width
    gap = 1
    if theme.high_contrast:
        gap = max(3, w - 1)
        halo = rect.inflate(2 * gap, 2 * gap)
        pygame.draw.rect(surface, theme.p.bg, halo, width=gap, border_radius=radius + gap)
    r = rect.inflate(2 * (w + gap), 2 * (w + gap))
    pygame.draw.rect(surface, theme.p.focus, r, width=w, border_radius=radius + gap + w)


def draw_shadow(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, radius: int, offset: int = 3) -> None:
    if theme.p.shadow[3] == 0:
        return
    tmp = pygame.Surface((rect.w + 8, rect.h + 8), pygame.SRCALPHA)
    pygame.draw.rect(tmp, theme.p.shadow, pygame.Rect(4, 4, rect.w, rect.h), border_radius=radius)
    surface.blit(tmp, (rect.x - 4, rect.y - 4 + offset))


def draw_modal_card(surface: pygame.Surface, theme: Theme, card: pygame.Rect) -> None:
    """Dim everything behind a dialog, then draw the dialog's card with its shadow."""
    dim = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    dim.fill(theme.p.overlay)
    surface.blit(dim, (0, 0))
    draw_shadow(surface, theme, card, theme.shape.panel_radius, 6)
    draw_round_rect(surface, theme.p.surface, card, theme.shape.panel_radius, theme.border_width, theme.p.border)


def draw_fade(surface: pygame.Surface, rect: pygame.Rect, color, bottom: bool = True) -> None:
    """Fade the content under ``rect`` into ``color`` (towards its bottom edge, or its top),
    so a scrolled view ends softly instead of on a half-cut line."""
    if rect.h <= 0 or rect.w <= 0:
        return
    strip = pygame.Surface((1, rect.h), pygame.SRCALPHA)
    for i in range(rect.h):
        k = (i + 1) / rect.h if bottom else 1 - i / rect.h
        strip.set_at((0, i), (*color[:3], int(255 * min(1.0, k ** 1.5))))
    surface.blit(pygame.transform.scale(strip, rect.size), rect.topleft)


def flag_marker_points(x: int, y: int, size: int) -> tuple[list[tuple[int, int]], tuple[tuple[int, int], tuple[int,
                                                                                                               int]]]:
    """A pennant flag: (triangle points, pole line) with the pole's top at (x, y)."""
    pole = ((x, y), (x, y + size))
    tri = [(x + 1, y), (x + 1 + int(size * 0.8), y + int(size * 0.28)), (x + 1, y + int(size * 0.56))]
    return tri, pole


def draw_flag_marker(surface: pygame.Surface, color, x: int, y: int, size: int, outline=None) -> None:
    """Draw the flag shape (the marker is a shape, never a colour alone)."""
    tri, pole = flag_marker_points(x, y, size)
    width = max(2, size // 8)
    pygame.draw.line(surface, color, pole[0], pole[1], width)
    pygame.draw.polygon(surface, color, tri)
    if outline is not None:
        pygame.draw.polygon(surface, outline, tri, 1)


def flag_badge(kit: TextKit, theme: Theme, label: str = "Flagged", style: str = "small_bold") -> pygame.Surface:
    """A pill with the flag shape and a label, e.g. "⚑ Flagged"."""
    text = kit.render_line(label, style, theme.p.flag_text)
    h = text.get_height() + theme.px(6)
    icon = int(h * 0.62)
    pad = theme.px(8)
    w = pad + icon + theme.px(5) + text.get_width() + pad
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(surf, theme.p.flag, surf.get_rect(), border_radius=h // 2)
    if theme.high_contrast:
        pygame.draw.rect(surf, theme.p.text, surf.get_rect(), width=2, border_radius=h // 2)
    draw_flag_marker(surf, theme.p.flag_text, pad, (h - icon) // 2, icon)
    surf.blit(text, (pad + icon + theme.px(5), (h - text.get_height()) // 2))
    return surf


# ---------------------------------------------------------------------------
# widgets
# ---------------------------------------------------------------------------
class Widget:
    """Anything with a rect that keyboard focus can land on."""

    focusable = True

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.box = pygame.Rect(0, 0, 0, 0)   # content coordinates, for screens that scroll

    def draw(self, surface: pygame.Surface, kit: TextKit, theme: Theme, focused: bool = False) -> None:
        """Draw it (each kind of widget knows how)."""

    def activate(self) -> None:  # Enter / Space / click
        pass

    def focus_radius(self, theme: Theme) -> int:
        return theme.shape.button_radius


class Button(Widget):
    """A labelled button.

    kinds: ``normal``, ``primary`` (accent), ``danger`` (platform actions),
    ``choice`` (a big reply button with a number badge, text wrapped),
    ``ghost`` (no fill until hovered).
    """

    def __init__(self, label: str, action: Action | None = None, *, kind: str = "normal",
                 badge: str | None = None, key: int | None = None, enabled: bool = True,
                 ident: str | None = None, icon: Callable[[pygame.Surface, pygame.Rect, tuple], None] | None = None,
                 style: str | None = None):
        super().__init__()
        self.label = label
        self.action = action
        self.kind = kind
        self.badge = badge
        self.key = key
        self.enabled = enabled
        self.ident = ident or label
        self.icon = icon
        self.style = style or ("body" if kind == "choice" else "body_bold")
        self.hovered = False
        self.pressed = False

    def activate(self) -> None:
        if self.enabled and self.action is not None:
            self.action()

    # -- geometry ------------------------------------------------------------
    def padding(self, theme: Theme) -> tuple[int, int]:
        if self.kind == "choice":
            return theme.px(16), theme.px(11)
        return theme.px(14), theme.px(8)

    def badge_width(self, kit: TextKit, theme: Theme) -> int:
        if not self.badge:
            return 0
        return max(kit.line_height("body_bold"), kit.measure(self.badge, "body_bold") + theme.px(12)) + theme.px(10)

    def preferred_size(self, kit: TextKit, theme: Theme, max_width: int | None = None) -> tuple[int, int]:
        px, py = self.padding(theme)
        label = self.display_label(theme)
        bw = self.badge_width(kit, theme)
        iw = kit.line_height(self.style) + theme.px(6) if self.icon else 0
        if self.kind == "choice" and max_width:
            inner = max(40, max_width - 2 * px - bw - iw)
            lines = kit.wrap(label, self.style, inner)
            tw = max(kit.measure(ln, self.style) for ln in lines)
            return min(max_width, tw + 2 * px + bw + iw), len(lines) * kit.line_height(self.style) + 2 * py
        return kit.measure(label, self.style) + 2 * px + bw + iw, kit.line_height(self.style) + 2 * py

    def display_label(self, theme: Theme) -> str:
        if theme.shape.uppercase_labels and self.kind != "choice":
            return self.label.upper()
        return self.label

    # -- drawing -------------------------------------------------------------
    def colors(self, theme: Theme):
        p = theme.p
        if self.kind == "primary":
            bg, fg = p.accent, p.accent_text
        elif self.kind == "danger":
            bg, fg = p.danger, p.danger_text
        elif self.kind == "ghost":
            bg, fg = (p.button_hover if self.hovered else p.surface), p.text
        else:
            bg, fg = (p.button_hover if self.hovered else p.button), p.button_text
        if self.kind in ("primary", "danger") and self.hovered and not theme.high_contrast:
            r, g, b = (min(255, int(c * 1.12) + 8) for c in bg)
            bg = (r, g, b)
        if not self.enabled:
            fg = p.text_dim
        return bg, fg

    def draw(self, surface: pygame.Surface, kit: TextKit, theme: Theme, focused: bool = False) -> None:
        r = self.rect
        bg, fg = self.colors(theme)
        radius = min(theme.shape.button_radius, r.h // 2)
        border = theme.border_width if (theme.high_contrast or self.kind in ("normal", "choice", "ghost")) else 0
        draw_round_rect(surface, bg, r, radius, border, theme.p.border if not theme.high_contrast else theme.p.text)
        px, py = self.padding(theme)
        x = r.x + px
        if self.badge:
            bh = kit.line_height("body_bold")
            bw = self.badge_width(kit, theme) - theme.px(10)
            brect = pygame.Rect(x, r.centery - bh // 2, bw, bh)
            if self.kind == "choice" and len(kit.wrap(self.display_label(theme), self.style, 10**6)) >= 1:
                brect.y = r.y + py
            pygame.draw.rect(surface, theme.p.accent, brect, border_radius=min(theme.shape.button_radius, bh // 2))
            t = kit.render_line(self.badge, "body_bold", theme.p.accent_text)
            surface.blit(t, t.get_rect(center=brect.center))
            x = brect.right + theme.px(10)
        if self.icon:
            s = kit.line_height(self.style)
            self.icon(surface, pygame.Rect(x, r.centery - s // 2, s, s), fg)
            x += s + theme.px(6)
        label = self.display_label(theme)
        if self.kind == "choice":
            inner = max(40, r.right - px - x)
            block = kit.render_block(label, self.style, fg, inner)
            surface.blit(block, (x, r.y + py))
        else:
            t = kit.render_line(kit.ellipsize(label, self.style, max(10, r.right - px - x)), self.style, fg)
            if not self.badge and not self.icon:
                x = r.centerx - t.get_width() // 2
            surface.blit(t, (x, r.centery - t.get_height() // 2))
        if focused:
            draw_focus_ring(surface, theme, r, radius)


class FocusRing:
    """Keyboard focus over an ordered list of widgets.

    Tab / Shift+Tab move through ``items``; the screen decides what arrows
    do. ``visible`` turns on at the first keyboard navigation so mouse users
    do not see a ring they never asked for.
    """

    def __init__(self) -> None:
        self.items: list[Widget] = []
        self.index: int | None = None
        self.visible = False

    def set_items(self, items: Sequence[Widget]) -> None:
        cur = self.current
        self.items = [w for w in items if w.focusable]
        if cur is not None and cur in self.items:
            self.index = self.items.index(cur)
        elif cur is not None:
            # keep focus near where it was (an item that vanished, e.g. a used choice)
            self.index = min(self.index or 0, len(self.items) - 1) if self.items else None
        else:
            self.index = None

    @property
    def current(self) -> Widget | None:
        if self.index is None or not (0 <= self.index < len(self.items)):
            return None
        return self.items[self.index]

    def focus(self, widget: Widget | None, show: bool = True) -> None:
        if widget is None or widget not in self.items:
            self.index = None
            return
        self.index = self.items.index(widget)
        if show:
            self.visible = True

    def move(self, step: int) -> Widget | None:
        if not self.items:
            self.index = None
            return None
        self.visible = True
        if self.index is None:
            self.index = 0 if step > 0 else len(self.items) - 1
        else:
            self.index = (self.index + step) % len(self.items)
        return self.current

    def is_focused(self, widget: Widget) -> bool:
        return self.visible and self.current is widget


class ButtonPointer:
    """The mouse on a screen's focusable widgets (buttons, cards, rows: anything with
    ``rect``, ``hovered`` and ``activate()``).

    The widget under the pointer is hovered; a left press and a release on the same
    widget activate it, and it takes the keyboard focus without showing the ring (the
    ring is for keyboard users). ``hit(pos)`` is the screen's own hit test when it has
    one (a list clipped to its scrolling view, say); by default the first widget whose
    rect holds the point.
    """

    def __init__(self, consume_clicks: bool = False) -> None:
        #: True: every left press and release counts as used, on a widget or not
        #: (a dialog that keeps clicks to itself).
        self.consume_clicks = consume_clicks
        self.pressed: Widget | None = None

    def handle(self, screen, event: pygame.event.Event, widgets: Sequence[Widget],
               hit: Callable[[tuple[int, int]], Widget | None] | None = None) -> bool:
        """Hover, press, release. Returns True when the event was used: a press on a
        widget, a release that activated one (any left press or release with
        ``consume_clicks``); never for motion."""
        if hit is None:
            def hit(pos):
                return next((w for w in widgets if w.rect.collidepoint(pos)), None)
        if event.type == pygame.MOUSEMOTION:
            under = hit(event.pos)
            changed = False
            for w in widgets:
                hov = w is under
                if getattr(w, "hovered", False) != hov:
                    w.hovered = hov  # type: ignore[attr-defined]
                    changed = True
            if changed:
                screen.dirty = True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.pressed = hit(event.pos)
            return self.consume_clicks or self.pressed is not None
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            pressed, self.pressed = self.pressed, None
            if pressed is not None and hit(event.pos) is pressed:
                screen.focus.focus(pressed, show=False)
                pressed.activate()
                screen.dirty = True
                return True
            return self.consume_clicks
        return False
