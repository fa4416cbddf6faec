"""The class change: pairing checks, the bootstrap interval, the sentence, and simulated classes."""

from __future__ import annotations

import collections

import pytest
from test_check_scoring import form

from game.checks import change as ch
from game.checks.change import Interval, change, class_change, pair_checks, sentence
from game.checks.simulate import simulate_class


def record(phase, hits, fas, complete=True, signal=8, noise=8):
    return {"kind": "check", "phase": phase, "complete": complete, "signal_items": signal,
            "noise_items": noise, "hits": hits, "false_alarms": fas}


def test_sentence_rule_in_the_spec_order():
    out, inside, below = Interval(0.1, 0.9), Interval(-0.2, 0.4), Interval(-0.9, -0.1)
    assert sentence(9, 0.5, out, -0.5, below) == ch.NOT_ENOUGH
    assert sentence(10, 0.5, out, -0.5, below) == ch.IMPROVED
    assert sentence(10, 0.1, inside, -0.5, below) == ch.SUSPICION
    assert sentence(10, 0.1, inside, -0.5, Interval(-0.9, 0.1)) == ch.NO_CLEAR
    assert sentence(10, 0.1, inside, 0.5, Interval(0.1, 0.9)) == ch.NO_CLEAR      # more trusting, not more suspicious
    # worse discrimination with an interval below 0 is neither improvement nor suspicion
    assert sentence(10, -0.5, Interval(-0.9, -0.1), -0.5, below) == ch.NO_CLEAR


def test_interval_edges():
    assert not Interval(0.0, 0.5).excludes_zero()
    assert Interval(0.0001, 0.5).excludes_zero()


def test_hand_computed_deltas_and_means():
    # pre 4 of 8 hits, 4 of 8 false alarms: h = f = 4.5/9, d' = 0, c = 0.
    # post 8 of 8, 0 of 8: d' = 2 x 1.5932 = 3.1864, c = 0. So every delta d' = 3.1864, delta c = 0.
    rows = []
    for k in range(10):
        rows += [(f"s{k}", 1.0, record("pre", 4, 4)), (f"s{k}", 2.0, record("post", 8, 0))]
    result = class_change(rows)
    assert result.students == 10
    assert result.delta_d_prime == pytest.approx(3.1864, abs=1e-4)
    assert result.delta_c == pytest.approx(0.0, abs=1e-12)
    assert result.d_prime_interval.low == pytest.approx(3.1864, abs=1e-4)   # every resample is the same
    assert result.sentence == ch.IMPROVED


def test_pairing_takes_the_first_pre_and_the_last_post_after_it():
    rows = [("x", 5.0, record("pre", 1, 1)), ("x", 1.0, record("pre", 2, 2)),
            ("x", 0.5, record("post", 7, 7)),                      # before any pre: not a post of it
            ("x", 3.0, record("post", 3, 3)), ("x", 9.0, record("post", 4, 4)),
            ("x", 10.0, record("post", 8, 0, complete=False)),    # unfinished checks never count
            ("y", 1.0, record("pre", 2, 2)),                        # no post
            ("z", 1.0, record("pre", 2, 2, noise=0)), ("z", 2.0, record("post", 2, 0))]   # no safe item answered
    pairs = pair_checks(rows)
    assert list(pairs) == ["x"]
    pre, post = pairs["x"]
    assert (pre["hits"], post["hits"]) == (2, 4)


def test_followup_can_be_compared_too():
    rows = [("x", 1.0, record("pre", 2, 2)), ("x", 2.0, record("post", 3, 3)), ("x", 9.0, record("followup", 5, 1))]
    assert pair_checks(rows, later="followup")["x"][1]["phase"] == "followup"


def test_not_enough_data_below_ten_students():
    deltas = [(1.0 + i / 100, -1.0) for i in range(9)]
    assert change(deltas).sentence == ch.NOT_ENOUGH
    assert change(deltas + [(1.0, -1.0)]).sentence == ch.IMPROVED
    assert change([]).as_json() == {"students": 0, "delta_d_prime": None, "delta_c": None,
                                    "d_prime_interval": None, "c_interval": None, "sentence": ch.NOT_ENOUGH}


def test_bootstrap_is_seeded_and_has_the_documented_size(monkeypatch):
    deltas = [((-1) ** i * i / 10, i / 20 - 0.4) for i in range(30)]
    assert change(deltas) == change(deltas)
    assert change(deltas, seed=1) != change(deltas, seed=2)
    drawn = []
    real = ch.random.Random.choices

    def counting(self, population, k):
        drawn.append(k)
        return real(self, population, k=k)
    monkeypatch.setattr(ch.random.Random, "choices", counting)
    change(deltas)
    assert drawn == [30] * 2000


def test_bootstrap_interval_brackets_the_mean():
    deltas = [(i / 10, -i / 20) for i in range(-5, 25)]
    result = change(deltas)
    assert result.d_prime_interval.low < result.delta_d_prime < result.d_prime_interval.high
    assert result.c_interval.low < result.delta_c < result.c_interval.high


FORMS = (form(), form())


def sentences(**kwargs) -> collections.Counter:
    return collections.Counter(simulate_class(seed, FORMS, **kwargs).sentence for seed in range(20))


def test_a_true_gain_of_half_a_d_prime_is_detected_in_most_seeds():
    found = sentences(d_gain=0.5)
    assert found[ch.IMPROVED] >= 12, found           # bench/check_power.py: 86 of 100 seeds (78 with these forms)


def test_a_criterion_only_shift_is_reported_as_suspicion():
    found = sentences(c_shift=-0.5)
    assert found[ch.SUSPICION] >= 12, found          # bench/check_power.py: 94 of 100 seeds
    assert found[ch.IMPROVED] <= 2, found


def test_no_change_is_rarely_called_a_change():
    found = sentences()
    assert found[ch.NO_CLEAR] >= 16, found
