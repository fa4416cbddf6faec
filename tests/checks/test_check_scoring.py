"""One check's record against values computed by hand from prepost.md and scoring.md.

z values by hand (standard normal table, interpolated): z(6.5/9 = 0.7222) =
0.5895, z(2.5/8 = 0.3125) = -0.4888, z(17/18 = 0.9444) = 1.5932.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.checks.model import Form, Item, Line
from game.checks.scoring import Answer, auc, rating, score_check


def form() -> Form:
    line = (Line("stranger", "hi", (1, 1)), Line("you", "hey", (1, 1)))
    items = [Item(f"a{i:02d}", "game_chat", "red_flag" if i <= 8 else "safe",
                  ("secrecy",) if i <= 8 else (), f"b{i:02d}", line, (1, 1)) for i in range(1, 17)]
    return Form("A", tuple(items), Path("form-a.yaml"), "0" * 64)


def answers(signal: list[str], noise: list[str]) -> list[Answer]:
    """'r3' / 's1' / '-' (skip) for a01..a08, then a09..a16."""
    out = []
    for i, code in enumerate(signal + noise, 1):
        if code == "-":
            out.append(Answer(f"a{i:02d}"))
        else:
            out.append(Answer(f"a{i:02d}", "red" if code[0] == "r" else "safe", int(code[1])))
    return out


def test_ratings_follow_the_spec_table():
    table = {("safe", 4): 1, ("safe", 3): 2, ("safe", 2): 3, ("safe", 1): 4,
             ("red", 1): 5, ("red", 2): 6, ("red", 3): 7, ("red", 4): 8}
    for (answer, confidence), expected in table.items():
        assert rating(Answer("a01", answer, confidence)) == expected


def test_the_spec_example_record():
    # signal ratings 8 8 7 7 6 5 | 4 1 (6 hits), noise 6 5 | 4 3 2 1 1 (2 false alarms), one safe item skipped.
    # Pairs won: 7+7+7+7 + 6.5 (6 beats 1,1,2,3,4,5, ties 6) + 5.5 + 4.5 + 1 (1 ties the two 1s) = 45.5 of 56.
    record = score_check(form(), answers(["r4", "r4", "r3", "r3", "r2", "r1", "s1", "s4"],
                                         ["-", "r2", "r1", "s1", "s2", "s3", "s4", "s4"]),
                         phase="pre", complete=True)
    assert record["answers"][:2] == [{"item": "a01", "answer": "red", "confidence": 4},
                                     {"item": "a02", "answer": "red", "confidence": 4}]
    assert record["answers"][8] == {"item": "a09", "skip": True}
    del record["answers"]
    assert record == {"kind": "check", "form": "A", "phase": "pre", "complete": True,
                      "signal_items": 8, "noise_items": 7, "hits": 6, "false_alarms": 2,
                      "hit_rate": 0.75, "fa_rate": 0.2857, "d_prime": 1.0782, "c": -0.0503, "auc": 0.8125}


def test_record_keys_are_the_spec_keys_in_order():
    record = score_check(form(), answers(["r1"] * 8, ["s1"] * 8), phase="post", complete=True)
    assert list(record) == ["kind", "form", "phase", "complete", "answers", "signal_items", "noise_items",
                            "hits", "false_alarms", "hit_rate", "fa_rate", "d_prime", "c", "auc"]


def test_log_linear_correction_for_a_perfect_player():
    # raw rates 1 and 0 would give infinite d'; corrected h = 8.5/9 = 17/18, f = 0.5/9 = 1/18
    record = score_check(form(), answers(["r4"] * 8, ["s4"] * 8), phase="pre", complete=True)
    assert (record["hit_rate"], record["fa_rate"]) == (1.0, 0.0)     # raw rates are what a person reads
    assert record["d_prime"] == pytest.approx(2 * 1.5932, abs=2e-4)
    assert record["d_prime"] == 3.1864
    assert record["c"] == 0.0
    assert record["auc"] == 1.0


def test_log_linear_correction_for_a_player_who_flags_everything():
    # h = f = 17/18: d' = 0, c = -(1.5932 + 1.5932) / 2 = -1.5932 (c < 0: flags too much)
    record = score_check(form(), answers(["r2"] * 8, ["r2"] * 8), phase="pre", complete=True)
    assert (record["hit_rate"], record["fa_rate"], record["d_prime"]) == (1.0, 1.0, 0.0)
    assert record["c"] == pytest.approx(-1.5932, abs=1e-4)
    assert record["auc"] == 0.5      # every pair tied


def test_ties_in_confidence_count_one_half():
    # signal 6 6, noise 6 5: (6,6) 1/2 + (6,5) 1 + (6,6) 1/2 + (6,5) 1 = 3 of 4
    assert auc([6, 6], [6, 5]) == 0.75
    assert auc([5], [5]) == 0.5
    assert auc([1, 8], [8, 1]) == 0.5        # 0 + 1/2 + 1/2 + 1 = 2 of 4


def test_auc_is_exactly_one_half_for_a_player_answering_at_random():
    # at random: the red_flag and the safe items get the same spread of answers
    rng = random.Random(7)
    codes = [rng.choice(["r1", "r2", "r3", "r4", "s1", "s2", "s3", "s4"]) for _ in range(8)]
    record = score_check(form(), answers(codes, rng.sample(codes, 8)), phase="pre", complete=True)
    assert record["auc"] == 0.5
    assert record["d_prime"] == 0.0


def test_a_random_player_over_many_checks_averages_one_half():
    rng = random.Random(3)
    values = []
    for _ in range(400):
        codes = [rng.choice(["r1", "r2", "r3", "r4", "s1", "s2", "s3", "s4"]) for _ in range(16)]
        values.append(score_check(form(), answers(codes[:8], codes[8:]), phase="pre", complete=True)["auc"])
    assert sum(values) / len(values) == pytest.approx(0.5, abs=0.02)


def test_null_when_a_count_is_zero():
    record = score_check(form(), answers(["r3"] * 8, ["-"] * 8), phase="pre", complete=True)
    assert (record["noise_items"], record["fa_rate"], record["auc"]) == (0, None, None)
    assert record["hit_rate"] == 1.0
    # d' and c still come from the correction: h = 8.5/9, f = 0.5/1
    assert record["d_prime"] == pytest.approx(1.5932, abs=1e-4)
    assert auc([], [3]) is None


def test_an_unfinished_check_keeps_what_was_answered():
    record = score_check(form(), answers(["r3", "s2", "-"], []), phase="post", complete=False)
    assert record["complete"] is False
    assert (record["signal_items"], record["hits"], record["noise_items"]) == (2, 1, 0)
    assert len(record["answers"]) == 3


def test_bad_answers_are_refused():
    with pytest.raises(ValueError):
        Answer("a01", "red", 5)
    with pytest.raises(ValueError):
        Answer("a01", "maybe", 2)
    with pytest.raises(ValueError):
        score_check(form(), [Answer("z99", "red", 1)], phase="pre", complete=True)


def test_answers_round_trip_through_json():
    for answer in answers(["r3", "-"], []):
        assert Answer.from_json(answer.as_json()) == answer
