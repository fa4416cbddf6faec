"""One player taking one check: the items in order, their answers, the record at the end.

Every front end (terminal, window, browser) drives a CheckSession the same
way, so a script gives the same record in all of them:

    session = CheckSession(form, phase="pre")
    while not session.done:
        item = session.item                  # the Item to show; session.number is 1-based
        session.apply(parse("red 3"))        # or session.answer("red", 3) / .skip() / .quit()
    record = session.record()                # prepost.md's record
"""

from __future__ import annotations

from typing import Any

from .model import Form, Item
from .scoring import Answer, score_check
from .script import CheckCommand

PHASES = ("pre", "post", "followup")


class CheckSession:
    def __init__(self, form: Form, phase: str):
        if phase not in PHASES:
            raise ValueError(f"phase must be one of {', '.join(PHASES)}, not {phase!r}")
        self.form = form
        self.phase = phase
        self.answers: list[Answer] = []
        self.quit_early = False

    @property
    def done(self) -> bool:
        return self.quit_early or len(self.answers) >= len(self.form.items)

    @property
    def complete(self) -> bool:
        """Every item was answered or skipped (a quit check is stored, as incomplete)."""
        return len(self.answers) >= len(self.form.items)

    @property
    def item(self) -> Item | None:
        return None if self.done else self.form.items[len(self.answers)]

    @property
    def number(self) -> int:
        """1-based number of the current item (total: len(form.items))."""
        return len(self.answers) + 1

    @property
    def total(self) -> int:
        return len(self.form.items)

    def _current(self) -> Item:
        item = self.item
        if item is None:
            raise ValueError("the check is over")
        return item

    def answer(self, answer: str, confidence: int) -> None:
        self.answers.append(Answer(self._current().id, answer, confidence))

    def skip(self) -> None:
        self.answers.append(Answer(self._current().id))

    def quit(self) -> None:
        self.quit_early = True

    def apply(self, command: CheckCommand) -> None:
        if command.verb == "quit":
            self.quit()
        elif command.verb == "skip":
            self.skip()
        else:
            self.answer(command.verb, command.confidence or 1)

    def record(self) -> dict[str, Any]:
        return score_check(self.form, self.answers, phase=self.phase, complete=self.complete)
