"""One play of one scenario, shared by every front end.

A Session owns the Conversation, forwards each event to the results
recorder (which commits it at once), carries out commands of the command
language, and writes the result record at the end. The terminal and the
window both drive a Session, so a script gives the same record in both.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Optional, Protocol

from .command_language import Command, ParseError, parse
from .engine import CommandError, Conversation
from .model import Scenario
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


class Session:
    def __init__(self, scenario: Scenario, seed: Optional[int] = None, recorder: Optional[Recorder] = None,
                 clock: Callable[[], float] = time.monotonic, conversation: Optional[Conversation] = None):
        self.scenario = scenario
        self.recorder = recorder
        self.seed = new_seed() if seed is None else int(seed)
        self.conv = conversation or Conversation(scenario, self.seed, clock=clock, on_event=self._on_event)
        self.conv.on_event = self._on_event
        self._result: Optional[dict] = None

    def _on_event(self, event: dict) -> None:
        if self.recorder is not None:
            self.recorder.on_event(event)

    def start(self) -> None:
        if not self.conv.started:
            self.conv.start()

    def execute(self, command: Command) -> Optional[str]:
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
            conv.flag(command.arg)
        elif name == "unflag":
            conv.unflag(command.arg)
        elif name == "wait":
            conv.wait()
        elif name == "quit":
            conv.quit()
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

    def finish(self, result_json: Optional[str | Path] = None) -> dict:
        """Close the session: quit if still open, store and write the result record."""
        if not self.conv.ended:
            self.conv.quit()
        result = self.result()
        if self.recorder is not None:
            self.recorder.finish(result)
        if result_json:
            Path(result_json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        return result


def run_script(session: Session, lines: Iterable[tuple[int, str]],
               after_step: Callable[[Command, Optional[str]], None] = lambda c, r: None) -> list[str]:
    """Feed script lines to a started session, delivering all messages after each command.

    Raises ScriptError on the first bad line (nothing of that line is applied).
    Returns notes for the player (for example lines ignored after the end).
    """
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
            shown = session.execute(command)
        except CommandError as exc:
            raise ScriptError(number, str(exc)) from None
        session.conv.deliver_all()
        after_step(command, shown)
    return notes


ScriptRunner = Callable[[Session, Iterable[tuple[int, str]]], list[str]]


def run_script_file(session: Session, lines: Iterable[tuple[int, str]], script_name: str,
                    run: ScriptRunner = run_script, result_json: Optional[str | Path] = None) -> int:
    """Play a --script with ``run(session, lines)`` (which returns the notes) and finish the session.

    A bad line prints ``SCRIPT: line N: ...`` to stderr, finishes the session as it stands
    (no result file) and returns 2. Otherwise the notes are printed as ``SCRIPT: note``, the
    session is finished (the result record goes to ``result_json`` when given) and 0 is returned.
    """
    try:
        notes = run(session, lines)
    except ScriptError as exc:
        print(f"{script_name}: {exc}", file=sys.stderr)
        session.finish()
        return 2
    for note in notes:
        print(f"{script_name}: {note}", file=sys.stderr)
    session.finish(result_json)
    return 0
