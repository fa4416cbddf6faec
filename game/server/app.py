"""The class server's app factory.

    app = create_app(ServerConfig(library=load_library()))

Features plug in as modules listed in ``ROUTE_MODULES``; each exports

    routes: list[starlette.routing.BaseRoute]      # required
    OPENAPI_COMPONENTS: dict                        # optional, merged into the OpenAPI document
    async def startup(app) / async def shutdown(app)  # optional, run in the lifespan

Every module listed must be there: a missing one (a partial copy of the
game, a file deleted by a cleaner) stops the server at start with one line
(``MissingModule``) instead of running without a feature that students or
the teacher would then find broken in the middle of a lesson.
Endpoints are ``async`` and run on the event loop thread, the only thread
that touches ``app.state`` (config, store, rooms): no locks needed. An
endpoint documents itself in OpenAPI with YAML after ``---`` in its
docstring (see ``openapi.py``).

Every response carries the security headers; every failure is a JSON error
with a 4xx status (``errors.py``).
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
from collections.abc import AsyncIterator
from types import ModuleType
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from . import openapi
from .config import ServerConfig
from .errors import EXCEPTION_HANDLERS
from .security import BodyLimitMiddleware, SecurityHeadersMiddleware

# Order matters only for overlapping paths; pages (with the /static mount) come last.
ROUTE_MODULES = (
    "game.server.scenarios",
    "game.server.classroom",
    "game.server.check_api",
    "game.server.solo",
    "game.server.solo_check",
    "game.server.solo_onboarding",
    "game.server.pages",
)


class MissingModule(RuntimeError):
    """A feature module of the server (or a library it needs) is not installed; one line for the teacher."""


def _load_modules(names: tuple[str | ModuleType, ...]) -> list[ModuleType]:
    """Import every feature module; any that cannot be found is a ``MissingModule`` error."""
    modules = []
    for name in names:
        if isinstance(name, ModuleType):
            modules.append(name)
            continue
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            missing = exc.name or "?"
            if missing == name or name.startswith(missing + "."):
                raise MissingModule(f"the class server cannot start: its part {name} is missing; "
                                    "reinstall the game") from None
            raise MissingModule(f"the class server cannot start: {name} needs the library {missing}, "
                                "which is not installed (pip install -r requirements.txt)") from None
    return modules


async def _call_hook(module: ModuleType, hook: str, app: Starlette) -> None:
    func = getattr(module, hook, None)
    if func is None:
        return
    result = func(app)
    if inspect.isawaitable(result):
        await result


def open_store(config: ServerConfig) -> Any:
    """The results store the server writes to, or None when nothing is saved."""
    if not config.save:
        return None
    from ..results.store import Store

    if config.database:
        return Store.open_url(config.database)
    return Store.open(config.data_dir)


def create_app(config: ServerConfig, modules: tuple[str | ModuleType, ...] | None = None) -> Starlette:
    """The app with the feature ``modules`` (default ``ROUTE_MODULES``); raises ``MissingModule``."""
    loaded = _load_modules(ROUTE_MODULES if modules is None else modules)
    routes: list[BaseRoute] = []
    components: dict[str, Any] = {}
    for module in loaded:
        routes.extend(module.routes)
        for key, value in getattr(module, "OPENAPI_COMPONENTS", {}).items():
            components.setdefault(key, {}).update(value)

    document: dict[str, Any] = {}

    async def openapi_json(request: Request) -> JSONResponse:
        if not document:
            document.update(openapi.build_document(request.app.routes, components))
        return JSONResponse(document)

    routes.insert(0, Route("/api/v1/openapi.json", openapi_json, methods=["GET"], include_in_schema=False))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if app.state.store is None and config.save:
            app.state.store = open_store(config)
        for module in loaded:
            await _call_hook(module, "startup", app)
        try:
            yield
        finally:
            for module in reversed(loaded):
                await _call_hook(module, "shutdown", app)
            store = app.state.store
            if store is not None and getattr(app.state, "owns_store", True):
                store.close()
                app.state.store = None

    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeadersMiddleware), Middleware(BodyLimitMiddleware)],
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.store = None
    app.state.modules = loaded
    return app
