"""The figures of a finished session that reports add up in SQL.

When a session ends the store keeps, beside the cached result record, its
score parts, outcome and counts as columns of ``sessions``, the red-flag
items met and spotted per kind (``session_categories``) and the kinds of
information given away (``session_disclosures``). Reports then aggregate
with SQL instead of reading every event log. Everything here is derived from
the result record and the event log, so it can always be computed again
(``summary_version`` says which version of this code filled a row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SUMMARY_VERSION = 2       # 2: stayed_too_long of scoring version 2 (a capped exit is not late)


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def _flag(value: Any) -> int:
    return int(bool(value))


def stayed_too_long(result: dict[str, Any] | None, kind: str | None, grace: int = 0) -> bool:
    """A grooming chat left too late: replies after the exit point beyond the grace, or a neutral or
    unsafe ending. An exit capped only because nothing was flagged (scoring version 2) was not late."""
    if not result or (kind or result.get("kind") or "grooming") != "grooming":
        return False
    outcome = result.get("outcome")
    if outcome == "ending":
        return (result.get("ending") or {}).get("outcome") in ("neutral", "unsafe")
    if outcome in ("blocked", "reported", "left"):
        return result.get("exit_point") is not None and int(result.get("late") or 0) > grace
    return False


def columns(result: dict[str, Any] | None, kind: str | None, grace: int = 0) -> dict[str, Any]:
    """The ``sessions`` columns for ``result`` (all None when there is no result)."""
    names = ("scoring_version", "total", "detection", "exit_part", "privacy", "outcome", "ending_node",
             "ending_outcome", "signal_items", "noise_items", "hits", "misses", "false_alarms",
             "reported", "told_adult", "late", "stayed_too_long", "messages_delivered",
             "disclosure_count", "duration_s")
    if not result:
        return {**{n: None for n in names}, "summary_version": SUMMARY_VERSION}
    score = result.get("score") or {}
    sig = result.get("signal") or {}
    ending = result.get("ending") or {}
    exit_part = _num(score.get("exit"))
    kind = kind or result.get("kind") or "grooming"
    return {
        "summary_version": SUMMARY_VERSION,
        "scoring_version": int(result.get("scoring_version") or 1),
        "total": _num(score.get("total")), "detection": _num(score.get("detection")),
        "exit_part": exit_part, "privacy": _num(score.get("privacy")),
        "outcome": result.get("outcome"), "ending_node": ending.get("node"),
        "ending_outcome": ending.get("outcome"),
        "signal_items": int(sig.get("signal_items") or 0), "noise_items": int(sig.get("noise_items") or 0),
        "hits": int(sig.get("hits") or 0), "misses": len(result.get("misses") or []),
        "false_alarms": int(sig.get("false_alarms") or 0),
        "reported": _flag(result.get("reported")), "told_adult": _flag(result.get("told_adult")),
        "late": int(result.get("late") or 0),
        "stayed_too_long": int(stayed_too_long(result, kind, grace)),
        "messages_delivered": int(result.get("messages_delivered") or 0),
        "disclosure_count": len(result.get("disclosures") or []),
        "duration_s": _num(result.get("duration_s")),
    }


def red_flag_items(events: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Red-flag items met in a session (profile details and delivered messages) and their kinds."""
    items: dict[str, list[str]] = {}
    start = events[0] if events and events[0].get("type") == "start" else {}
    for p in start.get("profile") or []:
        rf = list(p.get("red_flags") or [])
        if rf:
            items[str(p.get("id"))] = rf
    for e in events:
        if e.get("type") == "deliver" and e.get("red_flags"):
            items.setdefault(str(e.get("id")), list(e["red_flags"]))
    return items


def categories(result: dict[str, Any], events: Sequence[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per red-flag kind: (items met, items flagged) in one finished session."""
    hits = set(result.get("hits") or [])
    out: dict[str, list[int]] = {}
    for item_id, cats in red_flag_items(events).items():
        for cid in dict.fromkeys(cats):
            row = out.setdefault(cid, [0, 0])
            row[0] += 1
            row[1] += item_id in hits
    return {cid: (a, b) for cid, (a, b) in out.items()}


def disclosures(result: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(str(k) for k in result.get("disclosures") or []))
