"""Files written from the store, so ``forget`` and retention reach them too.

A report or an exported file holds nicknames and results; once written it
is a plain file the store cannot see. Every file the store's commands and
the counsellor view write is remembered (``report_files`` table) with the
players it holds (nickname key and class):

- reports: ``report --out`` and the counsellor view's **Export report**;
- exported results: ``export`` bundles (and the counsellor view's **Move
  results**) and ``export --format xapi`` files.

``forget`` finds the files that hold a player or class it forgets
(``files_holding``) and ``forget_in`` deals with each as a counsellor would
expect: a **report** is deleted (its figures were computed with that
player's results, so it cannot be cut); a **bundle** or **xAPI file** is
rewritten without that player's sessions and checks, so the class's file
still carries everybody else, and deleted when nobody else is in it (or
when it cannot be read any more). A file ``forget`` cannot reach (moved,
on another computer sharing a PostgreSQL store, on a USB stick that is not
plugged in, on a read-only disk) is named and stays remembered, so running
the same ``forget`` again once it is back deals with it. The retention
purge deletes files older than the retention period (everything in them is
older still) and forgets those already gone.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from . import identity
from .bundle import Pair
from .schema import report_files as files_t
from .schema import sessions as sessions_t
from .store import Filters, Store

REPORT, BUNDLE, XAPI = "report", "bundle", "xapi"
NOUNS = {REPORT: ("report file", "report files"), BUNDLE: ("bundle", "bundles"), XAPI: ("xAPI file", "xAPI files")}


def _pairs(store: Store, filters: Filters) -> list[list[str | None]]:
    q = (sa.select(sessions_t.c.player_key, sessions_t.c.class_code).where(*filters.conditions()).distinct())
    with store.engine.connect() as conn:
        return [[k, c] for k, c in conn.execute(q)]


def _sorted(pairs: Iterable[Iterable[str | None]]) -> list[list[str | None]]:
    return sorted(([k, c] for k, c in pairs), key=lambda p: (str(p[0]), str(p[1])))


def remember(store: Store, path: Path, filters: Filters, *, pairs: Iterable[Pair] | None = None,
             now: float | None = None) -> None:
    """Note that ``path`` holds the players in ``pairs`` (default: those of the sessions matching ``filters``)."""
    path = Path(path).resolve()
    if not path.is_file():
        return                                        # standard output, /dev/null, a pipe
    held = _sorted(_pairs(store, filters) if pairs is None else pairs)
    values = {"written_at": time.time() if now is None else now, "school": filters.school or "",
              "class_codes": json.dumps(sorted({str(c) for _k, c in held if c})),
              "player_keys": json.dumps(held),
              "everyone": int(filters.class_code is None and filters.player is None)}
    with store.engine.begin() as conn:
        conn.execute(sa.delete(files_t).where(files_t.c.path == str(path)))
        conn.execute(sa.insert(files_t).values(path=str(path), **values))


class Who:
    """Whose data ``forget`` deletes: a nickname, a class, or a nickname in a class (as the store matches)."""

    def __init__(self, player: str | None = None, class_code: str | None = None) -> None:
        self.key = identity.nickname_key(player) if identity.clean_nickname(player) else None
        self.class_code = identity.clean_class_code(class_code) or None

    def holds(self, key: str | None, class_code: str | None) -> bool:
        if self.key is None and self.class_code is None:
            return False
        return ((self.key is None or key == self.key)
                and (self.class_code is None or identity.clean_class_code(class_code) == self.class_code))

    def owns(self, obj: dict[str, Any]) -> bool:
        """A session or check as a bundle holds it (``player``, ``class``) belongs to them."""
        return self.holds(identity.nickname_key(obj.get("player")), obj.get("class"))


def _held(raw: str | None) -> list[tuple[Any, Any]]:
    try:
        return [(k, c) for k, c in json.loads(raw or "[]")]
    except (ValueError, TypeError):
        return []


def files_holding(store: Store, who: Who) -> list[str]:
    """Remembered files that hold anyone ``who`` names."""
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(files_t.c.path, files_t.c.player_keys).order_by(files_t.c.path)).all()
    return [str(path) for path, held in rows if any(who.holds(k, c) for k, c in _held(held))]


def kind(path: str | os.PathLike[str]) -> str | None:
    """REPORT, BUNDLE or XAPI, by what the file holds now; None when it is not there."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return None
    if head[:2] == b"\x1f\x8b":
        return BUNDLE
    if head.lstrip()[:1] == b"[":                     # reports are HTML, CSV or a JSON object
        return XAPI
    return REPORT


@dataclass(frozen=True)
class Outcome:
    path: str
    kind: str | None         # REPORT, BUNDLE, XAPI (None: not found)
    action: str              # DELETED, CUT (rewritten without them) or UNREACHABLE (not found, or read-only)


DELETED, CUT, UNREACHABLE = "deleted", "cut", "unreachable"


def forget_in(store: Store, paths: Iterable[str], who: Who) -> list[Outcome]:
    """Take ``who`` out of the remembered files: cut bundles and xAPI files, delete the rest.

    A file that cannot be reached (not found: moved, or on a stick that is not plugged in; or
    on a read-only disk) stays remembered, so running ``forget`` again once it is back deals with it.
    """
    from . import bundle, xapi

    out: list[Outcome] = []
    done_with: list[str] = []
    for p in paths:
        what = kind(p)
        if what is None:
            out.append(Outcome(p, what, UNREACHABLE))
            continue
        if what in (BUNDLE, XAPI):
            try:
                cut = (bundle.cut if what == BUNDLE else xapi.cut)(p, who.owns)
            except (bundle.BundleError, ValueError):
                cut = None                             # damaged: it cannot be cut, so it goes
            except OSError:
                out.append(Outcome(p, what, UNREACHABLE))
                continue
            if cut is not None and cut.kept:
                _update(store, p, cut.pairs)
                out.append(Outcome(p, what, CUT))
                continue
            if cut is not None:                        # nobody else was in it: cut deleted it
                done_with.append(p)
                out.append(Outcome(p, what, DELETED))
                continue
        try:
            os.unlink(p)
        except FileNotFoundError:
            pass
        except OSError:
            out.append(Outcome(p, what, UNREACHABLE))
            continue
        done_with.append(p)
        out.append(Outcome(p, what, DELETED))
    if done_with:
        with store.engine.begin() as conn:
            conn.execute(sa.delete(files_t).where(files_t.c.path.in_(done_with)))
    return out


def _update(store: Store, path: str, pairs: Iterable[Pair]) -> None:
    held = _sorted(pairs)
    with store.engine.begin() as conn:
        conn.execute(sa.update(files_t).where(files_t.c.path == path).values(
            player_keys=json.dumps(held), class_codes=json.dumps(sorted({str(c) for _k, c in held if c}))))


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
        except OSError:
            missing.append(p)
    if paths:
        with store.engine.begin() as conn:
            conn.execute(sa.delete(files_t).where(files_t.c.path.in_(paths)))
    return deleted, missing
