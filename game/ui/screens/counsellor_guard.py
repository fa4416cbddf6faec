"""The counsellor view when the results cannot be read any more: one line, never a crash, nothing lost.

``cannot_read(app, store, exc)`` is called by the view's pages when a query
fails while they are open (``PageScreen.handle_event`` and ``on_resume``).
A damaged SQLite file (a page of garbage, cut short) is dealt with at once,
the way opening deals with it (``game.results.salvage``): kept aside, what it
still holds exported to a bundle beside it, a fresh file started with the PIN
and retention carried over; the view returns to the start screen and a
dialog gives the one line. Anything else (a locked file, a database server
away) shows one line and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.play import sessions

from ..app import App
from ..dialogs import NoticeDialog

DAMAGED = ("The results file on this device was found damaged while you were reading it. Nothing was lost: "
           "{line}.")
UNREADABLE_NOW = ("The results cannot be read just now ({problem}). Nothing was changed; try again, or run "
                  "`python main.py report` at a terminal to see the problem.")


def cannot_read(app: App, store: Any, exc: BaseException) -> None:
    """A query of the counsellor view failed: say so in one line, never crash, lose nothing.

    A damaged SQLite file is dealt with at once, as at opening (``salvage``): kept aside, what it
    still holds exported to a bundle beside it, a fresh file started with the PIN kept; the view
    is left. Anything else (a locked file, a server away) leaves everything as it was."""
    from game.results import db, salvage

    path = getattr(store, "path", None)
    if path is not None and salvage.is_damage(exc):
        try:
            store.close()
            done = db.recover_damaged(Path(path), exc)
        except sessions.STORE_ERRORS as again:
            done, exc = None, again
        else:
            app.show_start()
            line = done.line() if done is not None else "another program has already set the file aside"
            app.push(NoticeDialog(app, "The results file was damaged", DAMAGED.format(line=line)))
            return
    first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    app.push(NoticeDialog(app, "The results cannot be shown", UNREADABLE_NOW.format(
        problem=(first[0] if first else type(exc).__name__)[:120])))
