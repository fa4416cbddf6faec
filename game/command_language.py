"""The command language of cli.md: one command per line, shared by every front end.

    N                choose the N-th choice shown
    flag ID          flag a message or profile item (id or the number [n])
    unflag ID        remove a flag
    profile          show the stranger's profile
    block | report | leave    end the conversation with that platform action
    report REASON    report, saying what happened (an id of game.report_reasons: pictures, threats, ...)
    wait             let time pass (the next idle nudge, if any)
    quit             stop; stored as incomplete
    help             list these commands (the terminal's own addition)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SIMPLE = ("profile", "block", "report", "leave", "wait", "quit", "help")
WITH_ID = ("flag", "unflag")
HELP = ("Type a number to reply, 'flag N' to flag message [N] (or a profile item id), 'unflag N', "
        "'profile', 'wait', or end the chat with 'block', 'report' (or 'report REASON') or 'leave'. 'quit' stops.")


class ParseError(ValueError):
    """A line that is not a command."""


@dataclass(frozen=True)
class Command:
    name: str                  # "choose", "flag", "unflag", or one of SIMPLE
    arg: str | None = None
    line: int = 0

    @property
    def number(self) -> int:
        return int(self.arg or 0)


def parse(text: str, line: int = 0) -> Command | None:
    """One line -> a Command, or None for blank lines and comments."""
    text = text.strip()
    if not text or text.startswith("#"):
        return None
    words = text.split()
    head = words[0].lower()
    if head.isdigit() and len(words) == 1:
        return Command("choose", head, line)
    if head in SIMPLE and len(words) == 1:
        return Command(head, None, line)
    if head == "report" and len(words) == 2:
        return Command(head, words[1].lower(), line)
    if head in WITH_ID:
        if len(words) != 2:
            raise ParseError(f"'{head}' needs one message number or id, like '{head} 3'")
        return Command(head, words[1].strip("[]"), line)
    if head == "report":
        raise ParseError("'report' takes at most one reason, like 'report threats'")
    if head in SIMPLE:
        raise ParseError(f"'{head}' takes nothing after it")
    raise ParseError(f"unknown command '{text[:40]}' (type help for the list)")


def read_script(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line number, text) pairs of a script, 1-based.

    A file saved by Windows Notepad reads the same as any other: a byte-order
    mark before the first line and CRLF line endings are dropped.
    """
    for number, text in enumerate(lines, start=1):
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        yield number, text.rstrip("\r\n")
