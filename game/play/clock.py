"""Time markers: a platform notice that is only a time ("Friday, 3:52 PM") moves the chat's clock on.

One rule for every front end: the window's message times (game/ui/chat/clock.py)
and the browser's (the chat view's ``sets_clock`` on such a line) both read it here.
"""
from __future__ import annotations

import datetime as _dt
import re

MARKER = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2}):(\d{2})\s*([AaPp][Mm])?")


def time_marker(text: str) -> tuple[int, int] | None:
    """(hour, minute) of a notice that is only a time ("Thursday, 11:40 PM", "23:40"), else None."""
    m = MARKER.fullmatch(text.strip())
    if m is None:
        return None
    hh, mm, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if half:
        if not 1 <= hh <= 12:
            return None
        hh = hh % 12 + (12 if half == "pm" else 0)
    if hh > 23 or mm > 59:
        return None
    return hh, mm


def sets_clock(text: str) -> str:
    """"HH:MM" (24 hours) that a time-marker notice sets the clock to, or "" for any other text."""
    hm = time_marker(text)
    return f"{hm[0]:02d}:{hm[1]:02d}" if hm else ""


def marker_wall(shown_at: float, hh: int, mm: int) -> float:
    """The wall-clock moment a time marker means: that time of day, on or after ``shown_at``'s day."""
    day = _dt.datetime.fromtimestamp(shown_at)
    when = day.replace(hour=hh, minute=mm, second=0, microsecond=0)
    if when.timestamp() < shown_at - 60:     # an earlier time of day: the story moved on to the next day
        when += _dt.timedelta(days=1)
    return when.timestamp()
