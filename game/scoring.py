"""Scoring: the result record of a session, a pure function of its event log.

Implements scoring.md, version 2, exactly: ratios and weights as Fractions,
rounding half up. Spotting is the hit rate minus the false-alarm rate, and an
exit from a grooming chat earns full credit only when the player's flags show
why ("spot it, then stop it"). Nothing here reads the scenario file; the `start` event carries the
scoring settings and the profile, and the taxonomy gives disclosure weights.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import floor

from .taxonomy import load_taxonomy

SCORING_VERSION = 2
REPORT_BONUS = 5
TRUSTED_ADULT_BONUS = 5
OUTCOME_EXIT = {"safe": Fraction(1), "neutral": Fraction(1, 2), "unsafe": Fraction(0)}
UNJUSTIFIED_EXIT_CAP = Fraction(1, 2)
BENIGN_EXIT = {"leave": Fraction(1, 2), "block": Fraction(1, 4), "report": Fraction(1, 4)}
OUTCOME_NAMES = {"block": "blocked", "report": "reported", "leave": "left", "ending": "ending", "quit": "quit"}


def round_half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


def to_4_places(value: Fraction) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def clamp(value: Fraction, low=Fraction(0), high=Fraction(1)) -> Fraction:
    return max(low, min(high, value))


class _Items:
    """Stranger items in the order the player met them: messages, then the profile."""

    def __init__(self, events: list[dict]):
        self.red_flags: dict[str, list[str]] = {}
        for item in events[0].get("profile", []):
            self.red_flags[item["id"]] = list(item.get("red_flags", []))
        order = []
        for event in events:
            if event["type"] == "deliver" and event["id"] not in self.red_flags:
                self.red_flags[event["id"]] = list(event.get("red_flags", []))
                order.append(event["id"])
        self.order = order + [item["id"] for item in events[0].get("profile", [])]
        self.delivered = set(order)

    def is_signal(self, item_id: str) -> bool:
        return bool(self.red_flags.get(item_id))


def hit_rate_of(hits: int, signal_items: int, benign: bool) -> Fraction:
    """hits / signal_items; with nothing to spot, 1 in a benign chat and 1/2 in a grooming one."""
    if signal_items:
        return Fraction(hits, signal_items)
    return Fraction(1) if benign else Fraction(1, 2)


def final_flags(events: list[dict]) -> set[str]:
    flags: set[str] = set()
    for event in events:
        if event["type"] == "flag":
            flags.add(event["id"])
        elif event["type"] == "unflag":
            flags.discard(event["id"])
    return flags


def exit_point(events: list[dict], threshold: int) -> tuple[str | None, int]:
    """The message at which danger first reaches the threshold, and its position in the log."""
    danger = 0
    for position, event in enumerate(events):
        if event["type"] == "deliver":
            danger += int(event.get("severity", 0)) if event.get("red_flags") else 0
            if danger >= threshold:
                return event["id"], position
    return None, -1


def score(events: list[dict], duration_s: float | None = None) -> dict:
    """The result record of scoring.md for one session's events."""
    if not events or events[0]["type"] != "start":
        raise ValueError("an event log starts with a 'start' event")
    start = events[0]
    config = start["scoring"]
    weights = {k: Fraction(v) for k, v in config["weights"].items()}
    benign = start.get("kind") == "benign"
    end = events[-1] if events[-1]["type"] == "end" else {"type": "end", "how": "quit"}
    how = end["how"]
    complete = how != "quit"

    items = _Items(events)
    flags = final_flags(events)
    signal = [i for i in items.order if items.is_signal(i)]
    noise = [i for i in items.order if not items.is_signal(i)]
    hits = [i for i in signal if i in flags]
    misses = [i for i in signal if i not in flags]
    false_alarms = [i for i in noise if i in flags]

    hit_rate = hit_rate_of(len(hits), len(signal), benign)
    fa_rate = Fraction(len(false_alarms), len(noise)) if noise else Fraction(0)
    detection = clamp(hit_rate - fa_rate)

    point, point_at = exit_point(events, int(config["exit_threshold"]))
    late = sum(1 for e in events[point_at + 1:] if e["type"] == "choice") if point else 0
    grace = int(config["exit_grace"])
    exit_justified: bool | None = None
    if how in ("block", "report", "leave"):
        if benign:
            exit_score = BENIGN_EXIT[how]
        else:
            if point is None or late <= grace:
                exit_score = Fraction(1)
            else:
                exit_score = max(Fraction(1, 4), 1 - Fraction(1, 4) * (late - grace))
            # spot it, then stop it: the flags must show why the player got out
            exit_justified = bool(hits) and hit_rate > fa_rate
            if not exit_justified:
                exit_score = min(exit_score, UNJUSTIFIED_EXIT_CAP)
    elif how == "ending":
        exit_score = OUTCOME_EXIT[end["outcome"]]
    else:
        exit_score = None

    taxonomy = load_taxonomy()
    disclosed: list[str] = []
    told_adult = False
    for event in events:
        if event["type"] == "choice":
            told_adult = told_adult or bool(event.get("tells_adult"))
            disclosed.extend(k for k in event.get("discloses", []) if k not in disclosed)
    privacy = clamp(1 - sum((taxonomy.disclosures[k].weight for k in disclosed if k in taxonomy.disclosures),
                            Fraction(0)))
    reported = how == "report"

    total = None
    if exit_score is not None:
        total = round_half_up(100 * (weights["detection"] * detection + weights["exit"] * exit_score
                                     + weights["privacy"] * privacy))
        if reported and not benign:
            total += REPORT_BONUS
        if told_adult:
            total += TRUSTED_ADULT_BONUS
        total = min(total, 100)

    categories: dict[str, dict[str, int]] = {}
    for item_id in signal:
        for category in items.red_flags[item_id]:
            counts = categories.setdefault(category, {"items": 0, "hits": 0})
            counts["items"] += 1
            counts["hits"] += item_id in flags

    if duration_s is None:
        duration_s = events[-1].get("t", 0.0)
    return {
        "scenario": start["scenario"],
        "scenario_sha256": start["scenario_sha256"],
        "kind": start.get("kind", "grooming"),
        "outcome": OUTCOME_NAMES[how],
        "ending": {"node": end["node"], "outcome": end["outcome"]} if how == "ending" else None,
        "complete": complete,
        "seed": start["seed"],
        "scoring_version": SCORING_VERSION,
        "score": {"total": total, "detection": to_4_places(detection),
                  "exit": to_4_places(exit_score) if exit_score is not None else None,
                  "privacy": to_4_places(privacy)},
        "exit_justified": exit_justified,
        "hits": hits,
        "misses": misses,
        "false_alarms": false_alarms,
        "disclosures": disclosed,
        "reported": reported,
        "told_adult": told_adult,
        "exit_point": point,
        "late": late,
        "messages_delivered": sum(1 for e in events if e["type"] == "deliver"),
        "signal": {"signal_items": len(signal), "noise_items": len(noise),
                   "hits": len(hits), "false_alarms": len(false_alarms)},
        "categories": categories,
        "duration_s": round(float(duration_s), 1),
    }
