"""Whole-scenario checks and the `validate` command's engine.

game.loader reports what is wrong with single values; this module checks the
scenario as a graph: references between nodes, reachability, endings, dead
ends, variables, assets and the content warnings of scenario-format.md. All
graph work is linear in the size of the scenario (breadth-first search and
Tarjan's strongly connected components), never path enumeration.
"""

from __future__ import annotations

import difflib
import gc
from collections import deque
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from . import pictures
from .diagnostics import Diagnostic, Reporter
from .engine import END_ACTIONS
from .loader import ScenarioError, locate_asset, read_file
from .model import Scenario

MAX_MESSAGE_CHARS = 500


def _reachable(scenario: Scenario) -> set[str]:
    if scenario.start not in scenario.nodes:
        return set()
    seen, queue = {scenario.start}, deque([scenario.start])
    while queue:
        for choice in scenario.nodes[queue.popleft()].choices:
            if choice.next in scenario.nodes and choice.next not in seen:
                seen.add(choice.next)
                queue.append(choice.next)
    return seen


def _on_cycle(scenario: Scenario) -> set[str]:
    """Nodes that can be entered again: members of a cycle (iterative Tarjan)."""
    index, low, on_stack, stack, result = {}, {}, set(), [], set()
    counter = 0
    successors = {nid: [c.next for c in node.choices if c.next in scenario.nodes]
                  for nid, node in scenario.nodes.items()}
    for root in scenario.nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            succ = successors[node]
            if i < len(succ):
                work.append((node, i + 1))
                nxt = succ[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in successors[node]:
                    result.update(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def check_scenario(scenario: Scenario, report: Reporter, expressions=()) -> None:
    nodes = scenario.nodes
    for node in nodes.values():
        for choice in node.choices:
            if choice.next and choice.next not in nodes:
                close = difflib.get_close_matches(choice.next, list(nodes), n=1)
                report.add("RF101", choice.pos, f"next names no node '{choice.next}'",
                           f"did you mean '{close[0]}'?" if close else "add the node or fix the id")
    for expression, pos in expressions:
        for node_id in sorted(n for n in expression.nodes if n not in nodes):   # (no set(nodes) per expression)
            report.add("RF101", pos, f"visited({node_id}) names no node '{node_id}'")

    # When the file already has errors, hold back the warnings that follow from the shape of the
    # whole scenario: a single misspelt `next`, `choices` or `red_flags` would otherwise cascade into
    # a warning for every node behind it. They come back once the errors are fixed.
    whole = not report.has_errors
    reachable = _reachable(scenario) if scenario.start in nodes else set(nodes)
    for node in nodes.values() if whole else ():
        if node.id not in reachable:
            if node.end:
                report.add("RF202", node.pos, f"no path from '{scenario.start}' reaches the ending '{node.id}'")
            else:
                report.add("RF201", node.pos, f"node '{node.id}' is unreachable from '{scenario.start}'")

    reentrant = _on_cycle(scenario)
    for node in nodes.values():
        hideable = [c.condition is not None or (c.once and node.id in reentrant) for c in node.choices]
        if node.choices and all(hideable):
            report.add("RF209", node.pos, f"every choice of node '{node.id}' can be hidden: possible dead end",
                       "give at least one choice no 'if' (and no 'once' if the node can be entered again)")

    for node in nodes.values():
        if node.end:
            for message in node.messages:
                if message.red_flags:
                    report.add("RF210", message.pos, f"message '{message.id}' ends the chat, so its red flag can "
                               "never be flagged and always counts as missed", "move it to the node before the ending")
    _check_debrief_sections(scenario, report)
    red_items = [item for item in scenario.items.values() if item.red_flags]
    if scenario.kind == "grooming" and whole:
        if not red_items:
            report.add("RF203", (1, 1), "a grooming scenario with no red flags: there is nothing to spot",
                       "mark the manipulative messages with red_flags")
        endings = [nodes[n].end for n in reachable]
        if scenario.start in nodes and not any(end is not None and end.outcome == "unsafe" for end in endings):
            report.add("RF204", (1, 1), "no reachable ending has 'outcome: unsafe'",
                       "show what could happen if the player goes along")
    elif scenario.kind == "benign":
        for item in red_items:
            report.add("RF205", item.pos, f"benign scenario, but '{item.id}' carries red flags",
                       "in a control scenario nobody is grooming the player")

    written: set[str] = set()
    for node in nodes.values():
        for choice in node.choices:
            written.update(name for name, _ in choice.add + choice.set)
    read: dict[str, tuple[int, int]] = {}
    for expression, pos in expressions:
        for name in expression.variables:
            read.setdefault(name, pos)
    for name, pos in sorted(read.items(), key=lambda kv: kv[1]):
        if name not in written and whole:
            report.add("RF206", pos, f"variable '{name}' is read but no choice sets or adds it", "it is always 0")

    scenario_dir = scenario.path.parent
    assets = [(scenario.stranger.avatar, scenario.stranger.avatar_pos, "avatar")]
    assets += [(item.image, item.image_pos, "image") for item in scenario.stranger.profile]
    for node in nodes.values():
        for message in node.messages + node.idle_nudges:
            assets.append((message.image, message.pos, "image"))
            for text in (message.text,) + message.variants:
                if len(text) > MAX_MESSAGE_CHARS:
                    report.add("RF208", message.pos, f"message '{message.id}' is {len(text)} characters long",
                               f"keep chat messages under {MAX_MESSAGE_CHARS}; split it into several")
    for value, pos, key in assets:
        if not value:
            continue
        found, why = locate_asset(scenario_dir, value)
        if why == "escapes":
            report.add("RF107", pos, f"{key} path {value!r} leaves the scenario folder through a symbolic link",
                       "put the file itself inside the scenario's folder or assets/")
        elif found is None:
            report.add("RF207", pos, f"{key} file '{value}' not found", "looked beside the scenario and in assets/")
        else:
            problem = pictures.problem(found)
            if problem:
                report.add("RF110", pos, f"{key} '{value}' cannot be shown: {problem}",
                           f"use a {', '.join(pictures.FORMATS[:-1])} or {pictures.FORMATS[-1]} picture of at most "
                           f"{pictures.MAX_SIDE} x {pictures.MAX_SIDE} pixels")


def _check_debrief_sections(scenario: Scenario, report: Reporter) -> None:
    """Each section's `endings` names an ending node or a platform action; a section says when it shows."""
    endings = sorted(n.id for n in scenario.nodes.values() if n.end)
    for section in scenario.debrief.sections:
        for name in section.endings:
            if name in END_ACTIONS or name in endings:
                continue
            if name in scenario.nodes:
                report.add("RF109", section.pos, f"debrief section names '{name}', which is not an ending",
                           "list ending nodes (with 'end:') or block, report, leave")
            else:
                close = difflib.get_close_matches(name, endings + list(END_ACTIONS), n=1)
                report.add("RF109", section.pos, f"debrief section names no ending '{name}'",
                           f"did you mean '{close[0]}'?" if close else "list ending nodes or block, report, leave")
        if section.condition is None and not section.endings:
            report.add("RF211", section.pos, "debrief section has neither 'if' nor 'endings', so it is always shown",
                       "put always-true text in the debrief's summary")


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while a file is read.

    Loading builds hundreds of thousands of small containers, none of them in
    reference cycles. Each allocation burst made the collector walk the whole
    growing heap again, which took 60% of the time and made a 10,000-node file
    take more than twice as long per node as a 1,000-node one. Reference
    counting still frees everything; the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_file(path: Path) -> tuple[Scenario | None, list[Diagnostic]]:
    """Load and check one file; findings sorted by position."""
    report = Reporter(str(path))
    with _gc_paused():
        scenario, reader = read_file(Path(path), report)
        if scenario is not None:
            check_scenario(scenario, report, reader.expressions if reader else ())
    return scenario, sorted(report.findings, key=lambda d: (d.line, d.col, d.code))


def scenario_files(targets: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into scenario files; also names that do not exist."""
    files, missing = [], []
    for target in targets:
        target = Path(target)
        if target.is_dir():
            files.extend(sorted(p for p in target.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif target.is_file():
            files.append(target)
        else:
            missing.append(str(target))
    return files, missing


def validate_paths(files: list[Path], strict: bool = False) -> tuple[list[Diagnostic], list[Scenario]]:
    """Check many files, including ids that two files share."""
    findings: list[Diagnostic] = []
    scenarios: list[Scenario] = []
    first_file_of: dict[str, str] = {}
    for path in files:
        scenario, file_findings = check_file(path)
        findings.extend(file_findings)
        if scenario is None:
            continue
        scenarios.append(scenario)
        if scenario.id:
            if scenario.id in first_file_of:
                findings.append(Diagnostic(str(path), 1, 1, "error", "RF016",
                                           f"scenario id '{scenario.id}' is also used by {first_file_of[scenario.id]}",
                                           "ids must be unique across the library"))
            else:
                first_file_of[scenario.id] = str(path)
    if strict:
        findings = [d.promoted() for d in findings]
    findings.sort(key=lambda d: (d.file, d.line, d.col, d.code))
    return findings, scenarios


def load_scenario(path: str | Path) -> Scenario:
    """Load and fully validate one scenario; raises ScenarioError if it has errors."""
    scenario, findings = check_file(Path(path))
    if scenario is None or any(d.severity == "error" for d in findings):
        raise ScenarioError(findings)
    return scenario
