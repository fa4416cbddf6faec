"""The pages: plain HTML files from ``static/``, each at a short address.

``/`` is where students land (they type the address the projector shows):
join a class with its code. ``/teach`` is the teacher's page (the token
travels in the URL fragment, ``/teach#TOKEN``, so it never reaches a log),
``/projector`` the big screen. Scripts, styles and pictures are served
under ``/static/``. Other modules add pages to ``PAGES``' pattern with
their own routes.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"

PAGES = {
    "/": "index.html",
    "/teach": "teach.html",
    "/projector": "projector.html",
}


def page(filename: str):
    async def endpoint(request: Request) -> Response:
        return FileResponse(STATIC_DIR / filename, media_type="text/html; charset=utf-8",
                            headers={"cache-control": "no-cache"})
    endpoint.__name__ = f"page_{filename.split('.')[0]}"
    return endpoint


routes: list[BaseRoute] = [Route(path, page(name), methods=["GET"], include_in_schema=False)
          for path, name in PAGES.items() if (STATIC_DIR / name).is_file()]
routes.append(Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"))
