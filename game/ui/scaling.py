"""How big the window draws: the text-size setting times the window's own scale.

The layout was designed for a 1280x720 window. A bigger window (a 1080p
monitor, a projector) scales every font and ``theme.px`` length with it, so
body text is about 28 px at 1920x1080 in the default text size instead of
staying 19 px in a sea of space; a smaller window never shrinks below the
setting. The projector setting multiplies on top, for the back of a
classroom. A cap keeps one line of body text at most a twentieth of the
window's height, so Extra large + projector on a small screen still lays
out. The class projector window (``game.ui.projector``) draws its text at
``projector_window_scale``: the same projector text as the setting's at
1920x1080, following its own layout, which scales with the window from
1920x1080. (The text size of Settings is not applied there: the projector's
screens are laid out for this one size of text.) Pure functions: the tests
measure them without a window.
"""
from __future__ import annotations

BASE_SIZE = (1280, 720)     # the window the layout was drawn for (scale 1.0)
PROJECTOR_FACTOR = 1.47     # the projector setting: about 42 px body text at 1080p, as the class projector
PROJECTOR_BASE = (1920, 1080)   # the class projector window's layout was drawn for this size
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


def projector_window_scale(size: tuple[int, int]) -> float:
    """The text scale of the class projector window: the projector setting's text at 1920x1080
    (``effective_scale(Medium, 1920x1080, projector=True)``, about 42 px body), in proportion to
    the window elsewhere (its layout is drawn for 1920x1080 and scales the same way)."""
    w, h = size
    fit = min(w / PROJECTOR_BASE[0], h / PROJECTOR_BASE[1])
    return round(effective_scale(1.0, PROJECTOR_BASE, projector=True) * fit, 4)
