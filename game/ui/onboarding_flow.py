"""When the window offers the practice chat (screens/tutorial.py): once per nickname on a device.

What is remembered lives in game.play.onboarding (the results store); with
saving off it is remembered here for as long as the game runs.
"""
from __future__ import annotations

import weakref

from game.play import onboarding
from game.results.identity import nickname_key

from .app import App

_shown_this_run: weakref.WeakKeyDictionary[App, set[str]] = weakref.WeakKeyDictionary()


def _key(app: App) -> str:
    return nickname_key(getattr(app, "player", None)) or ""


def _shown(app: App) -> set[str]:
    return _shown_this_run.setdefault(app, set())


def tutorial_due(app: App) -> bool:
    """Whether the nickname in use should meet the practice chat before the picker."""
    if _key(app) in _shown(app) or "tutorial" not in app.routes:
        return False
    return not onboarding.seen(app.play_options(), getattr(app, "player", None))


def remember(app: App) -> None:
    """The nickname in use has met (or skipped) the practice: never offer it again."""
    _shown(app).add(_key(app))
    onboarding.mark_seen(app.play_options(), getattr(app, "player", None))
