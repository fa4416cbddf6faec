"""The report model: stored sessions aggregated into what a counsellor reads.

``build(store, ...)`` selects sessions by class, player and start date and
returns a ``Report``; ``build_from(records, ...)`` does the same from records
already in memory (tests, the window). Every renderer (HTML, CSV, JSON, the
counsellor screen) works from this one model, so they always agree.

Only complete sessions count in scores, rates and shares (scoring.md:
unfinished sessions are stored and shown, never averaged). Every finished
session says which scoring version scored it; a report over sessions scored
under different versions says so (``Report.version_note``) instead of
averaging them silently.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ... import report_reasons, scoring
from ... import transcript as transcripts
from ...transcript import Line
from .. import stats, summary
from ..store import Filters, SessionRecord, Store
from .labels import OUTCOMES, STATUSES, Taxonomy, taxonomy

PARTS = ("total", "detection", "exit", "privacy")
# One word, one number (scoring.md, "Honest numbers"): the figures that sound alike, each with its name.
GLOSSARY = {
    "spotting score": "the spotting part of a chat's score (warning signs flagged minus normal messages "
                      "flagged, as shares), averaged over finished chats",
    "warning signs spotted": "all finished chats pooled: warning signs flagged / warning signs met",
    "normal messages flagged": "all finished chats pooled: normal messages and profile details flagged / "
                               "normal ones met",
    "reading": "from the two pooled shares, by the table of scoring.md; needs at least 10 warning signs and "
               "10 normal messages met",
    "d′ and c": "signal-detection figures from the same pooled counts (log-linear correction): d′ is how well "
                "warning signs are told apart from normal chat, c below 0 means flagging a lot",
}
NO_NICKNAME = "(no nickname)"
MIN_ITEMS = 5      # a category met fewer times than this is "too few to judge"


@dataclass
class ProfileLine:
    id: str
    label: str
    text: str
    categories: list[str]
    mark: str | None


@dataclass
class SessionView:
    id: int
    uid: str
    player: str
    class_code: str | None
    scenario_id: str
    title: str
    kind: str
    seed: int | None
    started_at: float
    ended_at: float | None
    status: str
    status_label: str
    event_count: int
    result: dict[str, Any] | None
    outcome_label: str
    ending_title: str | None
    ending_outcome: str | None
    stayed_too_long: bool
    lines: list[Line]
    profile: list[ProfileLine]
    spotted: list[str]
    missed: list[str]
    false_alarms: list[str]
    disclosures: list[str]
    discussion_questions: list[str]
    stranger: str = "Stranger"
    facilitator_notes: str = ""      # the scenario's notes for the adult, including how to respond to a disclosure
    scenario_changed: bool = False
    lines_loaded: bool = True      # False: built without its events (lists); see session_view()
    mode: str = "solo"             # "class": a student's class-play result (the chat the class played together)
    report_reason: str = ""        # a report's reason id (game.report_reasons), "" for none

    @property
    def scoring_version(self) -> int:
        """The scoring version that scored this session (records before version 2 carry none)."""
        return int((self.result or {}).get("scoring_version") or 1)

    @property
    def complete(self) -> bool:
        return self.status == "complete"

    def part(self, name: str) -> float | None:
        if not self.result:
            return None
        score = self.result.get("score") or {}
        value = score.get(name)
        return None if value is None else float(value)


@dataclass
class CategoryRow:
    id: str
    title: str
    items: int
    hits: int

    @property
    def share(self) -> float | None:
        return self.hits / self.items if self.items else None


@dataclass
class PlayerRow:
    name: str
    classes: list[str]
    sessions: int
    complete: int
    averages: dict[str, float | None]
    discernment: stats.Discernment
    reading: str
    categories: dict[str, CategoryRow]
    stayed_too_long: int
    label: str = ""              # the nickname, with the class when the report spans several

    def __post_init__(self) -> None:
        self.label = self.label or self.name


@dataclass
class ScenarioRow:
    scenario_id: str
    title: str
    kind: str
    sessions: int
    complete: int
    avg_total: float | None
    stayed_too_long: int
    avg_late: float | None
    unsafe_endings: int
    reported: int

    @property
    def late_share(self) -> float | None:
        return self.stayed_too_long / self.complete if self.complete else None


@dataclass
class DisclosureRow:
    id: str
    title: str
    sessions: int
    share: float | None


@dataclass
class Report:
    generated_at: float
    filters: dict[str, Any]
    overview: dict[str, Any]
    discernment: stats.Discernment
    reading: str
    players: list[PlayerRow]
    categories: list[CategoryRow]
    scenarios: list[ScenarioRow]
    disclosures: list[DisclosureRow]
    sessions: list[SessionView]
    taxonomy: Taxonomy
    classes: list[Any] = field(default_factory=list)    # district.ClassRow, one per school and class
    weeks: list[Any] = field(default_factory=list)      # district.WeekRow, oldest first
    follow_up: list[Any] | None = None                  # district.FollowUp; None: not asked for

    @property
    def scoring_versions(self) -> dict[int, int]:
        """Finished sessions per scoring version that scored them (all matching ones, not only those listed)."""
        if "scoring_versions" in self.overview:
            return dict(self.overview["scoring_versions"])
        out: dict[int, int] = {}
        for s in self.complete_sessions:
            if s.result:
                out[s.scoring_version] = out.get(s.scoring_version, 0) + 1
        return dict(sorted(out.items()))

    @property
    def version_note(self) -> str | None:
        """A warning when some scores come from another scoring version than the game's own."""
        old = {v: n for v, n in self.scoring_versions.items() if v != scoring.SCORING_VERSION}
        if not old:
            return None
        parts = [f"{n} under version {v}" for v, n in old.items()]
        return (f"Some finished sessions were scored under an older scoring version ({', '.join(parts)}); "
                f"the others under version {scoring.SCORING_VERSION}. Their scores are not comparable. "
                "Run `python3 main.py report --rescore` to score every stored session again under "
                f"version {scoring.SCORING_VERSION}.")

    @property
    def complete_sessions(self) -> list[SessionView]:
        return [s for s in self.sessions if s.complete]

    @property
    def unfinished_sessions(self) -> list[SessionView]:
        return [s for s in self.sessions if not s.complete]

    def category_split(self) -> tuple[list[CategoryRow], list[CategoryRow]]:
        """Categories met often enough to judge (least spotted first), and the rest.

        A share of 0 of 2 says little, so categories met fewer than ``MIN_ITEMS``
        times are kept apart, unless that would leave fewer than three to show.
        """
        met = sorted((c for c in self.categories if c.items),
                     key=lambda c: (c.share, -c.items, c.title))
        main = [c for c in met if c.items >= MIN_ITEMS]
        if len(main) < 3:
            return met, []
        return main, [c for c in met if c.items < MIN_ITEMS]

    def teach_next(self, limit: int = 3) -> list[CategoryRow]:
        """The categories spotted least (among those met often enough to judge)."""
        return self.category_split()[0][:limit]


# -- building ------------------------------------------------------------------------

@contextlib.contextmanager
def _gc_paused():
    """Building a report creates many small objects and no cycles: skip the collector meanwhile."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build(store: Store, *, class_code: str | None = None, player: str | None = None,
          since: float | None = None, school: str | None = None, until: float | None = None,
          now: float | None = None, sessions: int | None = None, transcripts: bool = True,
          follow_up: bool = False, player_kinds: bool = True) -> Report:
    """The report for the sessions matching the filters, its figures aggregated in SQL.

    ``sessions``: None lists every matching session; a number lists only the
    newest that many finished and unfinished sessions (the counsellor view's
    first page). ``transcripts=False`` leaves the transcripts out (the CSV,
    the counsellor view's lists): then no event log is read at all.
    ``follow_up``: also list the players worth a quiet conversation
    (``district.follow_up``; for the counsellor alone, so only when asked).
    ``player_kinds=False``: players' rows without their red-flag kinds (the
    counsellor overview does not show them; the kinds overall are there).
    """
    with _gc_paused():
        filters = Filters(school=school, class_code=class_code, player=player, since=since, until=until)
        return _build(store, filters, now=now, limit=sessions, transcripts=transcripts, follow_up=follow_up,
                      player_kinds=player_kinds)


def _build(store: Store, filters: Filters, *, now: float | None, limit: int | None,
           transcripts: bool, follow_up: bool = False, player_kinds: bool = True) -> Report:
    from . import aggregate, district

    tax = taxonomy()
    fig = aggregate.figures(store, filters, follow_up=follow_up, player_kinds=player_kinds)   # in four queries
    overview, counts = aggregate.overview(store, filters, fig)
    class_d = stats.discernment(counts)
    infos = store.scenario_infos()
    views = [_view(rec, infos, tax) for rec in _records(store, filters, limit, transcripts)]
    reasons = store.report_reasons([v.id for v in views if (v.result or {}).get("outcome") == "reported"])
    for v in views:
        v.report_reason = reasons.get(v.id, "")
        if v.report_reason and v.outcome_label == OUTCOMES["reported"]:   # a list built without the event logs
            v.outcome_label += f" ({report_reasons.label(v.report_reason).lower()})"
    several = len({v.class_code for v in views}) > 1 if limit is None else len(overview["classes"]) > 1
    names = {"class": filters.class_code, "player": filters.player, "since": filters.since,
             "school": filters.school, "until": filters.until}
    return Report(
        generated_at=time.time() if now is None else now,
        filters={k: v for k, v in names.items() if v is not None},
        overview=overview,
        discernment=class_d,
        reading=class_d.reading,
        players=_player_rows(aggregate.players(fig), tax, several),
        categories=_category_list(aggregate.categories(fig), tax),
        scenarios=_scenario_rows(aggregate.scenarios(fig)),
        disclosures=_disclosure_rows(fig.disclosures, overview["complete"], tax),
        sessions=views,
        taxonomy=tax,
        classes=district.classes_of(fig),
        weeks=district.weeks_of(fig),
        follow_up=district.follow_up_of(fig) if follow_up else None,
    )


def _records(store: Store, filters: Filters, limit: int | None, transcripts: bool) -> Iterable[SessionRecord]:
    if limit is None:
        return store.iter_sessions(_player_modes(filters), with_events=transcripts)
    newest = dict(newest_first=True, limit=limit, with_events=transcripts,
                  class_code=filters.class_code, player=filters.player, since=filters.since,
                  school=filters.school, until=filters.until, modes=("solo", "class"))
    recs = (store.sessions(statuses=("complete",), **newest)  # type: ignore[arg-type]
            + store.sessions(statuses=("open", "quit"), **newest))  # type: ignore[arg-type]
    return sorted(recs, key=lambda r: (r.started_at, r.id))


def _player_modes(filters: Filters) -> Filters:
    from dataclasses import replace

    return filters if filters.modes else replace(filters, modes=("solo", "class"))


def _view(rec: SessionRecord, infos: dict[str, dict[str, Any]], tax: Taxonomy) -> SessionView:
    info = infos.get(rec.scenario_sha256)
    fallback = None
    if info is None:
        fallback = next((i for i in infos.values() if str(i.get("id")) == rec.scenario_id), None)
    view, _items = _session_view(rec, info or fallback or {}, tax)
    view.scenario_changed = info is None and fallback is not None
    view.lines_loaded = rec.events is not None
    return view


def session_view(store: Store, session_id: int) -> SessionView | None:
    """One session with its transcript (the counsellor view's session page)."""
    rec = store.session(session_id, with_events=True)
    return None if rec is None else _view(rec, store.scenario_infos(), taxonomy())


def _player_rows(rows: list[dict[str, Any]], tax: Taxonomy, several: bool) -> list[PlayerRow]:
    out = []
    for r in rows:
        d = stats.discernment(stats.Counts(int(r["si"]), int(r["ni"]), int(r["h"]), int(r["fa"])))
        name = r["name"] or NO_NICKNAME
        klass = r["class_code"]
        done = int(r["complete"])
        cats = {cid: CategoryRow(cid, title, 0, 0) for cid, title in tax.categories.items()}
        for cid, (n, h) in r["categories"].items():
            row = cats.setdefault(cid, CategoryRow(cid, tax.category(cid), 0, 0))
            row.items, row.hits = n, h
        out.append(PlayerRow(
            name=name, classes=[klass] if klass else [], sessions=int(r["sessions"]), complete=done,
            averages={p: _opt(r[p]) for p in PARTS}, discernment=d,
            reading=d.reading, categories=cats,
            stayed_too_long=int(r["stayed"]),
            label=f"{name} ({klass or 'no class'})" if several else name))
    out.sort(key=lambda p: (p.name == NO_NICKNAME, p.name.casefold(), p.classes))
    return out


def _opt(x: Any) -> float | None:
    return None if x is None else float(x)


def _category_list(counts: dict[str, tuple[int, int]], tax: Taxonomy) -> list[CategoryRow]:
    rows = {cid: CategoryRow(cid, title, 0, 0) for cid, title in tax.categories.items()}
    for cid, (n, h) in counts.items():
        row = rows.setdefault(cid, CategoryRow(cid, tax.category(cid), 0, 0))
        row.items, row.hits = n, h
    return list(rows.values())


def _scenario_rows(rows: list[dict[str, Any]]) -> list[ScenarioRow]:
    out = [ScenarioRow(
        scenario_id=r["scenario_id"], title=str(r["title"] or r["scenario_id"]), kind=str(r["kind"] or "grooming"),
        sessions=int(r["sessions"]), complete=int(r["complete"]), avg_total=_opt(r["avg_total"]),
        stayed_too_long=int(r["stayed"]), avg_late=_opt(r["avg_late"]), unsafe_endings=int(r["unsafe"]),
        reported=int(r["reported"])) for r in rows]
    out.sort(key=lambda s: (-(s.late_share or 0.0), s.title.casefold()))
    return out


def _disclosure_rows(counts: dict[str, int], complete: int, tax: Taxonomy) -> list[DisclosureRow]:
    keys = dict.fromkeys([*tax.disclosures, *counts])
    return [DisclosureRow(k, tax.disclosure(k), counts.get(k, 0), counts.get(k, 0) / complete if complete else None)
            for k in keys]


def build_from(records: Sequence[SessionRecord], scenario_infos: dict[str, dict[str, Any]],
               *, filters: dict[str, Any] | None = None, now: float | None = None,
               tax: Taxonomy | None = None, follow_up: bool = False) -> Report:
    from . import district

    tax = tax or taxonomy()
    by_id: dict[str, dict[str, Any]] = {}
    for known in scenario_infos.values():
        if known.get("id"):
            by_id.setdefault(str(known["id"]), known)

    views: list[SessionView] = []
    items_of: dict[int, dict[str, list[str]]] = {}
    schools: dict[int, str] = {}
    for rec in records:
        schools[rec.id] = rec.school
        info = scenario_infos.get(rec.scenario_sha256)
        changed = info is None and rec.scenario_id in by_id
        view, items = _session_view(rec, info or by_id.get(rec.scenario_id) or {}, tax)
        view.scenario_changed = changed
        views.append(view)
        items_of[view.id] = items

    complete = [v for v in views if v.complete and v.result]
    overview = _overview(views, complete)
    class_counts = stats.pool(stats.Counts.from_signal((v.result or {}).get("signal")) for v in complete)
    class_d = stats.discernment(class_counts)
    return Report(
        generated_at=time.time() if now is None else now,
        filters={k: v for k, v in (filters or {}).items() if v is not None},
        overview=overview,
        discernment=class_d,
        reading=class_d.reading,
        players=_players(views, items_of, tax),
        categories=_categories(complete, items_of, tax),
        scenarios=_scenarios(views),
        disclosures=_disclosures(complete, tax),
        sessions=views,
        taxonomy=tax,
        classes=district.classes_from([(schools.get(v.id, ""), v) for v in views]),
        weeks=district.weeks_from(views),
        follow_up=district.follow_up_from([(schools.get(v.id, ""), v) for v in views], items_of) if follow_up else None,
    )


def _session_view(rec: SessionRecord, info: dict[str, Any],
                  tax: Taxonomy) -> tuple[SessionView, dict[str, list[str]]]:
    events = rec.events or []
    result = rec.result if rec.status == "complete" else None
    start = events[0] if events and events[0].get("type") == "start" else {}

    tr = transcripts.annotate(events, result)
    items, lines = tr.items, tr.lines
    labels = info.get("profile") or {}
    profile = []
    for pm in tr.profile:
        meta = labels.get(pm.id) or {}
        profile.append(ProfileLine(pm.id, str(meta.get("label") or pm.id.split(".", 1)[-1]),
                                   str(meta.get("text") or ""), pm.categories, pm.mark))

    ending_title = ending_outcome = None
    outcome = result.get("outcome") if result else None
    if result and result.get("ending"):
        ending = result["ending"]
        ending_outcome = ending.get("outcome")
        ending_title = (info.get("endings") or {}).get(str(ending.get("node")))
    if outcome == "ending":
        outcome_label = f"Story ending ({ending_outcome})" if ending_outcome else "Story ending"
    elif outcome:
        outcome_label = OUTCOMES.get(outcome, outcome)
        if outcome == "reported" and tr.end is not None and tr.end.reason_label:
            outcome_label += f" ({tr.end.reason_label.lower()})"      # what the player said happened
    else:
        outcome_label = "Quit mid-way" if rec.status == "quit" else "Not finished"

    kind = str(start.get("kind") or rec.kind or info.get("kind") or "grooming")
    grace = int((start.get("scoring") or {}).get("exit_grace") or 0)
    stayed = summary.stayed_too_long(result, kind, grace)

    view = SessionView(
        id=rec.id, uid=rec.uid, player=rec.player or NO_NICKNAME, class_code=rec.class_code,
        scenario_id=rec.scenario_id,
        title=str(start.get("title") or rec.title or info.get("title") or rec.scenario_id),
        kind=kind, seed=rec.seed, started_at=rec.started_at, ended_at=rec.ended_at,
        status=rec.status, status_label=STATUSES.get(rec.status, rec.status),
        event_count=rec.event_count or len(events), result=result,
        outcome_label=outcome_label, ending_title=ending_title, ending_outcome=ending_outcome,
        stayed_too_long=stayed, lines=lines, profile=profile,
        spotted=tr.spotted, missed=tr.missed, false_alarms=tr.false_alarms,
        disclosures=list((result or {}).get("disclosures") or []),
        discussion_questions=[str(q) for q in info.get("discussion_questions") or []],
        stranger=str(info.get("stranger") or "Stranger"),
        facilitator_notes=" ".join(str(info.get("facilitator_notes") or "").split()),
        mode=str(getattr(rec, "mode", "solo") or "solo"),
    )
    return view, items


def _mean(values: Iterable[float | None]) -> float | None:
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def _averages(views: Sequence[SessionView]) -> dict[str, float | None]:
    return {p: _mean(v.part(p) for v in views) for p in PARTS}


def _overview(views: Sequence[SessionView], complete: Sequence[SessionView]) -> dict[str, Any]:
    grooming = [v for v in complete if v.kind == "grooming"]
    starts = [v.started_at for v in views]
    return {
        "sessions": len(views),
        "complete": len(complete),
        "unfinished": sum(1 for v in views if not v.complete),
        "players": len({(v.player.casefold(), v.class_code) for v in views}),
        "classes": sorted({v.class_code for v in views if v.class_code}),
        "completion_rate": len(complete) / len(views) if views else None,
        "averages": _averages(complete),
        "reported_share": (sum(1 for v in grooming if (v.result or {}).get("reported")) / len(grooming)
                           if grooming else None),
        "told_adult_share": (sum(1 for v in complete if (v.result or {}).get("told_adult")) / len(complete)
                             if complete else None),
        "stayed_too_long": sum(1 for v in grooming if v.stayed_too_long),
        "grooming_complete": len(grooming),
        "first": min(starts) if starts else None,
        "last": max(starts) if starts else None,
    }


def _category_rows(sessions: Iterable[SessionView], items_of: dict[int, dict[str, list[str]]],
                   tax: Taxonomy) -> dict[str, CategoryRow]:
    rows = {cid: CategoryRow(cid, title, 0, 0) for cid, title in tax.categories.items()}
    for v in sessions:
        hits = set((v.result or {}).get("hits") or [])
        for iid, cats in items_of.get(v.id, {}).items():
            for cid in dict.fromkeys(cats):
                row = rows.get(cid)
                if row is None:
                    row = rows[cid] = CategoryRow(cid, tax.category(cid), 0, 0)
                row.items += 1
                row.hits += iid in hits
    return rows


def _categories(complete: Sequence[SessionView], items_of: dict[int, dict[str, list[str]]],
                tax: Taxonomy) -> list[CategoryRow]:
    return list(_category_rows(complete, items_of, tax).values())


def _players(views: Sequence[SessionView], items_of: dict[int, dict[str, list[str]]],
             tax: Taxonomy) -> list[PlayerRow]:
    """One row per nickname and class: the same nickname in two classes is two players."""
    groups: dict[tuple[str, str | None], list[SessionView]] = defaultdict(list)
    for v in views:
        groups[(v.player.casefold(), v.class_code)].append(v)
    several = len({v.class_code for v in views}) > 1
    out = []
    for (_, klass), group in groups.items():
        done = [v for v in group if v.complete and v.result]
        counts = stats.pool(stats.Counts.from_signal((v.result or {}).get("signal")) for v in done)
        d = stats.discernment(counts)
        name = group[-1].player
        out.append(PlayerRow(
            name=name, classes=[klass] if klass else [],
            sessions=len(group), complete=len(done), averages=_averages(done),
            discernment=d, reading=d.reading,
            categories=_category_rows(done, items_of, tax),
            stayed_too_long=sum(1 for v in done if v.stayed_too_long),
            label=f"{name} ({klass or 'no class'})" if several else name))
    out.sort(key=lambda p: (p.name == NO_NICKNAME, p.name.casefold(), p.classes))
    return out


def _scenarios(views: Sequence[SessionView]) -> list[ScenarioRow]:
    groups: dict[str, list[SessionView]] = defaultdict(list)
    for v in views:
        groups[v.scenario_id].append(v)
    out = []
    for sid, group in groups.items():
        done = [v for v in group if v.complete and v.result]
        exits = [v for v in done if (v.result or {}).get("outcome") in ("blocked", "reported", "left")]
        out.append(ScenarioRow(
            scenario_id=sid, title=group[-1].title, kind=group[-1].kind,
            sessions=len(group), complete=len(done),
            avg_total=_mean(v.part("total") for v in done),
            stayed_too_long=sum(1 for v in done if v.stayed_too_long),
            avg_late=_mean(float((v.result or {}).get("late") or 0) for v in exits),
            unsafe_endings=sum(1 for v in done if v.ending_outcome == "unsafe"),
            reported=sum(1 for v in done if (v.result or {}).get("reported"))))
    out.sort(key=lambda s: (-(s.late_share or 0.0), s.title.casefold()))
    return out


def _disclosures(complete: Sequence[SessionView], tax: Taxonomy) -> list[DisclosureRow]:
    counts: dict[str, int] = {k: 0 for k in tax.disclosures}
    for v in complete:
        for k in set(v.disclosures):
            counts[k] = counts.get(k, 0) + 1
    n = len(complete)
    return [DisclosureRow(k, tax.disclosure(k), c, c / n if n else None) for k, c in counts.items()]


def _plain(flat: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for a flat dataclass (fields of str, numbers, bools, lists of str), many times faster."""
    return {k: list(v) if type(v) is list else v for k, v in vars(flat).items()}


def to_plain(report: Report, *, transcripts: bool = True) -> dict[str, Any]:
    """The report as JSON-ready data."""
    def cat(c: CategoryRow) -> dict[str, Any]:
        return {"id": c.id, "title": c.title, "items": c.items, "hits": c.hits,
                "share_spotted": None if c.share is None else round(c.share, 4)}

    def rnd(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    sessions = []
    for s in report.sessions:
        d = {"id": s.id, "uid": s.uid, "player": s.player, "class": s.class_code,
             "scenario": s.scenario_id, "title": s.title, "kind": s.kind, "seed": s.seed,
             "started_at": s.started_at, "ended_at": s.ended_at, "status": s.status,
             "events": s.event_count, "outcome": s.outcome_label, "ending_title": s.ending_title,
             "stayed_too_long": s.stayed_too_long, "result": s.result,
             "scoring_version": s.scoring_version if s.result else None,
             "spotted": s.spotted, "missed": s.missed, "false_alarms": s.false_alarms,
             "discussion_questions": s.discussion_questions, "facilitator_notes": s.facilitator_notes,
             "report_reason": s.report_reason or None}
        if transcripts:
            d["transcript"] = [_plain(ln) for ln in s.lines]
            d["profile"] = [_plain(p) for p in s.profile]
        sessions.append(d)
    ov = dict(report.overview)
    ov["averages"] = {k: rnd(v) for k, v in ov["averages"].items()}
    ov["scoring_versions"] = {str(k): n for k, n in report.scoring_versions.items()}
    ov["version_note"] = report.version_note
    for k in ("completion_rate", "reported_share", "told_adult_share"):
        ov[k] = rnd(ov[k])
    return {
        "report": "red-flags counsellor report",
        "version": 2,
        "generated_at": report.generated_at,
        "filters": report.filters,
        "overview": ov,
        "scoring_version": scoring.SCORING_VERSION,
        "glossary": GLOSSARY,
        "discernment": {**report.discernment.as_dict(), "reading": report.reading},
        "players": [{
            "player": p.name, "label": p.label, "classes": p.classes, "sessions": p.sessions,
            "complete": p.complete,
            "averages": {k: rnd(v) for k, v in p.averages.items()},
            "discernment": p.discernment.as_dict(), "reading": p.reading,
            "stayed_too_long": p.stayed_too_long,
            "categories": [cat(c) for c in p.categories.values() if c.items]}
            for p in report.players],
        "categories": [cat(c) for c in report.categories],
        "scenarios": [{
            "scenario": s.scenario_id, "title": s.title, "kind": s.kind, "sessions": s.sessions,
            "complete": s.complete, "avg_total": rnd(s.avg_total),
            "stayed_too_long": s.stayed_too_long, "late_share": rnd(s.late_share),
            "avg_late_replies": rnd(s.avg_late), "unsafe_endings": s.unsafe_endings,
            "reported": s.reported} for s in report.scenarios],
        "disclosures": [{"id": d.id, "title": d.title, "sessions": d.sessions,
                         "share": rnd(d.share)} for d in report.disclosures],
        "classes": [{
            "school": c.school, "class": c.class_code, "sessions": c.sessions, "players": c.players,
            "complete": c.complete, "avg_total": rnd(c.avg_total), "spotted": rnd(c.spotted),
            "normal_flagged": rnd(c.normal_flagged), "stayed_too_long_share": rnd(c.stayed_share),
            "discernment": c.discernment.as_dict(), "reading": c.reading} for c in report.classes],
        "weeks": [{
            "week_start": w.week_start, "sessions": w.sessions, "complete": w.complete, "spotted": rnd(w.spotted),
            "normal_flagged": rnd(w.normal_flagged), "false_alarms_per_chat": rnd(w.false_alarms_per_chat),
            "discernment": w.discernment.as_dict(), "reading": w.reading} for w in report.weeks],
        **({} if report.follow_up is None else {"follow_up": [
            {"player": f.player, "class": f.class_code, "school": f.school, "unsafe_endings": f.unsafe_endings,
             "paid_when_threatened": f.paid_when_threatened, "why": f.why} for f in report.follow_up]}),
        "sessions": sessions,
    }
