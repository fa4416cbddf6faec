"""What a class session says, in one place for every screen (teacher page,
projector page, projector window, students' devices): the server hands these
words out in its room states, and front ends only render them.
"""

from __future__ import annotations

from ..play.chat_view import END_ACTION_LABELS

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

END_ACTION_TEXT = END_ACTION_LABELS     # kept in game/play/chat_view.py: the reports name them too

REMOVED = "You were removed from this class session. Ask your teacher if this was a mistake."
ROOM_CLOSED = "This class session has closed. Ask your teacher for a new join code."
ROOM_LOCKED = "This class session is locked: no one new can join. Ask your teacher."
WRONG_CODE = "There is no class session with that join code. Check the code on the big screen."

# The projector's own words (the browser projector and the projector window draw the same ones;
# both get them in the teacher state as ``screen``). ``{name}`` marks a value filled in.
PROJECTOR = {
    "title": "Red Flags",
    "join_open": "Open this address on your phone, tablet or computer:",
    "join_type": "and type the code",
    "join_line": "Join at {address}  with code  {code}",
    "joined": "{n} joined",
    "flags": "{n} flags so far",
    "vote_title": "Vote on your device",
    "voted": "{voted} of {joined} voted",
    "tally_offer": "No devices? Type a show of hands",
    "tally_play": "Play the show of hands",
    "voted_title": "The class voted",
    "discussion_title": "Let's talk",
    "ended_title": "The chat is over",
    "ended_debrief": "Everyone now sees their own debrief on their device.",
    "ended_next": "Next: the reveal.",
    "reveal_safe": "This person was safe",
    "reveal_title": "What was really going on",
    "reveal_reading": "Reading: {reading}",
    "red_flag": "⚑ red flag",
    "normal": "normal",
    "profile": "Profile",
    "includes": "This chat includes: {notes}.",
    "the_class": "The class",
    "notice": "Notice",
    "qr_alt": "QR code of the join address",
}

# Keys of the projector window (the browser projector uses the same letters).
PROJECTOR_KEYS = (
    ("→/Space", "next"), ("A", "all waiting"), ("V", "vote"), ("C", "close vote"), ("T", "show of hands"),
    ("D", "discuss"), ("W", "let time pass"), ("U", "auto-advance"), ("E", "end"), ("R", "reveal"),
    ("F11", "full screen"),
)
PROJECTOR_TALLY_HELP = ("Type the hands for each reply (↑ ↓ to move). Enter plays the show of hands, "
                        "P the highlighted reply (a tie), Esc goes back.")
PROJECTOR_NO_QUESTIONS = "This chat has no discussion questions."
