"""The stranger's profile in the chat's side panel (or drawer): one flaggable card per item.

``ProfilePanel`` is the chat screen's part that lays the panel out and
scrolls it (mixed into ``ChatScreen``, which owns the state it reads). A card
with a photo has a "View photo" chip under it that opens the photo big
(``open_photo``); a click anywhere else on the card flags it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.play.chat_view import PHOTO_VIEW

from ..widgets import flag_badge

HINT = "Tip: click any message or profile detail that feels off to flag it. Click again to unflag. Keys: Tab, F"


class ProfileCard:
    """One profile item in the side panel; flaggable."""

    def __init__(self, item: Any, picture: Path | None = None):
        self.item = item
        self.item_id: str = item.item_id
        self.picture = picture                # the item's profile photo, when it has one that can be shown
        self.rect = pygame.Rect(0, 0, 0, 0)   # screen coordinates (after scroll)
        self.h = 0
        self.photo = pygame.Rect(0, 0, 0, 0)  # where its photo is drawn (w == 0: none)
        self.chip = pygame.Rect(0, 0, 0, 0)   # the "View photo" chip on it: opens the photo view

    def picture_height(self, width: int, gap: int) -> int:
        """How much taller the card is for its photo (0 without one)."""
        return self.picture_size(width)[1] + gap if self.picture is not None else 0

    def picture_size(self, width: int) -> tuple[int, int]:
        """The photo's size in a card whose text is ``width`` wide: the full width, 3:2 (the photos' shape)."""
        if self.picture is None:
            return 0, 0
        return width, width * 2 // 3


class ProfilePanel:
    """Layout and scrolling of the profile panel (a mixin of ChatScreen)."""

    theme: Any
    kit: Any
    skin: str
    scenario: Any
    conv: Any
    wide: bool
    profile_open: bool
    profile_cards: list[ProfileCard]
    stranger_picture: Path | None
    profile_scroller: Any
    r_profile: pygame.Rect
    dirty: bool
    app: Any
    toggle_flag: Any

    def profile_visible(self) -> bool:
        return self.wide or self.profile_open

    def cover_picture(self) -> Path | None:
        """The dating app's big photo card: the first profile photo, as such an app shows it.

        Without a profile photo that can be shown, the avatar (else initials).
        """
        first = next((c.picture for c in self.profile_cards if c.picture is not None), None)
        return first if first is not None else self.stranger_picture

    def _profile_sub_lines(self, width: int) -> list[str]:
        """The line(s) under the profile's name: the claimed age and how to flag, wrapped, never cut."""
        kit = self.kit
        if self.skin == "dating_app":
            parts = ["Click a detail that seems off to flag it"]
        else:
            age = self.scenario.stranger.claimed_age
            parts = ([f"Says they are {age}"] if age else []) + ["Click a detail to flag it"]
        one = "  ·  ".join(parts)
        if kit.measure(one, "small") <= width:
            return [one]
        lines: list[str] = []
        for part in parts:
            lines += kit.wrap(part, "small", max(40, width))
        return lines

    def _profile_head_h(self) -> int:
        t, kit = self.theme, self.kit
        sub_h = len(self._profile_sub_lines(self.r_profile.w - 2 * t.px(14))) * kit.line_height("small")
        if self.skin == "dating_app":
            return min(self.r_profile.w - 2 * t.px(16), int(self.r_profile.h * 0.36)) + t.px(16) + \
                sub_h + t.px(16)
        return t.px(16) + kit.line_height("small_bold") + t.px(10) + t.px(64) + t.px(10) + \
            kit.line_height("heading") + sub_h + t.px(12)

    def _layout_profile(self) -> None:
        t, kit = self.theme, self.kit
        inner = self.r_profile.w - 2 * t.px(14)
        y = self._profile_head_h()
        for card in self.profile_cards:
            text_w = inner - 2 * t.px(12)
            h = t.px(10) + len(kit.wrap(self._card_label(card), "small_bold", text_w)) * \
                kit.line_height("small_bold") + t.px(2) + \
                kit.render_block(card.item.text, "body", t.p.text, text_w).get_height() + t.px(10)
            photo_y = h + t.px(6)
            h += card.picture_height(text_w, t.px(8))
            if card.picture is not None:          # the "View photo" chip, under the photo (it hides nothing)
                h += self._chip_h() + t.px(6)
            if self.conv.is_flagged(card.item_id):
                h += flag_badge(kit, t).get_height() + t.px(6)
            card.h = h
            card.rect = pygame.Rect(self.r_profile.x + t.px(14), self.r_profile.y + y - self.profile_scroll, inner, h)
            self._place_photo(card, text_w, photo_y)
            y += h + t.px(8)
        before = self.profile_scroller.offset
        self.profile_scroller.set_content(y + t.px(8), self.r_profile)   # clamps the offset
        if self.profile_scroller.offset != before:
            self._layout_profile()

    def _place_photo(self, card: ProfileCard, text_w: int, photo_y: int) -> None:
        """The card's photo and its "View photo" chip (under the photo, on the right)."""
        t, kit = self.theme, self.kit
        if card.picture is None:
            card.photo = card.chip = pygame.Rect(0, 0, 0, 0)
            return
        pw, ph = card.picture_size(text_w)
        card.photo = pygame.Rect(card.rect.x + t.px(12), card.rect.y + photo_y - t.px(10), pw, ph)
        cw = kit.measure(PHOTO_VIEW["open"], "small_bold") + kit.line_height("small_bold") + 3 * t.px(8)
        card.chip = pygame.Rect(0, 0, min(cw, pw), self._chip_h())
        card.chip.topright = (card.photo.right, card.photo.bottom + t.px(8))

    def _chip_h(self) -> int:
        return max(self.kit.line_height("small_bold") + self.theme.px(12), self.theme.px(32))

    def open_photo(self, card: ProfileCard) -> None:
        """The photo of a profile card, big (``screens/photo_view.py``); its Flag button flags the card."""
        if card.picture is None:
            return
        from ..screens.photo_view import PhotoViewScreen

        self.app.push(PhotoViewScreen(self.app, card.picture, card.item.label, card.item.text, skin=self.skin,
                                      owner=str(self.scenario.stranger.name),
                                      is_flagged=lambda: self.conv.is_flagged(card.item_id),
                                      on_flag=lambda: self.toggle_flag(card.item_id)))

    @property
    def profile_scroll(self) -> int:
        return self.profile_scroller.offset

    @property
    def profile_content_h(self) -> int:
        return self.profile_scroller.content_h

    def _scroll_profile(self, dy: int) -> None:
        if self.profile_scroller.scroll_by(dy):
            self._layout_profile()
            self.dirty = True

    def _card_label(self, card: ProfileCard) -> str:
        return card.item.label.upper() if self.theme.shape.uppercase_labels else card.item.label
