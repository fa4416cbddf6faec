"""A class session's results in the results store.

- The class session (mode ``class_session``): its events committed as they
  happen, like any session, and per vote the counts of every option.
- Per student a class-play result (mode ``class``): the conversation's events
  with that student's own flags, stored whole when the branch ends, under the
  student's nickname and the class code, linked to the class session.

The store may refuse a write (disk full, database locked): the class goes on,
the events wait in memory and are written with the next one, and
``last_error`` says what went wrong (the teacher's page shows it).
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

from ..results import scenario_facts
from .rooms import Branch, Student, Vote


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

    def _fail(self, what: str, exc: Exception) -> None:
        self.last_error = f"{what}: {exc}"
        print(f"warning: {self.last_error}", file=sys.stderr)

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

    # -- ResultsSink -------------------------------------------------------------------
    def branch_started(self, branch: Branch) -> None:
        self._pending[branch.uid] = []

    def event(self, branch: Branch, event: dict[str, Any]) -> None:
        self._pending.setdefault(branch.uid, []).append(dict(event))
        self._flush(branch)

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
        self.last_error = None
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
        for student in students:
            events = branch.student_events(student.id)
            try:
                self._store_student(branch, student, events)
            except Exception as exc:  # noqa: BLE001
                self._fail(f"class-play result of {student.player} not saved", exc)

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
