"""Opening a chat from a screen: the picker's "Start chat", the debrief's "Play again", a failed resume."""
from __future__ import annotations

from collections.abc import Callable

from game.play import sessions

from . import check_flow
from .app import App
from .dialogs import NoticeDialog


def launch_scenario(app: App, scenario_ref: str, *, under: Callable[[], None] | None = None,
                    offer_check: bool = True) -> str | None:
    """Start the chat for ``scenario_ref`` with the player's nickname and class code.

    ``under`` (optional) prepares the stack below the chat first (for "Play
    again" from the debrief). Shows a small message if the chat cannot open,
    and returns that reason (None when the chat opened). When a discernment
    check is due (game.ui.check_flow) it is offered first; the chat follows.
    """
    due = check_flow.due_check(app) if offer_check else None
    if due is not None:
        phase, form, chats = due
        app.open("check_offer", phase=phase, form=form, chats=chats,
                 then=lambda: launch_scenario(app, scenario_ref, under=under, offer_check=False))
        return None
    if under is not None:
        under()
    try:
        session = sessions.start(scenario_ref, app.play_options())
    except sessions.PlayError as exc:
        app.push(NoticeDialog(app, "This chat could not be opened",
                              "Something is wrong with this scenario file. Try another chat, or tell your teacher."))
        return str(exc)
    app.open("chat", session=session)
    return None
