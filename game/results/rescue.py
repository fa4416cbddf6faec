"""``python -m game.results.rescue DAMAGED OUT``: what a damaged results file still holds, as a bundle.

Run by ``salvage.set_aside`` in a child process. Every session of the
(renamed) damaged SQLite file is read on its own, so one bad page loses only
the sessions on it; the readable ones go into a temporary store and are
written with the export code (``bundle.write``) to OUT. Prints one JSON line
``{"sessions": N, "unreadable": M}``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from .salvage import _read, _read_only_uri


def rescue(damaged: Path, out: Path) -> tuple[int, int]:
    from . import bundle
    from .store import Store

    try:
        src = sqlite3.connect(_read_only_uri(damaged), uri=True)
    except sqlite3.Error:
        return 0, 1
    try:
        with tempfile.TemporaryDirectory(prefix="rf-rescue-") as folder:
            store = Store.open(path=Path(folder) / "rescue.sqlite3")
            try:
                copied, lost = copy_sessions(src, store)
                if copied:
                    bundle.write(store, out)
                return copied, lost
            finally:
                store.close()
    except Exception:  # noqa: BLE001 - no room for the bundle, no temporary folder: the file is still kept
        return 0, 1
    finally:
        src.close()


def copy_sessions(src: sqlite3.Connection, store: Any) -> tuple[int, int]:
    """Copy each readable session of ``src`` into ``store``; (copied, lost)."""
    src.row_factory = sqlite3.Row
    infos: dict[str, Any] = {}
    for row in _read(src, "SELECT sha256, info_json FROM scenarios"):
        try:
            infos[row["sha256"]] = json.loads(row["info_json"])
        except (ValueError, TypeError):
            pass
    ids = [r[0] for r in _read(src, "SELECT id FROM sessions ORDER BY id")]
    if not ids:     # the table's b-tree is damaged: walk the rowids one by one up to the largest seen
        top = _read(src, "SELECT max(session_id) FROM events")
        ids = list(range(1, int(top[0][0] or 0) + 1)) if top and top[0][0] else []
    copied = lost = 0
    for sid in ids:
        try:
            row = src.execute("SELECT * FROM sessions WHERE id = ?", (sid,)).fetchone()
            if row is None:
                continue
            events = [json.loads(r["data"]) for r in src.execute(
                "SELECT data FROM events WHERE session_id = ? AND NOT void ORDER BY seq", (sid,))]
            if not events or events[0].get("type") != "start":
                lost += 1
                continue
            keys = row.keys()

            def col(name: str, keys: list[str] = keys, row: sqlite3.Row = row) -> Any:
                return row[name] if name in keys else None

            store.add_session(events, player=col("player"), class_code=col("class_code"),
                              mode=col("mode") or "solo", school=col("school") or "",
                              class_session_uid=col("class_session_uid"),
                              scenario_info=infos.get(col("scenario_sha256")), scenario_path=col("scenario_path"),
                              uid=col("uid"), started_at=col("started_at"), updated_at=col("updated_at"),
                              ended_at=col("ended_at"))
            copied += 1
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError):
            lost += 1
        except Exception:  # noqa: BLE001 - a damaged row must never stop the rescue of the others
            lost += 1
    return copied, lost


def main(argv: list[str]) -> int:
    copied, lost = rescue(Path(argv[0]), Path(argv[1]))
    print(json.dumps({"sessions": copied, "unreadable": lost}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
