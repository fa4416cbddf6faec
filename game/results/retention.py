"""How long results are kept: a setting, and the purge that applies it.

The setting ``retention_days`` (default 365) is a whole number of days, or
``never`` to keep everything. A session whose last activity is older than
that is deleted for good by ``purge_expired``, which the game and the
report commands call when they open the store; it does the work at most once
a day (the time of the last purge is the setting ``retention_last_purge``), so
a district database is not scanned at every game start.
"""

from __future__ import annotations

import time

from .store import Store

SETTING = "retention_days"
DEFAULT_DAYS = 365
LAST_PURGE = "retention_last_purge"
DAY_S = 86400.0


def get_days(store: Store) -> int | None:
    """The retention in days, or None for "keep forever"."""
    raw = store.get_setting(SETTING)
    if raw is None:
        return DEFAULT_DAYS
    if raw == "never":
        return None
    try:
        days = int(raw)
    except ValueError:
        return DEFAULT_DAYS
    return days if days > 0 else DEFAULT_DAYS


def parse_days(text: str) -> int | None:
    """``"never"`` -> None, ``"90"`` -> 90; ValueError with a one-line message otherwise."""
    text = text.strip().lower()
    if text in ("never", "forever", "off"):
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueError("retention is a number of days (1 or more), or 'never'")
    return int(text)


def set_days(store: Store, days: int | None) -> None:
    if days is not None and days < 1:
        raise ValueError("retention is at least 1 day")
    store.set_setting(SETTING, "never" if days is None else str(int(days)))
    store.set_setting(LAST_PURGE, None)      # a new setting applies at the next purge


def expired(store: Store, *, now: float | None = None) -> list[int]:
    """Ids of sessions older than the retention setting."""
    days = get_days(store)
    if days is None:
        return []
    cutoff = (time.time() if now is None else now) - days * DAY_S
    return store.inactive_since(cutoff)


def purge_expired(store: Store, *, now: float | None = None, force: bool = False) -> int:
    """Delete expired sessions for good; returns how many went.

    Does nothing when the last purge was less than a day ago, unless ``force``
    (the retention setting was just changed)."""
    now = time.time() if now is None else now
    if not force:
        try:
            last = float(store.get_setting(LAST_PURGE) or "nan")
        except ValueError:
            last = float("nan")
        if 0 <= now - last < DAY_S:
            return 0
    ids = expired(store, now=now)
    gone = store.delete_sessions(ids) if ids else 0
    days = get_days(store)
    if days is not None:                     # report files written from the store expire too
        from . import report_files

        report_files.delete(store, report_files.files_older_than(store, now - days * DAY_S))
    days = get_days(store)
    if days is not None:         # the discernment checks are kept as long as sessions
        from ..checks import storage

        storage.delete_older_than(store, now - days * DAY_S)
    store.set_setting(LAST_PURGE, repr(now))
    return gone
