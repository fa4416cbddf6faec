"""The solo-play HTTP routes (classroom.md, "Solo play"), plus the browser page's extras.

Spec routes:

    POST /api/v1/play                      {"scenario", "player"?, "class"?, "seed"?}  -> {"session"}
    POST /api/v1/play/TOKEN/command        {"line", "request_id"?}  -> {"events", "ended", "result"?}
    GET  /api/v1/play/TOKEN                -> {"events", "ended", "result"?}

Extensions for the paced page (docs/solo-play.md):

    POST /api/v1/play                      ... "paced": true   (messages come one by one)
    POST /api/v1/play/TOKEN/deliver        {"request_id"?}  -> the next pending message
    GET  /api/v1/play/TOKEN/chat           what the chat screen shows (no red-flag data)
    GET  /api/v1/play/TOKEN/debrief        the debrief, in words, once the chat has ended
    GET  /api/v1/scenarios/ID/media/REF    a picture the scenario uses (avatar, photo)
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from .service import SoloError, SoloService
from . import views

MAX_BODY = 64 * 1024

Handler = Callable[[Request], Awaitable[Response]]


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def read_json(request: Request) -> dict[str, Any]:
    """The request's JSON object; SoloError for a body that is too big or not an object."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY:
        raise SoloError(413, "the request is too big (64 KiB at most)")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise SoloError(413, "the request is too big (64 KiB at most)")
    if not body.strip():
        return {}
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise SoloError(400, "the request body must be JSON") from None
    if not isinstance(data, dict):
        raise SoloError(400, "the request body must be a JSON object")
    return data


def _guard(handler: Callable[[Request], Awaitable[Any]]) -> Handler:
    async def run(request: Request) -> Response:
        try:
            out = await handler(request)
        except SoloError as exc:
            return error(exc.status, exc.message)
        return out if isinstance(out, Response) else JSONResponse(out)
    return run


def routes(service: SoloService) -> list[Route]:
    """The solo-play routes bound to ``service``."""

    async def start(request: Request) -> Any:
        body = await read_json(request)
        return service.create(body.get("scenario"), player=body.get("player"),
                              class_code=body.get("class"), seed=body.get("seed"),
                              paced=body.get("paced", False), request_id=body.get("request_id"))

    async def command(request: Request) -> Any:
        body = await read_json(request)
        return service.command(request.path_params["token"], body.get("line"), body.get("request_id"))

    async def deliver(request: Request) -> Any:
        body = await read_json(request)
        return service.deliver(request.path_params["token"], body.get("request_id"))

    async def state(request: Request) -> Any:
        return service.state(request.path_params["token"])

    async def chat(request: Request) -> Any:
        return views.chat_view(service.live(request.path_params["token"]))

    async def debrief(request: Request) -> Any:
        live = service.live(request.path_params["token"])
        return views.debrief_view(live, service.result(live))

    async def media(request: Request) -> Response:
        scenario = service.scenario(request.path_params["scenario"])
        path = views.media_file(scenario, request.path_params["ref"])
        if path is None:
            raise SoloError(404, "no such picture")
        return FileResponse(path, headers={"Cache-Control": "max-age=3600"})

    return [
        Route("/api/v1/play", _guard(start), methods=["POST"]),
        Route("/api/v1/play/{token}/command", _guard(command), methods=["POST"]),
        Route("/api/v1/play/{token}/deliver", _guard(deliver), methods=["POST"]),
        Route("/api/v1/play/{token}/chat", _guard(chat), methods=["GET"]),
        Route("/api/v1/play/{token}/debrief", _guard(debrief), methods=["GET"]),
        Route("/api/v1/play/{token}", _guard(state), methods=["GET"]),
        Route("/api/v1/scenarios/{scenario}/media/{ref:path}", _guard(media), methods=["GET"]),
    ]
