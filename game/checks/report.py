"""The check's part of a counsellor report: per class and per student, pre and post.

Built from stored checks (game.checks.storage rows); every renderer (HTML,
CSV, JSON, the counsellor view) works from this model. Per class and phase
the counts of the students' checks are pooled (the first `pre` and the last
`post` of each student, as in game.checks.change) for the raw rates and d'
and c; "mean AUC" is the mean of the students' own AUCs (a different number
from a pooled one, so it has its own name). The class change and its
sentence come from game.checks.change.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..results.stats import Counts, discernment
from .change import Change, class_change, pair_checks, sdt
from .change import counts as counts_toward
from .words import CHANGE_STEP

NO_CLASS = "(no class)"
NO_NICKNAME = "(no nickname)"


@dataclass(frozen=True)
class CheckRow:
    """One stored check."""

    id: int
    uid: str
    player: str | None
    player_key: str | None
    class_code: str | None
    taken_at: float
    record: Mapping[str, Any]

    @property
    def student(self) -> str:
        """Who, for pairing: the nickname key within the class (no nickname: each check on its own)."""
        return f"{self.class_code or ''}\x00{self.player_key}" if self.player_key else f"\x01{self.uid}"


@dataclass(frozen=True)
class PhaseFigures:
    checks: int
    counts: Counts
    hit_rate: float | None
    fa_rate: float | None
    d_prime: float
    c: float
    mean_auc: float | None

    def as_json(self) -> dict[str, Any]:
        def r(x):
            return None if x is None else round(x, 4) + 0.0
        return {"checks": self.checks, "signal_items": self.counts.signal_items,
                "noise_items": self.counts.noise_items, "hits": self.counts.hits,
                "false_alarms": self.counts.false_alarms, "hit_rate": r(self.hit_rate), "fa_rate": r(self.fa_rate),
                "d_prime": r(self.d_prime), "c": r(self.c), "mean_auc": r(self.mean_auc)}


@dataclass(frozen=True)
class StudentRow:
    player: str
    pre: Mapping[str, Any] | None
    post: Mapping[str, Any] | None
    summary: str

    @property
    def delta_d_prime(self) -> float | None:
        return sdt(self.post)[0] - sdt(self.pre)[0] if self.pre and self.post else None

    @property
    def delta_c(self) -> float | None:
        return sdt(self.post)[1] - sdt(self.pre)[1] if self.pre and self.post else None


@dataclass
class ClassChecks:
    class_code: str
    pre: PhaseFigures | None
    post: PhaseFigures | None
    change: Change
    students: list[StudentRow] = field(default_factory=list)


@dataclass
class CheckReport:
    rows: list[CheckRow]
    classes: list[ClassChecks]

    @property
    def empty(self) -> bool:
        return not self.rows


def _figures(records: list[Mapping[str, Any]]) -> PhaseFigures | None:
    if not records:
        return None
    counts = Counts()
    for r in records:
        counts = counts + Counts(int(r["signal_items"]), int(r["noise_items"]), int(r["hits"]),
                                 int(r["false_alarms"]))
    d = discernment(counts)
    aucs = [float(r["auc"]) for r in records if r.get("auc") is not None]
    return PhaseFigures(len(records), counts,
                        counts.hits / counts.signal_items if counts.signal_items else None,
                        counts.false_alarms / counts.noise_items if counts.noise_items else None,
                        d.d_prime, d.c, statistics.fmean(aucs) if aucs else None)


def _describe(record: Mapping[str, Any]) -> str:
    return (f"{record['hits']}/{record['signal_items']} warning signs spotted, "
            f"{record['false_alarms']}/{record['noise_items']} normal chats flagged")


def student_summary(pre: Mapping[str, Any] | None, post: Mapping[str, Any] | None) -> str:
    """One line for the counsellor: raw counts before and after, and the direction of the change."""
    if pre and post:
        (d0, c0), (d1, c1) = sdt(pre), sdt(post)
        if d1 - d0 >= CHANGE_STEP:
            trend = "tells them apart better"
        elif c1 - c0 <= -CHANGE_STEP:
            trend = "flags more, normal chats too"
        elif c1 - c0 >= CHANGE_STEP:
            trend = "flags less"
        elif d1 - d0 <= -CHANGE_STEP:
            trend = "tells them apart less well"
        else:
            trend = "about the same"
        return f"before: {_describe(pre)}; after: {_describe(post)} ({trend})"
    if pre:
        return f"before: {_describe(pre)}; no check after playing yet"
    if post:
        return f"after: {_describe(post)}; no check before playing"
    return "no finished check yet"


def _class(code: str, rows: list[CheckRow]) -> ClassChecks:
    triples = [(r.student, r.taken_at, r.record) for r in rows]
    pairs = pair_checks(triples)
    names: dict[str, str] = {}
    first_pre: dict[str, Mapping[str, Any]] = {}
    last_post: dict[str, Mapping[str, Any]] = {}
    for r in rows:                                  # in the order taken
        names.setdefault(r.student, r.player or NO_NICKNAME)
        if counts_toward(r.record) and r.record.get("phase") == "pre":
            first_pre.setdefault(r.student, r.record)
        elif counts_toward(r.record) and r.record.get("phase") == "post":
            last_post[r.student] = r.record
    chosen = {s: pairs.get(s, (first_pre.get(s), last_post.get(s))) for s in names}
    students = [StudentRow(names[s], pre, post, student_summary(pre, post))
                for s, (pre, post) in sorted(chosen.items(), key=lambda kv: names[kv[0]].casefold())]
    return ClassChecks(code, _figures([p for p, _ in chosen.values() if p]),
                       _figures([q for _, q in chosen.values() if q]), class_change(triples), students)


def build(rows: Iterable[CheckRow]) -> CheckReport:
    rows = sorted(rows, key=lambda r: (r.taken_at, r.id))
    by_class: dict[str, list[CheckRow]] = {}
    for r in rows:
        by_class.setdefault(r.class_code or NO_CLASS, []).append(r)
    classes = [_class(code, by_class[code]) for code in sorted(by_class)]
    return CheckReport(rows, classes)


def to_plain(report: CheckReport) -> dict[str, Any]:
    """The JSON form: each class's figures, change and students, and every check's record."""
    return {
        "classes": [{
            "class": c.class_code,
            "pre": c.pre.as_json() if c.pre else None,
            "post": c.post.as_json() if c.post else None,
            "change": c.change.as_json(),
            "students": [{"player": s.player,
                          "pre_d_prime": s.pre.get("d_prime") if s.pre else None,
                          "post_d_prime": s.post.get("d_prime") if s.post else None,
                          "delta_d_prime": None if s.delta_d_prime is None else round(s.delta_d_prime, 4),
                          "delta_c": None if s.delta_c is None else round(s.delta_c, 4),
                          "summary": s.summary} for s in c.students],
        } for c in report.classes],
        "checks": [{"id": r.id, "uid": r.uid, "player": r.player, "class": r.class_code, "taken_at": r.taken_at,
                    **dict(r.record)} for r in report.rows],
    }
