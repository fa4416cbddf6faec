"""What every front end tells the player when a chat's result cannot be saved.

The results recorder keeps events it could not write in memory and retries
(``game.results.recorder``); this module turns its ``SaveStatus`` into the
words the window, the terminal, the browser and the class server show, so
the player reads the same thing everywhere:

* ``SaveNotice().update(status)`` returns a sentence to show **once** when
  saving starts failing, and once more when it works again; None otherwise;
* ``status_words(status)``: the short save status (``Saved``, ``Saving…``,
  ``Not saved yet: trying again``);
* ``as_dict(status)``: the same for a JSON response;
* ``not_saved_line(status)``: the terminal's last line when the chat ended
  unsaved.

The reason is the recorder's ``error`` (one line, already in plain words
such as "the disk is full").
"""

from __future__ import annotations

from typing import Any

FAILING = ("This chat's result could not be saved yet ({reason}). Your chat goes on: "
           "the game keeps the result and keeps trying.")
RECOVERED = "This chat's result is saved now."
DAMAGED = ("The results file on this computer was damaged, so the game started a fresh one. "
           "The old file is kept, and a teacher can add back what could still be read.")
NOT_SAVED = "This chat's result could not be saved ({reason}); once that is fixed, play it again to keep a result."


def _reason(status: Any) -> str:
    return str(getattr(status, "error", None) or "the results store cannot be written")


def state_of(status: Any) -> str:
    """``saved``, ``saving`` or ``retrying`` (None, no recorder: ``saved``, nothing to say)."""
    return "saved" if status is None else str(status.state)


class SaveNotice:
    """Turns a stream of save statuses into at most one failure sentence and one recovery sentence."""

    def __init__(self) -> None:
        self.failed = False        # told the player that saving fails
        self.recovered = False     # and then that it works again

    def update(self, status: Any) -> str | None:
        state = state_of(status)
        if state == "retrying" and not self.failed:
            self.failed = True
            return FAILING.format(reason=_reason(status))
        if state == "saved" and self.failed and not self.recovered:
            self.recovered = True
            return RECOVERED
        return None


def status_words(status: Any) -> str:
    state = state_of(status)
    if state == "retrying":
        return "Not saved yet: trying again"
    if state == "saving":
        return "Saving…"
    return "Saved"


def not_saved_line(status: Any) -> str:
    return NOT_SAVED.format(reason=_reason(status))


def as_dict(status: Any) -> dict[str, Any]:
    """``{"saved": bool, "state": ..., "problem": str|None}`` for a JSON response."""
    state = state_of(status)
    return {"saved": state == "saved", "state": state,
            "problem": FAILING.format(reason=_reason(status)) if state == "retrying" else None}
