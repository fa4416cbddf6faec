"""The report's figures computed in SQL, so a report costs the same whatever the store's size.

``model.build`` calls these with the report's filters. Each query reads the
summary columns the store keeps for every finished session (``summary.py``)
and the per-kind counts in ``session_categories`` / ``session_disclosures``;
no event log is read. The figures are exactly those ``model.build_from``
computes from the records in memory (a test checks both ways agree).

Sessions of mode ``class_session`` (the conversation a class had together)
hold no flags, so they are left out of every figure here.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from .. import stats
from ..schema import session_categories as cats_t
from ..schema import session_disclosures as disc_t
from ..schema import sessions as s
from ..store import Filters, Store

PLAYER_MODES = ("solo", "class")


def _key() -> Any:
    # A literal, not a bound parameter: PostgreSQL must see the same expression in GROUP BY.
    return sa.func.coalesce(s.c.player_key, sa.literal_column("''"))


def _where(filters: Filters) -> list[Any]:
    where = filters.conditions()
    if not filters.modes:
        where.append(s.c.mode.in_(PLAYER_MODES))
    return where


def _done() -> Any:
    # a scored session: its summary columns are filled (scoring_version is set whenever a result is kept)
    return sa.and_(s.c.status == "complete", s.c.scoring_version.is_not(None))


def _avg(col: Any, cond: Any) -> Any:
    return sa.func.avg(sa.case((cond, col), else_=None))


def _sum(expr: Any, cond: Any = None) -> Any:
    if cond is None:
        return sa.func.coalesce(sa.func.sum(expr), 0)
    return sa.func.coalesce(sa.func.sum(sa.case((cond, expr), else_=0)), 0)


def _count(cond: Any) -> Any:
    return sa.func.coalesce(sa.func.sum(sa.case((cond, 1), else_=0)), 0)


def overview(store: Store, filters: Filters) -> tuple[dict[str, Any], stats.Counts]:
    """The overview figures and the pooled signal-detection counts of finished sessions."""
    done = _done()
    groom = sa.and_(done, s.c.kind == "grooming")
    q = sa.select(
        sa.func.count().label("sessions"), _count(done).label("complete"),
        _count(s.c.status != "complete").label("unfinished"),
        _avg(s.c.total, done).label("total"), _avg(s.c.detection, done).label("detection"),
        _avg(s.c.exit_part, done).label("exit"), _avg(s.c.privacy, done).label("privacy"),
        _count(sa.and_(groom, s.c.reported == 1)).label("reported"), _count(groom).label("grooming"),
        _count(sa.and_(done, s.c.told_adult == 1)).label("told_adult"),
        _count(sa.and_(groom, s.c.stayed_too_long == 1)).label("stayed"),
        sa.func.min(s.c.started_at).label("first"), sa.func.max(s.c.started_at).label("last"),
        _sum(s.c.signal_items, done).label("si"), _sum(s.c.noise_items, done).label("ni"),
        _sum(s.c.hits, done).label("h"), _sum(s.c.false_alarms, done).label("fa"),
    ).where(*_where(filters))
    players = (sa.select(sa.func.count()).select_from(
        sa.select(_key(), s.c.class_code).where(*_where(filters))
        .group_by(_key(), s.c.class_code).subquery()))
    classes = (sa.select(s.c.class_code).where(*_where(filters), s.c.class_code.is_not(None))
               .distinct().order_by(s.c.class_code))
    versions = (sa.select(s.c.scoring_version, sa.func.count()).where(*_where(filters), done)
                .group_by(s.c.scoring_version))
    with store.engine.connect() as conn:
        r = conn.execute(q).one()
        n_players = int(conn.execute(players).scalar_one())
        codes = [str(c) for c in conn.execute(classes).scalars()]
        by_version: dict[int, int] = {}
        for version, count in conn.execute(versions):
            by_version[int(version or 1)] = by_version.get(int(version or 1), 0) + int(count)
    n, complete, grooming = int(r.sessions), int(r.complete), int(r.grooming)
    ov = {
        "sessions": n, "complete": complete, "unfinished": int(r.unfinished), "players": n_players,
        "classes": codes, "completion_rate": complete / n if n else None,
        "averages": {"total": _f(r.total), "detection": _f(r.detection), "exit": _f(r.exit),
                     "privacy": _f(r.privacy)},
        "reported_share": int(r.reported) / grooming if grooming else None,
        "told_adult_share": int(r.told_adult) / complete if complete else None,
        "stayed_too_long": int(r.stayed), "grooming_complete": grooming,
        "first": r.first, "last": r.last,
        "scoring_versions": dict(sorted(by_version.items())),   # finished sessions per scoring version
    }
    return ov, stats.Counts(int(r.si), int(r.ni), int(r.h), int(r.fa))


def _f(x: Any) -> float | None:
    return None if x is None else float(x)


def categories(store: Store, filters: Filters) -> dict[str, tuple[int, int]]:
    """Per red-flag kind over finished sessions: (items met, items spotted)."""
    q = (sa.select(cats_t.c.category, sa.func.sum(cats_t.c["items"]), sa.func.sum(cats_t.c.hits))
         .select_from(cats_t.join(s, s.c.id == cats_t.c.session_id))
         .where(*_where(filters), _done()).group_by(cats_t.c.category))
    with store.engine.connect() as conn:
        return {str(c): (int(n), int(h)) for c, n, h in conn.execute(q)}


def disclosures(store: Store, filters: Filters) -> dict[str, int]:
    """Per kind of information: in how many finished sessions it was given away."""
    q = (sa.select(disc_t.c.kind, sa.func.count())
         .select_from(disc_t.join(s, s.c.id == disc_t.c.session_id))
         .where(*_where(filters), _done()).group_by(disc_t.c.kind))
    with store.engine.connect() as conn:
        return {str(k): int(c) for k, c in conn.execute(q)}


def scenarios(store: Store, filters: Filters) -> list[dict[str, Any]]:
    done = _done()
    exits = sa.and_(done, s.c.outcome.in_(("blocked", "reported", "left")))
    q = (sa.select(
        s.c.scenario_id, sa.func.max(s.c.title).label("title"), sa.func.max(s.c.kind).label("kind"),
        sa.func.count().label("sessions"), _count(done).label("complete"),
        _avg(s.c.total, done).label("avg_total"),
        _count(sa.and_(done, s.c.stayed_too_long == 1)).label("stayed"),
        _avg(s.c.late, exits).label("avg_late"),
        _count(sa.and_(done, s.c.ending_outcome == "unsafe")).label("unsafe"),
        _count(sa.and_(done, s.c.reported == 1)).label("reported"))
        .where(*_where(filters)).group_by(s.c.scenario_id))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def players(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """One row per nickname and class (the same nickname in two classes is two players)."""
    done = _done()
    key = _key().label("key")
    q = (sa.select(
        key, s.c.class_code, sa.func.max(s.c.player).label("name"), sa.func.count().label("sessions"),
        _count(done).label("complete"),
        _avg(s.c.total, done).label("total"), _avg(s.c.detection, done).label("detection"),
        _avg(s.c.exit_part, done).label("exit"), _avg(s.c.privacy, done).label("privacy"),
        _sum(s.c.signal_items, done).label("si"), _sum(s.c.noise_items, done).label("ni"),
        _sum(s.c.hits, done).label("h"), _sum(s.c.false_alarms, done).label("fa"),
        _count(sa.and_(done, s.c.stayed_too_long == 1)).label("stayed"))
        .where(*_where(filters)).group_by(key, s.c.class_code))
    per_cat = (sa.select(_key().label("key"), s.c.class_code, cats_t.c.category,
                         sa.func.sum(cats_t.c["items"]), sa.func.sum(cats_t.c.hits))
               .select_from(cats_t.join(s, s.c.id == cats_t.c.session_id))
               .where(*_where(filters), done)
               .group_by(_key(), s.c.class_code, cats_t.c.category))
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        cats: dict[tuple[str, str | None], dict[str, tuple[int, int]]] = {}
        for k, klass, cid, n, h in conn.execute(per_cat):
            cats.setdefault((k, klass), {})[str(cid)] = (int(n), int(h))
    for r in rows:
        r["categories"] = cats.get((r["key"], r["class_code"]), {})
    return rows
