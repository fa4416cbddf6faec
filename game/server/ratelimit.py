"""A token bucket per client address (joins and wrong join codes).

In memory, one process, a handful of buckets: a dozen lines here beat a
dependency. Buckets that have refilled completely are dropped so the table
cannot grow without bound.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, burst: float, rate: float, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 10000) -> None:
        self.burst = float(burst)
        self.rate = float(rate)
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}   # key -> (tokens, last time)

    def _level(self, key: str, now: float) -> float:
        tokens, last = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - last) * self.rate)

    def allow(self, key: str, cost: float = 1.0) -> bool:
        """Take ``cost`` from ``key``'s bucket; False (nothing taken) when it is empty."""
        now = self.clock()
        level = self._level(key, now)
        if level < cost:
            self._buckets[key] = (level, now)
            return False
        self._buckets[key] = (level - cost, now)
        if len(self._buckets) > self.max_keys:
            self._prune(now)
        return True

    def would_allow(self, key: str, cost: float = 1.0) -> bool:
        return self._level(key, self.clock()) >= cost

    def retry_after(self, key: str, cost: float = 1.0) -> int:
        """Whole seconds until ``cost`` is available again."""
        missing = cost - self._level(key, self.clock())
        return 0 if missing <= 0 or self.rate <= 0 else max(1, math.ceil(missing / self.rate))

    def _prune(self, now: float) -> None:
        for key in [k for k in self._buckets if self._level(k, now) >= self.burst]:
            del self._buckets[key]
