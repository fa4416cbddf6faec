"""Colours and sizes.

One palette per *skin*: ``menu`` for the game's own screens and one per
platform of scenario-format.md (``game_chat``, ``social_media``,
``dating_app``), plus ``messenger`` (the private app a node can move the
chat to), each in a normal and a high-contrast version.

Colour-blind safety: nothing in the game is told apart by red against green.
Flags are drawn with a pennant marker *and* the word "Flagged"; the flag
colour (vermillion, from the Okabe-Ito palette) is only a third cue.
Focus is a thick ring in a colour that contrasts with every surface.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

Color = tuple[int, int, int]


def hex_color(value: str) -> Color:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@dataclass(frozen=True)
class Palette:
    bg: Color                 # window background
    surface: Color            # panels, header, composer bar
    surface_alt: Color        # side panels, cards
    border: Color
    text: Color
    text_dim: Color           # timestamps, captions (still >= 4.5:1 on bg)
    accent: Color             # the skin's brand-free accent
    accent_text: Color        # text on accent
    bubble_in: Color          # stranger bubble
    bubble_in_text: Color
    bubble_out: Color         # player bubble
    bubble_out_text: Color
    notice_bg: Color          # system notices
    notice_text: Color
    link: Color
    flag: Color               # flag marker (always with shape + label)
    flag_text: Color          # text drawn on the flag colour
    focus: Color              # keyboard focus ring
    danger: Color             # Block / Report buttons (always labelled)
    danger_text: Color
    button: Color
    button_text: Color
    button_hover: Color
    overlay: tuple[int, int, int, int]   # dimming behind dialogs (RGBA)
    shadow: tuple[int, int, int, int]
    online: Color             # presence dot (also labelled in text)
    dark: bool                # True for dark skins (image borders, icons)


_H = hex_color

PALETTES: dict[str, Palette] = {
    "menu": Palette(
        bg=_H("#14182b"), surface=_H("#1d2340"), surface_alt=_H("#252c4f"), border=_H("#3a4372"),
        text=_H("#f2f4ff"), text_dim=_H("#b4bbe0"), accent=_H("#56b4e9"), accent_text=_H("#0b1020"),
        bubble_in=_H("#2a3258"), bubble_in_text=_H("#f2f4ff"), bubble_out=_H("#56b4e9"),
        bubble_out_text=_H("#0b1020"), notice_bg=_H("#252c4f"), notice_text=_H("#dfe3ff"),
        link=_H("#8fd3ff"), flag=_H("#e8743b"), flag_text=_H("#140a04"), focus=_H("#ffd23f"),
        danger=_H("#b4450a"), danger_text=_H("#ffffff"), button=_H("#2e3866"), button_text=_H("#f2f4ff"),
        button_hover=_H("#3b4780"), overlay=(6, 8, 18, 200), shadow=(0, 0, 0, 90), online=_H("#3fd0a0"),
        dark=True,
    ),
    # A game lobby / voice overlay: near-black, hard edges, cyan HUD accents.
    "game_chat": Palette(
        bg=_H("#0d1117"), surface=_H("#151b24"), surface_alt=_H("#1a222e"), border=_H("#2b3a4d"),
        text=_H("#e8eef6"), text_dim=_H("#98a8bd"), accent=_H("#2fd4e8"), accent_text=_H("#04141a"),
        bubble_in=_H("#1c2533"), bubble_in_text=_H("#e8eef6"), bubble_out=_H("#17414d"),
        bubble_out_text=_H("#e9fbff"), notice_bg=_H("#2a2410"), notice_text=_H("#ffe08a"),
        link=_H("#7fe3ff"), flag=_H("#ff8a3d"), flag_text=_H("#160800"), focus=_H("#ffd23f"),
        danger=_H("#c8501a"), danger_text=_H("#ffffff"), button=_H("#1f2a38"), button_text=_H("#e8eef6"),
        button_hover=_H("#2a394c"), overlay=(3, 6, 10, 205), shadow=(0, 0, 0, 110), online=_H("#3fd0a0"),
        dark=True,
    ),
    # A direct-message thread: light, airy, rounded, blue-violet accent.
    "social_media": Palette(
        bg=_H("#ffffff"), surface=_H("#f6f7fb"), surface_alt=_H("#f0f2f8"), border=_H("#dde1ec"),
        text=_H("#151826"), text_dim=_H("#5b6275"), accent=_H("#5b4ee6"), accent_text=_H("#ffffff"),
        bubble_in=_H("#eef0f5"), bubble_in_text=_H("#151826"), bubble_out=_H("#5b4ee6"),
        bubble_out_text=_H("#ffffff"), notice_bg=_H("#fff4d6"), notice_text=_H("#4a3800"),
        link=_H("#2446c7"), flag=_H("#b84a00"), flag_text=_H("#ffffff"), focus=_H("#0b57d0"),
        danger=_H("#b4450a"), danger_text=_H("#ffffff"), button=_H("#eceaff"), button_text=_H("#2d2391"),
        button_hover=_H("#dcd8ff"), overlay=(20, 22, 35, 170), shadow=(30, 30, 60, 40), online=_H("#1f9d6b"),
        dark=False,
    ),
    # A match chat: warm cream, coral accent, a profile card.
    "dating_app": Palette(
        bg=_H("#fff8f3"), surface=_H("#ffffff"), surface_alt=_H("#fff0e8"), border=_H("#f0d9cc"),
        text=_H("#2a1b1f"), text_dim=_H("#6e5660"), accent=_H("#c4335d"), accent_text=_H("#ffffff"),
        bubble_in=_H("#ffffff"), bubble_in_text=_H("#2a1b1f"), bubble_out=_H("#c4335d"),
        bubble_out_text=_H("#ffffff"), notice_bg=_H("#f6e7ff"), notice_text=_H("#3e1f57"),
        link=_H("#1f4fbf"), flag=_H("#c05000"), flag_text=_H("#ffffff"), focus=_H("#1a56db"),
        danger=_H("#a8420c"), danger_text=_H("#ffffff"), button=_H("#ffe3ea"), button_text=_H("#7d1d3c"),
        button_hover=_H("#ffd1dc"), overlay=(40, 20, 28, 165), shadow=(90, 40, 50, 45), online=_H("#1f9d6b"),
        dark=False,
    ),
    # A private messenger with disappearing messages (where a stranger moves the chat): graphite, mint.
    "messenger": Palette(
        bg=_H("#101418"), surface=_H("#171c21"), surface_alt=_H("#1d242a"), border=_H("#2f3a44"),
        text=_H("#e9eef2"), text_dim=_H("#a3b3bf"), accent=_H("#3ddc97"), accent_text=_H("#06140d"),
        bubble_in=_H("#232b32"), bubble_in_text=_H("#e9eef2"), bubble_out=_H("#1b6a50"),
        bubble_out_text=_H("#ffffff"), notice_bg=_H("#2a2414"), notice_text=_H("#ffe3a3"),
        link=_H("#8fd3ff"), flag=_H("#ff8a3d"), flag_text=_H("#160800"), focus=_H("#ffd23f"),
        danger=_H("#c8501a"), danger_text=_H("#ffffff"), button=_H("#222a31"), button_text=_H("#e9eef2"),
        button_hover=_H("#2c363f"), overlay=(3, 6, 10, 205), shadow=(0, 0, 0, 110), online=_H("#3ddc97"),
        dark=True,
    ),
}

# High contrast: white on black, yellow focus, thick borders, for every skin.
# The skins stay recognisable by layout (HUD / thread / profile card).
_HC = Palette(
    bg=(0, 0, 0), surface=(0, 0, 0), surface_alt=(12, 12, 12), border=(255, 255, 255),
    text=(255, 255, 255), text_dim=(235, 235, 235), accent=(255, 230, 0), accent_text=(0, 0, 0),
    bubble_in=(0, 0, 0), bubble_in_text=(255, 255, 255), bubble_out=(30, 30, 30), bubble_out_text=(255, 255, 255),
    notice_bg=(0, 0, 0), notice_text=(255, 255, 255), link=(120, 220, 255), flag=(255, 160, 60),
    flag_text=(0, 0, 0), focus=(255, 230, 0), danger=(0, 0, 0), danger_text=(255, 255, 255),
    button=(0, 0, 0), button_text=(255, 255, 255), button_hover=(40, 40, 40), overlay=(0, 0, 0, 225),
    shadow=(0, 0, 0, 0), online=(120, 255, 200), dark=True,
)
HIGH_CONTRAST: dict[str, Palette] = {name: _HC for name in PALETTES}
HIGH_CONTRAST["game_chat"] = replace(_HC, accent=(0, 255, 255))
HIGH_CONTRAST["dating_app"] = replace(_HC, accent=(255, 170, 220))


@dataclass(frozen=True)
class SkinShape:
    """Per-skin geometry: what makes each platform recognisable at a glance."""

    bubble_radius: int
    button_radius: int
    panel_radius: int
    bubble_tail: bool
    uppercase_labels: bool
    label: str  # shown in the header as the fictional platform's kind


SHAPES: dict[str, SkinShape] = {
    "menu": SkinShape(12, 10, 14, False, False, "Red Flags"),
    "game_chat": SkinShape(4, 3, 4, False, True, "Squad chat"),
    "social_media": SkinShape(20, 22, 16, True, False, "Messages"),
    "dating_app": SkinShape(18, 24, 22, True, False, "Your match"),
    "messenger": SkinShape(16, 18, 14, True, False, "Private chat"),
}


class Theme:
    """The active colours and sizes.

    ``theme.p`` is the palette, ``theme.shape`` the skin geometry,
    ``theme.px(n)`` scales a length by the text size setting (layout spacing
    grows with the text so large text never gets clipped).
    """

    def __init__(self, skin: str = "menu", high_contrast: bool = False, scale: float = 1.0):
        if skin not in PALETTES:
            skin = "menu"
        self.skin = skin
        self.high_contrast = high_contrast
        self.scale = scale
        self.p: Palette = (HIGH_CONTRAST if high_contrast else PALETTES)[skin]
        self.shape: SkinShape = SHAPES[skin]

    def with_skin(self, skin: str) -> Theme:
        return Theme(skin, self.high_contrast, self.scale)

    def px(self, n: float) -> int:
        return max(1, int(round(n * self.scale)))

    @property
    def border_width(self) -> int:
        return 2 if self.high_contrast else 1

    @property
    def focus_width(self) -> int:
        return 4 if self.high_contrast else 3


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG contrast ratio between two colours (used by the tests)."""

    def lum(c: Color) -> float:
        out = []
        for channel in c[:3]:
            v = channel / 255
            out.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]

    la, lb = lum(a), lum(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
