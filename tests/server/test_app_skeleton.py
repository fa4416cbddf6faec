"""The class server's skeleton: JSON errors, body limits, security headers, OpenAPI, scenarios."""

from __future__ import annotations

import types

import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from game.library import load_library
from game.server.app import create_app
from game.server.config import ServerConfig
from game.server.errors import read_json
from game.server.security import CSP, bearer_token, new_token, token_key


async def echo(request: Request) -> JSONResponse:
    """Echo a JSON body.
    ---
    summary: echo
    security: []
    responses:
      "200": {description: the body}
    """
    return JSONResponse({"got": await read_json(request), "token": bearer_token(request)})


echo_module = types.ModuleType("echo_routes")
echo_module.routes = [Route("/api/v1/echo", echo, methods=["POST"])]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def client(library):
    from game.server import app as app_module
    app = create_app(ServerConfig(library=library, save=False),
                     modules=(echo_module,) + app_module.ROUTE_MODULES)
    with TestClient(app) as c:
        yield c


def test_scenarios_list_has_exactly_the_spec_fields(client, library):
    r = client.get("/api/v1/scenarios")
    assert r.status_code == 200
    items = r.json()
    assert [i["id"] for i in items] == [s.id for s in library.scenarios]
    assert all(set(i) == {"id", "title", "platform", "difficulty", "audience", "summary"} for i in items)
    assert all("path" not in str(i) and "/" not in i["id"] for i in items)


def test_scenarios_filtered_by_age(client, library):
    r = client.get("/api/v1/scenarios", params={"age": 12})
    assert r.status_code == 200
    ids = {i["id"] for i in r.json()}
    assert ids and ids < {s.id for s in library.scenarios}
    from game.server.scenarios import audience_includes
    assert all(audience_includes(i["audience"], 12) for i in r.json())
    bad = client.get("/api/v1/scenarios", params={"age": "teen"})
    assert bad.status_code == 400 and "age" in bad.json()["error"]


def test_audience_ranges():
    from game.server.scenarios import audience_includes
    assert audience_includes("13-15", 13) and audience_includes("13-15", 15)
    assert not audience_includes("13-15", 12) and not audience_includes("13-15", 16)
    assert audience_includes("15+", 17) and not audience_includes("15+", 14)
    assert audience_includes("", 9)


@pytest.mark.parametrize("method,path,status", [
    ("GET", "/api/v1/nothing", 404),
    ("GET", "/no/such/page", 404),
    ("DELETE", "/api/v1/scenarios", 405),
    ("POST", "/api/v1/scenarios", 405),
    ("GET", "/static/missing.js", 404),
    ("POST", "/static/css/base.css", 405),
])
def test_routing_errors_are_json(client, method, path, status):
    r = client.request(method, path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    assert isinstance(r.json()["error"], str) and "\n" not in r.json()["error"]
    assert r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("body,message", [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b"\xff\xfe", "UTF-8"),
    (b"[" * 5000 + b"]" * 5000, "not valid JSON"),
])
def test_malformed_bodies_are_400(client, body, message):
    r = client.post("/api/v1/echo", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert message in r.json()["error"]


def test_json_body_and_bearer_token_reach_the_route(client):
    r = client.post("/api/v1/echo", json={"a": 1}, headers={"authorization": "Bearer abc"})
    assert r.status_code == 200 and r.json() == {"got": {"a": 1}, "token": "abc"}
    assert client.post("/api/v1/echo").json() == {"got": {}, "token": None}


def test_bodies_over_64_kib_are_413(client):
    ok = client.post("/api/v1/echo", content=b'{"a": "' + b"x" * (64 * 1024 - 20) + b'"}')
    assert ok.status_code == 200
    big = client.post("/api/v1/echo", content=b'{"a": "' + b"x" * (64 * 1024) + b'"}')
    assert big.status_code == 413 and "64 KiB" in big.json()["error"]
    assert big.headers["content-security-policy"] == CSP

    def chunks():
        for _ in range(70):
            yield b" " * 1024
    streamed = client.post("/api/v1/echo", content=chunks())
    assert streamed.status_code == 413


def test_security_headers_on_pages_static_and_api(client):
    for path in ("/", "/static/css/base.css", "/static/js/api.js", "/api/v1/scenarios"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/v1/scenarios").headers["cache-control"] == "no-store"


def test_pages_have_no_inline_script_or_outside_address(client):
    import re

    from game.server.pages import PAGES, STATIC_DIR
    for name in PAGES.values():
        path = STATIC_DIR / name
        if not path.is_file():
            continue
        html = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"{name}: inline script {tag}"
        assert not re.search(r"<script\b[^>]*>(?!\s*</script>)", html), f"{name}: script with a body"
        assert not re.search(r"\son[a-z]+\s*=", html), f"{name}: inline event handler"
        assert "style=" not in html, f"{name}: inline style"
        assert not re.search(r"(src|href)=\"(https?:)?//", html), f"{name}: loads from outside"


def test_openapi_document_lists_documented_endpoints(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/scenarios" in doc["paths"] and "/api/v1/echo" in doc["paths"]
    op = doc["paths"]["/api/v1/scenarios"]["get"]
    assert "200" in op["responses"] and "4XX" in op["responses"]
    assert "/" not in doc["paths"] and not any(p.startswith("/static") for p in doc["paths"])
    assert doc["components"]["schemas"]["Error"]["required"] == ["error"]


def test_tokens_are_long_random_and_keyed_by_digest():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(t) >= 43 for t in tokens)       # 32 bytes in URL-safe base64 = 256 bits
    assert token_key("a") != token_key("b") and len(token_key("a")) == 64


def test_rate_limiter_refills():
    from game.server.ratelimit import RateLimiter
    now = [0.0]
    limiter = RateLimiter(burst=3, rate=1, clock=lambda: now[0])
    assert [limiter.allow("ip") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("other")
    assert limiter.retry_after("ip") == 1
    now[0] += 1.0
    assert limiter.allow("ip") and not limiter.allow("ip")
