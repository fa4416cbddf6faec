"""Rooms and class sessions: the rules of a class playing one chat together.

A ``Room`` has a join code, a teacher token and the students who joined. The
teacher starts a scenario: a ``Branch`` (one class session) holds the class's
conversation, every student's own flags, the votes and the replies played.
Rewinding to an earlier reply starts a new branch that replays the same
commands up to that reply, so "what if we had said yes?" is its own class
session with its own results.

Nothing here knows HTTP: every refusal is a ``RoomError`` with a status and a
one-line message, raised before anything changes. The server calls these
methods from its event loop thread only, so each runs to completion alone.
``ResultsSink`` is how a branch reaches the results store (class_store.py).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Scenario
from ..scoring import score
from . import nicknames, words
from .classplay import END_ACTIONS, ClassConversation, CommandError
from .security import new_token, token_key

JOIN_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"   # no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes
JOIN_CODE_LENGTH = 4
AUTO_DEFAULT_S, AUTO_MIN_S, AUTO_MAX_S = 8, 2, 120   # auto-advance: seconds between messages


class RoomError(Exception):
    """A request the room refuses; nothing changed."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ResultsSink(Protocol):
    """Where a class session's results go (the results store, or nowhere)."""

    def branch_started(self, branch: Branch) -> None: ...
    def event(self, branch: Branch, event: dict[str, Any]) -> None: ...
    def vote_closed(self, branch: Branch, vote: Vote) -> None: ...
    def student_flagged(self, branch: Branch, student: Student) -> None: ...
    def branch_ended(self, branch: Branch, students: list[Student]) -> None: ...


class NoResults:
    def branch_started(self, branch: Branch) -> None:
        pass

    def event(self, branch: Branch, event: dict[str, Any]) -> None:
        pass

    def vote_closed(self, branch: Branch, vote: Vote) -> None:
        pass

    def student_flagged(self, branch: Branch, student: Student) -> None:
        pass

    def branch_ended(self, branch: Branch, students: list[Student]) -> None:
        pass


@dataclass
class Student:
    id: str                 # public id ("s3"), what the teacher's page names a student by
    key: str                # token_key of the student's token
    player: str
    joined_at: float
    removed: bool = False
    version: int = 0        # bumped when something only this student sees changes


@dataclass
class Vote:
    number: int                           # 1, 2, ... within the branch
    node: str
    options: list[dict[str, str]]         # [{"key": "1", "text": ...}, ..., {"key": "leave", ...}]
    open: bool = True
    ballots: dict[str, str] = field(default_factory=dict)    # student id -> key
    tally: dict[str, int] = field(default_factory=dict)      # show of hands typed by the teacher
    counts: dict[str, int] | None = None                     # set when the vote closes
    chosen: str | None = None

    @property
    def keys(self) -> list[str]:
        return [o["key"] for o in self.options]

    def live_counts(self, present: set[str]) -> dict[str, int]:
        counts = {k: 0 for k in self.keys}
        for student_id, key in self.ballots.items():
            if student_id in present:
                counts[key] += 1
        for key, n in self.tally.items():
            counts[key] += n
        return counts


@dataclass
class Reply:
    """A reply (or platform action) the class played."""

    number: int            # 1, 2, ... within the branch
    key: str               # "1", "2", ... or block/report/leave
    text: str
    after_n: int           # the delivery number of the last message before it (0: none)
    command_index: int     # index into Branch.commands of the command that played it
    event_index: int       # index into the conversation's events of its first event
    vote: int | None       # the vote that chose it


class Branch:
    """One class session: the class's conversation of one scenario, from start or from a rewind."""

    def __init__(self, number: int, scenario: Scenario, seed: int, class_code: str | None,
                 sink: ResultsSink, parent: tuple[int, int] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.number = number
        self.scenario = scenario
        self.seed = seed
        self.class_code = class_code
        self.sink = sink
        self.parent = parent                      # (branch number, reply number) it was rewound from
        self.uid = secrets.token_hex(16)
        self.flags: dict[str, list[str]] = {}     # student id -> flagged item ids, in order
        self.flag_log: dict[str, list[tuple[int, dict[str, Any]]]] = {}   # student id -> (event pos, event)
        self.votes: list[Vote] = []
        self.replies: list[Reply] = []
        self.commands: list[tuple[str, Any]] = []  # ("deliver", None) / ("wait", None) / ("choose", n) / ("end", how)
        self.discussion: int | None = None        # 0-based index of the question on screen
        self.revealed = False
        self.stored = False                       # results written (once)
        self.results: dict[str, dict[str, Any]] = {}   # student id -> class-play result record
        self.class_result: dict[str, Any] | None = None
        self.store_id: int | None = None
        self.conv = ClassConversation(scenario, seed, self._on_event, clock=clock)

    def _on_event(self, event: dict[str, Any]) -> None:
        self.sink.event(self, event)

    # -- reading -----------------------------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.conv.ended

    @property
    def vote(self) -> Vote | None:
        return self.votes[-1] if self.votes else None

    @property
    def open_vote(self) -> Vote | None:
        vote = self.vote
        return vote if vote is not None and vote.open else None

    def phase(self) -> str:
        if self.ended:
            return "reveal" if self.revealed else "ended"
        if self.discussion is not None:
            return "discussion"
        if self.open_vote is not None:
            return "vote"
        if not self.conv.delivered():
            return "intro"
        return "chat"

    def last_n(self) -> int:
        delivered = self.conv.delivered()
        return delivered[-1]["n"] if delivered else 0

    # -- commands (the conversation's own log is what gets stored) ---------------------------
    def run(self, command: str, arg: Any = None, vote: int | None = None) -> None:
        """Carry out one command on the conversation and remember it (for rewinds)."""
        conv = self.conv
        event_index = len(conv.events)
        if command == "deliver":
            conv.deliver_next()
        elif command == "wait":
            conv.wait()
        elif command in ("choose", "end"):
            after = self.last_n()
            if command == "choose":
                text = conv.choices()[arg - 1]
                conv.choose(arg)
                key = str(arg)
            else:
                text = words.END_ACTION_TEXT[arg]
                conv.end_action(arg)
                key = arg
            self.replies.append(Reply(len(self.replies) + 1, key, text, after, len(self.commands),
                                      event_index, vote))
        elif command == "quit":
            conv.quit()
        else:
            raise ValueError(command)
        self.commands.append((command, arg))

    def student_events(self, student_id: str) -> list[dict[str, Any]]:
        """The conversation's events with this student's own flags woven in where they happened."""
        log = sorted(self.flag_log.get(student_id, []), key=lambda x: x[0])
        out: list[dict[str, Any]] = []
        i = 0
        for pos, event in enumerate(self.conv.events):
            while i < len(log) and log[i][0] <= pos:
                out.append(dict(log[i][1]))
                i += 1
            out.append(dict(event))
        out.extend(dict(ev) for _, ev in log[i:])
        return out


class Room:
    def __init__(self, join_code: str, teacher_token: str, class_code: str | None,
                 library: Any, sink: ResultsSink | None = None, max_students: int = 200,
                 on_change: Callable[[Room], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.join_code = join_code
        self.teacher_key = token_key(teacher_token)
        self.class_code = class_code
        self.library = library
        self.sink: ResultsSink = sink or NoResults()
        self.max_students = max_students
        self.on_change = on_change
        self.clock = clock
        self.students: dict[str, Student] = {}
        self.by_key: dict[str, str] = {}
        self.locked = False
        self.closed = False
        self.auto_seconds: int | None = None      # auto-advance: a message every N seconds (None: off)
        self.branches: list[Branch] = []
        self.current: Branch | None = None
        self.version = 0           # bumped on every change (teacher and projector views)
        self.public_version = 0    # bumped when what every student sees changes
        self._next_student = 1
        self.created = clock()
        self.taken_in_class: Callable[[], Iterable[str]] = lambda: ()   # set by the Registry

    # -- change notification ----------------------------------------------------------
    def _changed(self, public: bool = True, student: Student | None = None) -> None:
        self.version += 1
        if public:
            self.public_version += 1
        if student is not None:
            student.version += 1
        if self.on_change is not None:
            self.on_change(self)

    # -- students -----------------------------------------------------------------------
    def present(self) -> list[Student]:
        return [s for s in self.students.values() if not s.removed]

    def student_for(self, key: str) -> Student | None:
        student_id = self.by_key.get(key)
        return self.students.get(student_id) if student_id else None

    def join(self, player: str | None) -> tuple[str, Student]:
        """A new student; returns (token, student)."""
        if self.closed:
            raise RoomError(403, words.ROOM_CLOSED)
        if self.locked:
            raise RoomError(403, words.ROOM_LOCKED)
        if len(self.present()) >= self.max_students:
            raise RoomError(403, f"this class session is full ({self.max_students} students)")
        taken = [s.player for s in self.present()]
        if player is None or not player.strip():
            # A generated nickname must not pair this student with another one of the same class
            # (in another room, or stored from an earlier lesson); a typed one pairs on purpose.
            nick = nicknames.unique(nicknames.generate(), [*taken, *self.taken_in_class()])
        else:
            player = player.strip()
            problem = nicknames.nickname_problem(player)
            if problem:
                raise RoomError(400, problem)
            nick = nicknames.unique(player, taken)
        token = new_token()
        student = Student(f"s{self._next_student}", token_key(token), nick, self.clock())
        self._next_student += 1
        self.students[student.id] = student
        self.by_key[student.key] = student.id
        self._changed(public=False)
        return token, student

    def _student(self, student_id: Any) -> Student:
        student = self.students.get(student_id) if isinstance(student_id, str) else None
        if student is None or student.removed:
            raise RoomError(404, f"no student '{student_id}' in this room")
        return student

    def remove(self, student_id: Any) -> Student:
        student = self._student(student_id)
        student.removed = True
        self.by_key.pop(student.key, None)
        branch = self.current
        if branch is not None and branch.open_vote is not None:
            branch.open_vote.ballots.pop(student.id, None)
        self._changed(public=False, student=student)
        return student

    def rename(self, student_id: Any, player: Any) -> Student:
        student = self._student(student_id)
        if not isinstance(player, str) or not player.strip():
            raise RoomError(400, "'player' must be the new nickname")
        problem = nicknames.nickname_problem(player.strip())
        if problem:
            raise RoomError(400, problem)
        others = [s.player for s in self.present() if s.id != student.id]
        if player.strip().casefold() in {o.casefold() for o in others}:
            raise RoomError(409, f"another student is already called '{player.strip()}'")
        student.player = player.strip()
        self._changed(public=False, student=student)
        return student

    def set_pace(self, auto: bool, seconds: Any = None) -> None:
        """Turn auto-advance on (a waiting message every ``seconds``) or off (the default)."""
        if not auto:
            self.auto_seconds = None
        else:
            if seconds is None:
                seconds = AUTO_DEFAULT_S
            if isinstance(seconds, bool) or not isinstance(seconds, int) or not AUTO_MIN_S <= seconds <= AUTO_MAX_S:
                raise RoomError(400, f"'seconds' must be a whole number from {AUTO_MIN_S} to {AUTO_MAX_S}")
            self.auto_seconds = seconds
        self._changed(public=False)

    def auto_advance(self) -> bool:
        """One tick of auto-advance: the next waiting message if the chat can take one now."""
        branch = self.current
        if (self.auto_seconds is None or branch is None or branch.ended or branch.discussion is not None
                or branch.open_vote is not None or branch.conv.pending == 0):
            return False
        self.advance()
        return True

    def lock(self, locked: bool) -> None:
        self.locked = bool(locked)
        self._changed(public=False)

    def close(self) -> None:
        """The room stops: the join code and every token stop working; a running chat is stored."""
        if self.closed:
            return
        self._store_current(final=True)
        self.closed = True
        self._changed()

    # -- the class session ---------------------------------------------------------------
    def _require_branch(self) -> Branch:
        if self.current is None:
            raise RoomError(409, "no chat has started yet: the teacher starts one")
        return self.current

    def _require_running(self) -> Branch:
        branch = self._require_branch()
        if branch.ended:
            raise RoomError(409, "the chat is over: start it again or rewind to an earlier reply")
        return branch

    def _require_unfrozen(self, branch: Branch) -> None:
        if branch.discussion is not None:
            raise RoomError(409, "the chat is paused for a discussion: go back to the chat first")

    def scenario_by_id(self, scenario_id: Any) -> Scenario:
        if not isinstance(scenario_id, str) or not scenario_id:
            raise RoomError(400, "'scenario' must be a scenario id")
        scenario = self.library.get(scenario_id)
        if scenario is None:
            raise RoomError(404, f"no scenario '{scenario_id}' on this server")
        return scenario

    def start(self, scenario: Scenario, seed: int, class_code: str | None = None) -> Branch:
        if self.closed:
            raise RoomError(409, "this class session has closed")
        self._store_current(final=True)
        if class_code is not None:
            self.class_code = class_code
        branch = Branch(len(self.branches) + 1, scenario, seed, self.class_code, self.sink, clock=self.clock)
        self.branches.append(branch)
        self.current = branch
        self.sink.branch_started(branch)
        branch.conv.start()
        self._changed()
        return branch

    def advance(self, everything: bool = False) -> list[dict[str, Any]]:
        branch = self._require_running()
        self._require_unfrozen(branch)
        if branch.open_vote is not None:
            raise RoomError(409, "a vote is open: close it first")
        if branch.conv.pending == 0:
            raise RoomError(409, "no message is waiting: open a vote on the replies")
        delivered: list[dict[str, Any]] = []
        while branch.conv.pending and not branch.ended:
            before = len(branch.conv.events)
            branch.run("deliver")
            delivered.extend(e for e in branch.conv.events[before:] if e["type"] == "deliver")
            if not everything:
                break
        if branch.ended:
            self._store_current(final=False)
        self._changed()
        return delivered

    def wait(self) -> bool:
        """Let time pass: the stranger's next idle nudge (only when the teacher asks for it)."""
        branch = self._require_running()
        self._require_unfrozen(branch)
        if branch.open_vote is not None:
            raise RoomError(409, "a vote is open: close it first")
        if branch.conv.pending:
            raise RoomError(409, "messages are still waiting: show them first")
        if branch.conv.conv.next_nudge() is None:
            raise RoomError(409, "the other person has nothing more to say here")
        branch.run("wait")
        self._changed()
        return True

    def open_vote(self) -> Vote:
        branch = self._require_running()
        self._require_unfrozen(branch)
        if branch.open_vote is not None:
            raise RoomError(409, "a vote is already open")
        if branch.conv.pending:
            raise RoomError(409, "messages are still waiting: show them first (advance)")
        choices = branch.conv.choices()
        options = [{"key": str(i), "text": text} for i, text in enumerate(choices, start=1)]
        options += [{"key": how, "text": words.END_ACTION_TEXT[how]} for how in END_ACTIONS]
        vote = Vote(len(branch.votes) + 1, branch.conv.conv.node_id or "", options)
        branch.votes.append(vote)
        self._changed()
        return vote

    def cast(self, student: Student, key: Any) -> str:
        branch = self._require_running()
        vote = branch.open_vote
        if vote is None:
            raise RoomError(409, "there is no vote open right now")
        if not isinstance(key, str) or key not in vote.keys:
            raise RoomError(400, f"no option '{key}' (options are {', '.join(vote.keys)})")
        if vote.ballots.get(student.id) != key:
            vote.ballots[student.id] = key
            self._changed(public=False, student=student)
        return key

    def close_vote(self, key: Any = None, tally: Any = None) -> Vote:
        branch = self._require_running()
        vote = branch.open_vote
        if vote is None:
            raise RoomError(409, "there is no vote open right now")
        if key is not None and (not isinstance(key, str) or key not in vote.keys):
            raise RoomError(400, f"no option '{key}' (options are {', '.join(vote.keys)})")
        hands: dict[str, int] = {}
        if tally is not None:
            if not isinstance(tally, dict):
                raise RoomError(400, "'tally' must map options to numbers of hands")
            for k, n in tally.items():
                if k not in vote.keys:
                    raise RoomError(400, f"no option '{k}' in the tally (options are {', '.join(vote.keys)})")
                if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 10000:
                    raise RoomError(400, f"the tally for '{k}' must be a whole number of hands")
                hands[k] = n
        saved_tally = vote.tally
        vote.tally = hands
        counts = vote.live_counts({s.id for s in self.present()})
        top = max(counts.values()) if counts else 0
        leaders = [k for k, n in counts.items() if n == top and n > 0]
        if key is None:
            if not leaders:
                vote.tally = saved_tally
                raise RoomError(409, "nobody has voted: send the reply to play as 'key' "
                                     "(a show of hands)")
            if len(leaders) > 1:
                vote.tally = saved_tally
                raise RoomError(409, f"the vote is tied between {' and '.join(leaders)}: "
                                     "send the reply to play as 'key'")
            key = leaders[0]
        vote.open = False
        vote.counts = counts
        vote.chosen = key
        if key in END_ACTIONS:
            branch.run("end", key, vote=vote.number)
        else:
            branch.run("choose", int(key), vote=vote.number)
        branch.sink.vote_closed(branch, vote)
        if branch.ended:
            self._store_current(final=False)
        self._changed()
        return vote

    def end(self) -> Branch:
        branch = self._require_branch()
        if not branch.ended:
            vote = branch.open_vote
            if vote is not None:           # an open vote is dropped: it never decided anything
                branch.votes.remove(vote)
            branch.discussion = None
            branch.run("end", "leave")
        self._store_current(final=False)
        self._changed()
        return branch

    def discuss(self, question: Any) -> None:
        branch = self._require_branch()
        if question is None:
            branch.discussion = None
        else:
            questions = branch.scenario.debrief.discussion_questions
            if isinstance(question, bool) or not isinstance(question, int):
                raise RoomError(400, "'question' must be the number of a discussion question, or null")
            if not questions:
                raise RoomError(409, "this scenario has no discussion questions")
            if not 1 <= question <= len(questions):
                raise RoomError(400, f"no question {question} (questions are 1-{len(questions)})")
            branch.discussion = question - 1
        self._changed()

    def reveal(self, on: bool = True) -> None:
        branch = self._require_branch()
        if not branch.ended:
            raise RoomError(409, "the reveal comes when the chat is over: end it first")
        branch.revealed = bool(on)
        self._changed()

    def rewind(self, reply_number: Any) -> Branch:
        """A new branch that replays the current one up to just before reply ``reply_number``."""
        old = self._require_branch()
        if self.closed:
            raise RoomError(409, "this class session has closed")
        if isinstance(reply_number, bool) or not isinstance(reply_number, int):
            raise RoomError(400, "'reply' must be the number of an earlier reply")
        if not old.replies:
            raise RoomError(409, "there is no earlier reply to go back to yet")
        if not 1 <= reply_number <= len(old.replies):
            raise RoomError(400, f"no reply {reply_number} (replies are 1-{len(old.replies)})")
        target = old.replies[reply_number - 1]
        self._store_current(final=True)
        branch = Branch(len(self.branches) + 1, old.scenario, old.seed, old.class_code, self.sink,
                        parent=(old.number, reply_number), clock=self.clock)
        self.branches.append(branch)
        self.current = branch
        self.sink.branch_started(branch)
        branch.conv.start()
        for command, arg in old.commands[:target.command_index]:
            branch.run(command, arg)
        # The replies replayed keep the votes that chose them (stored again with this branch).
        for reply, old_reply in zip(branch.replies, old.replies, strict=False):
            reply.vote = old_reply.vote
            if old_reply.vote is not None:
                old_vote = old.votes[old_reply.vote - 1]
                copy = Vote(len(branch.votes) + 1, old_vote.node, list(old_vote.options), False,
                            dict(old_vote.ballots), dict(old_vote.tally), dict(old_vote.counts or {}),
                            old_vote.chosen)
                branch.votes.append(copy)
                reply.vote = copy.number
                self.sink.vote_closed(branch, copy)
        # Each student's flags from before that reply carry over.
        cutoff = target.event_index
        for student_id, log in old.flag_log.items():
            kept = [(pos, dict(ev)) for pos, ev in log if pos <= cutoff]
            if kept:
                branch.flag_log[student_id] = kept
                flags: list[str] = []
                for _, ev in kept:
                    if ev["type"] == "flag" and ev["id"] not in flags:
                        flags.append(ev["id"])
                    elif ev["type"] == "unflag" and ev["id"] in flags:
                        flags.remove(ev["id"])
                branch.flags[student_id] = flags
                carried = self.students.get(student_id)
                if carried is not None and not carried.removed:
                    self.sink.student_flagged(branch, carried)
        self._changed()
        return branch

    def flag(self, student: Student, ref: Any, on: bool) -> list[str]:
        branch = self._require_running()
        if not isinstance(ref, str) or not ref.strip() or len(ref) > 100:
            raise RoomError(400, "'item' must be a message number (\"3\"), a message id or a profile item id")
        try:
            item_id = branch.conv.resolve_item(ref)
        except CommandError as exc:
            raise RoomError(400, str(exc)) from None
        flags = branch.flags.setdefault(student.id, [])
        if on == (item_id in flags):
            return list(flags)
        if on:
            flags.append(item_id)
        else:
            flags.remove(item_id)
        event = {"type": "flag" if on else "unflag", "id": item_id, "t": branch.conv.elapsed()}
        branch.flag_log.setdefault(student.id, []).append((len(branch.conv.events), event))
        branch.sink.student_flagged(branch, student)
        self._changed(public=False, student=student)
        return list(flags)

    def _store_current(self, final: bool) -> None:
        """Write the current branch's results once it is over; ``final``: end it first if needed."""
        branch = self.current
        if branch is None or branch.stored:
            return
        if not branch.ended:
            if not final:
                return
            vote = branch.open_vote
            if vote is not None:
                branch.votes.remove(vote)
            branch.run("quit")
        branch.stored = True
        branch.class_result = score(branch.conv.events)
        for student in self.present():
            branch.results[student.id] = score(branch.student_events(student.id))
        branch.sink.branch_ended(branch, self.present())

    # -- flag counts for the teacher and the reveal --------------------------------------
    def flag_counts(self, branch: Branch) -> dict[str, int]:
        present = {s.id for s in self.present()}
        counts: dict[str, int] = {}
        for student_id, flags in branch.flags.items():
            if student_id in present:
                for item_id in flags:
                    counts[item_id] = counts.get(item_id, 0) + 1
        return counts


def new_join_code(taken: set[str], rng: secrets.SystemRandom | None = None) -> str:
    rng = rng or secrets.SystemRandom()
    for _ in range(10000):
        code = "".join(rng.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if code not in taken:
            return code
    raise RuntimeError("no free join code")


class Registry:
    """Every room of the server, found by join code, teacher token or student token (by digest)."""

    def __init__(self, library: Any, sink_factory: Callable[[], ResultsSink] | None = None,
                 max_students: int = 200, on_change: Callable[[Room], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.library = library
        self.sink_factory = sink_factory or NoResults
        self.max_students = max_students
        self.on_change = on_change
        self.clock = clock
        self.by_code: dict[str, Room] = {}
        self.by_teacher: dict[str, Room] = {}
        self.by_student: dict[str, Room] = {}     # token key -> room
        self.removed: dict[str, Room] = {}        # token keys of removed students -> room
        self.rooms: list[Room] = []

    def create(self, class_code: str | None = None, teacher_token: str | None = None,
               join_code: str | None = None) -> tuple[Room, str]:
        """A new room; returns (room, teacher token)."""
        token = teacher_token or new_token()
        code = join_code or new_join_code(set(self.by_code) | {r.join_code for r in self.rooms})
        room = Room(code, token, class_code, self.library, self.sink_factory(), self.max_students,
                    self.on_change, self.clock)
        room.taken_in_class = lambda: self.nicknames_in_class(room)
        self.rooms.append(room)
        self.by_code[code] = room
        self.by_teacher[room.teacher_key] = room
        return room, token

    def nicknames_in_class(self, room: Room) -> set[str]:
        """Nicknames used by ``room``'s class in the server's other rooms and in the results store."""
        names = {s.player for other in self.rooms if other is not room and other.class_code == room.class_code
                 for s in other.students.values()}
        stored = getattr(room.sink, "nicknames_in_class", None)
        if stored is not None:
            names |= stored(room.class_code)
        return names

    def join(self, join_code: str, player: str | None) -> tuple[Room, str, Student]:
        room = self.by_code.get(join_code)
        if room is None or room.closed:
            raise RoomError(404 if room is None else 403, words.WRONG_CODE if room is None else words.ROOM_CLOSED)
        token, student = room.join(player)
        self.by_student[student.key] = room
        return room, token, student

    def remove(self, room: Room, student_id: Any) -> Student:
        student = room.remove(student_id)
        self.by_student.pop(student.key, None)
        self.removed[student.key] = room
        return student

    def close(self, room: Room) -> None:
        room.close()
        self.by_code.pop(room.join_code, None)

    def close_all(self) -> None:
        for room in list(self.rooms):
            if not room.closed:
                self.close(room)
