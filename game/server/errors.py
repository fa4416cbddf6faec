"""JSON errors and request bodies.

Every failure the server reports is ``{"error": "one line a person can
read"}`` with a 4xx status, and changes nothing. Routes raise ``ApiError``;
``read_json`` reads a request body as a JSON object (capped at
``MAX_BODY`` bytes: 413 beyond it) or raises the right ``ApiError``.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

MAX_BODY = 64 * 1024

_STATUS_WORDS = {
    400: "bad request",
    401: "this needs a token",
    403: "not allowed",
    404: "nothing here",
    405: "this address does not take that method",
    409: "not possible now",
    413: "the request body is too large (64 KiB at most)",
    415: "unsupported content",
    429: "too many requests; wait a moment and try again",
}


class ApiError(Exception):
    """A request that cannot be carried out; nothing was changed."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    first_line = (message.strip().splitlines() or [""])[0] or _STATUS_WORDS.get(status, "error")
    return JSONResponse({"error": first_line}, status_code=status, headers=headers)


async def api_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.headers)


async def http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own 404/405 (and any HTTPException) as a JSON error."""
    assert isinstance(exc, HTTPException)
    status = exc.status_code if 400 <= exc.status_code < 600 else 400
    detail = exc.detail if isinstance(exc.detail, str) else ""
    generic = detail in ("", "Not Found", "Method Not Allowed")
    message = _STATUS_WORDS.get(status, "error") if generic else detail
    return error_response(status, message, dict(exc.headers or {}))


async def server_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Last resort: never a traceback to the client (tests treat any 500 as a bug)."""
    return error_response(500, "the server hit an internal problem")


EXCEPTION_HANDLERS: dict[Any, Any] = {
    ApiError: api_error_handler,
    HTTPException: http_error_handler,
    Exception: server_error_handler,
}


async def read_body(request: Request, limit: int = MAX_BODY) -> bytes:
    """The raw body, refusing more than ``limit`` bytes with 413."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "the Content-Length header is not a number")
        if int(declared) > limit:
            raise ApiError(413, _STATUS_WORDS[413])
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, _STATUS_WORDS[413])
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request, *, allow_empty: bool = True) -> dict[str, Any]:
    """The body as a JSON object; an empty body is ``{}`` when ``allow_empty``."""
    raw = await read_body(request)
    if not raw.strip():
        if allow_empty:
            return {}
        raise ApiError(400, "the request needs a JSON object as its body")
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8 text") from None
    except (ValueError, RecursionError):
        raise ApiError(400, "the request body is not valid JSON") from None
    if not isinstance(value, dict):
        raise ApiError(400, "the request body must be a JSON object")
    return value


def field_str(body: dict[str, Any], name: str, *, required: bool = True, max_len: int = 200,
              default: str | None = None) -> str | None:
    """A string field of a JSON body, checked; ApiError 400 names the field."""
    if name not in body or body[name] is None:
        if required:
            raise ApiError(400, f"'{name}' is missing")
        return default
    value = body[name]
    if not isinstance(value, str):
        raise ApiError(400, f"'{name}' must be a string")
    if len(value) > max_len:
        raise ApiError(400, f"'{name}' is too long ({max_len} characters at most)")
    return value


def field_bool(body: dict[str, Any], name: str, *, default: bool | None = None) -> bool:
    if name not in body:
        if default is None:
            raise ApiError(400, f"'{name}' is missing")
        return default
    value = body[name]
    if not isinstance(value, bool):
        raise ApiError(400, f"'{name}' must be true or false")
    return value


def field_int(body: dict[str, Any], name: str, *, default: int | None = None,
              minimum: int = 0, maximum: int = 2**31 - 1) -> int | None:
    if name not in body or body[name] is None:
        return default
    value = body[name]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, f"'{name}' must be a whole number")
    if not minimum <= value <= maximum:
        raise ApiError(400, f"'{name}' must be between {minimum} and {maximum}")
    return value
