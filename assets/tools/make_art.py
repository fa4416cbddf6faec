"""Draw the pictures that stranger messages can carry (assets/images/*.png).

    SDL_VIDEODRIVER=dummy python assets/tools/make_art.py [OUTPUT_DIR]

Everything is drawn with pygame shapes and the bundled Noto Sans font: no
photos, no real brands, no real people. Each picture is drawn at three times
its size and scaled down, which smooths every edge. The few decorations
placed "at random" use a fixed seed, so the same pygame-ce version always
gives the same pixels; tests/test_assets.py checks that. The versions used
are written to made_with.txt beside the pictures.
"""

import math
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402  (pygame-ce)
import pygame.freetype  # noqa: E402

ASSETS = Path(__file__).resolve().parent.parent
FONTS = ASSETS / "fonts"
DEFAULT_OUT = ASSETS / "images"

W, H = 480, 320  # size of every picture
S = 3            # drawn at S times the size, then scaled down

_fonts = {}


def font(size, bold=False):
    key = (size, bold)
    if key not in _fonts:
        name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
        _fonts[key] = pygame.font.Font(str(FONTS / name), round(size * S))
    return _fonts[key]


def rgb(hex_colour, alpha=255):
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha)


def mix(c1, c2, t):
    return tuple(round(a + (b - a) * t) for a, b in zip(c1, c2))


class Canvas:
    """A drawing surface addressed in picture pixels (it is S times bigger)."""

    def __init__(self, w=W, h=H, clear=(0, 0, 0, 0)):
        self.w, self.h = w, h
        self.surf = pygame.Surface((round(w * S), round(h * S)), pygame.SRCALPHA)
        self.surf.fill(clear)

    # -- coordinates -------------------------------------------------------
    @staticmethod
    def p(x, y):
        return (round(x * S), round(y * S))

    @staticmethod
    def r(x, y, w, h):
        return pygame.Rect(round(x * S), round(y * S), round(w * S), round(h * S))

    # -- shapes --------------------------------------------------------------
    def rect(self, x, y, w, h, colour, radius=0, width=0):
        pygame.draw.rect(self.surf, colour, self.r(x, y, w, h),
                         round(width * S), round(radius * S))

    def circle(self, cx, cy, radius, colour, width=0):
        pygame.draw.circle(self.surf, colour, self.p(cx, cy), round(radius * S), round(width * S))

    def ellipse(self, x, y, w, h, colour, width=0):
        pygame.draw.ellipse(self.surf, colour, self.r(x, y, w, h), round(width * S))

    def polygon(self, points, colour):
        pygame.draw.polygon(self.surf, colour, [self.p(x, y) for x, y in points])

    def line(self, points, colour, width, round_ends=True):
        """A thick polyline with round joints and ends."""
        pts = [self.p(x, y) for x, y in points]
        wpx = max(1, round(width * S))
        for a, b in zip(pts, pts[1:]):
            dx, dy = b[0] - a[0], b[1] - a[1]
            length = math.hypot(dx, dy) or 1
            nx, ny = -dy / length * wpx / 2, dx / length * wpx / 2
            pygame.draw.polygon(self.surf, colour, [
                (a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny),
                (b[0] - nx, b[1] - ny), (a[0] - nx, a[1] - ny)])
        if round_ends:
            for pt in pts:
                pygame.draw.circle(self.surf, colour, pt, wpx / 2)

    def arc(self, cx, cy, radius, start_deg, end_deg, colour, width, steps=48):
        pts = []
        for i in range(steps + 1):
            a = math.radians(start_deg + (end_deg - start_deg) * i / steps)
            pts.append((cx + radius * math.cos(a), cy - radius * math.sin(a)))
        self.line(pts, colour, width)

    def gradient(self, x, y, w, h, top, bottom, radius=0, horizontal=False):
        """A rectangle filled with a two-colour gradient, optionally rounded."""
        rect = self.r(x, y, w, h)
        layer = pygame.Surface(rect.size, pygame.SRCALPHA)
        n = rect.w if horizontal else rect.h
        for i in range(n):
            c = mix(top, bottom, i / max(1, n - 1))
            if horizontal:
                pygame.draw.line(layer, c, (i, 0), (i, rect.h - 1))
            else:
                pygame.draw.line(layer, c, (0, i), (rect.w - 1, i))
        if radius:
            mask = pygame.Surface(rect.size, pygame.SRCALPHA)
            pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), 0, round(radius * S))
            layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        self.surf.blit(layer, rect.topleft)

    def star(self, cx, cy, outer, inner, colour, points=5, turn=-90):
        pts = []
        for i in range(points * 2):
            rad = outer if i % 2 == 0 else inner
            a = math.radians(turn + i * 180 / points)
            pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
        self.polygon(pts, colour)

    def sparkle(self, cx, cy, size, colour):
        """A four-pointed twinkle."""
        self.star(cx, cy, size, size * 0.28, colour, points=4)

    # -- text ------------------------------------------------------------------
    def text(self, s, x, y, size, colour, bold=False, anchor="topleft",
             outline=None, outline_width=0):
        img = font(size, bold).render(s, True, colour)
        rect = img.get_rect(**{anchor: self.p(x, y)})
        if outline:
            ring = font(size, bold).render(s, True, outline)
            ow = round(outline_width * S)
            for i in range(24):
                a = 2 * math.pi * i / 24
                self.surf.blit(ring, (rect.x + round(ow * math.cos(a)), rect.y + round(ow * math.sin(a))))
        self.surf.blit(img, rect)
        return rect.w / S, rect.h / S

    def text_gradient(self, s, x, y, size, top, bottom, bold=True, anchor="center"):
        img = font(size, bold).render(s, True, (255, 255, 255))
        grad = Canvas(img.get_width() / S, img.get_height() / S)
        grad.gradient(0, 0, grad.w, grad.h, top, bottom)
        shaded = grad.surf.subsurface(pygame.Rect((0, 0), img.get_size())).copy()
        shaded.blit(img, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(shaded, shaded.get_rect(**{anchor: self.p(x, y)}))

    @staticmethod
    def text_size(s, size, bold=False):
        w, h = font(size, bold).size(s)
        return w / S, h / S

    # -- layers ----------------------------------------------------------------
    def paste(self, other, x=0, y=0, alpha=255):
        src = other.surf
        if alpha != 255:
            src = src.copy()
            src.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(src, self.p(x, y))

    def paste_rotated(self, other, cx, cy, angle, alpha=255):
        src = pygame.transform.rotozoom(other.surf, angle, 1.0)
        if alpha != 255:
            src.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(src, src.get_rect(center=self.p(cx, cy)))

    def shadow_of(self, other, cx, cy, angle=0, blur=8, alpha=80, dy=6):
        """Soft dark shadow of another canvas's shape, centred at (cx, cy + dy)."""
        turned = pygame.transform.rotozoom(other.surf, angle, 1.0)
        pad = round(blur * 3 * S)
        shape = pygame.Surface((turned.get_width() + 2 * pad, turned.get_height() + 2 * pad),
                               pygame.SRCALPHA)
        shape.blit(turned, (pad, pad))
        shape.fill((0, 0, 0, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        shape = blurred(shape, blur)
        self.surf.blit(shape, shape.get_rect(center=self.p(cx, cy + dy)))

    def glow(self, draw, colour, blur, alpha=255):
        """Draw shapes with `draw(canvas, colour)` on a layer, blur it, lay it on top."""
        layer = Canvas(self.w, self.h, clear=colour[:3] + (0,))
        draw(layer, colour[:3] + (255,))
        soft = blurred(layer.surf, blur)
        if alpha != 255:
            soft.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(soft, (0, 0))

    def blur(self, radius):
        self.surf = blurred(self.surf, radius)

    def image(self):
        small = pygame.transform.smoothscale(self.surf, (round(self.w), round(self.h)))
        flat = pygame.Surface(small.get_size())
        flat.fill((255, 255, 255))
        flat.blit(small, (0, 0))
        return flat


def blurred(surf, radius):
    """Gaussian blur by `radius` picture pixels (done at picture scale: faster)."""
    w, h = surf.get_size()
    small = pygame.transform.smoothscale(surf, (max(1, w // S), max(1, h // S)))
    small = pygame.transform.gaussian_blur(small, max(1, round(radius)))
    return pygame.transform.smoothscale(small, (w, h))


def recolour(surf, colour):
    """Paint every pixel `colour`, keeping its transparency (for glows)."""
    surf.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MULT)
    surf.fill(tuple(colour[:3]) + (0,), special_flags=pygame.BLEND_RGBA_ADD)


def backdrop(c, top, bottom):
    c.gradient(0, 0, c.w, c.h, rgb(top), rgb(bottom))


def confetti(c, seed, colours, n=18, avoid=None):
    rnd = random.Random(seed)
    for _ in range(n):
        x, y = rnd.uniform(10, c.w - 10), rnd.uniform(10, c.h - 10)
        if avoid and avoid.collidepoint(x, y):
            continue
        col = rgb(rnd.choice(colours))
        kind = rnd.randrange(3)
        if kind == 0:
            c.circle(x, y, rnd.uniform(3, 5), col)
        elif kind == 1:
            piece = Canvas(14, 6)
            piece.rect(0, 0, 14, 6, col, radius=3)
            c.paste_rotated(piece, x, y, rnd.uniform(0, 180))
        else:
            c.sparkle(x, y, rnd.uniform(5, 8), col)


# ---------------------------------------------------------------------------
# The pictures
# ---------------------------------------------------------------------------

def gift_card():
    c = Canvas()
    backdrop(c, "#fde2ec", "#e4defc")
    confetti(c, 11, ["#f472b6", "#a78bfa", "#fbbf24", "#34d399", "#60a5fa"], n=26,
             avoid=pygame.Rect(60, 50, 360, 230))

    card = Canvas(330, 206)
    card.gradient(0, 0, 330, 206, rgb("#4f46e5"), rgb("#06b6d4"), radius=20, horizontal=True)
    # soft highlight circles
    hl = Canvas(330, 206)
    hl.circle(40, -10, 90, rgb("#ffffff"))
    hl.circle(330, 220, 80, rgb("#ffffff"))
    mask = Canvas(330, 206)
    mask.rect(0, 0, 330, 206, rgb("#ffffff"), radius=20)
    hl.surf.blit(mask.surf, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    card.paste(hl, alpha=28)
    # ribbon
    gold, gold_dark = rgb("#fbbf24"), rgb("#d97706")
    card.rect(246, 0, 24, 206, gold)
    card.rect(0, 100, 330, 22, gold)
    card.rect(266, 0, 4, 206, gold_dark)
    card.rect(0, 118, 330, 4, gold_dark)
    # bow
    bx, by = 258, 111
    card.polygon([(bx, by), (bx - 36, by - 30), (bx - 42, by - 4)], gold_dark)
    card.polygon([(bx, by), (bx + 36, by - 30), (bx + 42, by - 4)], gold_dark)
    card.polygon([(bx - 2, by), (bx - 32, by - 34), (bx - 40, by - 12)], gold)
    card.polygon([(bx + 2, by), (bx + 32, by - 34), (bx + 40, by - 12)], gold)
    card.polygon([(bx - 4, by + 2), (bx - 22, by + 34), (bx - 12, by + 36), (bx + 2, by + 8)], gold_dark)
    card.polygon([(bx + 4, by + 2), (bx + 22, by + 34), (bx + 12, by + 36), (bx - 2, by + 8)], gold_dark)
    card.circle(bx, by, 11, gold)
    card.circle(bx, by, 11, gold_dark, width=2)
    # words
    card.text("GIFT CARD", 22, 16, 20, rgb("#ffffff"), bold=True)
    card.text("$50", 20, 38, 46, rgb("#ffffff"), bold=True)
    # code strip
    card.rect(18, 140, 294, 48, rgb("#ffffff"), radius=12)
    card.text("CODE", 34, 164, 12, rgb("#6b7280"), bold=True, anchor="midleft")
    card.text("XXXX-XXXX", 176, 163, 24, rgb("#1f2937"), bold=True, anchor="center")
    card.rect(262, 152, 36, 24, rgb("#e0e7ff"), radius=6)
    card.rect(268, 156, 18, 12, rgb("#818cf8"), radius=3, width=2)
    card.rect(272, 160, 18, 12, rgb("#818cf8"), radius=3)

    c.shadow_of(card, 240, 164, angle=-5, blur=10, alpha=90, dy=10)
    c.paste_rotated(card, 240, 164, -5)
    return c


def _coin_stack(c, cx, base_y, count, rx=40, ry=16, thick=9):
    edge, edge_dark = rgb("#f59e0b"), rgb("#b45309")
    face, face_light = rgb("#fbbf24"), rgb("#fde68a")
    wobble = (0, 2, -1, 3, 1, -2, 2, 0, -3, 1)
    for i in range(count):
        x, y = cx + wobble[i % len(wobble)], base_y - i * thick
        c.ellipse(x - rx, y - ry + thick, rx * 2, ry * 2, edge_dark)
        c.rect(x - rx, y, rx * 2, thick - 1.8, edge)
        c.ellipse(x - rx, y - ry + thick - 1.8, rx * 2, ry * 2, edge)
        c.ellipse(x - rx, y - ry, rx * 2, ry * 2, face)
    x, top = cx + wobble[(count - 1) % len(wobble)], base_y - (count - 1) * thick
    c.ellipse(x - rx + 7, top - ry + 3, rx * 2 - 14, ry * 2 - 6, face_light)
    c.ellipse(x - rx + 11, top - ry + 5, rx * 2 - 22, ry * 2 - 10, face)


def _coin_face(c, cx, cy, radius):
    c.circle(cx, cy + 4, radius, rgb("#b45309"))
    c.circle(cx, cy, radius, rgb("#fbbf24"))
    c.circle(cx, cy, radius - 6, rgb("#f59e0b"))
    c.circle(cx, cy, radius - 9, rgb("#fcd34d"))
    c.text("V", cx, cy + 1, radius * 1.05, rgb("#b45309"), bold=True, anchor="center")
    c.ellipse(cx - radius * 0.55, cy - radius * 0.75, radius * 0.5, radius * 0.25, rgb("#fef3c7"))


def game_currency():
    c = Canvas()
    backdrop(c, "#3b0764", "#1e1b4b")
    c.glow(lambda g, col: g.ellipse(110, 130, 260, 170, col), rgb("#fbbf24"), 40, alpha=120)
    rnd = random.Random(7)
    for _ in range(14):
        x, y = rnd.uniform(20, 460), rnd.uniform(90, 300)
        c.sparkle(x, y, rnd.uniform(4, 9), rgb("#fde68a", 220))

    _coin_stack(c, 165, 262, 6)
    _coin_stack(c, 318, 266, 4)
    _coin_stack(c, 240, 250, 9, rx=44, ry=18)
    # loose coins in front
    for x, y in ((120, 288), (370, 290), (205, 296)):
        c.ellipse(x - 30, y - 8, 60, 22, rgb("#b45309"))
        c.ellipse(x - 30, y - 12, 60, 22, rgb("#fbbf24"))
        c.ellipse(x - 20, y - 8, 40, 14, rgb("#fde68a"))
    _coin_face(c, 300, 238, 34)
    _coin_face(c, 176, 234, 28)

    # label
    label = "1,000 V-Coins"
    tw, th = c.text_size(label, 30, bold=True)
    pw = tw + 80
    px = (W - pw) / 2
    c.rect(px, 22, pw, 56, rgb("#ffffff"), radius=28)
    _coin_face(c, px + 32, 48, 17)
    c.text(label, px + 58, 50, 30, rgb("#4c1d95"), bold=True, anchor="midleft")
    return c


def _sword(g, cx, cy, k=1.0):
    """An upright fantasy sword, tip up, centred on (cx, cy), k times full size."""
    def P(dx, dy):
        return (cx + dx * k, cy + dy * k)
    top, gy = -112, 40
    g.polygon([P(0, top), P(-16, top + 30), P(-16, gy), P(0, gy)], rgb("#a5f3fc"))
    g.polygon([P(0, top), P(16, top + 30), P(16, gy), P(0, gy)], rgb("#22d3ee"))
    g.polygon([P(0, top + 26), P(-5, top + 40), P(-5, gy - 8), P(0, gy - 4),
               P(5, gy - 8), P(5, top + 40)], rgb("#ecfeff"))
    g.rect(*P(-44, gy - 2), 88 * k, 16 * k, rgb("#f59e0b"), radius=8 * k)
    g.polygon([P(-44, gy + 6), P(-58, gy - 10), P(-40, gy - 2)], rgb("#f59e0b"))
    g.polygon([P(44, gy + 6), P(58, gy - 10), P(40, gy - 2)], rgb("#f59e0b"))
    g.circle(*P(0, gy + 6), 10 * k, rgb("#fde68a"))
    g.circle(*P(0, gy + 6), 7 * k, rgb("#db2777"))
    g.circle(*P(-2, gy + 4), 2.5 * k, rgb("#fbcfe8"))
    g.rect(*P(-7, gy + 14), 14 * k, 42 * k, rgb("#6d28d9"), radius=4 * k)
    for i in range(4):
        g.rect(*P(-7, gy + 20 + i * 9), 14 * k, 3 * k, rgb("#4c1d95"))
    g.circle(*P(0, gy + 62), 10 * k, rgb("#f59e0b"))
    g.circle(*P(0, gy + 62), 5 * k, rgb("#fde68a"))


def rare_skin():
    c = Canvas()
    backdrop(c, "#111827", "#1e1b4b")
    # light rays
    rays = Canvas()
    for i in range(12):
        a1 = math.radians(i * 30)
        a2 = a1 + math.radians(12)
        rays.polygon([(240, 160), (240 + 400 * math.cos(a1), 160 + 400 * math.sin(a1)),
                      (240 + 400 * math.cos(a2), 160 + 400 * math.sin(a2))], rgb("#fbbf24"))
    c.paste(rays, alpha=22)
    rnd = random.Random(3)
    for _ in range(16):
        x = rnd.choice([rnd.uniform(20, 125), rnd.uniform(355, 460)])
        c.sparkle(x, rnd.uniform(20, 300), rnd.uniform(4, 9), rgb("#fde68a", 230))

    # card
    cw, ch = 206, 290
    card = Canvas(cw, ch)
    card.gradient(0, 0, cw, ch, rgb("#fde68a"), rgb("#d97706"), radius=18)
    card.gradient(7, 7, cw - 14, ch - 14, rgb("#5b21b6"), rgb("#1e1b4b"), radius=13)
    card.glow(lambda g, col: g.circle(cw / 2, 128, 58, col), rgb("#f59e0b"), 22)
    card.glow(lambda g, col: g.circle(cw / 2, 128, 30, col), rgb("#fde68a"), 16, alpha=160)
    blade = Canvas(cw, ch)
    _sword(blade, cw / 2, 130, 0.8)
    bglow = Canvas(cw, ch)
    _sword(bglow, cw / 2, 130, 0.8)
    recolour(bglow.surf, (103, 232, 249))
    bglow.surf = blurred(bglow.surf, 6)
    card.paste_rotated(bglow, cw / 2, 134, -35)
    card.paste_rotated(blade, cw / 2, 134, -35)
    # banner
    card.rect(7, 14, cw - 14, 34, rgb("#111827", 200))
    card.text_gradient("LEGENDARY", cw / 2, 31, 22, rgb("#fef3c7"), rgb("#f59e0b"))
    card.text("Starfall Blade", cw / 2, 226, 18, rgb("#ffffff"), bold=True, anchor="center")
    card.text("WEAPON SKIN", cw / 2, 248, 11, rgb("#c4b5fd"), bold=True, anchor="center")
    for i in range(5):
        card.star(cw / 2 - 36 + i * 18, 268, 7, 3, rgb("#fbbf24"))

    c.glow(lambda g, col: g.rect(137, 15, cw, ch, col, radius=18), rgb("#f59e0b"), 14, alpha=200)
    c.paste(card, 137, 15)
    return c


def _headset(c, cx, cy, size, colour):
    s = size / 100
    c.arc(cx, cy + 6 * s, 34 * s, 10, 170, colour, 9 * s)
    c.rect(cx - 46 * s, cy + 2 * s, 22 * s, 36 * s, colour, radius=9 * s)
    c.rect(cx + 24 * s, cy + 2 * s, 22 * s, 36 * s, colour, radius=9 * s)
    c.line([(cx - 34 * s, cy + 36 * s), (cx - 30 * s, cy + 46 * s), (cx - 8 * s, cy + 48 * s)],
           colour, 6 * s)
    c.rect(cx - 12 * s, cy + 42 * s, 16 * s, 12 * s, colour, radius=6 * s)


def voice_app_invite():
    c = Canvas()
    backdrop(c, "#e0e7ff", "#a5b4fc")
    deco = Canvas()
    deco.circle(40, 40, 70, rgb("#ffffff"))
    deco.circle(450, 300, 90, rgb("#ffffff"))
    c.paste(deco, alpha=60)

    card = Canvas(400, 240)
    card.rect(0, 0, 400, 240, rgb("#1f2937"), radius=22)
    card.text("YOU'VE BEEN INVITED TO JOIN", 24, 20, 12, rgb("#9ca3af"), bold=True)
    # logo
    card.rect(24, 48, 92, 92, rgb("#6366f1"), radius=26)
    _headset(card, 70, 80, 84, rgb("#ffffff"))
    # title and counts
    card.text("Join my", 134, 50, 24, rgb("#ffffff"), bold=True)
    card.text("private server", 134, 80, 24, rgb("#ffffff"), bold=True)
    card.circle(140, 127, 5, rgb("#22c55e"))
    card.text("3 online", 150, 127, 13, rgb("#d1d5db"), anchor="midleft")
    card.circle(230, 127, 5, rgb("#9ca3af"))
    card.text("5 members", 240, 127, 13, rgb("#d1d5db"), anchor="midleft")
    # button
    card.rect(24, 162, 352, 48, rgb("#22c55e"), radius=12)
    card.text("Join", 200, 186, 20, rgb("#ffffff"), bold=True, anchor="center")
    card.text("Invite link expires in 24 hours", 200, 224, 11, rgb("#9ca3af"), anchor="center")

    c.shadow_of(card, 240, 160, blur=12, alpha=110, dy=10)
    c.paste(card, 40, 40)
    return c


def blurred_selfie():
    c = Canvas()
    # a room: wall, window light, shelf
    backdrop(c, "#cfe3e8", "#a7c4cc")
    c.rect(300, 30, 150, 170, rgb("#f8fafc"), radius=6)
    c.rect(310, 40, 60, 150, rgb("#dbeafe"))
    c.rect(380, 40, 60, 150, rgb("#dbeafe"))
    c.rect(20, 90, 110, 12, rgb("#8b6b4f"))
    c.rect(30, 60, 18, 30, rgb("#f97316"))
    c.rect(52, 50, 14, 40, rgb("#0ea5e9"))
    c.circle(100, 74, 16, rgb("#4ade80"))
    # head and shoulders
    c.ellipse(100, 212, 280, 190, rgb("#475569"))      # hoodie
    c.ellipse(150, 190, 180, 70, rgb("#475569"))
    c.rect(214, 168, 52, 50, rgb("#c68b6e"))            # neck
    c.ellipse(180, 62, 120, 140, rgb("#d9a384"))        # face
    c.ellipse(172, 44, 136, 80, rgb("#3f2a20"))         # hair
    c.ellipse(172, 70, 26, 70, rgb("#3f2a20"))
    c.ellipse(282, 70, 26, 70, rgb("#3f2a20"))
    c.ellipse(214, 226, 52, 30, rgb("#64748b"))         # hood strings area
    c.blur(16)
    c.blur(10)
    return c


def modelling_contract():
    c = Canvas()
    backdrop(c, "#cbd5e1", "#94a3b8")
    dots = Canvas()
    for row in range(9):
        for col in range(13):
            dots.circle(14 + col * 38 + (row % 2) * 19, 10 + row * 40, 3, rgb("#ffffff"))
    c.paste(dots, alpha=70)

    pw, ph = 290, 298
    page = Canvas(pw, ph)
    page.rect(0, 0, pw, ph, rgb("#ffffff"), radius=6)
    # fake agency logo
    page.circle(38, 36, 20, rgb("#7c3aed"))
    page.star(38, 37, 12, 5, rgb("#fde68a"))
    page.text("NOVA STAR", 66, 20, 15, rgb("#5b21b6"), bold=True)
    page.text("Talent & Modelling", 66, 40, 10, rgb("#6b7280"))
    page.rect(20, 66, 250, 2, rgb("#e5e7eb"))
    page.text("Talent Agency Contract", pw / 2, 88, 20, rgb("#111827"), bold=True, anchor="center")
    for i, w in enumerate((230, 246, 200, 238)):
        page.rect(22, 110 + i * 12, w, 5, rgb("#d1d5db"), radius=2)
    y = 178
    for label, line_w in (("Model name", 150), ("Age", 60), ("Phone", 130)):
        page.text(label, 22, y, 11, rgb("#374151"), bold=True, anchor="bottomleft")
        lw, _ = Canvas.text_size(label, 11, bold=True)
        page.rect(22 + lw + 8, y - 3, line_w, 1.5, rgb("#9ca3af"))
        y += 22
    for i, w in enumerate((240, 210)):
        page.rect(22, 232 + i * 12, w, 5, rgb("#d1d5db"), radius=2)
    page.text("Signature", 22, 280, 11, rgb("#374151"), bold=True, anchor="bottomleft")
    page.rect(88, 277, 112, 1.5, rgb("#9ca3af"))
    # "sign here" tab
    page.polygon([(216, 262), (pw, 262), (pw, 290), (216, 290), (204, 276)], rgb("#facc15"))
    page.text("SIGN HERE", 248, 276, 10, rgb("#713f12"), bold=True, anchor="center")

    c.shadow_of(page, 214, 162, angle=3, blur=10, alpha=90, dy=8)
    c.paste_rotated(page, 214, 162, 3)
    # pen
    pen = Canvas(200, 18)
    pen.rect(0, 2, 160, 14, rgb("#1e3a8a"), radius=7)
    pen.rect(20, 0, 60, 4, rgb("#cbd5e1"), radius=2)
    pen.polygon([(158, 3), (184, 9), (158, 15)], rgb("#e5e7eb"))
    pen.polygon([(178, 7.5), (186, 9), (178, 10.5)], rgb("#111827"))
    c.shadow_of(pen, 414, 170, angle=70, blur=5, alpha=90, dy=6)
    c.paste_rotated(pen, 414, 170, 70)
    return c


def _bus(c, x, y, s=1.0):
    def R(dx, dy, w, h, col, rad=0):
        c.rect(x + dx * s, y + dy * s, w * s, h * s, col, radius=rad * s)
    R(0, 0, 64, 46, rgb("#2563eb"), 10)
    R(6, 6, 24, 18, rgb("#dbeafe"), 4)
    R(34, 6, 24, 18, rgb("#dbeafe"), 4)
    R(0, 30, 64, 5, rgb("#1d4ed8"))
    R(6, 36, 8, 5, rgb("#fde68a"), 2)
    R(50, 36, 8, 5, rgb("#fde68a"), 2)
    c.circle(x + 15 * s, y + 47 * s, 7 * s, rgb("#1f2937"))
    c.circle(x + 49 * s, y + 47 * s, 7 * s, rgb("#1f2937"))
    c.circle(x + 15 * s, y + 47 * s, 3 * s, rgb("#9ca3af"))
    c.circle(x + 49 * s, y + 47 * s, 3 * s, rgb("#9ca3af"))


def bus_ticket():
    c = Canvas()
    backdrop(c, "#e0f2fe", "#bae6fd")
    town = Canvas()
    for x, w, h in ((0, 44, 96), (50, 36, 150), (92, 56, 110), (154, 30, 176), (190, 64, 84),
                    (260, 40, 136), (306, 56, 102), (368, 34, 160), (408, 72, 120)):
        town.rect(x, 320 - h, w, h + 10, rgb("#7dd3fc"), radius=4)
        for wy in range(320 - h + 12, 312, 18):
            for wx in range(x + 8, x + w - 12, 14):
                town.rect(wx, wy, 6, 8, rgb("#bae6fd"), radius=1)
    c.paste(town, alpha=150)

    tw, th = 390, 176
    t = Canvas(tw, th)
    t.rect(0, 0, tw, th, rgb("#facc15"), radius=16)
    t.rect(0, 0, tw, 40, rgb("#eab308"), radius=16)
    t.rect(0, 24, tw, 16, rgb("#eab308"))
    t.text("BUS TICKET", 20, 20, 18, rgb("#422006"), bold=True, anchor="midleft")
    t.text("SINGLE JOURNEY", 290, 20, 11, rgb("#422006"), bold=True, anchor="midright")
    _bus(t, 22, 60, 1.05)
    t.text("FROM", 104, 58, 10, rgb("#854d0e"), bold=True)
    t.text("Central Station", 104, 70, 16, rgb("#1c1917"), bold=True)
    t.text("TO", 104, 100, 10, rgb("#854d0e"), bold=True)
    t.text("Riverside", 104, 112, 16, rgb("#1c1917"), bold=True)
    t.text("Valid today only", 22, 150, 12, rgb("#713f12"), anchor="midleft")
    t.text("Dep. 16:45", 210, 150, 12, rgb("#713f12"), bold=True, anchor="midleft")
    # stub
    sx = 300
    for y in range(10, th - 6, 12):
        t.rect(sx - 1, y, 2, 6, rgb("#a16207"))
    t.text("ROUTE", 345, 60, 10, rgb("#854d0e"), bold=True, anchor="center")
    t.text("42", 345, 86, 34, rgb("#1c1917"), bold=True, anchor="center")
    bars = [3, 1, 2, 1, 1, 3, 2, 1, 2, 1, 3, 1, 1, 2, 1, 2]
    x = 318
    for i, b in enumerate(bars):
        if i % 2 == 0:
            t.rect(x, 120, b * 1.4, 38, rgb("#1c1917"))
        x += b * 1.4 + 1.2
    # notches: punched out of the ticket
    t.circle(sx, 0, 12, (0, 0, 0, 0))
    t.circle(sx, th, 12, (0, 0, 0, 0))

    c.shadow_of(t, 240, 162, angle=-4, blur=8, alpha=80, dy=8)
    c.paste_rotated(t, 240, 162, -4)
    return c


def map_pin():
    c = Canvas()
    c.rect(0, 0, W, H, rgb("#eef2e6"))
    # blocks
    rnd = random.Random(5)
    for bx in range(0, W, 80):
        for by in range(0, H, 70):
            if rnd.random() < 0.6:
                c.rect(bx + 14, by + 12, 52, 44, rgb("#e2e8da"), radius=6)
    # parks
    c.rect(-10, 190, 170, 150, rgb("#bbe5b3"), radius=30)
    c.circle(60, 250, 22, rgb("#a3d89a"))
    c.circle(108, 284, 16, rgb("#a3d89a"))
    c.rect(330, -20, 170, 110, rgb("#bbe5b3"), radius=30)
    c.circle(400, 40, 20, rgb("#a3d89a"))
    # river
    river = [(-10, 112), (60, 104), (110, 120), (150, 170), (176, 240), (196, 330)]
    c.line(river, rgb("#8ecae6"), 34)
    c.line(river, rgb("#a5d8f3"), 26)
    # roads
    grey, white = rgb("#d4d4d8"), rgb("#ffffff")
    roads = [[(-10, 60), (490, 78)], [(-10, 300), (490, 160)], [(120, -10), (150, 330)],
             [(300, -10), (300, 330)], [(410, -10), (440, 330)]]
    for r in roads:
        c.line(r, grey, 14, round_ends=False)
    for r in roads:
        c.line(r, white, 10, round_ends=False)
    main = [(-10, 200), (200, 150), (490, 120)]
    c.line(main, rgb("#fbbf24"), 16)
    c.line(main, rgb("#fde68a"), 11)
    # pin
    px, tip = 254, 194
    ring = Canvas()
    ring.circle(px, tip, 28, rgb("#ef4444"))
    c.paste(ring, alpha=40)
    c.circle(px, tip, 28, rgb("#ef4444"), width=1.5)
    c.glow(lambda g, col: g.ellipse(px - 12, tip - 4, 24, 8, col), rgb("#000000"), 3, alpha=120)
    head_y = tip - 68
    c.polygon([(px - 28, head_y + 12), (px, tip), (px + 28, head_y + 12)], rgb("#dc2626"))
    c.circle(px, head_y, 32, rgb("#ef4444"))
    c.polygon([(px - 25, head_y + 17), (px, tip - 3), (px + 25, head_y + 17)], rgb("#ef4444"))
    c.circle(px, head_y, 13, rgb("#ffffff"))
    c.ellipse(px - 22, head_y - 24, 15, 9, rgb("#fca5a5"))
    # compass
    c.circle(446, 284, 20, rgb("#ffffff"))
    c.polygon([(446, 268), (452, 285), (440, 285)], rgb("#ef4444"))
    c.polygon([(446, 300), (452, 285), (440, 285)], rgb("#9ca3af"))
    return c


def _ticket(colour_a, colour_b, seat):
    tw, th = 300, 124
    t = Canvas(tw, th)
    t.gradient(0, 0, tw, th, rgb(colour_a), rgb(colour_b), radius=14, horizontal=True)
    deco = Canvas(tw, th)
    deco.circle(70, 150, 90, rgb("#ffffff"))
    mask = Canvas(tw, th)
    mask.rect(0, 0, tw, th, rgb("#ffffff"), radius=14)
    deco.surf.blit(mask.surf, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    t.paste(deco, alpha=30)
    t.text("LIVE IN CONCERT", 20, 16, 11, rgb("#ffffff", 230), bold=True)
    t.text("SUMMER NIGHTS", 18, 30, 24, rgb("#ffffff"), bold=True)
    t.text("Open-air stage  ·  Sat 20:00", 20, 64, 11, rgb("#ffffff", 230))
    t.rect(20, 88, 146, 24, rgb("#ffffff", 255), radius=12)
    t.text(seat, 93, 100, 11, rgb("#4c1d95"), bold=True, anchor="center")
    # music note
    t.circle(196, 96, 9, rgb("#ffffff"))
    t.rect(201, 58, 4, 38, rgb("#ffffff"))
    t.polygon([(203, 58), (222, 66), (222, 76), (203, 68)], rgb("#ffffff"))
    # stub
    sx = 236
    for y in range(8, th - 4, 10):
        t.rect(sx - 1, y, 2, 5, rgb("#ffffff", 200))
    stub = Canvas(th, tw - sx)
    stub.text("ADMIT ONE", th / 2, (tw - sx) / 2, 14, rgb("#ffffff"), bold=True, anchor="center")
    rotated = pygame.transform.rotate(stub.surf, 90)
    t.surf.blit(rotated, rotated.get_rect(center=t.p(sx + (tw - sx) / 2, th / 2)))
    t.circle(sx, 0, 10, (0, 0, 0, 0))
    t.circle(sx, th, 10, (0, 0, 0, 0))
    return t


def concert_tickets():
    c = Canvas()
    backdrop(c, "#1e1b4b", "#701a75")
    beams = Canvas()
    for x0, x1, col in ((60, 180, "#f0abfc"), (240, 300, "#67e8f9"), (420, 320, "#fde68a")):
        beams.polygon([(x0 - 8, -10), (x0 + 8, -10), (x1 + 70, 330), (x1 - 70, 330)], rgb(col))
    c.paste(beams, alpha=40)
    for x in range(0, W, 26):
        c.circle(x + 13, 318, 16 + (x * 7) % 9, rgb("#0f0a2e"))   # crowd
    t1 = _ticket("#ec4899", "#8b5cf6", "ROW F  ·  SEAT 12")
    t2 = _ticket("#06b6d4", "#6366f1", "ROW F  ·  SEAT 13")
    c.shadow_of(t2, 262, 190, angle=-7, blur=8, alpha=110, dy=8)
    c.paste_rotated(t2, 262, 190, -7)
    c.shadow_of(t1, 218, 118, angle=6, blur=8, alpha=110, dy=8)
    c.paste_rotated(t1, 218, 118, 6)
    return c


def meme_cat():
    c = Canvas()
    backdrop(c, "#99d5c9", "#6fb8ab")
    c.rect(0, 250, W, 70, rgb("#e7c9a0"))
    c.rect(0, 250, W, 4, rgb("#d4b283"))
    # a router with no signal
    c.rect(360, 200, 90, 50, rgb("#f8fafc"), radius=8)
    c.rect(372, 222, 8, 8, rgb("#ef4444"), radius=4)
    c.rect(386, 222, 8, 8, rgb("#9ca3af"), radius=4)
    c.rect(400, 222, 8, 8, rgb("#9ca3af"), radius=4)
    c.rect(372, 170, 6, 34, rgb("#cbd5e1"), radius=3)
    c.rect(432, 170, 6, 34, rgb("#cbd5e1"), radius=3)

    fur, dark, light = rgb("#f59e42"), rgb("#d9782a"), rgb("#fde8cf")
    # tail
    c.line([(280, 246), (318, 236), (332, 206), (320, 184)], dark, 16)
    # body
    c.ellipse(168, 160, 144, 118, fur)
    c.ellipse(206, 186, 68, 84, light)
    # paws
    c.ellipse(196, 254, 40, 22, fur)
    c.ellipse(244, 254, 40, 22, fur)
    c.ellipse(204, 262, 24, 12, light)
    c.ellipse(252, 262, 24, 12, light)
    # ears
    c.polygon([(178, 96), (186, 28), (232, 74)], fur)
    c.polygon([(302, 96), (294, 28), (248, 74)], fur)
    c.polygon([(188, 84), (192, 46), (220, 74)], rgb("#f9a8b8"))
    c.polygon([(292, 84), (288, 46), (260, 74)], rgb("#f9a8b8"))
    # head
    c.ellipse(166, 56, 148, 122, fur)
    for dx in (-16, 0, 16):
        c.rect(236 + dx, 58, 8, 24, dark, radius=4)
    c.rect(168, 112, 22, 7, dark, radius=3)
    c.rect(290, 112, 22, 7, dark, radius=3)
    # wide, shocked eyes
    for ex in (208, 272):
        c.circle(ex, 110, 19, rgb("#ffffff"))
        c.circle(ex, 112, 11, rgb("#1f2937"))
        c.circle(ex + 4, 106, 4, rgb("#ffffff"))
    # muzzle, nose, open mouth
    c.ellipse(214, 128, 30, 24, light)
    c.ellipse(236, 128, 30, 24, light)
    c.polygon([(232, 130), (248, 130), (240, 139)], rgb("#f472b6"))
    c.ellipse(232, 144, 16, 18, rgb("#7f1d1d"))
    c.ellipse(235, 152, 10, 8, rgb("#f87171"))
    # whiskers
    for side in (-1, 1):
        for dy in (-6, 4):
            c.line([(240 + side * 30, 140 + dy), (240 + side * 70, 134 + dy * 1.8)], rgb("#ffffff"), 1.6)

    cap = dict(bold=True, anchor="center", outline=rgb("#000000"), outline_width=2.4)
    c.text("WHEN THE WIFI DROPS", 240, 30, 32, rgb("#ffffff"), **cap)
    c.text("RIGHT BEFORE YOU WIN", 240, 292, 32, rgb("#ffffff"), **cap)
    return c


def _hero(c, hx, ground):
    """A small adventurer in a helmet, both arms up."""
    g = ground
    c.polygon([(hx - 11, g - 58), (hx + 11, g - 58), (hx + 20, g - 14), (hx - 20, g - 14)], rgb("#dc2626"))
    c.rect(hx - 10, g - 30, 8, 26, rgb("#1e293b"))
    c.rect(hx + 2, g - 30, 8, 26, rgb("#1e293b"))
    c.rect(hx - 12, g - 6, 11, 6, rgb("#0f172a"), radius=2)
    c.rect(hx + 1, g - 6, 11, 6, rgb("#0f172a"), radius=2)
    c.line([(hx - 11, g - 56), (hx - 24, g - 72), (hx - 26, g - 86)], rgb("#0d9488"), 7)
    c.line([(hx + 11, g - 56), (hx + 24, g - 72), (hx + 26, g - 86)], rgb("#0d9488"), 7)
    c.circle(hx - 26, g - 88, 5, rgb("#fbbf24"))
    c.circle(hx + 26, g - 88, 5, rgb("#fbbf24"))
    c.rect(hx - 13, g - 62, 26, 34, rgb("#14b8a6"), radius=5)
    c.rect(hx - 13, g - 38, 26, 4, rgb("#0f766e"))
    c.rect(hx - 12, g - 84, 24, 23, rgb("#67e8f9"), radius=7)
    c.rect(hx - 8, g - 77, 16, 7, rgb("#0f172a"), radius=3)
    c.rect(hx - 2, g - 90, 4, 8, rgb("#fbbf24"), radius=2)


def game_screenshot():
    c = Canvas()
    backdrop(c, "#1e1b4b", "#fb923c")
    rays = Canvas()
    for i in range(16):
        a1 = math.radians(i * 22.5)
        a2 = a1 + math.radians(9)
        rays.polygon([(240, 152), (240 + 420 * math.cos(a1), 152 + 300 * math.sin(a1)),
                      (240 + 420 * math.cos(a2), 152 + 300 * math.sin(a2))], rgb("#fef3c7"))
    c.paste(rays, alpha=26)
    c.glow(lambda g, col: g.circle(96, 236, 50, col), rgb("#fde68a"), 24)
    c.circle(96, 236, 36, rgb("#fef3c7"))
    c.polygon([(-10, 262), (50, 196), (120, 244), (190, 184), (280, 250), (360, 190), (490, 258),
               (490, 330), (-10, 330)], rgb("#5b21b6"))
    c.polygon([(-10, 282), (90, 240), (200, 276), (320, 236), (420, 270), (490, 252),
               (490, 330), (-10, 330)], rgb("#3b0764"))
    c.rect(0, 300, W, 20, rgb("#1e1b4b"))
    c.rect(340, 290, 100, 12, rgb("#1e1b4b"), radius=3)
    _hero(c, 390, 292)
    confetti(c, 21, ["#fde68a", "#f472b6", "#67e8f9", "#a7f3d0"], n=30,
             avoid=pygame.Rect(0, 100, 480, 110))
    # banner
    band = Canvas()
    band.rect(0, 108, W, 92, rgb("#0f0a2e"))
    c.paste(band, alpha=170)
    c.rect(0, 108, W, 3, rgb("#fbbf24"))
    c.rect(0, 197, W, 3, rgb("#fbbf24"))
    c.text("VICTORY", 240, 154, 60, rgb("#7c2d12"), bold=True, anchor="center",
           outline=rgb("#7c2d12"), outline_width=2)
    c.text_gradient("VICTORY", 240, 152, 60, rgb("#fef9c3"), rgb("#f59e0b"))
    c.text("#1 of 20  ·  +250 XP", 240, 222, 15, rgb("#ffffff"), bold=True, anchor="center",
           outline=rgb("#1e1b4b"), outline_width=1.5)
    # HUD
    c.rect(14, 14, 150, 16, rgb("#111827"), radius=8)
    c.rect(17, 17, 110, 10, rgb("#22c55e"), radius=5)
    c.text("HP", 172, 22, 11, rgb("#ffffff"), bold=True, anchor="midleft")
    c.rect(14, 36, 100, 10, rgb("#111827"), radius=5)
    c.rect(16, 38, 64, 6, rgb("#38bdf8"), radius=3)
    c.rect(398, 14, 68, 68, rgb("#111827"), radius=10)
    c.rect(402, 18, 60, 60, rgb("#334155"), radius=8)
    c.rect(410, 40, 44, 6, rgb("#475569"))
    c.rect(428, 22, 6, 52, rgb("#475569"))
    c.circle(431, 43, 4, rgb("#fbbf24"))
    c.circle(446, 28, 3, rgb("#ef4444"))
    c.text("00:42", 240, 22, 13, rgb("#ffffff"), bold=True, anchor="center")
    return c


def dog_photo():
    c = Canvas()
    backdrop(c, "#93c5fd", "#e0f2fe")
    c.circle(412, 58, 28, rgb("#fef08a"))
    for cx, cy, r in ((70, 64, 18), (96, 54, 24), (126, 66, 16), (330, 96, 12), (348, 90, 16)):
        c.circle(cx, cy, r, rgb("#ffffff"))
    c.rect(58, 66, 80, 16, rgb("#ffffff"), radius=8)
    c.ellipse(-80, 184, 400, 200, rgb("#86efac"))
    c.ellipse(190, 196, 380, 180, rgb("#4ade80"))
    c.rect(0, 262, W, 60, rgb("#4ade80"))
    # tree and bush
    c.rect(66, 150, 16, 72, rgb("#92400e"), radius=3)
    for x, y, r in ((74, 118, 44), (42, 146, 30), (108, 146, 32), (74, 158, 26)):
        c.circle(x, y, r, rgb("#16a34a"))
    for x, y, r in ((420, 232, 26), (448, 238, 22), (396, 240, 18)):
        c.circle(x, y, r, rgb("#22c55e"))
    # grass tufts
    for x, y in ((40, 290), (120, 300), (330, 296), (440, 292), (300, 270)):
        c.polygon([(x - 8, y), (x - 4, y - 12), (x, y), (x + 4, y - 14), (x + 8, y)], rgb("#16a34a"))
    # ball
    c.ellipse(330, 286, 44, 10, rgb("#15803d"))
    c.circle(352, 270, 19, rgb("#ef4444"))
    c.arc(352, 270, 19, 200, 340, rgb("#ffffff"), 4)
    c.circle(345, 262, 5, rgb("#fca5a5"))

    fur, dark, cream = rgb("#d9a066"), rgb("#8b5a2b"), rgb("#f6e3c6")
    cx = 228
    c.ellipse(cx - 76, 280, 152, 18, rgb("#15803d"))       # shadow
    c.line([(280, 250), (306, 236), (314, 210)], fur, 12)  # tail
    c.ellipse(cx - 62, 160, 124, 130, fur)                 # body
    c.ellipse(cx - 30, 176, 60, 90, cream)
    c.rect(cx - 40, 232, 28, 56, fur, radius=12)           # legs
    c.rect(cx + 12, 232, 28, 56, fur, radius=12)
    c.ellipse(cx - 44, 276, 36, 20, cream)
    c.ellipse(cx + 8, 276, 36, 20, cream)
    c.rect(cx - 40, 158, 80, 14, rgb("#2563eb"), radius=7)  # collar
    c.circle(cx, 178, 8, rgb("#fbbf24"))
    c.circle(cx, 178, 3, rgb("#d97706"))
    # head
    c.ellipse(cx - 58, 52, 116, 110, fur)
    ear = Canvas(40, 84)
    ear.ellipse(0, 0, 40, 84, dark)
    c.paste_rotated(ear, cx - 58, 102, -14)
    c.paste_rotated(ear, cx + 58, 102, 14)
    c.ellipse(cx + 6, 78, 38, 36, dark)                     # eye patch
    c.ellipse(cx - 34, 106, 68, 52, cream)
    for ex in (cx - 24, cx + 24):
        c.circle(ex, 96, 9, rgb("#1f2937"))
        c.circle(ex + 3, 93, 3, rgb("#ffffff"))
    # nose, smile, tongue
    c.ellipse(cx - 13, 110, 26, 18, rgb("#1f2937"))
    c.ellipse(cx - 7, 113, 8, 5, rgb("#6b7280"))
    c.rect(cx - 1.5, 126, 3, 9, rgb("#1f2937"))
    c.ellipse(cx - 8, 138, 16, 16, rgb("#f472b6"))
    c.rect(cx - 0.8, 140, 1.6, 9, rgb("#db2777"))
    c.arc(cx - 10, 134, 10, 190, 350, rgb("#1f2937"), 3)
    c.arc(cx + 10, 134, 10, 190, 350, rgb("#1f2937"), 3)
    return c


def homework():
    c = Canvas()
    backdrop(c, "#d6b48a", "#c29a6b")
    grain = Canvas()
    for i in range(9):
        grain.line([(-10, 20 + i * 38), (200, 28 + i * 38), (490, 14 + i * 38)], rgb("#8b5e34"), 2)
    c.paste(grain, alpha=40)

    pw, ph = 380, 280
    page = Canvas(pw, ph)
    page.rect(0, 0, pw, ph, rgb("#fdfdf8"), radius=8)
    for y in range(56, ph - 8, 22):
        page.rect(12, y, pw - 24, 1.4, rgb("#bfdbfe"))
    page.rect(52, 8, 1.6, ph - 16, rgb("#fca5a5"))
    for x in range(30, pw - 10, 28):                       # spiral rings
        page.circle(x, 10, 5, rgb("#c29a6b"))
        page.rect(x - 2, -2, 4, 16, rgb("#6b7280"), radius=2)
    ink, red = rgb("#1e3a8a"), rgb("#dc2626")
    page.text("Maths – Homework 4", 62, 46, 15, ink, bold=True, anchor="bottomleft")
    page.text("Solve for x:", 62, 76, 13, ink, anchor="bottomleft")
    page.text("2x + 5 = 17", 62, 98, 16, ink, anchor="bottomleft")
    page.text("2x = 12", 74, 120, 16, ink, anchor="bottomleft")
    page.text("x = 6", 86, 142, 16, ink, anchor="bottomleft")
    page.line([(138, 132), (145, 140), (160, 120)], red, 3)
    page.text("3(y – 2) = 9", 62, 186, 16, ink, anchor="bottomleft")
    page.text("y – 2 = 3", 74, 208, 16, ink, anchor="bottomleft")
    page.text("y = 5", 86, 230, 16, ink, anchor="bottomleft")
    page.line([(138, 220), (145, 228), (160, 208)], red, 3)
    # triangle
    ax, ay = 236, 186
    page.line([(ax, ay), (ax, ay - 82), (ax + 110, ay), (ax, ay)], ink, 2.4)
    page.rect(ax, ay - 12, 12, 12, ink, width=1.6)
    page.text("3", ax - 8, ay - 41, 14, ink, anchor="midright")
    page.text("4", ax + 55, ay + 4, 14, ink, anchor="midtop")
    page.text("c", ax + 62, ay - 48, 15, ink, anchor="bottomleft")
    page.text("a² + b² = c²", 230, 230, 16, ink, anchor="bottomleft")
    page.text("c = 5", 250, 252, 16, ink, bold=True, anchor="bottomleft")

    c.shadow_of(page, 236, 166, angle=-3, blur=8, alpha=90, dy=8)
    c.paste_rotated(page, 236, 166, -3)
    # pencil
    pen = Canvas(230, 22)
    pen.rect(0, 1, 22, 20, rgb("#f9a8d4"), radius=5)
    pen.rect(18, 0, 16, 22, rgb("#cbd5e1"))
    pen.rect(32, 1, 160, 20, rgb("#facc15"))
    pen.rect(32, 8, 160, 6, rgb("#eab308"))
    pen.polygon([(192, 1), (222, 11), (192, 21)], rgb("#f3d9b1"))
    pen.polygon([(212, 7.6), (224, 11), (212, 14.4)], rgb("#374151"))
    c.shadow_of(pen, 384, 268, angle=28, blur=5, alpha=90, dy=6)
    c.paste_rotated(pen, 384, 268, 28)
    return c


PICTURES = {
    "gift_card": gift_card,
    "game_currency": game_currency,
    "rare_skin": rare_skin,
    "voice_app_invite": voice_app_invite,
    "blurred_selfie": blurred_selfie,
    "modelling_contract": modelling_contract,
    "bus_ticket": bus_ticket,
    "map_pin": map_pin,
    "concert_tickets": concert_tickets,
    "meme_cat": meme_cat,
    "game_screenshot": game_screenshot,
    "dog_photo": dog_photo,
    "homework": homework,
}


def versions():
    return (f"pygame-ce {pygame.version.ver}, SDL {'.'.join(map(str, pygame.get_sdl_version()))}, "
            f"SDL_ttf {'.'.join(map(str, pygame.font.get_sdl_ttf_version()))}, "
            f"FreeType {'.'.join(map(str, pygame.freetype.get_version()))}")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: SDL_VIDEODRIVER=dummy python assets/tools/make_art.py [OUTPUT_DIR]", file=sys.stderr)
        return 2
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    pygame.font.init()
    pygame.transform.set_smoothscale_backend("GENERIC")  # same pixels on every CPU
    for name, draw in PICTURES.items():
        path = out / f"{name}.png"
        pygame.image.save(draw().image(), str(path))
        print(f"{path}  {path.stat().st_size // 1024} KiB")
    (out / "made_with.txt").write_text(
        "The pictures in this folder were drawn by assets/tools/make_art.py with\n"
        + versions() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
