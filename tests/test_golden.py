"""Golden playthroughs: every script gives its expected record, straight and through save/restore."""

import json

import pytest
from playback import GOLDEN_DIR, comparable, golden_cases, play

from game.library import load_library

CASES = golden_cases()


@pytest.mark.parametrize("scenario_id,script", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
@pytest.mark.parametrize("restore", [False, True], ids=["straight", "save-restore"])
def test_golden_playthrough(scenario_id, script, restore):
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert play(scenario_id, script, restore_each_step=restore) == comparable(expected)


def required_goldens(kind: str) -> set[str]:
    """tests/golden/README.md: best, worst, block at once, and (grooming) spot one then leave."""
    names = {"best", "worst", "block-at-once"}
    return names | {"spot-one-leave"} if kind == "grooming" else names


def test_every_shipped_scenario_has_the_required_golden_playthroughs():
    library = load_library()
    assert not library.problems, [p.format() for p in library.problems]
    for scenario in library.scenarios:
        scripts = {p.stem for p in (GOLDEN_DIR / scenario.id).glob("*.script")}
        missing = required_goldens(scenario.kind) - scripts
        assert not missing, f"{scenario.id} needs golden playthroughs {sorted(missing)}"


@pytest.mark.parametrize("scenario_id,script", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_every_golden_has_an_expected_record_and_hand_workings(scenario_id, script):
    expected = script.with_suffix(".expected.json")
    workings = script.with_name(script.stem + ".workings.md")
    assert expected.is_file(), f"{scenario_id}/{script.stem}: no expected record"
    assert workings.is_file() and workings.read_text(encoding="utf-8").strip(), \
        f"{scenario_id}/{script.stem}: no hand workings (tests/golden/README.md)"
    assert json.loads(expected.read_text(encoding="utf-8"))["scoring_version"] == 2
