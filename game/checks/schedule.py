"""When a check is offered, and which form and phase a player gets by default (prepost.md).

- Form: the one this player has not taken yet. A new player gets A or B
  alternately (whichever fewer players of the class started with), so half a
  class starts with each. A player who has taken both gets the one taken
  longest ago (pre A, post B, follow-up A).
- Phase: `pre` before the player's first chat, `post` after; `followup` once
  a week or more has passed since their post check.
- Offered (never required): the pre check before the first chat; the post
  check once the player has finished the teacher's number of chats (default
  5) and has no post check yet; the follow-up a week or more after the post.

Pure functions over a player's history, so every front end and the class
server decide alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

POST_AFTER_DEFAULT = 5
FOLLOWUP_AFTER_S = 7 * 24 * 3600
SETTING_POST_AFTER = "check_post_after"


@dataclass(frozen=True)
class TakenCheck:
    form: str
    phase: str
    taken_at: float
    complete: bool = True


@dataclass(frozen=True)
class History:
    """What the store knows about one player (and their class) when a check is due."""

    chats_finished: int = 0
    checks: tuple[TakenCheck, ...] = ()
    class_first_forms: dict[str, int] = field(default_factory=dict)   # form -> players of the class starting with it

    def taken(self, phase: str) -> list[TakenCheck]:
        return [c for c in self.checks if c.phase == phase]


def default_form(history: History, forms: tuple[str, ...] = ("A", "B")) -> str:
    if not history.checks:
        counts = history.class_first_forms
        return min(forms, key=lambda f: (counts.get(f, 0), forms.index(f)))
    last_taken = {c.form: c.taken_at for c in sorted(history.checks, key=lambda c: c.taken_at)}
    untaken = [f for f in forms if f not in last_taken]
    if untaken:
        return untaken[0]
    return min(forms, key=lambda f: last_taken[f])


def default_phase(history: History, now: float) -> str:
    if history.chats_finished == 0:
        return "pre"
    posts = history.taken("post")
    if posts and now - max(c.taken_at for c in posts) >= FOLLOWUP_AFTER_S:
        return "followup"
    return "post"


def due(history: History, now: float, post_after: int = POST_AFTER_DEFAULT) -> str | None:
    """The phase to offer now, or None: nothing is due."""
    if history.chats_finished == 0:
        return None if history.taken("pre") else "pre"
    posts = history.taken("post")
    if not posts:
        return "post" if history.chats_finished >= post_after else None
    if history.taken("followup"):
        return None
    return "followup" if now - max(c.taken_at for c in posts) >= FOLLOWUP_AFTER_S else None
