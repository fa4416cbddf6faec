"""Helpers for class-session API tests: an in-process app and a teacher and students talking to it."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from game.library import load_library
from game.server.app import create_app
from game.server.config import ServerConfig

_LIBRARY = None


def library():
    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = load_library()
    return _LIBRARY


def make_config(**kwargs: Any) -> ServerConfig:
    kwargs.setdefault("save", False)
    kwargs.setdefault("join_code", "K7QM")
    return ServerConfig(library=library(), **kwargs)


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


class Teacher:
    def __init__(self, client: TestClient, token: str) -> None:
        self.client = client
        self.headers = bearer(token)

    def post(self, action: str, body: dict[str, Any] | None = None, expect: int = 200) -> dict[str, Any]:
        r = self.client.post(f"/api/v1/room/{action}", json=body or {}, headers=self.headers)
        assert r.status_code == expect, (action, r.status_code, r.text)
        return r.json()

    def state(self) -> dict[str, Any]:
        r = self.client.get("/api/v1/room/teacher", headers=self.headers)
        assert r.status_code == 200, r.text
        return r.json()

    def advance_all(self) -> dict[str, Any]:
        return self.post("advance", {"all": True})


class Student:
    def __init__(self, client: TestClient, join_code: str = "K7QM", player: str | None = None) -> None:
        self.client = client
        body: dict[str, Any] = {"join_code": join_code}
        if player is not None:
            body["player"] = player
        r = client.post("/api/v1/join", json=body)
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        self.player = r.json()["player"]
        self.headers = bearer(self.token)

    def state(self) -> dict[str, Any]:
        r = self.client.get("/api/v1/room", headers=self.headers)
        assert r.status_code == 200, r.text
        return r.json()

    def flag(self, item: str, on: bool = True, expect: int = 200, **extra: Any) -> dict[str, Any]:
        r = self.client.post("/api/v1/room/flag", json={"item": item, "on": on, **extra}, headers=self.headers)
        assert r.status_code == expect, r.text
        return r.json()

    def vote(self, key: str, expect: int = 200, **extra: Any) -> dict[str, Any]:
        r = self.client.post("/api/v1/room/vote", json={"key": key, **extra}, headers=self.headers)
        assert r.status_code == expect, r.text
        return r.json()


def open_class(config: ServerConfig | None = None):
    """(client context manager, config); use ``with open_class() as (client, teacher):``."""
    config = config or make_config()

    class _Ctx:
        def __enter__(self):
            self.client = TestClient(create_app(config))
            self.client.__enter__()
            return self.client, Teacher(self.client, config.teacher_token)

        def __exit__(self, *exc):
            self.client.__exit__(*exc)
    return _Ctx()
