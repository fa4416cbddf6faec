"""Whose help a debrief shows: the player's "Help shown for" setting, for every front end.

The help file (game/data/help_resources.yaml) lists countries; a player can
choose one, or "automatic": the school's setting (REDFLAGS_COUNTRY, then the
file's ``country:``), else the chat's language (en-GB -> UK, en-US -> US).
The window keeps the choice in its settings file, the browser page in the
browser's localStorage (a country id, nothing personal) and sends it with
each request for help. This module holds the setting's words and checks a
choice; ``game.taxonomy.help_for`` does the choosing.
"""

from __future__ import annotations

from typing import Any

from game.taxonomy import HelpInfo, help_for, load_help

AUTO = "auto"
LABEL = "Help shown for"
AUTO_LABEL = "Automatic (from the chat)"
#: the automatic choice once a chat says which country it resolves to
AUTO_NOW = "Automatic: {country}"
TITLE = "Talking helps. You are not in trouble."   # the help dialog's title, window and page
SHOWING = "Showing help for: {country}"
EVERY_COUNTRY = "every country"


class CountryError(ValueError):
    """A country the help file does not have (one line for a person)."""


def countries(info: HelpInfo | None = None) -> list[tuple[str, str]]:
    """(id, name) of each country in the help file, in its order."""
    info = info or load_help()
    return [(cid, name) for cid, name, _languages in info.countries]


def choice(value: Any, info: HelpInfo | None = None) -> str | None:
    """A player's choice as ``help_for`` takes it: None for automatic, else the country's id.

    Raises CountryError for anything the help file does not list."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", AUTO)):
        return None
    known = {cid.upper(): cid for cid, _name in countries(info)}
    if not isinstance(value, str) or value.strip().upper() not in known:
        names = ", ".join([AUTO, *known.values()])
        raise CountryError(f"'country' must be one of: {names}")
    return known[value.strip().upper()]


def label(country: str, info: HelpInfo | None = None) -> str:
    """The setting's value in words: "Automatic (from the chat)" or the country's name."""
    return next((name for cid, name in countries(info) if cid == country), AUTO_LABEL)


def control(info: HelpInfo | None = None, resolved: HelpInfo | None = None) -> dict[str, Any]:
    """The control's words and choices (JSON-ready); ``resolved``: the help the automatic choice gives now."""
    info = info or load_help()
    auto = AUTO_LABEL
    if resolved is not None:
        auto = AUTO_NOW.format(country=resolved.country_name() or EVERY_COUNTRY)
    return {"label": LABEL, "choices": [{"id": AUTO, "name": auto}] +
            [{"id": cid, "name": name} for cid, name in countries(info)]}


def help_view(language: str, value: Any = None) -> dict[str, Any]:
    """The help for a chat in ``language`` with the player's choice ``value``, and the control (JSON-ready)."""
    info = load_help()
    chosen = choice(value, info)
    shown = help_for(language, chosen)
    automatic = help_for(language, None)
    return {
        "title": TITLE,
        "country": shown.country,
        "choice": chosen or AUTO,
        "showing": SHOWING.format(country=shown.country_name() or EVERY_COUNTRY),
        "never_your_fault": list(shown.never_your_fault),
        "resources": [{"name": r.name, "region": r.region, "purpose": r.purpose, "website": r.website,
                       "phone": r.phone} for r in shown.resources],
        "school_contact": shown.school_contact,
        "control": control(info, automatic if language else None),
    }
