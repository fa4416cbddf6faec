"""The report's figures computed in SQL, so a report costs the same whatever the store's size.

``figures(store, filters)`` computes everything a report shows in four
queries: one pass over ``sessions`` grouped by school, class and nickname
(the overview, players, classes side by side, the follow-up list), one
grouped by scenario, week and scoring version (scenarios, weeks, scoring
versions), one over ``session_categories`` (per player and overall) and one
over ``session_disclosures``. Python then folds those rows (a few per
player or per scenario and week, never one per session) into each figure.
The queries read the summary columns the store keeps for every finished
session (``summary.py``); no event log is read. The figures are exactly those
``model.build_from`` computes from the records in memory (a test checks both
ways agree, on both engines).

Sessions of mode ``class_session`` (the conversation a class had together)
hold no flags, so they are left out of every figure here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from .. import stats
from ..schema import session_categories as cats_t
from ..schema import session_disclosures as disc_t
from ..schema import sessions as s
from ..store import Filters, Store

PLAYER_MODES = ("solo", "class")
PARTS = (("total", "total"), ("detection", "detection"), ("exit", "exit_part"), ("privacy", "privacy"))
WEEK_S = 7 * 86400
MONDAY = 4 * 86400        # 1970-01-01 was a Thursday; Monday 1970-01-05 00:00 UTC


def _key() -> Any:
    # A literal, not a bound parameter: PostgreSQL must see the same expression in GROUP BY.
    return sa.func.coalesce(s.c.player_key, sa.literal_column("''"))


def _where(filters: Filters) -> list[Any]:
    where = filters.conditions()
    if not filters.modes:
        where.append(s.c.mode.in_(PLAYER_MODES))
    return where


def scored() -> Any:
    # a scored session: its summary columns are filled (scoring_version is set whenever a result is kept)
    return sa.and_(s.c.status == "complete", s.c.scoring_version.is_not(None))


def _week(store: Store) -> Any:
    """The calendar week (Monday to Sunday, UTC) a session started in, as a number of weeks since 1970-01-05."""
    # Literals, not bound parameters: PostgreSQL must see the same expression in GROUP BY.
    shifted = (s.c.started_at - sa.literal_column(str(MONDAY))) / sa.literal_column(f"{WEEK_S}.0")
    # floor: CAST truncates on SQLite (and the times are after 1970, so that is floor); it rounds on PostgreSQL.
    return sa.cast(shifted, sa.Integer) if store.is_sqlite else sa.cast(sa.func.floor(shifted), sa.Integer)


def _int(cond: Any) -> Any:
    """1 where ``cond`` holds, 0 where not, NULL where it is NULL (summed: how many rows it holds for)."""
    return sa.cast(cond, sa.Integer)


def _parts() -> list[Any]:
    """Sum and count of each score part (an average is their quotient, as AVG is: NULLs left out)."""
    out = []
    for name, col in PARTS:
        out += [sa.func.sum(s.c[col]).label(f"sum_{name}"), sa.func.count(s.c[col]).label(f"n_{name}")]
    return out


def _signal() -> list[Any]:
    return [sa.func.sum(s.c.signal_items).label("si"), sa.func.sum(s.c.noise_items).label("ni"),
            sa.func.sum(s.c.hits).label("h"), sa.func.sum(s.c.false_alarms).label("fa")]


def _grooming(expr: Any) -> Any:
    return sa.func.sum(sa.case((s.c.kind == "grooming", expr), else_=None))


# Both passes group by whether a session is scored (``done``), so their sums need no CASE per figure: a row
# of unscored sessions counts in "sessions" and "unfinished" only (its summary columns are NULL anyway).

def _people_query(filters: Filters, follow_up: bool) -> Any:
    """Pass 1: one row per school, class, nickname and scored or not."""
    done = _int(scored()).label("done")
    if follow_up:
        paid: Any = sa.func.sum(sa.case((sa.and_(
            scored(),
            sa.exists().where(disc_t.c.session_id == s.c.id, disc_t.c.kind == "money"),
            sa.exists().where(cats_t.c.session_id == s.c.id, cats_t.c.category == "threats_blackmail",
                              cats_t.c["items"] > 0)), 1), else_=0))
    else:
        paid = sa.literal_column("0")
    key = _key().label("key")
    return (sa.select(
        s.c.school, s.c.class_code, key, done, sa.func.max(s.c.player).label("name"),
        sa.func.count().label("sessions"), sa.func.sum(_int(s.c.status != "complete")).label("unfinished"),
        *_parts(), *_signal(),
        _grooming(s.c.reported).label("reported"), _grooming(1).label("grooming"),
        sa.func.sum(s.c.told_adult).label("told_adult"),
        _grooming(s.c.stayed_too_long).label("stayed_grooming"), sa.func.sum(s.c.stayed_too_long).label("stayed"),
        sa.func.sum(_int(s.c.ending_outcome == "unsafe")).label("unsafe"), paid.label("paid"),
        sa.func.min(s.c.started_at).label("first"), sa.func.max(s.c.started_at).label("last"))
        .where(*_where(filters)).group_by(s.c.school, s.c.class_code, key, done))


def _scenario_week_query(store: Store, filters: Filters) -> Any:
    """Pass 2: one row per scenario, calendar week, scoring version and scored or not."""
    done = _int(scored()).label("done")
    exits = s.c.outcome.in_(("blocked", "reported", "left"))
    week = _week(store).label("week")
    return (sa.select(
        s.c.scenario_id, week, s.c.scoring_version, done, sa.func.max(s.c.title).label("title"),
        sa.func.max(s.c.kind).label("kind"), sa.func.count().label("sessions"),
        sa.func.sum(s.c.total).label("sum_total"), sa.func.count(s.c.total).label("n_total"), *_signal(),
        sa.func.sum(s.c.stayed_too_long).label("stayed"),
        sa.func.sum(sa.case((exits, s.c.late), else_=None)).label("sum_late"),
        sa.func.count(sa.case((exits, s.c.late), else_=None)).label("n_late"),
        sa.func.sum(_int(s.c.ending_outcome == "unsafe")).label("unsafe"),
        sa.func.sum(s.c.reported).label("reported"))
        .where(*_where(filters)).group_by(s.c.scenario_id, week, s.c.scoring_version, done))


def _categories_query(filters: Filters, per_player: bool = True) -> Any:
    """Pass 3: red-flag items met and spotted per nickname, class and kind (finished sessions); or per kind."""
    key = _key().label("key")
    by = [key, s.c.class_code] if per_player else [sa.literal_column("''"), sa.null()]
    q = (sa.select(*by, cats_t.c.category, sa.func.sum(cats_t.c["items"]), sa.func.sum(cats_t.c.hits))
         .select_from(cats_t.join(s, s.c.id == cats_t.c.session_id)).where(*_where(filters), scored()))
    return q.group_by(key, s.c.class_code, cats_t.c.category) if per_player else q.group_by(cats_t.c.category)


def _disclosures_query(filters: Filters) -> Any:
    """Pass 4: per kind of information, in how many finished sessions it was given away."""
    return (sa.select(disc_t.c.kind, sa.func.count())
            .select_from(disc_t.join(s, s.c.id == disc_t.c.session_id))
            .where(*_where(filters), scored()).group_by(disc_t.c.kind))


@dataclass
class Figures:
    """The rows of the passes, folded by ``overview``, ``players`` ... (and ``district`` for classes, weeks)."""

    people: list[dict[str, Any]]                 # pass 1
    scenario_weeks: list[dict[str, Any]]         # pass 2
    player_categories: dict[tuple[str, str | None], dict[str, tuple[int, int]]] = field(default_factory=dict)
    kind_totals: dict[str, tuple[int, int]] | None = None     # pass 3 per kind only (players' kinds left out)
    disclosures: dict[str, int] = field(default_factory=dict)
    follow_up: bool = False                      # pass 1 counted payments after a threat


def figures(store: Store, filters: Filters, *, follow_up: bool = False, kinds: bool = True,
            player_kinds: bool = True) -> Figures:
    """Every figure's rows, in four queries (two with ``kinds=False``: no categories, no disclosures).

    ``player_kinds=False``: the red-flag kinds overall only, not per player (the counsellor overview
    shows no player's kinds; for a district that is 44,000 rows fewer)."""
    with store.engine.connect() as conn:
        people = [dict(r) for r in conn.execute(_people_query(filters, follow_up)).mappings()]
        weeks = [dict(r) for r in conn.execute(_scenario_week_query(store, filters)).mappings()]
        fig = Figures(people, weeks, follow_up=follow_up)
        if kinds:
            rows = conn.execute(_categories_query(filters, per_player=player_kinds)).all()
            if player_kinds:
                for k, klass, cid, n, h in rows:
                    fig.player_categories.setdefault((k, klass), {})[str(cid)] = (int(n), int(h))
            else:
                fig.kind_totals = {str(cid): (int(n), int(h)) for _k, _c, cid, n, h in rows}
            fig.disclosures = {str(k): int(c) for k, c in conn.execute(_disclosures_query(filters))}
    return fig


# -- folding ----------------------------------------------------------------------------------
# Rows of scored sessions (done = 1) add to every figure; rows of the others to "sessions" and "unfinished".

PEOPLE_SUMS = ("si", "ni", "h", "fa", "reported", "grooming", "told_adult", "stayed_grooming", "stayed", "unsafe",
               "paid", *(f"{p}_{name}" for name, _ in PARTS for p in ("sum", "n")))
SCENARIO_SUMS = ("sum_total", "n_total", "si", "ni", "h", "fa", "stayed", "sum_late", "n_late", "unsafe", "reported")


def average(total: float, n: int) -> float | None:
    return float(total) / n if n else None


def add(into: dict[str, Any], row: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """Add the figures ``names`` of a pass's row to ``into`` (a NULL sum is 0); a scored row also to "complete"."""
    into["sessions"] = into.get("sessions", 0) + int(row["sessions"])
    into["unfinished"] = into.get("unfinished", 0) + int(row.get("unfinished") or 0)
    into.setdefault("complete", 0)
    for n in names:
        into.setdefault(n, 0)
    if row["done"]:
        into["complete"] += int(row["sessions"])
        for n in names:
            into[n] += row[n] or 0
    return into


def _max(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


def overview(store: Store, filters: Filters, fig: Figures | None = None) -> tuple[dict[str, Any], stats.Counts]:
    """The overview figures and the pooled signal-detection counts of finished sessions."""
    fig = fig or figures(store, filters, kinds=False)
    t: dict[str, Any] = add({}, {"sessions": 0, "done": 0}, PEOPLE_SUMS)
    first = last = None
    players: set[tuple[str, str | None]] = set()
    for r in fig.people:
        add(t, r, PEOPLE_SUMS)
        first = r["first"] if first is None else min(first, r["first"])
        last = r["last"] if last is None else max(last, r["last"])
        players.add((r["key"], r["class_code"]))
    by_version: dict[int, int] = {}
    for r in fig.scenario_weeks:
        if r["done"]:
            v = int(r["scoring_version"] or 1)
            by_version[v] = by_version.get(v, 0) + int(r["sessions"])
    n, complete, grooming = int(t["sessions"]), int(t["complete"]), int(t["grooming"])
    ov = {
        "sessions": n, "complete": complete, "unfinished": int(t["unfinished"]), "players": len(players),
        "classes": sorted({str(r["class_code"]) for r in fig.people if r["class_code"] is not None}),
        "completion_rate": complete / n if n else None,
        "averages": {name: average(t[f"sum_{name}"], int(t[f"n_{name}"])) for name, _ in PARTS},
        "reported_share": int(t["reported"]) / grooming if grooming else None,
        "told_adult_share": int(t["told_adult"]) / complete if complete else None,
        "stayed_too_long": int(t["stayed_grooming"]), "grooming_complete": grooming,
        "first": first, "last": last,
        "scoring_versions": dict(sorted(by_version.items())),   # finished sessions per scoring version
    }
    return ov, stats.Counts(int(t["si"]), int(t["ni"]), int(t["h"]), int(t["fa"]))


def players(fig: Figures) -> list[dict[str, Any]]:
    """One row per nickname and class (the same nickname in two classes is two players)."""
    rows: dict[tuple[str, str | None], dict[str, Any]] = {}
    for r in fig.people:
        k = (r["key"], r["class_code"])
        row = rows.get(k)
        if row is None:
            row = rows[k] = {"key": r["key"], "class_code": r["class_code"], "name": None}
        row["name"] = _max(row["name"], r["name"])
        add(row, r, PEOPLE_SUMS)
    return [{
        "key": row["key"], "class_code": row["class_code"], "name": row["name"],
        "sessions": int(row["sessions"]), "complete": int(row["complete"]),
        **{name: average(row[f"sum_{name}"], int(row[f"n_{name}"])) for name, _ in PARTS},
        "si": int(row["si"]), "ni": int(row["ni"]), "h": int(row["h"]), "fa": int(row["fa"]),
        "stayed": int(row["stayed"]), "categories": fig.player_categories.get(k, {})}
        for k, row in rows.items()]


def categories(fig: Figures) -> dict[str, tuple[int, int]]:
    """Per red-flag kind over finished sessions: (items met, items spotted)."""
    if fig.kind_totals is not None:
        return dict(fig.kind_totals)
    out: dict[str, tuple[int, int]] = {}
    for per_kind in fig.player_categories.values():
        for cid, (n, h) in per_kind.items():
            a, b = out.get(cid, (0, 0))
            out[cid] = (a + n, b + h)
    return out


def scenarios(fig: Figures) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for r in fig.scenario_weeks:
        row = rows.get(r["scenario_id"])
        if row is None:
            row = rows[r["scenario_id"]] = {"scenario_id": r["scenario_id"], "title": None, "kind": None}
        row["title"], row["kind"] = _max(row["title"], r["title"]), _max(row["kind"], r["kind"])
        add(row, r, SCENARIO_SUMS)
    return [{"scenario_id": row["scenario_id"], "title": row["title"], "kind": row["kind"],
             "sessions": int(row["sessions"]), "complete": int(row["complete"]),
             "avg_total": average(row["sum_total"], int(row["n_total"])), "stayed": int(row["stayed"]),
             "avg_late": average(row["sum_late"], int(row["n_late"])), "unsafe": int(row["unsafe"]),
             "reported": int(row["reported"])} for row in rows.values()]
