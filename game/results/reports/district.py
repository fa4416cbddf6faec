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

Every query reads the summary columns (``summary.py``), like
``aggregate.py``; sessions of mode ``class_session`` are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .. import stats
from ..schema import session_categories as cats_t
from ..schema import session_disclosures as disc_t
from ..schema import sessions as s
from ..store import Filters, Store
from .aggregate import _count, _done, _key, _sum, _where

WEEK_S = 7 * 86400
MONDAY = 4 * 86400        # 1970-01-01 was a Thursday; Monday 1970-01-05 00:00 UTC
NO_FINISHED = "no finished chats yet"
FOLLOW_UP_TITLE = "Worth a quiet conversation"
FOLLOW_UP_WORDING = (
    "A teaching aid, not a risk screen. These players may like to go over a chat again with someone "
    "they trust: what the stranger did, and what they could do next time. A game result says nothing "
    "certain about a young person's life. Talk with them one to one, never single anyone out in class, "
    "and remember that it is never the young person's fault.")


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


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
    f = filters or Filters()
    done = _done()
    groom = sa.and_(done, s.c.kind == "grooming")
    q = (sa.select(s.c.school, s.c.class_code, sa.func.count().label("n"), _count(done).label("complete"),
                   sa.func.avg(sa.case((done, s.c.total), else_=None)).label("total"),
                   _sum(s.c.signal_items, done).label("si"), _sum(s.c.noise_items, done).label("ni"),
                   _sum(s.c.hits, done).label("h"), _sum(s.c.false_alarms, done).label("fa"),
                   _count(sa.and_(groom, s.c.stayed_too_long == 1)).label("stayed"), _count(groom).label("groom"))
         .where(*_where(f)).group_by(s.c.school, s.c.class_code))
    with store.engine.connect() as conn:
        rows = list(conn.execute(q))
        n_players = {(r[0], r[1]): int(r[2]) for r in conn.execute(_players_by_class(f))}
    out = []
    for r in rows:
        counts = stats.Counts(int(r.si), int(r.ni), int(r.h), int(r.fa))
        out.append(ClassRow(
            school=str(r.school), class_code=r.class_code, sessions=int(r.n),
            players=n_players.get((r.school, r.class_code), 0), complete=int(r.complete),
            avg_total=None if r.total is None else float(r.total),
            spotted=_share(counts.hits, counts.signal_items),
            normal_flagged=_share(counts.false_alarms, counts.noise_items),
            stayed_share=_share(int(r.stayed), int(r.groom)), discernment=stats.discernment(counts)))
    out.sort(key=lambda c: (c.school, c.class_code is None, c.class_code or ""))
    return out


def _players_by_class(f: Filters) -> Any:
    """Players per school and class: distinct nicknames (case-folded), no nickname counting as one."""
    inner = (sa.select(s.c.school.label("school"), s.c.class_code.label("class_code"), _key().label("key"))
             .where(*_where(f)).group_by(s.c.school, s.c.class_code, _key()).subquery())
    return (sa.select(inner.c.school, inner.c.class_code, sa.func.count())
            .group_by(inner.c.school, inner.c.class_code))


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


def _week(store: Store) -> Any:
    shifted = (s.c.started_at - MONDAY) / WEEK_S
    # floor: CAST truncates on SQLite (and the times are after 1970, so that is floor); it rounds on PostgreSQL.
    return sa.cast(shifted, sa.Integer) if store.is_sqlite else sa.cast(sa.func.floor(shifted), sa.Integer)


def weekly(store: Store, filters: Filters | None = None) -> list[WeekRow]:
    """One row per calendar week (Monday to Sunday, UTC) with sessions, oldest first; empty weeks are left out."""
    f = filters or Filters()
    done = _done()
    week = _week(store).label("week")
    q = (sa.select(week, sa.func.count().label("n"), _count(done).label("complete"),
                   _sum(s.c.signal_items, done).label("si"), _sum(s.c.noise_items, done).label("ni"),
                   _sum(s.c.hits, done).label("h"), _sum(s.c.false_alarms, done).label("fa"))
         .where(*_where(f)).group_by(week).order_by(week))
    out = []
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            counts = stats.Counts(int(r.si), int(r.ni), int(r.h), int(r.fa))
            complete = int(r.complete)
            out.append(WeekRow(
                week_start=float(MONDAY + int(r.week) * WEEK_S), sessions=int(r.n), complete=complete,
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
    f = filters or Filters()
    done = _done()
    paid = sa.and_(
        done,
        sa.exists().where(disc_t.c.session_id == s.c.id, disc_t.c.kind == "money"),
        sa.exists().where(cats_t.c.session_id == s.c.id, cats_t.c.category == "threats_blackmail",
                          cats_t.c["items"] > 0))
    key = _key().label("key")
    q = (sa.select(key, s.c.class_code, s.c.school, sa.func.max(s.c.player).label("name"),
                   _count(sa.and_(done, s.c.ending_outcome == "unsafe")).label("unsafe"),
                   _count(paid).label("paid"))
         .where(*_where(f)).group_by(key, s.c.class_code, s.c.school))
    out = []
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            n_unsafe, n_paid = int(r.unsafe), int(r.paid)
            if n_unsafe >= 2 or n_paid >= 1:
                out.append(FollowUp(str(r.name or "(no nickname)"), r.class_code, str(r.school), n_unsafe, n_paid))
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
