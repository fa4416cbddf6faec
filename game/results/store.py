"""Sessions and their event logs: the results store.

Every engine event of a session becomes one row of ``events`` (session id,
sequence number, the event as JSON), committed when it happens. The
``sessions`` row holds who played, which scenario (id, path, SHA-256) and
seed, the status, and a cached result record computed from the events when
the session ends; :meth:`Store.result` can always recompute it.

Status of a session:

- ``open``: no ``end`` event yet. Either still being played, or the game was
  killed; on the next start it is *unfinished* and can be resumed.
- ``quit``: the player quit mid-conversation (an ``end`` event with
  ``how: quit``); also unfinished and resumable.
- ``complete``: the conversation reached an end; its result counts.

A resumed ``quit`` session keeps its ``quit`` event, marked void, so the log
that is scored is exactly what the player did.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from . import db, identity, location

UNFINISHED = ("open", "quit")


@dataclass
class SessionRecord:
    """One stored session (``result`` is the cached result record, if any)."""

    id: int
    uid: str
    scenario_id: str
    scenario_path: str | None
    scenario_sha256: str
    seed: int | None
    player: str | None
    class_code: str | None
    started_at: float
    updated_at: float
    ended_at: float | None
    status: str
    result: dict[str, Any] | None = None
    event_count: int = 0
    events: list[dict[str, Any]] | None = field(default=None, repr=False)

    @property
    def complete(self) -> bool:
        return self.status == "complete"

    @property
    def unfinished(self) -> bool:
        return self.status in UNFINISHED


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """The results database. One per process is plenty; not for sharing across threads."""

    def __init__(self, conn: sqlite3.Connection, *, path: Path | None = None,
                 clock: Callable[[], float] = time.time,
                 scorer: Callable[[Sequence[dict]], dict] | None = None) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        if scorer is None:
            from .rescore import score_events as scorer
        self.scorer = scorer

    # -- opening ------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *,
             path: str | os.PathLike[str] | None = None, **kwargs: Any) -> "Store":
        """Open the store in ``data_dir`` (see ``location``), or the file ``path``."""
        file = Path(path) if path is not None else location.db_path(data_dir)
        return cls(db.connect(file), path=file, **kwargs)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing a session ----------------------------------------------------------

    def create_session(self, start_event: dict[str, Any], *,
                       scenario_path: str | os.PathLike[str] | None = None,
                       player: str | None = None, class_code: str | None = None,
                       scenario_info: dict[str, Any] | None = None) -> int:
        """Store a new session from its ``start`` event (stored as event 0)."""
        if start_event.get("type") != "start":
            raise ValueError("a session starts with a 'start' event")
        now = self.clock()
        nick = identity.clean_nickname(player)
        with db.transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO sessions (uid, scenario_id, scenario_path, scenario_sha256, seed,"
                " player, player_key, class_code, started_at, updated_at, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                (uuid.uuid4().hex, str(start_event.get("scenario", "")),
                 None if scenario_path is None else str(scenario_path),
                 str(start_event.get("scenario_sha256", "")), start_event.get("seed"),
                 nick, identity.nickname_key(nick), identity.clean_class_code(class_code),
                 now, now))
            session_id = int(cur.lastrowid)
            self._insert_events(session_id, 0, [start_event], now)
            if scenario_info is not None:
                self._remember_scenario(start_event, scenario_info)
        return session_id

    def append_events(self, session_id: int, first_seq: int,
                      events: Sequence[dict[str, Any]]) -> None:
        """Commit ``events`` as numbers ``first_seq``, ``first_seq + 1``, ... in one transaction.

        An ``end`` event closes the session: its status becomes ``complete`` (or
        ``quit``) and its result record is computed and cached.
        """
        if not events:
            return
        now = self.clock()
        with db.transaction(self.conn):
            self._insert_events(session_id, first_seq, events, now)
            end = next((e for e in events if e.get("type") == "end"), None)
            if end is None:
                self.conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?",
                                  (now, session_id))
            else:
                status = "quit" if end.get("how") == "quit" else "complete"
                self.conn.execute(
                    "UPDATE sessions SET updated_at = ?, ended_at = ?, status = ?,"
                    " result_json = ? WHERE id = ?",
                    (now, now, status, self._score_json(session_id), session_id))

    def _insert_events(self, session_id: int, first_seq: int,
                       events: Iterable[dict[str, Any]], now: float) -> None:
        self.conn.executemany(
            "INSERT INTO events (session_id, seq, type, data, recorded_at) VALUES (?, ?, ?, ?, ?)",
            [(session_id, first_seq + i, str(e.get("type", "")), _dumps(e), now)
             for i, e in enumerate(events)])

    def _score_json(self, session_id: int) -> str | None:
        try:
            return _dumps(self.scorer(self.events(session_id)))
        except Exception:  # noqa: BLE001 - a scoring bug must never lose the events
            return None

    def reopen(self, session_id: int) -> int:
        """Make an unfinished session writable again (for resume); returns the next seq.

        A trailing ``quit`` event is kept but marked void, so it is no longer part
        of the session's log.
        """
        with db.transaction(self.conn):
            row = self.conn.execute("SELECT status FROM sessions WHERE id = ?",
                                    (session_id,)).fetchone()
            if row is None:
                raise KeyError(session_id)
            if row["status"] == "complete":
                raise ValueError(f"session {session_id} is complete; it cannot be resumed")
            self.conn.execute(
                "UPDATE events SET void = 1 WHERE session_id = ? AND type = 'end'",
                (session_id,))
            self.conn.execute(
                "UPDATE sessions SET status = 'open', ended_at = NULL, result_json = NULL,"
                " updated_at = ? WHERE id = ?", (self.clock(), session_id))
            nxt = self.conn.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM events"
                                    " WHERE session_id = ?", (session_id,)).fetchone()[0]
        return int(nxt)

    # -- reading ------------------------------------------------------------------

    def events(self, session_id: int, *, include_void: bool = False) -> list[dict[str, Any]]:
        """The session's event log, in order."""
        sql = "SELECT data FROM events WHERE session_id = ?"
        if not include_void:
            sql += " AND void = 0"
        rows = self.conn.execute(sql + " ORDER BY seq", (session_id,)).fetchall()
        return [json.loads(r[0]) for r in rows]

    def events_for(self, session_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """The logs of many sessions at once (for reports)."""
        out: dict[int, list[dict[str, Any]]] = {sid: [] for sid in session_ids}
        if not session_ids:
            return out
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id INTEGER PRIMARY KEY)")
        self.conn.execute("DELETE FROM temp.wanted")
        self.conn.executemany("INSERT OR IGNORE INTO temp.wanted (id) VALUES (?)",
                              [(sid,) for sid in session_ids])
        loads = json.loads
        for sid, data in self.conn.execute(
                "SELECT e.session_id, e.data FROM events e JOIN temp.wanted w ON w.id = e.session_id"
                " WHERE e.void = 0 ORDER BY e.session_id, e.seq"):
            out[sid].append(loads(data))
        self.conn.execute("DELETE FROM temp.wanted")
        return out

    def session(self, session_id: int, *, with_events: bool = False) -> SessionRecord | None:
        rows = self._select("WHERE s.id = ?", (session_id,))
        if not rows:
            return None
        rec = rows[0]
        if with_events:
            rec.events = self.events(session_id)
        return rec

    def sessions(self, *, class_code: str | None = None, player: str | None = None,
                 since: float | None = None, statuses: Sequence[str] | None = None,
                 with_events: bool = False) -> list[SessionRecord]:
        """Sessions matching every given filter, oldest first."""
        where, params = [], []
        if class_code is not None:
            where.append("s.class_code = ?")
            params.append(identity.clean_class_code(class_code))
        if player is not None:
            where.append("s.player_key = ?")
            params.append(identity.nickname_key(player))
        if since is not None:
            where.append("s.started_at >= ?")
            params.append(float(since))
        if statuses:
            where.append(f"s.status IN ({','.join('?' * len(statuses))})")
            params.extend(statuses)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        recs = self._select(clause, params)
        if with_events:
            logs = self.events_for([r.id for r in recs])
            for r in recs:
                r.events = logs[r.id]
        return recs

    def incomplete_sessions(self, **filters: Any) -> list[SessionRecord]:
        """Unfinished sessions (killed or quit), newest first: the ones to offer "resume" for."""
        recs = self.sessions(statuses=UNFINISHED, **filters)
        recs.sort(key=lambda r: r.updated_at, reverse=True)
        return recs

    def _select(self, clause: str, params: Sequence[Any]) -> list[SessionRecord]:
        sql = ("SELECT s.*, (SELECT COUNT(*) FROM events e WHERE e.session_id = s.id AND e.void = 0)"
               " AS event_count FROM sessions s " + clause + " ORDER BY s.started_at, s.id")
        out = []
        for r in self.conn.execute(sql, tuple(params)):
            out.append(SessionRecord(
                id=r["id"], uid=r["uid"], scenario_id=r["scenario_id"],
                scenario_path=r["scenario_path"], scenario_sha256=r["scenario_sha256"],
                seed=r["seed"], player=r["player"], class_code=r["class_code"],
                started_at=r["started_at"], updated_at=r["updated_at"], ended_at=r["ended_at"],
                status=r["status"],
                result=json.loads(r["result_json"]) if r["result_json"] else None,
                event_count=r["event_count"]))
        return out

    def result(self, session_id: int, *, recompute: bool = False) -> dict[str, Any] | None:
        """The session's result record: cached, or recomputed from its events.

        Unfinished sessions are scored too (their record says ``complete: false``)
        but never cached.
        """
        rec = self.session(session_id)
        if rec is None:
            raise KeyError(session_id)
        if rec.result is not None and not recompute:
            return rec.result
        result = self.scorer(self.events(session_id))
        if rec.status != "open":
            with db.transaction(self.conn):
                self.conn.execute("UPDATE sessions SET result_json = ? WHERE id = ?",
                                  (_dumps(result), session_id))
        return result

    def cache_result(self, session_id: int, result: dict[str, Any], *,
                     only_if_missing: bool = False) -> None:
        """Keep ``result`` as the session's cached record (ended sessions only)."""
        sql = "UPDATE sessions SET result_json = ? WHERE id = ? AND status != 'open'"
        if only_if_missing:
            sql += " AND result_json IS NULL"
        with db.transaction(self.conn):
            self.conn.execute(sql, (_dumps(result), session_id))

    def rescore_all(self) -> int:
        """Recompute every ended session's cached result from its events; returns how many."""
        ids = [r[0] for r in self.conn.execute(
            "SELECT id FROM sessions WHERE status != 'open' ORDER BY id")]
        for sid in ids:
            self.result(sid, recompute=True)
        return len(ids)

    # -- scenarios -------------------------------------------------------------------

    def remember_scenario(self, start_event: dict[str, Any], info: dict[str, Any]) -> None:
        """Keep what reports need from a scenario (titles, questions) under its SHA-256."""
        with db.transaction(self.conn):
            self._remember_scenario(start_event, info)

    def _remember_scenario(self, start_event: dict[str, Any], info: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO scenarios (sha256, scenario_id, info_json) VALUES (?, ?, ?)",
            (str(start_event.get("scenario_sha256", "")), str(start_event.get("scenario", "")),
             _dumps(info)))

    def scenario_infos(self) -> dict[str, dict[str, Any]]:
        """Remembered scenario facts by SHA-256."""
        return {r[0]: json.loads(r[1]) for r in
                self.conn.execute("SELECT sha256, info_json FROM scenarios")}

    # -- deleting ------------------------------------------------------------------

    def delete_sessions(self, session_ids: Sequence[int]) -> int:
        """Delete sessions and their events for good; returns how many sessions went."""
        if not session_ids:
            return 0
        ids = list(dict.fromkeys(int(i) for i in session_ids))
        with db.transaction(self.conn):
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                self.conn.execute(f"DELETE FROM events WHERE session_id IN ({marks})", chunk)
                self.conn.execute(f"DELETE FROM sessions WHERE id IN ({marks})", chunk)
        self.scrub()
        return len(ids)

    def scrub(self) -> None:
        """Push deletions out of the write-ahead log into the (zeroed) main file."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- settings ------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str | None) -> None:
        with db.transaction(self.conn):
            if value is None:
                self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                                  (key, value))
