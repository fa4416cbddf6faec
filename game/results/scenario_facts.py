"""What reports need to remember about a scenario, taken when a session starts.

Reports must still make sense after a scenario file is edited or removed, so
the store keeps these facts under the scenario's SHA-256: titles, profile
item labels, ending titles and the debrief's discussion questions.
"""

from __future__ import annotations

from typing import Any


def facts(scenario: Any) -> dict[str, Any]:
    """JSON-ready facts from a loaded ``game.model.Scenario``."""
    stranger = getattr(scenario, "stranger", None)
    debrief = getattr(scenario, "debrief", None)
    profile = {}
    for item in getattr(stranger, "profile", ()) or ():
        profile[item.item_id] = {"label": item.label, "text": item.text}
    endings = {}
    for node_id, node in (getattr(scenario, "nodes", {}) or {}).items():
        if getattr(node, "end", None) is not None:
            endings[node_id] = node.end.title
    return {
        "id": scenario.id,
        "title": scenario.title,
        "kind": getattr(scenario, "kind", "grooming"),
        "platform": getattr(scenario, "platform", ""),
        "stranger": getattr(stranger, "name", ""),
        "summary": getattr(debrief, "summary", "") or "",
        "discussion_questions": list(getattr(debrief, "discussion_questions", ()) or ()),
        "facilitator_notes": getattr(debrief, "facilitator_notes", "") or "",
        "profile": profile,
        "endings": endings,
    }
