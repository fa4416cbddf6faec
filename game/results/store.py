"""Sessions and their event logs: the results store, on SQLite or PostgreSQL.

Every engine event of a session becomes one row of ``events`` (session id,
sequence number, the event as JSON), committed when it happens. The
``sessions`` row holds who played (nickname, class code, school), which
scenario (id, path, SHA-256) and seed, the ``mode`` (``solo``; ``class`` for
a student's class-play result; ``class_session`` for the conversation a
class had together), the status, and a cached result record computed from
the events when the session ends, with the figures reports add up in SQL
(``summary``). :meth:`Store.result` can always recompute it.

Status of a session:

- ``open``: no ``end`` event yet. Either still being played, or the game was
  killed; on the next start it is *unfinished* and can be resumed.
- ``quit``: the player quit mid-conversation (an ``end`` event with
  ``how: quit``); also unfinished and resumable.
- ``complete``: the conversation reached an end; its result counts.

A resumed ``quit`` session keeps its ``quit`` event, marked void, so the log
that is scored is exactly what the player did.

One ``Store`` may be shared by several threads (a class server's requests,
the game's writer thread): every method takes a pooled connection of its
own. Screens and reports use the query methods here and in
``reports.queries``; nothing outside ``game/results`` writes SQL.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from . import db, identity, location, session_settings, summary
from .identity import NO_CLASS  # noqa: F401 - Filters(class_code=NO_CLASS): the sessions without a class code
from .schema import class_votes, session_categories, session_disclosures
from .schema import events as events_t
from .schema import scenarios as scenarios_t
from .schema import session_results as results_t
from .schema import sessions as sessions_t
from .schema import settings as settings_t

UNFINISHED = ("open", "quit")
MODES = ("solo", "class", "class_session")
CHUNK = 500


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
    school: str = ""
    mode: str = "solo"
    class_session_uid: str | None = None
    kind: str | None = None
    title: str | None = None
    stayed_too_long: bool = False     # the summary column (grooming chats left too late)

    @property
    def complete(self) -> bool:
        return self.status == "complete"

    @property
    def unfinished(self) -> bool:
        return self.status in UNFINISHED


@dataclass(frozen=True)
class ClassInfo:
    """A class seen in the store: its school, code and how much it played."""

    school: str
    class_code: str | None
    sessions: int
    players: int
    first: float | None
    last: float | None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _loads(text: str | None) -> Any:
    return json.loads(text) if text else None


@dataclass(frozen=True)
class Filters:
    """Which sessions a query is about; None means "any" (``class_code=NO_CLASS``: those without a class)."""

    school: str | None = None
    class_code: str | None = None
    player: str | None = None
    since: float | None = None
    until: float | None = None
    statuses: tuple[str, ...] | None = None
    modes: tuple[str, ...] | None = None
    uids: tuple[str, ...] | None = None

    @classmethod
    def of(cls, **kwargs: Any) -> Filters:
        statuses = kwargs.pop("statuses", None)
        modes = kwargs.pop("modes", None)
        mode = kwargs.pop("mode", None)
        uids = kwargs.pop("uids", None)
        if mode is not None:
            modes = (mode,)
        return cls(statuses=tuple(statuses) if statuses else None, modes=tuple(modes) if modes else None,
                   uids=tuple(uids) if uids is not None else None, **kwargs)

    def conditions(self, s: sa.Table = sessions_t) -> list[Any]:
        where: list[Any] = []
        if self.school is not None:
            where.append(s.c.school == identity.clean_school(self.school))
        if self.class_code is not None:
            where.append(s.c.class_code == identity.clean_class_code(self.class_code))   # NO_CLASS: IS NULL
        if self.player is not None:
            where.append(s.c.player_key == identity.nickname_key(self.player))
        if self.since is not None:
            where.append(s.c.started_at >= float(self.since))
        if self.until is not None:
            where.append(s.c.started_at < float(self.until))
        if self.statuses:
            where.append(s.c.status.in_(self.statuses))
        if self.modes:
            where.append(s.c.mode.in_(self.modes))
        if self.uids is not None:
            where.append(s.c.uid.in_(self.uids))
        return where


class Store:
    """The results database (SQLite file or PostgreSQL); safe to share between threads."""

    def __init__(self, engine: sa.Engine, *, target: db.Target | None = None,
                 clock: Callable[[], float] = time.time,
                 scorer: Callable[[Sequence[dict]], dict] | None = None,
                 school: str | None = None) -> None:
        self.engine = engine
        self.target = target
        self.path: Path | None = target.path if target is not None else None
        self.clock = clock
        self.school = identity.clean_school(school)
        if scorer is None:
            from .rescore import score_events
            scorer = score_events
        self.scorer: Callable[[Sequence[dict]], dict] = scorer
        self._fill_missing_summaries()

    # -- opening ------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *,
             path: str | os.PathLike[str] | None = None, database: str | None = None,
             timeout: float = 10.0, **kwargs: Any) -> Store:
        """Open the store: a PostgreSQL ``database`` URL, the SQLite file ``path``, or the
        SQLite file in ``data_dir`` (see ``location``). ``timeout``: how long a
        write waits for another writer's lock."""
        target = target_for(data_dir, path=path, database=database)
        return cls(db.open_engine(target, timeout=timeout), target=target, **kwargs)

    @classmethod
    def open_url(cls, url: str, **kwargs: Any) -> Store:
        """Open the PostgreSQL database at ``url`` (``postgresql://user@host:port/db``)."""
        return cls.open(database=url, **kwargs)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def describe(self) -> str:
        return self.target.describe() if self.target is not None else str(self.engine.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self):
        """A connection in a write transaction (SQLite: ``BEGIN IMMEDIATE``)."""
        return self.engine.connect().execution_options(immediate=True)

    # -- writing a session ----------------------------------------------------------

    def create_session(self, start_event: dict[str, Any], *,
                       scenario_path: str | os.PathLike[str] | None = None,
                       player: str | None = None, class_code: str | None = None,
                       scenario_info: dict[str, Any] | None = None, mode: str = "solo",
                       school: str | None = None, class_session_uid: str | None = None,
                       uid: str | None = None) -> int:
        """Store a new session from its ``start`` event (stored as event 0).

        ``mode``: ``solo`` (default), ``class`` (a student's class-play result,
        with ``class_session_uid`` naming the class session), or
        ``class_session`` (the conversation a class had together).
        """
        if start_event.get("type") != "start":
            raise ValueError("a session starts with a 'start' event")
        if mode not in MODES:
            raise ValueError(f"mode is one of {', '.join(MODES)}, not {mode!r}")
        now = self.clock()
        with self._write() as conn, conn.begin():
            sid = self._insert_session(conn, start_event, scenario_path=scenario_path, player=player,
                                       class_code=class_code, mode=mode, school=school,
                                       class_session_uid=class_session_uid, uid=uid,
                                       started_at=now, updated_at=now, event_count=1)
            self._insert_events(conn, sid, 0, [start_event], now)
            if scenario_info is not None:
                self._remember_scenario(conn, start_event, scenario_info)
        return sid

    def _insert_session(self, conn: sa.Connection, start_event: dict[str, Any], *,
                        scenario_path: Any, player: str | None, class_code: str | None, mode: str,
                        school: str | None, class_session_uid: str | None, uid: str | None,
                        started_at: float, updated_at: float, **extra: Any) -> int:
        nick = identity.clean_nickname(player)
        values = dict(
            uid=uid or uuid.uuid4().hex, scenario_id=str(start_event.get("scenario", "")),
            scenario_path=None if scenario_path is None else str(scenario_path),
            scenario_sha256=str(start_event.get("scenario_sha256", "")), seed=start_event.get("seed"),
            player=nick, player_key=identity.nickname_key(nick),
            class_code=identity.clean_class_code(class_code),
            school=self.school if school is None else identity.clean_school(school),
            mode=mode, class_session_uid=class_session_uid,
            kind=str(start_event.get("kind") or "grooming"), title=start_event.get("title"),
            started_at=started_at, updated_at=updated_at, status="open")
        values.update(extra)
        return int(conn.execute(sa.insert(sessions_t).values(**values).returning(sessions_t.c.id)).scalar_one())

    def append_events(self, session_id: int, first_seq: int,
                      events: Sequence[dict[str, Any]], *,
                      settings: Mapping[str, str] | None = None) -> None:
        """Commit ``events`` as numbers ``first_seq``, ``first_seq + 1``, ... in one transaction.

        An ``end`` event closes the session: its status becomes ``complete`` (or
        ``quit``) and its result record is computed and cached. ``settings`` are
        set in the same transaction (the class server's solo play keeps which
        request produced which events there, so a retried request counts once).
        """
        if not events:
            for key, value in (settings or {}).items():
                self.set_setting(key, value)
            return
        now = self.clock()
        s = sessions_t
        with self._write() as conn, conn.begin():
            for key, value in (settings or {}).items():
                self._upsert(conn, settings_t, {"key": key, "value": value}, key="key")
            self._insert_events(conn, session_id, first_seq, events, now)
            end = next((e for e in events if e.get("type") == "end"), None)
            values: dict[str, Any] = {"updated_at": now, "event_count": s.c.event_count + len(events)}
            if end is not None:
                values.update(ended_at=now, status="quit" if end.get("how") == "quit" else "complete")
            conn.execute(sa.update(s).where(s.c.id == session_id).values(**values))
            if end is not None:
                self._score_into(conn, session_id)

    def _insert_events(self, conn: sa.Connection, session_id: int, first_seq: int,
                       events: Iterable[dict[str, Any]], now: float) -> None:
        rows = [{"session_id": session_id, "seq": first_seq + i, "type": str(e.get("type", "")),
                 "data": _dumps(e), "recorded_at": now, "void": 0} for i, e in enumerate(events)]
        if rows:
            conn.execute(sa.insert(events_t), rows)

    def _score_into(self, conn: sa.Connection, session_id: int) -> None:
        log = self._events(conn, session_id)
        try:
            result = self.scorer(log)
        except Exception:  # noqa: BLE001 - a scoring bug must never lose the events
            return
        self._keep_result(conn, session_id, result, log)

    def _keep_result(self, conn: sa.Connection, session_id: int, result: dict[str, Any],
                     log: Sequence[dict[str, Any]] | None) -> None:
        """Cache ``result`` with its summary figures (``log``: the events, for the per-kind counts)."""
        s = sessions_t
        kind = conn.execute(sa.select(s.c.kind).where(s.c.id == session_id)).scalar()
        if log is None:
            log = self._events(conn, session_id)
        grace = int(((log[0].get("scoring") or {}).get("exit_grace") or 0) if log else 0)
        conn.execute(sa.update(s).where(s.c.id == session_id).values(**summary.columns(result, kind, grace)))
        conn.execute(sa.delete(results_t).where(results_t.c.session_id == session_id))
        conn.execute(sa.insert(results_t).values(session_id=session_id, result_json=_dumps(result)))
        conn.execute(sa.delete(session_categories).where(session_categories.c.session_id == session_id))
        conn.execute(sa.delete(session_disclosures).where(session_disclosures.c.session_id == session_id))
        cats = summary.categories(result, log)
        if cats:
            conn.execute(sa.insert(session_categories), [
                {"session_id": session_id, "category": c, "items": n, "hits": h} for c, (n, h) in cats.items()])
        kinds = summary.disclosures(result)
        if kinds:
            conn.execute(sa.insert(session_disclosures), [{"session_id": session_id, "kind": k} for k in kinds])

    def _fill_missing_summaries(self) -> None:
        """Sessions cached before the summary columns existed (an upgraded store) get them now."""
        s = sessions_t
        try:
            while True:
                with self._write() as conn, conn.begin():
                    rows = conn.execute(
                        sa.select(s.c.id, results_t.c.result_json)
                        .select_from(s.join(results_t, results_t.c.session_id == s.c.id))
                        .where(s.c.summary_version < summary.SUMMARY_VERSION)
                        .limit(CHUNK)).all()
                    if not rows:
                        return
                    logs = self._events_for(conn, [r.id for r in rows])
                    for r in rows:
                        try:
                            result = json.loads(r.result_json)
                        except ValueError:
                            conn.execute(sa.delete(results_t).where(results_t.c.session_id == r.id))
                            conn.execute(sa.update(s).where(s.c.id == r.id).values(
                                summary_version=summary.SUMMARY_VERSION))
                            continue
                        self._keep_result(conn, r.id, result, logs.get(r.id, []))
        except db.ERRORS:
            return   # a read-only or busy file: the next opening tries again

    def add_session(self, events: Sequence[dict[str, Any]], *, player: str | None = None,
                    class_code: str | None = None, mode: str = "solo", school: str | None = None,
                    class_session_uid: str | None = None, scenario_info: dict[str, Any] | None = None,
                    scenario_path: str | None = None, uid: str | None = None,
                    started_at: float | None = None, updated_at: float | None = None,
                    ended_at: float | None = None, status: str | None = None) -> int:
        """Store a whole session (all its events) in one transaction; returns its id.

        For a class server storing each student's class-play result
        (``mode="class"``) and for importing bundles. The status follows from
        the last event unless given; a finished session is scored at once.
        """
        if not events or events[0].get("type") != "start":
            raise ValueError("a session starts with a 'start' event")
        if mode not in MODES:
            raise ValueError(f"mode is one of {', '.join(MODES)}, not {mode!r}")
        now = self.clock()
        last = events[-1]
        if status is None:
            status = ("open" if last.get("type") != "end" else "quit" if last.get("how") == "quit" else "complete")
        with self._write() as conn, conn.begin():
            sid = self._insert_session(
                conn, events[0], scenario_path=scenario_path, player=player, class_code=class_code,
                mode=mode, school=school, class_session_uid=class_session_uid, uid=uid,
                started_at=now if started_at is None else started_at,
                updated_at=now if updated_at is None else updated_at,
                ended_at=(now if status != "open" else None) if ended_at is None else ended_at,
                status=status, event_count=len(events))
            self._insert_events(conn, sid, 0, events, now)
            if scenario_info is not None:
                self._remember_scenario(conn, events[0], scenario_info)
            if status != "open":
                self._score_into(conn, sid)
        return sid

    def reopen(self, session_id: int) -> int:
        """Make an unfinished session writable again (for resume); returns the next seq.

        A trailing ``quit`` event is kept but marked void, so it is no longer part
        of the session's log.
        """
        s, e = sessions_t, events_t
        with self._write() as conn, conn.begin():
            status = conn.execute(sa.select(s.c.status).where(s.c.id == session_id)).scalar()
            if status is None:
                raise KeyError(session_id)
            if status == "complete":
                raise ValueError(f"session {session_id} is complete; it cannot be resumed")
            conn.execute(sa.update(e).where(e.c.session_id == session_id, e.c.type == "end").values(void=1))
            live = sa.select(sa.func.count()).select_from(e).where(e.c.session_id == session_id, e.c.void == 0)
            conn.execute(sa.delete(results_t).where(results_t.c.session_id == session_id))
            conn.execute(sa.update(s).where(s.c.id == session_id).values(
                status="open", ended_at=None, updated_at=self.clock(),
                event_count=live.scalar_subquery(), **summary.columns(None, None)))
            nxt = conn.execute(sa.select(sa.func.coalesce(sa.func.max(e.c.seq), -1) + 1)
                               .where(e.c.session_id == session_id)).scalar_one()
        return int(nxt)

    def merge_sessions(self, items: Iterable[dict[str, Any]], scenario_facts: Iterable[dict[str, Any]] = (),
                       *, school: str | None = None) -> tuple[int, int, int]:
        """Merge sessions from a bundle (``bundle.py``) by uid, all in one transaction.

        Returns (added, extended, already): new sessions; sessions that were
        here with fewer events (the device played on after an earlier export)
        and got the rest; sessions that were here in full (or differ: the
        stored copy is kept)."""
        s = sessions_t
        added = extended = already = 0
        with self._write() as conn, conn.begin():
            for sc in scenario_facts:
                ins = (sqlite_dialect.insert(scenarios_t) if self.is_sqlite else pg_dialect.insert(scenarios_t))
                conn.execute(ins.values(sha256=sc["sha256"], scenario_id=str(sc.get("id") or ""),
                                        info_json=_dumps(sc["info"])).on_conflict_do_nothing())
            for item in items:
                meta, log = item["session"], item["events"]
                row = conn.execute(sa.select(s.c.id, s.c.event_count, s.c.status)
                                   .where(s.c.uid == meta["uid"])).first()
                ended = meta.get("status") != "open"
                if row is None:
                    sid = self._insert_session(
                        conn, log[0], scenario_path=meta.get("scenario_path"), player=meta.get("player"),
                        class_code=meta.get("class"), mode=meta.get("mode") or "solo",
                        school=meta.get("school") or school or self.school,
                        class_session_uid=meta.get("class_session_uid"), uid=meta["uid"],
                        started_at=float(meta["started_at"]), updated_at=float(meta["updated_at"]),
                        ended_at=meta.get("ended_at"), status=meta["status"], event_count=len(log))
                    self._insert_events(conn, sid, 0, log, float(meta["updated_at"]))
                    for vote in item.get("votes") or []:
                        conn.execute(sa.insert(class_votes), [
                            {"session_id": sid, "vote_no": int(vote["vote"]), "option_key": str(k), "votes": int(v),
                             "node": vote.get("node"), "chosen": int(str(k) == str(vote.get("chosen")))}
                            for k, v in (vote.get("counts") or {}).items()])
                    if ended:
                        self._score_into(conn, sid)
                    added += 1
                    continue
                have = int(row.event_count)
                if have < len(log) and row.status != "complete" and self._events(conn, row.id) == log[:have]:
                    nxt = conn.execute(sa.select(sa.func.coalesce(sa.func.max(events_t.c.seq), -1) + 1)
                                       .where(events_t.c.session_id == row.id)).scalar_one()
                    self._insert_events(conn, row.id, int(nxt), log[have:], float(meta["updated_at"]))
                    conn.execute(sa.update(s).where(s.c.id == row.id).values(
                        event_count=len(log), status=meta["status"], updated_at=float(meta["updated_at"]),
                        ended_at=meta.get("ended_at")))
                    if ended:
                        self._score_into(conn, row.id)
                    extended += 1
                else:
                    already += 1
        return added, extended, already

    # -- class sessions --------------------------------------------------------------

    def record_vote(self, session_id: int, vote_no: int, counts: dict[str, int], *,
                    node: str | None = None, chosen: str | None = None) -> None:
        """Keep the count of every option of vote number ``vote_no`` (1, 2, ...) of a class session.

        Recording the same vote again replaces its counts (a retried request)."""
        with self._write() as conn, conn.begin():
            conn.execute(sa.delete(class_votes).where(class_votes.c.session_id == session_id,
                                                      class_votes.c.vote_no == vote_no))
            rows = [{"session_id": session_id, "vote_no": int(vote_no), "option_key": str(k),
                     "votes": int(v), "node": node, "chosen": int(str(k) == str(chosen))}
                    for k, v in counts.items()]
            if rows:
                conn.execute(sa.insert(class_votes), rows)

    def votes(self, session_id: int) -> list[dict[str, Any]]:
        """The votes of a class session in order: ``[{"vote", "node", "counts", "chosen"}]``."""
        v = class_votes
        out: dict[int, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(v).where(v.c.session_id == session_id)
                                  .order_by(v.c.vote_no, v.c.option_key)):
                vote = out.setdefault(r.vote_no, {"vote": r.vote_no, "node": r.node, "counts": {}, "chosen": None})
                vote["counts"][r.option_key] = r.votes
                if r.chosen:
                    vote["chosen"] = r.option_key
        return list(out.values())

    def class_results(self, class_session_uid: str) -> list[SessionRecord]:
        """The students' class-play results of one class session."""
        return self.sessions(modes=("class",), class_session_uids=(class_session_uid,))

    # -- reading ------------------------------------------------------------------

    @staticmethod
    def _events(conn: sa.Connection, session_id: int, include_void: bool = False) -> list[dict[str, Any]]:
        e = events_t
        q = sa.select(e.c.data).where(e.c.session_id == session_id)
        if not include_void:
            q = q.where(e.c.void == 0)
        return [json.loads(d) for d in conn.execute(q.order_by(e.c.seq)).scalars()]

    def events(self, session_id: int, *, include_void: bool = False) -> list[dict[str, Any]]:
        """The session's event log, in order."""
        with self.engine.connect() as conn:
            return self._events(conn, session_id, include_void)

    @staticmethod
    def _events_for(conn: sa.Connection, session_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        e = events_t
        out: dict[int, list[dict[str, Any]]] = {sid: [] for sid in session_ids}
        ids = list(out)
        loads = json.loads
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            for sid, data in conn.execute(
                    sa.select(e.c.session_id, e.c.data).where(e.c.session_id.in_(chunk), e.c.void == 0)
                    .order_by(e.c.session_id, e.c.seq)):
                out[sid].append(loads(data))
        return out

    def events_for(self, session_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """The logs of many sessions at once (for reports)."""
        with self.engine.connect() as conn:
            return self._events_for(conn, session_ids)

    def report_reasons(self, session_ids: Sequence[int]) -> dict[int, str]:
        """What the player said happened when they reported (the ``reason`` of the ``end`` event), by
        session; sessions without one are left out. Reads only the end events, never a whole log."""
        e, out = events_t, {}
        ids = list(dict.fromkeys(session_ids))
        with self.engine.connect() as conn:
            for start in range(0, len(ids), CHUNK):
                for sid, data in conn.execute(
                        sa.select(e.c.session_id, e.c.data).where(e.c.session_id.in_(ids[start:start + CHUNK]),
                                                                  e.c.type == "end", e.c.void == 0)):
                    reason = json.loads(data).get("reason")
                    if reason:
                        out[int(sid)] = str(reason)
        return out

    def session(self, session_id: int, *, with_events: bool = False) -> SessionRecord | None:
        with self.engine.connect() as conn:
            rows = self._select(conn, [sessions_t.c.id == session_id])
            if not rows:
                return None
            rec = rows[0]
            if with_events:
                rec.events = self._events(conn, session_id)
        return rec

    def session_by_uid(self, uid: str) -> SessionRecord | None:
        with self.engine.connect() as conn:
            rows = self._select(conn, [sessions_t.c.uid == uid])
        return rows[0] if rows else None

    def sessions(self, *, class_code: str | None = None, player: str | None = None,
                 since: float | None = None, statuses: Sequence[str] | None = None,
                 with_events: bool = False, school: str | None = None, until: float | None = None,
                 modes: Sequence[str] | None = None, class_session_uids: Sequence[str] | None = None,
                 newest_first: bool = False, limit: int | None = None, offset: int = 0) -> list[SessionRecord]:
        """Sessions matching every given filter, oldest first (or newest first), optionally a page."""
        f = Filters.of(class_code=class_code, player=player, since=since, statuses=statuses,
                       school=school, until=until, modes=modes)
        where = f.conditions()
        if class_session_uids is not None:
            where.append(sessions_t.c.class_session_uid.in_(list(class_session_uids)))
        with self.engine.connect() as conn:
            recs = self._select(conn, where, newest_first=newest_first, limit=limit, offset=offset)
            if with_events:
                logs = self._events_for(conn, [r.id for r in recs])
                for r in recs:
                    r.events = logs[r.id]
        return recs

    def iter_sessions(self, filters: Filters | None = None, *, with_events: bool = False,
                      batch: int = CHUNK) -> Iterator[SessionRecord]:
        """Matching sessions, oldest first, read ``batch`` at a time (memory stays flat): one query,
        ``stream_results`` + ``yield_per`` (a server-side cursor on PostgreSQL), one snapshot."""
        q = self._query((filters or Filters()).conditions())
        with self.engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=batch).execute(q)
            for part in rows.partitions():
                recs = [_record(r) for r in part]
                if with_events:
                    logs = self._events_for(conn, [r.id for r in recs])
                    for r in recs:
                        r.events = logs[r.id]
                yield from recs

    def count_sessions(self, filters: Filters | None = None) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(sessions_t)
                                    .where(*(filters or Filters()).conditions())).scalar_one())

    def session_ids(self, filters: Filters | None = None) -> list[int]:
        with self.engine.connect() as conn:
            return [int(i) for i in conn.execute(sa.select(sessions_t.c.id).where(
                *(filters or Filters()).conditions()).order_by(sessions_t.c.id)).scalars()]

    def incomplete_sessions(self, **filters: Any) -> list[SessionRecord]:
        """Unfinished sessions (killed or quit), newest first: the ones to offer "resume" for."""
        recs = self.sessions(statuses=UNFINISHED, **filters)
        recs.sort(key=lambda r: r.updated_at, reverse=True)
        return recs

    def classes(self, *, school: str | None = None, since: float | None = None) -> list[ClassInfo]:
        """Every class (by school and code) with its number of sessions and players, by school then code."""
        s = sessions_t
        q = (sa.select(s.c.school, s.c.class_code, sa.func.count().label("n"),
                       sa.func.count(sa.distinct(s.c.player_key)).label("players"),
                       sa.func.min(s.c.started_at).label("first"), sa.func.max(s.c.started_at).label("last"))
             .where(*Filters(school=school, since=since).conditions())
             .group_by(s.c.school, s.c.class_code).order_by(s.c.school, s.c.class_code))
        with self.engine.connect() as conn:
            return [ClassInfo(r.school, r.class_code, int(r.n), int(r.players), r.first, r.last)
                    for r in conn.execute(q)]

    def class_codes(self, *, school: str | None = None) -> list[str]:
        """The class codes in use (of one school, or of all), sorted."""
        return sorted(self.class_activity(school=school))

    def class_activity(self, *, school: str | None = None) -> dict[str, float]:
        """Class code -> start of its newest session (read from the class index alone, so cheap)."""
        s = sessions_t
        q = (sa.select(s.c.class_code, sa.func.max(s.c.started_at))
             .where(*Filters(school=school).conditions(), s.c.class_code.is_not(None)).group_by(s.c.class_code))
        with self.engine.connect() as conn:
            return {str(code): float(last) for code, last in conn.execute(q)}

    def players_in_class(self, class_code: str | None) -> set[str]:
        """Every nickname stored with ``class_code`` (None: sessions without a class)."""
        s = sessions_t
        cond = s.c.class_code.is_(None) if class_code is None else s.c.class_code == class_code
        with self.engine.connect() as conn:
            return {str(p) for p in conn.execute(sa.select(s.c.player).where(cond).distinct()).scalars() if p}

    def schools(self) -> list[str]:
        """The schools that have sessions in this store ('' is the unnamed school of a single device)."""
        with self.engine.connect() as conn:
            return [str(x) for x in conn.execute(
                sa.select(sessions_t.c.school).distinct().order_by(sessions_t.c.school)).scalars()]

    def inactive_since(self, cutoff: float) -> list[int]:
        """Ids of sessions whose last activity is older than ``cutoff`` (for retention)."""
        s = sessions_t
        with self.engine.connect() as conn:
            return [int(i) for i in conn.execute(sa.select(s.c.id).where(s.c.updated_at < cutoff)
                                                 .order_by(s.c.id)).scalars()]

    def _select(self, conn: sa.Connection, where: Sequence[Any], *, newest_first: bool = False,
                limit: int | None = None, offset: int = 0) -> list[SessionRecord]:
        return [_record(r) for r in conn.execute(self._query(where, newest_first=newest_first, limit=limit,
                                                             offset=offset))]

    @staticmethod
    def _query(where: Sequence[Any], *, newest_first: bool = False, limit: int | None = None,
               offset: int = 0) -> Any:
        s = sessions_t
        cols = [s.c.id, s.c.uid, s.c.scenario_id, s.c.scenario_path, s.c.scenario_sha256, s.c.seed,
                s.c.player, s.c.class_code, s.c.started_at, s.c.updated_at, s.c.ended_at, s.c.status,
                results_t.c.result_json, s.c.event_count, s.c.school, s.c.mode, s.c.class_session_uid,
                s.c.kind, s.c.title, s.c.stayed_too_long]
        order = [s.c.started_at.desc(), s.c.id.desc()] if newest_first else [s.c.started_at, s.c.id]
        q = (sa.select(*cols).select_from(s.outerjoin(results_t, results_t.c.session_id == s.c.id))
             .where(*where).order_by(*order))
        if limit is not None:
            q = q.limit(limit).offset(offset)
        return q

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
        log = self.events(session_id)
        result = self.scorer(log)
        if rec.status != "open":
            with self._write() as conn, conn.begin():
                self._keep_result(conn, session_id, result, log)
        return result

    def cache_result(self, session_id: int, result: dict[str, Any], *,
                     only_if_missing: bool = False) -> None:
        """Keep ``result`` as the session's cached record (ended sessions only)."""
        s = sessions_t
        with self._write() as conn, conn.begin():
            row = conn.execute(sa.select(s.c.status, results_t.c.result_json)
                               .select_from(s.outerjoin(results_t, results_t.c.session_id == s.c.id))
                               .where(s.c.id == session_id)).first()
            if row is None or row.status == "open" or (only_if_missing and row.result_json is not None):
                return
            self._keep_result(conn, session_id, result, None)

    def rescore_all(self) -> int:
        """Recompute every ended session's cached result from its events; returns how many."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(sa.select(sessions_t.c.id).where(sessions_t.c.status != "open")
                                    .order_by(sessions_t.c.id)).scalars())
        for sid in ids:
            self.result(sid, recompute=True)
        return len(ids)

    # -- scenarios -------------------------------------------------------------------

    def remember_scenario(self, start_event: dict[str, Any], info: dict[str, Any]) -> None:
        """Keep what reports need from a scenario (titles, questions) under its SHA-256."""
        with self._write() as conn, conn.begin():
            self._remember_scenario(conn, start_event, info)

    def _remember_scenario(self, conn: sa.Connection, start_event: dict[str, Any], info: dict[str, Any]) -> None:
        self._upsert(conn, scenarios_t, {"sha256": str(start_event.get("scenario_sha256", "")),
                                         "scenario_id": str(start_event.get("scenario", "")),
                                         "info_json": _dumps(info)}, key="sha256")

    def scenario_infos(self, shas: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Remembered scenario facts by SHA-256 (all, or only those of ``shas``)."""
        q = sa.select(scenarios_t.c.sha256, scenarios_t.c.info_json)
        if shas is not None:
            q = q.where(scenarios_t.c.sha256.in_(list(shas)))
        with self.engine.connect() as conn:
            return {r[0]: json.loads(r[1]) for r in conn.execute(q)}

    def _upsert(self, conn: sa.Connection, table: sa.Table, values: dict[str, Any], *, key: str) -> None:
        ins = (sqlite_dialect.insert(table) if self.is_sqlite else pg_dialect.insert(table)).values(**values)
        conn.execute(ins.on_conflict_do_update(index_elements=[key],
                                               set_={k: v for k, v in values.items() if k != key}))

    # -- deleting ------------------------------------------------------------------

    def delete_sessions(self, session_ids: Sequence[int]) -> int:
        """Delete sessions and everything of theirs (settings rows too) for good; returns how many went.

        SQLite overwrites the rows (``secure_delete``) and checkpoints; PostgreSQL vacuums (:meth:`scrub`)."""
        if not session_ids:
            return 0
        ids = list(dict.fromkeys(int(i) for i in session_ids))
        gone = 0
        with self._write() as conn, conn.begin():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                for table in (events_t, results_t, session_categories, session_disclosures, class_votes):
                    conn.execute(sa.delete(table).where(table.c.session_id.in_(chunk)))
                session_settings.delete_for(conn, settings_t, chunk)
                gone += conn.execute(sa.delete(sessions_t).where(sessions_t.c.id.in_(chunk))).rowcount
        self.scrub()
        return gone

    def scrub(self) -> bool:
        """Make deleted rows unrecoverable from the database files; True when it fully succeeded (``scrub.py``)."""
        from .scrub import scrub

        return scrub(self)

    # -- settings ------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(settings_t.c.value).where(settings_t.c.key == key)).scalar()
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str | None) -> None:
        with self._write() as conn, conn.begin():
            if value is None:
                conn.execute(sa.delete(settings_t).where(settings_t.c.key == key))
            else:
                self._upsert(conn, settings_t, {"key": key, "value": value}, key="key")


def _record(r: Any) -> SessionRecord:
    """A row of ``Store._query`` as a SessionRecord."""
    return SessionRecord(
        id=r.id, uid=r.uid, scenario_id=r.scenario_id, scenario_path=r.scenario_path,
        scenario_sha256=r.scenario_sha256, seed=r.seed, player=r.player, class_code=r.class_code,
        started_at=r.started_at, updated_at=r.updated_at, ended_at=r.ended_at, status=r.status,
        result=_loads(r.result_json), event_count=r.event_count, school=r.school, mode=r.mode,
        class_session_uid=r.class_session_uid, kind=r.kind, title=r.title,
        stayed_too_long=bool(r.stayed_too_long))


def target_for(data_dir: str | os.PathLike[str] | None = None, *, path: str | os.PathLike[str] | None = None,
               database: str | None = None) -> db.Target:
    """Where to open the store: ``database`` (a URL), else ``path``, else the server named by
    ``--database`` / ``REDFLAGS_DATABASE``, else the SQLite file in ``data_dir``."""
    if database:
        return db.database_target(database)
    if path is None and location.database_url():
        return db.database_target(location.database_url() or "")
    file = Path(path) if path is not None else location.db_path(data_dir)
    return db.sqlite_target(file)


