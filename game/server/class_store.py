"""A class session's results in the results store.

- The class session (mode ``class_session``): its events committed as they
  happen, like any session, and per vote the counts of every option.
- Per student a class-play result (mode ``class``): the conversation's events
  with that student's own flags, under the student's nickname and the class
  code, linked to the class session. From a student's first flag on, their
  session is written as it goes: each flag and each later event of the class
  goes to that student's ``Recorder`` (the store's writer), and the flag
  request is answered once its flag is committed (``settled``), so a server
  killed at any moment loses no flag a device was told about. A student who
  never flagged is stored whole when the branch ends.

The students' recorders are driven by one writer thread per server
(``_Writer``), never by the event loop, so no request waits on the disk
while another is served, and the commits never compete for SQLite's write
lock (one recorder thread per student did: its busy-wait back-off put the
flag p99 at 260 ms under the load bench).

The store may refuse a write (disk full, database locked): the class goes on,
the events wait in memory and are written with the next one; students'
results that could not be stored when the branch ended wait too and are
tried again each time the teacher's page asks for the state (``retry``).
``last_error`` says what went wrong in plain words (the teacher's page shows
it); the server's terminal gets one line when saving starts failing and one
when it works again.
"""

from __future__ import annotations

import asyncio
import inspect
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from ..results import scenario_facts
from ..results.recorder import Recorder, describe_failure
from .rooms import Branch, Student, Vote

SETTLE_S = 3.0          # how long a flag request waits for its commit before answering anyway
END_WAIT_S = 10.0       # at a branch's end, how long to wait for the students' writers, all together


def _accepts(func: Any, name: str) -> bool:
    try:
        return name in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


class StoreResults:
    """The ``ResultsSink`` that writes to a results ``Store``."""

    def __init__(self, store: Any, *, school: str | None = None) -> None:
        self.store = store
        self.school = school
        self.last_error: str | None = None
        self._pending: dict[str, list[dict[str, Any]]] = {}    # branch uid -> events not yet written
        self._next_seq: dict[str, int] = {}
        self._has_modes = _accepts(store.create_session, "mode")
        self._streams: dict[tuple[str, str], _Stream] = {}     # (branch uid, student id) -> its session
        self._writer: _Writer | None = None
        self._branches: dict[str, Branch] = {}
        self._students: list[tuple[Branch, Student, list[dict[str, Any]]]] = []   # results not stored yet
        self._recorders: list[Recorder] = []        # ended students' recorders still holding events
        self._told = False

    def _fail(self, what: str, exc: Exception) -> None:
        reason = describe_failure(exc, getattr(self.store, "path", None))
        self.last_error = f"{what}: {reason}; the class goes on and the server keeps trying"
        if not self._told:          # once, not once per event
            self._told = True
            print(f"warning: {self.last_error}", file=sys.stderr)

    def _ok(self) -> None:
        """A write worked: try what waits, and say once that saving works again."""
        if self._students:
            waiting, self._students = self._students, []
            for i, (branch, student, events) in enumerate(waiting):
                if not self._try_student(branch, student, events):   # it put itself back
                    self._students.extend(waiting[i + 1:])
                    return
        if self._recorders:
            self._recorders = [rec for rec in self._recorders if not rec.flush()]
            if self._recorders:
                return
        self.last_error = None
        if self._told:
            self._told = False
            print("note: the class's results are saved now", file=sys.stderr)

    def retry(self) -> None:
        """Try again whatever is waiting (the teacher's page calls this each time it asks for the state)."""
        if self.last_error is None:
            return
        for branch in list(self._branches.values()):
            if not self._flush(branch):
                return
        self._ok()

    def _mode_args(self, mode: str, branch: Branch) -> dict[str, Any]:
        if not self._has_modes:
            return {}
        args: dict[str, Any] = {"mode": mode}
        if mode == "class":
            args["class_session_uid"] = branch.uid
        else:
            args["uid"] = branch.uid
        if self.school is not None:
            args["school"] = self.school
        return args

    def nicknames_in_class(self, class_code: str | None) -> set[str]:
        """The nicknames already stored for ``class_code`` (empty if the store cannot say)."""
        try:
            return set(self.store.players_in_class(class_code))
        except Exception as exc:       # a store that fails here must not stop a student joining
            self._fail("reading the class's nicknames", exc)
            return set()

    # -- ResultsSink -------------------------------------------------------------------
    def branch_started(self, branch: Branch) -> None:
        self._pending[branch.uid] = []
        self._branches[branch.uid] = branch

    def event(self, branch: Branch, event: dict[str, Any]) -> None:
        self._pending.setdefault(branch.uid, []).append(dict(event))
        self._flush(branch)
        for (uid, student_id), stream in self._streams.items():
            if uid == branch.uid:
                stream.sync(branch, student_id)

    def student_flagged(self, branch: Branch, student: Student) -> None:
        if not self._has_modes:
            return
        key = (branch.uid, student.id)
        stream = self._streams.get(key)
        if stream is None:
            if self._writer is None:
                self._writer = _Writer()
            recorder = Recorder(self.store, player=student.player, class_code=branch.class_code,
                                scenario_info=scenario_facts.facts(branch.scenario), mode="class",
                                class_session_uid=branch.uid)
            stream = self._streams[key] = _Stream(recorder, self._writer)
        stream.sync(branch, student.id)

    async def settled(self, branch: Branch, student: Student, timeout: float = SETTLE_S) -> bool:
        """Wait (without holding up the event loop) until this student's flags so far are committed."""
        stream = self._streams.get((branch.uid, student.id))
        if stream is None:
            return True
        return await stream.settled(timeout)

    def _flush(self, branch: Branch) -> bool:
        pending = self._pending.get(branch.uid) or []
        if not pending:
            return True
        try:
            if branch.store_id is None:
                branch.store_id = self.store.create_session(
                    pending[0], scenario_path=None, player=None, class_code=branch.class_code,
                    scenario_info=scenario_facts.facts(branch.scenario), **self._mode_args("class_session", branch))
                self._next_seq[branch.uid] = 1
                pending.pop(0)
            if pending:
                seq = self._next_seq[branch.uid]
                self.store.append_events(branch.store_id, seq, pending)
                self._next_seq[branch.uid] = seq + len(pending)
                pending.clear()
        except Exception as exc:  # noqa: BLE001 - any store failure: keep the events, carry on
            self._fail("class session not saved yet", exc)
            return False
        self._ok()
        return True

    def vote_closed(self, branch: Branch, vote: Vote) -> None:
        record = getattr(self.store, "record_vote", None)
        if record is None or not self._flush(branch) or branch.store_id is None:
            return
        try:
            record(branch.store_id, vote.number, dict(vote.counts or {}), node=vote.node, chosen=vote.chosen)
        except Exception as exc:  # noqa: BLE001
            self._fail("vote counts not saved", exc)

    def branch_ended(self, branch: Branch, students: list[Student]) -> None:
        self._flush(branch)
        present = {s.id for s in students}
        streams = {sid: self._streams.pop((uid, sid)) for uid, sid in list(self._streams) if uid == branch.uid}
        for student_id, stream in streams.items():
            stream.sync(branch, student_id, finish=branch.results.get(student_id) or {})  # the end event too
        if streams and self._writer is not None and not self._writer.drain(END_WAIT_S):
            self._fail("class-play results are still being saved", Exception("the disk is slow"))
        for student_id, stream in streams.items():
            if stream.recorder.last_error:
                self._recorders.append(stream.recorder)      # its events stay in memory; retry() writes them
                self._fail(f"a class-play result of {branch.scenario.id} not saved yet",
                           Exception(stream.recorder.last_error))
            if student_id not in present and stream.recorder.session_id is not None:
                self._forget(stream.recorder.session_id)     # removed by the teacher: nothing of theirs is kept
        for student in students:
            if student.id in streams:
                continue
            self._try_student(branch, student, branch.student_events(student.id))

    def _try_student(self, branch: Branch, student: Student, events: list[dict[str, Any]]) -> bool:
        try:
            self._store_student(branch, student, events)
        except Exception as exc:  # noqa: BLE001 - kept and tried again with the next write
            self._students.append((branch, student, events))
            self._fail(f"class-play result of {student.player} not saved yet", exc)
            return False
        return True

    def _forget(self, session_id: int) -> None:
        try:
            self.store.delete_sessions([session_id])
        except Exception as exc:  # noqa: BLE001
            self._fail("a removed student's flags could not be deleted", exc)

    def _store_student(self, branch: Branch, student: Student, events: list[dict[str, Any]]) -> None:
        add = getattr(self.store, "add_session", None)
        info = scenario_facts.facts(branch.scenario)
        if add is not None:
            add(events, player=student.player, class_code=branch.class_code, scenario_info=info,
                **self._mode_args("class", branch))
            return
        sid = self.store.create_session(events[0], player=student.player, class_code=branch.class_code,
                                        scenario_info=info)
        if len(events) > 1:
            self.store.append_events(sid, 1, events[1:])


class _Writer:
    """One thread that commits every student's class-play events, in order, one recorder at a time."""

    def __init__(self) -> None:
        self.queue: queue.Queue[tuple[Callable[[], bool], Callable[[bool], None] | None] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="class-results-writer", daemon=True)
        self.thread.start()

    def submit(self, job: Callable[[], bool], done: Callable[[bool], None] | None = None) -> None:
        """Run ``job`` (True: everything it wrote is committed) on the writer thread, then ``done(ok)``."""
        self.queue.put((job, done))

    def drain(self, timeout: float) -> bool:
        """Wait until every job submitted so far has run (the caller blocks: a branch's end only)."""
        finished = threading.Event()
        self.submit(lambda: True, lambda ok: finished.set())
        return finished.wait(timeout)

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            job, done = item
            try:
                ok = job()
            except Exception as exc:  # noqa: BLE001 - a broken store must not stop the writer
                print(f"warning: class-play results not saved: {exc}", file=sys.stderr)
                ok = False
            if done is not None:
                done(ok)


class _Stream:
    """One student's class-play session being written as it goes (by the server's ``_Writer``)."""

    def __init__(self, recorder: Recorder, writer: _Writer) -> None:
        self.recorder = recorder
        self.writer = writer
        self.written = 0                      # how many of the student's events went to the writer
        self.last: asyncio.Future[bool] | None = None

    def sync(self, branch: Branch, student_id: str, finish: dict[str, Any] | None = None) -> None:
        """Hand the writer this student's events it has not seen (their log only ever grows at the end);
        ``finish``: the chat is over, keep this result record if the store could not score it."""
        events = branch.student_events(student_id)
        new = events[self.written:]
        self.written = len(events)
        if not new and finish is None:
            return
        recorder = self.recorder

        def job() -> bool:
            for event in new:
                recorder.on_event(event)
            if finish is not None:
                recorder.finish(finish or None)
            return recorder.saved

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.writer.submit(job)
            return
        fut: asyncio.Future[bool] = loop.create_future()
        self.last = fut

        def resolve(ok: bool) -> None:
            if not fut.done():
                fut.set_result(ok)

        def done(ok: bool) -> None:
            try:
                loop.call_soon_threadsafe(resolve, ok)
            except RuntimeError:       # the loop has closed: nobody waits any more
                pass
        self.writer.submit(job, done)

    async def settled(self, timeout: float) -> bool:
        fut = self.last
        if fut is None or fut.done():
            return True if fut is None else fut.result()
        try:
            return await asyncio.wait_for(asyncio.shield(fut), timeout)
        except TimeoutError:
            return False
