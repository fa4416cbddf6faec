"""The small text helpers every HTML report section uses: escaping, times and numbers as printed."""

from __future__ import annotations

import datetime as _dt
from html import escape


def e(value: object) -> str:
    """``value`` as HTML text (quotes escaped too, so it is safe in attributes)."""
    return escape(str(value), quote=True)


def when(ts: float | None, *, date_only: bool = False) -> str:
    """A stored time in the computer's own time zone, or "–"."""
    if ts is None:
        return "–"
    moment = _dt.datetime.fromtimestamp(ts).astimezone()
    return moment.strftime("%Y-%m-%d" if date_only else "%Y-%m-%d %H:%M")


def num(x: float | None, fmt: str = "{:.0f}") -> str:
    return "–" if x is None else fmt.format(x)
