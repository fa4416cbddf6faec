"""The counsellor PIN: stored only as a salted scrypt hash.

``hash_pin`` returns ``scrypt$N$r$p$salt$hash`` (salt and hash in base64);
``verify_pin`` recomputes with the stored parameters and compares in constant
time. The PIN guards the counsellor view in the game window; it is a screen
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


class PinError(ValueError):
    """The PIN cannot be used (one-line message)."""


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
    candidate = _derive(pin or "", salt, n_, r_, p_, len(key))
    return hmac.compare_digest(candidate, key)


def is_set(store: Store) -> bool:
    return store.get_setting(SETTING) is not None


def set_pin(store: Store, pin: str) -> None:
    store.set_setting(SETTING, hash_pin(pin))


def clear_pin(store: Store) -> None:
    store.set_setting(SETTING, None)


def check_pin(store: Store, pin: str) -> bool:
    stored = store.get_setting(SETTING)
    return stored is not None and verify_pin(pin, stored)


class Throttle:
    """Slows down guessing: after 3 wrong PINs, each further try waits longer (up to 60 s)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    def wait_s(self) -> float:
        """Seconds until the next try is allowed (0 when allowed now)."""
        return max(0.0, self.locked_until - self.clock())

    def record(self, ok: bool) -> None:
        if ok:
            self.failures, self.locked_until = 0, 0.0
            return
        self.failures += 1
        if self.failures >= 3:
            self.locked_until = self.clock() + min(60.0, 5.0 * 2 ** (self.failures - 3))
