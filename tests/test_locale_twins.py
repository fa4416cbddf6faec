"""Chats that ship in both locales (first-dm and first-dm-us, ...) cannot drift apart.

A locale version (scenarios/README.md, "Both versions of a chat") changes words only:
spelling, school years, money, services. Its nodes, choices, effects and red flags are
the original's, so every golden of one scores the same in the other by construction.
"""

import json

import pytest
from playback import GOLDEN_DIR

from game.library import load_library
from game.play.catalogue import LOCALE_SUFFIXES, locale_pairs

LIBRARY = load_library()
PAIRS = locale_pairs(LIBRARY.scenarios)
IDS = [f"{a.id}+{b.id}" for a, b in PAIRS]


def _cond(expr) -> str:
    return expr.source if expr is not None else ""


def _message(m) -> tuple:
    return (m.id, m.red_flags, m.severity, _cond(m.condition), len(m.variants), m.system, bool(m.image),
            bool(m.link), m.after)


def shape(scenario) -> dict:
    """Everything of a scenario that playing or scoring can see, without its words."""
    nodes = {}
    for node_id, node in scenario.nodes.items():
        nodes[node_id] = {
            "platform": node.platform,
            "messages": [_message(m) for m in node.messages],
            "idle_nudges": [_message(m) for m in node.idle_nudges],
            "choices": [(c.next, c.discloses, c.add, c.set, _cond(c.condition), c.once, c.tells_adult)
                        for c in node.choices],
            "end": node.end.outcome if node.end else None,
        }
    return {
        "platform": scenario.platform, "kind": scenario.kind, "audience": scenario.audience,
        "difficulty": scenario.difficulty, "start": scenario.start, "scoring": scenario.scoring,
        "message_request": scenario.message_request,
        "profile": [(p.item_id, p.red_flags, p.severity, bool(p.image)) for p in scenario.stranger.profile],
        "claimed_age": scenario.stranger.claimed_age,
        "sections": [(_cond(s.condition), s.endings) for s in scenario.debrief.sections],
        "nodes": nodes,
    }


def test_the_library_ships_chats_in_both_locales():
    assert {(a.id, b.id) for a, b in PAIRS} >= {("first-dm", "first-dm-us"),
                                                ("quick-follow-back", "quick-follow-back-gb"),
                                                ("castle-server", "castle-server-gb")}


@pytest.mark.parametrize("original,version", PAIRS, ids=IDS)
def test_a_locale_version_is_named_for_its_language(original, version):
    assert original.language != version.language
    assert version.id == original.id + LOCALE_SUFFIXES[version.language]


@pytest.mark.parametrize("original,version", PAIRS, ids=IDS)
def test_both_versions_have_the_same_nodes_choices_effects_and_red_flags(original, version):
    a, b = shape(original), shape(version)
    assert a.keys() == b.keys()
    for key in a:
        if key == "nodes":
            continue
        assert a[key] == b[key], (f"{version.id} differs from {original.id} in {key}: "
                                  f"edit both versions the same way")
    assert a["nodes"].keys() == b["nodes"].keys(), f"{version.id}: not the same node ids as {original.id}"
    for node_id in a["nodes"]:
        assert a["nodes"][node_id] == b["nodes"][node_id], (
            f"{version.id} differs from {original.id} at node {node_id}: edit both versions the same way")


@pytest.mark.parametrize("original,version", PAIRS, ids=IDS)
def test_both_versions_have_the_same_golden_playthroughs(original, version):
    def names(sid: str) -> set[str]:
        return {p.stem for p in (GOLDEN_DIR / sid).glob("*.script")}

    assert names(original.id) == names(version.id)


@pytest.mark.parametrize("original,version", PAIRS, ids=IDS)
def test_both_versions_expect_the_same_records(original, version):
    for expected in sorted((GOLDEN_DIR / original.id).glob("*.expected.json")):
        mine = json.loads(expected.read_text(encoding="utf-8"))
        theirs = json.loads((GOLDEN_DIR / version.id / expected.name).read_text(encoding="utf-8"))
        assert (mine.pop("scenario"), theirs.pop("scenario")) == (original.id, version.id)
        assert mine == theirs, f"{version.id}/{expected.name} differs from {original.id}'s"
