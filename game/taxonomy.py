"""The red-flag taxonomy and the help resources, loaded from the data files.

Both are data, not code: a school can edit game/data/help_resources.yaml for
its country without touching Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import yaml

from . import paths


@dataclass(frozen=True)
class Category:
    id: str
    severity: int
    title: str
    looks_like: str
    why: str


@dataclass(frozen=True)
class DisclosureKind:
    id: str
    weight: Fraction
    title: str
    examples: str


@dataclass(frozen=True)
class Taxonomy:
    categories: dict[str, Category]
    disclosures: dict[str, DisclosureKind]

    def severity_of(self, red_flags) -> int:
        """Default severity of an item: the highest of its categories (0 for none)."""
        return max((self.categories[c].severity for c in red_flags if c in self.categories), default=0)


@dataclass(frozen=True)
class HelpResource:
    id: str
    region: str
    name: str
    purpose: str
    website: str
    phone: str = ""


@dataclass(frozen=True)
class HelpInfo:
    never_your_fault: tuple[str, ...]
    resources: tuple[HelpResource, ...]


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=None)
def load_taxonomy(path: Path = paths.TAXONOMY_FILE) -> Taxonomy:
    data = _read(path)
    categories = {c["id"]: Category(c["id"], int(c["severity"]), c["title"], c["looks_like"], " ".join(c["why"].split()))
                  for c in data["categories"]}
    disclosures = {d["id"]: DisclosureKind(d["id"], Fraction(str(d["weight"])), d["title"], d["examples"])
                   for d in data["disclosures"]}
    return Taxonomy(categories, disclosures)


@lru_cache(maxsize=None)
def load_help(path: Path = paths.HELP_RESOURCES_FILE) -> HelpInfo:
    data = _read(path)
    resources = tuple(HelpResource(r["id"], r.get("region", ""), r["name"], r["purpose"],
                                   r.get("website", ""), str(r.get("phone", "") or ""))
                      for r in data["resources"])
    return HelpInfo(tuple(data["never_your_fault"]), resources)
