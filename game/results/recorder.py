"""Commits each engine event to the store, in order, without making the game wait.

Give ``Recorder.on_event`` to the engine as its ``on_event`` callback. The
``start`` event creates the session; every later event is appended to it.

Two ways of committing:

- **in the caller's thread** (the default; the terminal, scripts, tests):
  each event is committed before ``on_event`` returns, so a session killed
  at any point keeps every event it emitted;
- **in a writer thread** (``background=True``; the window, where a frame must
  never wait on a disk or a lock): ``on_event`` only puts the event on a
  queue; one writer thread per recorder takes them off in order and commits
  each as it comes. ``saved`` says when every event so far is on disk, and
  ``wait_saved(timeout)`` waits for it; a front end says "saved" only then.

If the database cannot be written (disk full, locked for too long, the
server away) the game goes on: the events are kept in memory, in order, and
written when it works again (the writer thread retries on its own, every
0.2 s up to every 2 s, and at once when a new event or the finish arrives;
the other mode retries with the next event). A SQLite connection that
failed because it had opened the file read-only is dropped, so the next try
opens the file afresh (``db.drop_connections_after``).

**Status for the front ends** (the hook the player-facing message is built
on): ``recorder.status()`` returns a ``SaveStatus`` with ``state`` one of
``"saved"`` (everything so far is on disk), ``"saving"`` (events queued, no
failure), ``"retrying"`` (a write failed; ``error`` is its one-line reason,
``pending`` how many events wait in memory), plus ``since`` (when the
failure began). ``on_status`` (a callable given to the recorder) is called
with the new status whenever the state changes, from the writer thread:
a front end should only store it and draw it on its next frame.

``open_recorder`` is what the play commands use: it opens the store in the
data folder (or the ``--database`` server), applies the retention setting,
and returns a recorder that closes the store when the session finishes.
When the store cannot be opened (a read-only folder, a full disk, the server
away) the recorder starts in the ``retrying`` state and opens it at its next
try, so a chat begun on a full disk is saved once space comes back.
``error`` is always in plain words ("the disk is full", "the results folder
is read-only"): ``game.play.saving`` builds the player's sentences on it.
"""

from __future__ import annotations

import atexit
import errno
import os
import queue
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .db import ERRORS, DatabaseError, drop_connections_after
from .store import Store

#: what opening the store for a new session can raise
OPEN_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, *ERRORS)
RETRY_FIRST_S = 0.2
RETRY_MAX_S = 2.0
EXIT_WAIT_S = 10.0          # at interpreter exit, how long to wait for queued events


@dataclass(frozen=True)
class SaveStatus:
    state: str                     # saved | saving | retrying
    pending: int                   # events received but not on disk yet
    error: str | None = None       # the last failure's one-line reason (state "retrying")
    since: float | None = None     # time.time() of the first failure of this run of failures

    @property
    def ok(self) -> bool:
        return self.state != "retrying"


_live: weakref.WeakSet[Recorder] = weakref.WeakSet()


class Recorder:
    def __init__(self, store: Store | None, *, scenario_path: str | os.PathLike[str] | None = None,
                 player: str | None = None, class_code: str | None = None,
                 scenario_info: dict[str, Any] | None = None,
                 session_id: int | None = None, next_seq: int = 0, mode: str = "solo",
                 class_session_uid: str | None = None, background: bool = False,
                 on_status: Callable[[SaveStatus], None] | None = None,
                 opener: Callable[[], Store] | None = None) -> None:
        """A recorder for a new session, or (``session_id``, ``next_seq``) for a resumed one.

        ``store`` None: ``opener()`` opens it at the first write (and again after a failure).
        """
        self.store = store
        self.opener = opener
        self.created = time.monotonic()
        self.store_path: str | os.PathLike[str] | None = None   # where it is while it cannot be opened
        self.scenario_path = scenario_path
        self.player = player
        self.class_code = class_code
        self.scenario_info = scenario_info
        self.mode = mode
        self.class_session_uid = class_session_uid
        self.session_id = session_id
        self.next_seq = next_seq
        self.ended = False
        self.last_error: str | None = None
        self.owns_store = False      # close the store after finish()
        self.on_status = on_status
        self._pending: list[dict[str, Any]] = []
        self._failing_since: float | None = None
        self._state = "saved"
        self._queue: queue.Queue[tuple[str, Any]] | None = None
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._seen_end = False
        if background:
            self._queue = queue.Queue()
            self._thread = threading.Thread(target=self._run, name="results-writer", daemon=True)
            self._thread.start()
            _live.add(self)

    # -- what the engine calls ----------------------------------------------------------

    def on_event(self, event: dict[str, Any]) -> None:
        """Store one event (the engine's ``on_event`` callback)."""
        if self.ended or self._seen_end:
            return
        if event.get("type") == "end":
            self._seen_end = self._queue is not None
        if self._queue is not None:
            self._idle.clear()
            self._queue.put(("event", dict(event)))
            self._set_state()
            return
        self._pending.append(dict(event))
        self.flush()
        if event.get("type") == "end" and not self._pending:
            self.ended = True
        self._set_state()

    __call__ = on_event

    def finish(self, result: dict[str, Any] | None = None) -> None:
        """The session is over: write anything still pending and keep ``result`` if given.

        The store scores the session itself when the ``end`` event arrives; a
        result passed here only fills in when that failed. In background mode
        this returns at once; ``wait_saved`` waits for the writer.
        """
        if self._queue is not None:
            self._idle.clear()
            self._queue.put(("finish", result))
            return
        self._finish_now(result)

    def _finish_now(self, result: dict[str, Any] | None) -> None:
        self.flush()
        if result is not None and self.session_id is not None and not self._pending \
                and self.store is not None:
            try:
                self.store.cache_result(self.session_id, result, only_if_missing=True)
            except ERRORS as exc:
                self.last_error = f"result not saved: {exc}"
        if self.owns_store and not self._pending and self.store is not None:
            self.store.close()
            self.owns_store = False

    # -- status ---------------------------------------------------------------------------

    @property
    def unsaved(self) -> int:
        """Events received but not yet committed."""
        queued = self._queue.qsize() if self._queue is not None else 0
        return len(self._pending) + queued

    @property
    def saved(self) -> bool:
        """Every event received so far is on disk."""
        return self.unsaved == 0 and self._idle.is_set() and self.last_error is None

    def status(self) -> SaveStatus:
        pending = self.unsaved
        if self.last_error is not None:
            return SaveStatus("retrying", pending, self.last_error, self._failing_since)
        if pending or not self._idle.is_set():
            return SaveStatus("saving", pending)
        return SaveStatus("saved", 0)

    def wait_saved(self, timeout: float | None = None) -> bool:
        """Wait until everything received so far is on disk; False on timeout."""
        if self._queue is None:
            return self.flush()
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._idle.wait(left):
                return False
            if self.unsaved == 0:          # not an event slipped in as the writer went idle
                return self.last_error is None
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.005)

    def settle(self, timeout: float) -> bool:
        """Keep trying for up to ``timeout`` seconds until everything is on disk; True if it is."""
        deadline = time.monotonic() + timeout
        delay = RETRY_FIRST_S
        while True:
            if self._queue is not None:
                done = self.wait_saved(max(0.0, deadline - time.monotonic()))
            else:
                done = self.flush()
            self._set_state()
            if done or time.monotonic() >= deadline:
                return done
            if self._queue is None:
                time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
                delay = min(RETRY_MAX_S, delay * 2)

    def _set_state(self) -> None:
        state = self.status()
        if state.state != self._state:
            self._state = state.state
            if self.on_status is not None:
                try:
                    self.on_status(state)
                except Exception:  # noqa: BLE001 - a front end's hook must not stop the writer
                    pass

    # -- writing --------------------------------------------------------------------------

    def flush(self) -> bool:
        """Try to commit whatever is pending; True when nothing is left."""
        if not self._pending:
            return True
        try:
            if self.store is None:
                if self.opener is None:
                    raise DatabaseError("no results store")
                self.store = self.opener()
                self.owns_store = True
            if self.session_id is None:
                first = self._pending[0]
                self.session_id = self.store.create_session(
                    first, scenario_path=self.scenario_path, player=self.player,
                    class_code=self.class_code, scenario_info=self.scenario_info, mode=self.mode,
                    class_session_uid=self.class_session_uid)
                self.next_seq = 1
                self._pending.pop(0)
            if self._pending:
                self.store.append_events(self.session_id, self.next_seq, self._pending)
                self.next_seq += len(self._pending)
                self._pending.clear()
        except OPEN_ERRORS as exc:
            if self.store is not None:
                drop_connections_after(self.store.engine, exc)
            if self.last_error is None:
                self._failing_since = time.time()
            self.last_error = describe_failure(exc, self._store_path())
            return False
        self.last_error = None
        self._failing_since = None
        return True

    def _take(self, kind: str, payload: Any, finishing: tuple[bool, Any]) -> tuple[bool, Any]:
        """One queued item: an event joins the pending ones; a finish is remembered."""
        if kind == "event":
            self._pending.append(payload)
            return finishing
        return (True, payload)

    def _take_queued(self, finishing: tuple[bool, Any], *, until_finish: bool) -> tuple[bool, Any]:
        """Every item already queued (stopping after a finish when ``until_finish``), without waiting."""
        assert self._queue is not None
        while not (until_finish and finishing[0]):
            try:
                kind, payload = self._queue.get_nowait()
            except queue.Empty:
                break
            finishing = self._take(kind, payload, finishing)
        return finishing

    def _run(self) -> None:
        """The writer thread: events in order, each committed as it comes, failures retried."""
        assert self._queue is not None
        finishing: tuple[bool, Any] = (False, None)
        while True:
            finishing = self._take(*self._queue.get(), finishing)
            # Take everything already queued too: one transaction for a burst of events.
            finishing = self._take_queued(finishing, until_finish=True)
            delay = RETRY_FIRST_S
            while not self.flush():
                self._set_state()
                # Wait for the next try on the queue, not in a sleep: a new event or the
                # finish tries again at once (the disk may have room again by then).
                try:
                    finishing = self._take(*self._queue.get(timeout=delay), finishing)
                except queue.Empty:
                    delay = min(RETRY_MAX_S, delay * 2)
                # keep taking new events, in order, while we wait
                finishing = self._take_queued(finishing, until_finish=False)
            if finishing[0]:
                self._finish_now(finishing[1])
                self.ended = True
                if self._queue.empty():
                    self._idle.set()
                    self._set_state()
                    return
            if self._queue.empty():
                self._idle.set()
            self._set_state()


    def _store_path(self) -> str | None:
        path = getattr(self.store, "path", None) or self.store_path
        return None if path is None else str(path)


_FULL = ("database or disk is full", "disk i/o error", "file too large", "no space left")
_READ_ONLY = ("readonly database", "read-only", "read only", "permission denied", "access denied")


def describe_failure(exc: BaseException, path: str | os.PathLike[str] | None = None) -> str:
    """Why the store cannot be written, in a few plain words (the player reads them)."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "errno", None)
    cause = getattr(orig, "__cause__", None)
    codes = {code, getattr(cause, "errno", None)}
    text = str(orig).lower()
    if codes & {errno.ENOSPC, errno.EFBIG, errno.EDQUOT} or any(w in text for w in _FULL):
        return "the disk is full"
    if codes & {errno.EROFS, errno.EACCES, errno.EPERM} or any(w in text for w in _READ_ONLY) \
            or (path is not None and _read_only(Path(path))):
        return "the results folder is read-only"
    if "locked" in text or "busy" in text:
        return "the results file is locked by another program"
    if "connection" in text or "server" in text or "timeout" in text:
        return "the results server does not answer"
    return _one_line(exc)


def _read_only(path: Path) -> bool:
    """The store's file or folder cannot be written (a read-only disk or folder, for root too)."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    if path.is_file() and not os.access(path, os.W_OK):
        return True
    return not os.access(folder, os.W_OK)


def _one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0][:200] if text else type(orig).__name__


@atexit.register
def _drain_at_exit() -> None:
    """Closing the game right after a reply: give the writer threads a moment to finish."""
    deadline = time.monotonic() + EXIT_WAIT_S
    for rec in list(_live):
        if rec.last_error is not None:     # failing already (the front end has said so): do not hold the exit
            continue
        rec.wait_saved(max(0.0, deadline - time.monotonic()))


def open_recorder(*, data_dir: str | os.PathLike[str] | None = None, scenario: Any,
                  seed: int | None = None, player: str | None = None,
                  class_code: str | None = None, database: str | None = None,
                  background: bool = False,
                  on_status: Callable[[SaveStatus], None] | None = None) -> Recorder | None:
    """A recorder for a new session of ``scenario``, storing into ``data_dir`` (or ``database``).

    ``background=True``: commit in a writer thread (the window). Returns None
    (after a one-line warning on stderr) when the store cannot be opened, so
    the game can still be played.
    """
    from . import location, retention, scenario_facts

    def opener() -> Store:
        store = Store.open(data_dir, database=database)
        try:
            retention.purge_expired(store)
        except ERRORS:          # a purge that cannot write now runs another time
            pass
        return store

    store: Store | None
    try:
        store = opener()
        failure = None
    except OPEN_ERRORS as exc:   # kept in memory and tried again at every event
        store, failure = None, exc
    rec = Recorder(store, scenario_path=getattr(scenario, "path", None), player=player,
                   class_code=class_code, scenario_info=scenario_facts.facts(scenario),
                   background=background, on_status=on_status, opener=opener)
    rec.owns_store = True
    if failure is not None:
        if database is None and data_dir is not None:
            rec.store_path = Path(data_dir) / location.DB_FILENAME
        rec._failing_since = time.time()
        rec.last_error = describe_failure(failure, rec.store_path)
    return rec


def _alive(since: float | None) -> list[Recorder]:
    return [rec for rec in list(_live) if since is None or rec.created >= since]


def wait_all(timeout: float, since: float | None = None) -> bool:
    """Wait up to ``timeout`` for the writer-thread recorders (made at or after ``since``, a
    ``time.monotonic()``) to be on disk; True if they are."""
    deadline = time.monotonic() + timeout
    return all([rec.wait_saved(max(0.0, deadline - time.monotonic())) for rec in _alive(since)])


def overall_status(since: float | None = None) -> SaveStatus:
    """The worst status of the writer-thread recorders still alive and made at or after ``since``
    (the window's save status: its own chats)."""
    statuses = [rec.status() for rec in _alive(since)]
    for state in ("retrying", "saving"):
        for status in statuses:
            if status.state == state:
                return status
    return SaveStatus("saved", 0)
