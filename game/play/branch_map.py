"""The debrief's branch map for a front end that draws it itself (the browser page's SVG).

``map_view(scenario, events)`` gives the layout of ``game.graph.map_layout``
(the window draws the same one) as JSON-ready data: every node at its grid
place (``x`` column, ``y`` row) with its kind (``moment`` or ``ending``), an
ending's outcome and its short label (Safe / Neutral / Unsafe: endings are
told apart by a word and a shape, never by colour alone), and its number on
the player's path; every reply edge, marked ``taken`` when the player took it;
and the text alternative: the path as a list of sentences, one per step
("1. Start. jay: “hi!” You replied: “hey”"), which the page shows under the
picture. Every word comes from ``game.debrief.map_words`` and the chat view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game.debrief import map_words
from game.graph import map_layout
from game.model import Scenario
from game.play.chat_view import end_summary, outcome_words
from game.report_reasons import label

SHORT = 70      # characters of a message or reply quoted in the path list


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"


def _path(scenario: Scenario, events: Sequence[dict[str, Any]], steps: dict[str, int]) -> list[dict[str, Any]]:
    """One sentence per step of the path, in order: what was said there, the reply taken, the ending."""
    words = map_words()
    rows: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    offered = 0
    for e in events:
        kind = e.get("type")
        if kind == "enter":
            node_id = str(e.get("node"))
            current = rows.get(node_id)
            if current is None and node_id in steps:
                current = rows[node_id] = {"step": steps[node_id], "node": node_id, "said": "", "notice": "",
                                           "reply": "", "others": 0}
        elif current is None:
            continue
        elif kind == "deliver" and not e.get("nudge"):
            key = "notice" if e.get("from") == "system" else "said"
            current[key] = current[key] or str(e.get("text", ""))
        elif kind == "choices":
            offered = len(e.get("options") or [])
        elif kind == "choice" and not current["reply"]:
            current["reply"], current["others"] = str(e.get("text", "")), max(0, offered - 1)
    end = next((e for e in reversed(events) if e.get("type") == "end"), None)
    out = []
    ordered = sorted(rows.values(), key=lambda r: r["step"])
    for row in ordered:
        node = scenario.nodes.get(row["node"])
        parts = [f"{row['step']}."]
        if row["step"] == 1:
            parts.append(words["start"] + ".")
        if row["said"]:
            parts.append(words["said"].format(name=scenario.stranger.name, text=_short(row["said"])))
        elif row["notice"]:
            parts.append(_short(row["notice"]) + ".")
        if row["reply"]:
            parts.append(words["replied"].format(text=_short(row["reply"])))
            if row["others"] == 1:
                parts.append(words["one_other_reply"])
            elif row["others"] > 1:
                parts.append(words["other_replies"].format(n=row["others"]))
        ending = node.end if node is not None else None
        if ending is not None:
            parts.append(words["ending"].format(kind=outcome_words(ending.outcome), title=ending.title))
        elif row is ordered[-1] and end is not None and end.get("how") in ("block", "report", "leave", "quit"):
            how = str(end["how"])
            reason = label(end.get("reason")) if how == "report" else ""
            parts.append(f"{words['you_left']}: {end_summary(how, scenario.stranger.name, '', reason)}")
        out.append({"step": row["step"], "node": row["node"], "text": " ".join(parts),
                    "ending": ending.outcome if ending is not None else None})
    return out


def map_view(scenario: Scenario, events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The branch map as the page draws it (see the module's docstring)."""
    layout = map_layout(scenario, list(events))
    words = map_words()
    taken = set(layout.taken)
    steps = {p.node.id: p.step for p in layout.nodes if p.step is not None}
    nodes = [{"id": p.node.id, "x": p.x, "y": p.y, "step": p.step,
              "kind": "ending" if p.node.outcome is not None else "moment",
              "outcome": p.node.outcome, "label": words.get(p.node.outcome or "", "") if p.node.outcome else "",
              "title": p.node.title} for p in layout.nodes]
    edges = [{"source": e.source, "target": e.target, "taken": e in taken} for e in layout.edges]
    endings = sum(1 for n in nodes if n["kind"] == "ending")
    return {"columns": layout.columns, "rows": layout.rows, "nodes": nodes, "edges": edges,
            "path": _path(scenario, events, steps),
            "label": words["label"].format(moments=len(nodes) - endings, endings=endings, steps=len(steps)),
            "words": words}
