"""The clock the chat's message times are read from, so that the times agree with each other.

Every message time is the moment the pacing clock delivered it (the event's
``t``, seconds since the chat started) on one wall-clock base:

* a scenario with ``clock: "22:05"`` starts at that time of day, today, so a
  chat the story sets "just after 10 at night" does not show 11:09 in the
  morning; a resumed one carries on from the same story time;
* otherwise the chat starts now;
* a chat resumed without a story clock shows what was said before at the
  time it was really said (from the store's last activity), and what comes
  after the resume from now on, so "You left this chat earlier" sits between
  two times that say so;
* a platform notice that is a time marker ("Friday, 3:52 PM": the story
  moves on) sets the clock: what follows counts on from that time (the rule
  is game/play/clock.py's, shared with the browser's play page).
"""
from __future__ import annotations

import datetime as _dt
import time
from dataclasses import dataclass
from typing import Any

from ...play.clock import marker_wall, time_marker  # the rule every front end shares

__all__ = ["ChatClock", "chat_clock", "last_activity", "marker_wall", "story_base", "time_marker"]


@dataclass(frozen=True)
class ChatClock:
    base: float                          # wall-clock time of t = 0 for what is said from now on
    resumed_at: float | None = None      # t of the resume; times up to it use ``earlier_base``
    earlier_base: float | None = None

    def at(self, t: float) -> float:
        """The wall-clock time of the moment ``t`` of the chat."""
        if self.resumed_at is not None and self.earlier_base is not None and t <= self.resumed_at:
            return self.earlier_base + t
        return self.base + t


def story_base(clock: str, now: float) -> float:
    """Today (local time) at ``clock`` ("HH:MM") as a timestamp."""
    hh, mm = (int(x) for x in clock.split(":"))
    today = _dt.datetime.fromtimestamp(now).date()
    return _dt.datetime(today.year, today.month, today.day, hh, mm).timestamp()


def last_activity(session: Any) -> float | None:
    """When the stored session last changed (wall clock), or None when that cannot be read."""
    recorder = getattr(session, "recorder", None)
    store, sid = getattr(recorder, "store", None), getattr(recorder, "session_id", None)
    if store is None or sid is None:
        return None
    try:
        record = store.session(sid)
    except Exception:  # noqa: BLE001 - a time label must never stop the chat
        return None
    value = getattr(record, "updated_at", None)
    return float(value) if isinstance(value, (int, float)) and value > 0 else None


def chat_clock(scenario: Any, conv: Any, session: Any, resumed: bool, now: float | None = None,
               fixed: float | None = None) -> ChatClock:
    """The clock of a chat; ``fixed``: t = 0 is that moment, whatever the story (scripted screenshots)."""
    if fixed is not None:
        return ChatClock(fixed)
    now = time.time() if now is None else now
    elapsed = conv.elapsed() if conv.started else 0.0
    story = getattr(scenario, "clock", "")
    if story:
        return ChatClock(story_base(story, now))
    base = now - elapsed
    if resumed:
        last = last_activity(session)
        if last is not None and last < base + elapsed - 60:   # it really was a while ago
            return ChatClock(base, resumed_at=elapsed, earlier_base=last - elapsed)
    return ChatClock(base)
