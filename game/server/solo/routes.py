"""The solo-play HTTP routes (classroom.md, "Solo play"), plus the browser page's extras.

Spec routes:

    POST /api/v1/play                      {"scenario", "player"?, "class"?, "seed"?}  -> {"session"}
    POST /api/v1/play/TOKEN/command        {"line", "request_id"?}  -> {"events", "ended", "result"?}
    GET  /api/v1/play/TOKEN                -> {"events", "ended", "result"?}

Extensions for the paced page (docs/solo-play.md):

    POST /api/v1/play                      ... "paced": true   (messages come one by one)
    POST /api/v1/play/TOKEN/deliver        {"request_id"?}  -> the next pending message
    POST /api/v1/play/TOKEN/accept         accept the chat's message request (kept across reloads)
    GET  /api/v1/play/TOKEN/chat           what the chat screen shows (no red-flag data)
    GET  /api/v1/play/TOKEN/debrief        the debrief, in words, once the chat has ended
    GET  /api/v1/scenarios/ID/media/REF    a picture the scenario uses (avatar, photo)
    POST /api/v1/play/TOKEN/practice       {"decision", "request_id"?}  -> {"session", "practice", "decision"}
                                           try again from here: a practice run, never stored (``practice``);
                                           the routes above drive it by its token
    GET  /api/v1/help?scenario=ID&country=C  the help for a chat, for the player's "Help shown for" choice
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from game import paths
from game.play import help_country
from game.taxonomy import load_help

from ..errors import ApiError, read_json
from ..pages import STATIC_DIR
from . import views, words
from .practice import PracticeRuns
from .service import SoloError, SoloService

#: the fonts the page may load (the project's licence files cover them: assets/LICENSES.md)
FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "DejaVuSans.ttf", "NotoColorEmoji.ttf")


async def startup(app: Starlette) -> None:
    """One SoloService per process, on the app's results store and library."""
    store = app.state.store
    if store is None:                  # save=False: a throw-away store, gone at shutdown
        from game.results.store import Store

        app.state.solo_tmp = tempfile.mkdtemp(prefix="redflags-solo-")
        store = Store.open(app.state.solo_tmp)
        app.state.solo_store = store
    config = app.state.config
    app.state.solo = service = SoloService({s.id: s for s in config.library.scenarios}, store,
                                 typing_factor=float(config.extra.get("solo_typing_factor", 1.0)),
                                 idle_factor=float(config.extra.get("solo_idle_factor", 1.0)))
    service.view = views.page_view
    app.state.practice = PracticeRuns(service)


async def shutdown(app: Starlette) -> None:
    store = getattr(app.state, "solo_store", None)
    if store is not None:
        store.close()
        shutil.rmtree(app.state.solo_tmp, ignore_errors=True)


def _service(request: Request) -> SoloService:
    return request.app.state.solo


def _driver(request: Request) -> SoloService | PracticeRuns:
    """Who serves the token in the path: this process's practice runs if it is one of theirs, else solo play."""
    practice: PracticeRuns = request.app.state.practice
    return practice if practice.owns(request.path_params["token"]) else request.app.state.solo


async def _run(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Service calls wait for the disk: run them in the thread pool, not on the event loop."""
    return await run_in_threadpool(func, *args, **kwargs)


def _guard(handler: Callable[[Request], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
    async def run(request: Request) -> Response:
        try:
            out = await handler(request)
        except SoloError as exc:
            raise ApiError(exc.status, exc.message) from None
        return out if isinstance(out, Response) else JSONResponse(out)
    run.__name__ = handler.__name__
    run.__doc__ = handler.__doc__
    return run


@_guard
async def start_play(request: Request) -> Any:
    """Start a solo chat.
    ---
    summary: Start a solo chat (classroom.md, Solo play)
    security: []
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/PlayStart"}
    responses:
      "200":
        description: the chat's token
        content:
          application/json:
            schema:
              type: object
              required: [session]
              properties: {session: {type: string}}
    """
    body = await read_json(request)
    # a chat started without a class code is stored under the server's (`class --class CODE`)
    class_code = body.get("class") or request.app.state.config.class_code
    return await _run(_service(request).create, body.get("scenario"), player=body.get("player"),
                      class_code=class_code, seed=body.get("seed"),
                      paced=body.get("paced", False), request_id=body.get("request_id"))


@_guard
async def play_command(request: Request) -> Any:
    """One line of the command language.
    ---
    summary: Carry out one command of cli.md's command language
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    requestBody:
      required: true
      content:
        application/json:
          schema:
            type: object
            required: [line]
            properties:
              line: {type: string, maxLength: 200}
              request_id: {type: string, maxLength: 200}
    responses:
      "200":
        description: the new events
        content:
          application/json:
            schema: {$ref: "#/components/schemas/PlayState"}
    """
    body = await read_json(request)
    return await _run(_driver(request).command, request.path_params["token"], body.get("line"),
                      body.get("request_id"))


@_guard
async def play_deliver(request: Request) -> Any:
    """Paced chats: the next pending message.
    ---
    summary: Deliver the next pending message of a paced chat (extension for the browser page)
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    requestBody:
      required: false
      content:
        application/json:
          schema:
            type: object
            properties: {request_id: {type: string, maxLength: 200}}
    responses:
      "200":
        description: the delivered message and what follows it
        content:
          application/json:
            schema: {$ref: "#/components/schemas/PlayState"}
    """
    body = await read_json(request)
    return await _run(_driver(request).deliver, request.path_params["token"], body.get("request_id"))


@_guard
async def play_accept(request: Request) -> Any:
    """Accept the message request.
    ---
    summary: Accept the chat's message request (extension for the browser page; Decline is the command leave)
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    responses:
      "200":
        description: the chat as it stands, with the replies the request held back
        content:
          application/json:
            schema: {$ref: "#/components/schemas/PlayState"}
    """
    return await _run(_service(request).accept, request.path_params["token"])


@_guard
async def play_state(request: Request) -> Any:
    """Everything so far.
    ---
    summary: Every event of the chat so far, and the result once it has ended
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    responses:
      "200":
        description: the chat
        content:
          application/json:
            schema: {$ref: "#/components/schemas/PlayState"}
    """
    return await _run(_driver(request).state, request.path_params["token"])


@_guard
async def play_chat(request: Request) -> Any:
    """What the chat screen shows.
    ---
    summary: The chat screen's fixed parts (names, profile, skin words); no red-flag data
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    responses:
      "200":
        description: the chat screen
        content:
          application/json:
            schema: {type: object}
    """
    return views.chat_view(await _run(_driver(request).live, request.path_params["token"]))


@_guard
async def play_view(request: Request) -> Any:
    """The chat in lines.
    ---
    summary: The chat as the page draws it (shared chat view), with replies and receipts
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    responses:
      "200":
        description: lines, replies, composer status
        content:
          application/json:
            schema: {type: object}
    """
    live = await _run(_driver(request).live, request.path_params["token"])
    return await _run(views.page_view, live)


@_guard
async def catalogue(request: Request) -> Any:
    """The picker.
    ---
    summary: The picker's cards (spoiler-free wording, age bands) and the page's fixed words
    security: []
    parameters:
      - name: country
        in: query
        required: false
        description: >-
          the player's "Help shown for" choice: a chat that ships in both locales is listed in
          that country's language (the original while it is auto)
        schema: {type: string, maxLength: 20}
    responses:
      "200":
        description: platforms with their cards, and the words
        content:
          application/json:
            schema: {type: object}
    """
    help_info = load_help()
    try:
        chosen = help_country.choice(request.query_params.get("country"))
    except help_country.CountryError as exc:
        raise SoloError(400, str(exc)) from None
    return {"groups": words.catalogue(request.app.state.config.library.scenarios, chosen),
            "words": words.page_words(),
            "help_country": help_country.control(),     # the join page's "Help shown for" control
            "help": {"title": help_country.TITLE, "never_your_fault": list(help_info.never_your_fault),
                     "resources": [views.resource(r) for r in help_info.resources]}}


async def font(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in FONTS:
        raise ApiError(404, "no such font")
    return FileResponse(paths.ASSETS_DIR / "fonts" / name, media_type="font/ttf",
                        headers={"Cache-Control": "max-age=86400"})


async def play_page(request: Request) -> Response:
    return FileResponse(STATIC_DIR / "play.html", media_type="text/html; charset=utf-8",
                        headers={"cache-control": "no-cache"})


@_guard
async def play_debrief(request: Request) -> Any:
    """The debrief in words.
    ---
    summary: The debrief of an ended chat, in words (extension for the browser page)
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
      - name: country
        in: query
        required: false
        description: the player's "Help shown for" choice (auto, or a country id of the help file)
        schema: {type: string, maxLength: 20}
    responses:
      "200":
        description: the debrief
        content:
          application/json:
            schema: {type: object}
    """
    driver = _driver(request)
    live = await _run(driver.live, request.path_params["token"])
    return views.debrief_view(live, await _run(driver.result, live), request.query_params.get("country"))


@_guard
async def play_practice(request: Request) -> Any:
    """Try again from here.
    ---
    summary: Start a practice run from one reply of an ended chat; never stored (extension for the browser page)
    description: >-
      The chat as it stood just before the player's reply `decision` (0 = the first), rebuilt from its
      events (game.play.practice). The answer's token drives the run with the same routes as a chat
      (command, deliver, chat, view, debrief). A practice run lives in this server process's memory only:
      it is never written to the results store, never counted in a result or a report, and is forgotten
      after two hours without a request (404).
    security: []
    parameters:
      - {name: token, in: path, required: true, schema: {type: string}}
    requestBody:
      required: true
      content:
        application/json:
          schema:
            type: object
            required: [decision]
            properties:
              decision: {type: integer, minimum: 0}
              request_id: {type: string, maxLength: 200}
    responses:
      "200":
        description: the practice run's token
        content:
          application/json:
            schema:
              type: object
              required: [session, practice, decision]
              properties: {session: {type: string}, practice: {type: boolean}, decision: {type: integer}}
    """
    body = await read_json(request)
    return await _run(request.app.state.practice.start, request.path_params["token"], body.get("decision"),
                      body.get("request_id"))


@_guard
async def play_help(request: Request) -> Any:
    """The help for a chat, in the player's choice of country.
    ---
    summary: Where to get help, for the player's "Help shown for" choice (extension for the browser page)
    security: []
    parameters:
      - name: scenario
        in: query
        required: false
        description: the chat whose language the automatic choice follows
        schema: {type: string, maxLength: 100}
      - name: country
        in: query
        required: false
        description: auto (the default), or a country id of the help file
        schema: {type: string, maxLength: 20}
    responses:
      "200":
        description: the help (never-your-fault sentences, resources, school contact) and the control's words
        content:
          application/json:
            schema: {type: object}
    """
    scenario_id = request.query_params.get("scenario")
    language = _service(request).scenario(scenario_id).language if scenario_id else ""
    try:
        return help_country.help_view(language, request.query_params.get("country"))
    except help_country.CountryError as exc:
        raise SoloError(400, str(exc)) from None


@_guard
async def scenario_media(request: Request) -> Response:
    """A picture a scenario uses.
    ---
    summary: A picture of a scenario (its avatar or a photo in a message)
    security: []
    parameters:
      - {name: scenario, in: path, required: true, schema: {type: string}}
      - {name: ref, in: path, required: true, schema: {type: string}}
    responses:
      "200":
        description: the picture
        content:
          image/png: {}
    """
    service = _service(request)
    practice = service.onboarding_scenario()
    if practice is not None and request.path_params["scenario"] == practice.id:   # the practice chat's avatar
        scenario = practice
    else:
        scenario = service.scenario(request.path_params["scenario"])
    path = views.media_file(scenario, request.path_params["ref"])
    if path is None:
        raise SoloError(404, "no such picture")
    return FileResponse(path, headers={"Cache-Control": "max-age=3600"})


_STATE = {"type": "object", "required": ["events", "ended"],
          "properties": {"events": {"type": "array", "items": {"type": "object"}},
                         "ended": {"type": "boolean"}, "result": {"type": "object"},
                         "pending": {"type": "integer"}, "pacing": {"type": "object"},
                         "save": {"type": "object", "description": "only while the chat's events cannot be "
                                  "saved: {saved, state, problem}; they are kept and retried",
                                  "properties": {"saved": {"type": "boolean"}, "state": {"type": "string"},
                                                 "problem": {"type": ["string", "null"]}}}}}
OPENAPI_COMPONENTS = {"schemas": {
    "PlayStart": {"type": "object", "required": ["scenario"],
                  "properties": {"scenario": {"type": "string"}, "player": {"type": "string"},
                                 "class": {"type": "string"}, "seed": {"type": "integer", "minimum": 0},
                                 "paced": {"type": "boolean"},
                                 "request_id": {"type": "string", "maxLength": 200}}},
    "PlayState": _STATE,
}}

routes: list[BaseRoute] = [
    Route("/api/v1/play", start_play, methods=["POST"]),
    Route("/api/v1/play/{token}/command", play_command, methods=["POST"]),
    Route("/api/v1/play/{token}/deliver", play_deliver, methods=["POST"]),
    Route("/api/v1/play/{token}/accept", play_accept, methods=["POST"]),
    Route("/api/v1/play/{token}/chat", play_chat, methods=["GET"]),
    Route("/api/v1/play/{token}/debrief", play_debrief, methods=["GET"]),
    Route("/api/v1/play/{token}/view", play_view, methods=["GET"]),
    Route("/api/v1/play/{token}/practice", play_practice, methods=["POST"]),
    Route("/api/v1/catalogue", catalogue, methods=["GET"]),
    Route("/api/v1/help", play_help, methods=["GET"]),
    Route("/fonts/{name}", font, methods=["GET"], include_in_schema=False),
    Route("/play", play_page, methods=["GET"], include_in_schema=False),
    Route("/api/v1/play/{token}", play_state, methods=["GET"]),
    Route("/api/v1/scenarios/{scenario}/media/{ref:path}", scenario_media, methods=["GET"]),
]
