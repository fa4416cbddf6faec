"""Laying out the chat screen for a window size.

Side panels (the profile, the squad list of a game chat), the header with its
buttons (icons and labels while they fit, labels only, then a second row),
the hint strip, the reply area (choices that scroll inside it when there are
many, or the "See how you did" button) and the message view between them.
``layout_chat(chat, size)`` sets the screen's rectangles and button positions.
"""
from __future__ import annotations

from typing import Any

import pygame

from .profile import HINT


def layout_chat(chat: Any, size: tuple[int, int]) -> None:
    t, kit = chat.theme, chat.kit
    W, H = size
    pad = t.px(12)
    # side panels
    pw = max(t.px(250), min(t.px(320), W // 4))
    chat.wide = W - pw >= t.px(560)
    squad_w = t.px(200) if (chat.skin == "game_chat" and chat.wide and W - pw - t.px(200) >= t.px(620)) else 0
    if chat.wide:
        chat.profile_open = False
        chat.b_profile.kind = "normal"
    # header: identity on the left, buttons on the right (a second row when they don't fit)
    hb = chat.header_buttons
    bh = kit.line_height("body_bold") + 2 * t.px(8)
    header_h = max(t.px(64), kit.line_height("heading") + kit.line_height("small") + 2 * t.px(8))
    # the name and the status line under it ("Your match · online") both want to be read whole
    name_full = max(kit.measure(chat.view.title(), "heading"), kit.measure(chat.view.status(False), "small"))
    ident = lambda name_w: pad + t.px(44) + t.px(12) + name_w + t.px(16)  # noqa: E731

    def buttons_width() -> tuple[list[int], int]:
        ws = [b.preferred_size(kit, t)[0] for b in hb]
        return ws, sum(ws) + t.px(8) * (len(hb) - 1) + pad

    def try_layout(icons_on: bool) -> tuple[list[int], int]:
        for b in hb:
            b.icon = chat._icons[b.ident] if icons_on else None
        return buttons_width()

    # one row with icons, one row of labels, then two rows (icons if they fit)
    two_rows = False
    widths, buttons_w = try_layout(True)
    if ident(min(name_full, t.px(140))) + buttons_w > W:
        widths, buttons_w = try_layout(False)
        if ident(min(name_full, t.px(110))) + buttons_w > W:
            two_rows = True
            widths, buttons_w = try_layout(True)
            if buttons_w + pad > W:
                widths, buttons_w = try_layout(False)
    chat.r_header = pygame.Rect(0, 0, W, header_h)
    if two_rows:
        chat.r_actions = pygame.Rect(0, header_h, W, bh + 2 * t.px(8))
        top = chat.r_actions.bottom
        x = pad
        avail = W - 2 * pad - t.px(8) * (len(hb) - 1)
        scale = min(1.0, avail / max(1, sum(widths)))
        for b, w in zip(hb, widths):
            b.rect = pygame.Rect(x, chat.r_actions.y + t.px(8), int(w * scale), bh)
            x = b.rect.right + t.px(8)
    else:
        chat.r_actions = pygame.Rect(0, 0, 0, 0)
        top = header_h
        x = W - buttons_w
        for b, w in zip(hb, widths):
            b.rect = pygame.Rect(x, (header_h - bh) // 2, w, bh)
            x = b.rect.right + t.px(8)
    # hint strip
    chat_x = squad_w
    chat_w = W - squad_w - (pw if chat.wide else 0)
    if chat.hint_visible:
        hint_h = kit.render_block(HINT, "small", t.p.text, chat_w - 2 * pad - t.px(24)).get_height() + 2 * t.px(7)
        chat.r_hint = pygame.Rect(chat_x, top, chat_w, hint_h)
        top_chat = top + hint_h
    else:
        chat.r_hint = pygame.Rect(chat_x, top, chat_w, 0)
        top_chat = top
    chat.r_squad = pygame.Rect(0, top, squad_w, H - top)
    chat.r_profile = pygame.Rect(W - pw, top, pw, H - top) if chat.wide else \
        pygame.Rect(W - min(W - t.px(40), t.px(340)), top, min(W - t.px(40), t.px(340)), H - top)
    # composer: choices, the end button, or a status line
    inner_w = chat_w - 2 * pad
    gap = t.px(8)
    cy = pad
    if chat.end_button is not None:
        bw_, bhh = chat.end_button.preferred_size(kit, t)
        chat.end_button.rect = pygame.Rect(0, 0, min(inner_w, max(bw_, t.px(280))), max(bhh, t.px(52)))
        comp_h = chat.end_button.rect.h + 2 * pad
    elif chat.choice_buttons:
        sizes = [b.preferred_size(kit, t, inner_w) for b in chat.choice_buttons]
        needed = sum(max(h, t.px(48)) for _, h in sizes) + gap * (len(sizes) - 1) + 2 * pad
        comp_h = min(needed, int((H - top_chat) * 0.62))
        chat.choice_overflow = needed - comp_h     # > 0: the choices scroll inside the composer
    else:
        comp_h = kit.line_height("body") + 2 * pad
    if not chat.choice_buttons:
        chat.choice_overflow = 0
    chat.choice_scroll = max(0, min(chat.choice_scroll, chat.choice_overflow))
    chat.r_composer = pygame.Rect(chat_x, H - comp_h, chat_w, comp_h)
    if chat.end_button is not None:
        chat.end_button.rect.center = chat.r_composer.center
    elif chat.choice_buttons:
        y = chat.r_composer.y + cy - chat.choice_scroll
        for b, (_, h) in zip(chat.choice_buttons, sizes):
            b.rect = pygame.Rect(chat_x + pad, y, inner_w, max(h, t.px(48)))
            y = b.rect.bottom + gap
    chat.r_view = pygame.Rect(chat_x, top_chat, chat_w, max(t.px(60), chat.r_composer.y - top_chat))
    chat.timeline.ensure(chat.r_view.w)
    chat._clamp_scroll(stick=chat.stick_bottom)
    chat._layout_profile()
    chat._settle_scroll()
    chat.dirty = True
