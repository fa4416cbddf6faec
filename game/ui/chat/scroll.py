"""Scrolling the chat's messages: where the view is, sticking to the newest message.

``MessageScroll`` is mixed into ``ChatScreen`` (which owns the state it reads):
the offset lives in the screen's ``Scroller`` (game/ui/scrolling.py), the
content is the timeline plus the typing indicator.
"""
from __future__ import annotations

from typing import Any

import pygame


class MessageScroll:
    """The message view's scrolling (a mixin of ChatScreen)."""

    theme: Any
    pacer: Any
    timeline: Any
    scroller: Any
    r_view: pygame.Rect
    stick_bottom: bool
    unseen: int
    dirty: bool

    @property
    def typing_h(self) -> int:
        return self.theme.px(46) if self.pacer.typing else 0

    @property
    def content_h(self) -> int:
        return self.timeline.height + self.typing_h

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.r_view.h)

    @property
    def scroll(self) -> int:
        """How far the messages are scrolled (content pixels above the view)."""
        return self.scroller.offset

    @scroll.setter
    def scroll(self, value: int) -> None:
        self.scroller.offset = int(value)

    def _sync_scroller(self) -> None:
        self.scroller.set_content(self.content_h, self.r_view)

    def _at_bottom(self) -> None:
        self.stick_bottom = self.scroll >= self.max_scroll - 2
        if self.stick_bottom:
            self.unseen = 0

    def _clamp_scroll(self, stick: bool = False) -> None:
        self._sync_scroller()
        if stick:
            self.scroller.scroll_to(self.max_scroll)
        self._at_bottom()

    def scroll_by(self, dy: int) -> None:
        self.timeline.ensure(self.r_view.w)
        self._sync_scroller()
        if self.scroller.scroll_by(dy):
            self.dirty = True
        self._at_bottom()

    def scroll_to_item(self, item: Any) -> None:
        self.timeline.ensure(self.r_view.w)
        self._sync_scroller()
        if self.scroller.ensure_visible(item.y, item.y + item.h, self.theme.px(8)):
            self.dirty = True
        self._at_bottom()
