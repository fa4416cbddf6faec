"""One play of one scenario, shared by every front end.

A Session owns the Conversation, publishes each event on its event bus (the
results recorder, which commits it at once, is one listener; a projector or
a teacher's dashboard can be others), carries out commands of the command
language, and writes the result record at the end. Every front end drives a
Session through ``execute`` (or ``execute_line`` for a line of text): a click
on a reply, a key, a tap in the browser and a script line take the same path,
so a script gives the same record in all of them.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import safefile
from .command_language import Command, ParseError, parse
from .engine import CommandError, Conversation
from .model import Scenario
from .play import saving
from .play.bus import EventBus
from .safetext import neutralise
from .scoring import score


class Recorder(Protocol):
    def on_event(self, event: dict) -> None: ...
    def finish(self, result: dict) -> None: ...


class ScriptError(Exception):
    """A bad line in a --script file: `line 7: no choice 9 (choices are 1-2)`."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


@dataclass
class Step:
    """What one command did: the command, what the front end must show, the new events."""

    command: Command
    shown: str | None = None            # "profile" or "help": show it; None: nothing extra
    events: list[dict[str, Any]] = field(default_factory=list)


class Session:
    def __init__(self, scenario: Scenario, seed: int | None = None, recorder: Recorder | None = None,
                 clock: Callable[[], float] = time.monotonic, conversation: Conversation | None = None):
        self.scenario = scenario
        self.bus = EventBus()
        self._recorder: Recorder | None = None
        self._unsubscribe_recorder: Callable[[], None] = lambda: None
        self.recorder = recorder
        self.seed = new_seed() if seed is None else int(seed)
        self.conv = conversation or Conversation(scenario, self.seed, clock=clock, on_event=self._on_event)
        self.conv.on_event = self._on_event
        self._result: dict | None = None
        #: a practice run from a decision of an earlier chat (game.play.practice): its number, else None
        self.practice: int | None = None

    @property
    def recorder(self) -> Recorder | None:
        """The results recorder: the bus listener that stores every event (None: not saved)."""
        return self._recorder

    @recorder.setter
    def recorder(self, recorder: Recorder | None) -> None:
        self._unsubscribe_recorder()
        self._recorder = recorder
        self._unsubscribe_recorder = self.bus.subscribe(recorder.on_event) if recorder is not None else (lambda: None)

    def _on_event(self, event: dict) -> None:
        self.bus.publish(event)

    @property
    def events(self) -> list[dict]:
        """The event log so far (JSON-ready dicts)."""
        return self.conv.events

    def start(self) -> list[dict]:
        """Start the conversation (once); returns the events it produced."""
        before = len(self.conv.events)
        if not self.conv.started:
            self.conv.start()
        return self.conv.events[before:]

    def deliver_all(self) -> list[dict]:
        """Show every pending message now (terminal, scripts, a server without pacing)."""
        before = len(self.conv.events)
        self.conv.deliver_all()
        return self.conv.events[before:]

    def step(self, command: Command, deliver: bool = False) -> Step:
        """Carry out one command; with ``deliver`` also show every message it brought.

        Raises CommandError (nothing changed) for a command that cannot be done now.
        """
        before = len(self.conv.events)
        shown = self.execute(command)
        if deliver:
            self.conv.deliver_all()
        return Step(command, shown, self.conv.events[before:])

    def execute_line(self, text: str, deliver: bool = True, line: int = 0) -> Step | None:
        """One line of the command language (a web request, a typed line); None for a blank line.

        Raises CommandError with a one-line message for a line that is not a
        command or cannot be done now; nothing changes then.
        """
        try:
            command = parse(text, line)
        except ParseError as exc:
            raise CommandError(str(exc)) from None
        if command is None:
            return None
        return self.step(command, deliver=deliver)

    def execute(self, command: Command) -> str | None:
        """Carry out one command. Returns "profile" or "help" when the front end must show something.

        Raises CommandError (nothing changed) for a command that cannot be done now.
        """
        conv = self.conv
        name = command.name
        if name in ("profile", "help"):
            return name
        if name == "choose":
            conv.choose(command.number)
        elif name == "flag":
            conv.flag(command.arg or "")
        elif name == "unflag":
            conv.unflag(command.arg or "")
        elif name == "wait":
            conv.wait()
        elif name == "quit":
            conv.quit()
        elif name == "report":
            conv.end_action(name, command.arg)
        else:
            conv.end_action(name)
        return None

    @property
    def ended(self) -> bool:
        return self.conv.ended

    def result(self) -> dict:
        """The result record (scoring.md); computed once the conversation has ended."""
        if self._result is None or not self.conv.ended:
            self._result = score(self.conv.events)
        return self._result

    def finish(self, result_json: str | os.PathLike[str] | None = None) -> dict:
        """Close the session: quit if still open, store and write the result record."""
        if not self.conv.ended:
            self.conv.quit()
        result = self.result()
        if self.recorder is not None:
            self.recorder.finish(result)
        if result_json:   # atomically, and never replacing anything but a regular file
            safefile.write_text(Path(result_json), json.dumps(result, indent=2) + "\n")
        return result


def run_script(session: Session, lines: Iterable[tuple[int, str]],
               after_step: Callable[[Command, str | None], None] = lambda c, r: None,
               execute: Callable[[Command], str | None] | None = None) -> list[str]:
    """Feed script lines to a started session, delivering all messages after each command.

    ``execute`` carries out one command (default ``session.execute``); the window
    passes the chat screen's ``act``, the call its clicks make, so a script runs the
    real click path. Raises ScriptError on the first bad line (nothing of that line
    is applied). Returns notes for the player (for example lines ignored after the end).
    """
    execute = execute or session.execute
    notes = []
    session.conv.deliver_all()
    for number, text in lines:
        try:
            command = parse(text, number)
        except ParseError as exc:
            raise ScriptError(number, str(exc)) from None
        if command is None:
            continue
        if session.ended:
            notes.append(f"line {number}: the conversation is over; the rest of the script is ignored")
            break
        try:
            shown = execute(command)
        except CommandError as exc:
            raise ScriptError(number, str(exc)) from None
        session.conv.deliver_all()
        after_step(command, shown)
    return notes


ScriptRunner = Callable[[Session, list[tuple[int, str]]], list[str]]


def run_script_file(session: Session, lines: list[tuple[int, str]], script_name: str,
                    run: ScriptRunner = run_script, result_json: str | os.PathLike[str] | None = None) -> int:
    """Play a --script with ``run(session, lines)`` (which returns the notes) and finish the session.

    A bad line prints ``SCRIPT: line N: ...`` to stderr, finishes the session as it stands
    (no result file) and returns 2. Otherwise the notes are printed as ``SCRIPT: note``, the
    session is finished (the result record goes to ``result_json`` when given) and 0 is returned.
    """
    try:
        notes = run(session, lines)
    except ScriptError as exc:
        print(f"{script_name}: {neutralise(str(exc))}", file=sys.stderr)
        session.finish()
        return 2
    for note in notes:
        print(f"{script_name}: {note}", file=sys.stderr)
    return finish_writing(session, result_json)


SETTLE_S = 3.0    # at the end of a chat, how long to keep trying a results store that refuses


def finish_writing(session: Session, result_json: str | os.PathLike[str] | None = None) -> int:
    """``session.finish(result_json)``; status 1 with one line when the result record cannot be
    written or the session could not be stored (after trying for ``SETTLE_S`` seconds)."""
    code = 0
    try:
        session.finish(result_json)
    except OSError as exc:
        reason = str(exc) if isinstance(exc, safefile.OutputError) else f"cannot write '{result_json}': " \
            f"{exc.strerror or exc}"
        print(f"play: the result record was not written: {reason}", file=sys.stderr)
        code = 1
    if not stored(session):
        code = 1
    return code


def stored(session: Session, timeout: float = SETTLE_S) -> bool:
    """True when the session is in the results store (or is not to be saved); else says so in one line."""
    recorder: Any = session.recorder
    if recorder is None or not hasattr(recorder, "settle") or recorder.settle(timeout):
        return True
    print(f"play: {saving.not_saved_line(recorder.status())}", file=sys.stderr)
    return False
