"""`python main.py graph SCENARIO`: the node graph as Graphviz DOT on stdout."""

from __future__ import annotations

import sys

from ..graph import to_dot
from ..library import find_scenario
from ..loader import ScenarioError


def add_parser(sub, common):
    p = sub.add_parser("graph", parents=[common], help="print a scenario's node graph as Graphviz DOT")
    p.add_argument("scenario", help="a scenario id or a path to a .yaml file")
    return p


def run(args) -> int:
    try:
        scenario = find_scenario(args.scenario)
    except (LookupError, ScenarioError) as exc:
        print(exc, file=sys.stderr)
        return 2
    sys.stdout.write(to_dot(scenario))
    return 0
