"""Signal detection figures for telling skill from suspicion (scoring.md).

Counts are pooled over a player's or a class's sessions, then

    hit_rate = (hits + 0.5) / (signal_items + 1)       log-linear correction
    fa_rate  = (false_alarms + 0.5) / (noise_items + 1)
    d'       = z(hit_rate) - z(fa_rate)
    c        = -(z(hit_rate) + z(fa_rate)) / 2         c < 0: flags too much

with z the inverse of the standard normal distribution function. The
correction keeps both rates strictly between 0 and 1, so d' and c are always
finite, even for a player who flagged everything or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist
from typing import Iterable, Mapping

_Z = NormalDist().inv_cdf


@dataclass(frozen=True)
class Counts:
    signal_items: int = 0
    noise_items: int = 0
    hits: int = 0
    false_alarms: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.signal_items + other.signal_items, self.noise_items + other.noise_items,
                      self.hits + other.hits, self.false_alarms + other.false_alarms)

    @classmethod
    def from_signal(cls, signal: Mapping[str, int] | None) -> "Counts":
        """From a result record's ``signal`` object."""
        s = signal or {}
        return cls(int(s.get("signal_items", 0)), int(s.get("noise_items", 0)),
                   int(s.get("hits", 0)), int(s.get("false_alarms", 0)))


@dataclass(frozen=True)
class Discernment:
    counts: Counts
    hit_rate: float
    fa_rate: float
    d_prime: float
    c: float

    def as_dict(self) -> dict[str, float | int]:
        return {"signal_items": self.counts.signal_items, "noise_items": self.counts.noise_items,
                "hits": self.counts.hits, "false_alarms": self.counts.false_alarms,
                "hit_rate": round(self.hit_rate, 4), "fa_rate": round(self.fa_rate, 4),
                "d_prime": round(self.d_prime, 4), "c": round(self.c, 4)}


def pool(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total = total + c
    return total


def discernment(counts: Counts) -> Discernment:
    """Hit rate, false-alarm rate, d' and c for pooled counts."""
    if min(counts.signal_items, counts.noise_items, counts.hits, counts.false_alarms) < 0:
        raise ValueError(f"negative count in {counts}")
    if counts.hits > counts.signal_items or counts.false_alarms > counts.noise_items:
        raise ValueError(f"more hits or false alarms than items in {counts}")
    hit_rate = (counts.hits + 0.5) / (counts.signal_items + 1)
    fa_rate = (counts.false_alarms + 0.5) / (counts.noise_items + 1)
    z_hit, z_fa = _Z(hit_rate), _Z(fa_rate)
    return Discernment(counts, hit_rate, fa_rate, z_hit - z_fa, -(z_hit + z_fa) / 2)


def describe(d: Discernment) -> str:
    """A short, plain-language reading of d' and c for a counsellor."""
    if d.d_prime >= 1.5:
        skill = "tells signs apart well"
    elif d.d_prime >= 0.75:
        skill = "partly tells signs apart"
    else:
        skill = "hardly tells signs apart yet"
    if d.c <= -0.5:
        bias = "flags a lot, safe messages too"
    elif d.c >= 0.5:
        bias = "flags little, misses signs"
    else:
        bias = "balanced flagging"
    return f"{skill}; {bias}"
