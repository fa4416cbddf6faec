"""The scenario library: find scenarios by id or by path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import paths
from .diagnostics import Diagnostic
from .loader import ScenarioError
from .model import Scenario
from .validator import check_file, scenario_files


@dataclass
class Library:
    scenarios: list[Scenario]
    problems: list[Diagnostic]   # errors of files that could not be loaded

    def get(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def load_library(folder: str | Path = paths.SCENARIOS_DIR) -> Library:
    """Every scenario in a folder that loads without errors, sorted by platform, difficulty, title."""
    files, _ = scenario_files([folder])
    scenarios, problems = [], []
    for path in files:
        scenario, findings = check_file(path)
        errors = [d for d in findings if d.severity == "error"]
        if scenario is None or errors:
            problems.extend(errors)
        else:
            scenarios.append(scenario)
    order = {"game_chat": 0, "social_media": 1, "dating_app": 2}
    scenarios.sort(key=lambda s: (order.get(s.platform, 9), s.difficulty, s.title.lower()))
    return Library(scenarios, problems)


def find_scenario(ref: str, folder: str | Path = paths.SCENARIOS_DIR) -> Scenario:
    """A scenario from a library id or a path to a .yaml file; raises ScenarioError or LookupError."""
    from .validator import load_scenario

    candidate = Path(ref)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file() or "/" in ref or "\\" in ref:
        if not candidate.is_file():
            raise LookupError(f"no scenario file '{ref}'")
        return load_scenario(candidate)
    for path in scenario_files([folder])[0]:
        if path.stem == ref:
            scenario = load_scenario(path)
            if scenario.id == ref:
                return scenario
    library = load_library(folder)
    found = library.get(ref)
    if found is None:
        known = ", ".join(s.id for s in library.scenarios) or "none"
        raise LookupError(f"no scenario '{ref}' in the library (known: {known})")
    return found


__all__ = ["Library", "load_library", "find_scenario", "ScenarioError"]
