"""When the window offers the discernment check, and storing a check taken in the window.

The window offers a check that is due (game.checks.schedule.due): before
the player's first chat (when they start it); after the teacher's number of
chats, when they leave the debrief of that chat (``offer_after_debrief``;
or, if they close the game first, when they start their next chat); and a
week or more after the post check, the same two ways. "Not now" holds for
that nickname for the rest of this run of the game (at a shared computer
the next student is still asked). Never required, and never in the way:
without a nickname (a check could not be paired with a later one), a
results store, or with --no-save, nothing is offered.
"""
from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import Any

from game.checks import storage, words
from game.checks.library import FormError, load_forms
from game.checks.schedule import default_form, due
from game.checks.session import CheckSession
from game.results.identity import nickname_key

from .app import App

# per app, the nicknames whose player said "Not now": no more offers to them for the rest of this run
# of the game (at a shared computer the next student, with their own nickname, is still asked)
_declined: weakref.WeakKeyDictionary[App, set[str]] = weakref.WeakKeyDictionary()


def _who(app: App) -> str:
    return nickname_key(app.player) or ""


def _store(app: App) -> Any:
    from game.play import sessions

    try:
        return sessions.open_store(app.play_options())
    except Exception:  # noqa: BLE001 - no store: the check still works, it is only not kept
        return None


def decline(app: App) -> None:
    _declined.setdefault(app, set()).add(_who(app))


def due_check(app: App) -> tuple[str, str, int] | None:
    """(phase, form, chats finished) of a check to offer now, or None (nothing due, declined, no store)."""
    if _who(app) in _declined.get(app, set()) or not app.play_options().save or not app.player:
        return None     # without a nickname a check cannot be paired with a later one
    store = _store(app)
    if store is None:
        return None
    try:
        with store:
            history = storage.history(store, player=app.player, class_code=app.class_code)
            phase = due(history, time.time(), storage.post_after(store))
        forms = load_forms()
    except (FormError, Exception):  # noqa: BLE001 - never let the check stop a chat from starting
        return None
    return (phase, default_form(history, tuple(sorted(forms))), history.chats_finished) if phase else None


def offer_after_debrief(app: App, then: Callable[[], object]) -> None:
    """Leaving a debrief: offer the after-playing or follow-up check if it is due now, then ``then``."""
    due = due_check(app)
    if due is None or due[0] == "pre":     # the check before playing belongs before a chat, not after one
        then()
        return
    phase, form, chats = due
    app.open("check_offer", phase=phase, form=form, chats=chats, then=then)


def store_check(app: App, session: CheckSession) -> str:
    """Store the finished (or stopped) check; returns the player's own change in words ("" if none)."""
    record = session.record()
    store = _store(app) if app.play_options().save else None
    if store is None:
        return ""
    now = time.time()
    try:
        with store:
            before = storage.earlier_check(storage.rows(store, player=app.player, class_code=app.class_code,
                                                school=store.school), now) if app.player else None
            storage.save(store, record, form_sha256=session.form.sha256, player=app.player,
                         class_code=app.class_code, taken_at=now)
    except Exception:  # noqa: BLE001 - a full disk must not lose the player's place in the game
        return ""
    return words.improvement(before, record) if session.phase != "pre" else ""
