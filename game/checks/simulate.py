"""Simulated classes taking the check, for the power figures in bench/ and the tests.

Each simulated student answers like an observer of signal detection theory
with equal-variance normal evidence: a red-flag item gives evidence drawn
from N(d'/2, 1), a safe item from N(-d'/2, 1); the student answers "red"
when the evidence is above their criterion c (so c < 0 flags more), and is
surer the farther the evidence is from c (1 to 4 at 0.5, 1.0 and 1.5).
Students differ in their starting d' and c; between the pre and the post
check every student's true d' rises by `d_gain` and their criterion moves
by `c_shift`.
"""

from __future__ import annotations

import random
from typing import Any

from .change import Change, class_change
from .model import Form
from .scoring import RED, SAFE, Answer, score_check

CONFIDENCE_STEPS = (0.5, 1.0, 1.5)


def answer_item(rng: random.Random, is_signal: bool, d_prime: float, criterion: float) -> tuple[str, int]:
    evidence = rng.gauss(d_prime / 2 if is_signal else -d_prime / 2, 1.0)
    distance = abs(evidence - criterion)
    confidence = 1 + sum(distance >= step for step in CONFIDENCE_STEPS)
    return (RED if evidence > criterion else SAFE), confidence


def take(rng: random.Random, form: Form, phase: str, d_prime: float, criterion: float) -> dict[str, Any]:
    answers = [Answer(item.id, *answer_item(rng, item.is_signal, d_prime, criterion)) for item in form.items]
    return score_check(form, answers, phase=phase, complete=True)


def simulate_class(seed: int, forms: tuple[Form, Form], *, students: int = 30, d_gain: float = 0.0,
                   c_shift: float = 0.0, base_d: float = 1.0, spread: float = 0.3) -> Change:
    """One class: every student takes a pre check and a post check (forms alternate between students)."""
    rng = random.Random(seed)
    rows = []
    for k in range(students):
        d_prime, criterion = rng.gauss(base_d, spread), rng.gauss(0.0, spread)
        first, second = forms if k % 2 == 0 else forms[::-1]
        rows.append((f"s{k}", 1.0, take(rng, first, "pre", d_prime, criterion)))
        rows.append((f"s{k}", 2.0, take(rng, second, "post", d_prime + d_gain, criterion + c_shift)))
    return class_change(rows)
