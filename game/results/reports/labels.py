"""Human titles for the taxonomy ids, outcomes and statuses used in reports.

Category and disclosure titles come from the taxonomy that ships with the
game (``game.taxonomy``), in its order; ids it does not know (from an older
or newer taxonomy) are shown as they are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Taxonomy:
    categories: dict[str, str]     # id -> title, in taxonomy order
    severities: dict[str, int]
    disclosures: dict[str, str]    # id -> title

    def category(self, cid: str) -> str:
        return self.categories.get(cid, cid.replace("_", " "))

    def disclosure(self, kid: str) -> str:
        return self.disclosures.get(kid, kid.replace("_", " "))


@functools.lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    from game.taxonomy import load_taxonomy

    tax = load_taxonomy()
    return Taxonomy(
        categories={c.id: c.title for c in tax.categories.values()},
        severities={c.id: c.severity for c in tax.categories.values()},
        disclosures={d.id: d.title for d in tax.disclosures.values()})


OUTCOMES = {
    "blocked": "Blocked",
    "reported": "Blocked and reported",
    "left": "Left the chat",
    "ending": "Story ending",
    "quit": "Quit mid-way",
}

ENDING_OUTCOMES = {"safe": "safe", "neutral": "neutral", "unsafe": "unsafe"}

STATUSES = {
    "complete": "complete",
    "quit": "unfinished (quit)",
    "open": "unfinished (interrupted)",
}
