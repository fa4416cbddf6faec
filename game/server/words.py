"""What a class session says, in one place for every screen (teacher page,
projector page, projector window, students' devices): the server hands these
words out in its room states, and front ends only render them.
"""

from __future__ import annotations

GROUND_RULES_TITLE = "Before we start"
GROUND_RULES = (
    "This is a story. The person in the chat is made up, and so is everything they say.",
    ("Nobody has to share anything personal, today or ever. Your flags and votes are private: "
     "the big screen only ever shows counts, never names."),
    "Some people online are exactly who they say they are. The skill is telling the difference.",
    ("If anything in this lesson worries you, talk to your teacher, the school counsellor or another "
     "adult you trust after the lesson. It is never your fault."),
)

NEVER_YOUR_FAULT = "It is never your fault. The person who manipulates or threatens you is the one doing wrong."

PHASE_WORDS = {
    "waiting": "Waiting for the teacher to start the chat.",
    "intro": "The chat is about to start.",
    "chat": "Read the messages. Flag anything that feels off.",
    "vote": "Vote: what should we reply?",
    "discussion": "The chat is paused. Let's talk.",
    "ended": "The chat is over.",
    "reveal": "The chat is over. Here is what was really going on.",
}

END_ACTION_TEXT = {
    "block": "Block",
    "report": "Report and block",
    "leave": "Leave the chat",
}

REMOVED = "You were removed from this class session. Ask your teacher if this was a mistake."
ROOM_CLOSED = "This class session has closed. Ask your teacher for a new join code."
ROOM_LOCKED = "This class session is locked: no one new can join. Ask your teacher."
WRONG_CODE = "There is no class session with that join code. Check the code on the big screen."
