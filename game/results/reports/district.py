"""For the counsellor: classes side by side, week-by-week trends and a follow-up list, in SQL.

- ``compare_classes``: per school and class, sessions, players, average
  score, warning signs spotted and normal messages flagged (pooled shares),
  the share of finished grooming chats where players stayed too long, and
  the discernment reading.
- ``weekly``: per calendar week (Monday 00:00 UTC), sessions, finished
  sessions, the same pooled shares, false alarms per finished session, and
  the reading.
- ``follow_up``: players who may like to go over a chat again with someone
  they trust, as a teaching aid and never a risk screen: those who reached
  an unsafe ending more than once, or who gave money or payment details in
  a chat where they were threatened (the ``money`` disclosure in a session
  that showed a ``threats_blackmail`` red flag). It is for the counsellor
  alone: the counsellor view shows it behind the PIN, and a report file
  holds it only when asked for (``report --follow-up``). It is listed by
  class and nickname, never ranked.

Every figure is folded from the rows of ``aggregate.figures`` (the passes
over the summary columns, ``summary.py``); ``model.build`` runs those passes
once for the whole report. Sessions of mode ``class_session`` are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import stats
from ..store import Filters, Store
from . import aggregate
from .aggregate import MONDAY, WEEK_S
from .aggregate import average as _share

NO_FINISHED = "no finished chats yet"
FOLLOW_UP_TITLE = "Worth a quiet conversation"
FOLLOW_UP_WORDING = (
    "A teaching aid, not a risk screen. These players may like to go over a chat again with someone "
    "they trust: what the stranger did, and what they could do next time. A game result says nothing "
    "certain about a young person's life. Talk with them one to one, never single anyone out in class, "
    "and remember that it is never the young person's fault.")


@dataclass(frozen=True)
class ClassRow:
    school: str
    class_code: str | None
    sessions: int
    players: int
    complete: int
    avg_total: float | None
    spotted: float | None           # warning signs flagged / met (pooled over finished chats)
    normal_flagged: float | None    # normal messages flagged / met (pooled)
    stayed_share: float | None      # of finished grooming chats
    discernment: stats.Discernment

    @property
    def reading(self) -> str:
        return self.discernment.reading if self.complete else NO_FINISHED


def compare_classes(store: Store, filters: Filters | None = None) -> list[ClassRow]:
    """One row per school and class matching ``filters``, by school then class code."""
    return classes_of(aggregate.figures(store, filters or Filters(), kinds=False))


def classes_of(fig: aggregate.Figures) -> list[ClassRow]:
    """``compare_classes`` from the rows of ``aggregate.figures`` (one pass for every figure)."""
    groups: dict[tuple[str, str | None], dict[str, Any]] = {}
    keys: dict[tuple[str, str | None], set[str]] = {}
    for r in fig.people:
        where = (str(r["school"]), r["class_code"])
        aggregate.add(groups.setdefault(where, {}), r, ("sum_total", "n_total", "si", "ni", "h", "fa",
                                                        "stayed_grooming", "grooming"))
        keys.setdefault(where, set()).add(r["key"])
    out = []
    for (school, klass), g in groups.items():
        counts = stats.Counts(int(g["si"]), int(g["ni"]), int(g["h"]), int(g["fa"]))
        out.append(ClassRow(
            school=school, class_code=klass, sessions=int(g["sessions"]), players=len(keys[(school, klass)]),
            complete=int(g["complete"]), avg_total=_share(g["sum_total"], int(g["n_total"])),
            spotted=_share(counts.hits, counts.signal_items),
            normal_flagged=_share(counts.false_alarms, counts.noise_items),
            stayed_share=_share(int(g["stayed_grooming"]), int(g["grooming"])), discernment=stats.discernment(counts)))
    out.sort(key=lambda c: (c.school, c.class_code is None, c.class_code or ""))
    return out


@dataclass(frozen=True)
class WeekRow:
    week_start: float               # Monday 00:00 UTC, as a timestamp
    sessions: int
    complete: int
    spotted: float | None
    normal_flagged: float | None
    false_alarms_per_chat: float | None
    discernment: stats.Discernment

    @property
    def reading(self) -> str:
        return self.discernment.reading if self.complete else NO_FINISHED


def weekly(store: Store, filters: Filters | None = None) -> list[WeekRow]:
    """One row per calendar week (Monday to Sunday, UTC) with sessions, oldest first; empty weeks are left out."""
    return weeks_of(aggregate.figures(store, filters or Filters(), kinds=False))


def weeks_of(fig: aggregate.Figures) -> list[WeekRow]:
    """``weekly`` from the rows of ``aggregate.figures``."""
    groups: dict[int, dict[str, Any]] = {}
    for r in fig.scenario_weeks:
        aggregate.add(groups.setdefault(int(r["week"]), {}), r, ("si", "ni", "h", "fa"))
    out = []
    for week in sorted(groups):
        g = groups[week]
        counts = stats.Counts(int(g["si"]), int(g["ni"]), int(g["h"]), int(g["fa"]))
        complete = int(g["complete"])
        out.append(WeekRow(
            week_start=float(MONDAY + week * WEEK_S), sessions=int(g["sessions"]), complete=complete,
            spotted=_share(counts.hits, counts.signal_items),
            normal_flagged=_share(counts.false_alarms, counts.noise_items),
            false_alarms_per_chat=_share(counts.false_alarms, complete),
            discernment=stats.discernment(counts)))
    return out


@dataclass(frozen=True)
class FollowUp:
    player: str
    class_code: str | None
    school: str
    unsafe_endings: int
    paid_when_threatened: int

    @property
    def why(self) -> str:
        """What happened in the game, in plain words (what the counsellor can go over with them)."""
        parts = []
        if self.unsafe_endings >= 2:
            parts.append(f"a chat ended unsafely {self.unsafe_endings} times")
        if self.paid_when_threatened:
            times = "" if self.paid_when_threatened == 1 else f" ({self.paid_when_threatened} chats)"
            parts.append("gave money or payment details after a threat" + times)
        return "; ".join(parts)


def follow_up(store: Store, filters: Filters | None = None) -> list[FollowUp]:
    """Players who reached an unsafe ending more than once, or paid after a threat; by class and nickname."""
    return follow_up_of(aggregate.figures(store, filters or Filters(), follow_up=True, kinds=False))


def follow_up_of(fig: aggregate.Figures) -> list[FollowUp]:
    """``follow_up`` from the rows of ``aggregate.figures(..., follow_up=True)``."""
    assert fig.follow_up, "the figures were computed without the follow-up counts"
    people: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    for r in fig.people:
        p = people.setdefault((str(r["school"]), r["class_code"], r["key"]), {"name": None})
        p["name"] = aggregate._max(p["name"], r["name"])
        aggregate.add(p, r, ("unsafe", "paid"))
    out = []
    for (school, klass, _key), p in people.items():
        n_unsafe, n_paid = int(p["unsafe"]), int(p["paid"])
        if n_unsafe >= 2 or n_paid >= 1:
            out.append(FollowUp(str(p["name"] or "(no nickname)"), klass, school, n_unsafe, n_paid))
    out.sort(key=lambda x: (x.school, x.class_code or "", x.player.casefold()))
    return out


# -- the same from records in memory (model.build_from; a test checks both ways agree) --------

def classes_from(items: list[tuple[str, Any]]) -> list[ClassRow]:
    """``compare_classes`` from ``(school, SessionView)`` pairs."""
    groups: dict[tuple[str, str | None], list[Any]] = {}
    for school, v in items:
        groups.setdefault((school, v.class_code), []).append(v)
    out = []
    for (school, klass), views in groups.items():
        done = [v for v in views if v.complete and v.result]
        counts = stats.pool(stats.Counts.from_signal((v.result or {}).get("signal")) for v in done)
        totals = [v.part("total") for v in done if v.part("total") is not None]
        groom = [v for v in done if v.kind == "grooming"]
        out.append(ClassRow(
            school=school, class_code=klass, sessions=len(views),
            players=len({v.player.casefold() for v in views}), complete=len(done),
            avg_total=sum(totals) / len(totals) if totals else None,
            spotted=_share(counts.hits, counts.signal_items),
            normal_flagged=_share(counts.false_alarms, counts.noise_items),
            stayed_share=_share(sum(1 for v in groom if v.stayed_too_long), len(groom)),
            discernment=stats.discernment(counts)))
    out.sort(key=lambda c: (c.school, c.class_code is None, c.class_code or ""))
    return out


def weeks_from(views: list[Any]) -> list[WeekRow]:
    """``weekly`` from SessionViews."""
    groups: dict[int, list[Any]] = {}
    for v in views:
        groups.setdefault(int((v.started_at - MONDAY) // WEEK_S), []).append(v)
    out = []
    for week in sorted(groups):
        done = [v for v in groups[week] if v.complete and v.result]
        counts = stats.pool(stats.Counts.from_signal((v.result or {}).get("signal")) for v in done)
        out.append(WeekRow(
            week_start=float(MONDAY + week * WEEK_S), sessions=len(groups[week]), complete=len(done),
            spotted=_share(counts.hits, counts.signal_items),
            normal_flagged=_share(counts.false_alarms, counts.noise_items),
            false_alarms_per_chat=_share(counts.false_alarms, len(done)), discernment=stats.discernment(counts)))
    return out


def follow_up_from(items: list[tuple[str, Any]], items_of: dict[int, dict[str, list[str]]]) -> list[FollowUp]:
    """``follow_up`` from ``(school, SessionView)`` pairs and each session's red-flag items and their kinds."""
    groups: dict[tuple[str, str | None, str], list[Any]] = {}
    for school, v in items:
        groups.setdefault((school, v.class_code, v.player.casefold()), []).append(v)
    out = []
    for (school, klass, _key), views in groups.items():
        done = [v for v in views if v.complete and v.result]
        unsafe = sum(1 for v in done if v.ending_outcome == "unsafe")
        paid = sum(1 for v in done if "money" in v.disclosures
                   and any("threats_blackmail" in cats for cats in items_of.get(v.id, {}).values()))
        if unsafe >= 2 or paid >= 1:
            out.append(FollowUp(max(v.player for v in views), klass, school, unsafe, paid))
    out.sort(key=lambda x: (x.school, x.class_code or "", x.player.casefold()))
    return out
