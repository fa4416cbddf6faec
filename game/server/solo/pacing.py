"""How long the page shows "typing…" before each message, and when an idle nudge comes.

The server paces and the page animates: every answer of a paced chat says
how long to wait before asking for the next pending message, and after how
many seconds of no input to send ``wait`` for the current idle nudge. The
times are the shared pacing of ``game.play.pacing`` (the window's): a short
reading pause, then a typing time that follows the message's length (an
authored ``delay`` wins); platform notices have no indicator.
"""

from __future__ import annotations

from typing import Any

from game.play.pacing import READING_PAUSE, typing_delay


def hint(conv: Any, scenario: Any, factor: float = 1.0, idle_factor: float = 1.0) -> dict[str, Any]:
    """``{"next": {...}}`` while a message is on its way, ``{"idle": s}`` when a nudge waits, else ``{}``.

    ``factor`` scales the typing times (the window's typing-speed setting; a server's
    ``solo_typing_factor`` in ``ServerConfig.extra``, 1.0 by default) and
    ``idle_factor`` the silences before idle nudges (``solo_idle_factor``).
    """
    if conv is None or conv.ended:
        return {}
    if conv.pending:
        entry = conv.pending[0]
        system = entry.get("from") == "system"
        message = scenario.items.get(entry["id"]) if scenario is not None else None
        typing = typing_delay(entry.get("text", ""), getattr(message, "delay", None), conv.seed,
                              len(conv.numbers) + 1, factor, system)
        return {"next": {"id": entry["id"], "pause": round(READING_PAUSE * factor, 3),
                         "typing": round(typing, 3), "indicator": not system}}
    nudge = conv.next_nudge()
    if nudge is not None and nudge.after is not None:
        return {"idle": round(float(nudge.after) * idle_factor, 3)}
    return {}
