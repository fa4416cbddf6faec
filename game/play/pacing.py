"""Pacing: messages arrive one by one after a "typing…" pause, idle nudges after a silence.

A ``Pacer`` watches a session's conversation. Each front end ticks it with
the time that passed: the window once a frame (``advance(dt)``), a terminal
or a web server with its own clock (``tick()`` reads the injected clock).
Tests tick it with a fake clock. What a tick did comes back as a ``Tick``
(the events delivered, whether the typing indicator appeared), so the front
end only redraws.

* A pending stranger message shows after a short reading pause plus a typing
  time that follows its length (its authored ``delay`` wins), scaled by the
  typing-speed setting (0 = at once). Platform notices have no indicator.
* While replies are shown and the player does nothing, the current node's
  idle nudges arrive after their ``after:`` seconds. Any input restarts the
  wait (``activity()``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: The longest step one tick may take: a window that was dragged or suspended does not
#: fire a burst of messages when it wakes up.
MAX_STEP = 0.25
READING_PAUSE = 0.5


def typing_delay(text: str, authored: float | None, seed: int, number: int, factor: float,
                 system: bool = False) -> float:
    """Seconds of "typing…" before a message shows.

    The authored ``delay`` wins; otherwise about 0.8 s plus 1 s per 14
    characters with a seeded +-20 % jitter, capped at 6 s. ``factor`` is the
    typing-speed setting (0 = instant).
    """
    if factor <= 0:
        return 0.0
    if authored is not None:
        return max(0.0, float(authored)) * factor
    if system:
        return 0.9 * factor
    rng = random.Random(f"{seed}/typing/{number}")
    base = 0.8 + len(text) / 14.0 * rng.uniform(0.8, 1.2)
    return min(base, 6.0) * factor


@dataclass
class Pacing:
    """The message being 'typed': a short reading pause, then the typing indicator."""

    entry_id: str
    pause: float
    typing: float
    indicator: bool
    elapsed: float = 0.0

    @property
    def showing_indicator(self) -> bool:
        return self.indicator and self.elapsed >= self.pause

    @property
    def done(self) -> bool:
        return self.elapsed >= self.pause + self.typing


@dataclass
class Tick:
    """What one tick did."""

    events: list[dict[str, Any]] = field(default_factory=list)   # new events (deliveries, nudges)
    typing_changed: bool = False       # the typing indicator appeared or went away

    @property
    def changed(self) -> bool:
        return bool(self.events) or self.typing_changed


class Pacer:
    """Delivers a session's pending messages as a person types them, and its idle nudges."""

    def __init__(self, session: Any, *, typing_factor: float | Callable[[], float] = 1.0,
                 clock: Callable[[], float] = time.monotonic, max_step: float = MAX_STEP):
        self.session = session
        self._factor = typing_factor
        self.clock = clock
        self.max_step = max_step
        self.current: Pacing | None = None
        self.idle = 0.0
        self._last = clock()

    @property
    def conv(self) -> Any:
        return self.session.conv

    @property
    def factor(self) -> float:
        return float(self._factor() if callable(self._factor) else self._factor)

    @property
    def typing(self) -> bool:
        """True while the stranger is shown typing."""
        return self.current is not None and self.current.showing_indicator

    def activity(self) -> None:
        """The player did something (a key, a click, a scroll): the idle wait starts again."""
        self.idle = 0.0

    def reset(self) -> None:
        """Forget the message being typed (the conversation ended or was replaced)."""
        self.current = None
        self.idle = 0.0

    def tick(self) -> Tick:
        """Advance by the time the clock says has passed since the last tick."""
        now = self.clock()
        dt, self._last = now - self._last, now
        return self.advance(dt)

    def advance(self, dt: float) -> Tick:
        """Let ``dt`` seconds pass (at most ``max_step`` of them)."""
        out = Tick()
        conv = self.conv
        if conv.ended or not conv.started:
            self.current = None
            return out
        dt = max(0.0, min(dt, self.max_step))
        before = len(conv.events)
        if conv.pending:
            self.idle = 0.0              # the wait for a nudge starts once everything has arrived
            if self.current is None:
                self.current = self._pacing_for(conv.pending[0])
            was_typing = self.current.showing_indicator
            self.current.elapsed += dt
            if self.current.showing_indicator != was_typing:
                out.typing_changed = True
            if self.current.done:
                self.current = None
                out.typing_changed = out.typing_changed or was_typing
                conv.deliver_next()
        else:
            nudge = conv.next_nudge()
            if nudge is not None and nudge.after is not None:
                self.idle += dt
                if self.idle >= nudge.after:
                    self.idle = 0.0
                    conv.wait()
        out.events = conv.events[before:]
        return out

    def _pacing_for(self, entry: dict[str, Any]) -> Pacing:
        conv = self.conv
        message = conv.scenario.items.get(entry["id"])
        number = len(conv.numbers) + 1
        system = entry.get("from") == "system"
        factor = self.factor
        return Pacing(entry["id"], pause=READING_PAUSE * factor,
                      typing=typing_delay(entry.get("text", ""), getattr(message, "delay", None),
                                          conv.seed, number, factor, system),
                      indicator=not system)
