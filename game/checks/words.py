"""Everything the check says to a player, for every front end (no front end words its own).

A player sees no score: only "thanks" after each check and, after a later
check, their own change in plain words, from raw counts (scoring.md, "Honest
numbers": never a corrected rate as a percentage).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .change import sdt

TITLE = "Quick check: red flag or safe?"
INTRO = {
    "pre": "Before you play: 16 short chats. For each one, say if it is a red flag or safe, and how sure you are.",
    "post": "You've played some chats. Here are 16 new short chats: red flag or safe, and how sure are you?",
    "followup": "It's been a while. Here are 16 short chats again: red flag or safe, and how sure are you?",
}
NOT_A_TEST = "This is not a test and there is no score. Skip any chat you like, or stop at any time."
QUESTION = "Red flag or safe?"
HOW_SURE = "How sure are you?"
CONFIDENCE = {1: "guessing", 2: "not very sure", 3: "fairly sure", 4: "certain"}
RED_LABEL, SAFE_LABEL, SKIP_LABEL = "Red flag", "Safe", "Skip"
OFFER = {
    "pre": ("Before your first chat: a 3-minute check of 16 short chats. "
            "It helps your school see what the game teaches."),
    "post": "You've played {chats} chats. Try the 3-minute check again? It shows what changed.",
    "followup": "It's been a week or more since your last check. One more 3-minute check?",
}
TAKE_IT, NOT_NOW = "Take the check", "Not now"
THANKS = "Thanks! That's the check done."
THANKS_PARTLY = "Thanks! You stopped early; what you answered is kept."
PLATFORMS = {"game_chat": "game chat", "social_media": "direct messages", "dating_app": "match chat"}
SPEAKERS = {"stranger": "them", "you": "you"}
TERMINAL_HELP = "Type red 1-4 or safe 1-4 (1 = guessing, 4 = certain), skip, or quit."

# how far d' or c must move before the words say that something changed for one player
CHANGE_STEP = 0.5


def _counts(record: Mapping[str, Any]) -> str:
    return (f"spotted {record['hits']} of {record['signal_items']} warning signs and called "
            f"{record['false_alarms']} of {record['noise_items']} normal chats a red flag")


def improvement(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> str:
    """The player's own change from an earlier check to this one, in words; "" when there is nothing to compare."""
    if not before or not before.get("signal_items") or not before.get("noise_items") \
            or not after.get("signal_items") or not after.get("noise_items"):
        return ""
    (d0, c0), (d1, c1) = sdt(before), sdt(after)
    lines = f"Last time you {_counts(before)}. This time you {_counts(after)}."
    if d1 - d0 >= CHANGE_STEP:
        verdict = "You got better at telling warning signs from normal chat. Nice work."
    elif c1 - c0 <= -CHANGE_STEP:
        verdict = ("You flagged more this time, normal chats too. Being careful is good; "
                   "the skill is telling which is which.")
    elif c1 - c0 >= CHANGE_STEP:
        verdict = "You flagged less this time. Trust your gut when something feels off."
    elif d1 - d0 <= -CHANGE_STEP:
        verdict = "These chats were harder for you. The chats' debriefs show what to look for."
    else:
        verdict = "About the same as last time."
    return f"{lines} {verdict}"

# -- the check in a class session (game/server/roomcheck.py): the student's device and the projector
STOP_LABEL = "Stop the check"
STOP_CONFIRM = "Stop the check? What you answered so far is kept, and that's fine."
ITEM_OF = "Chat {number} of {total}"
CHANGE_ANSWER = "Back"
WAITING = "Waiting for the teacher to start."
CLASS_ENDED = "The teacher has ended the check. Thanks for taking part!"
CLASS_LEFT = "No problem: you stopped the check. What you answered is kept."
CLASS_DONE_BEFORE = "You have already taken this check. Thanks!"
PROJECTOR_TITLE = "Quick check on your device"
PROJECTOR_HELP = ("Red flag or safe? 16 short chats, each on your own device. Nobody sees your answers, "
                  "and you can skip any chat.")
PROJECTOR_PROGRESS = "{finished} of {joined} finished"
CONTINUE = "Continue"
STOPPED_EMPTY = "No problem: you can take the check another time."
PHASE_NAMES = {"pre": "before playing", "post": "after playing", "followup": "follow-up, a week or more later"}


def student_words(phase: str) -> dict[str, Any]:
    """What a student's device shows during a class check, handed out by the server (never worded in JS)."""
    return {
        "title": TITLE, "intro": INTRO[phase], "not_a_test": NOT_A_TEST, "question": QUESTION,
        "how_sure": HOW_SURE, "confidence": {str(n): text for n, text in CONFIDENCE.items()},
        "red": RED_LABEL, "safe": SAFE_LABEL, "skip": SKIP_LABEL, "stop": STOP_LABEL,
        "stop_confirm": STOP_CONFIRM, "back": CHANGE_ANSWER, "continue": CONTINUE,
        "stopped_empty": STOPPED_EMPTY, "platforms": dict(PLATFORMS),
        "speakers": dict(SPEAKERS),
    }
