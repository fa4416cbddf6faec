"""The words of the dialogs around a chat's exits, for every front end.

- the report form: "What happened?" with the reasons of ``game.report_reasons``
  (the chosen one is recorded with the report);
- the block explanation: what blocking does and does not do;
- the pause dialog;
- the Safety menu that holds Block, Report and Leave (one key each in the chat).

The window draws these in its dialogs, the browser gets them with the chat
view (``report_form()``, ``block_words()``, ``pause_words()``, ``safety_menu()`` are JSON-ready).
"""

from __future__ import annotations

from typing import Any

from game.report_reasons import REASONS


def report_form(stranger: str) -> dict[str, Any]:
    """The report form: title, what it is for, the reasons, the buttons."""
    return {
        "title": f"Report {stranger}",
        "question": "What happened?",
        "intro": ("Pick what fits best. The app's safety team gets this chat with your report; "
                  f"{stranger} is not told who reported them."),
        "reasons": [{"id": r.id, "label": r.label, "hint": r.hint} for r in REASONS],
        "after": "Reporting also blocks them, and ends this chat.",
        "send": "Send report",
        "choose_first": "Choose what happened first.",
        "cancel": "Cancel",
    }


def block_words(stranger: str) -> dict[str, Any]:
    """What blocking does and does not do, before the player confirms it."""
    return {
        "title": f"Block {stranger}?",
        "does": [f"{stranger} can't message you any more, and this chat ends."],
        "does_not": ["It doesn't delete what they already have: messages, pictures or anything you shared.",
                     "It doesn't tell an adult, or the app's safety team."],
        "still": "You can still report them and tell an adult you trust. Blocking is never rude.",
        "does_title": "Blocking does",
        "does_not_title": "Blocking doesn't",
        "confirm": "Block",
        "report_instead": "Report instead",
        "cancel": "Cancel",
    }


def pause_words() -> dict[str, str]:
    """The pause dialog."""
    return {
        "title": "Paused",
        "body": "The chat is on hold. Nothing happens until you come back.",
        "resume": "Resume",
        "help": "I need to talk to someone",
        "settings": "Settings",
        "quick_exit": "Quick exit  (Q)",
    }


#: the Safety menu's actions in the order it shows them: (action, label, key in the chat)
SAFETY_ITEMS = (("block", "Block {name}", "B"), ("report", "Report {name}", "R"), ("leave", "Leave the chat", "L"))
SAFETY_KEYS_LINE = "Keys in the chat: B block · R report · L leave"


def safety_menu(stranger: str) -> dict[str, Any]:
    """The header's Safety button and its menu: Block / Report / Leave / Cancel, with their keys."""
    return {
        "button": "Safety",
        "button_label": f"Safety: block, report or leave {stranger}",
        "items": [{"action": how, "label": label.format(name=stranger), "key": key}
                  for how, label, key in SAFETY_ITEMS],
        "cancel": "Cancel",
        "keys_line": SAFETY_KEYS_LINE,
    }
