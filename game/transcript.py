"""The annotated transcript of one session: what was said, and what each line meant.

``annotate(events, result)`` reads an event log (and the result record, when
the session was scored) and marks every stranger message, platform notice and
profile item as *spotted*, *missed* or *false alarm*, the moment the danger
reached the exit threshold (*exit point*), the replies written after it
(*late*), the replies that gave something away (*shared*) or involved a
trusted adult, the replies the player could have picked instead (*others*)
and, for a report, the reason the player gave. The debrief screen, the three report formats (HTML, CSV,
JSON) and the counsellor's view all draw this one transcript, so they never
disagree about what happened.

An unfinished session has no result record: its flags are shown as they
stood (flagged red flags spotted, flagged ordinary items false alarms, the
rest of the red flags missed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import report_reasons

SPOTTED, MISSED, FALSE_ALARM = "spotted", "missed", "false_alarm"


@dataclass
class Line:
    """One line of a transcript."""

    who: str                      # stranger | system | player
    text: str
    item_id: str | None = None
    n: int | None = None          # delivery number shown to the player
    categories: list[str] = field(default_factory=list)
    mark: str | None = None       # spotted | missed | false_alarm | None
    nudge: bool = False
    exit_point: bool = False      # the moment the danger reached the exit threshold
    late: bool = False            # a reply after the exit point
    discloses: list[str] = field(default_factory=list)
    tells_adult: bool = False
    repeat: bool = False          # the same item shown again: its mark belongs to the first time
    image: str = ""
    link: str = ""
    others: list[str] = field(default_factory=list)   # a reply: the replies shown with it, not picked
    decision: int | None = None   # a reply: which decision of the chat it was (0 = the first)

    def reply_notes(self, tax: Any) -> list[str]:
        """What a counsellor should notice about a player's reply (empty for stranger lines)."""
        notes = []
        if self.late:
            notes.append("reply after the moment to get out")
        if self.discloses:
            notes.append("gave away: " + ", ".join(tax.disclosure(k).lower() for k in self.discloses))
        if self.tells_adult:
            notes.append("involves a trusted adult")
        return notes


@dataclass
class ProfileMark:
    """A profile item that carries red flags, with its mark."""

    id: str
    categories: list[str]
    mark: str | None


@dataclass
class Ending:
    """How the chat ended: ``block`` / ``report`` / ``leave`` / ``ending`` / ``quit``."""

    how: str
    node: str | None = None
    outcome: str | None = None
    reason: str | None = None     # a report: what the player said happened (game.report_reasons id)

    @property
    def reason_label(self) -> str:
        """The report form's words for the reason ('' when none was given)."""
        return report_reasons.label(self.reason)


@dataclass
class Transcript:
    lines: list[Line]
    profile: list[ProfileMark]
    spotted: list[str]            # item ids, in the order the player met them
    missed: list[str]
    false_alarms: list[str]
    items: dict[str, list[str]]   # every red-flag item id -> its categories
    exit_point: str | None
    end: Ending | None
    scored: bool                  # marks come from a result record (else: flags as they stood)

    def mark(self, item_id: str) -> str | None:
        if item_id in self.spotted:
            return SPOTTED
        if item_id in self.false_alarms:
            return FALSE_ALARM
        if item_id in self.missed:
            return MISSED
        return None

    @property
    def late_replies(self) -> int:
        return sum(1 for ln in self.lines if ln.late)


def annotate(events: Sequence[dict[str, Any]], result: dict[str, Any] | None = None) -> Transcript:
    """The annotated transcript of an event log; ``result`` is its result record when scored."""
    start = events[0] if events and events[0].get("type") == "start" else {}

    # Which red-flag items exist, and their categories.
    items: dict[str, list[str]] = {}
    profile_rf: dict[str, list[str]] = {}
    for p in start.get("profile") or []:
        rf = list(p.get("red_flags") or [])
        profile_rf[str(p.get("id"))] = rf
        if rf:
            items[str(p.get("id"))] = rf
    flagged: set[str] = set()
    end: Ending | None = None
    for e in events:
        t = e.get("type")
        if t == "deliver" and e.get("red_flags"):
            items.setdefault(str(e.get("id")), list(e["red_flags"]))
        elif t == "flag":
            flagged.add(str(e.get("id")))
        elif t == "unflag":
            flagged.discard(str(e.get("id")))
        elif t == "end":
            end = Ending(str(e.get("how")), e.get("node"), e.get("outcome"), e.get("reason"))

    if result is not None:
        hits = set(result.get("hits") or [])
        misses = set(result.get("misses") or [])
        fas = set(result.get("false_alarms") or [])
    else:
        hits = {i for i in flagged if i in items}
        fas = {i for i in flagged if i not in items}
        misses = {i for i in items if i not in flagged}

    def mark(item_id: str) -> str | None:
        if item_id in hits:
            return SPOTTED
        if item_id in fas:
            return FALSE_ALARM
        if item_id in misses:
            return MISSED
        return None

    exit_point = result.get("exit_point") if result else None
    lines: list[Line] = []
    after_exit = exit_marked = False
    shown: set[str] = set()
    offered: list[tuple[Any, str]] = []    # (authored index, text) of the last `choices` event
    decisions = 0
    for e in events:
        t = e.get("type")
        if t == "choices":
            offered = [(o.get("index"), str(o.get("text", ""))) for o in e.get("options") or []]
        elif t == "deliver":
            iid = str(e.get("id"))
            is_exit = bool(exit_point) and iid == exit_point and not exit_marked
            if is_exit:
                exit_marked = after_exit = True
            lines.append(Line(
                who="system" if e.get("from") == "system" else "stranger",
                text=str(e.get("text", "")), item_id=iid, n=e.get("n"),
                categories=list(e.get("red_flags") or []), mark=mark(iid),
                nudge=bool(e.get("nudge")), exit_point=is_exit, repeat=iid in shown,
                image=str(e.get("image", "") or ""), link=str(e.get("link", "") or "")))
            shown.add(iid)
        elif t == "choice":
            text = str(e.get("text", ""))
            others = [o_text for index, o_text in offered if index != e.get("index")]
            lines.append(Line(who="player", text=text, late=after_exit,
                              discloses=list(e.get("discloses") or []),
                              tells_adult=bool(e.get("tells_adult")), others=others, decision=decisions))
            decisions += 1
            offered = []

    profile = [ProfileMark(pid, rf, mark(pid)) for pid, rf in profile_rf.items()]

    def order(ids: Iterable[str]) -> list[str]:
        seen = [ln.item_id for ln in lines if ln.item_id] + list(profile_rf)
        rank = {iid: i for i, iid in reversed(list(enumerate(seen)))}
        return sorted(set(ids), key=lambda i: (rank.get(i, len(rank)), i))

    return Transcript(lines=lines, profile=profile, spotted=order(hits), missed=order(misses),
                      false_alarms=order(fas), items=items, exit_point=exit_point, end=end,
                      scored=result is not None)
