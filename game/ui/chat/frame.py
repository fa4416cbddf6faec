"""Where the chat app sits in the window: a phone, a game overlay, or the whole window.

``plan_frame(size, skin, px)`` is a pure function of the window size, the
skin and the length scale (``theme.px``): the tests measure it without
drawing.

* ``phone``: social DMs and the swipe app on a wide window are used on a
  phone, so the chat is a phone-shaped column in the middle of the window
  with the profile as a panel beside it (as a desktop site shows the
  details of a thread). The column keeps a phone's width and upright shape
  at every size and text size where one fits (``_phone_width``), which also
  keeps lines short enough to read.
* ``overlay``: game chat is a panel over the game: a drawn scene fills the
  window, the chat panel sits on the left at a readable width, the player
  card on the right and, where the scene leaves room, the squad list.
* ``full``: small windows (and the menu skin) use the whole window; the
  profile is a side panel while it fits, else a drawer.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

PHONE_SKINS = ("social_media", "dating_app", "messenger")
OVERLAY_SKINS = ("game_chat",)

#: the narrowest window that shows a phone beside its profile (real pixels; px units when smaller)
PHONE_MIN_WINDOW = 900
PHONE_WIDTH = 480            # the phone column's width (px units), a large phone held upright
PHONE_MIN_WIDTH = 340        # the narrowest phone (px units): still about 25 characters a line
PHONE_RATIO = 1.3            # a phone is upright: at least this much taller than wide
OVERLAY_MAX_COLUMN = 680     # the game chat panel's widest (px units): lines stay readable
NARROW_CHAT = 560            # below this much room for the chat, the profile becomes a drawer
SQUAD_W = 200


@dataclass(frozen=True)
class Frame:
    mode: str                   # phone | overlay | full
    column: pygame.Rect         # the chat app: header, messages, replies
    device: pygame.Rect         # the phone's outline (phone), else the column
    profile: pygame.Rect        # side panel (wide) or drawer width at the right edge (narrow; y set by layout)
    squad: pygame.Rect          # the squad list of a game chat (w == 0: none)
    wide: bool                  # True: the profile is a side panel; False: a drawer
    header_spans_window: bool   # full mode: the header runs over the profile panel too
    chrome: pygame.Rect         # free space at the top left for the game's own Pause button (w == 0: none)


def _panel_width(w: int, px: Callable[[float], int]) -> int:
    return max(px(250), min(px(320), w // 4))


def _drawer(w: int, h: int, px: Callable[[float], int]) -> pygame.Rect:
    dw = min(w - px(40), px(340))
    return pygame.Rect(w - dw, 0, dw, h)


def _phone_width(size: tuple[int, int], pw: int, px: Callable[[float], int]) -> tuple[int, int, int] | None:
    """(phone width, gap, top margin) of the phone column, or None where no phone fits.

    The phone is upright (PHONE_RATIO) and at most PHONE_WIDTH wide; bigger text makes it wider in
    pixels (the same characters a line), so at Large and Extra large it keeps its shape while an
    upright phone at least PHONE_MIN_WIDTH wide still fits beside the profile panel (1920x1080 and
    1280x720 at every text size; with the projector setting, Small and Medium). Otherwise the chat takes
    the whole window: a narrower phone would hold too few words a line.
    """
    w, h = size
    if w < min(PHONE_MIN_WINDOW, px(PHONE_MIN_WINDOW)):    # Small text keeps its phone down to 765 px
        return None
    gap = px(24)
    vm = px(14) if h >= px(560) else 0
    phone_w = min(px(PHONE_WIDTH), w - pw - 3 * gap, int((h - 2 * vm) / PHONE_RATIO))
    return (phone_w, gap, vm) if phone_w >= px(PHONE_MIN_WIDTH) else None


def plan_frame(size: tuple[int, int], skin: str, px: Callable[[float], int]) -> Frame:
    w, h = size
    pw = _panel_width(w, px)
    none = pygame.Rect(0, 0, 0, 0)
    phone = _phone_width(size, pw, px) if skin in PHONE_SKINS else None
    if phone is not None:
        phone_w, gap, vm = phone
        pair = phone_w + gap + pw
        x0 = (w - pair) // 2
        if x0 < px(150) <= w - pair - px(12):    # big text: move right, to keep the Pause button outside
            x0 = px(150)
        device = pygame.Rect(x0, vm, phone_w, h - 2 * vm)
        bezel = px(9)
        column = device.inflate(-2 * bezel, -2 * bezel)
        profile = pygame.Rect(device.right + gap, device.y, pw, device.h)
        chrome = pygame.Rect(px(12), px(12), max(0, x0 - px(24)), px(60)) if x0 >= px(150) else none
        return Frame("phone", column, device, profile, none, True, False, chrome)
    if skin in OVERLAY_SKINS:
        m = px(12) if w >= px(900) else 0
        wide = w - pw - 3 * m >= px(NARROW_CHAT)
        if not wide:
            column = pygame.Rect(m, m, w - 2 * m, h - 2 * m)
            return Frame("overlay", column, column, _drawer(w, h, px), none, False, False, none)
        col_w = min(px(OVERLAY_MAX_COLUMN), w - pw - 3 * m)
        column = pygame.Rect(m, m, col_w, h - 2 * m)
        profile = pygame.Rect(w - m - pw, m, pw, h - 2 * m)
        room = profile.x - column.right - 2 * m
        squad = pygame.Rect(column.right + m, m, min(px(SQUAD_W + 40), room), h - 2 * m) \
            if room >= px(SQUAD_W) else none
        return Frame("overlay", column, column, profile, squad, True, False, none)
    wide = w - pw >= px(NARROW_CHAT)
    column = pygame.Rect(0, 0, w - pw if wide else w, h)
    profile = pygame.Rect(w - pw, 0, pw, h) if wide else _drawer(w, h, px)
    return Frame("full", column, column, profile, none, wide, True, none)
