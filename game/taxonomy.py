"""The red-flag taxonomy and the help resources, loaded from the data files.

Both are data, not code: a school can edit game/data/help_resources.yaml for
its country without touching Python.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
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


COUNTRY_VARIABLE = "REDFLAGS_COUNTRY"   # overrides the help file's `country:` (auto, US, UK, ...)


@dataclass(frozen=True)
class HelpInfo:
    never_your_fault: tuple[str, ...]
    resources: tuple[HelpResource, ...]
    school_contact: str = ""                          # typed in by a school; shown first when set
    country: str = ""                                 # whose resources these are ("" = every country)
    setting: str = "auto"                             # the file's `country:`: auto or a country id
    countries: tuple[tuple[str, str, tuple[str, ...]], ...] = ()   # (id, name, language tags)

    def country_for(self, language: str, setting: str | None = None) -> str:
        """The country whose help to show: the setting (environment, then file) or, with auto, the language's."""
        chosen = (setting or os.environ.get(COUNTRY_VARIABLE) or self.setting or "auto").strip()
        ids = {c[0].upper(): c[0] for c in self.countries}
        if chosen.lower() != "auto":
            return ids.get(chosen.upper(), "")
        tag = (language or "").lower()
        for country_id, _name, languages in self.countries:
            if tag in (lang.lower() for lang in languages):
                return country_id
        return ""

    def for_country(self, country: str) -> HelpInfo:
        """Only the resources of `country` (and those with no region); every resource for ""."""
        if not country:
            return replace(self, country="")
        return replace(self, country=country,
                       resources=tuple(r for r in self.resources if r.region in ("", country)))

    def country_name(self) -> str:
        return next((name for cid, name, _ in self.countries if cid == self.country), "")


def help_for(language: str, setting: str | None = None) -> HelpInfo:
    """The help to show after a scenario in `language`, for the country the settings choose."""
    info = load_help()
    return info.for_country(info.country_for(language, setting))


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_taxonomy(path: Path = paths.TAXONOMY_FILE) -> Taxonomy:
    data = _read(path)
    categories = {c["id"]: Category(c["id"], int(c["severity"]), c["title"], c["looks_like"],
                                    " ".join(c["why"].split()))
                  for c in data["categories"]}
    disclosures = {d["id"]: DisclosureKind(d["id"], Fraction(str(d["weight"])), d["title"], d["examples"])
                   for d in data["disclosures"]}
    return Taxonomy(categories, disclosures)


@cache
def load_help(path: Path = paths.HELP_RESOURCES_FILE) -> HelpInfo:
    data = _read(path)
    resources = tuple(HelpResource(r["id"], r.get("region", ""), r["name"], r["purpose"],
                                   r.get("website", ""), str(r.get("phone", "") or ""))
                      for r in data["resources"])
    countries = tuple((str(c["id"]), str(c.get("name", c["id"])), tuple(str(x) for x in c.get("languages", ())))
                      for c in data.get("countries", ()))
    return HelpInfo(tuple(data["never_your_fault"]), resources, str(data.get("school_contact") or "").strip(),
                    "", str(data.get("country") or "auto"), countries)
