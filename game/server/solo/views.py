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
from game.play import chat_view as cv
from game.play import exits, help_country, onboarding
from game.play.branch_map import map_view
from game.play.practice import PRACTICE_LINE, practice_words
from game.play.replay import replay_rows
from game.taxonomy import help_for

from .practice import PracticeLive
from .service import Live, SoloError


class _Ended:
    """What ``ChatView`` reads of a conversation, for a chat that has ended (no live engine)."""

    def __init__(self, events: list[dict[str, Any]]):
        self.events = events
        self.ended = True
        self.pending: list[dict[str, Any]] = []
        flags: list[str] = []
        for e in events:
            if e.get("type") == "flag" and e.get("id") not in flags:
                flags.append(str(e["id"]))
            elif e.get("type") == "unflag" and e.get("id") in flags:
                flags.remove(str(e["id"]))
        self.flags = flags

    def is_flagged(self, item_id: str) -> bool:
        return item_id in self.flags

    def choices(self) -> list[Any]:
        return []


class _Chat:
    """The session-shaped object ``ChatView`` follows."""

    def __init__(self, live: Live):
        self.scenario = live.scenario
        self.conv = live.conv if live.conv is not None else _Ended(live.events)


def media_url(scenario: Scenario, ref: str) -> str:
    return f"/api/v1/scenarios/{quote(scenario.id)}/media/{quote(ref)}" if ref else ""


def scenario_pictures(scenario: Scenario) -> set[str]:
    """Every picture reference the scenario itself uses (only these are served)."""
    refs = {scenario.stranger.avatar} if scenario.stranger.avatar else set()
    for node in scenario.nodes.values():
        for message in node.messages + node.idle_nudges:
            if message.image:
                refs.add(message.image)
    refs.update(item.image for item in scenario.stranger.profile if item.image)   # profile photos
    return refs


def media_file(scenario: Scenario, ref: str) -> Path | None:
    if ref not in scenario_pictures(scenario):
        return None
    return resolve_asset(Path(scenario.path).parent, ref)


def _scenario(live: Live) -> Scenario:
    if live.scenario is None:
        raise SoloError(409, "this chat's scenario is no longer on this server")
    return live.scenario


def chat_view(live: Live) -> dict[str, Any]:
    """The chat screen's fixed parts: names, profile, pictures, the skin's words. No red flags."""
    scenario = _scenario(live)
    stranger = scenario.stranger
    view = cv.ChatView(_Chat(live))
    pictures = {ref: {"url": media_url(scenario, ref), "name": cv.picture_name(ref)}
                for ref in sorted(scenario_pictures(scenario))}
    return {
        "scenario": scenario.id, "title": scenario.title, "platform": scenario.platform,
        "header": view.title(), "status": view.status(), "typing": view.status(typing=True),
        "stranger": {"name": stranger.name, "claimed_age": stranger.claimed_age,
                     "avatar": media_url(scenario, stranger.avatar), "initials": _initials(stranger.name)},
        "profile": [{"id": p.item_id, "label": p.label, "text": p.text, "image": p.image} for p in stranger.profile],
        # the Profile button's cue that there is something to look at ("Profile · 4 details" / "4 details")
        "profile_button": {"long": cv.profile_label(len(stranger.profile)),
                           "short": cv.profile_label(len(stranger.profile), short=True)},
        "clock": scenario.clock,     # the story's time of day at the start ("" = the real time)
        "player": {"name": view.player},
        "pictures": pictures,
        "confirm": {how: list(cv.confirm_words(how, stranger.name)) for how in ("block", "report", "leave")},
        "report_form": exits.report_form(stranger.name),      # "What happened?" (the window's words)
        "block": exits.block_words(stranger.name),            # what blocking does and does not do
        "pause": exits.pause_words(),
        "safety": exits.safety_menu(stranger.name),           # the header's Safety menu (Block / Report / Leave)
        "outcome_words": dict(cv.OUTCOME_WORDS),
        "fake_link": cv.FAKE_LINK,
        "chat_over_flags": cv.CHAT_OVER_FLAGS,
        # a practice run (try again from here): its badge and first line, and the way back
        "resumed_line": PRACTICE_LINE if isinstance(live, PracticeLive) else cv.RESUMED_LINE,
        "practice": practice_words() if isinstance(live, PracticeLive) else None,
        "switch_title": cv.SWITCH_TITLE,                      # the label over "NAME moved the chat to..."
        # the message request's card (None: the chat has none); Decline sends request_decline_as
        "request": view.request_words() if scenario.message_request else None,
        "request_decline_as": cv.REQUEST_DECLINE_AS,
        "paced": live.paced,
        "onboarding": onboarding.coach_words() if live.onboarding else None,   # the first-chat practice's coach card
    }


def _initials(name: str) -> str:
    """Two letters for a picture-less avatar: the first letters of two words, else of one."""
    words_ = "".join(ch if ch.isalnum() else " " for ch in name).split()
    if len(words_) >= 2:
        return (words_[0][0] + words_[1][0]).upper()
    if not words_:
        return "?"
    word = words_[0]
    capital = next((ch for ch in word[1:] if ch.isupper()), "")   # xKaiTradesx -> XK, Jay -> J
    return (word[0] + capital).upper()


def page_view(live: Live) -> dict[str, Any]:
    """The chat as it stands, in lines the page draws as they are (shared ``ChatView``)."""
    chat = _Chat(live)
    view = cv.ChatView(chat)
    if live.accepted:              # the message request was accepted (kept by the server: a reload keeps it)
        view.accept_request()
    view.update()
    lines = [line.as_dict() for line in view.snapshot()]
    conv = chat.conv
    flags = sorted(p.item_id for p in _scenario(live).stranger.profile if conv.is_flagged(p.item_id))
    request = view.request_words() if view.request_pending() else None
    return {"lines": lines, "replies": view.replies(behind_request=True), "composer_status": view.composer_status(),
            "seen_word": _seen_word(view), "profile_flags": flags, "ended": live.ended,
            "platform": view.platform(), "request": request,
            # the first-chat practice's coach card: which of its three steps are done
            "onboarding": list(onboarding.progress(live.events)) if live.onboarding else None}


def _seen_word(view: cv.ChatView) -> str | None:
    """What the last reply's receipt becomes once the stranger starts typing (None: nothing to change).

    Call after the lines were taken: it marks the reply read in ``view``."""
    last = next((line for line in reversed(view.lines) if line.kind == cv.PLAYER), None)
    if last is None or view.mark_seen() is None:
        return None
    return view.receipt(last)


def _part(part: Any) -> dict[str, Any]:
    percent = None if part.value is None else round(part.value * 100)
    return {"name": part.name, "value": part.value, "percent": percent, "meaning": part.meaning}


def debrief_view(live: Live, result: dict[str, Any] | None, country: Any = None) -> dict[str, Any]:
    """The debrief in words; ``country``: the player's "Help shown for" choice (None or "auto": automatic)."""
    scenario = live.scenario
    if not live.ended or result is None:
        raise SoloError(400, "the debrief comes when the chat has ended")
    if scenario is None:
        raise SoloError(409, "this chat's scenario is no longer on this server")
    try:
        chosen = help_country.choice(country)
    except help_country.CountryError as exc:
        raise SoloError(400, str(exc)) from None
    d = debrief_words.build(scenario, live.events, result, chosen)
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
        "sections": list(d.sections),       # the debrief sections true on this player's path
        "questions": list(d.questions),
        "never_your_fault": list(d.help.never_your_fault),
        "help": [resource(r) for r in d.help.resources],
        # the "Help shown for" control and whose help this is
        "help_country": {"choice": chosen or help_country.AUTO, "country": d.help.country,
                         "showing": help_country.SHOWING.format(
                             country=d.help.country_name() or help_country.EVERY_COUNTRY),
                         "control": help_country.control(resolved=help_for(scenario.language))},
        "help_first": d.help_first,          # unsafe ending: what happened, what to do, help, then the score
        "first_steps": list(d.first_steps),
        "report_reason": d.report_reason,
        "report_note": (debrief_words.REPORT_NOTE.format(reason=d.report_reason.lower())
                        if d.report_reason else ""),
        "words": debrief_words.page_words(d.help_first),
        # the chat replayed: every line, the replies not picked beside each reply (game.play.replay)
        "replay": replay_rows(live.events, result, scenario.stranger.name,
                              d.ending.title if d.ending is not None else ""),
        "replay_words": debrief_words.replay_words(),
        # the tally over the replay, by the rule every front end follows (no "Spotted × 0" after an unsafe ending)
        "tally": [{"status": status, "count": n} for status, n in debrief_words.tally(d)],
        "practice": practice_words() if isinstance(live, PracticeLive) else None,
        # the branch map: the window's layout (game.graph.map_layout), the path, its text alternative
        "map": map_view(scenario, live.events),
        "result": result,
    }


def resource(r: Any) -> dict[str, str]:
    return {"name": r.name, "region": r.region, "purpose": r.purpose, "website": r.website, "phone": r.phone}
