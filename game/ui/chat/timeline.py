"""The message timeline: chat items, their layout and their cached surfaces.

Every item is rendered once into a tight surface (bubble, name, time, flag
badge, read receipt) and cached with a key of everything that changes its
look; drawing a frame only blits the items that intersect the viewport
(found by bisection), so a 500-message chat scrolls as fast as a short one.
Focus rings and the typing indicator are drawn live on top.
"""
from __future__ import annotations

import bisect
import time as _time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game import display_text, pictures

from ..drawing import load_checked_picture
from ..text import TextKit
from ..theme import Theme
from ..widgets import draw_round_rect, flag_badge
from . import moments
from .avatar import Avatars
from .clock import marker_wall, time_marker

STRANGER, PLAYER, SYSTEM, ENDING, INFO = "stranger", "player", "system", "ending", "info"
SWITCH, MATCH = "switch", "match"


@dataclass(eq=False)
class ChatItem:
    kind: str
    text: str
    item_id: str | None = None
    n: int | None = None          # the engine's delivery number
    t: float = 0.0                   # seconds since the start (event time)
    image: Path | None = None     # resolved picture, if any
    image_ref: str = ""              # as authored, for the placeholder
    link: str = ""
    nudge: bool = False
    title: str = ""                  # endings
    outcome: str = ""                # endings: safe | neutral | unsafe
    preview_title: str = ""          # link preview card (a message with a link)
    preview_text: str = ""
    source: Any = None               # the game.play.chat_view.ChatLine it draws
    # layout, in timeline coordinates (set by Timeline)
    y: int = 0
    h: int = 0
    x: int = 0                       # left of the cached surface
    bubble: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    link_rect: pygame.Rect | None = None
    more_steps: int = 0              # how many times "Show more" was pressed (game.display_text.cut)
    more_rect: pygame.Rect | None = None   # the "Show more" control, when the text is cut
    first_in_group: bool = True
    last_in_group: bool = True
    surf: pygame.Surface | None = None
    key: tuple | None = None

    @property
    def flaggable(self) -> bool:
        return self.kind in (STRANGER, SYSTEM) and self.item_id is not None


@dataclass
class RenderContext:
    """What the renderer needs to know beyond the item itself."""

    stranger_name: str
    player_name: str
    stranger_picture: Path | None
    is_flagged: Callable[[str], bool]
    receipt: Callable[[ChatItem], str | None]
    clock_base: float = field(default_factory=_time.time)   # wall-clock time of t = 0
    resumed_at: float | None = None      # a resumed chat: times up to this t are read from earlier_base
    earlier_base: float | None = None

    marks: list[tuple[float, float]] = field(default_factory=list)   # (t, wall time): the story's clock moved

    def wall(self, t: float) -> float:
        """The wall-clock moment of ``t`` (chat/clock.py explains the rules)."""
        for mark_t, mark_wall in reversed(self.marks):
            if mark_t <= t:
                return mark_wall + (t - mark_t)
        base = self.clock_base
        if self.resumed_at is not None and self.earlier_base is not None and t <= self.resumed_at:
            base = self.earlier_base
        return base + t

    def mark(self, t: float, wall: float) -> None:
        """From ``t`` on, the clock reads ``wall`` (a notice said what time it is now)."""
        self.marks.append((t, wall))

    def note_time(self, item: ChatItem) -> None:
        """A delivered item: a platform notice that is only a time ("Friday, 3:52 PM") sets the clock."""
        hm = time_marker(item.text) if item.kind == SYSTEM else None
        if hm is not None:
            self.mark(item.t, marker_wall(self.wall(item.t), *hm))

    def clock(self, t: float) -> str:
        return _time.strftime("%H:%M", _time.localtime(self.wall(t)))


class ItemRenderer:
    """Draws one item for a skin. ``hud`` rows for game_chat, bubbles otherwise."""

    def __init__(self, theme: Theme, kit: TextKit, avatars: Avatars, ctx: RenderContext):
        self.theme = theme
        self.kit = kit
        self.avatars = avatars
        self.ctx = ctx
        self.hud = theme.skin == "game_chat"
        self._images: dict[Path, pygame.Surface | None] = {}
        self._more_index: int | None = None

    # -- metrics ---------------------------------------------------------------
    def avatar_size(self) -> int:
        return self.theme.px(30 if self.hud else 34)

    def badge(self) -> pygame.Surface:
        return flag_badge(self.kit, self.theme, "Flagged")

    def max_text_width(self, width: int) -> int:
        t = self.theme
        gutter = self.badge().get_width() + t.px(14)
        if self.hud:
            return max(120, min(width - self.avatar_size() - t.px(24) - gutter - 2 * t.px(12), t.px(760)))
        share = 0.66 if width >= t.px(440) else 0.74   # a phone at Large / Extra large text: wider bubbles
        return max(120, min(int(width * share), width - self.avatar_size() - t.px(20) - gutter - 2 * t.px(14),
                            t.px(520)))

    def key(self, item: ChatItem, width: int) -> tuple:
        flagged = bool(item.item_id and item.flaggable and self.ctx.is_flagged(item.item_id))
        return (width, flagged, item.first_in_group, item.last_in_group,
                self.ctx.receipt(item) if item.kind == PLAYER else None, item.more_steps)

    # -- pictures --------------------------------------------------------------
    def picture(self, path: Path | None, max_w: int, max_h: int) -> pygame.Surface | None:
        if path is None:
            return None
        if path not in self._images:
            self._images[path] = load_checked_picture(path)
        img = self._images[path]
        if img is None:
            return None
        return pygame.transform.smoothscale(img, pictures.fit(*img.get_size(), max_w, max_h))

    def _placeholder(self, ref: str, max_w: int) -> pygame.Surface:
        t, kit = self.theme, self.kit
        w, h = min(max_w, t.px(220)), t.px(120)
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        draw_round_rect(s, t.p.surface_alt, s.get_rect(), t.px(8), t.border_width, t.p.border)
        # a simple landscape icon: frame, sun, hill
        cx, cy = w // 2, h // 2 - t.px(10)
        pygame.draw.rect(s, t.p.text_dim, pygame.Rect(cx - t.px(22), cy - t.px(16), t.px(44), t.px(32)), 2,
                         border_radius=3)
        pygame.draw.circle(s, t.p.text_dim, (cx - t.px(9), cy - t.px(5)), t.px(4))
        pygame.draw.polygon(s, t.p.text_dim, [(cx - t.px(20), cy + t.px(14)), (cx + t.px(2), cy - t.px(2)),
                                             (cx + t.px(20), cy + t.px(14))])
        label = kit.render_line(kit.ellipsize("Picture: " + (Path(ref).name if ref else "photo"), "tiny",
                                              w - t.px(12)), "tiny", t.p.text_dim)
        s.blit(label, ((w - label.get_width()) // 2, h - label.get_height() - t.px(8)))
        return s

    # -- rendering -------------------------------------------------------------
    def render(self, item: ChatItem, width: int) -> tuple[pygame.Surface, int, pygame.Rect, pygame.Rect | None]:
        """Returns (surface, x offset, bubble rect, link rect); rects relative to the item's (0, y)."""
        if item.kind == SYSTEM:
            return self._render_notice(item, width)
        if item.kind == ENDING:
            return self._render_ending(item, width)
        if item.kind == INFO:
            return self._render_info(item, width)
        if item.kind == SWITCH:
            return moments.render_switch(self, item, width)
        if item.kind == MATCH:
            return moments.render_match(self, item, width)
        if self.hud:
            return self._render_hud(item, width)
        return self._render_bubble(item, width)

    def _content(self, item: ChatItem, max_w: int, fg, link_color) -> tuple[list[tuple[pygame.Surface, int]], int,
                                                                            int, int | None]:
        """Text, picture and link pieces: ([(surface, y)], width, height, link piece index)."""
        t, kit = self.theme, self.kit
        pieces: list[tuple[pygame.Surface, int]] = []
        y = 0
        link_index = None
        self._more_index = None
        item.more_rect = None
        if item.text:
            shown = display_text.cut(item.text, item.more_steps)
            block = kit.render_block(shown.shown, "body", fg, max_w)
            pieces.append((block, y))
            y += block.get_height()
            if shown.is_cut:   # a very long message: the first part, and a control for the rest
                y += t.px(6)
                more = kit.render_line(kit.ellipsize(display_text.more_label(shown), "small_bold", max_w),
                                       "small_bold", link_color)
                self._more_index = len(pieces)
                pieces.append((more, y))
                y += more.get_height()
        if item.image is not None or item.image_ref:
            if pieces:
                y += t.px(8)
            pic = self.picture(item.image, max_w, t.px(220)) or self._placeholder(item.image_ref, max_w)
            pieces.append((pic, y))
            y += pic.get_height()
        if item.link:
            if pieces:
                y += t.px(8)
            chip = moments.link_preview(self, item, max_w, link_color) if item.preview_title else \
                self._link_chip(item.link, max_w, link_color)
            link_index = len(pieces)
            pieces.append((chip, y))
            y += chip.get_height()
        w = max((s.get_width() for s, _ in pieces), default=t.px(20))
        return pieces, w, y, link_index

    def _link_chip(self, link: str, max_w: int, color) -> pygame.Surface:
        t, kit = self.theme, self.kit
        pad = t.px(8)
        icon = kit.line_height("small")
        text = kit.ellipsize(link, "small_bold", max_w - 2 * pad - icon - t.px(6))
        ts = kit.render_line(text, "small_bold", color)
        h = ts.get_height() + 2 * pad - t.px(4)
        s = pygame.Surface((min(max_w, ts.get_width() + 2 * pad + icon + t.px(6)), h), pygame.SRCALPHA)
        bg = (0, 0, 0, 40) if not t.p.dark else (255, 255, 255, 28)
        pygame.draw.rect(s, bg, s.get_rect(), border_radius=t.px(6))
        pygame.draw.rect(s, color, s.get_rect(), width=1, border_radius=t.px(6))
        # chain-link icon: two rounded links
        ix, iy = pad, h // 2
        r = max(3, icon // 4)
        pygame.draw.rect(s, color, pygame.Rect(ix, iy - r, 2 * r + 2, 2 * r), 2, border_radius=r)
        pygame.draw.rect(s, color, pygame.Rect(ix + r + 2, iy - r, 2 * r + 2, 2 * r), 2, border_radius=r)
        s.blit(ts, (pad + icon + t.px(6) - t.px(4), (h - ts.get_height()) // 2))
        y_line = (h + ts.get_height()) // 2 - t.px(3)
        pygame.draw.line(s, color, (pad + icon + t.px(2), y_line), (pad + icon + t.px(2) + ts.get_width(), y_line), 1)
        return s

    def _finish(self, scratch: pygame.Surface, used: pygame.Rect, bubble: pygame.Rect,
                link: pygame.Rect | None) -> tuple[pygame.Surface, int, pygame.Rect, pygame.Rect | None]:
        # crop horizontally only, so item-relative y coordinates stay valid
        used = pygame.Rect(used.x, 0, used.w, scratch.get_height()).clip(scratch.get_rect())
        surf = scratch.subsurface(used).copy()
        return surf, used.x, bubble, link

    def _flag_decor(self, scratch: pygame.Surface, bubble: pygame.Rect, radius: int, used: pygame.Rect,
                    flagged: bool) -> pygame.Rect:
        if not flagged:
            return used
        t = self.theme
        pygame.draw.rect(scratch, t.p.flag, bubble.inflate(4, 4), width=3, border_radius=radius + 2)
        b = self.badge()
        bx = bubble.right + t.px(8)
        by = bubble.y + min(t.px(4), max(0, (bubble.h - b.get_height()) // 2))
        if bx + b.get_width() > scratch.get_width():
            bx = bubble.right - b.get_width()
            by = bubble.y - b.get_height() // 2
        scratch.blit(b, (bx, by))
        return used.union(pygame.Rect(bx, by, b.get_width(), b.get_height())).union(bubble.inflate(4, 4))

    def _render_bubble(self, item: ChatItem, width: int):
        t, kit, ctx = self.theme, self.kit, self.ctx
        mine = item.kind == PLAYER
        pad_x, pad_y = t.px(14), t.px(9)
        av = self.avatar_size()
        max_w = self.max_text_width(width)
        fg = t.p.bubble_out_text if mine else t.p.bubble_in_text
        link_color = fg if mine else t.p.link
        pieces, cw, ch, link_index = self._content(item, max_w, fg, link_color)
        caption_h = 0
        caption = None
        if item.first_in_group:
            who = ctx.player_name if mine else ctx.stranger_name
            caption = kit.render_line(f"{who} · {ctx.clock(item.t)}", "tiny", t.p.text_dim)
            caption_h = caption.get_height() + t.px(3)
        receipt = ctx.receipt(item) if mine else None
        receipt_s = kit.render_line(receipt, "tiny", t.p.text_dim) if receipt else None
        bw, bh = cw + 2 * pad_x, ch + 2 * pad_y
        total_h = caption_h + bh + (receipt_s.get_height() + t.px(3) if receipt_s else 0) + 6
        scratch = pygame.Surface((width, total_h), pygame.SRCALPHA)
        margin = t.px(10)
        if mine:
            bx = width - margin - bw
        else:
            bx = margin + av + t.px(8)
        bubble = pygame.Rect(bx, caption_h + 2, bw, bh)
        r = min(t.shape.bubble_radius, bh // 2)
        if t.shape.bubble_tail and item.last_in_group:
            radii = dict(border_bottom_right_radius=t.px(5)) if mine else dict(border_bottom_left_radius=t.px(5))
        else:
            radii = {}
        bg = t.p.bubble_out if mine else t.p.bubble_in
        pygame.draw.rect(scratch, bg, bubble, border_radius=r, **radii)
        if t.high_contrast or (not mine and t.skin == "dating_app"):
            pygame.draw.rect(scratch, t.p.border, bubble, width=t.border_width, border_radius=r, **radii)
        link_rect = None
        for i, (s, yy) in enumerate(pieces):
            scratch.blit(s, (bubble.x + pad_x, bubble.y + pad_y + yy))
            if i == link_index:
                link_rect = pygame.Rect(bubble.x + pad_x, bubble.y + pad_y + yy, s.get_width(), s.get_height())
            if i == self._more_index:
                item.more_rect = pygame.Rect(bubble.x + pad_x, bubble.y + pad_y + yy, s.get_width(), s.get_height())
        used = bubble.copy()
        if caption is not None:
            cx = bubble.right - caption.get_width() if mine else bubble.x + t.px(4)
            scratch.blit(caption, (cx, 0))
            used.union_ip(pygame.Rect(cx, 0, caption.get_width(), caption.get_height()))
        if not mine and item.last_in_group:
            a = self.avatars.get(ctx.stranger_name, av, ctx.stranger_picture, "circle")
            ay = bubble.bottom - av
            scratch.blit(a, (margin, ay))
            used.union_ip(pygame.Rect(margin, ay, av, av))
        if receipt_s is not None:
            rx = bubble.right - receipt_s.get_width()
            scratch.blit(receipt_s, (rx, bubble.bottom + t.px(3)))
            used.union_ip(pygame.Rect(rx, bubble.bottom + t.px(3), receipt_s.get_width(), receipt_s.get_height()))
        flagged = bool(item.flaggable and item.item_id and ctx.is_flagged(item.item_id))
        used = self._flag_decor(scratch, bubble, r, used, flagged)
        return self._finish(scratch, used, bubble, link_rect)

    def _render_hud(self, item: ChatItem, width: int):
        t, kit, ctx = self.theme, self.kit, self.ctx
        mine = item.kind == PLAYER
        pad_x, pad_y = t.px(12), t.px(7)
        av = self.avatar_size()
        max_w = self.max_text_width(width)
        fg = t.p.bubble_out_text if mine else t.p.bubble_in_text
        pieces, cw, ch, link_index = self._content(item, max_w, fg, t.p.link)
        name_color = t.p.online if mine else t.p.accent
        who = ctx.player_name if mine else ctx.stranger_name
        head = None
        if item.first_in_group:
            name_s = kit.render_line(who.upper() if t.shape.uppercase_labels else who, "small_bold", name_color)
            time_s = kit.render_line(ctx.clock(item.t), "tiny", t.p.text_dim)
            head = (name_s, time_s)
        head_h = (max(head[0].get_height(), head[1].get_height()) + t.px(2)) if head else 0
        receipt = ctx.receipt(item) if mine else None
        receipt_s = kit.render_line(receipt, "tiny", t.p.text_dim) if receipt else None
        inner_w = max(cw, (head[0].get_width() + t.px(10) + head[1].get_width()) if head else 0)
        if receipt_s:
            inner_w = max(inner_w, receipt_s.get_width())
        bw = inner_w + 2 * pad_x + t.px(3)
        bh = head_h + ch + 2 * pad_y + (receipt_s.get_height() + t.px(2) if receipt_s else 0)
        margin = t.px(8)
        scratch = pygame.Surface((width, bh + 6), pygame.SRCALPHA)
        x0 = margin + av + t.px(10)
        bubble = pygame.Rect(x0, 2, bw, bh)
        bg = t.p.bubble_out if mine else t.p.bubble_in
        r = t.shape.bubble_radius
        pygame.draw.rect(scratch, bg, bubble, border_radius=r)
        # the HUD accent bar on the left edge
        pygame.draw.rect(scratch, name_color, pygame.Rect(bubble.x, bubble.y, t.px(3), bubble.h),
                         border_top_left_radius=r, border_bottom_left_radius=r)
        if t.high_contrast:
            pygame.draw.rect(scratch, t.p.border, bubble, width=t.border_width, border_radius=r)
        tx = bubble.x + pad_x + t.px(3)
        ty = bubble.y + pad_y
        if head:
            scratch.blit(head[0], (tx, ty))
            scratch.blit(head[1], (tx + head[0].get_width() + t.px(10),
                                   ty + head[0].get_height() - head[1].get_height()))
            ty += head_h
        link_rect = None
        for i, (s, yy) in enumerate(pieces):
            scratch.blit(s, (tx, ty + yy))
            if i == link_index:
                link_rect = pygame.Rect(tx, ty + yy, s.get_width(), s.get_height())
            if i == self._more_index:
                item.more_rect = pygame.Rect(tx, ty + yy, s.get_width(), s.get_height())
        if receipt_s:
            scratch.blit(receipt_s, (bubble.right - pad_x - receipt_s.get_width(), ty + ch + t.px(2)))
        used = bubble.copy()
        if item.first_in_group:
            a = self.avatars.get(ctx.player_name if mine else ctx.stranger_name, av,
                                 None if mine else ctx.stranger_picture, "square",
                                 avoid=ctx.stranger_name if mine else None)
            scratch.blit(a, (margin, bubble.y))
            used.union_ip(pygame.Rect(margin, bubble.y, av, av))
        flagged = bool(item.flaggable and item.item_id and ctx.is_flagged(item.item_id))
        used = self._flag_decor(scratch, bubble, r, used, flagged)
        return self._finish(scratch, used, bubble, link_rect)

    def _render_notice(self, item: ChatItem, width: int):
        t, kit, ctx = self.theme, self.kit, self.ctx
        pad_x, pad_y = t.px(16), t.px(8)
        badge_w = self.badge().get_width() + t.px(12)
        max_w = max(120, min(width - 2 * badge_w - 2 * pad_x, t.px(560)))
        icon = kit.line_height("small")
        pieces, cw, ch, link_index = self._content(item, max_w - icon - t.px(8), t.p.notice_text, t.p.link)
        time_s = kit.render_line(ctx.clock(item.t), "tiny", t.p.text_dim)
        bw = cw + icon + t.px(8) + 2 * pad_x
        bh = ch + 2 * pad_y
        scratch = pygame.Surface((width, bh + time_s.get_height() + t.px(4) + 6), pygame.SRCALPHA)
        bubble = pygame.Rect((width - bw) // 2, time_s.get_height() + t.px(4) + 2, bw, bh)
        scratch.blit(time_s, ((width - time_s.get_width()) // 2, 0))
        r = min(bh // 2, t.px(16)) if t.skin != "game_chat" else t.shape.bubble_radius
        draw_round_rect(scratch, t.p.notice_bg, bubble, r, t.border_width, t.p.border)
        # an "i" info disc marks platform notices
        cx, cy = bubble.x + pad_x + icon // 2, bubble.y + pad_y + kit.line_height("body") // 2
        pygame.draw.circle(scratch, t.p.notice_text, (cx, cy), icon // 2, 2)
        pygame.draw.line(scratch, t.p.notice_text, (cx, cy - 1), (cx, cy + icon // 4), 2)
        pygame.draw.circle(scratch, t.p.notice_text, (cx, cy - icon // 4), 1)
        link_rect = None
        for i, (s, yy) in enumerate(pieces):
            px_ = bubble.x + pad_x + icon + t.px(8)
            scratch.blit(s, (px_, bubble.y + pad_y + yy))
            if i == link_index:
                link_rect = pygame.Rect(px_, bubble.y + pad_y + yy, s.get_width(), s.get_height())
            if i == self._more_index:
                item.more_rect = pygame.Rect(px_, bubble.y + pad_y + yy, s.get_width(), s.get_height())
        used = bubble.union(pygame.Rect((width - time_s.get_width()) // 2, 0, time_s.get_width(), 1))
        flagged = bool(item.flaggable and item.item_id and ctx.is_flagged(item.item_id))
        used = self._flag_decor(scratch, bubble, r, used, flagged)
        return self._finish(scratch, used, bubble, link_rect)

    def _render_info(self, item: ChatItem, width: int):
        t, kit = self.theme, self.kit
        max_w = max(120, min(width - t.px(40), t.px(600)))
        block = kit.render_block(item.text, "small", t.p.text_dim, max_w, align="center")
        scratch = pygame.Surface((width, block.get_height() + t.px(12)), pygame.SRCALPHA)
        x = (width - block.get_width()) // 2
        scratch.blit(block, (x, t.px(6)))
        bubble = pygame.Rect(x, t.px(6), block.get_width(), block.get_height())
        return self._finish(scratch, bubble.inflate(0, t.px(12)), bubble, None)

    def _render_ending(self, item: ChatItem, width: int):
        t, kit = self.theme, self.kit
        pad = t.px(18)
        cw = max(160, min(width - t.px(32), t.px(620)))
        label = {"safe": "Safe ending", "neutral": "Ending", "unsafe": "Unsafe ending"}.get(item.outcome, "Ending")
        tag = kit.render_line(label.upper(), "small_bold", t.p.text_dim)
        title = kit.render_block(item.title, "heading", t.p.text, cw - 2 * pad) if item.title else None
        body = kit.render_block(item.text, "body", t.p.text, cw - 2 * pad) if item.text else None
        h = pad + tag.get_height() + t.px(6)
        if title:
            h += title.get_height() + t.px(8)
        if body:
            h += body.get_height()
        h += pad
        scratch = pygame.Surface((width, h + 8), pygame.SRCALPHA)
        card = pygame.Rect((width - cw) // 2, 4, cw, h)
        draw_round_rect(scratch, t.p.surface_alt, card, t.shape.panel_radius, 2, t.p.border)
        y = card.y + pad
        # outcome marker: a shape for each outcome, so colour is never the only cue
        m = tag.get_height()
        mx, my = card.x + pad, y
        if item.outcome == "safe":
            pygame.draw.lines(scratch, t.p.text, False, [(mx + 2, my + m // 2), (mx + m // 2 - 1, my + m - 3),
                                                         (mx + m - 2, my + 2)], 3)
        elif item.outcome == "unsafe":
            pygame.draw.polygon(scratch, t.p.flag, [(mx + m // 2, my), (mx + m, my + m), (mx, my + m)])
            pygame.draw.line(scratch, t.p.flag_text, (mx + m // 2, my + m // 3), (mx + m // 2, my + m - m // 3), 2)
        else:
            pygame.draw.circle(scratch, t.p.text_dim, (mx + m // 2, my + m // 2), m // 2 - 1)
        scratch.blit(tag, (mx + m + t.px(8), y))
        y += tag.get_height() + t.px(6)
        if title:
            scratch.blit(title, (card.x + pad, y))
            y += title.get_height() + t.px(8)
        if body:
            scratch.blit(body, (card.x + pad, y))
        return self._finish(scratch, card.inflate(2, 2), card, None)


class Timeline:
    """Items in order, with y positions; renders lazily and caches per item."""

    def __init__(self, renderer: ItemRenderer):
        self.renderer = renderer
        self.items: list[ChatItem] = []
        self.width = 0
        self.height = 0
        self._tops: list[int] = []
        self.stale = True
        self.top_pad = 0

    def set_renderer(self, renderer: ItemRenderer) -> None:
        self.renderer = renderer
        for it in self.items:
            it.key = None
            it.surf = None
        self.stale = True

    def gap_before(self, item: ChatItem, prev: ChatItem | None) -> int:
        t = self.renderer.theme
        if prev is None:
            return t.px(10)
        if item.kind in (STRANGER, PLAYER) and prev.kind == item.kind:
            return t.px(4)
        return t.px(12)

    def _regroup(self, i: int) -> None:
        it = self.items[i]
        prev = self.items[i - 1] if i > 0 else None
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        it.first_in_group = not (prev is not None and prev.kind == it.kind and it.kind in (STRANGER, PLAYER)
                                 and it.t - prev.t < 120)
        it.last_in_group = not (nxt is not None and nxt.kind == it.kind and it.kind in (STRANGER, PLAYER)
                                and nxt.t - it.t < 120)

    def append(self, item: ChatItem) -> None:
        self.items.append(item)
        n = len(self.items)
        if n >= 2:
            self._regroup(n - 2)
        self._regroup(n - 1)
        self.stale = True

    def ensure(self, width: int) -> None:
        """Lay out (and render what changed) for ``width``."""
        if width != self.width:
            self.width = width
            self.stale = True
        if not self.stale:
            return
        y = self.top_pad
        prev = None
        self._tops = []
        for it in self.items:
            y += self.gap_before(it, prev)
            self._render(it)
            it.y = y
            self._tops.append(y)
            y += it.h
            prev = it
        self.height = y + self.renderer.theme.px(10)
        self.stale = False

    def _render(self, it: ChatItem) -> None:
        key = self.renderer.key(it, self.width)
        if it.surf is None or it.key != key:
            it.surf, it.x, it.bubble, it.link_rect = self.renderer.render(it, self.width)
            it.h = it.surf.get_height()
            it.key = key

    def refresh(self, predicate: Callable[[ChatItem], bool]) -> None:
        """Re-render the items that match (flag toggled, receipt changed)."""
        for it in self.items:
            if predicate(it):
                it.key = None
        self.stale = True

    def visible(self, top: int, bottom: int) -> list[ChatItem]:
        if not self._tops:
            return []
        i = max(0, bisect.bisect_right(self._tops, top) - 1)
        out = []
        while i < len(self.items) and self.items[i].y < bottom:
            it = self.items[i]
            if it.y + it.h > top:
                out.append(it)
            i += 1
        return out

    def hit(self, x: int, y: int) -> tuple[ChatItem | None, str]:
        """The item under a point in timeline coordinates: (item, "link" | "bubble" | "")."""
        for it in self.visible(y - 1, y + 1):
            if it.more_rect is not None and it.more_rect.move(0, it.y).inflate(6, 6).collidepoint(x, y):
                return it, "more"
            if it.link_rect is not None and it.link_rect.move(0, it.y).inflate(6, 6).collidepoint(x, y):
                return it, "link"
            if it.bubble.move(0, it.y).inflate(6, 6).collidepoint(x, y):
                return it, "bubble"
        return None, ""
