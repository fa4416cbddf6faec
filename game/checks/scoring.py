"""One check's record (prepost.md, "Scores"): counts, raw rates, d' and c, and AUC.

d' and c use the log-linear correction of scoring.md (shared with the chat
reports, game.results.stats). The AUC comes from the confidence ratings:
each answer becomes a rating from 1 (`safe 4`) to 8 (`red 4`), and the AUC is
the Mann-Whitney statistic over (red_flag item, safe item) pairs, ties
counting one half, divided by the number of pairs. Everything is computed
exactly (fractions for the rates and the AUC) and rounded to 4 places only in
the record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..results.stats import Counts, discernment
from .model import Form

RED, SAFE = "red", "safe"
CONFIDENCES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Answer:
    """A player's answer to one item; `answer` None means skipped."""

    item: str
    answer: str | None = None     # "red" | "safe" | None (skip)
    confidence: int | None = None

    def __post_init__(self):
        if self.answer is None:
            if self.confidence is not None:
                raise ValueError("a skipped item has no confidence")
        elif self.answer not in (RED, SAFE) or self.confidence not in CONFIDENCES:
            raise ValueError(f"bad answer {self.answer!r} {self.confidence!r}")

    @property
    def skipped(self) -> bool:
        return self.answer is None

    def as_json(self) -> dict[str, Any]:
        if self.skipped:
            return {"item": self.item, "skip": True}
        return {"item": self.item, "answer": self.answer, "confidence": self.confidence}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        if data.get("skip"):
            return cls(str(data["item"]))
        return cls(str(data["item"]), data.get("answer"), data.get("confidence"))


def rating(answer: Answer) -> int:
    """The 8-level rating: `safe 4` = 1 ... `safe 1` = 4, `red 1` = 5 ... `red 4` = 8."""
    if answer.skipped or answer.confidence is None:
        raise ValueError("a skipped item has no rating")
    return 4 + answer.confidence if answer.answer == RED else 5 - answer.confidence


def auc(signal_ratings: Sequence[int], noise_ratings: Sequence[int]) -> Fraction | None:
    """P(a random red_flag item is rated above a random safe item), ties one half; None if either is empty."""
    if not signal_ratings or not noise_ratings:
        return None
    wins = Fraction(0)
    for s in signal_ratings:
        for n in noise_ratings:
            wins += 1 if s > n else Fraction(1, 2) if s == n else 0
    return wins / (len(signal_ratings) * len(noise_ratings))


def _round(value: Fraction | float | None) -> float | None:
    return None if value is None else round(float(value), 4) + 0.0     # + 0.0: no "-0.0" in a record


def score_check(form: Form, answers: Iterable[Answer], *, phase: str, complete: bool) -> dict[str, Any]:
    """The record of prepost.md for one check of `form`."""
    answers = list(answers)
    kinds = {item.id: item.is_signal for item in form.items}
    unknown = [a.item for a in answers if a.item not in kinds]
    if unknown:
        raise ValueError(f"items {unknown} are not in form {form.name}")
    answered = [a for a in answers if not a.skipped]
    signal = [a for a in answered if kinds[a.item]]
    noise = [a for a in answered if not kinds[a.item]]
    hits = sum(1 for a in signal if a.answer == RED)
    false_alarms = sum(1 for a in noise if a.answer == RED)
    sdt = discernment(Counts(len(signal), len(noise), hits, false_alarms))
    area = auc([rating(a) for a in signal], [rating(a) for a in noise])
    return {
        "kind": "check", "form": form.name, "phase": phase, "complete": complete,
        "answers": [a.as_json() for a in answers],
        "signal_items": len(signal), "noise_items": len(noise), "hits": hits, "false_alarms": false_alarms,
        "hit_rate": _round(Fraction(hits, len(signal))) if signal else None,
        "fa_rate": _round(Fraction(false_alarms, len(noise))) if noise else None,
        "d_prime": _round(sdt.d_prime), "c": _round(sdt.c), "auc": _round(area),
    }
