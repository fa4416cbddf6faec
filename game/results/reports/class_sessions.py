"""Class sessions in the counsellor's report: the votes per reply, the flag heat map, class play apart.

A class session (mode ``class_session``) is the chat a class played together
on the projector; each student's class-play result (mode ``class``) is that
chat with the student's own flags. This module reads both from the store
and builds what the HTML report (``section``) and the counsellor view
(``page_blocks``) show:

- per class session: the class's replies with the votes of every option
  (the majority reply marked), and per message and profile item how many
  students flagged it ("18 of 27"), red flags marked;
- per student: their solo sessions and their class-play results side by
  side (the main report pools both for d' and c; here they are apart).

``build(store, class_code=..., player=..., since=..., until=..., school=...)``
returns ``ClassSessions`` (empty when nothing was played in class).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ...play.chat_view import END_ACTION_LABELS
from ...scoring import final_flags
from ..schema import sessions as sessions_t
from ..stats import share_of
from ..store import Filters, SessionRecord, Store
from .html_text import e as _e
from .html_text import when as _when

SESSION_LIMIT = 20      # the newest class sessions shown in full


@dataclass(frozen=True)
class VoteOption:
    key: str
    text: str
    votes: int
    chosen: bool


@dataclass(frozen=True)
class VoteRow:
    number: int
    options: list[VoteOption]

    @property
    def total(self) -> int:
        return sum(o.votes for o in self.options)


@dataclass(frozen=True)
class HeatRow:
    item_id: str
    n: int | None               # the delivery number; None for a profile item
    text: str
    red_flag: bool
    flagged: int
    of: int


@dataclass(frozen=True)
class ClassSessionView:
    id: int
    uid: str
    class_code: str | None
    scenario_id: str
    title: str
    started_at: float
    status: str
    outcome: str | None
    students: int
    votes: list[VoteRow]
    heat: list[HeatRow]


@dataclass(frozen=True)
class StudentSplit:
    """One student's solo sessions and class-play results, finished ones, apart."""

    player: str
    solo: int
    solo_hits: int
    solo_signal: int
    class_play: int
    class_hits: int
    class_signal: int


@dataclass
class ClassSessions:
    sessions: list[ClassSessionView] = field(default_factory=list)
    total: int = 0                          # class sessions matching the filters (some may not be listed)
    students: list[StudentSplit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.total == 0


# -- building -------------------------------------------------------------------------------
def build(store: Store, *, class_code: str | None = None, player: str | None = None, since: float | None = None,
          until: float | None = None, school: str | None = None, limit: int = SESSION_LIMIT) -> ClassSessions:
    filters = Filters(class_code=class_code, since=since, until=until, school=school)
    out = ClassSessions()
    records = store.sessions(modes=("class_session",), class_code=class_code, since=since, until=until,
                             school=school, newest_first=True)
    if player:       # only the class sessions this student played in
        played = {r.class_session_uid for r in store.sessions(modes=("class",), player=player, class_code=class_code,
                                                              since=since, until=until, school=school)}
        records = [r for r in records if r.uid in played]
    out.total = len(records)
    infos = store.scenario_infos({r.scenario_sha256 for r in records[:limit]}) if records else {}
    for rec in records[:limit]:
        out.sessions.append(_session(store, rec, infos))
    out.students = _students(store, filters, player)
    return out


def _session(store: Store, rec: SessionRecord, infos: dict[str, dict[str, Any]]) -> ClassSessionView:
    events = store.events(rec.id)
    profile_words = (infos.get(rec.scenario_sha256) or {}).get("profile") or {}
    results = store.class_results(rec.uid)
    logs = store.events_for([r.id for r in results])
    flags_of = [final_flags(logs.get(r.id, [])) for r in results]
    start = next((e for e in events if e.get("type") == "start"), {})
    title = rec.title or str(start.get("title") or rec.scenario_id)
    heat: list[HeatRow] = []
    for item in start.get("profile") or []:
        item_id = str(item.get("id"))
        heat.append(HeatRow(item_id, None, _profile_text(item_id, profile_words), bool(item.get("red_flags")),
                            sum(item_id in f for f in flags_of), len(results)))
    for e in events:
        if e.get("type") == "deliver":
            item_id = str(e.get("id"))
            heat.append(HeatRow(item_id, e.get("n"), str(e.get("text", "")), bool(e.get("red_flags")),
                                sum(item_id in f for f in flags_of), len(results)))
    outcome = (rec.result or {}).get("outcome")
    return ClassSessionView(rec.id, rec.uid, rec.class_code, rec.scenario_id, title, rec.started_at, rec.status,
                            str(outcome) if outcome else None, len(results), _votes(store.votes(rec.id), events),
                            heat)


def _profile_text(item_id: str, words: dict[str, Any]) -> str:
    """A profile item's label and text, from the scenario facts the store keeps (else its id)."""
    known = words.get(item_id) or {}
    if known.get("label") or known.get("text"):
        return f"{known.get('label', '')}: {known.get('text', '')}".strip(": ")
    return item_id.removeprefix("profile.").replace("_", " ")


def _votes(votes: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[VoteRow]:
    """Each stored vote with the words of its options (from the chat's ``choices`` events, in order)."""
    menus = [e for e in events if e.get("type") == "choices"]
    cursor = 0
    rows: list[VoteRow] = []
    for vote in votes:
        texts: dict[str, str] = {}
        for i in range(cursor, len(menus)):
            if menus[i].get("node") == vote.get("node"):
                texts = {str(n): str(o.get("text", "")) for n, o in enumerate(menus[i].get("options") or [], 1)}
                cursor = i + 1
                break
        counts: dict[str, int] = vote.get("counts") or {}
        keys = sorted((k for k in counts if k.isdigit()), key=int) + [k for k in END_ACTION_LABELS if k in counts]
        rows.append(VoteRow(int(vote.get("vote", len(rows) + 1)), [
            VoteOption(k, texts.get(k) or END_ACTION_LABELS.get(k, k), int(counts[k]), k == vote.get("chosen"))
            for k in keys]))
    return rows


def _students(store: Store, filters: Filters, player: str | None) -> list[StudentSplit]:
    """Per nickname, finished solo sessions and class-play results with warning signs spotted / met.

    Summed in SQL from the summary columns (one query; no result record is read)."""
    from .aggregate import scored

    s = sessions_t
    where = Filters(class_code=filters.class_code, since=filters.since, until=filters.until, school=filters.school,
                    player=player, modes=("solo", "class")).conditions()
    q = (sa.select(s.c.player, s.c.mode, sa.func.count(), sa.func.coalesce(sa.func.sum(s.c.hits), 0),
                   sa.func.coalesce(sa.func.sum(s.c.signal_items), 0))
         .where(*where, scored(), s.c.player.is_not(None), s.c.player != "").group_by(s.c.player, s.c.mode))
    split: dict[str, list[int]] = {}
    with store.engine.connect() as conn:
        for name, mode, n, hits, signal in conn.execute(q):
            row = split.setdefault(str(name), [0, 0, 0, 0, 0, 0])
            base = 3 if mode == "class" else 0
            row[base] += int(n)
            row[base + 1] += int(hits)
            row[base + 2] += int(signal)
    return [StudentSplit(name, *row) for name, row in sorted(split.items(), key=lambda kv: kv[0].casefold())
            if row[3]]      # only students who played in class


# -- the HTML report ------------------------------------------------------------------------
CSS = """
.votes td.n, .heatmsg td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.votes tr.chosen td { font-weight: 600; }
.votes .bar { display: inline-block; height: .8em; background: #0072b2; vertical-align: middle; }
.heatmsg tr.red td.mark { color: #b34700; font-weight: 600; }
.heatmsg td.cell { width: 9em; }
.heatmsg .meter { display: block; height: .8em; background: #e8eaf2; border-radius: 3px; }
.heatmsg .meter i { display: block; height: 100%; background: #0072b2; border-radius: 3px; }
.tag.classplay { background: #e7f1fa; color: #004f7c; border-radius: 4px; padding: 0 .4em; font-size: .85em; }
"""


def section(cs: ClassSessions) -> list[str]:
    """The report's "Class sessions" section (nothing when no class session matches)."""
    if cs.empty:
        return []
    out = ['<section id="classes"><h2>Class sessions</h2>',
           '<p class="lead">Chats the class played together on the projector: every student flagged privately '
           "on their own device and the class voted on each reply. The figures of the sections above pool each "
           "student's class-play results with their solo chats; the table below shows them apart.</p>"]
    if cs.total > len(cs.sessions):
        out.append(f'<p class="lead">The newest {len(cs.sessions)} of {cs.total} class sessions are shown.</p>')
    out += _split_table(cs.students)
    for s in cs.sessions:
        out += _session_html(s)
    out.append("</section>")
    return out


def _split_table(rows: list[StudentSplit]) -> list[str]:
    if not rows:
        return []
    out = ['<h3>Solo and class play, apart</h3><table class="split"><thead><tr><th>Player</th>'
           '<th>Solo chats</th><th>Warning signs spotted (solo)</th><th>Class-play chats</th>'
           "<th>Warning signs spotted (class play)</th></tr></thead><tbody>"]
    for r in rows:
        out.append(f"<tr><td>{_e(r.player)}</td><td class=\"n\">{r.solo}</td>"
                   f"<td>{_e(share_of(r.solo_hits, r.solo_signal)) if r.solo else '–'}</td>"
                   f"<td class=\"n\">{r.class_play}</td><td>{_e(share_of(r.class_hits, r.class_signal))}</td></tr>")
    out.append("</tbody></table>")
    return out


def _session_html(s: ClassSessionView) -> list[str]:
    status = "finished" if s.status == "complete" else "not finished"
    who = f"class {s.class_code.upper()}" if s.class_code else "no class code"
    out = [f'<article class="classsession keep"><h3>{_e(s.title)} <span class="tag classplay">class session</span>'
           f"</h3><p class=\"sub\">{_e(_when(s.started_at))} · {_e(who)} · {s.students} "
           f"student{'s' if s.students != 1 else ''} · {_e(status)}"
           + (f" · ended: {_e(s.outcome)}" if s.outcome else "") + "</p>"]
    if s.votes:
        out.append('<h4>Votes per reply</h4><table class="votes"><thead><tr><th>Reply</th><th>Option</th>'
                   "<th>Votes</th><th></th></tr></thead><tbody>")
        for v in s.votes:
            most = max([1, *(o.votes for o in v.options)])
            for i, o in enumerate(v.options):
                mark = " ✓ played" if o.chosen else ""
                out.append(f'<tr class="{"chosen" if o.chosen else ""}"><td>{v.number if i == 0 else ""}</td>'
                           f"<td>{_e(o.text)}{_e(mark)}</td><td class=\"n\">{o.votes} of {v.total}</td>"
                           f'<td><span class="bar" style="width:{round(8 * o.votes / most, 2)}em"></span></td></tr>')
        out.append("</tbody></table>")
    if s.heat and s.students:
        out.append('<h4>Flag heat map</h4><p class="lead">How many students flagged each message and profile '
                   "item. ⚑ marks the real warning signs.</p>"
                   '<table class="heatmsg"><thead><tr><th>Item</th><th></th><th>Flagged by</th><th></th></tr>'
                   "</thead><tbody>")
        for h in s.heat:
            label = f"[{h.n}] {h.text}" if h.n is not None else f"Profile: {h.text}"
            width = round(100 * h.flagged / h.of) if h.of else 0
            out.append(f'<tr class="{"red" if h.red_flag else ""}"><td>{_e(label)}</td>'
                       f'<td class="mark">{"⚑ red flag" if h.red_flag else ""}</td>'
                       f'<td class="n">{h.flagged} of {h.of}</td>'
                       f'<td class="cell"><span class="meter"><i style="width:{width}%"></i></span></td></tr>')
        out.append("</tbody></table>")
    out.append("</article>")
    return out


# -- the counsellor view ----------------------------------------------------------------------
def page_blocks(cs: ClassSessions, limit: int = 3) -> list[tuple[str, Any]]:
    """What the counsellor view draws, as ("heading" | "text" | "bars", payload) blocks, newest first."""
    if cs.empty:
        return []
    blocks: list[tuple[str, Any]] = [("heading", "Class sessions"),
                                     ("text", f"{cs.total} chat{'s' if cs.total != 1 else ''} played together "
                                              "on the projector. Class-play results are pooled with solo chats "
                                              "above; here they are apart.")]
    for r in cs.students:
        solo = f"solo {r.solo}, spotted {share_of(r.solo_hits, r.solo_signal)}" if r.solo else "no solo chat"
        blocks.append(("text", f"{r.player}: {solo}; class play {r.class_play}, spotted "
                               f"{share_of(r.class_hits, r.class_signal)}"))
    for s in cs.sessions[:limit]:
        blocks.append(("heading", f"{s.title} · {_when(s.started_at)} · {s.students} students"))
        for v in s.votes:
            chosen = next((o for o in v.options if o.chosen), None)
            parts = ", ".join(f"{o.text} {o.votes}" for o in v.options if o.votes)
            blocks.append(("text", f"Reply {v.number}: {chosen.text if chosen else '–'} (votes: {parts or 'none'})"))
        bars = [(("⚑ " if h.red_flag else "") + (f"[{h.n}] {h.text}" if h.n is not None else f"Profile: {h.text}"),
                 (h.flagged / h.of) if h.of else None, f"{h.flagged} of {h.of}", h.red_flag) for h in s.heat]
        if bars and s.students:
            blocks.append(("bars", bars))
    return blocks
