"""Shared helpers for the results tests: real scenarios, simulated sessions, hand-made logs."""

from __future__ import annotations

import functools
import random
from typing import Any

from game.results import scenario_facts, simulate
from game.results.recorder import Recorder
from game.results.store import Store


@functools.lru_cache(maxsize=1)
def scenarios() -> tuple[Any, ...]:
    return tuple(simulate.library())


def scenario(sid: str) -> Any:
    return next(s for s in scenarios() if s.id == sid)


def record_session(store: Store, sc: Any, *, player: str | None = "fox", class_code: str | None = "8B",
                   seed: int = 1, rng_seed: int = 1, skill: float = 0.6, suspicion: float = 0.1,
                   caution: float = 0.5, quit_chance: float = 0.0) -> Recorder:
    """Play one simulated session of ``sc`` into ``store`` through a Recorder."""
    rec = Recorder(store, scenario_path=str(sc.path), player=player, class_code=class_code,
                   scenario_info=scenario_facts.facts(sc))
    who = simulate.SimPlayer(player or "anon", skill, suspicion, caution)
    simulate.play(sc, who, random.Random(rng_seed), seed, on_event=rec.on_event, quit_chance=quit_chance)
    return rec


def fill_class(store: Store, *, players: int = 4, class_code: str = "8B", seed: int = 5,
               quit_chance: float = 0.05) -> int:
    rng = random.Random(seed)
    count = 0
    for p in simulate.make_players(rng, players):
        for sc in scenarios():
            rec = Recorder(store, scenario_path=str(sc.path), player=p.nickname, class_code=class_code,
                           scenario_info=scenario_facts.facts(sc))
            simulate.play(sc, p, rng, rng.randrange(1 << 30), on_event=rec.on_event, quit_chance=quit_chance)
            count += 1
    return count


def start_event(**over: Any) -> dict[str, Any]:
    ev = {"type": "start", "scenario": "demo", "scenario_sha256": "ab" * 32, "seed": 7, "kind": "grooming",
          "title": "Demo", "platform": "game_chat",
          "scoring": {"exit_threshold": 3, "exit_grace": 0,
                      "weights": {"detection": "0.4", "exit": "0.4", "privacy": "0.2"}},
          "profile": [], "t": 0.0}
    ev.update(over)
    return ev


def fake_result(**over: Any) -> dict[str, Any]:
    res = {"scenario": "demo", "outcome": "blocked", "ending": None, "complete": True,
           "score": {"total": 80, "detection": 0.5, "exit": 1.0, "privacy": 1.0},
           "hits": [], "misses": [], "false_alarms": [], "disclosures": [], "reported": False,
           "told_adult": False, "exit_point": None, "late": 0, "messages_delivered": 0,
           "signal": {"signal_items": 0, "noise_items": 0, "hits": 0, "false_alarms": 0}}
    res.update(over)
    return res
