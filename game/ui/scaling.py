"""How big the window draws: the text-size setting times the window's own scale.

The layout was designed for a 1280x720 window. A bigger window (a 1080p
monitor, a projector) scales every font and ``theme.px`` length with it, so
body text is about 28 px at 1920x1080 in the default text size instead of
staying 19 px in a sea of space; a smaller window never shrinks below the
setting. The projector setting multiplies on top, for the back of a
classroom. A cap keeps one line of body text at most a twentieth of the
window's height, so Extra large + projector on a small screen still lays
out. Pure functions: the tests measure them without a window.
"""
from __future__ import annotations

BASE_SIZE = (1280, 720)     # the window the layout was drawn for (scale 1.0)
PROJECTOR_FACTOR = 1.35     # the projector setting: about 38 px body text at 1080p
BODY_PX = 19                # game.ui.text.STYLES["body"] at scale 1.0
MIN_LINES_PER_HEIGHT = 20   # body text is never taller than 1/20 of the window


def window_factor(size: tuple[int, int]) -> float:
    """How much bigger than the 1280x720 design the window is (never below 1)."""
    w, h = size
    return max(1.0, min(w / BASE_SIZE[0], h / BASE_SIZE[1]))


def effective_scale(text_scale: float, size: tuple[int, int], projector: bool = False) -> float:
    """The scale fonts and lengths are drawn at for a text-size factor in a window of ``size``."""
    scale = text_scale * window_factor(size) * (PROJECTOR_FACTOR if projector else 1.0)
    cap = max(text_scale, size[1] / (BODY_PX * MIN_LINES_PER_HEIGHT))
    return round(min(scale, cap), 4)


def body_px(scale: float) -> int:
    """The pixel size of body text at ``scale`` (as game.ui.text.TextKit computes it)."""
    return max(8, int(round(BODY_PX * scale)))
