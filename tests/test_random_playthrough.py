"""Seeded random playthroughs: every scenario is played many times and must reach every ending."""

import random

import pytest

from game.engine import CommandError, Conversation
from game.library import load_library
from game.scoring import score

LIBRARY = load_library()
RUNS = 400


def random_play(scenario, rng: random.Random) -> dict:
    conv = Conversation(scenario, seed=rng.randrange(10_000), clock=lambda: 0.0)
    conv.start()
    for _ in range(200):
        conv.deliver_all()
        if conv.ended:
            break
        roll = rng.random()
        if roll < 0.15 and conv.numbers:
            conv.toggle_flag(str(rng.choice(list(conv.numbers))))
        elif roll < 0.2 and scenario.stranger.profile:
            conv.toggle_flag(rng.choice(scenario.stranger.profile).item_id)
        elif roll < 0.25:
            conv.wait()
        elif roll < 0.26:
            conv.end_action(rng.choice(["block", "report", "leave"]))
        elif conv.choices():
            conv.choose(rng.randrange(len(conv.choices())) + 1)
        else:
            with pytest.raises(CommandError):
                conv.choose(1)
            conv.end_action("leave")
    if not conv.ended:
        conv.quit()
    return score(conv.events)


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=[s.id for s in LIBRARY.scenarios])
def test_random_playthroughs_reach_every_ending(scenario):
    rng = random.Random(f"random-playthrough/{scenario.id}")
    endings = {node_id for node_id, node in scenario.nodes.items() if node.end}
    reached = set()
    for _ in range(RUNS):
        record = random_play(scenario, rng)
        assert 0 <= record["score"]["detection"] <= 1 and 0 <= record["score"]["privacy"] <= 1
        if record["complete"]:
            assert 0 <= record["score"]["total"] <= 100
        if record["ending"]:
            reached.add(record["ending"]["node"])
    assert reached == endings, f"never reached: {sorted(endings - reached)}"
