"""End to end: the real server (uvicorn on 127.0.0.1), the projector page and three students in
real headless Chromium (Debian's, driven by Playwright): join by code, flag, vote, reconnect
after a reload, reveal, each student's debrief.

Set CLASS_SHOTS_DIR to keep the screenshots (projector, a phone-width student page).
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from pathlib import Path

import pytest
from class_kit import library
from test_play_page import axe_check

from game.server.config import ServerConfig
from game.server.serve import ServerThread

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed")


def teacher_post(base: str, token: str, action: str, body: dict | None = None) -> dict:
    req = urllib.request.Request(f"{base}api/v1/room/{action}", data=json.dumps(body or {}).encode(),
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                                 method="POST")
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


def test_a_class_session_in_real_browsers(tmp_path):
    shots = Path(os.environ.get("CLASS_SHOTS_DIR") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    config = ServerConfig(library=library(), data_dir=tmp_path / "data", join_code="K7QM", class_code="8B")
    with ServerThread(config) as server, sync_api.sync_playwright() as pw:
        base, token = server.url, config.teacher_token
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            errors: list[str] = []
            projector = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
            projector.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            projector.goto(f"{base}projector#{token}")
            projector.wait_for_selector(".proj-join .code")
            assert projector.text_content(".proj-join .code") == "K7QM"
            assert "#" not in projector.url                 # the token left the address bar
            projector.wait_for_selector(".proj-join img")     # the QR code
            projector.screenshot(path=str(shots / "projector-join.png"))
            axe_check(projector, "projector: join")

            students = []
            for i, nick in enumerate(["pixel_fox", "", "moonbeam"]):
                size = {"width": 390, "height": 844} if i == 0 else {"width": 800, "height": 900}
                page = browser.new_context(viewport=size).new_page()
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.goto(f"{base}?code=K7QM")
                assert page.input_value("#join-code") == "K7QM"
                assert page.get_attribute("#join-view .solo-link a", "href") == "/play"
                if i == 0:
                    axe_check(page, "student: join")
                if nick:
                    page.fill("#nickname", nick)
                page.click("#join-button")
                page.wait_for_selector("#room-view:not(.hidden)")
                students.append(page)
            assert students[0].text_content("#me") == "You: pixel_fox"
            assert students[1].text_content("#me").startswith("You: ")
            projector.locator(".proj-big-count", has_text="3 joined").wait_for()

            teacher_post(base, token, "start", {"scenario": "generous-teammate", "seed": 7})
            projector.wait_for_selector(".proj-rules li")
            teacher_post(base, token, "advance", {"all": True})
            for page in students:
                page.locator("#messages .bubble").nth(4).wait_for()
                assert page.locator("#messages .bubble").count() == 5
            students[0].click("li[data-n='4'] button.flag-button")
            students[0].wait_for_selector("li[data-n='4'] button.flag-button[aria-pressed='true']")
            students[1].click("li[data-n='4'] button.flag-button")
            students[2].click("button[data-item='profile.joined']")
            students[2].wait_for_selector("button[data-item='profile.joined'][aria-pressed='true']")

            teacher_post(base, token, "vote/open")
            for page, key in zip(students, ["2", "2", "1"], strict=True):
                page.wait_for_selector("#vote:not(.hidden) button[data-key='1']")
                page.click(f"#vote button[data-key='{key}']")
                page.wait_for_selector(f"#vote button[data-key='{key}'][aria-pressed='true']")
            projector.locator(".proj-big-count", has_text="3 of 3 voted").wait_for()
            assert not students[0].query_selector("#vote .count")          # no totals while open
            students[0].screenshot(path=str(shots / "student-phone-vote.png"), full_page=True)
            axe_check(students[0], "student: vote")
            projector.screenshot(path=str(shots / "projector-vote.png"))

            # a phone that reloads finds its flags and its vote again
            students[2].reload()
            students[2].wait_for_selector("#room-view:not(.hidden)")
            students[2].wait_for_selector("button[data-item='profile.joined'][aria-pressed='true']")
            students[2].wait_for_selector("#vote button[data-key='1'][aria-pressed='true']")

            state = teacher_post(base, token, "vote/close")
            assert state["vote"]["chosen"] == "2"
            projector.wait_for_selector(".proj-vote-row.chosen")
            for page in students:
                page.wait_for_selector("#messages .bubble.out")

            teacher_post(base, token, "advance", {"all": True})
            teacher_post(base, token, "end")
            for page in students:
                page.wait_for_selector("#debrief:not(.hidden) #debrief-headline")
            assert "never" in students[0].text_content("#debrief-fault").lower()
            spotted = students[0].text_content("#debrief-items")
            assert "You spotted" in spotted
            students[0].screenshot(path=str(shots / "student-phone-debrief.png"), full_page=True)
            assert students[0].is_visible("#solo-link")                     # after the session: solo play
            assert students[0].get_attribute("#solo-link", "href") == "/play"
            axe_check(students[0], "student: debrief")

            teacher_post(base, token, "reveal")
            projector.wait_for_selector(".reveal-list li")
            rows = projector.query_selector_all(".reveal-list li.red .of")
            assert "2 of 3" in [r.text_content() for r in rows]
            projector.screenshot(path=str(shots / "projector-reveal.png"))
            axe_check(projector, "projector: reveal")
            students[1].click("#solo-link")
            students[1].wait_for_url(f"{base}play")
            assert not errors, errors
        finally:
            browser.close()
