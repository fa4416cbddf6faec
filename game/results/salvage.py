"""A damaged SQLite results file: found at open, kept aside, replaced, and what is readable exported.

``check(path)`` runs ``PRAGMA quick_check`` (the cheap check: every page and
index entry is readable, without comparing indexes to tables) once per file
per process, and not at all when nothing has written the file (or its
write-ahead log) since its last sound check: ``results.sqlite3.checked``
beside it keeps the file's inode, size and times as they were then. It
returns None for a sound file and the reason otherwise. Damage that comes
later is met by a query ("malformed"), which the commands and the
counsellor view handle the same way. Only
damage counts (SQLite's "malformed" and "not a database" errors, or a
quick_check that finds problems); a locked or unopenable file is not damage.

``set_aside(path)`` then does what a counsellor would want done by hand:

1. renames the file (and its ``-wal`` / ``-shm``) to
   ``results-damaged-YYYYMMDD-HHMMSS.sqlite3`` next to it; nothing is deleted;
2. reads every session it still can from the renamed file (row by row, so one
   bad page loses only what is on it) into a temporary store, and writes them
   with the existing export code (``bundle.write``; done by ``game.results.rescue``
   in a child process, which also keeps this module free of the store's imports) to
   ``results-damaged-YYYYMMDD-HHMMSS.rfbundle`` next to it, which
   ``python main.py import`` adds back;
3. returns a ``Recovery`` whose ``line()`` is the one line every front end
   shows; the store then starts a fresh file where the old one was.

``last_recovery()`` is the latest recovery of this process (the window shows it).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DAMAGE_CODES = {11, 26}           # SQLITE_CORRUPT, SQLITE_NOTADB
_checked: set[str] = set()
_lock = threading.Lock()
_last: Recovery | None = None


@dataclass(frozen=True)
class Recovery:
    path: Path                     # where the damaged file was (a fresh store is there now)
    reason: str                    # what SQLite said
    kept: Path                     # the damaged file, renamed
    bundle: Path | None            # what could still be read (None: nothing could)
    sessions: int                  # sessions exported
    unreadable: int                # sessions (or the whole list) that could not be read
    settings: tuple[tuple[str, str], ...] = ()   # the retention period and PIN, carried to the fresh file

    def line(self) -> str:
        saved = (f"the {self.sessions} session{'s' if self.sessions != 1 else ''} that could still be read "
                 f"are in {self.bundle} (python main.py import {self.bundle} adds them back)"
                 if self.bundle is not None and self.sessions else "no session could be read from it")
        return (f"the results file {self.path} was damaged ({self.reason}); it is kept as {self.kept.name}, "
                f"a fresh one was started, and {saved}")


def last_recovery() -> Recovery | None:
    return _last


def is_damage(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.OperationalError):     # locked, cannot open, disk full: not damage
        return False
    if isinstance(orig, sqlite3.DatabaseError):
        code = getattr(orig, "sqlite_errorcode", None)
        text = str(orig).lower()
        return code in DAMAGE_CODES or "malformed" in text or "not a database" in text
    return False


def _read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (spaces, '?' and '#' in folder names percent-encoded)."""
    return path.resolve().as_uri() + "?mode=ro"


MARK_SUFFIX = ".checked"     # beside the file: what it looked like at its last sound quick_check


def fingerprint(path: Path) -> list[Any]:
    """What changes whenever anything writes the file or its write-ahead log (inode, size, times)."""
    out: list[Any] = []
    for part in (path, Path(f"{path}-wal")):
        try:
            st = part.stat()
        except OSError:
            out.append(None)
            continue
        out.append(None if part != path and st.st_size == 0 else
                   [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return out


def _mark(path: Path) -> Path:
    return path.with_name(path.name + MARK_SUFFIX)


def _unchanged_since_checked(path: Path, now: list[Any]) -> bool:
    try:
        return bool(json.loads(_mark(path).read_text(encoding="utf-8")).get("fingerprint") == now)
    except (OSError, ValueError, AttributeError):
        return False


def _remember_sound(path: Path, fp: list[Any]) -> None:
    """Note the fingerprint of a sound file, so the next process need not check it again (best effort)."""
    mark = _mark(path)
    tmp = mark.with_name(f".{mark.name}.{os.getpid()}")
    try:
        tmp.write_text(json.dumps({"fingerprint": fp, "checked_at": time.time()}), encoding="utf-8")
        os.replace(tmp, mark)
    except OSError:               # a read-only folder: the check simply runs again next time
        try:
            tmp.unlink()
        except OSError:
            pass


def quick_check(path: Path) -> list[Any]:
    """``PRAGMA quick_check`` on the file, read-only (the rows it returns; ``[("ok",)]`` when sound)."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=10)
    try:
        return conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()


def check(path: Path) -> str | None:
    """None when ``path`` is missing, empty, already checked or sound; else the damage in a few words.

    A file that nothing has written since its last sound check (``fingerprint``, kept beside it)
    is not read again: on a district-sized file quick_check reads every page (seconds)."""
    key = str(path.resolve())
    if key in _checked:
        return None
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    fp = fingerprint(path)
    if _unchanged_since_checked(path, fp):
        _checked.add(key)
        return None
    try:
        rows = quick_check(path)
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            return None            # locked, cannot open: opening will say what is wrong
        return str(exc)
    _checked.add(key)
    if rows == [("ok",)]:
        _remember_sound(path, fp)
        return None
    first = " ".join(str(rows[0][0]).replace("*** in database main ***", "").split()) if rows else "no answer"
    return f"{first[:120]}{'' if len(rows) == 1 else f' and {len(rows) - 1} more problems'}"


def set_aside(path: Path, reason: str) -> Recovery | None:
    """Rename the damaged file, export what it still holds; None if another process already did."""
    global _last
    with _lock:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
        n = 1
        while kept.exists():
            n += 1
            kept = path.with_name(f"{path.stem}-damaged-{stamp}-{n}{path.suffix}")
        try:
            os.rename(path, kept)
        except FileNotFoundError:
            return None            # someone else set it aside a moment ago
        for extra in ("-wal", "-shm"):
            try:
                os.rename(f"{path}{extra}", f"{kept}{extra}")
            except FileNotFoundError:
                pass
        bundle_path: Path | None = kept.with_suffix(".rfbundle")
        settings = _kept_settings(kept)
        sessions, unreadable = _export_readable(kept, bundle_path)  # type: ignore[arg-type]
        if not sessions:
            bundle_path = None
        _checked.discard(str(path.resolve()))
        try:
            _mark(path).unlink()
        except OSError:
            pass
        _last = Recovery(path, reason, kept, bundle_path, sessions, unreadable, settings)
        return _last


KEPT_SETTINGS = ("retention_days", "counsellor_pin")


def restore_settings(engine: Any, recovery: Recovery) -> None:
    """Carry the retention period and the counsellor PIN over to the fresh file (if they were readable)."""
    import sqlalchemy as sa

    from .schema import settings as settings_t

    if not recovery.settings:
        return
    try:
        with engine.begin() as conn:
            for key, value in recovery.settings:
                conn.execute(sa.delete(settings_t).where(settings_t.c.key == key))
                conn.execute(sa.insert(settings_t).values(key=key, value=value))
    except Exception:  # noqa: BLE001 - the defaults then apply; the line already says what happened
        pass


def _read(src: sqlite3.Connection, sql: str, *args: Any) -> list[Any]:
    try:
        return list(src.execute(sql, args))
    except sqlite3.DatabaseError:
        return []


def _kept_settings(damaged: Path) -> tuple[tuple[str, str], ...]:
    try:
        src = sqlite3.connect(_read_only_uri(damaged), uri=True)
    except sqlite3.Error:
        return ()
    try:
        return tuple((str(r[0]), str(r[1])) for r in _read(
            src, f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(KEPT_SETTINGS))})",
            *KEPT_SETTINGS))
    finally:
        src.close()


RESCUE_TIMEOUT_S = 600


def _export_readable(damaged: Path, out: Path) -> tuple[int, int]:
    """(sessions exported to ``out``, sessions lost): ``python -m game.results.rescue DAMAGED OUT``."""
    try:
        done = subprocess.run([sys.executable, "-m", "game.results.rescue", str(damaged), str(out)],
                              capture_output=True, text=True, timeout=RESCUE_TIMEOUT_S, check=False,
                              cwd=str(Path(__file__).resolve().parents[2]))
        counts = json.loads(done.stdout.strip().splitlines()[-1])
        return int(counts["sessions"]), int(counts["unreadable"])
    except (OSError, ValueError, KeyError, IndexError, subprocess.SubprocessError):
        return 0, 1
