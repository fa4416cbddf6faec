"""Nicknames in a class session: checked like the start screen's, generated when none is given.

The rule is the start screen's (game/ui/screens/start.py): letters, digits,
``_`` and ``-``, up to 20 characters, so a real name ("Anna Smith") cannot be
typed. A student who gives none gets a friendly generated one
(``CalmOtter``); a nickname already taken in the room gets a number
(``CalmOtter2``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable

NICKNAME_MAX = 20
NICKNAME_RULE = "a nickname uses letters, numbers, _ and - only, up to 20 (no real names)"
_ALLOWED = re.compile(r"[A-Za-z0-9_-]{1,20}")

ADJECTIVES = (
    "Brave", "Calm", "Clever", "Bright", "Swift", "Kind", "Lucky", "Quiet", "Sunny", "Bold",
    "Cosmic", "Gentle", "Happy", "Jolly", "Keen", "Mighty", "Nimble", "Witty", "Zesty", "Cool",
)
ANIMALS = (
    "Otter", "Falcon", "Panda", "Fox", "Koala", "Lynx", "Owl", "Tiger", "Whale", "Gecko",
    "Badger", "Heron", "Llama", "Moose", "Puffin", "Raven", "Seal", "Yak", "Zebra", "Dolphin",
)


def nickname_problem(text: str) -> str | None:
    """Why ``text`` is not a usable nickname, or None."""
    if not _ALLOWED.fullmatch(text):
        return NICKNAME_RULE
    return None


def generate(rng: secrets.SystemRandom | None = None) -> str:
    rng = rng or secrets.SystemRandom()
    return rng.choice(ADJECTIVES) + rng.choice(ANIMALS)


def unique(nick: str, taken: Iterable[str]) -> str:
    """``nick``, or ``nick`` with the smallest number from 2 that makes it unique (case-insensitive)."""
    used = {t.casefold() for t in taken}
    if nick.casefold() not in used:
        return nick
    for number in range(2, 100000):
        suffix = str(number)
        candidate = nick[:NICKNAME_MAX - len(suffix)] + suffix
        if candidate.casefold() not in used:
            return candidate
    raise ValueError("no free nickname")
