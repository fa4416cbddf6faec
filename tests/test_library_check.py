"""bench/library_check.py: careful play beats blanket suspicion in every shipped scenario.

The strategy totals on the small scenario below are worked out by hand from
scoring.md (version 2); the library itself must pass the check, and new
scenarios are covered because the check walks the library folder.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import library_check  # noqa: E402

from game.library import load_library  # noqa: E402
from game.validator import load_scenario  # noqa: E402

SMALL = """\
format: 1
id: small-check
title: Small check
platform: game_chat
stranger:
  name: Gifter
  profile:
    - {id: joined, label: Account created, text: 3 days ago, red_flags: [fake_profile]}
start: intro
nodes:
  intro:
    messages:
      - text: gg
      - text: how old r u
        red_flags: [asks_personal_info]
    choices:
      - {text: "14", next: gift, discloses: [age]}
      - {text: "not saying", next: gift}
  gift:
    messages:
      - text: here's 1000 coins
        red_flags: [offers_gifts]
    choices:
      - {text: thanks, next: bye}
  bye:
    end: {outcome: unsafe}
"""


def small(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load_scenario(path)


def test_block_at_once_by_hand(tmp_path):
    # intro.0 (noise), intro.1 (asks 1), profile.joined (fake 2): signal 2, noise 1, nothing flagged:
    # detection 0; danger 1 < 3, exit 1.0 capped at 0.5 (unjustified): 100 x (0 + 0.2 + 0.2) = 40
    assert library_check.block_at_once(small(tmp_path)) == 40


def test_flag_everything_then_block_by_hand(tmp_path):
    # hit rate 2/2 = false-alarm rate 1/1: detection 0; exit capped at 0.5: 40
    assert library_check.flag_everything_then_block(small(tmp_path)) == 40


def test_go_along_by_hand(tmp_path):
    # reply 1 "14" (age) -> gift; reply 1 -> bye (unsafe): detection 0, exit 0, privacy 0.9: 100 x 0.18 = 18
    assert library_check.go_along(small(tmp_path)) == 18


def test_flag_all_then_go_along_by_hand(tmp_path):
    # flags intro.0, intro.1, profile.joined, then gift.0 as they arrive; replies 1, 1 -> bye (unsafe):
    # hit rate 3/3 = false-alarm rate 1/1, detection 0; exit 0; privacy 0.9 (age): 18
    assert library_check.flag_all_go_along(small(tmp_path)) == 18


def test_a_grooming_chat_where_the_first_reply_is_safe_all_the_way_fails_the_check():
    row = library_check.Row("first-is-safe", "grooming", block=40, flag_all=40, go_along=65, best=100, flag_go=82)
    lines, ok = library_check.render([row])
    assert not row.ok and not ok
    assert any(line.startswith("first-is-safe: the best run beats the first-reply runs") for line in lines)
    benign = library_check.Row("friend", "benign", block=70, flag_all=30, go_along=100, best=100, flag_go=60)
    assert benign.ok            # going along with a real friend is right


def test_every_shipped_scenario_passes_the_library_check(capsys):
    rows = library_check.check()
    assert {r.scenario_id for r in rows} == {s.id for s in load_library().scenarios}
    for r in rows:
        assert r.best is not None, f"{r.scenario_id}: no best golden"
        assert min(r.margins) >= library_check.MIN_MARGIN, (r.scenario_id, r.margins)
        assert all(n >= library_check.MIN_MARGIN for n in r.naive_margins), (r.scenario_id, r.naive_margins)
    assert sum(r.margins[0] for r in rows) / len(rows) >= library_check.MIN_MEAN_MARGIN
    assert sum(r.margins[1] for r in rows) / len(rows) >= library_check.MIN_MEAN_MARGIN
    assert library_check.main([]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[0] == "scenario" and out[-1] == "library check: holds"
    assert len(out) == len(rows) + 3


def test_a_scenario_where_suspicion_pays_fails_the_check():
    good = library_check.Row("good", "grooming", block=40, flag_all=40, go_along=0, best=100)
    bad = library_check.Row("bad", "benign", block=80, flag_all=30, go_along=100, best=100)
    lines, ok = library_check.render([good, bad])
    assert not ok and lines[-1] == "library check: FAILS"
    assert any(line.startswith("bad: the best run beats block at once by 20") for line in lines)


def test_the_mean_margin_must_reach_30():
    rows = [library_check.Row(f"s{i}", "benign", block=72, flag_all=30, go_along=100, best=100) for i in range(3)]
    lines, ok = library_check.render(rows)     # 28 in each: above 25, but the mean is below 30
    assert all(r.ok for r in rows) and not ok
