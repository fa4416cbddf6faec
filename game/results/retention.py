"""How long results are kept: a setting, and the purge that applies it.

The setting ``retention_days`` (default 365) is a whole number of days, or
``never`` to keep everything. A session whose last activity is older than
that is deleted for good by ``purge_expired``, which the game and the
report commands call when they open the store; it does the work at most once
a day (the time of the last purge is the setting ``retention_last_purge``), so
a district database is not scanned at every game start.

The purge does not trust the computer's clock blindly (a school computer with
a flat clock battery, or a clock set a year ahead, once deleted every stored
session in one `play`):

* when the clock is behind the newest stored activity or the last purge by
  more than ``CLOCK_SLACK_S``, it has moved backwards: nothing is purged;
* "now" is never taken to be more than ``MAX_AHEAD_DAYS`` past the newest
  stored activity, so a clock that jumped far ahead deletes only what would
  have gone anyway three months after the last session.

Report files, bundles and xAPI files written from the store
(``report_files``) older than the period are deleted by the same purge.

Every purge that deleted something is logged in the setting
``retention_log`` (when, how many sessions and files, the cutoff, and
whether the clock was distrusted), newest first; ``purge_notes`` gives the lines a counsellor sees.
"""

from __future__ import annotations

import datetime as _dt
import json
import time

import sqlalchemy as sa

from .schema import sessions as sessions_t
from .store import Store

SETTING = "retention_days"
DEFAULT_DAYS = 365
LAST_PURGE = "retention_last_purge"
LOG = "retention_log"
DAY_S = 86400.0
CLOCK_SLACK_S = DAY_S          # time zones and small clock corrections are not "backwards"
MAX_AHEAD_DAYS = 90          # a summer holiday: longer idle than this is not believed
LOG_ENTRIES = 20


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


def newest_activity(store: Store) -> float | None:
    """The latest ``updated_at`` of any stored session, or None for an empty store."""
    with store.engine.connect() as conn:
        value = conn.execute(sa.select(sa.func.max(sessions_t.c.updated_at))).scalar()
    return None if value is None else float(value)


def trusted_now(store: Store, now: float) -> tuple[float | None, str]:
    """The time the purge may use, and a note when the clock was distrusted.

    None means do not purge at all (the clock moved backwards)."""
    newest = newest_activity(store)
    try:
        last = float(store.get_setting(LAST_PURGE) or "nan")
    except ValueError:
        last = float("nan")
    for mark, what in ((newest, "the newest stored session"), (last, "the last purge")):
        if mark is not None and mark == mark and now < mark - CLOCK_SLACK_S:
            return None, f"the clock is behind {what}; nothing was purged"
    if newest is not None and now > newest + MAX_AHEAD_DAYS * DAY_S:
        return newest + MAX_AHEAD_DAYS * DAY_S, (f"the clock is more than {MAX_AHEAD_DAYS} days past the newest "
                                                 "stored session; purged as if it were not")
    return now, ""


def _log(store: Store, entry: dict) -> None:
    try:
        log = json.loads(store.get_setting(LOG) or "[]")
        if not isinstance(log, list):
            log = []
    except ValueError:
        log = []
    store.set_setting(LOG, json.dumps([entry] + log[: LOG_ENTRIES - 1]))


def purge_log(store: Store) -> list[dict]:
    """The logged purges, newest first: ``{"at", "deleted", "files", "cutoff", "note"}``."""
    try:
        log = json.loads(store.get_setting(LOG) or "[]")
    except ValueError:
        return []
    return [e for e in log if isinstance(e, dict)] if isinstance(log, list) else []


def _day(ts: float) -> str:
    try:
        return _dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):
        return "an unknown time"


def purge_notes(store: Store, limit: int = 3) -> list[str]:
    """One line per recent purge, for the counsellor: what was deleted and when."""
    out = []
    for e in purge_log(store)[:limit]:
        try:
            line = (f"{int(e['deleted'])} session{'s' if int(e['deleted']) != 1 else ''} with no activity since "
                    f"{_day(float(e['cutoff']))} deleted on {_day(float(e['at']))} (retention)")
            files = int(e.get("files") or 0)
            if files:
                line += f", and {files} report or exported file{'s' if files != 1 else ''} written before then"
        except (KeyError, TypeError, ValueError):
            continue
        out.append(line + (f"; {e['note']}" if e.get("note") else ""))
    return out


def purge_expired(store: Store, *, now: float | None = None, force: bool = False) -> int:
    """Delete expired sessions for good; returns how many went.

    Does nothing when the last purge was less than a day ago, unless ``force``
    (the retention setting was just changed), and nothing at all on a clock that
    moved backwards; a clock far ahead is not believed (see the module's notes)."""
    now = time.time() if now is None else now
    if not force:
        try:
            last = float(store.get_setting(LAST_PURGE) or "nan")
        except ValueError:
            last = float("nan")
        if 0 <= now - last < DAY_S:
            return 0
    effective, note = trusted_now(store, now)
    if effective is None:
        return 0
    ids = expired(store, now=effective)
    gone = store.delete_sessions(ids) if ids else 0
    days = get_days(store)
    files = 0
    if days is not None:
        from ..checks import storage
        from . import report_files

        # Reports, bundles and xAPI files written from the store expire too (everything in
        # them is older than the day they were written), on the same trusted clock.
        files, _missing = report_files.delete(store, report_files.files_older_than(store, effective - days * DAY_S))
        storage.delete_older_than(store, effective - days * DAY_S)   # checks are kept as long as sessions
    if gone or files:
        _log(store, {"at": now, "deleted": gone, "files": files, "cutoff": effective - (days or 0) * DAY_S,
                     "note": note})
    store.set_setting(LAST_PURGE, repr(effective))
    return gone
