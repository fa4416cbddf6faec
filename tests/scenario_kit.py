"""Tiny scenario texts for tests, and a marker that says where a finding must point.

`scenario(...)` builds a small, clean grooming scenario (start node `a` with one
red-flag message and one choice to the unsafe ending `b`) and lets a test add
lines at fixed places. Put `»` in the text where a diagnostic must point;
`locate` removes it and returns its 1-based line and column.
"""

from __future__ import annotations

from pathlib import Path

MARK = "»"

_BASE = """\
format: 1
id: {id}
title: Tiny
platform: game_chat
{top}stranger:
  name: Sam
{stranger}{start}nodes:
  a:
    {a0}messages:
      - {m0}text: hi
{flags}{message}    choices:
      - text: ok
        next: b
{c0}{choice}{nodes}{b_node}{tail}"""

DEFAULT_FLAGS = "        red_flags: [flattery]\n"
DEFAULT_ENDING = "  b:\n    end:\n      outcome: unsafe\n"


def scenario(*, id="tiny", top="", stranger="", start="a", a0="", m0="", flags=DEFAULT_FLAGS, message="",
             c0="", choice="", nodes="", b_node=DEFAULT_ENDING, tail="") -> str:
    """The base scenario with extra lines: `top` (top-level keys), `stranger` (keys of stranger),
    `message` (keys of message a.0), `c0` (keys of the a->b choice), `choice` (more choices of a),
    `nodes` (more nodes), `b_node` (the whole node b), `tail` (top-level keys at the end).
    `a0` and `m0` are inserted before node a's first key and message a.0's first key (for `»`)."""
    return _BASE.format(id=id, top=top, stranger=stranger, start=f"start: {start}\n" if start is not None else "",
                        a0=a0, m0=m0, flags=flags, message=message, c0=c0, choice=choice, nodes=nodes,
                        b_node=b_node, tail=tail)


def locate(text: str) -> tuple[str, tuple[int, int]]:
    """Remove the one `»` from text; return the text and the (line, col) where it stood."""
    assert text.count(MARK) == 1, "exactly one marker expected"
    index = text.index(MARK)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return text.replace(MARK, ""), (line, col)


def write(folder: Path, text: str | bytes, name: str = "case.yaml") -> Path:
    path = Path(folder) / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
