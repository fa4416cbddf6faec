"""Fixtures and steps for the play page's browser tests (Debian's Chromium through Playwright).

A test module takes the fixtures it uses (``server, browser, new_page = play_browser.server, ...``):
one real uvicorn on 127.0.0.1 port 0 with a fast typist per module, one browser per module, a
fresh context per page. Never downloads a browser.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from servers import uvicorn_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 720}
SMALL = {"width": 800, "height": 600}
STEP = 15_000   # ms: the longest wait for one step of the chat

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).is_file():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("page-store")
    env = {"REDFLAGS_TYPING_FACTOR": "0.02", "REDFLAGS_IDLE_FACTOR": "1000"}
    with uvicorn_server(data, env=env) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser):
    """new_page(viewport, **context options): a page whose JS errors land in ``page.problems``."""
    contexts = []

    def make(viewport=PHONE, **options):
        options.setdefault("reduced_motion", "reduce")   # axe must not measure a message still fading in
        ctx = browser.new_context(viewport=viewport, **options)
        ctx.add_init_script("sessionStorage.setItem('redflags.check.notnow', '1')")   # no check offer
        contexts.append(ctx)
        page = ctx.new_page()
        page.problems = []
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.set_default_timeout(STEP)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def settled(page) -> None:
    """Every pending message delivered (replies shown, or the chat over)."""
    page.wait_for_selector("body[data-chat='settled']", state="attached", timeout=STEP)


def start(page, server, scenario="first-dm", nick="Page12"):
    page.goto(f"{server}/play")
    page.fill("#nickname", nick)
    page.click("#join-form button[type=submit]")
    page.click(f"[data-scenario='{scenario}']")
    page.click("#before-start")
    page.wait_for_selector("#view-chat:not([hidden])")
    settled(page)


def events(server, page) -> list[dict]:
    token = page.evaluate("JSON.parse(localStorage.getItem('redflags.chat')).token")
    return httpx.get(f"{server}/api/v1/play/{token}", timeout=10).json()["events"]


def axe_check(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core" and results.response["passes"] is not None
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, where + ": " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad)
