"""The discernment check for solo play in the browser (an extension of classroom.md; docs/solo-play.md).

The play page asks whether a check is due for the player, exactly as the
window does (game.checks.schedule.due over the results store): before their
first chat, after the teacher's number of chats when they leave that chat's
debrief, and a week or more after the post check. Never required ("Not
now"), and not offered without a nickname (it could not be paired with a
later one).

    GET  /api/v1/check/offer?player=NICK&class=CODE&moment=chat|debrief
         -> {"offer": null | {"phase", "form", "chats", "items", "words"}}
    POST /api/v1/check {"player"?, "class"?, "form", "phase", "answers": [...], "request_id"?}
         -> {"stored", "complete", "message", "improvement"}

The page shows the items one at a time and sends the answers once, at the
end or when the player stops (so nothing is kept on the server between two
items and any worker of the server can take it). The answers must follow
the form's order; a prefix is an unfinished check, stored as incomplete
like a quit one. ``request_id`` makes a retry store nothing more (the first
answer is kept in the store's settings, so every process sees it).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..checks import storage
from ..checks import words as check_words
from ..checks.library import FormError, load_forms
from ..checks.model import Form
from ..checks.schedule import default_form, due
from ..checks.scoring import Answer, score_check
from ..checks.session import PHASES
from ..results import identity
from .errors import ApiError, read_json
from .roomcheck import item_json, parse_answer
from .rooms import RoomError

MOMENTS = ("chat", "debrief")
REQUEST_KEY = "check_request:"
_lock = threading.Lock()


def _store(request: Request) -> Any:
    state = request.app.state
    return getattr(state, "solo_store", None) or state.store


def _forms() -> dict[str, Form]:
    try:
        return load_forms()
    except FormError as exc:
        raise ApiError(409, f"the check's forms cannot be used: {exc}") from None


def _player(raw: Any) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or len(raw) > 64:
        raise ApiError(400, "'player' must be a nickname (text)")
    problem = identity.nickname_problem(raw.strip())
    if problem:
        raise ApiError(400, problem)
    return raw.strip()


def _class(request: Request, raw: Any) -> str | None:
    if raw is None or raw == "":
        return identity.clean_class_code(request.app.state.config.class_code)   # as solo chats are stored
    if not isinstance(raw, str) or len(raw) > 64:
        raise ApiError(400, "'class' must be a class code (text)")
    problem = identity.class_code_problem(raw)
    if problem:
        raise ApiError(400, problem)
    return identity.clean_class_code(raw)


def offer_for(store: Any, forms: dict[str, Form], player: str | None, class_code: str | None,
              moment: str, now: float) -> dict[str, Any] | None:
    """The check to offer now, with its items and words, or None."""
    if store is None or player is None or not forms:
        return None
    history = storage.history(store, player=player, class_code=class_code)
    phase = due(history, now, storage.post_after(store))
    if phase is None or (moment == "debrief" and phase == "pre"):   # the pre check belongs before a chat
        return None
    form = forms[default_form(history, tuple(sorted(forms)))]
    words = check_words.student_words(phase)
    words.update(offer=check_words.OFFER[phase].format(chats=history.chats_finished),
                 take=check_words.TAKE_IT, not_now=check_words.NOT_NOW,
                 item_of=check_words.ITEM_OF)
    return {"phase": phase, "form": form.name, "chats": history.chats_finished,
            "items": [item_json(item) for item in form.items], "words": words}


async def offer(request: Request) -> JSONResponse:
    """Whether a check is due for this player now, with its items.
    ---
    summary: The discernment check due for a solo player (if any)
    security: []
    parameters:
      - {name: player, in: query, required: false, schema: {type: string, maxLength: 64}}
      - {name: class, in: query, required: false, schema: {type: string, maxLength: 64}}
      - {name: moment, in: query, required: false, schema: {type: string, enum: [chat, debrief]}}
    responses:
      "200":
        description: the check to offer, or null
        content:
          application/json:
            schema: {$ref: "#/components/schemas/SoloCheckOffer"}
    """
    q = request.query_params
    player = _player(q.get("player"))
    class_code = _class(request, q.get("class"))
    moment = q.get("moment") or "chat"
    if moment not in MOMENTS:
        raise ApiError(400, "'moment' must be chat (starting a chat) or debrief (leaving a debrief)")
    forms = _forms()
    store = _store(request)
    found = await run_in_threadpool(offer_for, store, forms, player, class_code, moment, time.time())
    return JSONResponse({"offer": found})


def _answers(form: Form, raw: Any) -> list[Answer]:
    if not isinstance(raw, list) or not 1 <= len(raw) <= len(form.items):
        raise ApiError(400, f"'answers' must be a list of 1 to {len(form.items)} answers, in the form's order")
    out = []
    for n, (entry, item) in enumerate(zip(raw, form.items), start=1):
        if not isinstance(entry, dict):
            raise ApiError(400, f"answer {n} must be an object with 'item', 'answer' and 'confidence'")
        try:
            given = parse_answer(entry.get("item"), entry.get("answer"), entry.get("confidence"))
        except RoomError as exc:
            raise ApiError(exc.status, f"answer {n}: {exc.message}") from None
        if given.item != item.id:
            raise ApiError(400, f"answer {n} must be for chat '{item.id}' (the form's order)")
        out.append(given)
    return out


def store_check(store: Any, form: Form, phase: str, answers: list[Answer], player: str | None,
                class_code: str | None, request_id: str | None, now: float) -> dict[str, Any]:
    """Score and store one check (once per request_id); the player's words."""
    key = REQUEST_KEY + hashlib.sha256(request_id.encode("utf-8", "surrogatepass")).hexdigest() \
        if request_id is not None else None
    complete = len(answers) == len(form.items)
    record = score_check(form, answers, phase=phase, complete=complete)
    with _lock:
        if key is not None and store is not None:
            known = store.get_setting(key)
            if known is not None:
                return dict(json.loads(known))
        improvement = ""
        if store is not None:
            if player is not None and phase != "pre":
                found = storage.rows(store, player=player, class_code=class_code, school=store.school)
                improvement = check_words.improvement(storage.earlier_check(found, now), record)
            storage.save(store, record, form_sha256=form.sha256, player=player, class_code=class_code,
                         taken_at=now)
        answer = {"stored": store is not None, "complete": complete,
                  "message": check_words.THANKS if complete else check_words.THANKS_PARTLY,
                  "improvement": improvement}
        if key is not None and store is not None:
            store.set_setting(key, json.dumps(answer))
    return answer


async def take(request: Request) -> JSONResponse:
    """Store a check taken on the play page (all its answers at once, at the end or on stopping).
    ---
    summary: Store a solo player's discernment check
    security: []
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/SoloCheckTake"}
    responses:
      "200":
        description: stored; what the player sees
        content:
          application/json:
            schema: {$ref: "#/components/schemas/SoloCheckStored"}
    """
    body = await read_json(request, allow_empty=False)
    request_id = body.get("request_id")
    if request_id is not None and (not isinstance(request_id, str) or not 1 <= len(request_id) <= 200):
        raise ApiError(400, "'request_id' must be a string of 1 to 200 characters")
    player = _player(body.get("player"))
    class_code = _class(request, body.get("class"))
    phase = body.get("phase")
    if not isinstance(phase, str) or phase not in PHASES:
        raise ApiError(400, f"'phase' must be one of {', '.join(PHASES)}")
    forms = _forms()
    name = body.get("form")
    if not isinstance(name, str) or name not in forms:
        raise ApiError(400, f"'form' must be one of {', '.join(sorted(forms))}")
    form = forms[name]
    answers = _answers(form, body.get("answers"))
    result = await run_in_threadpool(store_check, _store(request), form, phase, answers, player, class_code,
                                     request_id, time.time())
    return JSONResponse(result)


_WORDS = {"type": "object", "additionalProperties": True}
OPENAPI_COMPONENTS = {"schemas": {
    "SoloCheckOffer": {"type": "object", "required": ["offer"], "properties": {"offer": {
        "type": "object", "nullable": True, "required": ["phase", "form", "chats", "items", "words"],
        "properties": {"phase": {"type": "string", "enum": list(PHASES)}, "form": {"type": "string"},
                       "chats": {"type": "integer"},
                       "items": {"type": "array", "items": {"$ref": "#/components/schemas/CheckItem"}},
                       "words": _WORDS}}}},
    "SoloCheckTake": {"type": "object", "required": ["form", "phase", "answers"], "properties": {
        "player": {"type": "string"}, "class": {"type": "string"}, "form": {"type": "string"},
        "phase": {"type": "string", "enum": list(PHASES)},
        "answers": {"type": "array", "minItems": 1, "maxItems": 16, "items": {
            "type": "object", "required": ["item", "answer"], "properties": {
                "item": {"type": "string"}, "answer": {"type": "string", "enum": ["red", "safe", "skip"]},
                "confidence": {"type": "integer", "minimum": 1, "maximum": 4}}}},
        "request_id": {"type": "string", "minLength": 1, "maxLength": 200}}},
    "SoloCheckStored": {"type": "object", "required": ["stored", "complete", "message", "improvement"],
                        "properties": {"stored": {"type": "boolean"}, "complete": {"type": "boolean"},
                                       "message": {"type": "string"}, "improvement": {"type": "string"}}},
}}

routes = [
    Route("/api/v1/check/offer", offer, methods=["GET"]),
    Route("/api/v1/check", take, methods=["POST"]),
]
