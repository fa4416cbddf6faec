"""The practice chat a new nickname meets before its first real chat (game/data/tutorial.yaml).

About 30 seconds: flag a message, open the profile and flag a detail, leave.
It is skippable, never stored and never scored, and it is offered once per
nickname on a device. What is remembered is only that "this nickname has
seen it": a short hash of the nickname (or of "no nickname") in the results
store's settings, never the nickname itself and nothing about the person.
With saving turned off (``--no-save``) nothing is written and the front end
remembers it for as long as it runs.
"""
from __future__ import annotations

import hashlib

from .. import paths
from ..model import Scenario
from ..results.identity import nickname_key
from ..session import Session
from . import sessions
from .options import PlayOptions

TUTORIAL_FILE = paths.DATA_DIR / "tutorial.yaml"
SEEN_SETTING = "ui.tutorial_seen"
MAX_REMEMBERED = 500     # a school computer's worth of nicknames; the oldest are forgotten first


def tutorial() -> Scenario:
    """The practice chat (raises sessions.PlayError if the file cannot be loaded)."""
    return sessions.load(TUTORIAL_FILE)


def new_session(seed: int | None = None) -> Session:
    """A practice session (not started yet: the front end starts it) that is never stored."""
    return sessions.new_session(tutorial(), PlayOptions(seed=seed, save=False))


def _token(player: str | None) -> str:
    key = nickname_key(player) or ""
    return hashlib.sha256(("red-flags tutorial:" + key).encode("utf-8")).hexdigest()[:16]


def _remembered(store) -> list[str]:
    raw = store.get_setting(SEEN_SETTING) or ""
    return [t for t in raw.split(",") if t]


def seen(options: PlayOptions, player: str | None) -> bool:
    """True when this nickname (or "no nickname") has met the practice chat on this device."""
    try:
        store = sessions.open_store(options, create=False)
    except sessions.STORE_ERRORS:
        return False
    if store is None:
        return False
    try:
        return _token(player) in _remembered(store)
    except sessions.STORE_ERRORS:
        return False
    finally:
        store.close()


def mark_seen(options: PlayOptions, player: str | None) -> bool:
    """Remember that this nickname has met (or skipped) the practice; False if it could not be stored."""
    if not options.save:
        return False
    try:
        store = sessions.open_store(options, create=True)
    except sessions.STORE_ERRORS:
        return False
    try:
        tokens = [t for t in _remembered(store) if t != _token(player)] + [_token(player)]
        store.set_setting(SEEN_SETTING, ",".join(tokens[-MAX_REMEMBERED:]))
        return True
    except sessions.STORE_ERRORS:
        return False
    finally:
        store.close()
