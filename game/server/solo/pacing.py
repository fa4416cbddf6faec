"""How long the page shows "typing…" before each message, and when an idle nudge comes.

The server paces and the page animates: every answer of a paced chat says
how long to wait before asking for the next pending message, and after how
many seconds of no input to send ``wait`` for the current idle nudge. The
times follow the window's pacing (an authored ``delay`` wins; else about
0.8 s plus 1 s per 14 characters with a seeded jitter, capped at 6 s).
"""

from __future__ import annotations

import random
from typing import Any

READING_PAUSE = 0.5     # seconds between a message and the next "typing…"
SYSTEM_DELAY = 0.9


def typing_delay(text: str, authored: float | None, seed: int, number: int,
                 system: bool = False) -> float:
    """Seconds of "typing…" before delivery number ``number`` shows."""
    if authored is not None:
        return max(0.0, float(authored))
    if system:
        return SYSTEM_DELAY
    rng = random.Random(f"{seed}/typing/{number}")
    return min(0.8 + len(text) / 14.0 * rng.uniform(0.8, 1.2), 6.0)


def hint(conv: Any, scenario: Any) -> dict[str, Any]:
    """``{"next": {...}}`` while a message is on its way, ``{"idle": s}`` when a nudge waits, else ``{}``."""
    if conv is None or conv.ended:
        return {}
    if conv.pending:
        entry = conv.pending[0]
        system = entry.get("from") == "system"
        message = scenario.items.get(entry["id"]) if scenario is not None else None
        typing = typing_delay(entry.get("text", ""), getattr(message, "delay", None), conv.seed,
                              len(conv.numbers) + 1, system)
        return {"next": {"id": entry["id"], "pause": READING_PAUSE, "typing": round(typing, 3),
                         "indicator": not system}}
    nudge = conv.next_nudge()
    if nudge is not None and nudge.after is not None:
        return {"idle": float(nudge.after)}
    return {}
