"""The practice chat a new nickname meets before its first real chat (game/data/tutorial.yaml).

About 30 seconds: flag a message, open the profile and flag a detail, leave.
It is skippable, never stored and never scored, and it is offered once per
nickname on a device. What is remembered is only that "this nickname has
seen it": a short hash of the nickname (or of "no nickname") in the results
store's settings, never the nickname itself and nothing about the person.
With saving turned off (``--no-save``) nothing is written and the front end
remembers it for as long as it runs.

The coach card's words (``STEPS``, ``SKIP_LABEL``, ``DONE_LABEL``...) and the
progress through the steps (``progress``) are here too, so the window and the
browser page say and tick off the same things.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .. import paths
from ..model import Scenario
from ..results.identity import nickname_key
from ..session import Session
from . import sessions
from .options import PlayOptions

TUTORIAL_FILE = paths.DATA_DIR / "tutorial.yaml"
SEEN_SETTING = "ui.tutorial_seen"
MAX_REMEMBERED = 500     # a school computer's worth of nicknames; the oldest are forgotten first

#: the coach card's three steps: (what to do, how), ticked off by ``progress``
STEPS = (
    ("Flag the message that feels off", "Click it, or Tab to it and press F."),
    ("Check the profile", "Open it and flag the detail that is off."),
    ("You can always leave", "Block, Report and Leave are always in the Safety menu. Leave (L) to finish."),
)
ALL_DONE = ("That's it!", "Press Start playing to pick your first real chat.")
COACH_WORD = "Practice"
SKIP_LABEL = "Skip practice (K)"
DONE_LABEL = "Start playing"
#: the browser's offer on the picker (the window opens the practice by itself)
OFFER = {
    "title": "New here? Try a 30-second practice chat",
    "body": "It shows how to flag a message, check a profile and leave a chat. Nothing is saved and there is no score.",
    "start": "Start practice",
    "no": "No thanks",
}


def progress(events: Iterable[dict[str, Any]]) -> tuple[bool, bool, bool]:
    """Which steps are done: a message flagged, a profile detail flagged, the chat ended."""
    flags: list[str] = []
    ended = False
    for e in events:
        if e.get("type") == "flag":
            flags.append(str(e.get("id", "")))
        elif e.get("type") == "end":
            ended = True
    return (any(not f.startswith("profile.") for f in flags), any(f.startswith("profile.") for f in flags), ended)


def coach_words() -> dict[str, Any]:
    """The coach card's words, JSON-ready (the browser page)."""
    return {"word": COACH_WORD, "steps": [{"title": t, "how": h} for t, h in STEPS],
            "all_done": {"title": ALL_DONE[0], "how": ALL_DONE[1]}, "skip": SKIP_LABEL, "done": DONE_LABEL}


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


def seen_in(store: Any, player: str | None) -> bool:
    """True when ``store`` remembers that this nickname (or "no nickname") has met the practice."""
    return _token(player) in _remembered(store)


def mark_in(store: Any, player: str | None) -> None:
    """Remember in ``store`` that this nickname has met (or skipped) the practice."""
    tokens = [t for t in _remembered(store) if t != _token(player)] + [_token(player)]
    store.set_setting(SEEN_SETTING, ",".join(tokens[-MAX_REMEMBERED:]))


def seen(options: PlayOptions, player: str | None) -> bool:
    """True when this nickname (or "no nickname") has met the practice chat on this device."""
    try:
        store = sessions.open_store(options, create=False)
    except sessions.STORE_ERRORS:
        return False
    if store is None:
        return False
    try:
        return seen_in(store, player)
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
        mark_in(store, player)
        return True
    except sessions.STORE_ERRORS:
        return False
    finally:
        store.close()
