"""Drive a golden script through the solo-play API, line by line, as a school's script would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from playback import script_seed

from game.command_language import parse

Post = Callable[[str, dict[str, Any]], Any]


def golden_lines(script: Path) -> tuple[int, list[str]]:
    """The script's seed and its command lines (comments and blank lines left out, as --script does)."""
    text = script.read_text(encoding="utf-8")
    return script_seed(text), [line for line in text.splitlines() if parse(line) is not None]


def play_golden(post: Post, scenario_id: str, script: Path, **start: Any) -> tuple[str, dict[str, Any]]:
    """Play ``script`` through ``post(path, body) -> response``; returns the token and the last answer.

    Lines after the end are not sent (--script ignores them); a script that
    stops before the end is followed by ``quit`` (end of input counts as quit).
    """
    seed, lines = golden_lines(script)
    r = post("/api/v1/play", {"scenario": scenario_id, "seed": seed, **start})
    assert r.status_code == 200, r.text
    token = r.json()["session"]
    answer: dict[str, Any] = {"ended": False}
    for line in lines:
        r = post(f"/api/v1/play/{token}/command", {"line": line})
        assert r.status_code == 200, f"{scenario_id}/{script.name}: {line!r}: {r.text}"
        answer = r.json()
        if answer["ended"]:
            break
    if not answer["ended"]:
        r = post(f"/api/v1/play/{token}/command", {"line": "quit"})
        assert r.status_code == 200, r.text
        answer = r.json()
    return token, answer
