"""What a player can say when they report someone: the report form's reasons.

A report in every front end opens the same form ("What happened?"); the
chosen reason is recorded in the session's ``end`` event as ``reason`` (an
id below) and shown in the debrief, the transcripts and the reports. The
labels live here, in the core, because the transcript and the reports show
them too; the rest of the form's words are in ``game.play.exits``.
Scoring never reads the reason.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    id: str
    label: str      # what the form's option says
    hint: str       # one line under it: what counts


REASONS: tuple[Reason, ...] = (
    Reason("pictures", "Asking for pictures", "Photos or videos of you, or sending ones you didn't ask for."),
    Reason("pretending", "Pretending to be someone they are not",
           "A fake age or name, or a profile that doesn't add up."),
    Reason("threats", "Threats or blackmail", "Scaring you, or saying they will share something about you."),
    Reason("secrets", "Asking to keep secrets", "Telling you not to tell anyone about the chat."),
    Reason("meeting", "Asking to meet up", "Wanting to meet you in person, or to pick you up."),
    Reason("private_app", "Moving you to a private app", "Pushing the chat somewhere with fewer safety tools."),
    Reason("gifts", "Offering gifts or money", "Skins, gift cards or money, for something in return."),
    Reason("other", "Something else", "Anything that made you feel uncomfortable."),
)

BY_ID = {r.id: r for r in REASONS}


def label(reason_id: str | None) -> str:
    """The label of a recorded reason ('' for none; an unknown id is shown as it is)."""
    if not reason_id:
        return ""
    reason = BY_ID.get(reason_id)
    return reason.label if reason else str(reason_id)
