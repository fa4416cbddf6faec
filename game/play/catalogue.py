"""What a scenario picker may say about a chat before it is played.

Nothing here may give the lesson away: a card never says which chats are
safe. Content notes that would reveal a benign chat ("none", "no red flags")
are replaced by a plain description of the platform, and every chat gets the
same reminder that some people are safe and some are not. The window's
picker, the browser's solo page and the class server's scenario list all use
``card()``.

A few chats ship in both locales (scenarios/README.md, "Both versions of a
chat"): ``one_per_locale()`` keeps the version in the player's language, so a
picker shows each such chat once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from game.taxonomy import load_help

#: a platform as a picker names it (a section heading, an eyebrow)
PLATFORM_NAMES = {"game_chat": "Game chat", "social_media": "Social media", "dating_app": "Dating app"}
#: a platform as a chat names it ("== Title (game chat) ==" in the terminal)
CHAT_NAMES = {"game_chat": "game chat", "social_media": "direct messages", "dating_app": "match chat",
              "messenger": "private messages"}
PLATFORM_ORDER = ("game_chat", "social_media", "dating_app")
DIFFICULTY_WORDS = {1: "Easy", 2: "Medium", 3: "Hard"}

#: Said before every chat, safe or not, so no card gives the lesson away.
EVERY_CHAT_NOTE = ("Some people in these chats are safe and some are not. You find out by playing: "
                   "that is the point.")
BEFORE_YOU_START = ("Flag anything that feels off. You can block, report or leave at any time, "
                    "and Esc pauses the chat.")
#: Content notes that would reveal a safe chat are left out (the lesson is telling them apart).
_PLAIN_NOTES = {"game_chat": "a chat with another player", "social_media": "a chat in direct messages",
                "dating_app": "a chat with a match"}
_SPOILER_NOTE = re.compile(r"^\s*(none|nothing)\b|no red flags|\bbenign\b|\bharmless\b|\bsafe\b", re.I)


def content_notes(scenario: Any) -> list[str]:
    """The scenario's content notes, without any that would reveal it as a safe chat.

    They are shown before a chat, not on the cards, so cards cannot be
    compared side by side to find the safe ones.
    """
    notes = [str(n).strip() for n in (getattr(scenario, "content_notes", ()) or ()) if str(n).strip()]
    notes = [n for n in notes if not _SPOILER_NOTE.search(n)]
    if not notes:
        notes = [_PLAIN_NOTES.get(getattr(scenario, "platform", ""), "a chat with someone online")]
    return notes


def difficulty_word(level: int) -> str:
    return DIFFICULTY_WORDS.get(int(level or 1), "Easy")


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform)


def chat_name(platform: str) -> str:
    return CHAT_NAMES.get(platform, platform)


def played_words(played: tuple[int, int | None] | None) -> str:
    """"New", "Played" or "Played · best 87" for a card."""
    if not played:
        return "New"
    _, best = played
    return f"Played · best {best}" if best is not None else "Played"


@dataclass(frozen=True)
class Card:
    """Everything a picker card and its "before you start" dialog may show."""

    id: str
    title: str
    summary: str
    platform: str
    platform_name: str
    difficulty: int
    difficulty_word: str
    situation: str                    # the player's context, one paragraph
    content_notes: tuple[str, ...]
    played: str                       # "New" / "Played" / "Played · best 87"

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["content_notes"] = list(self.content_notes)
        data["every_chat_note"] = EVERY_CHAT_NOTE
        return data


def card(scenario: Any, played: tuple[int, int | None] | None = None) -> Card:
    level = int(getattr(scenario, "difficulty", 1) or 1)
    platform = str(getattr(scenario, "platform", ""))
    situation = " ".join((getattr(getattr(scenario, "player", None), "context", "") or "").split())
    return Card(id=scenario.id, title=scenario.title, summary=" ".join(str(scenario.summary or "").split()),
                platform=platform, platform_name=platform_name(platform), difficulty=level,
                difficulty_word=difficulty_word(level), situation=situation,
                content_notes=tuple(content_notes(scenario)), played=played_words(played))


#: The ages a teacher can limit a picker to (0: every age).
AGE_CHOICES = (0, 12, 13, 14, 15, 16, 17)
_AGE_BAND = re.compile(r"^\s*(\d{1,2})\s*(?:[-\u2013]\s*(\d{1,2})|(\+))?\s*$")


def age_range(scenario: Any) -> tuple[int, int] | None:
    """The scenario's age band (its `audience`, "12-14", "15", "16+") as (youngest, oldest); None if unstated."""
    match = _AGE_BAND.match(str(getattr(scenario, "audience", "") or ""))
    if not match:
        return None
    low = int(match.group(1))
    high = 99 if match.group(3) else int(match.group(2) or low)
    return (low, high) if low <= high else None


def suits_age(scenario: Any, age: int) -> bool:
    """Whether a picker limited to `age` shows the scenario (0: every scenario; an unstated band: never)."""
    if not age:
        return True
    band = age_range(scenario)
    return band is not None and band[0] <= age <= band[1]


def age_words(scenario: Any) -> str:
    """"Ages 12-14" for a card; "" when the scenario states no band."""
    band = age_range(scenario)
    if band is None:
        return ""
    low, high = band
    if low == high:
        return f"Age {low}"
    return f"Ages {low}+" if high == 99 else f"Ages {low}-{high}"


def age_filter_words(age: int) -> str:
    """The picker's filter, in words: "All ages" or "Age 13"."""
    return f"Age {age}" if age else "All ages"


def grouped(scenarios: list[Any]) -> list[tuple[str, list[Any]]]:
    """Scenarios by platform, in the picker's order (unknown platforms last)."""
    order = {p: i for i, p in enumerate(PLATFORM_ORDER)}
    platforms = sorted({s.platform for s in scenarios}, key=lambda p: (order.get(p, len(order)), p))
    return [(p, [s for s in scenarios if s.platform == p]) for p in platforms]


#: A locale version's id is its original's id plus its language's region: first-dm-us is the en-US
#: version of first-dm (en-GB), quick-follow-back-gb the en-GB version of quick-follow-back.
LOCALE_SUFFIXES = {"en-US": "-us", "en-GB": "-gb"}


def original_id(scenario: Any, ids: set[str] | frozenset[str]) -> str | None:
    """The id of the chat `scenario` is the other-locale version of (among `ids`), or None."""
    suffix = LOCALE_SUFFIXES.get(str(getattr(scenario, "language", "")))
    sid = str(scenario.id)
    if suffix and sid.endswith(suffix) and sid[: -len(suffix)] in ids:
        return sid[: -len(suffix)]
    return None


def locale_pairs(scenarios: list[Any]) -> list[tuple[Any, Any]]:
    """(original, other-locale version) for every chat that ships in two languages."""
    by_id = {s.id: s for s in scenarios}
    pairs = []
    for s in scenarios:
        base = original_id(s, frozenset(by_id))
        if base is not None and by_id[base].language != s.language:
            pairs.append((by_id[base], s))
    return pairs


def one_per_locale(scenarios: list[Any], language: str | None) -> list[Any]:
    """`scenarios` with one version of each two-language chat, in the library's order.

    The version in `language` ("en-GB", "en-US") stays; with no language (the
    country is "automatic") or one neither version is in, the original does.
    """
    hidden = set()
    for original, version in locale_pairs(scenarios):
        hidden.add(original.id if language and version.language == language else version.id)
    return [s for s in scenarios if s.id not in hidden]


def picker_language(country_setting: str | None = None) -> str | None:
    """The language a picker prefers: that of the player's country (their setting, else
    REDFLAGS_COUNTRY, else the help file's `country:`); None while the country is automatic."""
    info = load_help()
    country = info.country_for("", country_setting)
    return next((langs[0] for cid, _name, langs in info.countries if cid == country and langs), None)
