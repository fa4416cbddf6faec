"""What the browser page shows, as JSON: the chat screen's fixed parts and the debrief.

Nothing here gives a red flag away before the chat has ended: the chat view
carries names, profile texts and pictures, never ``red_flags`` or severities.
The debrief comes from ``game.debrief`` (the same words as the window and the
terminal).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from game import debrief as debrief_words
from game.loader import resolve_asset
from game.model import Scenario

from .service import Live, SoloError


def media_url(scenario: Scenario, ref: str) -> str:
    return f"/api/v1/scenarios/{quote(scenario.id)}/media/{quote(ref)}" if ref else ""


def scenario_pictures(scenario: Scenario) -> set[str]:
    """Every picture reference the scenario itself uses (only these are served)."""
    refs = {scenario.stranger.avatar} if scenario.stranger.avatar else set()
    for node in scenario.nodes.values():
        for message in node.messages + node.idle_nudges:
            if message.image:
                refs.add(message.image)
    return refs


def media_file(scenario: Scenario, ref: str) -> Path | None:
    if ref not in scenario_pictures(scenario):
        return None
    return resolve_asset(Path(scenario.path).parent, ref)


def chat_view(live: Live) -> dict[str, Any]:
    scenario = live.scenario
    if scenario is None:
        raise SoloError(409, "this chat's scenario is no longer on this server")
    stranger = scenario.stranger
    return {
        "scenario": scenario.id, "title": scenario.title, "platform": scenario.platform,
        "stranger": {"name": stranger.name, "claimed_age": stranger.claimed_age,
                     "avatar": media_url(scenario, stranger.avatar)},
        "profile": [{"id": p.item_id, "label": p.label, "text": p.text} for p in stranger.profile],
        "player": {"name": scenario.player.name or "You", "context": " ".join(scenario.player.context.split())},
        "paced": live.paced,
    }


def _part(part: Any) -> dict[str, Any]:
    percent = None if part.value is None else round(part.value * 100)
    return {"name": part.name, "value": part.value, "percent": percent, "meaning": part.meaning}


def debrief_view(live: Live, result: dict[str, Any] | None) -> dict[str, Any]:
    scenario = live.scenario
    if not live.ended or result is None:
        raise SoloError(400, "the debrief comes when the chat has ended")
    if scenario is None:
        raise SoloError(409, "this chat's scenario is no longer on this server")
    d = debrief_words.build(scenario, live.events, result)
    return {
        "headline": d.headline,
        "complete": bool(result.get("complete")),
        "total": result["score"]["total"] if result.get("complete") else None,
        "ending": None if d.ending is None else {"title": d.ending.title, "text": d.ending.text,
                                                 "outcome": d.ending.outcome},
        "parts": [_part(p) for p in d.parts],
        "items": [{"id": i.id, "number": i.number, "text": i.text, "status": i.status,
                   "categories": [c.title for c in i.categories], "why": i.why} for i in d.items],
        "disclosed": [k.title for k in d.disclosed],
        "safe_person": d.safe_person,
        "stranger": scenario.stranger.name,
        "summary": d.summary,
        "questions": list(d.questions),
        "never_your_fault": list(d.help.never_your_fault),
        "help": [{"name": r.name, "region": r.region, "purpose": r.purpose, "website": r.website,
                  "phone": r.phone} for r in d.help.resources],
        "result": result,
    }
