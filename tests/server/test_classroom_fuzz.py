"""Schemathesis fuzzes every endpoint of the OpenAPI document (/api/v1/openapi.json).

Every response must be a documented success or a JSON error (never a 500 or a traceback),
and no student token ever gets a teacher action done: each teacher endpoint answers a
student token with 403 and the room is unchanged.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from class_kit import make_config  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from starlette.testclient import TestClient  # noqa: E402

from game.server.app import create_app  # noqa: E402

CONFIG = make_config(join_burst=1e9, join_rate=1e9, bad_join_burst=1e9, bad_join_rate=1e9)
APP = create_app(CONFIG)


async def _app_without_lifespan(scope, receive, send):
    """APP, whose lifespan the module runs once (the fuzzer would restart it between tests)."""
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    await APP(scope, receive, send)


schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", _app_without_lifespan)
LIVE = schema.exclude(path_regex=r"/events$")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
TEACHER_ONLY = {"/api/v1/rooms", "/api/v1/room/teacher", "/api/v1/room/students", "/api/v1/room/qr.svg",
                "/api/v1/room/teacher/events"} | {
    f"/api/v1/room/{a}" for a in ("start", "advance", "wait", "vote/open", "vote/close", "end", "discussion",
                                  "reveal", "rewind", "lock", "close", "remove", "rename",
                                  "check/start", "check/end", "check/progress")}
FUZZ = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def _call(path: str, method: str, **kwargs):
    return schema[path][method].Case(**kwargs).call()


@pytest.fixture(scope="module")
def running():
    with TestClient(APP):          # startup and shutdown of the real lifespan, once
        yield


@pytest.fixture(scope="module")
def tokens(running):
    teacher = {"Authorization": f"Bearer {CONFIG.teacher_token}"}
    joined = _call("/api/v1/join", "POST", body={"join_code": "K7QM"})
    assert joined.status_code == 200, joined.text
    _call("/api/v1/room/start", "POST", body={"scenario": "generous-teammate", "seed": 3}, headers=teacher)
    _call("/api/v1/room/advance", "POST", body={"all": True}, headers=teacher)
    return {"student": {"Authorization": f"Bearer {joined.json()['token']}"}, "teacher": teacher}


def _room():
    return APP.state.first_room


@LIVE.parametrize()
@FUZZ
def test_student_token_gets_documented_answers_and_no_teacher_action(case, tokens):
    room = _room()
    before = (room.version, room.locked, room.closed, len(room.branches), room.current and len(room.current.replies))
    case.headers = {**(case.headers or {}), **tokens["student"]}
    response = case.call()
    case.validate_response(response, checks=CHECKS)
    if case.path in TEACHER_ONLY:
        # 405: the fuzzer also tries methods an address does not take
        assert response.status_code in (403, 405), (case.method, case.path, response.status_code, response.text)
        after = (room.version, room.locked, room.closed, len(room.branches),
                 room.current and len(room.current.replies))
        assert after == before


@LIVE.parametrize()
@FUZZ
def test_teacher_and_anonymous_requests_get_documented_answers(case, tokens):
    generated = dict(case.headers or {})
    for headers in (tokens["teacher"], {}):
        if case.path == "/api/v1/room/close" and headers:
            continue                          # closing the room would end the fuzzing of the others
        case.headers = {**generated, **headers}
        if not headers:
            case.headers.pop("Authorization", None)
        response = case.call()
        case.validate_response(response, checks=CHECKS)
        assert response.headers.get("content-security-policy")
