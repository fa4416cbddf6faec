"""Golden playthroughs: every script gives its expected record, straight and through save/restore."""

import json

import pytest

from game.library import load_library
from playback import GOLDEN_DIR, comparable, golden_cases, play

CASES = golden_cases()


@pytest.mark.parametrize("scenario_id,script", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
@pytest.mark.parametrize("restore", [False, True], ids=["straight", "save-restore"])
def test_golden_playthrough(scenario_id, script, restore):
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert play(scenario_id, script, restore_each_step=restore) == comparable(expected)


def test_every_shipped_scenario_has_golden_best_and_worst_paths():
    library = load_library()
    assert not library.problems, [p.format() for p in library.problems]
    for scenario in library.scenarios:
        scripts = {p.stem for p in (GOLDEN_DIR / scenario.id).glob("*.script")}
        assert {"best", "worst"} <= scripts, f"{scenario.id} needs best and worst golden playthroughs"
        for name in scripts:
            assert (GOLDEN_DIR / scenario.id / f"{name}.expected.json").is_file(), f"{scenario.id}/{name}"
