"""Draw the strangers' avatars and profile photos (assets/avatars/, assets/photos/).

    SDL_VIDEODRIVER=dummy python assets/tools/make_faces.py [OUTPUT_DIR]

OUTPUT_DIR (default: assets/) gets avatars/NAME.png (192 x 192) and
photos/NAME.png (480 x 320). Everything is a flat illustration drawn with the
shapes of make_art.py (faces.py holds the people, animals and things), never a
photo and never a real person. Profile photos show their tell-tale details as
part of the picture: someone else's username stamped in a corner, the even
light and faint watermark of a stock photo, a grown man in the photos of a
"17-year-old", a face always hidden. Deterministic: the few "random" touches
use a fixed seed, so the same pygame-ce version gives the same pixels.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pygame  # noqa: E402  (pygame-ce)
from faces import (  # noqa: E402
    Canvas,
    blur_all,
    car,
    cat,
    darker,
    dog,
    person,
    rgb,
    seeded,
    sky,
    softbox,
    stock_mark,
    sun_over_water,
    watermark,
)
from make_art import versions  # noqa: E402

ASSETS = Path(__file__).resolve().parent.parent
A = 160             # avatar side (drawn at 160, saved at SAVE_A)
SAVE_A = 192
PW, PH = 480, 320   # profile photo size
GAP = 4             # white line between the tiles of a photo grid


# ---------------------------------------------------------------------------
# Avatars
# ---------------------------------------------------------------------------
def portrait(bg, look, kind="day", cy=74, r=31):
    def draw():
        c = Canvas(A, A)
        if bg:
            c.gradient(0, 0, A, A, rgb(bg[0]), rgb(bg[1]))
        else:
            sky(c, 0, 0, A, A, kind)
        person(c, A / 2, cy, r, look)
        return c
    return draw


def emblem(bg, draw_symbol):
    def draw():
        c = Canvas(A, A)
        c.gradient(0, 0, A, A, rgb(bg[0]), rgb(bg[1]))
        draw_symbol(c)
        return c
    return draw


def _owl(c):
    body, belly = rgb("#8b5e3c"), rgb("#d9b48f")
    c.ellipse(38, 38, 84, 100, body)
    c.polygon([(44, 50), (52, 22), (66, 44)], body)
    c.polygon([(116, 50), (108, 22), (94, 44)], body)
    c.ellipse(56, 84, 48, 48, belly)
    for x in (62, 98):
        c.circle(x, 66, 17, rgb("#fff7e0"))
        c.circle(x, 66, 9, rgb("#f59e0b"))
        c.circle(x, 66, 5, rgb("#1f1a17"))
    c.polygon([(74, 78), (86, 78), (80, 92)], rgb("#f59e0b"))


def _bird(c):
    c.ellipse(36, 56, 92, 70, rgb("#3b82f6"))
    c.circle(98, 58, 28, rgb("#3b82f6"))
    c.polygon([(122, 54), (146, 62), (122, 68)], rgb("#f59e0b"))
    c.circle(104, 52, 6, rgb("#111827"))
    c.circle(106, 50, 2, (255, 255, 255, 255))
    c.ellipse(46, 76, 56, 34, rgb("#1d4ed8"))
    c.polygon([(38, 84), (14, 70), (20, 96)], rgb("#1d4ed8"))
    c.ellipse(70, 92, 40, 26, rgb("#bfdbfe"))


def _pencil(c):
    c.paste_rotated(_pencil_shape(), 80, 80, 40)
    c.sparkle(124, 36, 12, rgb("#fde047"))
    c.sparkle(34, 122, 9, rgb("#fde047"))


def _pencil_shape():
    p = Canvas(40, 130)
    p.rect(6, 18, 28, 80, rgb("#facc15"))
    p.rect(6, 18, 9, 80, rgb("#fde047"))
    p.rect(6, 6, 28, 14, rgb("#f472b6"), radius=4)
    p.rect(6, 16, 28, 6, rgb("#9ca3af"))
    p.polygon([(6, 98), (34, 98), (20, 124)], rgb("#f5d0a9"))
    p.polygon([(15, 113), (25, 113), (20, 124)], rgb("#1f2937"))
    return p


def _gem(c):
    c.polygon([(80, 26), (128, 62), (80, 136), (32, 62)], rgb("#22d3ee"))
    c.polygon([(80, 26), (104, 62), (80, 136), (56, 62)], rgb("#67e8f9"))
    c.polygon([(32, 62), (128, 62), (104, 62), (80, 26), (56, 62)], rgb("#a5f3fc"))
    c.circle(122, 122, 20, rgb("#16a34a"))
    c.line([(112, 122), (119, 130), (132, 114)], (255, 255, 255, 255), 5)


def _scope(c):
    c.circle(80, 80, 52, rgb("#ef4444"), width=7)
    c.circle(80, 80, 30, rgb("#ef4444"), width=4)
    for a, b in (((80, 16), (80, 56)), ((80, 104), (80, 144)), ((16, 80), (56, 80)), ((104, 80), (144, 80))):
        c.line([a, b], rgb("#ef4444"), 5)
    c.circle(80, 80, 5, rgb("#fca5a5"))


def _headset(c):
    c.star(80, 80, 44, 18, rgb("#fde047"), points=8)
    c.arc(80, 86, 50, 20, 160, rgb("#e5e7eb"), 9)
    c.rect(22, 80, 22, 40, rgb("#e5e7eb"), radius=8)
    c.rect(116, 80, 22, 40, rgb("#e5e7eb"), radius=8)


def _controller(c):
    c.rect(24, 58, 112, 56, rgb("#f8fafc"), radius=26)
    c.rect(46, 74, 8, 26, rgb("#334155"), radius=2)
    c.rect(37, 83, 26, 8, rgb("#334155"), radius=2)
    for (x, y, col) in ((108, 74, "#ef4444"), (120, 86, "#22c55e"), (96, 86, "#3b82f6"), (108, 98, "#f59e0b")):
        c.circle(x, y, 6, rgb(col))


def _chequered_flag(c):
    c.line([(46, 30), (46, 138)], rgb("#e5e7eb"), 7)
    c.rect(50, 34, 80, 54, rgb("#f8fafc"))
    for row in range(3):
        for col in range(4):
            if (row + col) % 2:
                c.rect(50 + col * 20, 34 + row * 18, 20, 18, rgb("#111827"))
    c.star(112, 118, 16, 7, rgb("#facc15"))


def _trophy(c):
    gold = rgb("#facc15")
    c.rect(52, 34, 56, 46, gold, radius=14)
    c.circle(50, 54, 14, gold, width=6)
    c.circle(110, 54, 14, gold, width=6)
    c.rect(74, 78, 12, 24, gold)
    c.rect(56, 100, 48, 12, gold, radius=3)
    c.rect(48, 112, 64, 14, rgb("#a16207"), radius=3)
    c.star(80, 56, 12, 5, rgb("#fef9c3"))


def _sparkles(c):
    c.star(70, 74, 40, 12, rgb("#fdf2f8"), points=4, turn=0)
    c.star(118, 44, 18, 6, rgb("#fbcfe8"), points=4, turn=0)
    c.star(116, 114, 14, 5, rgb("#fbcfe8"), points=4, turn=0)


def _star_logo(c):
    c.star(80, 70, 46, 19, rgb("#fef3c7"))
    c.text("NOVA STAR", 80, 130, 15, rgb("#fef3c7"), bold=True, anchor="center")


def _heart(c):
    c.circle(60, 66, 26, rgb("#111111"))
    c.circle(100, 66, 26, rgb("#111111"))
    c.polygon([(36, 76), (124, 76), (80, 128)], rgb("#111111"))
    c.line([(84, 44), (72, 70), (90, 84), (76, 112)], rgb("#f472b6"), 4)


def _fox(c):
    fur = rgb("#f97316")
    c.polygon([(34, 52), (46, 18), (70, 46)], fur)
    c.polygon([(126, 52), (114, 18), (90, 46)], fur)
    c.polygon([(30, 50), (130, 50), (80, 134)], fur)
    c.polygon([(44, 80), (80, 134), (116, 80), (80, 100)], rgb("#fff7ed"))
    c.circle(62, 72, 6, rgb("#1f1a17"))
    c.circle(98, 72, 6, rgb("#1f1a17"))
    c.circle(80, 130, 7, rgb("#1f1a17"))
    # pencil lines: it is a drawing
    c.line([(26, 148), (134, 148)], rgb("#94a3b8"), 1.5)


def _sunflower(c):
    for i in range(12):
        import math
        a = 2 * math.pi * i / 12
        c.ellipse(80 + 34 * math.cos(a) - 14, 80 + 34 * math.sin(a) - 14, 28, 28, rgb("#facc15"))
    c.circle(80, 80, 26, rgb("#78350f"))
    for i in range(7):
        c.circle(70 + (i % 3) * 10, 70 + (i // 3) * 10, 2.5, rgb("#a16207"))


def _moth(c):
    wing, dot = rgb("#a78bfa"), rgb("#fde68a")
    c.ellipse(24, 40, 60, 56, wing)
    c.ellipse(76, 40, 60, 56, wing)
    c.ellipse(38, 88, 42, 40, wing)
    c.ellipse(80, 88, 42, 40, wing)
    for x in (52, 108):
        c.circle(x, 66, 10, dot)
    c.ellipse(72, 50, 16, 80, rgb("#4c1d95"))
    c.line([(76, 52), (64, 30)], rgb("#4c1d95"), 2.5)
    c.line([(84, 52), (96, 30)], rgb("#4c1d95"), 2.5)


def _pickaxe(c):
    c.rect(30, 110, 100, 24, rgb("#65a30d"))
    c.rect(30, 122, 100, 12, rgb("#78350f"))
    for x in range(30, 130, 20):
        c.rect(x, 110, 1.5, 24, rgb("#3f6212"))
    c.line([(56, 104), (106, 38)], rgb("#92400e"), 9)
    c.arc(100, 60, 34, 40, 150, rgb("#9ca3af"), 11)


def _mango(c):
    c.ellipse(40, 44, 84, 92, rgb("#fb923c"))
    c.ellipse(52, 52, 46, 60, rgb("#fdba74"))
    c.ellipse(80, 24, 40, 22, rgb("#16a34a"))
    c.line([(82, 46), (86, 30)], rgb("#78350f"), 4)
    c.circle(68, 92, 4, rgb("#1f1a17"))
    c.circle(96, 92, 4, rgb("#1f1a17"))
    c.arc(82, 100, 10, 200, 340, rgb("#1f1a17"), 3)


def _robot(c):
    c.rect(36, 50, 88, 74, rgb("#e0f2fe"), radius=22)
    c.rect(48, 64, 64, 38, rgb("#0f172a"), radius=14)
    c.circle(66, 83, 8, rgb("#5eead4"))
    c.circle(94, 83, 8, rgb("#5eead4"))
    c.line([(80, 50), (80, 30)], rgb("#e0f2fe"), 5)
    c.circle(80, 28, 8, rgb("#facc15"))
    c.rect(58, 110, 44, 6, rgb("#94a3b8"), radius=3)


def _dog_avatar(c):
    dog(c, 80, 84, 40)


TEAL, PLUM, SUN, SEA = ("#99f6e4", "#5eead4"), ("#3b0764", "#6b21a8"), ("#fde68a", "#fca5a5"), ("#bae6fd", "#7dd3fc")

AVATARS = {
    # dating app: photos of the person (the match card shows them big)
    "tyler_m": portrait(("#d6dde4", "#9aa9b8"), dict(skin="fair", hair="dark_brown", style="receding",
                                                     shirt="#374151", adult=True, beard="stubble", smile=0.4)),
    "theo": portrait(("#fde68a", "#fdba74"), dict(skin="light", hair="auburn", style="curly", shirt="#0ea5e9")),
    "nico": portrait(("#1f2937", "#4b5563"), dict(skin="tan", hair="black", style="short", shirt="#111827",
                                                  adult=True, beard="stubble", sunglasses=True, smile=0.2)),
    "eli": portrait(None, dict(skin="medium", hair="black", style="short", shirt="#f8fafc", smile=0.9,
                               collar="#e2e8f0"), kind="studio"),
    "alex": emblem(("#fff7ed", "#fed7aa"), _fox),
    "ava": portrait(("#fbcfe8", "#f9a8d4"), dict(skin="brown", hair="black", style="ponytail", shirt="#7c3aed")),
    "sam": portrait(("#c7d2fe", "#a5b4fc"), dict(skin="fair", hair="blond", style="short", shirt="#b91c1c",
                                                 glasses="#1e293b")),
    "noah": portrait(("#fde68a", "#f97316"), dict(skin="fair", hair="brown", style="short", shirt="#f8fafc",
                                                  adult=True, beard="stubble", collar="#cbd5e1", smile=0.8)),
    "jay_match": portrait(("#111827", "#374151"), dict(skin="brown", hair="black", style="receding",
                                                       shirt="#000000", adult=True, beard="full", smile=0.5,
                                                       collar="#facc15")),
    # social media
    "pencilmoth": emblem(("#ede9fe", "#c4b5fd"), _moth),
    "jada_sunflower": emblem(SEA, _sunflower),
    "jay_draws": emblem(("#e0f2fe", "#bae6fd"), _pencil),
    "marcus_b": portrait(("#fed7aa", "#fb923c"), dict(skin="dark", hair="black", style="buzz", shirt="#1d4ed8")),
    "novastar_scout": emblem(PLUM, _star_logo),
    "jordan_fixes": portrait(("#d1fae5", "#a7f3d0"), dict(skin="light", hair="brown", style="short",
                                                          shirt="#ea580c", adult=True, beard="full")),
    "jessie_k": emblem(SUN, _dog_avatar),
    "skye_static": emblem(("#fbcfe8", "#f0abfc"), _heart),
    "maddie_rose": portrait(None, dict(skin="light", hair="blond", style="long", shirt="#f9a8d4", smile=0.9,
                                       adult=True), kind="studio"),
    "maya_k": portrait(("#fef9c3", "#fde047"), dict(skin="medium", hair="black", style="bun", shirt="#16a34a")),
    # game chat: game avatars and emblems
    "nightowl": emblem(("#1e1b4b", "#312e81"), _owl),
    "jaybird": emblem(TEAL, _bird),
    "kai_trades": emblem(("#064e3b", "#065f46"), _gem),
    "shadow_rift": emblem(("#111827", "#1f2937"), _scope),
    "kai_nova": emblem(("#1e3a8a", "#4338ca"), _headset),
    "maxi_plays": emblem(("#fecaca", "#f87171"), _controller),
    "dan_builds": emblem(("#bae6fd", "#e0f2fe"), _pickaxe),
    "mango_tides": emblem(("#cffafe", "#67e8f9"), _mango),
    "tom_drifts": emblem(("#7c2d12", "#dc2626"), _chequered_flag),
    "priya_zoom": emblem(("#1e3a8a", "#0ea5e9"), _trophy),
    "jas_xo": emblem(("#be185d", "#f472b6"), _sparkles),
    # the practice chat (game/data/tutorial.yaml)
    "practice_pal": emblem(("#a7f3d0", "#6ee7b7"), _robot),
}


# ---------------------------------------------------------------------------
# Profile photos
# ---------------------------------------------------------------------------
def grid(tiles):
    """1 tile: the whole picture; 2: side by side; 3: one big and two small; 4: two by two."""
    c = Canvas(PW, PH, clear=(255, 255, 255, 255))
    n = len(tiles)
    if n == 1:
        boxes = [(0, 0, PW, PH)]
    elif n == 2:
        w = (PW - GAP) / 2
        boxes = [(0, 0, w, PH), (w + GAP, 0, w, PH)]
    elif n == 3:
        big = PW * 0.6
        h = (PH - GAP) / 2
        boxes = [(0, 0, big, PH), (big + GAP, 0, PW - big - GAP, h), (big + GAP, h + GAP, PW - big - GAP, h)]
    else:
        w, h = (PW - GAP) / 2, (PH - GAP) / 2
        boxes = [(0, 0, w, h), (w + GAP, 0, w, h), (0, h + GAP, w, h), (w + GAP, h + GAP, w, h)]
    for draw, (x, y, w, h) in zip(tiles, boxes):
        t = Canvas(w, h)
        draw(t)
        c.paste(t, x, y)
    return c


# -- scenes (each draws a whole tile) -----------------------------------------------------
GROWN = dict(skin="fair", hair="dark_brown", style="receding", shirt="#374151", adult=True, beard="stubble",
             smile=0.4)


def gym_selfie(t, who=GROWN, mark=None):
    sky(t, 0, 0, t.w, t.h, "gym")
    t.rect(0, t.h * 0.75, t.w, t.h * 0.25, rgb("#6b7280"))
    for i in range(4):   # a rack of weights behind
        x = 14 + i * 36
        t.rect(x, t.h * 0.55, 8, t.h * 0.2, rgb("#374151"))
        t.circle(x + 4, t.h * 0.55, 14, rgb("#1f2937"))
    r = t.h * 0.14
    person(t, t.w * 0.55, t.h * 0.42, r, {**who, "shirt": "#1f2937"})
    # the arm holding the phone up to the mirror
    t.rect(t.w * 0.55 + 1.6 * r, t.h * 0.5, 0.8 * r, 1.8 * r, darker("#1f2937", 1.2), radius=0.3 * r)
    t.rect(t.w * 0.55 + 1.55 * r, t.h * 0.28, 0.9 * r, 1.5 * r, rgb("#111827"), radius=0.15 * r)
    t.rect(t.w * 0.55 + 1.65 * r, t.h * 0.3, 0.7 * r, 0.3 * r, rgb("#ef4444"), radius=0.1 * r)
    if mark:
        watermark(t, mark, t.w - 4, t.h - 6, size=max(16, t.h * 0.075), anchor="bottomleft")


def tyler_photos():
    def tile(t):
        gym_selfie(t)
        # cropped from someone else's post: their username runs off the right edge
        watermark(t, "@marc.lifts_official", t.w - 150, t.h - 10, size=24, anchor="bottomleft")
        blur_all(t, 1.2)
    return grid([tile])


def car_night(t, who):
    sky(t, 0, 0, t.w, t.h, "night")
    rnd = seeded("car_night")
    for _ in range(14):
        t.circle(rnd.uniform(0, t.w), rnd.uniform(0, t.h * 0.4), 1.2, (255, 255, 255, 200))
    t.rect(0, t.h * 0.72, t.w, t.h * 0.28, rgb("#1f2937"))
    person(t, t.w * 0.76, t.h * 0.42, t.h * 0.1, who)
    car(t, -t.w * 0.12, t.h * 0.62, t.w * 0.75, "#0b0b0b")   # he leans on it, so it fills the picture


def club(t, who):
    sky(t, 0, 0, t.w, t.h, "club")
    for i, col in enumerate(("#22d3ee", "#e879f9", "#facc15")):
        x = t.w * (0.2 + 0.3 * i)
        t.polygon([(x, 0), (x - 30, t.h), (x + 30, t.h)], (*rgb(col)[:3], 60))
    person(t, t.w * 0.5, t.h * 0.42, t.h * 0.14, who)
    # a raised hand with an entry wristband
    t.rect(t.w * 0.12, t.h * 0.35, t.h * 0.1, t.h * 0.4, rgb("#e8b894"), radius=6)
    t.rect(t.w * 0.12 - 2, t.h * 0.6, t.h * 0.1 + 4, t.h * 0.05, rgb("#a3e635"), radius=2)
    t.text("21+", t.w * 0.12 + t.h * 0.05, t.h * 0.625, max(9, t.h * 0.04), rgb("#1a2e05"), bold=True,
           anchor="center")


def sunset_plain(t):
    sky(t, 0, 0, t.w, t.h, "sunset")
    sun_over_water(t, 0, 0, t.w, t.h)


NICO = dict(skin="tan", hair="black", style="short", shirt="#111827", adult=True, beard="stubble",
            sunglasses=True, smile=0.2)


def nico_photos():
    return grid([lambda t: car_night(t, NICO), lambda t: club(t, NICO), sunset_plain])


JAY = dict(skin="brown", hair="black", style="receding", shirt="#000000", adult=True, beard="full", smile=0.5,
           collar="#facc15")


def jay_photos():
    def table(t):
        club(t, JAY)
        t.rect(0, t.h * 0.8, t.w, t.h * 0.2, rgb("#111827"))
        t.rect(t.w * 0.62, t.h * 0.66, t.w * 0.3, t.h * 0.16, rgb("#facc15"), radius=4)
        t.text("RESERVED", t.w * 0.77, t.h * 0.74, max(9, t.h * 0.05), rgb("#111827"), bold=True, anchor="center")
    return grid([lambda t: car_night(t, JAY), lambda t: gym_selfie(t, JAY), table])


def studio(t, look, tint):
    t.gradient(0, 0, t.w, t.h, rgb(tint[0]), rgb(tint[1]))
    softbox(t, t.w * 0.2, t.h * 0.05, t.w * 0.6, t.h * 0.8)
    person(t, t.w * 0.5, t.h * 0.42, t.h * 0.16, look)


ELI = dict(skin="medium", hair="black", style="short", shirt="#f8fafc", smile=0.9, collar="#e2e8f0")


def eli_photos():
    return grid([lambda t: studio(t, ELI, ("#fde2e4", "#fad2e1")),
                 lambda t: studio(t, {**ELI, "shirt": "#0f172a"}, ("#dbeafe", "#93c5fd")),
                 lambda t: studio(t, {**ELI, "shirt": "#b45309", "cap": "#111827"}, ("#fef3c7", "#fcd34d"))])


MADDIE = dict(skin="light", hair="blond", style="long", shirt="#f9a8d4", smile=0.9, adult=True)


def maddie_photos():
    def tile(shirt, tint):
        def draw(t):
            studio(t, {**MADDIE, "shirt": shirt}, tint)
        return draw
    c = grid([tile("#f9a8d4", ("#fdf2f8", "#fbcfe8")), tile("#ffffff", ("#f5f5f4", "#d6d3d1")),
              tile("#a78bfa", ("#ede9fe", "#c4b5fd")), tile("#fb7185", ("#fff1f2", "#fecdd3"))])
    stock_mark(c)   # the faint repeated watermark of a stock-photo site
    return c


def alex_photos():
    def drawing(t):
        t.rect(0, 0, t.w, t.h, rgb("#fefce8"))
        for y in range(20, int(t.h), 22):
            t.rect(0, y, t.w, 1, rgb("#dbeafe"))
        sub = Canvas(160, 160)
        _fox(sub)
        t.paste(sub, t.w / 2 - 80, t.h / 2 - 80)

    def hidden(t):
        sky(t, 0, 0, t.w, t.h, "indoor")
        t.rect(t.w * 0.65, t.h * 0.1, t.w * 0.3, t.h * 0.45, rgb("#93c5fd"), radius=4)
        person(t, t.w * 0.5, t.h * 0.42, t.h * 0.15, dict(skin="fair", hair="dark_brown", style="short",
                                                          shirt="#6b7280"))
        # the phone covers the face
        t.rect(t.w * 0.5 - t.h * 0.13, t.h * 0.24, t.h * 0.26, t.h * 0.42, rgb("#111827"), radius=8)
        t.circle(t.w * 0.5 + t.h * 0.06, t.h * 0.29, 4, rgb("#374151"))
        t.rect(t.w * 0.5 + t.h * 0.08, t.h * 0.45, t.h * 0.1, t.h * 0.26, rgb("#e8b894"), radius=6)
    return grid([drawing, hidden])


def theo_photos():
    def wall(t):
        t.rect(0, 0, t.w, t.h, rgb("#9ca3af"))
        rnd = seeded("wall")
        for _ in range(22):
            col = rnd.choice(["#ef4444", "#22c55e", "#3b82f6", "#facc15", "#a855f7"])
            t.circle(rnd.uniform(8, t.w - 8), rnd.uniform(8, t.h - 8), rnd.uniform(5, 9), rgb(col))
        person(t, t.w * 0.45, t.h * 0.38, t.h * 0.12, dict(skin="light", hair="auburn", style="curly",
                                                           shirt="#0ea5e9"))
        t.ellipse(t.w * 0.6, t.h * 0.7, 26, 30, rgb("#f8fafc"))     # chalk bag
    return grid([wall, lambda t: team(t, "#0ea5e9", "day", blur=True), lambda t: fat_cat(t)])


def team(t, shirt, kind, blur=False, n=5, you=None):
    sky(t, 0, 0, t.w, t.h, kind)
    t.rect(0, t.h * 0.7, t.w, t.h * 0.3, rgb("#86efac") if kind == "day" else rgb("#e5e7eb"))
    skins = ["light", "brown", "fair", "dark", "medium", "tan"]
    hairs = [("brown", "short"), ("black", "ponytail"), ("blond", "bun"), ("black", "curly"), ("auburn", "long"),
             ("dark_brown", "short")]
    r = min(t.h * 0.085, t.w / (n * 2.8))
    for i in range(n):
        x = t.w * (i + 0.5) / n
        h, s = hairs[i % len(hairs)]
        person(t, x, t.h * (0.5 if i % 2 else 0.46), r, dict(skin=skins[i % 6], hair=h, style=s,
                                                             shirt=you if (you and i == 2) else shirt))
    if blur:
        blur_all(t, 3)


def fat_cat(t, jumper=None):
    sky(t, 0, 0, t.w, t.h, "indoor")
    t.rect(0, t.h * 0.7, t.w, t.h * 0.3, rgb("#b45309"))
    cat(t, t.w / 2, t.h * 0.48, t.h * 0.18, "#9ca3af" if not jumper else "#f0a04b", jumper=jumper, fat=not jumper)


def jada_posts():
    def lake(t):
        sky(t, 0, 0, t.w, t.h, "sunset")
        sun_over_water(t, 0, 0, t.w, t.h, 0.55)
        t.polygon([(0, t.h * 0.55), (t.w * 0.2, t.h * 0.4), (t.w * 0.35, t.h * 0.55)], rgb("#14532d"))
        t.rect(t.w * 0.6, t.h * 0.5, t.w * 0.4, 6, rgb("#78350f"))   # the camp's jetty
        watermark(t, "camp birchwood", 8, 8, size=16)
    return grid([lake, lambda t: team(t, "#dc2626", "day"), lambda t: selfie_with_dog(t, blur=True)])


def selfie_with_dog(t, blur=False):
    sky(t, 0, 0, t.w, t.h, "day")
    t.rect(0, t.h * 0.7, t.w, t.h * 0.3, rgb("#86efac"))
    person(t, t.w * 0.38, t.h * 0.42, t.h * 0.14, dict(skin="brown", hair="black", style="curly",
                                                       shirt="#f59e0b"))
    dog(t, t.w * 0.72, t.h * 0.62, t.h * 0.12)
    if blur:
        blur_all(t, 2)


def jessie_posts():
    def coffee(t):
        sky(t, 0, 0, t.w, t.h, "indoor")
        t.rect(0, t.h * 0.75, t.w, t.h * 0.25, rgb("#a16207"))
        t.polygon([(t.w * 0.38, t.h * 0.25), (t.w * 0.62, t.h * 0.25), (t.w * 0.58, t.h * 0.8),
                   (t.w * 0.42, t.h * 0.8)], (255, 255, 255, 170))
        t.polygon([(t.w * 0.39, t.h * 0.35), (t.w * 0.61, t.h * 0.35), (t.w * 0.58, t.h * 0.78),
                   (t.w * 0.42, t.h * 0.78)], rgb("#a16207"))
        t.rect(t.w * 0.52, t.h * 0.1, 5, t.h * 0.5, rgb("#22c55e"))
        for i in range(3):
            t.rect(t.w * 0.44 + i * 8, t.h * 0.45 + i * 9, 12, 12, (224, 242, 254, 220), radius=2)

    def dog_only(t):
        sky(t, 0, 0, t.w, t.h, "day")
        t.rect(0, t.h * 0.65, t.w, t.h * 0.35, rgb("#86efac"))
        dog(t, t.w / 2, t.h * 0.5, t.h * 0.18)
    return grid([sunset_plain, coffee, dog_only])


def ava_photos():
    def stage(t):
        sky(t, 0, 0, t.w, t.h, "stage")
        t.polygon([(t.w * 0.35, 0), (t.w * 0.65, 0), (t.w * 0.8, t.h), (t.w * 0.2, t.h)], (255, 244, 200, 60))
        t.rect(0, 0, t.w * 0.14, t.h, rgb("#991b1b"))
        t.rect(t.w * 0.86, 0, t.w * 0.14, t.h, rgb("#991b1b"))
        person(t, t.w / 2, t.h * 0.42, t.h * 0.13, dict(skin="brown", hair="black", style="ponytail",
                                                        shirt="#16a34a", cap="#facc15"))

    def boxes(t):
        sky(t, 0, 0, t.w, t.h, "indoor")
        for x, y, w in ((0.1, 0.55, 0.4), (0.5, 0.55, 0.4), (0.3, 0.3, 0.4)):
            t.rect(t.w * x, t.h * y, t.w * w, t.h * 0.25 + 0.01, rgb("#d6a46b"))
            t.rect(t.w * (x + w / 2) - 3, t.h * y, 6, t.h * 0.25, rgb("#b9854c"))
        cat(t, t.w * 0.5, t.h * 0.18, t.h * 0.09, "#1f2937")

    def lake(t):
        sky(t, 0, 0, t.w, t.h, "day")
        t.rect(0, t.h * 0.55, t.w, t.h * 0.45, rgb("#38bdf8"))
        person(t, t.w * 0.35, t.h * 0.42, t.h * 0.12, dict(skin="brown", hair="black", style="ponytail",
                                                           shirt="#7c3aed"))
        person(t, t.w * 0.7, t.h * 0.55, t.h * 0.08, dict(skin="brown", hair="black", style="buzz",
                                                          shirt="#f97316"))
    return grid([stage, boxes, lake])


def sam_photos():
    def burrito(t):
        sky(t, 0, 0, t.w, t.h, "indoor")
        person(t, t.w * 0.5, t.h * 0.38, t.h * 0.13, dict(skin="fair", hair="blond", style="short",
                                                          shirt="#b91c1c", glasses="#1e293b", smile=1))
        t.paste_rotated(_burrito_shape(t.h), t.w * 0.5, t.h * 0.78, 15)

    def concert(t):
        sky(t, 0, 0, t.w, t.h, "club")
        for i in range(8):
            t.circle(t.w * (i + 0.5) / 8, t.h * 0.95, t.h * 0.12, rgb("#111827"))
        t.rect(t.w * 0.2, t.h * 0.3, t.w * 0.6, t.h * 0.08, rgb("#f472b6"), radius=4)
        blur_all(t, 4)
    return grid([lambda t: team(t, "#1e3a8a", "day", n=4), burrito,
                 lambda t: (sky(t, 0, 0, t.w, t.h, "day"), dog(t, t.w / 2, t.h * 0.5, t.h * 0.16, "#f5f5f4",
                                                                "#d6d3d1", fluffy=True)), concert])


def _burrito_shape(h):
    b = Canvas(h * 0.7, h * 0.3)
    b.rect(0, 0, b.w, b.h, rgb("#fde68a"), radius=b.h / 2)
    b.rect(b.w * 0.75, 0, b.w * 0.25, b.h, rgb("#f8fafc"), radius=b.h / 3)
    return b


def maya_photos():
    def museum(t):
        sky(t, 0, 0, t.w, t.h, "indoor")
        t.rect(0, t.h * 0.75, t.w, t.h * 0.25, rgb("#d6d3d1"))
        t.arc(t.w * 0.5, t.h * 0.75, t.h * 0.35, 20, 160, rgb("#f5f5f4"), 6)   # a huge fossil's ribs
        for i in range(5):
            t.arc(t.w * 0.5, t.h * 0.75, t.h * (0.12 + 0.05 * i), 40, 140, rgb("#e7e5e4"), 3)
        for i, (skin, hair, style) in enumerate((("medium", "black", "bun"), ("fair", "brown", "short"),
                                                 ("dark", "black", "curly"))):
            person(t, t.w * (0.2 + 0.3 * i), t.h * 0.62, t.h * 0.08, dict(skin=skin, hair=hair, style=style,
                                                                        shirt="#1e3a8a"))
    return grid([lambda t: team(t, "#16a34a", "day"), lambda t: fat_cat(t, jumper="#dc2626"), museum])


def pencilmoth_pinned():
    def page(t):
        t.rect(0, 0, t.w, t.h, rgb("#fffbeb"))
        t.text("day 12", 18, 12, 22, rgb("#334155"), bold=True)
        sub = Canvas(160, 160)
        _moth(sub)
        t.paste(sub, t.w / 2 - 80, t.h / 2 - 70)
        # a raincoat and an umbrella, in ink
        t.arc(t.w / 2 + 60, t.h / 2 - 50, 36, 0, 180, rgb("#0ea5e9"), 5)
        t.line([(t.w / 2 + 60, t.h / 2 - 50), (t.w / 2 + 60, t.h / 2 + 10)], rgb("#334155"), 3)
        for i, txt in enumerate(("so cute!!", "the tiny boots", "day 13 when")):
            t.rect(12, t.h - 96 + i * 30, t.text_size(txt, 15)[0] + 16, 24, rgb("#e2e8f0"), radius=12)
            t.text(txt, 20, t.h - 94 + i * 30, 15, rgb("#334155"))
    return grid([page])


def scout_posts():
    """Glossy fashion shots: studio light, sunglasses, a new backdrop each time; every comment two flames."""
    looks = [dict(skin="brown", hair="black", style="long", shirt="#f472b6", adult=True, sunglasses=True, smile=0.2),
             dict(skin="light", hair="blond", style="bun", shirt="#111827", adult=True, sunglasses=True, smile=0),
             dict(skin="tan", hair="dark_brown", style="ponytail", shirt="#fde047", adult=True, smile=0.3),
             dict(skin="fair", hair="auburn", style="long", shirt="#e5e7eb", adult=True, sunglasses=True, smile=0)]
    tints = [("#fbcfe8", "#a855f7"), ("#fde68a", "#f97316"), ("#bae6fd", "#6366f1"), ("#e5e7eb", "#9ca3af")]

    def fashion(look, tint):
        def draw(t):
            t.gradient(0, 0, t.w, t.h, rgb(tint[0]), rgb(tint[1]))
            softbox(t, t.w * 0.15, 0, t.w * 0.7, t.h)
            person(t, t.w * 0.5, t.h * 0.4, t.h * 0.15, look)
            for i in range(2):
                x = t.w * 0.08 + i * 22
                t.polygon([(x, t.h * 0.92), (x + 8, t.h * 0.78), (x + 16, t.h * 0.92)], rgb("#f97316"))
                t.polygon([(x + 4, t.h * 0.92), (x + 8, t.h * 0.84), (x + 12, t.h * 0.92)], rgb("#fde047"))
        return draw
    return grid([fashion(lk, tn) for lk, tn in zip(looks, tints)])


NOAH = dict(skin="fair", hair="brown", style="short", shirt="#f8fafc", adult=True, beard="stubble",
            collar="#cbd5e1", smile=0.8)


def noah_photos():
    def beach(t):
        sky(t, 0, 0, t.w, t.h, "sunset")
        sun_over_water(t, 0, 0, t.w, t.h, 0.6)
        t.rect(0, t.h * 0.82, t.w, t.h * 0.18, rgb("#fcd34d"))
        person(t, t.w * 0.4, t.h * 0.45, t.h * 0.13, NOAH)
        stock_mark(t, size=14, alpha=45, gap=90)

    def ski(t):
        sky(t, 0, 0, t.w, t.h, "snow")
        t.polygon([(0, t.h), (t.w * 0.45, t.h * 0.25), (t.w, t.h)], rgb("#f8fafc"))
        person(t, t.w * 0.5, t.h * 0.5, t.h * 0.1, {**NOAH, "shirt": "#dc2626", "sunglasses": True})

    def lounge(t):
        sky(t, 0, 0, t.w, t.h, "indoor")
        t.rect(0, t.h * 0.1, t.w, t.h * 0.45, rgb("#bae6fd"))
        t.polygon([(t.w * 0.2, t.h * 0.35), (t.w * 0.6, t.h * 0.3), (t.w * 0.65, t.h * 0.33),
                   (t.w * 0.22, t.h * 0.38)], rgb("#f8fafc"))
        person(t, t.w * 0.5, t.h * 0.55, t.h * 0.1, {**NOAH, "shirt": "#1e3a8a"})
    return grid([beach, ski, lounge])


PHOTOS = {
    "tyler_m": tyler_photos,
    "nico": nico_photos,
    "jay_match": jay_photos,
    "eli": eli_photos,
    "maddie_rose": maddie_photos,
    "alex": alex_photos,
    "theo": theo_photos,
    "jada_sunflower": jada_posts,
    "jessie_k": jessie_posts,
    "ava": ava_photos,
    "sam": sam_photos,
    "maya_k": maya_photos,
    "pencilmoth": pencilmoth_pinned,
    "novastar_scout": scout_posts,
    "noah": noah_photos,
}


def save(canvas, path, side=None):
    """A flat RGB PNG: small, and never transparent (every front end shows it on its own colour)."""
    img = canvas.image() if side is None else scaled(canvas, side)
    pygame.image.save(img, str(path))


def scaled(canvas, side):
    """The supersampled drawing brought down to ``side`` pixels square, on white."""
    small = pygame.transform.smoothscale(canvas.surf, (side, side))
    flat = pygame.Surface((side, side))
    flat.fill((255, 255, 255))
    flat.blit(small, (0, 0))
    return flat


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: SDL_VIDEODRIVER=dummy python assets/tools/make_faces.py [OUTPUT_DIR]", file=sys.stderr)
        return 2
    out = Path(argv[0]) if argv else ASSETS
    pygame.font.init()
    pygame.transform.set_smoothscale_backend("GENERIC")  # same pixels on every CPU
    for folder, table in (("avatars", AVATARS), ("photos", PHOTOS)):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for name, draw in table.items():
            save(draw(), out / folder / f"{name}.png", SAVE_A if folder == "avatars" else None)
        (out / folder / "made_with.txt").write_text(
            f"The pictures in this folder were drawn by assets/tools/make_faces.py with\n{versions()}\n",
            encoding="utf-8")
    print(f"{len(AVATARS)} avatars and {len(PHOTOS)} profile photos in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
