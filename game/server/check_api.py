"""The discernment check's HTTP API in a class session (an extension of classroom.md; docs/classroom-server.md).

Teacher (the room's teacher token):

    POST /api/v1/room/check/start  {"phase": "pre" | "post" | "followup"}   -> the teacher state
    POST /api/v1/room/check/end                                              -> the teacher state
    GET  /api/v1/room/check/progress                                         -> counts only

Student (their student token):

    GET  /api/v1/room/check                                                   -> {"check": ... | null}
    POST /api/v1/room/check/answer {"item": "a01", "answer": "red" | "safe" | "skip", "confidence"?: 1-4}
    POST /api/v1/room/check/leave                                             -> {"check": ...}

Every POST may carry ``request_id`` (a retry has the effect of one); an
answer sent again for the same item is also recognised. The room states
carry the same parts: ``check`` in a student's state (their own check) and
in the teacher's (progress). The rules are in ``roomcheck.py``.
"""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from . import roomcheck, views
from .classroom import _REQUEST_ID, once, student, teacher, teacher_action
from .errors import read_json
from .rooms import Room, Student


def _check(request: Request, room: Room) -> roomcheck.RoomCheck:
    state = request.app.state
    return roomcheck.for_room(room, state.store, getattr(state, "check_forms", None))


# -- the room states' parts -----------------------------------------------------------------
def _student_part(room: Room, who: Student) -> dict[str, Any]:
    found = roomcheck.existing(room)
    return {"check": found.student_view(who) if found is not None else None}


def _teacher_part(room: Room) -> dict[str, Any]:
    found = roomcheck.existing(room)
    return {"check": found.progress()} if found is not None else {}


if _student_part not in views.STUDENT_PARTS:
    views.STUDENT_PARTS.append(_student_part)
if _teacher_part not in views.TEACHER_PARTS:
    views.TEACHER_PARTS.append(_teacher_part)


# -- student -------------------------------------------------------------------------------
async def my_check(request: Request) -> JSONResponse:
    """The student's own check (null when no check is running for them).
    ---
    summary: The student's own check (polling)
    responses:
      "200":
        description: the student's check, or null
        content:
          application/json:
            schema: {$ref: "#/components/schemas/MyCheck"}
    """
    room, who, _ = student(request)
    return JSONResponse({"check": _check(request, room).student_view(who)})


async def answer(request: Request) -> JSONResponse:
    """Answer or skip the chat on screen.
    ---
    summary: Answer the current chat of the check (student)
    requestBody:
      required: true
      content:
        application/json:
          schema: {$ref: "#/components/schemas/CheckAnswer"}
    responses:
      "200":
        description: the student's check after the answer
        content:
          application/json:
            schema: {$ref: "#/components/schemas/MyCheck"}
    """
    room, who, key = student(request)
    body = await read_json(request, allow_empty=False)
    check = _check(request, room)
    return await once(request, key, body, lambda: {"check": check.answer(
        who, body.get("item"), body.get("answer"), body.get("confidence"))})


async def leave(request: Request) -> JSONResponse:
    """Stop the check (never required); what was answered is kept.
    ---
    summary: Stop the check (student)
    requestBody:
      required: false
      content:
        application/json:
          schema: {$ref: "#/components/schemas/RequestOnly"}
    responses:
      "200":
        description: the student's check after stopping
        content:
          application/json:
            schema: {$ref: "#/components/schemas/MyCheck"}
    """
    room, who, key = student(request)
    body = await read_json(request)
    check = _check(request, room)
    return await once(request, key, body, lambda: {"check": check.leave(who)})


# -- teacher -------------------------------------------------------------------------------
async def progress(request: Request) -> JSONResponse:
    """How many students started and finished the check: counts only, never names or answers.
    ---
    summary: The check's progress (teacher)
    responses:
      "200":
        description: the progress of the room's check
        content:
          application/json:
            schema: {$ref: "#/components/schemas/CheckProgress"}
    """
    room, _ = teacher(request)
    return JSONResponse(_check(request, room).progress())


def _start(request: Request, room: Room, body: dict[str, Any]) -> None:
    _check(request, room).start(body.get("phase"))


def _end(request: Request, room: Room, body: dict[str, Any]) -> None:
    _check(request, room).end()


# -- lifespan ------------------------------------------------------------------------------
async def startup(app: Starlette) -> None:
    app.state.check_forms = roomcheck.load_room_forms()


async def shutdown(app: Starlette) -> None:
    """A check still running is ended (part-way checks stored as incomplete); waiting writes are tried again."""
    cls = getattr(app.state, "classroom", None)
    for room in (cls.registry.rooms if cls is not None else []):
        found = roomcheck.existing(room)
        if found is None:
            continue
        if found.open:
            found.end()
        found.store.flush()


# -- OpenAPI ------------------------------------------------------------------------------------
_NULLABLE_STR = {"type": "string", "nullable": True}
OPENAPI_COMPONENTS = {"schemas": {
    "CheckStart": {"type": "object", "required": ["phase"], "properties": {
        "phase": {"type": "string", "enum": ["pre", "post", "followup"]}, "request_id": _REQUEST_ID}},
    "CheckAnswer": {"type": "object", "required": ["item", "answer"], "properties": {
        "item": {"type": "string"}, "answer": {"type": "string", "enum": ["red", "safe", "skip"]},
        "confidence": {"type": "integer", "minimum": 1, "maximum": 4}, "request_id": _REQUEST_ID}},
    "CheckItem": {"type": "object", "required": ["id", "platform", "lines"], "properties": {
        "id": {"type": "string"}, "platform": {"type": "string"},
        "lines": {"type": "array", "items": {"type": "object", "required": ["from", "text"], "properties": {
            "from": {"type": "string", "enum": ["stranger", "you"]}, "text": {"type": "string"}}}}}},
    "StudentCheck": {"type": "object", "required": ["open", "phase", "state"], "properties": {
        "open": {"type": "boolean"}, "phase": {"type": "string", "enum": ["pre", "post", "followup"]},
        "state": {"type": "string", "enum": ["taking", "finished", "left", "ended", "done_before"]},
        "run": {"type": "integer"}, "form": {"type": "string"}, "number": {"type": "integer"},
        "answered": {"type": "integer"}, "total": {"type": "integer"},
        "item": {"$ref": "#/components/schemas/CheckItem"}, "message": {"type": "string"},
        "improvement": {"type": "string"}, "words": {"type": "object", "additionalProperties": True}},
        "nullable": True},
    "MyCheck": {"type": "object", "required": ["check"], "properties": {
        "check": {"$ref": "#/components/schemas/StudentCheck"}}},
    "CheckProgress": {"type": "object", "required": ["open", "phase", "joined", "started", "finished"],
                      "properties": {
                          "open": {"type": "boolean"},
                          "phase": {"type": "string", "enum": ["pre", "post", "followup"], "nullable": True},
                          "run": {"type": "integer"}, "joined": {"type": "integer"},
                          "started": {"type": "integer"}, "finished": {"type": "integer"},
                          "stopped": {"type": "integer"}, "available": {"type": "boolean"},
                          "store_error": _NULLABLE_STR,
                          "words": {"type": "object", "additionalProperties": {"type": "string"}}}},
}}

routes = [
    Route("/api/v1/room/check", my_check, methods=["GET"]),
    Route("/api/v1/room/check/answer", answer, methods=["POST"]),
    Route("/api/v1/room/check/leave", leave, methods=["POST"]),
    Route("/api/v1/room/check/progress", progress, methods=["GET"]),
    Route("/api/v1/room/check/start", teacher_action(
        "check_start", _start, "Start the discernment check on the students' devices", "CheckStart"),
        methods=["POST"]),
    Route("/api/v1/room/check/end", teacher_action(
        "check_end", _end, "End the check: part-way checks are stored as incomplete"), methods=["POST"]),
]
