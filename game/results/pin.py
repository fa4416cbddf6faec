"""The counsellor PIN: stored only as a salted scrypt hash.

``hash_pin`` returns ``scrypt$N$r$p$salt$hash`` (salt and hash in base64);
``verify_pin`` recomputes with the stored parameters and compares in constant
time. Stored parameters that were tampered with (an N that is not a power of
two, costs beyond what a school computer can compute) are a ``DamagedPin``
with a one-line message from ``check_pin``, never an exception from hashlib.

The PIN is set only by a deliberate step at a terminal (``python main.py pin
set``), never by whoever first opens the counsellor view at a shared
computer. Wrong guesses are counted in the store with the time of the last
one (``counsellor_pin_failures``), so closing and reopening the PIN screen,
or restarting the game, does not reset the wait. The PIN guards the counsellor view in the game window; it is a screen
lock, not encryption of the database file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import time
from collections.abc import Callable

from .store import Store

SETTING = "counsellor_pin"
N, R, P = 2 ** 14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LEN, MAX_LEN = 4, 12
_PIN = re.compile(r"[0-9]+")


FAILURES = "counsellor_pin_failures"
RESET_HINT = "a teacher can reset it with: python main.py forget --reset-pin"
SET_HINT = "python main.py pin set"


class PinError(ValueError):
    """The PIN cannot be used (one-line message)."""


class DamagedPin(PinError):
    """The stored PIN hash cannot be checked (tampered or damaged)."""


def stored_problem(stored: str) -> str | None:
    """Why a stored hash cannot be checked, or None when its parameters are usable."""
    try:
        scheme, n, r, p, salt_b64, key_b64 = stored.split("$")
        if scheme != "scrypt":
            return f"it is not an scrypt hash ({scheme[:12]!r})"
        n_, r_, p_ = int(n), int(r), int(p)
        base64.b64decode(salt_b64, validate=True)
        key = base64.b64decode(key_b64, validate=True)
    except (ValueError, TypeError):
        return "it is not in the form scrypt$N$r$p$salt$hash"
    if not (2 <= n_ <= 2 ** 20 and n_ & (n_ - 1) == 0):
        return f"its scrypt N ({n_}) is not a power of two from 2 to 2^20"
    if not (1 <= r_ <= 32 and 1 <= p_ <= 16 and 16 <= len(key) <= 64):
        return "its scrypt parameters are out of range"
    if 128 * n_ * r_ * (p_ + 2) > 256 * 1024 * 1024:
        return "its scrypt parameters need more memory than allowed"
    return None


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` is not acceptable as a new PIN, or None."""
    if not _PIN.fullmatch(pin or ""):
        return "the PIN is digits only"
    if not MIN_LEN <= len(pin) <= MAX_LEN:
        return f"the PIN has {MIN_LEN} to {MAX_LEN} digits"
    if len(set(pin)) == 1:
        return "choose a PIN that is not one digit repeated"
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=dklen)


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    problem = pin_problem(pin)
    if problem:
        raise PinError(problem)
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    key = _derive(pin, salt, N, R, P, KEY_BYTES)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(key)}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, key_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        key = base64.b64decode(key_b64, validate=True)
        n_, r_, p_ = int(n), int(r), int(p)
        if not (2 <= n_ <= 2 ** 20 and 1 <= r_ <= 32 and 1 <= p_ <= 16 and 16 <= len(key) <= 64):
            return False
    except (ValueError, TypeError):
        return False
    if stored_problem(stored):
        return False
    try:
        candidate = _derive(pin or "", salt, n_, r_, p_, len(key))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, key)


def is_set(store: Store) -> bool:
    return store.get_setting(SETTING) is not None


def set_pin(store: Store, pin: str) -> None:
    store.set_setting(SETTING, hash_pin(pin))


def clear_pin(store: Store) -> None:
    store.set_setting(SETTING, None)
    store.set_setting(FAILURES, None)


def check_pin(store: Store, pin: str) -> bool:
    """True for the right PIN; raises DamagedPin (one line) when the stored hash cannot be checked."""
    stored = store.get_setting(SETTING)
    if stored is None:
        return False
    problem = stored_problem(stored)
    if problem:
        raise DamagedPin(f"the stored counsellor PIN is damaged: {problem}; {RESET_HINT}")
    return verify_pin(pin, stored)


class Throttle:
    """Slows down guessing: after 3 wrong PINs, each further try waits longer (up to 60 s).

    With a ``store`` the count and the time of the last wrong PIN are kept there (wall-clock
    time), so reopening the PIN screen or restarting the game does not start over.
    """

    def __init__(self, clock: Callable[[], float] | None = None, store: Store | None = None) -> None:
        self.store = store
        self.clock = clock or (time.time if store is not None else time.monotonic)
        self.failures = 0
        self.last_failure = 0.0
        if store is not None:
            self.failures, self.last_failure = _load_failures(store)

    def _delay(self) -> float:
        return min(60.0, 5.0 * 2 ** (self.failures - 3)) if self.failures >= 3 else 0.0

    def wait_s(self) -> float:
        """Seconds until the next try is allowed (0 when allowed now)."""
        if self.store is not None:
            self.failures, self.last_failure = _load_failures(self.store)
        delay = self._delay()
        if not delay:
            return 0.0
        now = self.clock()
        if now < self.last_failure:   # the clock moved backwards: wait the whole delay again
            return delay
        return max(0.0, self.last_failure + delay - now)

    @property
    def locked_until(self) -> float:
        return self.last_failure + self._delay()

    def record(self, ok: bool) -> None:
        if ok:
            self.failures, self.last_failure = 0, 0.0
        else:
            if self.store is not None:
                self.failures, _ = _load_failures(self.store)
            self.failures += 1
            self.last_failure = self.clock()
        if self.store is not None:
            self.store.set_setting(FAILURES, None if ok else f"{self.failures}:{self.last_failure!r}")


def _load_failures(store: Store) -> tuple[int, float]:
    raw = store.get_setting(FAILURES) or ""
    try:
        count, when = raw.split(":", 1)
        return max(0, int(count)), float(when)
    except ValueError:
        return 0, 0.0
