"""The OpenAPI document of the API (``GET /api/v1/openapi.json``).

Each endpoint documents itself: the part of its docstring after a line
``---`` is the YAML of its OpenAPI operation (summary, requestBody,
responses). Endpoints without ``---`` (pages, static files) stay out.
Every operation also gets the JSON error response (``4XX``) and, when it
does not say ``security: []``, the bearer-token scheme. Modules add schemas
with ``OPENAPI_COMPONENTS``.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Iterable
from typing import Any

import yaml
from starlette.routing import BaseRoute, Mount, Route

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string", "description": "one line a person can read"}},
}

ERROR_RESPONSE = {
    "description": "the request was refused and nothing changed",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def parse_operation(func: Any) -> dict[str, Any] | None:
    doc = inspect.getdoc(func) or ""
    if "\n---" not in "\n" + doc:
        return None
    spec = yaml.safe_load(doc.split("---", 1)[1]) or {}
    if not isinstance(spec, dict):
        raise TypeError(f"the OpenAPI part of {func.__qualname__}'s docstring is not a mapping")
    return spec


def _walk(routes: Iterable[BaseRoute], prefix: str = "") -> Iterable[tuple[str, str, Any]]:
    for route in routes:
        if isinstance(route, Mount):
            yield from _walk(route.routes or [], prefix + route.path)
        elif isinstance(route, Route) and route.include_in_schema:
            path = prefix + route.path
            for method in sorted(route.methods or ()):
                if method in ("HEAD", "OPTIONS"):
                    continue
                yield path, method.lower(), route.endpoint


def _clean_path(path: str) -> str:
    """Starlette's ``{name:converter}`` becomes OpenAPI's ``{name}``."""
    out, depth, skipping = [], 0, False
    for ch in path:
        if ch == "{":
            depth, skipping = depth + 1, False
        elif ch == "}":
            depth, skipping = depth - 1, False
        elif ch == ":" and depth:
            skipping = True
            continue
        if not skipping:
            out.append(ch)
    return "".join(out)


def build_document(routes: Iterable[BaseRoute], components: dict[str, Any] | None = None,
                   title: str = "Red Flags class server", version: str = "1") -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": title, "version": version,
                 "description": "JSON in and out. Every error is {\"error\": \"...\"} with a 4xx status."},
        "paths": {},
        "components": {
            "schemas": {"Error": ERROR_SCHEMA},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
    for key, value in (components or {}).items():
        doc["components"].setdefault(key, {}).update(copy.deepcopy(value))
    for path, method, endpoint in _walk(routes):
        operation = parse_operation(endpoint)
        if operation is None:
            continue
        operation = copy.deepcopy(operation)
        operation.setdefault("responses", {})
        operation["responses"].setdefault("4XX", ERROR_RESPONSE)
        if "security" not in operation:
            operation["security"] = [{"bearer": []}]
        doc["paths"].setdefault(_clean_path(path), {})[method] = operation
    return doc
