"""Standard input and output that may be closed, empty, full or gone.

A school machine starts the game from a shortcut with no terminal, a script
pipes it into a file on a full disk, a task scheduler runs it with standard
input closed. None of these may end in a traceback: each is one line on
standard error and a documented exit status (docs/safety.md).
"""

from __future__ import annotations

import sys
from typing import IO

#: Scripts (``--script``) are read up to this size, like scenario files.
MAX_SCRIPT_BYTES = 1024 * 1024


class NoAnswer(Exception):
    """A question was asked but standard input is closed or at its end."""


def stream_closed(stream: IO | None) -> bool:
    """True when a standard stream was closed before the program started (Python then sets it to None)."""
    return stream is None or getattr(stream, "closed", False)


def read_line(prompt: str = "") -> str:
    """``input(prompt)``, with a closed or broken standard input read as its end (EOFError)."""
    if stream_closed(sys.stdin):
        raise EOFError
    try:
        return input(prompt)
    except (OSError, RuntimeError, UnicodeDecodeError):
        raise EOFError from None


def ask(question: str) -> str:
    """Ask on standard error and return the answer; raises NoAnswer when nobody can answer."""
    print(question, end=" ", file=sys.stderr, flush=True)
    if stream_closed(sys.stdin):
        print(file=sys.stderr)
        raise NoAnswer
    try:
        answer = sys.stdin.readline()
    except (OSError, UnicodeDecodeError, ValueError):
        answer = ""
    if not answer:   # end of input: not even an empty line
        print(file=sys.stderr)
        raise NoAnswer
    return answer


def read_limited_text(stream: IO, name: str, limit: int = MAX_SCRIPT_BYTES) -> str:
    """At most ``limit`` bytes (or characters, from a text stream) of UTF-8 text; a byte-order mark
    is dropped. ValueError with a one-line message if longer or not UTF-8."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"'{name}' is over the {limit:,}-byte limit for scripts")
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"'{name}' is not UTF-8 text") from None
