"""bench/validate_scale.py stays runnable: its generated scenarios are valid and it reports success."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import validate_scale  # noqa: E402

from game.validator import check_file  # noqa: E402


def test_generated_scenario_is_clean_and_every_node_is_reachable(tmp_path):
    path = tmp_path / "scale.yaml"
    path.write_text(validate_scale.generate(300), encoding="utf-8")
    scenario, findings = check_file(path)
    assert findings == []                     # no RF201/RF202: every node is reachable
    assert len(scenario.nodes) == 300
    assert sum(1 for n in scenario.nodes.values() if n.end) == 30


def test_bytes_per_node_leave_room_for_10000_nodes_under_1_mib():
    assert len(validate_scale.generate(10_000).encode()) < 1024 * 1024


def test_bench_runs(capsys):
    assert validate_scale.main(["--sizes", "50", "200", "--repeats", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["nodes", "bytes"] and len(out) == 3
