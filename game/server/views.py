"""Room states as JSON: what a student's device, the teacher's page and the projector see.

- ``student_state``: the chat so far, the vote (counts only once it is
  closed), the student's own flags and vote, and at the end their own
  debrief. Never another student's name, never the answers before the end.
- ``teacher_state``: the same plus how many joined and voted, per message
  how many students flagged it, live vote counts, the ground rules, content
  and facilitator notes, the replies played (for rewinds) and, once the chat
  is over, the reveal. The projector renders the parts meant for everyone
  (counts, never names); names are only in ``students_list``.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from .. import debrief as debrief_mod
from ..model import Message, ProfileItem, Scenario
from . import words
from .rooms import Branch, Room, Student


def _percent(part: int, whole: int) -> int:
    """Whole per cent, rounded half up (as scoring.md rounds)."""
    if whole <= 0:
        return 0
    value = Fraction(100 * part, whole)
    return int(value + Fraction(1, 2))


def _chat(scenario: Scenario, teacher: bool) -> dict[str, Any]:
    stranger = scenario.stranger
    profile = []
    for item in stranger.profile:
        entry: dict[str, Any] = {"id": item.item_id, "label": item.label, "text": item.text}
        if teacher:
            entry["red_flags"] = list(item.red_flags)
        profile.append(entry)
    out: dict[str, Any] = {"title": scenario.title, "platform": scenario.platform,
                           "stranger": {"name": stranger.name}, "profile": profile}
    if stranger.claimed_age is not None:
        out["stranger"]["claimed_age"] = stranger.claimed_age
    if scenario.player.name:
        out["player_name"] = scenario.player.name
    return out


def _messages(branch: Branch, teacher: bool, counts: dict[str, int] | None = None) -> list[dict[str, Any]]:
    out = []
    for event in branch.conv.delivered():
        entry: dict[str, Any] = {"n": event["n"], "id": event["id"], "text": event["text"], "from": event["from"]}
        if event.get("nudge"):
            entry["nudge"] = True
        if teacher:
            entry["flagged"] = (counts or {}).get(event["id"], 0)
            entry["red_flags"] = list(event.get("red_flags", []))
        out.append(entry)
    return out


def _replies(branch: Branch, teacher: bool) -> list[dict[str, Any]]:
    out = []
    for reply in branch.replies:
        entry: dict[str, Any] = {"after": reply.after_n, "text": reply.text, "key": reply.key}
        if teacher:
            entry["number"] = reply.number
            entry["vote"] = reply.vote
        out.append(entry)
    return out


def _vote(branch: Branch, room: Room, teacher: bool) -> dict[str, Any] | None:
    vote = branch.vote
    if vote is None:
        return None
    out: dict[str, Any] = {"options": [dict(o) for o in vote.options], "open": vote.open, "number": vote.number}
    if not vote.open:
        out["counts"] = dict(vote.counts or {})
        out["chosen"] = vote.chosen
    elif teacher:
        out["counts"] = vote.live_counts({s.id for s in room.present()})
    return out


def _discussion(branch: Branch) -> dict[str, Any] | None:
    if branch.discussion is None:
        return None
    questions = branch.scenario.debrief.discussion_questions
    return {"number": branch.discussion + 1, "question": questions[branch.discussion]}


def base_state(room: Room, teacher: bool) -> dict[str, Any]:
    branch = room.current
    phase = branch.phase() if branch else "waiting"
    state: dict[str, Any] = {"phase": phase, "scenario": branch.scenario.id if branch else None,
                             "messages": [], "words": words.PHASE_WORDS[phase],
                             "join_code": room.join_code, "class": room.class_code,
                             "closed": room.closed}
    if branch is None:
        return state
    counts = room.flag_counts(branch) if teacher else None
    state["messages"] = _messages(branch, teacher, counts)
    state["replies"] = _replies(branch, teacher)
    state["chat"] = _chat(branch.scenario, teacher)
    state["branch"] = branch.number
    vote = _vote(branch, room, teacher)
    if vote is not None:
        state["vote"] = vote
    discussion = _discussion(branch)
    if discussion is not None:
        state["discussion"] = discussion
    return state


# Other features add their own part to the states (the discernment check: game/server/roomcheck.py).
# Each returns the keys to add (or {}): a student part gets (room, student), a teacher part (room).
STUDENT_PARTS: list[Callable[[Room, Student], dict[str, Any]]] = []
TEACHER_PARTS: list[Callable[[Room], dict[str, Any]]] = []


# -- students ----------------------------------------------------------------------------
def student_state(room: Room, student: Student) -> dict[str, Any]:
    state = base_state(room, teacher=False)
    state["player"] = student.player
    branch = room.current
    state["my_flags"] = list(branch.flags.get(student.id, [])) if branch else []
    if branch is not None:
        vote = branch.vote
        if vote is not None and student.id in vote.ballots:
            state["my_vote"] = vote.ballots[student.id]
        if branch.stored and student.id in branch.results:
            state["debrief"] = debrief_json(branch.scenario, branch.student_events(student.id),
                                            branch.results[student.id])
    for part in STUDENT_PARTS:
        state.update(part(room, student))
    return state


def debrief_json(scenario: Scenario, events: list[dict[str, Any]], result: dict[str, Any]) -> dict[str, Any]:
    """A student's own debrief: their flags, what they missed, help, and that it is never their fault."""
    d = debrief_mod.build(scenario, events, result)
    return {
        "headline": d.headline,
        "complete": bool(result.get("complete", True)),
        "score": dict(result.get("score", {})),
        "parts": [{"name": p.name, "value": p.value, "meaning": p.meaning} for p in d.parts],
        "items": [{"id": i.id, "number": i.number, "text": i.text, "status": i.status, "why": i.why,
                   "categories": [c.title for c in i.categories]} for i in d.items],
        "safe_person": d.safe_person,
        "summary": d.summary,
        "questions": list(d.questions),
        "never_your_fault": [words.NEVER_YOUR_FAULT] + [x for x in d.help.never_your_fault
                                                       if x != words.NEVER_YOUR_FAULT],
        "help": [{"name": r.name, "purpose": r.purpose, "website": r.website, "phone": r.phone,
                  "region": r.region} for r in d.help.resources],
    }


# -- the teacher and the projector ------------------------------------------------------
def teacher_state(room: Room, store_error: str | None = None) -> dict[str, Any]:
    state = base_state(room, teacher=True)
    present = room.present()
    branch = room.current
    voted = 0
    if branch is not None and branch.open_vote is not None:
        ids = {s.id for s in present}
        voted = sum(1 for sid in branch.open_vote.ballots if sid in ids)
    flags = sum(room.flag_counts(branch).values()) if branch is not None else 0
    state["students"] = {"joined": len(present), "voted": voted, "flags": flags}
    state["locked"] = room.locked
    state["pace"] = {"auto": room.auto_seconds is not None, "seconds": room.auto_seconds}
    state["screen"] = dict(words.PROJECTOR)
    state["ground_rules"] = {"title": words.GROUND_RULES_TITLE, "points": list(words.GROUND_RULES)}
    state["branches"] = [{"number": b.number, "scenario": b.scenario.id, "ended": b.ended,
                          "rewound_from": ({"branch": b.parent[0], "reply": b.parent[1]} if b.parent else None)}
                         for b in room.branches]
    if store_error:
        state["store_error"] = store_error
    for part in TEACHER_PARTS:
        state.update(part(room))
    if branch is None:
        return state
    scenario = branch.scenario
    counts = room.flag_counts(branch)
    state["session_uid"] = branch.uid
    state["profile_flags"] = {item.item_id: counts.get(item.item_id, 0) for item in scenario.stranger.profile}
    state["content_notes"] = list(scenario.content_notes)
    state["facilitator_notes"] = scenario.debrief.facilitator_notes
    state["discussion_questions"] = list(scenario.debrief.discussion_questions)
    state["learning_goals"] = list(scenario.learning_goals)
    state["pending"] = branch.conv.pending
    state["next_nudge"] = bool(not branch.ended and branch.conv.conv.next_nudge() is not None)
    state["can"] = {
        "advance": not branch.ended and branch.discussion is None and branch.open_vote is None
        and branch.conv.pending > 0,
        "open_vote": not branch.ended and branch.discussion is None and branch.open_vote is None
        and branch.conv.pending == 0,
        "close_vote": branch.open_vote is not None,
        "rewind": bool(branch.replies),
        "reveal": branch.ended,
    }
    if branch.ended:
        state["ended_how"] = (branch.conv.events[-1].get("how") if branch.conv.events else None)
    if branch.stored:
        state["reveal"] = reveal(room, branch)
    return state


def students_list(room: Room) -> list[dict[str, Any]]:
    """For the teacher's page only (never the projector): who joined, to rename or remove."""
    branch = room.current
    out = []
    for s in room.present():
        entry: dict[str, Any] = {"id": s.id, "player": s.player,
                                 "flags": len(branch.flags.get(s.id, [])) if branch else 0,
                                 "voted": bool(branch and branch.open_vote and s.id in branch.open_vote.ballots)}
        out.append(entry)
    return out


def reading(hits: int, signal: int, false_alarms: int, noise: int) -> str:
    """scoring.md's reading in words, from pooled raw rates."""
    if signal < 10 or noise < 10:
        return "not enough chats yet to tell"
    h = Fraction(hits, signal)
    f = Fraction(false_alarms, noise)
    high_h = h >= Fraction(7, 10)
    low_f = f <= Fraction(1, 5)
    if high_h and low_f:
        return "tells warning signs from normal chat well"
    if high_h:
        return "spots warning signs, but also flags normal chat (suspicious of everything)"
    if low_f:
        return "misses many warning signs (trusts too easily)"
    return "not yet telling warning signs from normal chat"


def reveal(room: Room, branch: Branch) -> dict[str, Any]:
    """The transcript with the red flags marked, "18 of 27" per item, and the class's shares."""
    present = [s for s in room.present() if s.id in branch.results]
    total = len(present)
    counts = room.flag_counts(branch)
    items: list[dict[str, Any]] = []
    scenario = branch.scenario
    for item in scenario.stranger.profile:
        items.append(_reveal_item(item.item_id, None, f"{item.label}: {item.text}", item, counts, total))
    for event in branch.conv.delivered():
        message = scenario.items.get(event["id"])
        items.append(_reveal_item(event["id"], event["n"], event["text"], message, counts, total,
                                  red_flags=event.get("red_flags", [])))
    hits = signal = fas = noise = 0
    for s in present:
        sig = branch.results[s.id].get("signal", {})
        hits += int(sig.get("hits", 0))
        signal += int(sig.get("signal_items", 0))
        fas += int(sig.get("false_alarms", 0))
        noise += int(sig.get("noise_items", 0))
    spotted = (f"Spotted: {_percent(hits, signal)}% of the warning signs ({hits} of {signal}, all students "
               "together)" if signal else "There were no warning signs to spot.")
    normal = (f"Flagged normal messages: {_percent(fas, noise)}% ({fas} of {noise})" if noise
              else "There were no normal messages to flag.")
    return {
        "students": total,
        "items": items,
        "spotted": {"hits": hits, "signal_items": signal, "percent": _percent(hits, signal), "words": spotted},
        "false_alarms": {"false_alarms": fas, "noise_items": noise, "percent": _percent(fas, noise),
                         "words": normal},
        "reading": reading(hits, signal, fas, noise),
        "benign": scenario.benign,
        "outcome": (branch.class_result or {}).get("outcome"),
        "class_score": (branch.class_result or {}).get("score"),
    }


def _reveal_item(item_id: str, number: int | None, text: str, item: Message | ProfileItem | None,
                 counts: dict[str, int], total: int, red_flags: list[str] | None = None) -> dict[str, Any]:
    flags = list(red_flags if red_flags is not None else getattr(item, "red_flags", ()))
    flagged = counts.get(item_id, 0)
    return {"id": item_id, "n": number, "text": text, "red_flags": flags, "red_flag": bool(flags),
            "why": getattr(item, "why", "") or "", "flagged": flagged, "of": total,
            "words": f"{flagged} of {total}"}
