"""Report files written from the store, so ``forget`` and retention can delete them too.

A report file holds nicknames and results; once written it is a plain file
the store cannot see. Every file the ``report`` command or the counsellor
view's **Export** writes is remembered (``report_files`` table) with the
players it holds (nickname key and class). ``forget`` deletes the files that
hold any player it forgets, and the retention purge deletes files older than
the retention period. A file that has been moved or deleted already is just
forgotten; one on another computer (a PostgreSQL store is shared) is
reported as not found.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa

from .schema import report_files as files_t
from .schema import sessions as sessions_t
from .store import Filters, Store


def _pairs(store: Store, filters: Filters) -> list[list[str | None]]:
    q = (sa.select(sessions_t.c.player_key, sessions_t.c.class_code).where(*filters.conditions()).distinct())
    with store.engine.connect() as conn:
        return sorted(([k, c] for k, c in conn.execute(q)), key=lambda p: (str(p[0]), str(p[1])))


def remember(store: Store, path: Path, filters: Filters, *, now: float | None = None) -> None:
    """Note that ``path`` holds the sessions matching ``filters``."""
    path = Path(path).resolve()
    if not path.is_file():
        return                                        # standard output, /dev/null, a pipe
    values = {"written_at": time.time() if now is None else now, "school": filters.school or "",
              "class_codes": json.dumps(sorted({str(c) for _k, c in _pairs(store, filters) if c})),
              "player_keys": json.dumps(_pairs(store, filters)),
              "everyone": int(filters.class_code is None and filters.player is None)}
    with store.engine.begin() as conn:
        conn.execute(sa.delete(files_t).where(files_t.c.path == str(path)))
        conn.execute(sa.insert(files_t).values(path=str(path), **values))


def files_holding(store: Store, pairs: Iterable[tuple[str | None, str | None]]) -> list[str]:
    """Remembered files that hold any of the (nickname key, class) ``pairs``."""
    wanted = {(k, c) for k, c in pairs}
    out = []
    with store.engine.connect() as conn:
        for path, held in conn.execute(sa.select(files_t.c.path, files_t.c.player_keys)):
            try:
                have = {(k, c) for k, c in json.loads(held or "[]")}
            except (ValueError, TypeError):
                have = set()
            if have & wanted:
                out.append(str(path))
    return out


def files_older_than(store: Store, cutoff: float) -> list[str]:
    with store.engine.connect() as conn:
        return [str(p) for p in conn.execute(sa.select(files_t.c.path).where(files_t.c.written_at < cutoff)).scalars()]


def delete(store: Store, paths: Iterable[str]) -> tuple[int, list[str]]:
    """Delete the files (and forget them); returns (deleted, not found on this computer)."""
    deleted, missing = 0, []
    paths = list(paths)
    for p in paths:
        try:
            os.unlink(p)
            deleted += 1
        except FileNotFoundError:
            missing.append(p)
        except OSError:
            missing.append(p)
    if paths:
        with store.engine.begin() as conn:
            conn.execute(sa.delete(files_t).where(files_t.c.path.in_(paths)))
    return deleted, missing
