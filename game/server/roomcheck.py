"""The discernment check in a class session: the teacher runs it, every student takes it on their device.

The teacher starts a check for the room with a phase (``pre``, ``post`` or
``followup``, prepost.md). Every student present (and anyone who joins while
it is open) gets one ``game.checks.session.CheckSession``: the items one at
a time, "red flag" or "safe" and how sure (1-4), or skip; never required (a
student may stop at any time). The form follows prepost.md's rule: the form
this player has not taken yet (from the results store, by nickname and class
code); a student new to the check gets whichever form fewer students of the
class started with, counting the ones starting in this room right now, so
half the class starts with each.

A finished check is stored at once (``game.checks.storage``, the same table
the window and the terminal write), under the student's nickname and the
room's class code; a check stopped part-way (by the student, or by the
teacher ending the check) is stored as incomplete, like a quit check; a
student who stops before answering anything leaves nothing behind. The
teacher and the projector see progress only (how many started and
finished), never anyone's answers.

Nothing here knows HTTP: refusals are ``RoomError`` (status and one line),
raised before anything changes. Called from the event loop thread only.
"""

from __future__ import annotations

import sys
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..checks import storage
from ..checks import words as check_words
from ..checks.library import FormError, load_forms
from ..checks.model import Form, Item
from ..checks.schedule import History, default_form
from ..checks.scoring import RED, SAFE, Answer
from ..checks.session import PHASES, CheckSession
from .rooms import Room, RoomError, Student

ANSWER_WORDS = (RED, SAFE, "skip")


@dataclass
class StudentCheck:
    """One student's check in the current run."""

    session: CheckSession
    new_player: bool               # no earlier check: counts toward the class's first-form balance
    state: str = "taking"          # taking | finished | left | ended (the teacher ended the check)
    stored: bool = False
    words: str = ""                # after a post/follow-up check: the student's own change in words


class CheckStore:
    """The results store as the room's check needs it; every call is a no-op without a store."""

    def __init__(self, store: Any, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock
        self.last_error: str | None = None
        self._waiting: list[tuple[dict[str, Any], str, str, str | None, float]] = []

    def history(self, player: str, class_code: str | None) -> History:
        if self.store is None:
            return History()
        try:
            return storage.history(self.store, player=player, class_code=class_code)
        except Exception as exc:  # noqa: BLE001 - an unreadable store must not stop the check
            self._fail("earlier checks could not be read", exc)
            return History()

    def earlier(self, player: str, class_code: str | None, now: float) -> dict[str, Any] | None:
        if self.store is None:
            return None
        try:
            found = storage.rows(self.store, player=player, class_code=class_code, school=self.store.school)
        except Exception as exc:  # noqa: BLE001
            self._fail("earlier checks could not be read", exc)
            return None
        return storage.earlier_check(found, now)

    def save(self, record: dict[str, Any], form: Form, player: str, class_code: str | None) -> None:
        """Store one check; a refused write waits and is tried again with the next one (or at shutdown)."""
        if self.store is None:
            return
        self._waiting.append((record, form.sha256, player, class_code, self.clock()))
        self.flush()

    def flush(self) -> None:
        while self._waiting:
            record, sha, player, code, taken_at = self._waiting[0]
            try:
                storage.save(self.store, record, form_sha256=sha, player=player, class_code=code, taken_at=taken_at)
            except Exception as exc:  # noqa: BLE001 - disk full, database locked: keep it, carry on
                self._fail("a check was not saved yet", exc)
                return
            self._waiting.pop(0)
        self.last_error = None

    def _fail(self, what: str, exc: Exception) -> None:
        self.last_error = f"{what}: {exc}"
        print(f"warning: {self.last_error}", file=sys.stderr)


@dataclass
class RoomCheck:
    """The check of one room: the current run (if any) and who has taken which phase here."""

    room: Room
    store: CheckStore
    forms: dict[str, Form] = field(default_factory=dict)
    forms_problem: str | None = None
    phase: str | None = None                 # the phase of the current or last run
    open: bool = False
    run: int = 0                             # 1, 2, ... one per start
    students: dict[str, StudentCheck] = field(default_factory=dict)      # student id -> this run's check
    finished_here: dict[str, set[str]] = field(default_factory=dict)    # student id -> phases finished here

    # -- the teacher -------------------------------------------------------------------
    def start(self, phase: Any) -> None:
        if not isinstance(phase, str) or phase not in PHASES:
            raise RoomError(400, f"'phase' must be one of {', '.join(PHASES)}")
        if self.room.closed:
            raise RoomError(409, "this class session has closed")
        if self.forms_problem:
            raise RoomError(409, f"the check's forms cannot be used: {self.forms_problem}")
        if self.open:
            raise RoomError(409, "a check is already running: end it first")
        branch = self.room.current
        if branch is not None and not branch.ended:
            raise RoomError(409, "a chat is running: end it before starting the check")
        self.phase, self.open, self.run = phase, True, self.run + 1
        self.students = {}
        self._changed(public=True)

    def end(self) -> None:
        if not self.open:
            raise RoomError(409, "no check is running")
        for student_id, taking in self.students.items():
            if taking.state == "taking":
                taking.state = "ended"
                taking.session.quit()
                who = self.room.students[student_id]
                if not who.removed:      # as for class-play results: a removed student leaves nothing
                    self._store(who, taking)
        self.open = False
        self._changed(public=True)

    def progress(self) -> dict[str, Any]:
        """Counts only (the teacher's page and the projector): never a nickname, never an answer."""
        present = {s.id for s in self.room.present()}
        mine = [c for sid, c in self.students.items() if sid in present]
        started = sum(1 for c in mine if c.session.answers or c.state == "finished")
        finished = sum(1 for c in mine if c.state == "finished")
        out: dict[str, Any] = {
            "open": self.open, "phase": self.phase, "run": self.run, "joined": len(present),
            "started": started, "finished": finished,
            "stopped": sum(1 for c in mine if c.state == "left"),
            "words": {"title": check_words.PROJECTOR_TITLE, "help": check_words.PROJECTOR_HELP,
                      "progress": check_words.PROJECTOR_PROGRESS.format(finished=finished, joined=len(present)),
                      "phase": check_words.PHASE_NAMES.get(self.phase or "", "")},
            "available": self.forms_problem is None,
        }
        if self.store.last_error:
            out["store_error"] = self.store.last_error
        return out

    # -- a student ---------------------------------------------------------------------
    def _taking(self, student: Student) -> StudentCheck | None:
        """The student's check in the open run, given out when they first look (joining late included)."""
        if not self.open or self.phase is None:
            return self.students.get(student.id)
        found = self.students.get(student.id)
        if found is None and self.phase not in self.finished_here.get(student.id, set()):
            found = self.students[student.id] = self._assign(student)
        return found

    def _assign(self, student: Student) -> StudentCheck:
        assert self.phase is not None
        names = tuple(sorted(self.forms))
        history = self.store.history(student.player, self.room.class_code)
        new_player = not history.checks
        if new_player:
            starting = dict(history.class_first_forms)
            for other in self.students.values():     # starting here now, not stored yet
                if other.new_player and not other.stored:
                    name = other.session.form.name
                    starting[name] = starting.get(name, 0) + 1
            history = History(class_first_forms=starting)
        form = self.forms[default_form(history, names)]
        return StudentCheck(CheckSession(form, self.phase), new_player)

    def answer(self, student: Student, item_id: Any, answer: Any, confidence: Any) -> dict[str, Any] | None:
        """Answer (or skip) the current item. Sending an item's answer again changes nothing (a retry)."""
        given = parse_answer(item_id, answer, confidence)
        taking = self._taking(student)
        if taking is None:
            raise RoomError(409, "no check is running for you right now")
        session = taking.session
        earlier = next((a for a in session.answers if a.item == item_id), None)
        if earlier is not None:
            if earlier == given:
                return self.student_view(student)            # the same answer again: a retry
            raise RoomError(409, "that chat is already answered")
        if taking.state != "taking":
            raise RoomError(409, "your check is over")
        current = session.item
        if current is None or current.id != item_id:
            if session.form.item(item_id) is None:
                raise RoomError(400, f"no chat '{item_id}' in this check")
            raise RoomError(409, f"answer the chats in order: this one is chat {session.number}")
        if given.skipped:
            session.skip()
        else:
            session.answer(str(given.answer), int(given.confidence or 1))
        if session.done:
            taking.state = "finished"
            self.finished_here.setdefault(student.id, set()).add(session.phase)
            self._store(student, taking)
        self._changed(public=False, student=student)
        return self.student_view(student)

    def leave(self, student: Student) -> dict[str, Any] | None:
        """The student stops the check (never required); what they answered is kept."""
        taking = self._taking(student)
        if taking is None:
            raise RoomError(409, "no check is running for you right now")
        if taking.state == "taking":
            taking.state = "left"
            taking.session.quit()
            self._store(student, taking)
            self._changed(public=False, student=student)
        return self.student_view(student)

    def _store(self, student: Student, taking: StudentCheck) -> None:
        if taking.stored:
            return
        taking.stored = True
        session = taking.session
        if not session.answers:
            return                     # stopped before answering anything: nothing to keep
        now = self.store.clock()
        record = session.record()
        if session.phase != "pre":
            taking.words = check_words.improvement(
                self.store.earlier(student.player, self.room.class_code, now), record)
        self.store.save(record, session.form, student.player, self.room.class_code)

    def student_view(self, student: Student) -> dict[str, Any] | None:
        """The student's part of the room state (``check``), or None when there is no check for them."""
        taking = self._taking(student)
        if taking is None:
            if self.open and self.phase is not None:
                return {"open": True, "phase": self.phase, "state": "done_before",
                        "message": check_words.CLASS_DONE_BEFORE}
            return None
        session = taking.session
        out: dict[str, Any] = {"open": self.open, "phase": session.phase, "run": self.run, "form": session.form.name,
                               "state": taking.state, "number": min(session.number, session.total),
                               "answered": len(session.answers), "total": session.total,
                               "words": check_words.student_words(session.phase)}
        if taking.state == "taking" and session.item is not None:
            out["item"] = item_json(session.item)
            out["words"]["item_of"] = check_words.ITEM_OF.format(number=session.number, total=session.total)
        elif taking.state == "finished":
            out["message"] = check_words.THANKS
            out["improvement"] = taking.words
        elif taking.state == "left":
            out["message"] = check_words.CLASS_LEFT
        else:
            out["message"] = check_words.CLASS_ENDED
        return out

    def _changed(self, public: bool, student: Student | None = None) -> None:
        # the room's own change notification: bumps the versions the live views compare, wakes them
        self.room._changed(public=public, student=student)


def parse_answer(item_id: Any, answer: Any, confidence: Any) -> Answer:
    """One answer from a request body (item, answer, confidence), or RoomError 400 naming the field."""
    if not isinstance(item_id, str) or not item_id:
        raise RoomError(400, "'item' must be the id of the chat being answered")
    if not isinstance(answer, str) or answer not in ANSWER_WORDS:
        raise RoomError(400, "'answer' must be red, safe or skip")
    if answer == "skip":
        if confidence is not None:
            raise RoomError(400, "a skipped chat has no 'confidence'")
        return Answer(item_id)
    if isinstance(confidence, bool) or not isinstance(confidence, int) or not 1 <= confidence <= 4:
        raise RoomError(400, "'confidence' must be 1 (guessing) to 4 (certain)")
    return Answer(item_id, answer, confidence)


def item_json(item: Item) -> dict[str, Any]:
    """An item as the device shows it: platform and lines; never its answer or categories."""
    return {"id": item.id, "platform": item.platform,
            "lines": [{"from": line.speaker, "text": line.text} for line in item.lines]}


# -- one RoomCheck per room ---------------------------------------------------------------------
_CHECKS: weakref.WeakKeyDictionary[Room, RoomCheck] = weakref.WeakKeyDictionary()


def load_room_forms() -> tuple[dict[str, Form], str | None]:
    """The bundled forms, or ({}, the one-line problem) when they cannot be used."""
    try:
        forms = load_forms()
    except FormError as exc:
        return {}, str(exc)
    if len(forms) < 1:
        return {}, "no forms found"
    return forms, None


def for_room(room: Room, store: Any = None, forms: tuple[dict[str, Form], str | None] | None = None) -> RoomCheck:
    """The room's check (made on first use with the server's store and forms)."""
    found = _CHECKS.get(room)
    if found is None:
        loaded, problem = forms if forms is not None else load_room_forms()
        found = _CHECKS[room] = RoomCheck(room, CheckStore(store), dict(loaded), problem)
    return found


def existing(room: Room) -> RoomCheck | None:
    return _CHECKS.get(room)
