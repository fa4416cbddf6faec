"""Plays golden scripts headlessly, straight or with a save/restore before every command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.command_language import parse, read_script
from game.engine import Conversation
from game.library import find_scenario
from game.session import Session, run_script

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
IGNORED_KEYS = ("duration_s", "scenario_sha256")
_SEED = re.compile(r"#\s*seed:\s*(\d+)")


class FakeClock:
    """A clock that only moves when told to, so records do not depend on the machine."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def script_seed(text: str) -> int:
    match = _SEED.match(text.lstrip())
    return int(match.group(1)) if match else 1


def golden_cases() -> list[tuple[str, Path]]:
    return sorted((p.parent.name, p) for p in GOLDEN_DIR.glob("*/*.script"))


def comparable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in IGNORED_KEYS}


def play(scenario_id: str, script: Path, restore_each_step: bool = False) -> dict:
    """The result record of playing `script`; raises ScriptError for a bad script."""
    scenario = find_scenario(scenario_id)
    text = script.read_text(encoding="utf-8")
    clock = FakeClock()
    session = Session(scenario, seed=script_seed(text), clock=clock)
    session.start()
    lines = list(read_script(text.splitlines()))
    if not restore_each_step:
        run_script(session, lines)
    else:
        for number, line in lines:
            if parse(line) is None:
                continue
            state = json.loads(json.dumps(session.conv.to_json()))
            session = Session(scenario, conversation=Conversation.from_json(scenario, state, clock=clock))
            run_script(session, [(number, line)])
            if session.ended:
                break
    return comparable(session.finish())
