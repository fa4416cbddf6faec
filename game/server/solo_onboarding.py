"""The practice chat on the play page (game/play/onboarding.py; docs/solo-play.md).

A new nickname's picker offers a 30-second practice chat (the window opens it
by itself). It is played like any chat, through the solo routes, but it is
never stored and never scored (``SoloService.create_onboarding``). Once the
player has finished, skipped or declined it, the store remembers that this
nickname has met it (a short hash of the nickname, never the nickname), so
it is not offered again to that nickname on this server. Without a nickname
the server remembers nothing (many players share it): the page keeps a
"seen" mark in the browser's localStorage instead.

    GET  /api/v1/practice/offer?player=NICK  -> {"due": bool, "offer": {title, body, start, no}}
    POST /api/v1/practice                    -> {"session": TOKEN}   (a paced chat, memory only)
    POST /api/v1/practice/seen {"player"?}   -> {"seen": true}
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from game.play import onboarding
from game.results import identity
from game.results.recorder import OPEN_ERRORS

from .errors import ApiError, read_json
from .solo.service import SoloError


def _player(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApiError(400, "'player' must be a nickname (text)")
    problem = identity.nickname_problem(value)
    if problem:
        raise ApiError(400, problem)
    return value


async def practice_offer(request: Request) -> Response:
    """Whether to offer the practice chat.
    ---
    summary: Whether the picker offers the practice chat to this nickname (extension for the browser page)
    security: []
    parameters:
      - {name: player, in: query, required: false, schema: {type: string, maxLength: 32}}
    responses:
      "200":
        description: due, and the offer's words
        content:
          application/json:
            schema: {type: object, required: [due, offer], properties: {due: {type: boolean}, offer: {type: object}}}
    """
    player = _player(request.query_params.get("player"))
    service = request.app.state.solo
    seen = False
    if player is not None:        # without a nickname the browser remembers it (one server, many players)
        try:
            seen = await run_in_threadpool(onboarding.seen_in, service.store, player)
        except OPEN_ERRORS:
            seen = False
    available = service.onboarding_scenario() is not None
    return JSONResponse({"due": available and not seen, "offer": dict(onboarding.OFFER)})


async def practice_start(request: Request) -> Response:
    """Start a practice chat.
    ---
    summary: Start the practice chat (never stored, never scored; extension for the browser page)
    security: []
    responses:
      "200":
        description: the practice chat's token (the solo routes play it)
        content:
          application/json:
            schema: {type: object, required: [session], properties: {session: {type: string}}}
    """
    try:
        return JSONResponse(request.app.state.solo.create_onboarding())
    except SoloError as exc:
        raise ApiError(exc.status, exc.message) from None


async def practice_seen(request: Request) -> Response:
    """This nickname has met the practice chat.
    ---
    summary: Remember that a nickname has finished, skipped or declined the practice chat
    security: []
    requestBody:
      required: false
      content:
        application/json:
          schema: {type: object, properties: {player: {type: string, maxLength: 32}}}
    responses:
      "200":
        description: remembered (a short hash of the nickname, never the nickname); false without a nickname
        content:
          application/json:
            schema: {type: object, required: [seen], properties: {seen: {type: boolean}}}
    """
    body = await read_json(request)
    player = _player(body.get("player"))
    if player is None:            # nothing to remember it by on a server many players share
        return JSONResponse({"seen": False})
    try:
        await run_in_threadpool(onboarding.mark_in, request.app.state.solo.store, player)
    except OPEN_ERRORS:
        return JSONResponse({"seen": False})    # a store that refuses: the page still moves on
    return JSONResponse({"seen": True})


routes = [
    Route("/api/v1/practice/offer", practice_offer, methods=["GET"]),
    Route("/api/v1/practice", practice_start, methods=["POST"]),
    Route("/api/v1/practice/seen", practice_seen, methods=["POST"]),
]
