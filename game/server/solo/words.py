"""The sentences the browser page shows, taken from the shared application layer.

The page never writes its own wording: the picker's spoiler-free card text,
the platform names, the "before you start" notes come from
``game.play.catalogue`` (the layer the window and the terminal use); the
chat's words come with the chat view (``views``), the debrief from
``game.debrief``. ``page_words()`` bundles the picker's fixed sentences,
``catalogue()`` its cards.
"""

from __future__ import annotations

from typing import Any

from game.play import catalogue as cat
from game.results.identity import REAL_NAME_REMINDER


def audience_words(audience: str) -> str:
    """'13-15' -> 'Ages 13-15'; '' -> 'All ages'."""
    text = " ".join(str(audience or "").split())
    return f"Ages {text}" if text else "All ages"


def card(scenario: Any) -> dict[str, Any]:
    data = cat.card(scenario).as_dict()
    data.pop("played", None)          # this device's history is not the server's business
    data["audience"] = str(scenario.audience or "")
    data["audience_words"] = audience_words(scenario.audience)
    return data


def catalogue(scenarios: list[Any], country: str | None = None) -> list[dict[str, Any]]:
    """The picker: platforms in the window's order, each with its cards.

    A chat that ships in two locales shows once, as in the window: the version
    for `country` (else REDFLAGS_COUNTRY / the help file's `country:`), the
    original while the country is automatic.
    """
    shown = cat.one_per_locale(list(scenarios), cat.picker_language(country))
    return [{"platform": platform, "name": cat.platform_name(platform),
             "cards": [card(s) for s in group]} for platform, group in cat.grouped(shown)]


def page_words() -> dict[str, Any]:
    return {
        "every_chat_note": cat.EVERY_CHAT_NOTE,
        "before_you_start": cat.BEFORE_YOU_START,
        "real_name_reminder": REAL_NAME_REMINDER,
    }
