"""Signal detection figures for telling skill from suspicion (scoring.md, Discernment).

Counts are pooled over a player's or a class's sessions. What a person reads
are the raw shares and a reading in words:

    spotted           H = hits / signal_items               (warning signs flagged)
    flagged normal    F = false_alarms / noise_items        (normal messages flagged)
    reading           from H and F, by the table of scoring.md, once there are
                      at least 10 signal and 10 noise items pooled

Beside the reading sit d' and c, computed with the log-linear correction

    h  = (hits + 0.5) / (signal_items + 1)
    f  = (false_alarms + 0.5) / (noise_items + 1)
    d' = z(h) - z(f)          c = -(z(h) + z(f)) / 2        (c < 0: flags too much)

with z the inverse of the standard normal distribution function. The
correction keeps d' and c finite for a player who flagged everything or
nothing; the corrected rates exist only inside d' and c and are never shown
as percentages ("honest numbers").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import floor
from statistics import NormalDist

_Z = NormalDist().inv_cdf

MIN_EVIDENCE = 10            # signal and noise items pooled before a reading in words
HIGH_H = Fraction(7, 10)
LOW_F = Fraction(2, 10)

NOT_ENOUGH = "not enough chats yet to tell"
WELL = "tells warning signs from normal chat well"
SUSPICIOUS = "spots warning signs, but also flags normal chat (suspicious of everything)"
TRUSTING = "misses many warning signs (trusts too easily)"
NOT_YET = "not yet telling warning signs from normal chat"
READINGS = (WELL, SUSPICIOUS, TRUSTING, NOT_YET, NOT_ENOUGH)


@dataclass(frozen=True)
class Counts:
    signal_items: int = 0
    noise_items: int = 0
    hits: int = 0
    false_alarms: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.signal_items + other.signal_items, self.noise_items + other.noise_items,
                      self.hits + other.hits, self.false_alarms + other.false_alarms)

    @classmethod
    def from_signal(cls, signal: Mapping[str, int] | None) -> Counts:
        """From a result record's ``signal`` object."""
        s = signal or {}
        return cls(int(s.get("signal_items", 0)), int(s.get("noise_items", 0)),
                   int(s.get("hits", 0)), int(s.get("false_alarms", 0)))


@dataclass(frozen=True)
class Discernment:
    counts: Counts
    hit_rate: float | None      # raw H = hits / signal_items (None when there was nothing to spot)
    fa_rate: float | None       # raw F = false_alarms / noise_items (None without normal items)
    d_prime: float
    c: float
    reading: str

    def as_dict(self) -> dict[str, float | int | str | None]:
        def rnd(x: float | None) -> float | None:
            return None if x is None else round(x, 4)
        return {"signal_items": self.counts.signal_items, "noise_items": self.counts.noise_items,
                "hits": self.counts.hits, "false_alarms": self.counts.false_alarms,
                "spotted_share": rnd(self.hit_rate), "normal_flagged_share": rnd(self.fa_rate),
                "d_prime": round(self.d_prime, 4), "c": round(self.c, 4), "reading": self.reading}


def pool(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total = total + c
    return total


def reading(counts: Counts) -> str:
    """The reading in words of scoring.md's table (raw H and F, exact comparisons)."""
    if counts.signal_items < MIN_EVIDENCE or counts.noise_items < MIN_EVIDENCE:
        return NOT_ENOUGH
    h = Fraction(counts.hits, counts.signal_items)
    f = Fraction(counts.false_alarms, counts.noise_items)
    if h >= HIGH_H:
        return WELL if f <= LOW_F else SUSPICIOUS
    return TRUSTING if f <= LOW_F else NOT_YET


def discernment(counts: Counts) -> Discernment:
    """Raw shares, d', c and the reading for pooled counts."""
    if min(counts.signal_items, counts.noise_items, counts.hits, counts.false_alarms) < 0:
        raise ValueError(f"negative count in {counts}")
    if counts.hits > counts.signal_items or counts.false_alarms > counts.noise_items:
        raise ValueError(f"more hits or false alarms than items in {counts}")
    h = (counts.hits + 0.5) / (counts.signal_items + 1)
    f = (counts.false_alarms + 0.5) / (counts.noise_items + 1)
    z_h, z_f = _Z(h), _Z(f)
    raw_h = counts.hits / counts.signal_items if counts.signal_items else None
    raw_f = counts.false_alarms / counts.noise_items if counts.noise_items else None
    return Discernment(counts, raw_h, raw_f, z_h - z_f, -(z_h + z_f) / 2, reading(counts))


def share_of(part: int, whole: int) -> str:
    """A raw share in words with its counts: '4 of 5 (80%)'; '0 of 0' when nothing was met."""
    if not whole:
        return f"{part} of 0"
    return f"{part} of {whole} ({floor(Fraction(100 * part, whole) + Fraction(1, 2))}%)"   # half up


def describe(d: Discernment) -> str:
    """The reading in words (kept for callers that hold a Discernment)."""
    return d.reading
