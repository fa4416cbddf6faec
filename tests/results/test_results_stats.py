"""Signal detection figures (scoring.md, Discernment)."""

import math
from statistics import NormalDist

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.results import stats

Z = NormalDist().inv_cdf


def test_raw_shares_and_log_linear_d_prime_and_c():
    d = stats.discernment(stats.Counts(signal_items=9, noise_items=19, hits=6, false_alarms=1))
    # what people read: the raw shares 6/9 and 1/19
    assert d.hit_rate == pytest.approx(6 / 9)
    assert d.fa_rate == pytest.approx(1 / 19)
    # the correction lives only inside d' and c: h = 6.5/10, f = 1.5/20
    assert d.d_prime == pytest.approx(Z(0.65) - Z(0.075))
    assert d.c == pytest.approx(-(Z(0.65) + Z(0.075)) / 2)
    assert d.d_prime > 1.5 and d.c > 0          # good, slightly cautious
    # 9 signal items pooled: fewer than 10, so no reading in words yet
    assert d.reading == stats.NOT_ENOUGH == "not enough chats yet to tell"


def test_flagging_everything_reads_as_suspicious_of_everything():
    d = stats.discernment(stats.Counts(signal_items=10, noise_items=10, hits=10, false_alarms=10))
    assert (d.hit_rate, d.fa_rate) == (1.0, 1.0)
    assert d.d_prime == pytest.approx(0.0) and d.c < -1
    assert d.reading == "spots warning signs, but also flags normal chat (suspicious of everything)"


def test_flagging_nothing_reads_as_trusting_too_easily():
    d = stats.discernment(stats.Counts(signal_items=10, noise_items=10, hits=0, false_alarms=0))
    assert (d.hit_rate, d.fa_rate) == (0.0, 0.0)
    assert d.d_prime == pytest.approx(0.0) and d.c > 1
    assert d.reading == "misses many warning signs (trusts too easily)"


@pytest.mark.parametrize("counts,reading", [
    ((10, 10, 7, 2), "tells warning signs from normal chat well"),        # H 0.7, F 0.2: both edges included
    ((10, 10, 7, 3), "spots warning signs, but also flags normal chat (suspicious of everything)"),
    ((10, 10, 6, 2), "misses many warning signs (trusts too easily)"),
    ((10, 10, 6, 3), "not yet telling warning signs from normal chat"),
    ((30, 10, 21, 2), "tells warning signs from normal chat well"),       # 21/30 is exactly 0.7
    ((20, 15, 14, 3), "tells warning signs from normal chat well"),       # 3/15 is exactly 0.2
    ((20, 9, 20, 0), "not enough chats yet to tell"),                      # 9 noise items
    ((9, 40, 9, 0), "not enough chats yet to tell"),                       # 9 signal items
    ((0, 0, 0, 0), "not enough chats yet to tell"),
])
def test_readings_follow_the_table_of_scoring_md(counts, reading):
    assert stats.discernment(stats.Counts(*counts)).reading == reading
    assert reading in stats.READINGS


def test_no_share_without_items():
    d = stats.discernment(stats.Counts(signal_items=0, noise_items=4, hits=0, false_alarms=1))
    assert d.hit_rate is None and d.fa_rate == 0.25
    assert d.as_dict()["spotted_share"] is None and d.as_dict()["normal_flagged_share"] == 0.25


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
    s, n, h, f = c
    d = stats.discernment(stats.Counts(*c))
    assert math.isfinite(d.d_prime) and math.isfinite(d.c)
    # d' and c recover the two z-scores of the corrected rates
    assert Z((h + 0.5) / (s + 1)) == pytest.approx(d.d_prime / 2 - d.c, abs=1e-9)
    assert Z((f + 0.5) / (n + 1)) == pytest.approx(-d.d_prime / 2 - d.c, abs=1e-9)
    # the shares people read are the raw ones
    assert d.hit_rate == (h / s if s else None) and d.fa_rate == (f / n if n else None)
    assert d.reading in stats.READINGS


@given(counts)
def test_one_more_hit_never_lowers_d_prime(c):
    s, n, h, f = c
    if h < s:
        assert stats.discernment(stats.Counts(s, n, h + 1, f)).d_prime > stats.discernment(
            stats.Counts(s, n, h, f)).d_prime
    if f < n:
        assert stats.discernment(stats.Counts(s, n, h, f + 1)).d_prime < stats.discernment(
            stats.Counts(s, n, h, f)).d_prime
