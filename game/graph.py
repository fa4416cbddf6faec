"""A scenario's node graph: as Graphviz DOT for authors, and as a laid-out branch map for the debrief.

``to_dot`` is what ``graph`` prints. ``branch_map`` gives the same nodes and
reply edges in columns (steps from the start), which the debrief draws
itself (no Graphviz at run time); ``path_taken`` reads a session's path from
its event log.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .model import Scenario
from .safetext import neutralise

OUTCOME_COLOURS = {"safe": "#2b8a3e", "neutral": "#868e96", "unsafe": "#c92a2a"}


def _quote(text: str) -> str:
    text = neutralise(text)   # a control sequence in a label would reach the terminal of `graph`
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_dot(scenario: Scenario) -> str:
    lines = [f"digraph {_quote(scenario.id)} {{",
             f"  label={_quote(scenario.title)};",
             "  rankdir=LR;",
             '  node [shape=box, style="rounded,filled", fillcolor="#f8f9fa", fontname="sans-serif"];',
             '  edge [fontname="sans-serif", fontsize=10];']
    for node in scenario.nodes.values():
        flags = sum(1 for m in node.messages + node.idle_nudges if m.red_flags)
        first = node.messages[0].text if node.messages else ""
        label = node.id + (f" ({flags} red flag{'s' if flags != 1 else ''})" if flags else "")
        if first:
            label += "\\n" + _short(first).replace('"', "'")
        attrs = [f"label={_quote(label)}".replace("\\\\n", "\\n")]
        if node.end:
            colour = OUTCOME_COLOURS.get(node.end.outcome, "#868e96")
            attrs += ["shape=doubleoctagon", f'color="{colour}"', f'fontcolor="{colour}"']
            attrs[0] = f"label={_quote(label + ' [' + node.end.outcome + ']')}".replace("\\\\n", "\\n")
        if node.id == scenario.start:
            attrs.append("penwidth=2")
        lines.append(f"  {_quote(node.id)} [{', '.join(attrs)}];")
    for node in scenario.nodes.values():
        for choice in node.choices:
            attrs = [f"label={_quote(_short(choice.text, 30))}"]
            if choice.condition is not None:
                attrs.append("style=dashed")
            if choice.discloses:
                attrs.append('color="#e67700"')
            lines.append(f"  {_quote(node.id)} -> {_quote(choice.next)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- the branch map: the same graph, laid out for a picture (the debrief draws it) -------------
@dataclass(frozen=True)
class MapNode:
    id: str
    column: int              # steps from the start (breadth first)
    row: int                 # place in its column, in the order the nodes were found
    outcome: str | None      # safe | neutral | unsafe for an ending, else None
    title: str               # an ending's title ("" for other nodes)


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str


@dataclass(frozen=True)
class BranchMap:
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    columns: int
    rows: int


def branch_map(scenario: Scenario) -> BranchMap:
    """Every node reachable from the start, in columns by distance, and the reply edges between them."""
    column = {scenario.start: 0}
    order = [scenario.start]
    queue = deque([scenario.start])
    edges: list[MapEdge] = []
    while queue:
        node = scenario.nodes.get(queue.popleft())
        if node is None:
            continue
        for choice in node.choices:
            if choice.next not in scenario.nodes:
                continue
            edge = MapEdge(node.id, choice.next)
            if edge not in edges:
                edges.append(edge)
            if choice.next not in column:
                column[choice.next] = column[node.id] + 1
                order.append(choice.next)
                queue.append(choice.next)
    rows: dict[int, int] = {}
    nodes = []
    for node_id in order:
        c = column[node_id]
        end = scenario.nodes[node_id].end
        nodes.append(MapNode(node_id, c, rows.get(c, 0), end.outcome if end else None, end.title if end else ""))
        rows[c] = rows.get(c, 0) + 1
    return BranchMap(tuple(nodes), tuple(edges), max(column.values()) + 1, max(rows.values()))


def path_taken(events: list[dict]) -> tuple[list[str], list[MapEdge]]:
    """The nodes a session entered (in order, repeats kept) and the reply edges it took."""
    entered = [str(e["node"]) for e in events if e.get("type") == "enter"]
    taken = [MapEdge(str(e["node"]), str(e["next"])) for e in events if e.get("type") == "choice"]
    return entered, taken


# -- the branch map's layout, shared by every front end that draws it ---------------------------
@dataclass(frozen=True)
class PlacedNode:
    """A node of the branch map at its place on a grid: ``x`` its column, ``y`` its row, in grid steps."""

    node: MapNode
    x: float
    y: float
    step: int | None         # its number on the player's path (the order it was first reached), else None


@dataclass(frozen=True)
class MapLayout:
    nodes: tuple[PlacedNode, ...]
    edges: tuple[MapEdge, ...]       # every reply edge of the map
    taken: tuple[MapEdge, ...]       # the edges the player took, in order (repeats kept)
    columns: int
    rows: int

    @property
    def on_path(self) -> tuple[PlacedNode, ...]:
        """The nodes the player reached, in the order of their step numbers."""
        return tuple(sorted((n for n in self.nodes if n.step is not None), key=lambda n: n.step or 0))


def path_steps(entered: list[str]) -> dict[str, int]:
    """Node id -> its number on the path: 1 for the first node entered, then in the order first reached."""
    steps: dict[str, int] = {}
    for node_id in entered:
        steps.setdefault(node_id, len(steps) + 1)
    return steps


def map_layout(scenario: Scenario, events: list[dict]) -> MapLayout:
    """The branch map with the player's path, placed on a grid a front end scales to its pixels.

    Columns are steps from the start; in each column the nodes keep the order they
    were found, and a column with fewer nodes than the tallest is centred vertically,
    so short columns don't hug the top. A front end draws node ``n`` at
    ``(pad + n.x * step_x, pad + n.y * step_y)``.
    """
    bm = branch_map(scenario)
    entered, taken = path_taken(events)
    steps = path_steps(entered)
    per_column: dict[int, int] = {}
    for n in bm.nodes:
        per_column[n.column] = per_column.get(n.column, 0) + 1
    placed = tuple(PlacedNode(n, float(n.column), (bm.rows - per_column[n.column]) / 2 + n.row, steps.get(n.id))
                   for n in bm.nodes)
    known = {n.id for n in bm.nodes}
    return MapLayout(placed, bm.edges, tuple(e for e in taken if e.source in known and e.target in known),
                     bm.columns, bm.rows)
