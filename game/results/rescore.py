"""The result record of a session, recomputed from its event log.

The record is defined by scoring.md and computed by ``game.scoring.score``;
this module only feeds it the stored events, so a stored session can be
re-scored at any time (for example after a fix in the scoring code).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def score_events(events: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """``game.scoring.score`` over a stored log (``duration_s`` from the last event's ``t``)."""
    from game.scoring import score  # imported late: opening a store does not need it

    return score(list(events))
