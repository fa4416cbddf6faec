"""How long results are kept: a setting, and the purge that applies it.

The setting ``retention_days`` (default 365) is a whole number of days, or
``never`` to keep everything. A session whose last activity is older than
that is deleted for good the next time the store is opened by the game or a
report (see ``purge_expired``).
"""

from __future__ import annotations

import time

from .store import Store

SETTING = "retention_days"
DEFAULT_DAYS = 365
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


def expired(store: Store, *, now: float | None = None) -> list[int]:
    """Ids of sessions older than the retention setting."""
    days = get_days(store)
    if days is None:
        return []
    cutoff = (time.time() if now is None else now) - days * DAY_S
    return [int(r[0]) for r in store.conn.execute(
        "SELECT id FROM sessions WHERE updated_at < ? ORDER BY id", (cutoff,))]


def purge_expired(store: Store, *, now: float | None = None) -> int:
    """Delete expired sessions for good; returns how many went."""
    ids = expired(store, now=now)
    return store.delete_sessions(ids) if ids else 0
