"""The check's model: forms of items, each item a short chat excerpt with its answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Pos = tuple[int, int]

ANSWERS = ("red_flag", "safe")
SPEAKERS = ("stranger", "you")
ITEMS_PER_FORM = 16
MIN_LINES, MAX_LINES = 2, 4
MIN_CATEGORIES = 8


@dataclass(frozen=True)
class Line:
    speaker: str        # `from:` in the file: stranger | you
    text: str
    pos: Pos


@dataclass(frozen=True)
class Item:
    id: str
    platform: str
    answer: str                     # red_flag | safe
    categories: tuple[str, ...]     # red-flag categories; empty for safe items
    twin: str
    lines: tuple[Line, ...]
    pos: Pos
    twin_pos: Pos = (1, 1)

    @property
    def is_signal(self) -> bool:
        return self.answer == "red_flag"


@dataclass(frozen=True)
class Form:
    name: str                       # "A", "B", or a school's own form name
    items: tuple[Item, ...]
    path: Path
    sha256: str
    pos: Pos = (1, 1)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)
