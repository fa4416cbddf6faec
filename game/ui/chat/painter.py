"""Drawing the chat screen: header, hint, messages, typing dots, replies, squad and profile panels.

``ChatPainter(chat).draw(surface)`` only reads the screen's state (its layout
rectangles, timeline, focus and hover); it never changes it. The screen keeps
input, focus and layout (``game.ui.screens.chat``).
"""
from __future__ import annotations

import time
from typing import Any

import pygame

from game.play.chat_view import PHOTO_VIEW

from ..widgets import draw_flag_marker, draw_focus_ring, draw_round_rect, flag_badge
from . import icons, request, scene
from .profile import HINT, ProfileCard


class ChatPainter:
    def __init__(self, chat: Any):
        self.chat = chat

    def draw(self, surface: pygame.Surface) -> None:
        chat = self.chat
        mode = chat.frame.mode if chat.frame is not None else "full"
        if mode == "full":
            surface.fill(chat.theme.p.bg)
        else:
            scene.draw_backdrop(surface, chat.theme, chat.frame)
        self._draw_timeline(surface)
        self._draw_composer(surface)
        if chat.r_hint.h:
            self._draw_hint(surface)
        if chat.r_squad.w:
            self._draw_squad(surface)
        if chat.profile_visible():
            self._draw_profile(surface)
        self._draw_header(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        t, kit = self.chat.theme, self.chat.kit
        p = t.p
        r = self.chat.r_header
        full = r.union(self.chat.r_actions) if self.chat.r_actions.h else r
        phone = self.chat.frame is not None and self.chat.frame.mode == "phone"
        corner = max(4, t.px(25)) if phone else 0
        pygame.draw.rect(surface, p.surface, full, border_top_left_radius=corner, border_top_right_radius=corner)
        if self.chat.skin == "game_chat":
            pygame.draw.line(surface, p.accent, (full.x, full.bottom - 2), (full.right - 1, full.bottom - 2), 2)
        else:
            pygame.draw.line(surface, p.border, (full.x, full.bottom - 1), (full.right - 1, full.bottom - 1),
                             t.border_width)
        pad = r.x + t.px(12)
        av = t.px(44)
        shape = "square" if self.chat.skin == "game_chat" else "circle"
        a = self.chat.avatars.get(self.chat.stranger_name, av, self.chat.stranger_picture, shape)
        ay = r.y + (r.h - av) // 2
        surface.blit(a, (pad, ay))
        # presence dot, with the word next to the name so colour is not the only cue
        pygame.draw.circle(surface, p.surface, (pad + av - t.px(5), ay + av - t.px(5)), t.px(7))
        pygame.draw.circle(surface, p.online, (pad + av - t.px(5), ay + av - t.px(5)), t.px(5))
        x = pad + av + t.px(12)
        chat = self.chat
        in_header = [b for b in chat.header_buttons if not (chat.pause_outside and b is chat.b_pause)]
        right_limit = (min(b.rect.x for b in in_header) - t.px(12)) if not chat.r_actions.h and in_header \
            else r.right - t.px(12)
        name = kit.render_line(kit.ellipsize(self.chat.view.title(), "heading", max(40, right_limit - x)), "heading",
                               p.text)
        typing = self.chat.pacer.typing
        status = self.chat.view.status(typing)
        stat = kit.render_line(kit.ellipsize(status, "small", max(40, right_limit - x)), "small",
                               p.accent if typing and not t.high_contrast else p.text_dim)
        total = name.get_height() + stat.get_height()
        y = r.y + (r.h - total) // 2
        surface.blit(name, (x, y))
        surface.blit(stat, (x, y + name.get_height()))
        focused = self.chat._current() if self.chat.focus_visible else None
        for b in self.chat.header_buttons:
            b.draw(surface, kit, t, focused is not None and focused[1] is b)

    def _draw_hint(self, surface: pygame.Surface) -> None:
        t, kit = self.chat.theme, self.chat.kit
        r = self.chat.r_hint
        pygame.draw.rect(surface, t.p.surface_alt, r)
        pygame.draw.line(surface, t.p.border, (r.x, r.bottom - 1), (r.right, r.bottom - 1), 1)
        m = kit.line_height("small")
        draw_flag_marker(surface, t.p.flag, r.x + t.px(12), r.y + t.px(7) + 2, int(m * 0.8))
        block = kit.render_block(HINT, "small", t.p.text, r.w - 2 * t.px(12) - t.px(24))
        surface.blit(block, (r.x + t.px(12) + t.px(24), r.y + t.px(7)))

    def _draw_background(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        t = self.chat.theme
        if self.chat.skin == "game_chat" and not t.high_contrast:
            step = t.px(32)
            c = (22, 30, 40)
            for gx in range(r.x - (r.x % step), r.right, step):
                pygame.draw.line(surface, c, (gx, r.y), (gx, r.bottom))
            off = self.chat.scroll % step
            for gy in range(r.y - off, r.bottom, step):
                pygame.draw.line(surface, c, (r.x, gy), (r.right, gy))

    def _draw_timeline(self, surface: pygame.Surface) -> None:
        t = self.chat.theme
        v = self.chat.r_view
        prev_clip = surface.get_clip()
        surface.set_clip(v)
        self._draw_background(surface, v)
        top = self.chat.scroll
        # short chats sit at the top of the view
        for it in self.chat.timeline.visible(top, top + v.h):
            surface.blit(it.surf, (v.x + it.x, v.y + it.y - top))
        if self.chat.typing_h:
            self._draw_typing(surface, v.y + self.chat.timeline.height - top)
        hover = getattr(self, "_hover_target", None)
        if hover is not None and hover[0] in ("item", "link", "more") and not self.chat.focus_visible:
            it = hover[1]
            part = {"link": it.link_rect, "more": it.more_rect}.get(hover[0])
            rect = (part or it.bubble).move(v.x, v.y + it.y - top)
            pygame.draw.rect(surface, t.p.text_dim, rect.inflate(6, 6), width=1, border_radius=t.shape.bubble_radius)
        cur = self.chat._current() if self.chat.focus_visible else None
        if cur is not None and cur[0] in ("item", "link", "more"):
            it = cur[1]
            part = {"link": it.link_rect, "more": it.more_rect}.get(cur[0])
            rect = (part or it.bubble).move(v.x, v.y + it.y - top)
            draw_focus_ring(surface, t, rect, t.shape.bubble_radius)
            tip = self.chat.kit.render_line({"item": "F: flag / unflag", "more": "Enter: show more   F: flag"}.get(
                cur[0], "Enter: open   F: flag"), "tiny", t.p.text_dim)
            # beside the bubble (after its "Flagged" badge) where there is room, so it never sits on the
            # bubble above or below; else under it, else over it
            bubble = it.bubble.move(v.x, v.y + it.y - top)
            bx = bubble.right + t.focus_width + t.px(10)
            if it.item_id and self.chat.conv.is_flagged(it.item_id):
                bx += flag_badge(self.chat.kit, t).get_width() + t.px(8)
            if bx + tip.get_width() + t.px(14) <= v.right:
                tx, ty = bx, bubble.centery - tip.get_height() // 2
            else:
                tx = min(rect.right + t.px(10), v.right - tip.get_width() - t.px(6))
                ty = rect.bottom + t.px(6)
                if ty + tip.get_height() > v.bottom:
                    ty = rect.y - tip.get_height() - t.px(6)
            draw_round_rect(surface, t.p.surface, pygame.Rect(tx - 4, ty - 2, tip.get_width() + 8,
                                                              tip.get_height() + 4), 4,
                            1 if t.high_contrast else 0, t.p.border)
            surface.blit(tip, (tx, ty))
        surface.set_clip(prev_clip)
        # scrollbar
        if self.chat.max_scroll > 0:
            track = pygame.Rect(v.right - t.px(6), v.y + t.px(4), t.px(4), v.h - t.px(8))
            th = max(t.px(28), int(track.h * v.h / max(1, self.chat.content_h)))
            ty = track.y + int((track.h - th) * self.chat.scroll / self.chat.max_scroll)
            pygame.draw.rect(surface, t.p.border, pygame.Rect(track.x, ty, track.w, th), border_radius=2)
        if self.chat.unseen:
            self._draw_new_pill(surface)

    def _draw_new_pill(self, surface: pygame.Surface) -> None:
        t, kit = self.chat.theme, self.chat.kit
        r = self.chat._new_pill_rect()
        label = "New message ↓" if self.chat.unseen == 1 else f"{self.chat.unseen} new messages ↓"
        draw_round_rect(surface, t.p.accent, r, r.h // 2)
        s = kit.render_line(label, "small_bold", t.p.accent_text)
        surface.blit(s, s.get_rect(center=r.center))

    def _draw_typing(self, surface: pygame.Surface, y: int) -> None:
        t, kit = self.chat.theme, self.chat.kit
        v = self.chat.r_view
        phase = int(time.monotonic() * 6) % 6
        dots_w = t.px(44)
        if self.chat.skin == "game_chat":
            label = kit.render_line(f"{self.chat.stranger_name.upper()} is typing", "small", t.p.text_dim)
            x = v.x + t.px(8) + t.px(30) + t.px(10)
            surface.blit(label, (x, y + t.px(10)))
            dx = x + label.get_width() + t.px(6)
            for i in range(3):
                on = (phase // 2) == i
                pygame.draw.rect(surface, t.p.accent if on else t.p.text_dim,
                                 pygame.Rect(dx + i * t.px(9), y + t.px(10) + label.get_height() - t.px(7),
                                             t.px(5), t.px(5)))
            return
        av = t.px(34)
        margin = t.px(10)
        a = self.chat.avatars.get(self.chat.stranger_name, av, self.chat.stranger_picture, "circle")
        bubble = pygame.Rect(v.x + margin + av + t.px(8), y + t.px(4), dots_w + t.px(16), t.px(34))
        surface.blit(a, (v.x + margin, bubble.bottom - av))
        pygame.draw.rect(surface, t.p.bubble_in, bubble, border_radius=bubble.h // 2)
        if t.high_contrast or self.chat.skin == "dating_app":
            pygame.draw.rect(surface, t.p.border, bubble, width=t.border_width, border_radius=bubble.h // 2)
        for i in range(3):
            lift = t.px(4) if (phase // 2) == i else 0
            pygame.draw.circle(surface, t.p.text_dim,
                               (bubble.x + t.px(16) + i * t.px(14), bubble.centery - lift), t.px(4))

    def _draw_composer(self, surface: pygame.Surface) -> None:
        t, kit = self.chat.theme, self.chat.kit
        r = self.chat.r_composer
        phone = self.chat.frame is not None and self.chat.frame.mode == "phone"
        corner = max(4, t.px(25)) if phone else 0
        pygame.draw.rect(surface, t.p.surface, r, border_bottom_left_radius=corner, border_bottom_right_radius=corner)
        line_col = t.p.accent if self.chat.skin == "game_chat" and not t.high_contrast else t.p.border
        pygame.draw.line(surface, line_col, (r.x, r.y), (r.right, r.y), t.border_width)
        cur = self.chat._current() if self.chat.focus_visible else None
        if self.chat.end_button is not None:
            self.chat.end_button.draw(surface, kit, t, cur is not None and cur[1] is self.chat.end_button)
        elif self.chat.request_card is not None and self.chat.choice_buttons:
            request.draw(self.chat, surface, self.chat.request_card)
            for b in self.chat.choice_buttons:
                b.draw(surface, kit, t, cur is not None and cur[1] is b)
        elif self.chat.choice_buttons:
            prev_clip = surface.get_clip()
            surface.set_clip(r)
            for b in self.chat.choice_buttons:
                b.draw(surface, kit, t, cur is not None and cur[1] is b)
            surface.set_clip(prev_clip)
            if self.chat.choice_overflow:
                below = self.chat.choice_scroll < self.chat.choice_overflow
                more = "More replies below" if below else "More replies above"
                m = kit.render_line(more, "small_bold", t.p.accent_text)
                box = pygame.Rect(0, 0, m.get_width() + t.px(16), m.get_height() + t.px(6))
                box.bottomright = (r.right - t.px(16), r.bottom - t.px(4))
                if more.endswith("above"):
                    box.topright = (r.right - t.px(16), r.y + t.px(4))
                draw_round_rect(surface, t.p.accent, box, box.h // 2)
                surface.blit(m, m.get_rect(center=box.center))
        else:
            text = self.chat.view.composer_status()
            s = kit.render_line(kit.ellipsize(text, "body", r.w - 2 * t.px(16)), "body", t.p.text_dim)
            surface.blit(s, (r.x + t.px(16), r.centery - s.get_height() // 2))
        if self.chat.status_message:
            s = kit.render_line(kit.ellipsize(self.chat.status_message, "small_bold", r.w - 2 * t.px(20)), "small_bold",
                                t.p.text)
            box = pygame.Rect(0, 0, s.get_width() + t.px(20), s.get_height() + t.px(10))
            box.midbottom = (r.centerx, r.y - t.px(8))
            draw_round_rect(surface, t.p.surface_alt, box, t.px(6), t.border_width, t.p.border)
            surface.blit(s, s.get_rect(center=box.center))

    def _draw_squad(self, surface: pygame.Surface) -> None:
        t, kit = self.chat.theme, self.chat.kit
        r = self.chat.r_squad
        av = t.px(32)
        box_h = t.px(16) + kit.line_height("small_bold") + t.px(12) + 4 * (av + t.px(14)) + t.px(8) + \
            2 * (kit.line_height("tiny") + t.px(4)) + t.px(12)
        box = pygame.Rect(r.x, r.y, r.w, min(r.h, box_h))
        draw_round_rect(surface, (*t.p.surface_alt, 235) if not t.high_contrast else t.p.surface_alt, box,
                        t.shape.panel_radius, t.border_width, t.p.border)
        x, y = r.x + t.px(14), r.y + t.px(16)
        head = kit.render_line("SQUAD  2/4", "small_bold", t.p.accent if not t.high_contrast else t.p.text)
        surface.blit(head, (x, y))
        y += head.get_height() + t.px(12)
        rows = [(self.chat.stranger_name, self.chat.stranger_picture, "in voice"), (self.chat.player_name, None,
                                                                                    "mic off")]
        for name, pic, sub in rows:
            a = self.chat.avatars.get(name, av, pic, "square", avoid=None if pic or name == self.chat.stranger_name
                                 else self.chat.stranger_name)
            surface.blit(a, (x, y))
            n = kit.render_line(kit.ellipsize(name, "small_bold", r.w - av - t.px(50)), "small_bold", t.p.text)
            s = kit.render_line(sub, "tiny", t.p.text_dim)
            surface.blit(n, (x + av + t.px(8), y))
            surface.blit(s, (x + av + t.px(8), y + n.get_height()))
            icons.mic(surface, pygame.Rect(r.right - t.px(30), y + t.px(6), t.px(16), t.px(20)),
                      t.p.online if sub == "in voice" else t.p.text_dim, muted=sub != "in voice")
            y += av + t.px(14)
        for _ in range(2):
            slot = pygame.Rect(x, y, av, av)
            pygame.draw.rect(surface, t.p.border, slot, width=1, border_radius=t.shape.bubble_radius)
            s = kit.render_line("Open slot", "small", t.p.text_dim)
            surface.blit(s, (x + av + t.px(8), y + (av - s.get_height()) // 2))
            y += av + t.px(14)
        y += t.px(8)
        for line in ("LOBBY · RANKED", "Text chat"):
            s = kit.render_line(line, "tiny", t.p.text_dim)
            surface.blit(s, (x, y))
            y += s.get_height() + t.px(4)

    def _draw_profile(self, surface: pygame.Surface) -> None:
        t, kit = self.chat.theme, self.chat.kit
        p = t.p
        r = self.chat.r_profile
        if not self.chat.wide and p.shadow[3]:   # the drawer lies over the chat: a soft shadow along its edge
            n = t.px(12)
            strip = pygame.Surface((n, r.h), pygame.SRCALPHA)
            for i in range(n):
                a = int(p.shadow[3] * 1.6 * ((i + 1) / n) ** 2)
                pygame.draw.line(strip, (*p.shadow[:3], min(255, a)), (i, 0), (i, r.h))
            surface.blit(strip, (r.x - n, r.y))
        if self.chat.frame is not None and self.chat.frame.mode != "full" and self.chat.wide:
            draw_round_rect(surface, p.surface_alt, r, t.shape.panel_radius, t.border_width, p.border)
        else:
            pygame.draw.rect(surface, p.surface_alt, r)
            pygame.draw.line(surface, p.border, (r.x, r.y), (r.x, r.bottom), t.border_width)
        prev_clip = surface.get_clip()
        surface.set_clip(r)
        pad = t.px(14)
        x = r.x + pad
        y = r.y + t.px(16) - self.chat.profile_scroll
        s = self.chat.scenario.stranger
        if self.chat.skin == "dating_app":
            side = min(r.w - 2 * pad, int(r.h * 0.36))
            photo = pygame.Rect(x, y, r.w - 2 * pad, side)
            surface.blit(self.chat.avatars.photo_card(s.name, photo.w, photo.h, t.shape.panel_radius,
                                                      self.chat.cover_picture()), photo.topleft)
            shade = pygame.Surface((photo.w, photo.h // 3), pygame.SRCALPHA)
            pygame.draw.rect(shade, (0, 0, 0, 130), shade.get_rect(), border_bottom_left_radius=t.shape.panel_radius,
                             border_bottom_right_radius=t.shape.panel_radius)
            surface.blit(shade, (photo.x, photo.bottom - shade.get_height()))
            name = kit.render_line(kit.ellipsize(self.chat.view.title(), "heading", photo.w - 2 * pad), "heading",
                                   (255, 255, 255))
            surface.blit(name, (photo.x + pad, photo.bottom - shade.get_height() // 2 - name.get_height() // 2))
            y = photo.bottom + t.px(16)
            for line in self.chat._profile_sub_lines(r.w - 2 * pad):
                hint = kit.render_line(line, "small", p.text_dim)
                surface.blit(hint, (x, y))
                y += hint.get_height()
        else:
            title = "PLAYER CARD" if self.chat.skin == "game_chat" else "Profile"
            head = kit.render_line(title, "small_bold", p.text_dim)
            surface.blit(head, (x, y))
            y += head.get_height() + t.px(10)
            side = t.px(64)
            a = self.chat.avatars.get(s.name, side, self.chat.stranger_picture,
                                 "square" if self.chat.skin == "game_chat" else "circle")
            surface.blit(a, (x, y))
            y += side + t.px(10)
            name = kit.render_line(kit.ellipsize(s.name, "heading", r.w - 2 * pad), "heading", p.text)
            surface.blit(name, (x, y))
            y += name.get_height()
            for line in self.chat._profile_sub_lines(r.w - 2 * pad):
                sl = kit.render_line(line, "small", p.text_dim)
                surface.blit(sl, (x, y))
                y += sl.get_height()
        cur = self.chat._current() if self.chat.focus_visible else None
        hover = getattr(self, "_hover_target", None)
        for card in self.chat.profile_cards:
            self._draw_card(surface, card, focused=cur is not None and cur[0] == "profile" and cur[1] is card,
                            hovered=hover is not None and hover[1] is card)
            if card.chip.w:
                self._draw_chip(surface, card, focused=cur is not None and cur[0] == "photo" and cur[1] is card,
                                hovered=hover is not None and hover[0] == "photo" and hover[1] is card)
        if not self.chat.profile_cards:
            s_ = kit.render_block("No profile details.", "small", p.text_dim, r.w - 2 * pad)
            surface.blit(s_, (x, r.y + self.chat._profile_head_h() - self.chat.profile_scroll))
        max_s = max(0, self.chat.profile_content_h - r.h)
        if max_s:   # a scrollbar says there is more below
            track = pygame.Rect(r.right - t.px(6), r.y + t.px(4), t.px(4), r.h - t.px(8))
            th = max(t.px(28), int(track.h * r.h / self.chat.profile_content_h))
            ty = track.y + int((track.h - th) * self.chat.profile_scroll / max_s)
            pygame.draw.rect(surface, p.text_dim, pygame.Rect(track.x, ty, track.w, th), border_radius=2)
        surface.set_clip(prev_clip)

    def _draw_chip(self, surface: pygame.Surface, card: ProfileCard, focused: bool, hovered: bool) -> None:
        """"View photo" under a profile photo: an outlined pill with a magnifier (it opens, it never flags)."""
        t, kit = self.chat.theme, self.chat.kit
        r = card.chip
        p = t.p
        fg = p.text if t.high_contrast else p.accent
        draw_round_rect(surface, p.surface_alt if hovered else p.surface, r, r.h // 2, max(2, t.border_width), fg)
        icon = kit.line_height("small_bold") * 2 // 3
        cx, cy = r.x + t.px(8) + icon // 2, r.centery - icon // 8
        pygame.draw.circle(surface, fg, (cx, cy), icon * 2 // 5, max(2, icon // 7))
        pygame.draw.line(surface, fg, (cx + icon // 4, cy + icon // 4), (cx + icon // 2, cy + icon // 2),
                         max(2, icon // 6))
        label = kit.render_line(kit.ellipsize(PHOTO_VIEW["open"], "small_bold", r.w - icon - 3 * t.px(8)),
                                "small_bold", fg)
        surface.blit(label, (r.x + 2 * t.px(8) + icon, r.centery - label.get_height() // 2))
        if focused:
            draw_focus_ring(surface, t, r, r.h // 2)

    def _draw_card(self, surface: pygame.Surface, card: ProfileCard, focused: bool, hovered: bool) -> None:
        t, kit = self.chat.theme, self.chat.kit
        p = t.p
        r = card.rect
        flagged = self.chat.conv.is_flagged(card.item_id)
        radius = t.shape.bubble_radius if self.chat.skin != "social_media" else t.px(12)
        bg = p.surface if not t.high_contrast else p.bg
        draw_round_rect(surface, bg, r, radius, t.border_width,
                        p.flag if flagged else (p.text_dim if hovered else p.border))
        if flagged:
            pygame.draw.rect(surface, p.flag, r, width=3, border_radius=radius)
        x, y = r.x + t.px(12), r.y + t.px(10)
        ls = kit.render_block(self.chat._card_label(card), "small_bold", p.text_dim, r.w - 2 * t.px(12))
        surface.blit(ls, (x, y))
        y += ls.get_height() + t.px(2)
        body = kit.render_block(card.item.text, "body", p.text, r.w - 2 * t.px(12))
        surface.blit(body, (x, y))
        y += body.get_height()
        if card.picture is not None:   # the photo itself: its details are the clue, not a description
            pw, ph = card.picture_size(r.w - 2 * t.px(12))
            surface.blit(self.chat.avatars.photo_card(card.item_id, pw, ph, max(2, radius // 2), card.picture),
                         (x, y + t.px(6)))
            y += ph + t.px(8) + card.chip.h + t.px(6)     # the "View photo" chip under it (_draw_chip)
        if flagged:
            b = flag_badge(kit, t)
            surface.blit(b, (x, y + t.px(6)))
        if focused:
            draw_focus_ring(surface, t, r, radius)
