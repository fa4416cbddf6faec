"""Flat, illustrated people, animals and things for make_faces.py.

Everything is drawn with the shapes of make_art.Canvas (pygame shapes,
supersampled): cartoon proportions, flat colours, dots for eyes. Nobody here
looks like a photo or like a real person. Sizes are in picture pixels.
"""

import math
import random

from make_art import Canvas, blurred, mix, rgb

SKIN = {
    "light": "#f3cfb3", "fair": "#e8b894", "medium": "#c98e62", "tan": "#b07445",
    "brown": "#8a5634", "dark": "#5e3a22",
}
HAIR = {
    "black": "#1f1a17", "brown": "#5a3a22", "auburn": "#8a3b1c", "blond": "#d9b25f",
    "dyed_pink": "#e879a6", "grey": "#9aa0a6", "dark_brown": "#3b2616",
}


def darker(hex_colour, k=0.75):
    c = rgb(hex_colour)
    return (round(c[0] * k), round(c[1] * k), round(c[2] * k), 255)


# -- a person, head and shoulders ---------------------------------------------------------
def person(c, cx, cy, r, look):
    """A head-and-shoulders figure; (cx, cy) is the centre of the face, r its half-width.

    look: skin, hair, style (short, long, bun, curly, buzz, receding, ponytail, hood),
    shirt, and optional adult (a longer face, a jaw), beard (stubble | full),
    glasses | sunglasses, cap, smile (0..1), blush, collar.
    """
    skin = rgb(SKIN[look.get("skin", "fair")])
    skin_shade = darker(SKIN[look.get("skin", "fair")], 0.86)
    hair = rgb(HAIR.get(look.get("hair", "brown"), look.get("hair", "#5a3a22")))
    shirt = rgb(look.get("shirt", "#3b82f6"))
    style = look.get("style", "short")
    adult = look.get("adult", False)
    face_h = 2.55 * r if adult else 2.3 * r
    # long hair falls behind the shoulders
    if style in ("long", "ponytail_long"):
        c.ellipse(cx - 1.35 * r, cy - 1.25 * r, 2.7 * r, 3.4 * r, hair)
    if style == "hood":
        c.ellipse(cx - 1.55 * r, cy - 1.55 * r, 3.1 * r, 3.5 * r, shirt)
    # shoulders and neck
    c.ellipse(cx - 2.3 * r, cy + 1.35 * r, 4.6 * r, 3.6 * r, shirt)
    c.rect(cx - 0.42 * r, cy + 0.7 * r, 0.84 * r, 0.95 * r, skin_shade)
    if look.get("collar"):
        col = rgb(look["collar"])
        c.polygon([(cx - 0.6 * r, cy + 1.45 * r), (cx, cy + 2.0 * r), (cx - 0.1 * r, cy + 1.3 * r)], col)
        c.polygon([(cx + 0.6 * r, cy + 1.45 * r), (cx, cy + 2.0 * r), (cx + 0.1 * r, cy + 1.3 * r)], col)
    else:
        c.ellipse(cx - 0.55 * r, cy + 1.25 * r, 1.1 * r, 0.5 * r, skin_shade)
    # ears, face
    c.ellipse(cx - 1.12 * r, cy - 0.15 * r, 0.4 * r, 0.6 * r, skin_shade)
    c.ellipse(cx + 0.72 * r, cy - 0.15 * r, 0.4 * r, 0.6 * r, skin_shade)
    c.ellipse(cx - r, cy - face_h * 0.5, 2 * r, face_h, skin)
    if adult:   # a squarer jaw
        c.rect(cx - 0.82 * r, cy + 0.1 * r, 1.64 * r, 0.75 * r, skin, radius=0.45 * r)
    beard = look.get("beard")
    if beard:
        tone = hair if beard == "full" else (*hair[:3], 120)
        jaw = Canvas(c.w, c.h)
        jaw.ellipse(cx - r, cy - face_h * 0.5, 2 * r, face_h, tone)
        jaw.rect(cx - 0.82 * r, cy + 0.1 * r, 1.64 * r, 0.75 * r, tone, radius=0.45 * r)
        jaw.rect(cx - 1.1 * r, cy - 1.6 * r, 2.2 * r, 1.85 * r, (0, 0, 0, 0))   # keep only the jaw
        c.paste(jaw)
        c.rect(cx - 0.45 * r, cy + 0.22 * r, 0.9 * r, 0.16 * r, tone, radius=0.08 * r)   # moustache
    _hair(c, cx, cy, r, face_h, style, hair)
    # face details
    eye_y = cy - 0.05 * r
    ink = rgb("#2b211c")
    if look.get("sunglasses"):
        c.rect(cx - 0.85 * r, eye_y - 0.22 * r, 0.72 * r, 0.42 * r, rgb("#111827"), radius=0.16 * r)
        c.rect(cx + 0.13 * r, eye_y - 0.22 * r, 0.72 * r, 0.42 * r, rgb("#111827"), radius=0.16 * r)
        c.rect(cx - 0.15 * r, eye_y - 0.12 * r, 0.3 * r, 0.08 * r, rgb("#111827"))
        c.rect(cx - 0.7 * r, eye_y - 0.15 * r, 0.2 * r, 0.08 * r, (255, 255, 255, 120))
        c.rect(cx + 0.28 * r, eye_y - 0.15 * r, 0.2 * r, 0.08 * r, (255, 255, 255, 120))
    else:
        for side in (-1, 1):
            c.circle(cx + side * 0.4 * r, eye_y, 0.12 * r, ink)
            c.circle(cx + side * 0.36 * r, eye_y - 0.04 * r, 0.04 * r, (255, 255, 255, 255))
            c.line([(cx + side * 0.25 * r, eye_y - 0.33 * r), (cx + side * 0.57 * r, eye_y - 0.36 * r)],
                   darker(HAIR.get(look.get("hair", "brown"), "#5a3a22"), 0.9), 0.07 * r)
        if look.get("glasses"):
            for side in (-1, 1):
                c.circle(cx + side * 0.4 * r, eye_y, 0.27 * r, rgb(look["glasses"]), width=0.06 * r)
            c.line([(cx - 0.13 * r, eye_y), (cx + 0.13 * r, eye_y)], rgb(look["glasses"]), 0.05 * r)
    c.line([(cx, cy + 0.05 * r), (cx - 0.06 * r, cy + 0.28 * r), (cx + 0.04 * r, cy + 0.3 * r)],
           skin_shade, 0.06 * r)
    smile = look.get("smile", 0.6)
    if smile > 0:
        c.arc(cx, cy + 0.3 * r, 0.3 * r, 200, 340, rgb("#8c3b3b"), 0.08 * r)
    else:
        c.line([(cx - 0.22 * r, cy + 0.55 * r), (cx + 0.22 * r, cy + 0.55 * r)], rgb("#8c3b3b"), 0.07 * r)
    if look.get("blush", not adult):
        for side in (-1, 1):
            c.ellipse(cx + side * 0.62 * r - 0.15 * r, cy + 0.28 * r, 0.3 * r, 0.16 * r, (236, 120, 120, 90))
    if look.get("cap"):
        cap = rgb(look["cap"])
        c.ellipse(cx - 1.05 * r, cy - 1.45 * r, 2.1 * r, 1.3 * r, cap)
        c.rect(cx - 1.05 * r, cy - 0.85 * r, 2.1 * r, 0.22 * r, cap)
        c.ellipse(cx - 0.2 * r, cy - 0.88 * r, 1.6 * r, 0.36 * r, darker(look["cap"], 0.8))


def _hair(c, cx, cy, r, face_h, style, hair):
    top = cy - face_h * 0.5
    if style in ("short", "receding", "ponytail", "ponytail_long", "long", "bun"):
        # the top of the head: a cap of hair; receding leaves the forehead bare at the temples
        if style == "receding":   # thin on top, the forehead high: a grown man
            c.ellipse(cx - 0.9 * r, top - 0.12 * r, 1.8 * r, 0.55 * r, (*hair[:3], 170))
        else:
            c.ellipse(cx - 1.06 * r, top - 0.2 * r, 2.12 * r, 1.25 * r, hair)
            c.ellipse(cx - 1.0 * r, top + 0.3 * r, 1.2 * r, 0.55 * r, hair)   # fringe
            c.ellipse(cx - 0.1 * r, top + 0.25 * r, 1.1 * r, 0.45 * r, hair)
        if style in ("long", "ponytail_long"):
            c.rect(cx - 1.08 * r, top + 0.4 * r, 0.3 * r, 1.8 * r, hair, radius=0.15 * r)
            c.rect(cx + 0.78 * r, top + 0.4 * r, 0.3 * r, 1.8 * r, hair, radius=0.15 * r)
        if style == "bun":
            c.circle(cx, top - 0.25 * r, 0.5 * r, hair)
        if style == "ponytail":
            c.ellipse(cx + 0.8 * r, top + 0.2 * r, 0.6 * r, 1.6 * r, hair)
    elif style == "curly":
        for i in range(9):
            a = math.radians(200 + i * 17.5)
            c.circle(cx + 1.0 * r * math.cos(a) * -1, top + 0.55 * r + 0.75 * r * math.sin(a), 0.42 * r, hair)
        c.ellipse(cx - 1.0 * r, top - 0.15 * r, 2.0 * r, 1.0 * r, hair)
    elif style == "buzz":
        c.ellipse(cx - 1.0 * r, top - 0.05 * r, 2.0 * r, 0.95 * r, (*hair[:3], 200))
    elif style == "hood":
        c.ellipse(cx - 1.02 * r, top - 0.1 * r, 2.04 * r, 0.9 * r, hair)
    if style == "receding":
        c.ellipse(cx - 1.04 * r, top + 0.35 * r, 0.26 * r, 0.75 * r, hair)
        c.ellipse(cx + 0.78 * r, top + 0.35 * r, 0.26 * r, 0.75 * r, hair)


# -- animals ------------------------------------------------------------------------------
def dog(c, cx, cy, s, colour="#c58b4c", ear="#7a4f2a", fluffy=False):
    col, earc = rgb(colour), rgb(ear)
    c.ellipse(cx - 1.3 * s, cy + 0.4 * s, 2.6 * s, 1.7 * s, col)           # body
    if fluffy:
        for i in range(12):
            a = 2 * math.pi * i / 12
            c.circle(cx + 1.05 * s * math.cos(a), cy - 0.1 * s + 0.95 * s * math.sin(a), 0.42 * s, col)
    c.ellipse(cx - 0.9 * s, cy - 0.9 * s, 1.8 * s, 1.6 * s, col)            # head
    c.ellipse(cx - 1.15 * s, cy - 0.8 * s, 0.55 * s, 1.1 * s, earc)         # ears
    c.ellipse(cx + 0.6 * s, cy - 0.8 * s, 0.55 * s, 1.1 * s, earc)
    c.ellipse(cx - 0.45 * s, cy - 0.05 * s, 0.9 * s, 0.6 * s, rgb("#f2dfc4"))   # muzzle
    c.circle(cx, cy + 0.02 * s, 0.16 * s, rgb("#2b211c"))
    c.circle(cx - 0.35 * s, cy - 0.35 * s, 0.1 * s, rgb("#2b211c"))
    c.circle(cx + 0.35 * s, cy - 0.35 * s, 0.1 * s, rgb("#2b211c"))
    c.ellipse(cx - 0.12 * s, cy + 0.25 * s, 0.24 * s, 0.3 * s, rgb("#e87c8a"))  # tongue


def cat(c, cx, cy, s, colour="#f0a04b", jumper=None, fat=False):
    col = rgb(colour)
    bw = 3.0 if fat else 2.2
    c.ellipse(cx - bw / 2 * s, cy + 0.3 * s, bw * s, 1.8 * s, col)
    if jumper:
        c.ellipse(cx - bw / 2 * s, cy + 0.45 * s, bw * s, 1.4 * s, rgb(jumper))
        for i in range(4):
            c.rect(cx - bw / 2 * s + 0.3 * s + i * 0.55 * s, cy + 0.95 * s, 0.3 * s, 0.12 * s, (255, 255, 255, 200))
    c.polygon([(cx - 0.85 * s, cy - 0.4 * s), (cx - 0.7 * s, cy - 1.25 * s), (cx - 0.2 * s, cy - 0.8 * s)], col)
    c.polygon([(cx + 0.85 * s, cy - 0.4 * s), (cx + 0.7 * s, cy - 1.25 * s), (cx + 0.2 * s, cy - 0.8 * s)], col)
    c.ellipse(cx - 0.95 * s, cy - 1.0 * s, 1.9 * s, 1.55 * s, col)
    for side in (-1, 1):
        c.ellipse(cx + side * 0.38 * s - 0.12 * s, cy - 0.45 * s, 0.24 * s, 0.3 * s, rgb("#2b211c"))
        c.line([(cx + side * 0.3 * s, cy - 0.05 * s), (cx + side * 1.1 * s, cy - 0.15 * s)], rgb("#5b4636"),
               0.04 * s)
    c.polygon([(cx - 0.1 * s, cy - 0.15 * s), (cx + 0.1 * s, cy - 0.15 * s), (cx, cy - 0.03 * s)],
              rgb("#e87c8a"))


# -- places and things --------------------------------------------------------------------
def sky(c, x, y, w, h, kind):
    top, bottom = {
        "sunset": ("#6d4c9f", "#f6a356"), "day": ("#7cc4f0", "#d7eefb"), "night": ("#0b1026", "#2a2f5e"),
        "studio": ("#f1e6ee", "#c9b6c9"), "indoor": ("#efe4d2", "#d9c7ad"), "gym": ("#d6dde4", "#aab6c2"),
        "club": ("#1a0b2e", "#3b0f4f"), "stage": ("#3b0a12", "#14050a"), "snow": ("#9fd3f5", "#eaf6ff"),
    }[kind]
    c.gradient(x, y, w, h, rgb(top), rgb(bottom))


def sun_over_water(c, x, y, w, h, horizon=0.62):
    hy = y + h * horizon
    c.circle(x + w * 0.5, hy - h * 0.02, h * 0.16, rgb("#ffd37a"))
    c.gradient(x, hy, w, h - (hy - y), rgb("#e98a57"), rgb("#3d3f7a"))
    for i in range(5):
        ww = w * (0.28 - i * 0.045)
        c.rect(x + w * 0.5 - ww / 2, hy + 6 + i * h * 0.06, ww, 3, (255, 214, 140, 200), radius=1.5)


def car(c, x, y, w, colour="#111827"):
    """A side view of a car; (x, y) the top left of its body."""
    col = rgb(colour)
    h = w * 0.26
    c.polygon([(x + w * 0.22, y), (x + w * 0.32, y - h * 0.8), (x + w * 0.7, y - h * 0.8), (x + w * 0.82, y)], col)
    c.polygon([(x + w * 0.3, y - 2), (x + w * 0.36, y - h * 0.65), (x + w * 0.5, y - h * 0.65), (x + w * 0.5, y - 2)],
              rgb("#7dd3fc"))
    c.polygon([(x + w * 0.53, y - 2), (x + w * 0.53, y - h * 0.65), (x + w * 0.67, y - h * 0.65),
               (x + w * 0.76, y - 2)], rgb("#7dd3fc"))
    c.rect(x, y, w, h, col, radius=h * 0.35)
    c.rect(x + w * 0.9, y + h * 0.25, w * 0.08, h * 0.2, rgb("#fde68a"), radius=3)
    for wx in (0.2, 0.78):
        c.circle(x + w * wx, y + h, h * 0.42, rgb("#0b0b0b"))
        c.circle(x + w * wx, y + h, h * 0.2, rgb("#9ca3af"))
    c.rect(x + w * 0.06, y + h * 0.2, w * 0.8, 2.5, (255, 255, 255, 70))


def floor(c, x, y, w, h, colour):
    c.rect(x, y, w, h, rgb(colour))


def watermark(c, text, x, y, size=20, anchor="topleft", alpha=210):
    """A username stamped on a picture, white with a dark edge, like an app's repost mark."""
    c.text(text, x, y, size, (255, 255, 255, alpha), bold=True, anchor=anchor, outline=(0, 0, 0, 150),
           outline_width=1.2)


def stock_mark(c, text="stockpix", size=26, alpha=60, gap=130):
    """A faint diagonal watermark repeated over the whole picture, as stock-photo sites print."""
    layer = Canvas(c.w * 1.6, c.h * 1.6)
    for row in range(int(layer.h // 60) + 1):
        for col in range(int(layer.w // gap) + 1):
            layer.text(text, col * gap + (row % 2) * gap / 2, row * 60, size, (255, 255, 255, alpha), bold=True)
    c.paste_rotated(layer, c.w / 2, c.h / 2, 25)


def softbox(c, x, y, w, h):
    """The bright, even light of a photo studio: a glow behind the subject."""
    c.glow(lambda g, col: g.ellipse(x, y, w, h, col), (255, 255, 255, 255), 30, alpha=150)


def blur_all(c, radius):
    c.surf = blurred(c.surf, radius)


def seeded(name):
    return random.Random(sum(ord(ch) * (i + 1) for i, ch in enumerate(name)))


__all__ = ["Canvas", "mix", "rgb", "person", "dog", "cat", "sky", "sun_over_water", "car", "floor", "watermark",
           "stock_mark", "softbox", "blur_all", "seeded", "darker", "SKIN", "HAIR"]
