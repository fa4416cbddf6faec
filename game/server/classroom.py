"""The class session's HTTP API (classroom.md): rooms, joining, flags, votes and the teacher's controls.

Student requests carry the student token, teacher requests the room's
teacher token, ``POST /api/v1/rooms`` the admin token (``Authorization:
Bearer ...``). A student token never gets a teacher action done (403).
Every state-changing request may carry ``request_id``: the same request
sent again returns the first answer and changes nothing more.

Beyond classroom.md (documented in docs/classroom-server.md): live views
(``GET /api/v1/room/events``, ``/api/v1/room/teacher/events``), the
teacher's ``wait``, ``discussion``, ``reveal``, ``rewind``, ``lock``,
``close``, ``students``, ``remove`` and ``rename``, a ``tally`` for a show
of hands, and ``seed`` when starting.
"""

from __future__ import annotations

import asyncio
import hmac
import io
import json
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import segno
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..results import identity
from ..session import new_seed
from . import views, words
from .class_store import StoreResults
from .errors import ApiError, field_bool, field_int, field_str, read_json
from .live import Gone, LiveHub, event_stream
from .ratelimit import RateLimiter
from .rooms import Registry, Room, RoomError, Student
from .security import require_bearer, token_key

REQUEST_IDS_KEPT = 200


# -- the state every route reaches -------------------------------------------------------
class Classroom:
    """The rooms of one server, their live hubs, limits and idempotency records."""

    def __init__(self, app: Starlette) -> None:
        config = app.state.config
        self.config = config
        store = app.state.store
        self.sinks: list[StoreResults] = []

        def sink_factory() -> Any:
            if store is None:
                return None
            sink = StoreResults(store)
            self.sinks.append(sink)
            return sink

        self.registry = Registry(config.library, sink_factory=sink_factory, max_students=config.max_students,
                                 on_change=self._changed)
        self.hubs: dict[int, LiveHub] = {}
        self.joins = RateLimiter(config.join_burst, config.join_rate)
        self.bad_joins = RateLimiter(config.bad_join_burst, config.bad_join_rate)
        self.done: OrderedDict[tuple[str, str, str], tuple[int, Any]] = OrderedDict()
        self.pacers: dict[int, asyncio.Task[None]] = {}

    def hub(self, room: Room) -> LiveHub:
        hub = self.hubs.get(id(room))
        if hub is None:
            hub = self.hubs[id(room)] = LiveHub()
        return hub

    def _changed(self, room: Room) -> None:
        self.hub(room).notify()

    def store_error(self, room: Room) -> str | None:
        """Why the class's results are not saved yet (tried again first), or None."""
        sink = room.sink
        retry = getattr(sink, "retry", None)
        if retry is not None:
            retry()
        return getattr(sink, "last_error", None)

    def stop_live(self) -> None:
        for hub in self.hubs.values():
            hub.stop()
        for task in self.pacers.values():
            task.cancel()
        self.pacers.clear()

    def pace(self, room: Room) -> None:
        """Run (or stop) the room's auto-advance task to match ``room.auto_seconds``."""
        task = self.pacers.pop(id(room), None)
        if task is not None:
            task.cancel()
        if room.auto_seconds is not None:
            self.pacers[id(room)] = asyncio.get_running_loop().create_task(self._auto(room))

    async def _auto(self, room: Room) -> None:
        while room.auto_seconds is not None and not room.closed:
            await asyncio.sleep(room.auto_seconds)
            try:
                room.auto_advance()
            except RoomError:
                pass


def classroom(request: Request) -> Classroom:
    return request.app.state.classroom


# -- who is asking ----------------------------------------------------------------------
def _admin(request: Request) -> None:
    token = require_bearer(request)
    if not hmac.compare_digest(token_key(token), token_key(request.app.state.config.admin_token)):
        if _teacher_room(request, token) is not None or _student_room(request, token) is not None:
            raise ApiError(403, "only the admin token opens rooms")
        raise ApiError(401, "unknown token")


def _teacher_room(request: Request, token: str) -> Room | None:
    return classroom(request).registry.by_teacher.get(token_key(token))


def _student_room(request: Request, token: str) -> Room | None:
    return classroom(request).registry.by_student.get(token_key(token))


def teacher(request: Request) -> tuple[Room, str]:
    token = require_bearer(request)
    room = _teacher_room(request, token)
    if room is None:
        reg = classroom(request).registry
        key = token_key(token)
        if key in reg.by_student or key in reg.removed:
            raise ApiError(403, "this needs the teacher's token; a student token cannot do that")
        if hmac.compare_digest(key, token_key(request.app.state.config.admin_token)):
            raise ApiError(403, "this needs a room's teacher token (the admin token opens rooms)")
        raise ApiError(401, "unknown token")
    return room, token_key(token)


def student(request: Request) -> tuple[Room, Student, str]:
    token = require_bearer(request)
    reg = classroom(request).registry
    key = token_key(token)
    room = reg.by_student.get(key)
    if room is None:
        if key in reg.removed:
            raise ApiError(403, words.REMOVED)
        if key in reg.by_teacher:
            raise ApiError(403, "this is the teacher's token; students join with the join code")
        raise ApiError(401, "unknown token: join again with the join code")
    found = room.student_for(key)
    if found is None:
        raise ApiError(403, words.REMOVED)
    return room, found, key


async def once(request: Request, who: str, body: dict[str, Any],
               action: Callable[[], Awaitable[Any] | Any]) -> JSONResponse:
    """Run ``action`` once per (token, path, request_id): a retry gets the first answer again."""
    request_id = body.get("request_id")
    if request_id is not None and (not isinstance(request_id, str) or not 1 <= len(request_id) <= 200):
        raise ApiError(400, "'request_id' must be a string of 1 to 200 characters")
    cls = classroom(request)
    key = (who, request.url.path, request_id) if request_id is not None else None
    if key is not None and key in cls.done:
        status, payload = cls.done[key]
        return JSONResponse(payload, status_code=status)
    try:
        result = action()
        if asyncio.iscoroutine(result):
            result = await result
    except RoomError as exc:
        raise ApiError(exc.status, exc.message) from None
    if key is not None:
        cls.done[key] = (200, result)
        while len(cls.done) > REQUEST_IDS_KEPT * 50:
            cls.done.popitem(last=False)
    return JSONResponse(result)


def _room_errors(func: Callable[[], Any]) -> Any:
    try:
        return func()
    except RoomError as exc:
        raise ApiError(exc.status, exc.message) from None


# -- rooms and joining --------------------------------------------------------------------
def _class_code(body: dict[str, Any]) -> str | None:
    raw = field_str(body, "class", required=False, max_len=64)
    if raw is None:
        return None
    problem = identity.class_code_problem(raw)
    if problem:
        raise ApiError(400, problem)
    return identity.clean_class_code(raw)


async def create_room(request: Request) -> JSONResponse:
    """A new room on this server (admin token).
    ---
    summary: Open a new room (admin token)
    requestBody:
      required: false
      content:
        application/json:
          schema: {$ref: "#/components/schemas/CreateRoom"}
    responses:
      "200":
        description: the new room
        content:
          application/json:
            schema: {$ref: "#/components/schemas/NewRoom"}
    """
    _admin(request)
    body = await read_json(request)
    code = _class_code(body)

    def act() -> dict[str, Any]:
        room, token = classroom(request).registry.create(class_code=code)
        return {"join_code": room.join_code, "teacher_token": token}
    return await once(request, "admin", body, act)


async def join(request: Request) -> JSONResponse:
    """Join a room with its join code.
    ---
    summary: Join a class session with its join code
    security: []
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Join"}
    responses:
      "200":
        description: the student's token and nickname
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Joined"}
    """
    body = await read_json(request, allow_empty=False)
    cls = classroom(request)
    address = request.client.host if request.client else "?"
    code = field_str(body, "join_code", max_len=32) or ""
    player = field_str(body, "player", required=False, max_len=64)
    request_id = body.get("request_id")
    if isinstance(request_id, str):
        done = cls.done.get((f"join:{address}", request.url.path, request_id))
        if done is not None:
            return JSONResponse(done[1], status_code=done[0])
    if not cls.bad_joins.would_allow(address):
        raise ApiError(429, "too many wrong join codes: wait a minute and try again",
                       {"retry-after": str(cls.bad_joins.retry_after(address))})
    if not cls.joins.allow(address):
        raise ApiError(429, "too many joins from this device: wait a moment and try again",
                       {"retry-after": str(cls.joins.retry_after(address))})
    normalized = "".join(code.split()).upper()
    room = cls.registry.by_code.get(normalized)
    if room is None:
        cls.bad_joins.allow(address)
        raise ApiError(404, words.WRONG_CODE)

    def act() -> dict[str, Any]:
        _, token, who = cls.registry.join(normalized, player)
        return {"token": token, "player": who.player}
    return await once(request, f"join:{address}", body, act)


async def room_state(request: Request) -> JSONResponse:
    """The room as this student sees it.
    ---
    summary: The room state for a student (polling)
    responses:
      "200":
        description: the room state
        content:
          application/json:
            schema: {$ref: "#/components/schemas/RoomState"}
    """
    room, who, _ = student(request)
    return JSONResponse(views.student_state(room, who))


async def flag(request: Request) -> JSONResponse:
    """Flag or unflag a message or profile item, privately.
    ---
    summary: Flag or unflag an item (student)
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Flag"}
    responses:
      "200":
        description: the student's flags now
        content:
          application/json:
            schema:
              type: object
              required: [my_flags]
              properties:
                my_flags: {type: array, items: {type: string}}
    """
    room, who, key = student(request)
    body = await read_json(request, allow_empty=False)
    item = field_str(body, "item", max_len=100)
    on = field_bool(body, "on", default=True)

    async def act() -> dict[str, Any]:
        flags = room.flag(who, item, on)
        branch = room.current
        sink = room.sink
        if branch is not None and isinstance(sink, StoreResults):
            await sink.settled(branch, who)      # answered once the flag is on disk (or the store is failing)
        return {"my_flags": flags}
    return await once(request, key, body, act)


async def vote(request: Request) -> JSONResponse:
    """Vote for a reply while a vote is open (a student may change it until it closes).
    ---
    summary: Vote (student)
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Vote"}
    responses:
      "200":
        description: the student's vote
        content:
          application/json:
            schema:
              type: object
              required: [my_vote]
              properties:
                my_vote: {type: string}
    """
    room, who, key = student(request)
    body = await read_json(request, allow_empty=False)
    choice = field_str(body, "key", max_len=20)
    return await once(request, key, body, lambda: {"my_vote": room.cast(who, choice)})


async def student_events(request: Request) -> Response:
    """Live room states for a student (server-sent events).
    ---
    summary: Live room states for a student (text/event-stream)
    parameters:
      - {name: max_events, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 1000}}
    responses:
      "200":
        description: "a stream of event frames whose data is the room state"
        content:
          text/event-stream:
            schema: {type: string}
    """
    room, who, key = student(request)
    cls = classroom(request)
    max_events = _max_events(request)

    def version() -> Any:
        return (room.public_version, who.version)

    def state() -> dict[str, Any]:
        current = cls.registry.by_student.get(key)
        if current is None or who.removed:
            raise Gone(words.REMOVED)
        return views.student_state(room, who)
    return event_stream(cls.hub(room).frames(version, state, max_events))


def _max_events(request: Request) -> int | None:
    raw = request.query_params.get("max_events")
    if raw is None:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= 1000:
        raise ApiError(400, "'max_events' must be a whole number from 1 to 1000")
    return int(raw)


# -- the teacher ---------------------------------------------------------------------------
def _join_url(request: Request, room: Room) -> str:
    base = request.app.state.config.public_url or str(request.base_url)
    if not base.endswith("/"):
        base += "/"
    return f"{base}?code={room.join_code}"


def _teacher_view(request: Request, room: Room) -> dict[str, Any]:
    return teacher_view(classroom(request), room, _join_url(request, room))


def teacher_view(cls: Classroom, room: Room, join_url: str) -> dict[str, Any]:
    """The teacher state with the join address (what the teacher page and both projectors draw)."""
    state = views.teacher_state(room, cls.store_error(room))
    state["join_url"] = join_url
    state["address"] = join_url.split("?")[0]
    return state


async def teacher_state(request: Request) -> JSONResponse:
    """The room state plus students, flag counts per message, vote counts.
    ---
    summary: The teacher's room state
    responses:
      "200":
        description: the teacher's room state
        content:
          application/json:
            schema: {$ref: "#/components/schemas/TeacherState"}
    """
    room, _ = teacher(request)
    return JSONResponse(_teacher_view(request, room))


async def teacher_events(request: Request) -> Response:
    """Live teacher states (server-sent events).
    ---
    summary: Live teacher room states (text/event-stream)
    parameters:
      - {name: max_events, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 1000}}
    responses:
      "200":
        description: "a stream of event frames whose data is the teacher's room state"
        content:
          text/event-stream:
            schema: {type: string}
    """
    room, _ = teacher(request)
    max_events = _max_events(request)
    return event_stream(classroom(request).hub(room).frames(
        lambda: room.version, lambda: _teacher_view(request, room), max_events, coalesce_s=0.05))


async def qr_svg(request: Request) -> Response:
    """The QR code of the room's join address, as SVG (teacher token).
    ---
    summary: QR code of the join address (SVG)
    responses:
      "200":
        description: an SVG picture
        content:
          image/svg+xml:
            schema: {type: string}
    """
    room, _ = teacher(request)
    qr = segno.make(_join_url(request, room), error="m")
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=8, border=2, xmldecl=False, svgns=True, dark="#000", light="#fff")
    return Response(out.getvalue(), media_type="image/svg+xml")


def teacher_action(name: str, act: Callable[[Request, Room, dict[str, Any]], Any], summary: str,
                   body_schema: str | None = None) -> Callable[[Request], Awaitable[JSONResponse]]:
    """A teacher endpoint: check the teacher token, read the body, act once, answer the teacher state."""

    async def endpoint(request: Request) -> JSONResponse:
        room, key = teacher(request)
        body = await read_json(request)

        def run() -> dict[str, Any]:
            extra = act(request, room, body)
            state = _teacher_view(request, room)
            if isinstance(extra, dict):
                state.update(extra)
            return state
        return await once(request, key, body, run)

    body_yaml = (f"""
    requestBody:
      required: false
      content:
        application/json:
          schema: {{$ref: "#/components/schemas/{body_schema}"}}""" if body_schema else """
    requestBody:
      required: false
      content:
        application/json:
          schema: {$ref: "#/components/schemas/RequestOnly"}""")
    endpoint.__doc__ = f"""{summary}
    ---
    summary: {json.dumps(summary)}{body_yaml}
    responses:
      "200":
        description: the teacher's room state after the action
        content:
          application/json:
            schema: {{$ref: "#/components/schemas/TeacherState"}}
    """
    endpoint.__name__ = name
    endpoint.__qualname__ = name
    return endpoint


def _start(request: Request, room: Room, body: dict[str, Any]) -> None:
    scenario = room.scenario_by_id(field_str(body, "scenario", max_len=200))
    code = _class_code(body)
    seed = field_int(body, "seed", default=None, minimum=0)
    room.start(scenario, new_seed() if seed is None else seed, class_code=code)


def _advance(request: Request, room: Room, body: dict[str, Any]) -> dict[str, Any]:
    everything = field_bool(body, "all", default=False)
    delivered = room.advance(everything)
    return {"delivered": [e["n"] for e in delivered]}


def _close_vote(request: Request, room: Room, body: dict[str, Any]) -> None:
    key = field_str(body, "key", required=False, max_len=20)
    room.close_vote(key, body.get("tally"))


def _discussion(request: Request, room: Room, body: dict[str, Any]) -> None:
    if "question" not in body:
        raise ApiError(400, "'question' is missing (a question number, or null to go back to the chat)")
    room.discuss(body["question"])


def _reveal(request: Request, room: Room, body: dict[str, Any]) -> None:
    room.reveal(field_bool(body, "on", default=True))


def _rewind(request: Request, room: Room, body: dict[str, Any]) -> None:
    if "reply" not in body:
        raise ApiError(400, "'reply' is missing (the number of the reply to play differently)")
    room.rewind(body["reply"])


def _pace(request: Request, room: Room, body: dict[str, Any]) -> None:
    room.set_pace(field_bool(body, "auto", default=False), body.get("seconds"))
    classroom(request).pace(room)


def _lock(request: Request, room: Room, body: dict[str, Any]) -> None:
    room.lock(field_bool(body, "locked", default=True))


def _close(request: Request, room: Room, body: dict[str, Any]) -> None:
    classroom(request).registry.close(room)


def _remove(request: Request, room: Room, body: dict[str, Any]) -> None:
    student_id = field_str(body, "student", max_len=20)
    classroom(request).registry.remove(room, student_id)


def _rename(request: Request, room: Room, body: dict[str, Any]) -> None:
    student_id = field_str(body, "student", max_len=20)
    player = field_str(body, "player", max_len=64)
    room.rename(student_id, player)


async def students(request: Request) -> JSONResponse:
    """The students in the room, with their nicknames (teacher page only, never the projector).
    ---
    summary: Students in the room (teacher)
    responses:
      "200":
        description: the students
        content:
          application/json:
            schema:
              type: array
              items: {$ref: "#/components/schemas/StudentEntry"}
    """
    room, _ = teacher(request)
    return JSONResponse(views.students_list(room))


# -- lifespan --------------------------------------------------------------------------------
async def startup(app: Starlette) -> None:
    config = app.state.config
    cls = Classroom(app)
    app.state.classroom = cls
    room, _ = cls.registry.create(class_code=config.class_code, teacher_token=config.teacher_token,
                                  join_code=config.join_code)
    app.state.first_room = room
    if config.scenario:
        scenario = config.library.get(config.scenario)
        if scenario is not None:
            room.start(scenario, new_seed())


async def shutdown(app: Starlette) -> None:
    cls = getattr(app.state, "classroom", None)
    if cls is not None:
        cls.stop_live()
        cls.registry.close_all()     # a running chat and every student's flags are stored


# -- OpenAPI components ------------------------------------------------------------------------
_REQUEST_ID = {"type": "string", "minLength": 1, "maxLength": 200,
               "description": "client-chosen; the same request sent again has the effect of one"}
_LOOSE = {"type": "object", "additionalProperties": True}

OPENAPI_COMPONENTS = {"schemas": {
    "RequestOnly": {"type": "object", "properties": {"request_id": _REQUEST_ID}},
    "CreateRoom": {"type": "object", "properties": {"class": {"type": "string"}, "request_id": _REQUEST_ID}},
    "NewRoom": {"type": "object", "required": ["join_code", "teacher_token"],
                "properties": {"join_code": {"type": "string"}, "teacher_token": {"type": "string"}}},
    "Join": {"type": "object", "required": ["join_code"],
             "properties": {"join_code": {"type": "string"}, "player": {"type": "string"},
                            "request_id": _REQUEST_ID}},
    "Joined": {"type": "object", "required": ["token", "player"],
               "properties": {"token": {"type": "string"}, "player": {"type": "string"}}},
    "Flag": {"type": "object", "required": ["item"],
             "properties": {"item": {"type": "string"}, "on": {"type": "boolean"}, "request_id": _REQUEST_ID}},
    "Vote": {"type": "object", "required": ["key"],
             "properties": {"key": {"type": "string"}, "request_id": _REQUEST_ID}},
    "Start": {"type": "object", "required": ["scenario"],
              "properties": {"scenario": {"type": "string"}, "class": {"type": "string"},
                             "seed": {"type": "integer", "minimum": 0}, "request_id": _REQUEST_ID}},
    "Advance": {"type": "object", "properties": {"all": {"type": "boolean"}, "request_id": _REQUEST_ID}},
    "CloseVote": {"type": "object", "properties": {
        "key": {"type": "string"}, "request_id": _REQUEST_ID,
        "tally": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}}},
    "Discussion": {"type": "object", "required": ["question"], "properties": {
        "question": {"type": "integer", "minimum": 1, "nullable": True}, "request_id": _REQUEST_ID}},
    "Reveal": {"type": "object", "properties": {"on": {"type": "boolean"}, "request_id": _REQUEST_ID}},
    "Rewind": {"type": "object", "required": ["reply"], "properties": {
        "reply": {"type": "integer", "minimum": 1}, "request_id": _REQUEST_ID}},
    "Lock": {"type": "object", "properties": {"locked": {"type": "boolean"}, "request_id": _REQUEST_ID}},
    "Pace": {"type": "object", "properties": {"auto": {"type": "boolean"},
                                              "seconds": {"type": "integer", "minimum": 2, "maximum": 120},
                                              "request_id": _REQUEST_ID}},
    "Remove": {"type": "object", "required": ["student"], "properties": {
        "student": {"type": "string"}, "request_id": _REQUEST_ID}},
    "Rename": {"type": "object", "required": ["student", "player"], "properties": {
        "student": {"type": "string"}, "player": {"type": "string"}, "request_id": _REQUEST_ID}},
    "RoomState": {"type": "object", "required": ["phase", "scenario", "messages", "my_flags"], "properties": {
        "phase": {"type": "string", "enum": ["waiting", "intro", "chat", "vote", "discussion", "ended", "reveal"]},
        "scenario": {"type": "string", "nullable": True},
        "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
        "vote": {"$ref": "#/components/schemas/VoteState"},
        "my_flags": {"type": "array", "items": {"type": "string"}},
        "my_vote": {"type": "string"}}, "additionalProperties": True},
    "TeacherState": {"type": "object", "required": ["phase", "scenario", "messages", "students"], "properties": {
        "phase": {"type": "string"}, "scenario": {"type": "string", "nullable": True},
        "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
        "students": {"type": "object", "required": ["joined", "voted"], "properties": {
            "joined": {"type": "integer"}, "voted": {"type": "integer"}, "flags": {"type": "integer"}}},
        "screen": {"type": "object", "additionalProperties": {"type": "string"}},
        "vote": {"$ref": "#/components/schemas/VoteState"}}, "additionalProperties": True},
    "Message": {"type": "object", "required": ["n", "id", "text", "from"], "properties": {
        "n": {"type": "integer"}, "id": {"type": "string"}, "text": {"type": "string"},
        "from": {"type": "string"}}, "additionalProperties": True},
    "VoteState": {"type": "object", "required": ["options", "open"], "properties": {
        "options": {"type": "array", "items": {"type": "object", "required": ["key", "text"], "properties": {
            "key": {"type": "string"}, "text": {"type": "string"}}}},
        "open": {"type": "boolean"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}}}, "additionalProperties": True},
    "StudentEntry": {"type": "object", "required": ["id", "player"], "properties": {
        "id": {"type": "string"}, "player": {"type": "string"}, "flags": {"type": "integer"},
        "voted": {"type": "boolean"}}},
    "Loose": _LOOSE,
}}

# The teacher's actions by their path under /api/v1/room/ (the routes below and the projector window).
TEACHER_ACTIONS: dict[str, Callable[[Request, Room, dict[str, Any]], Any]] = {
    "start": _start,
    "advance": _advance,
    "wait": lambda r, room, b: room.wait(),
    "vote/open": lambda r, room, b: room.open_vote(),
    "vote/close": _close_vote,
    "end": lambda r, room, b: room.end(),
    "discussion": _discussion,
    "reveal": _reveal,
    "rewind": _rewind,
    "pace": _pace,
    "lock": _lock,
    "close": _close,
    "remove": _remove,
    "rename": _rename,
}
_A = TEACHER_ACTIONS

_T = teacher_action
routes = [
    Route("/api/v1/rooms", create_room, methods=["POST"]),
    Route("/api/v1/join", join, methods=["POST"]),
    Route("/api/v1/room", room_state, methods=["GET"]),
    Route("/api/v1/room/events", student_events, methods=["GET"]),
    Route("/api/v1/room/flag", flag, methods=["POST"]),
    Route("/api/v1/room/vote", vote, methods=["POST"]),
    Route("/api/v1/room/teacher", teacher_state, methods=["GET"]),
    Route("/api/v1/room/teacher/events", teacher_events, methods=["GET"]),
    Route("/api/v1/room/qr.svg", qr_svg, methods=["GET"]),
    Route("/api/v1/room/students", students, methods=["GET"]),
    Route("/api/v1/room/start", _T("start", _A["start"], "Start a scenario for the room (a new class session)",
                                   "Start"), methods=["POST"]),
    Route("/api/v1/room/advance", _T("advance", _A["advance"], "Show the next pending message (all: every one)",
                                     "Advance"), methods=["POST"]),
    Route("/api/v1/room/wait", _T("wait", _A["wait"],
                                  "Let time pass: the stranger's next idle nudge"), methods=["POST"]),
    Route("/api/v1/room/vote/open", _T("vote_open", _A["vote/open"],
                                       "Open a vote on the replies shown now"), methods=["POST"]),
    Route("/api/v1/room/vote/close", _T("vote_close", _A["vote/close"],
                                        "Close the vote and play the reply with the most votes", "CloseVote"),
          methods=["POST"]),
    Route("/api/v1/room/end", _T("end", _A["end"], "End the class session now"),
          methods=["POST"]),
    Route("/api/v1/room/discussion", _T("discussion", _A["discussion"],
                                        "Freeze the chat with a discussion question full screen (null: resume)",
                                        "Discussion"), methods=["POST"]),
    Route("/api/v1/room/reveal", _T("reveal", _A["reveal"], "Show the reveal on the projector", "Reveal"),
          methods=["POST"]),
    Route("/api/v1/room/rewind", _T("rewind", _A["rewind"], "Go back to an earlier reply (a new class session)",
                                    "Rewind"), methods=["POST"]),
    Route("/api/v1/room/lock", _T("lock", _A["lock"], "Lock or unlock the room to new students", "Lock"),
          methods=["POST"]),
    Route("/api/v1/room/pace", _T("pace", _A["pace"], "Auto-advance on (a message every N seconds) or off",
                                  "Pace"), methods=["POST"]),
    Route("/api/v1/room/close", _T("close", _A["close"], "Close the room: the join code stops working"),
          methods=["POST"]),
    Route("/api/v1/room/remove", _T("remove", _A["remove"], "Remove a student", "Remove"), methods=["POST"]),
    Route("/api/v1/room/rename", _T("rename", _A["rename"], "Rename a student", "Rename"), methods=["POST"]),
]
