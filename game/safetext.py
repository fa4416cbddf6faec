"""Text from scenarios and players made safe to print on a terminal.

Scenario files come from other schools and stored results can be imported,
so any text may hold terminal control sequences: ANSI colours, "clear
screen", a new window title, or an OSC 52 sequence that writes the user's
clipboard. The loader refuses such characters (RF008), but every front end
that prints scenario or player text to a terminal passes it through
`neutralise` anyway, so text that did not come through the loader (an old
store, an imported bundle, a typed command) is shown, never obeyed.

A control character is shown as a visible escape such as ``\\x1b``; newline
and tab are kept (``keep``), everything else in Unicode's C0 and C1 ranges
(and DEL) is replaced.
"""

from __future__ import annotations

import re

# C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F): the characters a terminal may act on.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINE_TAB = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def is_control(ch: str) -> bool:
    """True for a C0 or C1 control character or DEL."""
    return bool(_CONTROL.fullmatch(ch))


def _escape(match: re.Match) -> str:
    return f"\\x{ord(match.group()):02x}"


def neutralise(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with every control character (except newline and tab) shown as ``\\xNN``.

    With ``keep_newlines=False`` newlines and tabs are escaped too, for output
    that must stay on one line (a table cell, a DOT label).
    """
    text = str(text)
    pattern = _CONTROL_BUT_NEWLINE_TAB if keep_newlines else _CONTROL
    return pattern.sub(_escape, text)


def first_control(text: str) -> int:
    """Index of the first control character other than newline and tab, or -1."""
    match = _CONTROL_BUT_NEWLINE_TAB.search(text)
    return match.start() if match else -1
