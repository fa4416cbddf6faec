"""Simulated classes of players, for the benchmark, tests and demos.

Each simulated player drives the real conversation engine through a real
scenario: replies at random, flags each red-flag message with a chance that
depends on the player's skill and the category, flags some harmless
messages, and gets out (block, report, leave) with a chance that grows once
danger builds up. Everything is seeded, so a run is reproducible. The data
look like a class: some players over-flag, some miss most signs, and some
categories (risk checks, secrecy) are missed more than others.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# Relative difficulty of spotting each category (0 easy .. 1 hard).
HARD = {"risk_check": 0.55, "secrecy": 0.35, "exploit_vulnerability": 0.5, "isolation": 0.45,
        "flattery": 0.6, "asks_personal_info": 0.3, "fake_profile": 0.45,
        "moves_to_private_channel": 0.25, "love_bombing": 0.3, "offers_gifts": 0.35}


@dataclass(frozen=True)
class SimPlayer:
    nickname: str
    skill: float          # 0..1: chance scale of spotting a red flag
    suspicion: float      # 0..1: chance of flagging a harmless message
    caution: float        # 0..1: chance per reply of getting out once danger is high


def make_players(rng: random.Random, count: int, prefix: str = "player") -> list[SimPlayer]:
    animals = ["fox", "owl", "otter", "lynx", "wren", "hare", "moth", "pike", "crow", "newt",
               "seal", "kite", "mole", "yak", "ibis", "bat", "elk", "koi", "emu", "ant"]
    players = []
    for i in range(count):
        name = f"{animals[i % len(animals)]}{i // len(animals) + 1}" if prefix == "player" else f"{prefix}{i + 1}"
        players.append(SimPlayer(name, skill=min(1.0, max(0.05, rng.gauss(0.6, 0.2))),
                                 suspicion=min(0.8, max(0.0, rng.gauss(0.12, 0.12))),
                                 caution=min(0.95, max(0.05, rng.gauss(0.45, 0.25)))))
    return players


def play(scenario: Any, player: SimPlayer, rng: random.Random, seed: int,
         on_event: Callable[[dict], None] | None = None, *,
         quit_chance: float = 0.0, max_steps: int = 60) -> list[dict]:
    """One simulated session; returns its event log (also passed to ``on_event``)."""
    from game.engine import Conversation

    clock_t = [0.0]
    conv = Conversation(scenario, seed=seed, clock=lambda: clock_t[0], on_event=on_event)
    conv.start()
    danger = 0
    threshold = scenario.scoring.exit_threshold

    def consider(event: dict) -> None:
        nonlocal danger
        rf = event.get("red_flags") or []
        if rf:
            danger += int(event.get("severity") or 0)
            hard = max(HARD.get(c, 0.2) for c in rf)
            chance = player.skill * (1.0 - hard) + 0.1
        else:
            chance = player.suspicion
        if conv.ended:  # the last message of an ending cannot be flagged any more
            return
        if rng.random() < chance and not conv.is_flagged(event["id"]):
            clock_t[0] += rng.uniform(1.0, 4.0)
            conv.flag(event["id"])

    if rng.random() < player.skill * 0.6:
        for item in scenario.stranger.profile:
            chance = player.skill * 0.7 if item.red_flags else player.suspicion
            if rng.random() < chance:
                clock_t[0] += rng.uniform(1.0, 3.0)
                conv.flag(item.item_id)

    for _ in range(max_steps):
        while conv.pending and not conv.ended:
            clock_t[0] += rng.uniform(1.5, 5.0)
            event = conv.deliver_next()
            if event is not None:
                consider(event)
        if conv.ended:
            break
        if conv.flags and rng.random() < 0.04:          # changes their mind about a flag
            conv.unflag(rng.choice(conv.flags))
        if quit_chance and rng.random() < quit_chance:
            conv.quit()
            break
        if danger >= threshold and rng.random() < player.caution:
            clock_t[0] += rng.uniform(2.0, 6.0)
            conv.end_action(rng.choice(["report", "block", "report", "leave"]))
            break
        options = conv.choices()
        if not options:
            conv.end_action("leave")
            break
        if rng.random() < 0.15 and conv.wait():
            continue
        clock_t[0] += rng.uniform(3.0, 12.0)
        conv.choose(rng.randrange(len(options)) + 1)
    if not conv.ended:
        conv.end_action("leave")
    return conv.events


def library(paths: Iterable[Any] | None = None) -> list[Any]:
    """The bundled scenarios (or the given files), loaded and checked."""
    from pathlib import Path

    from game.paths import SCENARIOS_DIR
    from game.validator import load_scenario

    files = sorted(Path(SCENARIOS_DIR).glob("*.yaml")) if paths is None else [Path(p) for p in paths]
    return [load_scenario(f) for f in files]
