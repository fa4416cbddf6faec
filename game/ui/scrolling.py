"""The one scroll model of the window: ``Scroller``.

Every scrolling view (the picker, the start screen, dialogs, the debrief, the
counsellor pages, the chat's messages and profile panel) keeps its offset in a
``Scroller``: wheel, keys, drag with mouse or finger, a draggable scrollbar.
"""
from __future__ import annotations

import pygame

from .theme import Theme


class Scroller:
    """Vertical scrolling of a view: wheel, keys, drag with mouse or finger, a draggable scrollbar.

    Content coordinates run from 0 to ``content_h``; the view shows
    ``offset .. offset + view.h``. ``handle_event`` returns True when it used
    the event; after a drag, ``was_drag`` stays True until the next press, so
    the screen can ignore the click that ends a drag.
    """

    def __init__(self) -> None:
        self.offset = 0
        self.content_h = 0
        self.view = pygame.Rect(0, 0, 0, 0)
        self._press: tuple[int, int, int] | None = None   # x, y, offset at the press
        self._thumb_drag: tuple[int, int] | None = None   # y, offset at the press
        self.was_drag = False
        self.drag_threshold = 10

    # -- geometry ----------------------------------------------------------------
    def set_content(self, content_h: int, view: pygame.Rect) -> None:
        self.content_h = max(0, int(content_h))
        self.view = pygame.Rect(view)
        self.offset = max(0, min(self.offset, self.max_offset))

    @property
    def max_offset(self) -> int:
        return max(0, self.content_h - self.view.h)

    @property
    def scrollable(self) -> bool:
        return self.max_offset > 0

    def scroll_to(self, y: float) -> bool:
        new = int(max(0, min(self.max_offset, y)))
        if new != self.offset:
            self.offset = new
            return True
        return False

    def scroll_by(self, dy: float) -> bool:
        return self.scroll_to(self.offset + dy)

    def ensure_visible(self, top: int, bottom: int, margin: int = 0) -> bool:
        """Scroll the least so that content ``top..bottom`` is in view."""
        if top - margin < self.offset:
            return self.scroll_to(top - margin)
        if bottom + margin > self.offset + self.view.h:
            return self.scroll_to(min(top - margin, bottom + margin - self.view.h))
        return False

    def track_rect(self, theme: Theme) -> pygame.Rect:
        w = theme.px(6)
        return pygame.Rect(self.view.right - w - theme.px(4), self.view.y + theme.px(6), w,
                           max(1, self.view.h - 2 * theme.px(6)))

    def thumb_rect(self, theme: Theme) -> pygame.Rect:
        track = self.track_rect(theme)
        if not self.scrollable or self.content_h <= 0:
            return pygame.Rect(track.x, track.y, track.w, track.h)
        th = max(theme.px(36), int(track.h * self.view.h / self.content_h))
        th = min(th, track.h)
        ty = track.y + int((track.h - th) * self.offset / self.max_offset)
        return pygame.Rect(track.x, ty, track.w, th)

    # -- input --------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event, theme: Theme, line: int) -> bool:
        """Wheel, drag and scrollbar. Keys are handled by :meth:`handle_key`."""
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos() if pygame.display.get_init() else self.view.center
            if self.view.collidepoint(pos) or not self.view.w:
                dy = getattr(event, "precise_y", event.y) or event.y
                self.scroll_by(-dy * 3 * line)
                return True
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.was_drag = False
            if self.scrollable:
                grab = self.track_rect(theme).inflate(theme.px(16), 0)
                if grab.collidepoint(event.pos):
                    thumb = self.thumb_rect(theme)
                    if not thumb.inflate(theme.px(16), 0).collidepoint(event.pos):
                        # click on the track: jump there
                        frac = (event.pos[1] - self.track_rect(theme).y) / max(1, self.track_rect(theme).h)
                        self.scroll_to(frac * self.content_h - self.view.h / 2)
                    self._thumb_drag = (event.pos[1], self.offset)
                    self.was_drag = True
                    return True
            if self.view.collidepoint(event.pos):
                self._press = (event.pos[0], event.pos[1], self.offset)
            return False
        if event.type == pygame.MOUSEMOTION:
            if self._thumb_drag is not None:
                y0, off0 = self._thumb_drag
                track, thumb = self.track_rect(theme), self.thumb_rect(theme)
                span = max(1, track.h - thumb.h)
                self.scroll_to(off0 + (event.pos[1] - y0) * self.max_offset / span)
                return True
            if self._press is not None and (event.buttons[0] if event.buttons else False):
                x0, y0, off0 = self._press
                if not self.was_drag and abs(event.pos[1] - y0) >= self.drag_threshold:
                    self.was_drag = True
                if self.was_drag:
                    self.scroll_to(off0 - (event.pos[1] - y0))
                    return True
            return False
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            used = self._thumb_drag is not None or self.was_drag
            self._press = None
            self._thumb_drag = None
            return used
        return False

    def handle_key(self, key: int, line: int) -> bool:
        """Up/Down, Page Up/Down, Home/End. Returns True when the key is a scrolling key."""
        page = max(line, self.view.h - 2 * line)
        step = {pygame.K_DOWN: 2 * line, pygame.K_UP: -2 * line, pygame.K_PAGEDOWN: page,
                pygame.K_PAGEUP: -page, pygame.K_HOME: -10**9, pygame.K_END: 10**9}.get(key)
        if step is None:
            return False
        self.scroll_by(step)
        return True

    # -- drawing ------------------------------------------------------------------
    def draw_bar(self, surface: pygame.Surface, theme: Theme) -> None:
        if not self.scrollable:
            return
        track, thumb = self.track_rect(theme), self.thumb_rect(theme)
        if theme.high_contrast:   # white on white would hide where the thumb is: an outlined track
            pygame.draw.rect(surface, theme.p.text, track.inflate(2, 2), width=1, border_radius=track.w // 2 + 1)
        else:
            pygame.draw.rect(surface, theme.p.border, track, border_radius=track.w // 2)
        pygame.draw.rect(surface, theme.p.text if theme.high_contrast else theme.p.text_dim, thumb,
                         border_radius=track.w // 2)
