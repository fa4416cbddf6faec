"""Long texts cut for display, with a "show more" for the rest.

Chat messages should be short (the validator warns over 500 characters,
RF208), but a scenario from elsewhere may hold a message of a million
characters. Laying that out in the window took gigabytes. Front ends show at
most ``SHOWN_CHARS`` characters of a message at first, cut at a word where
one is near, and offer "show more"; each further step shows at most
``STEP_CHARS`` more, and nothing ever lays out more than ``MAX_SHOWN_CHARS``.
The cut is a pure function, so every front end cuts in the same place.
"""

from __future__ import annotations

from dataclasses import dataclass

SHOWN_CHARS = 500          # the validator's warning length (game.validator.MAX_MESSAGE_CHARS)
STEP_CHARS = 2000          # how much more each "show more" reveals
MAX_SHOWN_CHARS = 20_000   # an upper bound on what is ever laid out for one message
ELLIPSIS = "…"


@dataclass(frozen=True)
class Cut:
    """What to draw of a text: ``shown`` (ends with an ellipsis when cut) and how much is hidden."""

    shown: str
    hidden: int            # characters not shown (0: the whole text is shown)
    can_show_more: bool    # a "show more" would reveal more (False once MAX_SHOWN_CHARS is reached)

    @property
    def is_cut(self) -> bool:
        return self.hidden > 0


def _cut_at_word(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after a space in the last fifth, else at limit."""
    space = text.rfind(" ", limit - limit // 5, limit + 1)
    return space if space > 0 else limit


def cut(text: str, steps: int = 0) -> Cut:
    """The part of ``text`` to show after ``steps`` presses of "show more" (0 = first view)."""
    limit = min(SHOWN_CHARS + max(0, steps) * STEP_CHARS, MAX_SHOWN_CHARS)
    if len(text) <= limit:
        return Cut(text, 0, False)
    end = _cut_at_word(text, limit)
    shown = text[:end].rstrip() + ELLIPSIS
    return Cut(shown, len(text) - end, limit < MAX_SHOWN_CHARS)


def more_label(c: Cut) -> str:
    """The words of the "show more" control for a cut text."""
    if c.can_show_more:
        return f"Show more ({c.hidden:,} more characters)"
    return f"{c.hidden:,} more characters not shown"


def bounded(text: str) -> str:
    """At most ``MAX_SHOWN_CHARS`` of ``text`` and, when cut, a last line saying how much is not shown.

    For a front end without a "show more" control yet (the window's chat bubble):
    every message a person would write is shown whole; a huge one cannot take
    gigabytes to lay out.
    """
    c = cut(text, steps=-(-(MAX_SHOWN_CHARS - SHOWN_CHARS) // STEP_CHARS))
    return c.shown + "\n(" + more_label(c) + ")" if c.is_cut else text
