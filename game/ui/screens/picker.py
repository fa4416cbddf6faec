"""The scenario picker: cards grouped by platform, a confirm dialog, then the chat.

Each card shows the title, the summary, the difficulty (dots *and* a word),
the age band, the content notes and a "played / best score" mark from this
device's results. A "Show chats for" button above the cards limits the
picker to the chats for one age (a teacher's choice, kept in the settings).
Arrows, Tab and Enter move and choose; the wheel, Page Up/Down and a drag (mouse or
finger) scroll. Choosing a card opens :class:`StartChatDialog`
with the content notes and the player's situation; "Start chat" opens the
session through ``game.play.sessions.start``. What a card may say (no
spoilers, difficulty words, platform names) comes from ``game.play.catalogue``.

Also home to the small helpers the start and debrief screens share:
:class:`Scroller` (wheel, keys, drag, scrollbar), :func:`launch_scenario`,
:func:`platform_icon` and :func:`clamp_lines`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.library import load_library
from game.play import sessions
from game.play.catalogue import (
    BEFORE_YOU_START,
    EVERY_CHAT_NOTE,
    PLATFORM_NAMES,
    PLATFORM_ORDER,
    age_filter_words,
    age_words,
    content_notes,
    difficulty_word,
    one_per_locale,
    picker_language,
    suits_age,
)

from ..app import App, Screen
from ..dialogs import ScrollDialog
from ..drawing import (
    blit_lines,
    bullet,
    chevron_left,
    clamp_lines,
    draw_check,
    draw_difficulty_dots,
    platform_accent,
    platform_icon,
)
from ..launch import launch_scenario
from ..scrolling import Scroller
from ..theme import Theme
from ..widgets import Button, ButtonPointer, FocusRing, Widget, draw_focus_ring, draw_round_rect, draw_shadow

SUMMARY_LINES = 5


# ---------------------------------------------------------------------------
# helpers shared with start.py and debrief.py
# ---------------------------------------------------------------------------
def player_label(app: App) -> str:
    """"Playing as Nick · class 7B", or an invitation when no nickname was given."""
    nick = getattr(app, "player", None)
    code = getattr(app, "class_code", None)
    if nick and code:
        return f"Playing as {nick} · class {code}"
    if nick:
        return f"Playing as {nick}"
    if code:
        return f"Class {code}"
    return "Playing without a nickname"


def load_played(app: App) -> dict[str, tuple[int, int | None]]:
    """scenario id -> (times finished, best total) of the nickname in use; {} when there are none.

    Never another player's: at a shared computer the last person's results are theirs.
    """
    return sessions.played_and_best(app.play_options(), mine=True)


class StartChatDialog(ScrollDialog):
    """Before a chat: the platform and difficulty, the player's situation, the content notes."""

    def __init__(self, app: App, scenario: Any, on_start: Callable[[], None]):
        self.scenario = scenario
        self.on_start = on_start
        super().__init__(app)

    def build(self) -> None:
        def start() -> None:
            self.close()
            self.on_start()

        self.buttons = [Button("Start chat", start, kind="primary", ident="start"),
                        Button("Back", self.close, ident="back")]

    def build_body(self, width: int) -> list[tuple[pygame.Surface, int]]:
        t, kit, s = self.theme, self.kit, self.scenario
        out: list[tuple[pygame.Surface, int]] = []
        platform = getattr(s, "platform", "")
        level = int(getattr(s, "difficulty", 1) or 1)
        # eyebrow: icon + platform + difficulty
        eyebrow_text = f"{PLATFORM_NAMES.get(platform, platform)}  ·  {difficulty_word(level)}"
        lh = kit.line_height("small_bold")
        label = kit.render_line(eyebrow_text.upper(), "small_bold", t.p.text_dim)
        dots_w = draw_difficulty_dots(pygame.Surface((1, 1)), t, 0, 0, level, t.p.text_dim) + t.px(4)
        eb = pygame.Surface((lh + t.px(8) + label.get_width() + t.px(10) + dots_w, lh), pygame.SRCALPHA)
        platform_icon(eb, platform, pygame.Rect(0, 0, lh, lh), platform_accent(t, platform))
        eb.blit(label, (lh + t.px(8), 0))
        draw_difficulty_dots(eb, t, lh + t.px(8) + label.get_width() + t.px(10), lh // 2, level, t.p.text_dim)
        out.append((eb, 0))
        out.append((kit.render_block(s.title, "title", t.p.text, width), t.px(6)))
        context = " ".join((getattr(getattr(s, "player", None), "context", "") or "").split())
        if context:
            out.append((kit.render_block("Your situation", "body_bold", t.p.text, width), t.px(16)))
            out.append((kit.render_block(context, "body", t.p.text, width), t.px(4)))
        out.append((kit.render_block("Before you start", "body_bold", t.p.text, width), t.px(16)))
        notes = content_notes(s)
        if notes:
            out.append((kit.render_block("This chat includes:", "body", t.p.text, width), t.px(4)))
            for n in notes:
                out.append((bullet(kit, t, n, "body", t.p.text, width), t.px(4)))
        out.append((kit.render_block(EVERY_CHAT_NOTE, "body", t.p.text, width), t.px(10)))
        out.append((kit.render_block(BEFORE_YOU_START, "body", t.p.text_dim, width), t.px(10)))
        who = player_label(self.app)
        out.append((kit.render_block(who, "small", t.p.text_dim, width), t.px(12)))
        return out


# ---------------------------------------------------------------------------
# the picker
# ---------------------------------------------------------------------------
class Card(Widget):
    """One scenario card (content coordinates in ``box``; ``rect`` is on screen)."""

    def __init__(self, scenario: Any, played: tuple[int, int | None] | None):
        super().__init__()
        self.scenario = scenario
        self.played = played
        self.box = pygame.Rect(0, 0, 0, 0)
        self.hovered = False
        self.on_activate: Callable[[Card], None] = lambda c: None

    @property
    def ident(self) -> str:
        return self.scenario.id

    def activate(self) -> None:
        self.on_activate(self)

    def focus_radius(self, theme: Theme) -> int:
        return theme.shape.panel_radius


class PickerScreen(Screen):
    """Choose a chat. ``PickerScreen(app, library=None)``; the bundled library by default."""

    skin = "menu"

    def __init__(self, app: App, library: Any = None):
        super().__init__(app)
        if library is None:
            library = load_library()
        country = getattr(getattr(app, "settings", None), "country_choice", None)
        self.scenarios = one_per_locale(list(getattr(library, "scenarios", library)), picker_language(country))
        self.played = load_played(app)
        self.all_cards = [Card(s, self.played.get(s.id)) for s in self.scenarios]
        for c in self.all_cards:
            c.on_activate = self.choose
        self.cards = self._cards_for_age()
        self.back = Button("Back", self.go_back, kind="ghost", ident="back", icon=chevron_left)
        self.ages = Button(self._ages_label(), self.cycle_age, ident="ages")
        self.ages_box = pygame.Rect(0, 0, 0, 0)
        self.focus = FocusRing()
        self.scroller = Scroller()
        self.bar = pygame.Rect(0, 0, 0, 0)
        self.sections: list[tuple[str, int, int]] = []   # platform, y, count (content coordinates)
        self.intro_y = 0
        self.pointer = ButtonPointer()
        self._first_focus = True
        self._card_cache: dict[tuple, pygame.Surface] = {}

    # -- actions -------------------------------------------------------------------
    def go_back(self) -> None:
        if len(self.app.stack) > 1 and self.app.top is self:
            self.app.pop()
        else:
            self.app.show_start()

    def _age(self) -> int:
        return int(getattr(getattr(self.app, "settings", None), "picker_age", 0) or 0)

    def _ages_label(self) -> str:
        return f"Show chats for: {age_filter_words(self._age()).lower()}"

    def _cards_for_age(self) -> list[Card]:
        age = self._age()
        return [c for c in self.all_cards if suits_age(c.scenario, age)]

    def cycle_age(self) -> None:
        """All ages -> 12 -> 13 ... -> 17 -> all ages; saved, so a class machine keeps it."""
        settings = getattr(self.app, "settings", None)
        if settings is None:
            return
        settings.cycle_picker_age()
        settings.save()
        self.cards = self._cards_for_age()
        self.ages.label = self._ages_label()
        self.scroller.offset = 0
        self.on_resize(self.app.size)
        self.focus.focus(self.ages, show=self.focus.visible)

    def choose(self, card: Card) -> None:
        self.focus.focus(card)
        self.app.push(StartChatDialog(self.app, card.scenario, lambda: self.start(card.scenario)))

    def start(self, scenario: Any) -> None:
        ref = scenario.id
        launch_scenario(self.app, ref)

    def on_resume(self) -> None:
        played = load_played(self.app)
        if played != self.played:
            self.played = played
            for c in self.all_cards:
                c.played = played.get(c.scenario.id)
            self.on_resize(self.app.size)
        self.dirty = True

    # -- layout --------------------------------------------------------------------
    def card_height(self, card: Card, width: int) -> int:
        t, kit = self.theme, self.kit
        pad = t.px(18)
        inner = width - 2 * pad
        h = t.px(5) + pad
        h += len(clamp_lines(kit, card.scenario.title, "heading", inner, 2)) * kit.line_height("heading")
        h += t.px(8) + self._meta_height(card, inner)
        h += t.px(10) + len(clamp_lines(kit, card.scenario.summary, "small", inner, SUMMARY_LINES)) \
            * kit.line_height("small")
        return h + pad

    def _meta_height(self, card: Card, inner: int) -> int:
        kit = self.kit
        lh = kit.line_height("small_bold")
        if self._meta_fits_one_line(card, inner):
            return lh + self.theme.px(6)
        return 2 * lh + self.theme.px(12)

    def _meta_fits_one_line(self, card: Card, inner: int) -> bool:
        t, kit = self.theme, self.kit
        left = 3 * t.px(14) + t.px(8) + kit.measure("Medium" + self._ages_suffix(card), "small_bold")
        right = kit.measure(self._played_text(card), "small_bold") + t.px(44)
        return left + right + t.px(12) <= inner

    @staticmethod
    def _ages_suffix(card: Card) -> str:
        words = age_words(card.scenario)
        return f"  ·  {words}" if words else ""

    @staticmethod
    def _played_text(card: Card) -> str:
        if not card.played:
            return "New"
        n, best = card.played
        return f"Played · best {best}" if best is not None else "Played"

    def on_resize(self, size: tuple[int, int]) -> None:
        t, kit = self.theme, self.kit
        w, h = size
        self._card_cache = {}
        bar_h = kit.line_height("heading") + 2 * t.px(16)
        self.bar = pygame.Rect(0, 0, w, bar_h)
        bw, bh = self.back.preferred_size(kit, t)
        self.back.rect = pygame.Rect(t.px(12), (bar_h - bh) // 2, bw, bh)
        margin = max(t.px(20), (w - t.px(1200)) // 2)
        cw = w - 2 * margin
        gap = t.px(18)
        min_card = t.px(330)
        cols = max(1, min(3, (cw + gap) // (min_card + gap)))
        card_w = (cw - gap * (cols - 1)) // cols
        y = t.px(18)
        self.intro_y = y
        y += kit.render_block(self._intro_text(), "body", t.p.text, cw).get_height() + t.px(10)
        aw, ah = self.ages.preferred_size(kit, t)
        self.ages_box = pygame.Rect(margin, y, aw, ah)
        y += ah + t.px(4)
        self.empty_y = y if not self.cards else -1
        if not self.cards:
            y += kit.line_height("body") * 2 + t.px(10)
        self.sections = []
        by_platform: dict[str, list[Card]] = {}
        for c in self.cards:
            by_platform.setdefault(c.scenario.platform, []).append(c)
        order = [p for p in PLATFORM_ORDER if p in by_platform] + [p for p in by_platform if p not in PLATFORM_ORDER]
        ordered: list[Card] = []
        for platform in order:
            group = by_platform[platform]
            y += t.px(16)
            self.sections.append((platform, y, len(group)))
            y += kit.line_height("heading") + t.px(12)
            for i in range(0, len(group), cols):
                row = group[i:i + cols]
                rh = max(self.card_height(c, card_w) for c in row)
                for j, c in enumerate(row):
                    c.box = pygame.Rect(margin + j * (card_w + gap), y, card_w, rh)
                    ordered.append(c)
                y += rh + gap
        self.cards_in_order = ordered
        content_h = y + t.px(12)
        self.scroller.set_content(content_h, pygame.Rect(0, bar_h, w, h - bar_h))
        self.margin, self.content_w = margin, cw
        self._place()
        self.focus.set_items([self.back, self.ages, *ordered])
        if self._first_focus and ordered:
            self._first_focus = False
            self.focus.focus(ordered[0], show=True)
        self._keep_focus_visible()
        self.dirty = True

    def _intro_text(self) -> str:
        return ("Every chat here is made up. Pick one, read it like you would on your phone, "
                "and flag what feels off.")

    def _place(self) -> None:
        off = self.scroller.offset - self.scroller.view.y
        self.ages.rect = self.ages_box.move(0, -off)
        for c in self.cards:
            c.rect = c.box.move(0, -off)

    def _keep_focus_visible(self) -> None:
        cur = self.focus.current
        if isinstance(cur, Card):
            if self.scroller.ensure_visible(cur.box.top, cur.box.bottom, self.theme.px(16)):
                self._place()

    # -- input -----------------------------------------------------------------------
    def _move_grid(self, dy: int) -> None:
        cur = self.focus.current
        cards = getattr(self, "cards_in_order", self.cards)
        if cur is self.ages and dy < 0:
            self.focus.focus(self.back)
            return
        if not isinstance(cur, Card):
            if cards:
                self.focus.focus(cards[0] if dy > 0 else cards[-1])
            return
        if dy > 0:
            below = [c for c in cards if c.box.top > cur.box.top]
            if not below:
                return
            top = min(c.box.top for c in below)
        else:
            below = [c for c in cards if c.box.top < cur.box.top]
            if not below:
                self.focus.focus(self.ages)
                return
            top = max(c.box.top for c in below)
        row = [c for c in below if c.box.top == top]
        best = min(row, key=lambda c: abs(c.box.centerx - cur.box.centerx))
        self.focus.focus(best)

    def handle_event(self, event: pygame.event.Event) -> bool:
        t = self.theme
        line = self.kit.line_height("body")
        if event.type == pygame.KEYDOWN:
            key = event.key
            cards = getattr(self, "cards_in_order", self.cards)
            cur = self.focus.current
            if key == pygame.K_ESCAPE or (key == pygame.K_BACKSPACE):
                self.go_back()
                return True
            if key == pygame.K_TAB:
                self.focus.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            elif key in (pygame.K_DOWN, pygame.K_UP):
                self._move_grid(1 if key == pygame.K_DOWN else -1)
            elif key in (pygame.K_LEFT, pygame.K_RIGHT):
                if isinstance(cur, Card) and cur in cards:
                    i = cards.index(cur) + (1 if key == pygame.K_RIGHT else -1)
                    if 0 <= i < len(cards):
                        self.focus.focus(cards[i])
                else:
                    self._move_grid(1)
            elif key in (pygame.K_HOME, pygame.K_END) and cards:
                self.focus.focus(cards[0] if key == pygame.K_HOME else cards[-1])
            elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
                self.scroller.handle_key(key, line)
                self._place()
                self._focus_nearest_visible()
                self.dirty = True
                return True
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if cur is not None:
                    cur.activate()
                    self.dirty = True
                return True
            else:
                return False
            self.focus.visible = True
            self._keep_focus_visible()
            self.dirty = True
            return True
        if self.scroller.handle_event(event, t, line):
            self._place()
            self.dirty = True
            if event.type == pygame.MOUSEBUTTONUP:
                self.pointer.pressed = None
            return True
        return self.pointer.handle(self, event, (self.back, self.ages, *self.cards), self._hit)

    def _hit(self, pos) -> Widget | None:
        if self.back.rect.collidepoint(pos):
            return self.back
        if not self.scroller.view.collidepoint(pos):
            return None
        if self.ages.rect.collidepoint(pos):
            return self.ages
        return next((c for c in self.cards if c.rect.collidepoint(pos)), None)

    def _focus_nearest_visible(self) -> None:
        cur = self.focus.current
        view_top, view_bottom = self.scroller.offset, self.scroller.offset + self.scroller.view.h
        if isinstance(cur, Card) and cur.box.top >= view_top and cur.box.bottom <= view_bottom:
            return
        visible = [c for c in getattr(self, "cards_in_order", self.cards)
                   if c.box.top >= view_top and c.box.bottom <= view_bottom]
        if visible:
            self.focus.focus(visible[0], show=self.focus.visible)

    # -- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        surface.fill(t.p.bg)
        view = self.scroller.view
        old = surface.get_clip()
        surface.set_clip(view)
        dy = view.y - self.scroller.offset
        intro = kit.render_block(self._intro_text(), "body", t.p.text_dim, self.content_w)
        if self.intro_y + dy + intro.get_height() > view.y:
            surface.blit(intro, (self.margin, self.intro_y + dy))
        if self.ages.rect.bottom > view.y and self.ages.rect.top < view.bottom:
            self.ages.draw(surface, kit, t, self.focus.is_focused(self.ages))
        if self.empty_y >= 0:
            words = (f"No chats for {age_filter_words(self._age()).lower()} yet. "
                     "Press \"Show chats for\" to see more.")
            surface.blit(kit.render_block(words, "body", t.p.text, self.content_w), (self.margin, self.empty_y + dy))
        for platform, y, count in self.sections:
            sy = y + dy
            if sy > view.bottom or sy + kit.line_height("heading") < view.y:
                continue
            lh = kit.line_height("heading")
            icon = pygame.Rect(self.margin, sy + lh // 8, int(lh * 0.8), int(lh * 0.8))
            platform_icon(surface, platform, icon, platform_accent(t, platform))
            head = kit.render_line(PLATFORM_NAMES.get(platform, platform), "heading", t.p.text)
            surface.blit(head, (icon.right + t.px(10), sy))
            cnt = kit.render_line(f"{count} {'chat' if count == 1 else 'chats'}", "small", t.p.text_dim)
            surface.blit(cnt, (icon.right + t.px(10) + head.get_width() + t.px(12),
                               sy + lh - cnt.get_height() - t.px(3)))
        for c in self.cards:
            if c.rect.bottom < view.y or c.rect.top > view.bottom:
                continue
            self.draw_card(surface, c, self.focus.is_focused(c))
        surface.set_clip(old)
        self.scroller.draw_bar(surface, t)
        # the top bar, drawn last so cards scroll under it
        pygame.draw.rect(surface, t.p.surface, self.bar)
        pygame.draw.line(surface, t.p.border, (0, self.bar.bottom - 1), (self.bar.w, self.bar.bottom - 1),
                         t.border_width)
        self.back.draw(surface, kit, t, self.focus.is_focused(self.back))
        title = kit.render_line("Choose a chat", "heading", t.p.text)
        tx = max(self.back.rect.right + t.px(16), (self.bar.w - title.get_width()) // 2)
        label = player_label(self.app)
        if tx + title.get_width() + t.px(16) > self.bar.w - kit.measure(label, "small") - t.px(20):
            tx = self.back.rect.right + t.px(16)
        surface.blit(title, (tx, self.bar.centery - title.get_height() // 2))
        # who is playing, right-aligned: on two lines rather than cut when the bar is narrow
        room = self.bar.w - t.px(20) - (tx + title.get_width() + t.px(16))
        lines = clamp_lines(kit, label, "small", room, 2) if room >= t.px(60) else []
        lh = kit.line_height("small")
        y = self.bar.centery - len(lines) * lh // 2
        for line in lines:
            s_ = kit.render_line(line, "small", t.p.text_dim)
            surface.blit(s_, (self.bar.w - s_.get_width() - t.px(20), y))
            y += lh

    def draw_card(self, surface: pygame.Surface, c: Card, focused: bool) -> None:
        """Blit the card's cached picture; the focus ring is drawn live on top."""
        t = self.theme
        m = t.px(6)
        key = (c.scenario.id, c.box.size, c.hovered, c.played, t.high_contrast, t.scale)
        pic = self._card_cache.get(key)
        if pic is None:
            pic = pygame.Surface((c.box.w + 2 * m, c.box.h + 2 * m), pygame.SRCALPHA)
            self._paint_card(pic, c, pygame.Rect(m, m, c.box.w, c.box.h))
            self._card_cache = {k: v for k, v in self._card_cache.items() if k[0] != c.scenario.id}
            self._card_cache[key] = pic
        surface.blit(pic, (c.rect.x - m, c.rect.y - m))
        if focused:
            draw_focus_ring(surface, t, c.rect, t.shape.panel_radius)

    def _paint_card(self, surface: pygame.Surface, c: Card, r: pygame.Rect) -> None:
        t, kit = self.theme, self.kit
        radius = t.shape.panel_radius
        s = c.scenario
        accent = platform_accent(t, s.platform)
        draw_shadow(surface, t, r, radius, 3)
        bg = t.p.button_hover if c.hovered and not t.high_contrast else t.p.surface_alt
        border = t.p.text if (t.high_contrast or c.hovered) else t.p.border
        draw_round_rect(surface, bg, r, radius, t.border_width, border)
        strip = pygame.Rect(r.x, r.y, r.w, t.px(5))
        pygame.draw.rect(surface, accent, strip, border_top_left_radius=radius, border_top_right_radius=radius)
        pad = t.px(18)
        inner = r.w - 2 * pad
        x, y = r.x + pad, r.y + t.px(5) + pad
        y = blit_lines(surface, kit, clamp_lines(kit, s.title, "heading", inner, 2), "heading", t.p.text, x, y)
        y += t.px(8)
        # difficulty: dots + word; played: tick + words (never colour alone)
        lh = kit.line_height("small_bold")
        level = max(1, min(3, int(s.difficulty or 1)))
        dx = draw_difficulty_dots(surface, t, x, y + lh // 2, level, t.p.text)
        word = kit.render_line(difficulty_word(level) + self._ages_suffix(c), "small_bold", t.p.text)
        surface.blit(word, (dx + t.px(8), y))
        pill = self._played_pill(c)
        if self._meta_fits_one_line(c, inner):
            surface.blit(pill, (r.right - pad - pill.get_width(), y + (lh - pill.get_height()) // 2))
            y += lh + t.px(6)
        else:
            y += lh + t.px(6)
            surface.blit(pill, (x, y))
            y += lh + t.px(6)
        y += t.px(10)
        blit_lines(surface, kit, clamp_lines(kit, s.summary, "small", inner, SUMMARY_LINES), "small", t.p.text, x, y)

    def _played_pill(self, c: Card) -> pygame.Surface:
        t, kit = self.theme, self.kit
        text = self._played_text(c)
        label = kit.render_line(text, "small_bold", t.p.text if c.played else t.p.text_dim)
        h = label.get_height() + t.px(6)
        icon = h - t.px(10) if c.played else 0
        w = t.px(10) + (icon + t.px(6) if icon else 0) + label.get_width() + t.px(10)
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        if c.played:
            pygame.draw.rect(surf, t.p.surface, surf.get_rect(), border_radius=h // 2)
            pygame.draw.rect(surf, t.p.text_dim, surf.get_rect(), width=max(1, t.border_width), border_radius=h // 2)
            draw_check(surf, pygame.Rect(t.px(10), (h - icon) // 2, icon, icon), t.p.text, max(2, t.px(2)))
            surf.blit(label, (t.px(10) + icon + t.px(6), (h - label.get_height()) // 2))
        else:
            pygame.draw.rect(surf, t.p.border, surf.get_rect(), width=max(1, t.border_width), border_radius=h // 2)
            surf.blit(label, (t.px(10), (h - label.get_height()) // 2))
        return surf
