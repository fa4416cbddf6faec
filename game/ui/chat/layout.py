"""Laying out the chat screen for a window size.

``chat/frame.py`` says where the chat app sits (a phone column, a game
overlay panel, or the whole window) and where the profile and squad panels
go; this module fills it: the header with the stranger's name and its
buttons (icons and labels while they fit, labels only, then a second row),
the hint strip, the reply area (choices that scroll inside it when there are
many, the message request's card (chat/request.py), or the "See how you did" button) and the message view between them.
``layout_chat(chat, size)`` sets the screen's rectangles and button positions.

Pure helpers for the tests: ``composer_height`` keeps room for at least
``MIN_MESSAGES`` messages above the replies, ``profile_label`` says how many
details the profile holds.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.play.chat_view import profile_label  # the words are shared with the browser page

from . import request
from .frame import plan_frame
from .profile import HINT

MIN_MESSAGES = 2   # the message view always has room for this many two-line messages


def composer_height(needed: int, one_reply: int, avail: int, message_h: int) -> int:
    """How tall the reply area is: all the replies if they fit, never less than one reply,
    and never so tall that fewer than MIN_MESSAGES messages of ``message_h`` fit above it."""
    room = max(one_reply, min(int(avail * 0.62), avail - MIN_MESSAGES * message_h))
    return min(needed, room)


def message_height(chat: Any) -> int:
    """A two-line stranger message with its caption: the unit of 'messages that fit'."""
    t, kit = chat.theme, chat.kit
    return 2 * kit.line_height("body") + kit.line_height("tiny") + t.px(18) + t.px(12)


def layout_chat(chat: Any, size: tuple[int, int]) -> None:
    t, kit = chat.theme, chat.kit
    W, H = size
    pad = t.px(12)
    frame = plan_frame(size, chat.skin, t.px)
    chat.frame = frame
    chat.wide = frame.wide
    if chat.wide:
        chat.profile_open = False
        chat.b_profile.kind = "normal"
    col = frame.column
    hx, hw = (0, W) if frame.header_spans_window else (col.x, col.w)
    # the game's own Pause button sits outside the phone when there is room
    pw_, ph_ = chat.b_pause.preferred_size(kit, t)
    pause_outside = frame.chrome.w >= pw_
    chat.pause_outside = pause_outside
    if pause_outside:
        chat.b_pause.icon = chat._icons["pause"]
        chat.b_pause.rect = pygame.Rect(frame.chrome.x, frame.chrome.y, pw_, ph_)
    hb = [b for b in chat.header_buttons if not (pause_outside and b is chat.b_pause)]
    bh = kit.line_height("body_bold") + 2 * t.px(8)
    header_h = max(t.px(64), kit.line_height("heading") + kit.line_height("small") + 2 * t.px(8))
    # the name and the status line under it ("Your match · online") both want to be read whole
    name_full = max(kit.measure(chat.view.title(), "heading"), kit.measure(chat.view.status(False), "small"))
    ident = lambda name_w: pad + t.px(44) + t.px(12) + name_w + t.px(16)  # noqa: E731
    details = len(chat.profile_cards)

    def buttons_width() -> tuple[list[int], int]:
        ws = [b.preferred_size(kit, t)[0] for b in hb]
        return ws, sum(ws) + t.px(8) * (len(hb) - 1) + pad

    def try_layout(icons_on: bool, short: bool = False) -> tuple[list[int], int]:
        chat.b_profile.label = profile_label(details, short)
        for b in hb:
            b.icon = chat._icons[b.ident] if icons_on else None
        return buttons_width()

    # one row with icons, one row of labels, then two rows (icons if they fit)
    two_rows = False
    widths, buttons_w = try_layout(True)
    if ident(min(name_full, t.px(140))) + buttons_w > hw:
        widths, buttons_w = try_layout(True, short=True)
        if ident(min(name_full, t.px(140))) + buttons_w > hw:
            widths, buttons_w = try_layout(False, short=True)
            if ident(min(name_full, t.px(110))) + buttons_w > hw:
                two_rows = True
                widths, buttons_w = try_layout(True)
                if buttons_w + pad > hw:
                    widths, buttons_w = try_layout(True, short=True)
                    if buttons_w + pad > hw:
                        widths, buttons_w = try_layout(False, short=True)
    chat.r_header = pygame.Rect(hx, col.y, hw, header_h)
    if two_rows:
        chat.r_actions = pygame.Rect(hx, chat.r_header.bottom, hw, bh + 2 * t.px(8))
        top = chat.r_actions.bottom
        x = hx + pad
        avail = hw - 2 * pad - t.px(8) * (len(hb) - 1)
        scale = min(1.0, avail / max(1, sum(widths)))
        for b, w in zip(hb, widths):
            b.rect = pygame.Rect(x, chat.r_actions.y + t.px(8), int(w * scale), bh)
            x = b.rect.right + t.px(8)
    else:
        chat.r_actions = pygame.Rect(hx, chat.r_header.bottom, 0, 0)
        top = chat.r_header.bottom
        x = hx + hw - buttons_w
        for b, w in zip(hb, widths):
            b.rect = pygame.Rect(x, chat.r_header.y + (header_h - bh) // 2, w, bh)
            x = b.rect.right + t.px(8)
    # hint strip
    chat_x, chat_w = col.x, col.w
    if chat.hint_visible:
        hint_h = kit.render_block(HINT, "small", t.p.text, chat_w - 2 * pad - t.px(24)).get_height() + 2 * t.px(7)
        chat.r_hint = pygame.Rect(chat_x, top, chat_w, hint_h)
        top_chat = top + hint_h
    else:
        chat.r_hint = pygame.Rect(chat_x, top, chat_w, 0)
        top_chat = top
    chat.r_squad = frame.squad
    if frame.wide:
        p = frame.profile
        chat.r_profile = pygame.Rect(p.x, top, p.w, H - top) if frame.header_spans_window else pygame.Rect(p)
    else:
        chat.r_profile = pygame.Rect(frame.profile.x, top, frame.profile.w, col.bottom - top)
    # composer: choices, the end button, or a status line
    inner_w = chat_w - 2 * pad
    gap = t.px(8)
    chat.request_card = None
    avail = col.bottom - top_chat
    needed = 0
    if chat.end_button is not None:
        bw_, bhh = chat.end_button.preferred_size(kit, t)
        chat.end_button.rect = pygame.Rect(0, 0, min(inner_w, max(bw_, t.px(280))), max(bhh, t.px(52)))
        comp_h = min(chat.end_button.rect.h + 2 * pad, avail)
    elif chat.choice_buttons and request.is_request(chat.choice_buttons):   # the message request's card
        room = composer_height(avail, t.px(48) + 2 * pad, avail, message_height(chat))
        chat.request_card = request.plan(chat, chat_x + pad, col.bottom - room, inner_w, room - 2 * pad)
        comp_h = chat.request_card.rect.h + 2 * pad
    elif chat.choice_buttons:
        sizes = [b.preferred_size(kit, t, inner_w) for b in chat.choice_buttons]
        heights = [max(h, t.px(48)) for _, h in sizes]
        needed = sum(heights) + gap * (len(sizes) - 1) + 2 * pad
        comp_h = composer_height(needed, heights[0] + 2 * pad, avail, message_height(chat))
    else:
        comp_h = kit.line_height("body") + 2 * pad
    chat.r_composer = pygame.Rect(chat_x, col.bottom - comp_h, chat_w, comp_h)
    chat.choice_scroller.set_content(needed if chat.choice_buttons else 0, chat.r_composer)
    if chat.end_button is not None:
        chat.end_button.rect.center = chat.r_composer.center
    elif chat.request_card is not None:   # placed at the composer's top now that its height is known
        chat.request_card = request.plan(chat, chat_x + pad, chat.r_composer.y + pad, inner_w, comp_h - 2 * pad)
    elif chat.choice_buttons:
        y = chat.r_composer.y + pad - chat.choice_scroller.offset
        for b, h in zip(chat.choice_buttons, heights):
            b.rect = pygame.Rect(chat_x + pad, y, inner_w, h)
            y = b.rect.bottom + gap
    chat.r_view = pygame.Rect(chat_x, top_chat, chat_w, max(t.px(60), chat.r_composer.y - top_chat))
    chat.timeline.ensure(chat.r_view.w)
    chat._clamp_scroll(stick=chat.stick_bottom)
    chat._layout_profile()
    chat._settle_scroll()
    chat.dirty = True
