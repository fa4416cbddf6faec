"""Signal detection figures (scoring.md, Discernment)."""

import math
from statistics import NormalDist

import pytest
from hypothesis import given, strategies as st

from game.results import stats

Z = NormalDist().inv_cdf


def test_log_linear_rates_and_the_formulas_of_the_spec():
    d = stats.discernment(stats.Counts(signal_items=9, noise_items=19, hits=6, false_alarms=1))
    assert d.hit_rate == pytest.approx(6.5 / 10)
    assert d.fa_rate == pytest.approx(1.5 / 20)
    assert d.d_prime == pytest.approx(Z(0.65) - Z(0.075))
    assert d.c == pytest.approx(-(Z(0.65) + Z(0.075)) / 2)
    assert d.d_prime > 1.5 and d.c > 0          # good, slightly cautious


def test_flagging_everything_shows_as_no_skill_and_a_negative_criterion():
    d = stats.discernment(stats.Counts(signal_items=10, noise_items=10, hits=10, false_alarms=10))
    assert d.d_prime == pytest.approx(0.0)
    assert d.c < -1
    assert "flags a lot" in stats.describe(d)


def test_flagging_nothing_shows_a_positive_criterion():
    d = stats.discernment(stats.Counts(signal_items=10, noise_items=10, hits=0, false_alarms=0))
    assert d.d_prime == pytest.approx(0.0)
    assert d.c > 1
    assert "misses" in stats.describe(d)


def test_pooling_adds_counts():
    a = stats.Counts.from_signal({"signal_items": 3, "noise_items": 4, "hits": 2, "false_alarms": 1})
    b = stats.Counts(5, 6, 5, 0)
    assert stats.pool([a, b]) == stats.Counts(8, 10, 7, 1)
    assert stats.pool([]) == stats.Counts()


def test_impossible_counts_are_rejected():
    with pytest.raises(ValueError):
        stats.discernment(stats.Counts(signal_items=2, noise_items=2, hits=3, false_alarms=0))
    with pytest.raises(ValueError):
        stats.discernment(stats.Counts(signal_items=2, noise_items=2, hits=-1, false_alarms=0))


counts = st.integers(0, 500).flatmap(lambda s: st.integers(0, 500).flatmap(
    lambda n: st.tuples(st.just(s), st.just(n), st.integers(0, s), st.integers(0, n))))


@given(counts)
def test_always_finite_and_consistent(c):
    d = stats.discernment(stats.Counts(*c))
    assert 0 < d.hit_rate < 1 and 0 < d.fa_rate < 1
    assert math.isfinite(d.d_prime) and math.isfinite(d.c)
    # d' and c recover the two z-scores
    assert Z(d.hit_rate) == pytest.approx(d.d_prime / 2 - d.c, abs=1e-9)
    assert Z(d.fa_rate) == pytest.approx(-d.d_prime / 2 - d.c, abs=1e-9)


@given(counts)
def test_one_more_hit_never_lowers_d_prime(c):
    s, n, h, f = c
    if h < s:
        assert stats.discernment(stats.Counts(s, n, h + 1, f)).d_prime > stats.discernment(
            stats.Counts(s, n, h, f)).d_prime
    if f < n:
        assert stats.discernment(stats.Counts(s, n, h, f + 1)).d_prime < stats.discernment(
            stats.Counts(s, n, h, f)).d_prime
