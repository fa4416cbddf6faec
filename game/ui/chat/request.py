"""The message request card: who wants to message you, before their first DM.

While a request waits (``ChatView.request_pending``) the reply area is a card
as social apps show a request: "Message request", the stranger's avatar and
name with the first line of their profile, "You don't follow each other.",
Accept and Decline side by side (keys 1 and 2, the chat screen's reply
buttons) and a line on what declining does. The words are the chat view's
(``request_words``). When the reply area is short (800x600 with Extra large
text) the card drops its parts from the least needed: the heading, then the
context line, then the avatar row, then its frame; the buttons and the
decline line always show (then the messages keep room for one, not two).

``plan(chat, x, y, w, room)`` lays the card out in the reply area (and places
the two buttons); ``draw(chat, surface, card)`` draws everything but the
buttons, which the painter draws as every reply button.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from ..widgets import draw_round_rect

PARTS = ("heading", "context", "who")   # dropped in this order when the card does not fit


@dataclass
class RequestCard:
    rect: pygame.Rect
    parts: tuple[str, ...]                         # which optional parts show
    flat: bool = False                             # drawn without its frame (a very short reply area)
    rows: dict[str, pygame.Rect] = field(default_factory=dict)   # where each part is drawn


def _avatar(chat: Any) -> int:
    return chat.theme.px(48)


def _part_heights(chat: Any) -> dict[str, int]:
    t, kit = chat.theme, chat.kit
    gap = t.px(6)
    return {
        "heading": kit.line_height("small_bold") + gap,
        "who": max(_avatar(chat), kit.line_height("body_bold") + kit.line_height("small")) + t.px(10),
        "context": kit.line_height("small") + gap,
    }


def _buttons_row(chat: Any, w: int) -> tuple[bool, int]:
    """(side by side?, the row's height) for Accept and Decline in a card ``w`` wide."""
    t, kit = chat.theme, chat.kit
    gap = t.px(10)
    half = (w - gap) // 2
    sizes = [b.preferred_size(kit, t) for b in chat.choice_buttons]
    h = max(max(s[1] for s in sizes), t.px(48))
    if all(s[0] <= half for s in sizes):
        return True, h
    return False, 2 * h + t.px(8)


def _note_height(chat: Any, w: int) -> int:
    """What declining does is never cut: it wraps."""
    words = chat.view.request_words()
    return len(chat.kit.wrap(words["decline_note"], "small", w)) * chat.kit.line_height("small") + chat.theme.px(6)


def is_request(buttons: list[Any]) -> bool:
    """The reply buttons are the request's Accept and Decline."""
    return [b.ident for b in buttons[:2]] == ["accept", "decline"]


def plan(chat: Any, x: int, y: int, w: int, room: int) -> RequestCard:
    """The card in the reply area from (x, y), ``w`` wide, at most ``room`` tall (what fits)."""
    t = chat.theme
    pad = t.px(12)
    inner = w - 2 * pad
    side, row_h = _buttons_row(chat, inner)
    note_h = _note_height(chat, inner)
    heights = _part_heights(chat)
    parts = list(PARTS)
    base = 2 * pad + row_h + t.px(8) + note_h

    def total(ps: list[str]) -> int:
        return base + sum(heights[p] for p in ps)

    while parts and total(parts) > room:
        parts.pop(0)
    flat = not parts and total(parts) > room
    if flat:      # not even the frame fits: the buttons and the line, without the card around them
        base -= 2 * pad - 2 * t.px(2)
        pad = t.px(2)
        inner = w - 2 * pad
    card = RequestCard(pygame.Rect(x, y, w, total(parts)), tuple(parts), flat)
    cy = y + pad
    for name in ("heading", "who", "context"):
        if name in parts:
            card.rows[name] = pygame.Rect(x + pad, cy, inner, heights[name])
            cy += heights[name]
    accept, decline = chat.choice_buttons[:2]
    bh = row_h if side else (row_h - t.px(8)) // 2
    if side:
        half = (inner - t.px(10)) // 2
        accept.rect = pygame.Rect(x + pad, cy, half, bh)
        decline.rect = pygame.Rect(x + w - pad - half, cy, half, bh)
    else:
        accept.rect = pygame.Rect(x + pad, cy, inner, bh)
        decline.rect = pygame.Rect(x + pad, cy + bh + t.px(8), inner, bh)
    cy += row_h + t.px(8)
    card.rows["note"] = pygame.Rect(x + pad, cy, inner, note_h)
    return card


def draw(chat: Any, surface: pygame.Surface, card: RequestCard) -> None:
    """The card's text and avatar (the buttons are drawn by the painter)."""
    t, kit = chat.theme, chat.kit
    p = t.p
    words = chat.view.request_words()
    if not card.flat:
        draw_round_rect(surface, p.surface_alt, card.rect.inflate(-t.px(4), -t.px(4)), t.shape.panel_radius,
                        t.border_width, p.border)
    rows = card.rows
    if "heading" in rows:
        r = rows["heading"]
        surface.blit(kit.render_line(words["eyebrow"], "small_bold", p.text if t.high_contrast else p.accent),
                     (r.x, r.y))
    if "who" in rows:
        r = rows["who"]
        av = _avatar(chat)
        surface.blit(chat.avatars.get(chat.stranger_name, av, chat.stranger_picture, "circle"),
                     (r.x, r.y + (r.h - av) // 2 - t.px(4)))
        tx = r.x + av + t.px(12)
        tw = r.right - tx
        name = kit.render_line(kit.ellipsize(chat.stranger_name, "body_bold", tw), "body_bold", p.text)
        line = chat.view.request_profile_line()
        top = r.y + (r.h - t.px(10) - name.get_height() - (kit.line_height("small") if line else 0)) // 2
        surface.blit(name, (tx, top))
        if line:
            surface.blit(kit.render_line(kit.ellipsize(line, "small", tw), "small", p.text_dim),
                         (tx, top + name.get_height()))
    if "context" in rows:
        r = rows["context"]
        surface.blit(kit.render_line(kit.ellipsize(words["context"], "small", r.w), "small", p.text), (r.x, r.y))
    r = rows["note"]
    surface.blit(kit.render_block(words["decline_note"], "small", p.text_dim, r.w), (r.x, r.y + t.px(4)))
