"""The check's command language (prepost.md, "Taking it").

One line per item, in order: `red N` or `safe N` (N = 1..4, how sure: 1
guessing, 4 certain) or `skip`. As in the chat's command language, blank
lines and lines starting with `#` are ignored, and `quit` stops the check
(it is then stored as incomplete). The terminal reads the same language from
the keyboard, where `r3`, `s 2` and `red3` are also understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .scoring import RED, SAFE

_ANSWER = re.compile(r"(red|r|safe|s)\s*([0-9]+)\Z")


class ScriptError(ValueError):
    """A line that is not a check command; the message is one line for the player."""


@dataclass(frozen=True)
class CheckCommand:
    verb: str                   # "red" | "safe" | "skip" | "quit"
    confidence: int | None = None


def parse(line: str) -> CheckCommand | None:
    """One line -> a command, or None for a blank line or a comment."""
    text = " ".join(line.strip().lower().split())
    if not text or text.startswith("#"):
        return None
    if text in ("skip", "quit"):
        return CheckCommand(text)
    match = _ANSWER.match(text)
    if not match:
        raise ScriptError(f"unknown command '{line.strip()}' (use: red N, safe N with N = 1-4, or skip)")
    confidence = int(match.group(2))
    if not 1 <= confidence <= 4:
        raise ScriptError(f"how sure must be 1 to 4, not {confidence}")
    return CheckCommand(RED if match.group(1).startswith("r") else SAFE, confidence)
