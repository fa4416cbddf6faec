"""A group's change from its `pre` to its `post` checks (prepost.md, "Class change").

For each student with both checks: delta d' = post d' - pre d', and the same
for c. The group's change is the mean of those deltas, each with a 95%
bootstrap interval (2,000 resamples of students, drawn with a fixed seed so
the same data always gives the same report: percentile interval, the 2.5th
and 97.5th percentiles of the resampled means). The sentence follows the
spec's table; d' and c are recomputed from each record's counts, not from its
rounded figures.

Which checks count: complete checks (the player reached the last item) with
at least one answered red_flag item and one answered safe item; for a
student with several, the first `pre` and the last `post` taken after it.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..results.stats import Counts, discernment

RESAMPLES = 2000
SEED = 16_2000          # fixed: a report is reproducible
MIN_STUDENTS = 10

NOT_ENOUGH = "not enough data yet"
IMPROVED = "discrimination improved"
SUSPICION = "suspicion grew without better discrimination"
NO_CLEAR = "no clear change yet"
SENTENCES = (NOT_ENOUGH, IMPROVED, SUSPICION, NO_CLEAR)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0

    def as_json(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


@dataclass(frozen=True)
class Change:
    students: int
    delta_d_prime: float | None
    delta_c: float | None
    d_prime_interval: Interval | None
    c_interval: Interval | None
    sentence: str

    def as_json(self) -> dict[str, Any]:
        def r(x):
            return None if x is None else round(x, 4)
        return {"students": self.students, "delta_d_prime": r(self.delta_d_prime), "delta_c": r(self.delta_c),
                "d_prime_interval": self.d_prime_interval.as_json() if self.d_prime_interval else None,
                "c_interval": self.c_interval.as_json() if self.c_interval else None,
                "sentence": self.sentence}


def sdt(record: Mapping[str, Any]) -> tuple[float, float]:
    """Unrounded (d', c) of a check record, from its counts."""
    d = discernment(Counts(int(record["signal_items"]), int(record["noise_items"]),
                           int(record["hits"]), int(record["false_alarms"])))
    return d.d_prime, d.c


def counts(record: Mapping[str, Any] | None) -> bool:
    """Whether a check record counts towards a change (see the module docstring)."""
    if not record:
        return False
    return bool(record.get("complete")) and \
        int(record.get("signal_items") or 0) > 0 and int(record.get("noise_items") or 0) > 0


def pair_checks(checks: Iterable[tuple[str, float, Mapping[str, Any]]],
                later: str = "post") -> dict[str, tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(student key, taken_at, record) rows -> student -> (first pre, last `later` check after it)."""
    by_student: dict[str, list[tuple[float, Mapping[str, Any]]]] = {}
    for student, taken_at, record in checks:
        if counts(record):
            by_student.setdefault(student, []).append((taken_at, record))
    pairs = {}
    for student, rows in by_student.items():
        rows.sort(key=lambda row: row[0])
        pres = [row for row in rows if row[1].get("phase") == "pre"]
        if not pres:
            continue
        first_at = pres[0][0]
        afters = [row for row in rows if row[1].get("phase") == later and row[0] >= first_at]
        if afters:
            pairs[student] = (pres[0][1], afters[-1][1])
    return pairs


def _interval(means: list[float]) -> Interval:
    cuts = statistics.quantiles(means, n=40, method="inclusive")   # cut points at 2.5%, 5%, ..., 97.5%
    return Interval(cuts[0], cuts[-1])


def sentence(students: int, delta_d: float | None, d_interval: Interval | None,
             delta_c: float | None, c_interval: Interval | None) -> str:
    """The spec's rule, in its order."""
    if students < MIN_STUDENTS or delta_d is None or d_interval is None or delta_c is None or c_interval is None:
        return NOT_ENOUGH
    if delta_d > 0 and d_interval.excludes_zero():
        return IMPROVED
    if not d_interval.excludes_zero() and delta_c < 0 and c_interval.excludes_zero():
        return SUSPICION
    return NO_CLEAR


def change(deltas: list[tuple[float, float]], *, seed: int = SEED, resamples: int = RESAMPLES) -> Change:
    """The change of a group from each student's (delta d', delta c)."""
    n = len(deltas)
    if n == 0:
        return Change(0, None, None, None, None, NOT_ENOUGH)
    mean_d = statistics.fmean(d for d, _ in deltas)
    mean_c = statistics.fmean(c for _, c in deltas)
    d_interval = c_interval = None
    if n >= 2:
        rng = random.Random(seed)
        d_means, c_means = [], []
        for _ in range(resamples):
            sample = rng.choices(deltas, k=n)     # the same students for d' and c
            d_means.append(statistics.fmean(d for d, _ in sample))
            c_means.append(statistics.fmean(c for _, c in sample))
        d_interval, c_interval = _interval(d_means), _interval(c_means)
    return Change(n, mean_d, mean_c, d_interval, c_interval, sentence(n, mean_d, d_interval, mean_c, c_interval))


def class_change(checks: Iterable[tuple[str, float, Mapping[str, Any]]], later: str = "post", **kw) -> Change:
    """From stored checks (student key, taken_at, record) to the group's change."""
    deltas = []
    pairs = pair_checks(checks, later)
    for student in sorted(pairs):
        pre, post = pairs[student]
        (d0, c0), (d1, c1) = sdt(pre), sdt(post)
        deltas.append((d1 - d0, c1 - c0))
    return change(deltas, **kw)
