"""Try again from here: a practice run that starts at one decision of a finished chat.

``practice_from(scenario, events, decision)`` rebuilds the chat as it stood
just before the player's ``decision``-th reply (0 = the first), from the
event log alone (the engine's save and restore; ``sessions.rebuild``), so the
player can pick another reply and see where it leads.

A practice run is never stored: it has no results recorder, so it neither
replaces nor adds to the first result, and a class's or counsellor's figures
count every chat once, as it was first played. Its debrief says so
(``PRACTICE_NOTE``). The session carries ``practice = decision``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import sessions

PRACTICE_LINE = "Practice run: the chat as it was before your reply. Pick another one and see where it goes."
PRACTICE_NOTE = ("This was a practice run from one of your replies. It is not saved: your first result "
                 "stays as it was.")
PRACTICE_BADGE = "Practice — not saved"
BACK_TO_DEBRIEF = "Back to your debrief"
PRACTICE_GONE = ("This practice run is no longer on the server (it was left too long, or the server restarted). "
                 "Your first result is safe.")


def practice_words() -> dict[str, str]:
    """What a front end shows around a practice run: the badge, the first line, the debrief's note, the way back."""
    return {"badge": PRACTICE_BADGE, "line": PRACTICE_LINE, "note": PRACTICE_NOTE, "back": BACK_TO_DEBRIEF,
            "gone": PRACTICE_GONE}


def decision_points(events: Sequence[dict[str, Any]]) -> list[int]:
    """Index in ``events`` of every reply (``choice`` event), in order."""
    return [i for i, e in enumerate(events) if e.get("type") == "choice"]


def practice_from(scenario: Any, events: Sequence[dict[str, Any]], decision: int) -> Any:
    """A live, unsaved session at the moment before the ``decision``-th reply (PlayError if it cannot be)."""
    points = decision_points(events)
    if not 0 <= decision < len(points):
        raise sessions.PlayError(f"there is no reply {decision + 1} to try again from")
    session = sessions.rebuild(scenario, list(events[:points[decision]]))
    session.practice = decision
    return session
