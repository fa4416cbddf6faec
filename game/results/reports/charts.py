"""Inline SVG charts for the HTML report: no scripts, no fonts, no network.

Each function returns one ``<svg>`` element as a string, sized in CSS pixels
and scaling to the page width. Every figure also carries its numbers as text
(labels beside the bars), so nothing depends on telling colours apart, and
each has a ``<title>`` for screen readers. Colours are from the Okabe-Ito
palette, which stays distinguishable with colour-blindness and in greyscale
print.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

LOW, MID, HIGH = "#d55e00", "#e69f00", "#0072b2"
GREY, INK, TRACK = "#6b6b6b", "#1b1b1b", "#ececec"


def share_colour(value: float | None, *, good_high: bool = True) -> str:
    """Colour for a share: orange when low (or high, if high is bad), blue when good."""
    if value is None:
        return GREY
    v = value if good_high else 1.0 - value
    return HIGH if v >= 0.7 else MID if v >= 0.4 else LOW


def pct(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 13,
          weight: str = "normal", fill: str = INK) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>')


def hbars(rows: Sequence[tuple[str, float | None, str]], *, title: str,
          label_w: int = 230, bar_w: int = 380, note_w: int = 150, row_h: int = 26,
          good_high: bool = True, colour: str | None = None) -> str:
    """Horizontal bars of shares (0..1): (label, share, note) per row."""
    width = label_w + bar_w + note_w
    height = row_h * len(rows) + 24
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for frac in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + frac * bar_w
        dash = "" if frac in (0.0, 1.0) else ' stroke-dasharray="2 3"'
        out.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 18}" stroke="#d0d0d0" '
                   f'stroke-width="1"{dash}/>')
        out.append(_text(x, height - 4, pct(frac), anchor="middle", size=11, fill=GREY))
    for i, (label, value, note) in enumerate(rows):
        y = 4 + i * row_h
        out.append(_text(label_w - 8, y + row_h * 0.62, label, anchor="end"))
        out.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="{row_h - 10}" fill="{TRACK}"/>')
        if value is not None:
            w = max(0.0, min(1.0, value)) * bar_w
            fill = colour or share_colour(value, good_high=good_high)
            out.append(f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 10}" fill="{fill}"/>')
        out.append(_text(label_w + bar_w + 8, y + row_h * 0.62,
                         pct(value) + (f"  {note}" if note else ""), size=12,
                         weight="bold" if value is not None else "normal"))
    out.append("</svg>")
    return "".join(out)


def score_parts(parts: Sequence[tuple[str, float | None, str]], *, title: str) -> str:
    """The three score parts (and total) as thick bars with big numbers."""
    return hbars(parts, title=title, label_w=160, bar_w=420, note_w=200, row_h=34)


def discernment_map(points: Sequence[tuple[str, float, float]], *, title: str,
                    highlight: tuple[str, float, float] | None = None,
                    width: int = 640, height: int = 360) -> str:
    """Players placed by criterion c (x) and sensitivity d' (y).

    Left means "flags a lot", right "flags little"; up means "tells warning
    signs from normal talk". ``highlight`` (the class as a whole) is drawn as
    a larger square. Labels that would overlap another are left out (the
    table beside the chart lists everyone).
    """
    pad_l, pad_r, pad_t, pad_b = 52, 16, 28, 44
    xs = [p[1] for p in points] + ([highlight[1]] if highlight else [])
    ys = [p[2] for p in points] + ([highlight[2]] if highlight else [])
    x_lim = max([1.5] + [abs(x) + 0.25 for x in xs])
    y_lo = min([0.0] + [y - 0.25 for y in ys])
    y_hi = max([3.0] + [y + 0.25 for y in ys])
    pw, ph = width - pad_l - pad_r, height - pad_t - pad_b

    def px(c: float) -> float:
        return pad_l + (c + x_lim) / (2 * x_lim) * pw

    def py(d: float) -> float:
        return pad_t + (y_hi - d) / (y_hi - y_lo) * ph

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
           f'<rect x="{pad_l}" y="{pad_t}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#bbb"/>']
    # The useful band: telling apart reasonably well (d' >= 1).
    if y_hi > 1.0:
        top = py(y_hi)
        band_h = py(max(1.0, y_lo)) - top
        out.append(f'<rect x="{pad_l}" y="{top:.1f}" width="{pw}" height="{band_h:.1f}" fill="#e8f1f8"/>')
    out.append(f'<line x1="{px(0):.1f}" y1="{pad_t}" x2="{px(0):.1f}" y2="{pad_t + ph}" '
               'stroke="#888" stroke-dasharray="4 3"/>')
    if y_lo < 0 < y_hi:
        out.append(f'<line x1="{pad_l}" y1="{py(0):.1f}" x2="{pad_l + pw}" y2="{py(0):.1f}" stroke="#888"/>')
    tick = 0.0
    while tick <= y_hi:
        if tick >= y_lo:
            out.append(_text(pad_l - 6, py(tick) + 4, f"{tick:g}", anchor="end", size=11, fill=GREY))
        tick += 1.0
    out.append(_text(pad_l + 4, pad_t - 10, "← flags a lot (safe messages too)", size=12, fill=GREY))
    out.append(_text(pad_l + pw - 4, pad_t - 10, "flags little (misses signs) →", anchor="end", size=12, fill=GREY))
    out.append(_text(pad_l + pw / 2, height - 10, "flagging habit (c)", anchor="middle", size=12, fill=GREY))
    out.append(f'<text transform="translate(14 {pad_t + ph / 2:.1f}) rotate(-90)" font-size="12" '
               f'text-anchor="middle" fill="{GREY}">tells signs apart (d′)</text>')
    placed: list[tuple[float, float, float, float]] = []

    def free(box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        if x0 < pad_l or x1 > pad_l + pw or y0 < pad_t or y1 > pad_t + ph:
            return False
        return all(x1 < a or x0 > c or y1 < b or y0 > d for a, b, c, d in placed)

    for _name, c, d in sorted(points, key=lambda p: (-p[2], p[1])):
        x, y = px(c), py(d)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{HIGH}" fill-opacity="0.75" stroke="#fff"/>')
        placed.append((x - 5, y - 5, x + 5, y + 5))
    for name, c, d in sorted(points, key=lambda p: (-p[2], p[1])):
        x, y = px(c), py(d)
        w = 7.0 * len(name) + 4
        for bx, by, anchor in ((x + 8, y + 4, "start"), (x - 8, y + 4, "end"),
                               (x, y - 9, "middle"), (x, y + 17, "middle")):
            x0 = bx if anchor == "start" else bx - w if anchor == "end" else bx - w / 2
            box = (x0, by - 11, x0 + w, by + 2)
            if free(box):
                placed.append(box)
                out.append(_text(bx, by, name, anchor=anchor, size=11))
                break
    if highlight:
        name, c, d = highlight
        x, y = px(c), py(d)
        out.append(f'<rect x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14" fill="{LOW}" stroke="#fff"/>')
        out.append(_text(x + 10, y - 8, name, size=12, weight="bold", fill=LOW))
    out.append("</svg>")
    return "".join(out)


def mini_bar(value: float | None, *, width: int = 80, good_high: bool = True) -> str:
    """A small inline bar for a share inside a table cell."""
    if value is None:
        return '<span class="na">–</span>'
    w = max(0.0, min(1.0, value)) * width
    return (f'<svg class="mini" viewBox="0 0 {width} 10" width="{width}" height="10" aria-hidden="true">'
            f'<rect width="{width}" height="10" fill="{TRACK}"/>'
            f'<rect width="{w:.1f}" height="10" fill="{share_colour(value, good_high=good_high)}"/></svg>')
