"""A scenario's node graph as Graphviz DOT, for authors to see their branches."""

from __future__ import annotations

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
