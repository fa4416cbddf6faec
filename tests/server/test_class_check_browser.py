"""End to end: the teacher runs the discernment check on the students' devices, in real headless Chromium.

The real server (uvicorn on 127.0.0.1, port 0), the teacher page, the projector and two students
(one phone-sized): the teacher starts the "before playing" check; one student answers all 16 chats
by clicks (and one by keyboard), the other answers two and stops; the projector shows how many
finished and nothing else; the records in the store are what the clicks said. axe-core checks
every view of the check (no serious or critical problem).

Set CLASS_SHOTS_DIR to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from class_kit import library

from game.checks import storage
from game.checks.library import load_forms
from game.results.store import Store
from game.server.config import ServerConfig
from game.server.serve import ServerThread

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed")

FORMS = load_forms()


def axe_check(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core" and results.response["passes"] is not None
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, where + ": " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad)


def answer_by_clicks(page, kind: str, sure: int) -> None:
    number = page.text_content("#check-item-title")
    page.click(f"#check button[data-answer='{kind}']")
    page.click(f"#check button[data-sure='{sure}']")
    page.wait_for_function("n => { const h = document.querySelector('#check-item-title');"
                           " return !h || h.textContent !== n; }", arg=number)


def test_the_teacher_runs_the_check_on_the_students_devices(tmp_path):
    shots = Path(os.environ.get("CLASS_SHOTS_DIR") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    data = tmp_path / "data"
    config = ServerConfig(library=library(), data_dir=data, join_code="K7QM", class_code="8B")
    plan: list[tuple[str, str, int]] = []
    with ServerThread(config) as server, sync_api.sync_playwright() as pw:
        base, token = server.url, config.teacher_token
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            errors: list[str] = []

            def page_of(size):
                page = browser.new_context(viewport=size, reduced_motion="reduce").new_page()
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("dialog", lambda d: d.accept())
                return page

            teach = page_of({"width": 800, "height": 1000})
            teach.goto(f"{base}teach#{token}")
            teach.wait_for_selector("#check-pre:not([disabled])")
            projector = page_of({"width": 1280, "height": 720})
            projector.goto(f"{base}projector#{token}")
            projector.wait_for_selector(".proj-join .code")

            students = []
            for nick, size in (("pixel_fox", {"width": 390, "height": 844}), ("moonbeam", {"width": 800, "height": 900})):
                page = page_of(size)
                page.goto(f"{base}?code=K7QM")
                page.fill("#nickname", nick)
                page.click("#join-button")
                page.wait_for_selector("#room-view:not(.hidden)")
                students.append(page)
            fox, moon = students

            teach.click("#check-pre")
            teach.locator("#check-progress", has_text="0 of 2 finished").wait_for()
            projector.locator(".proj-check .proj-big-count", has_text="0 of 2 finished").wait_for()
            for page in students:
                page.wait_for_selector("#check:not(.hidden) #check-item-title")
                assert page.is_hidden("#messages") and page.is_visible("#check-body")
            assert "not a test" in fox.text_content("#check-body")
            axe_check(fox, "check: first chat")
            fox.screenshot(path=str(shots / "check-phone-item.png"), full_page=True)

            form = FORMS[fox.evaluate("fetch('/api/v1/room/check', {headers: {Authorization: 'Bearer ' +"
                                      " JSON.parse(localStorage.getItem('redflags.class')).token}})"
                                      ".then(r => r.json()).then(j => j.check.form)")]
            for k, item in enumerate(form.items):
                assert fox.text_content("#check-item-title") == f"Chat {k + 1} of 16"
                assert item.lines[0].text in fox.text_content("#check-body")
                kind = "red" if item.is_signal == (k % 5 != 0) else "safe"
                sure = 1 + k % 4
                if k == 1:
                    fox.click(f"#check button[data-answer='{kind}']")
                    axe_check(fox, "check: how sure")
                    fox.screenshot(path=str(shots / "check-phone-how-sure.png"), full_page=True)
                    fox.click("#check .check-back")             # changes their mind: back to the question
                    fox.wait_for_selector("#check button[data-answer='red']")
                if k == 3:
                    # by keyboard alone: Tab to the answer, Enter; Tab to how sure, Enter
                    number = fox.text_content("#check-item-title")
                    fox.focus(f"#check button[data-answer='{kind}']")
                    fox.keyboard.press("Enter")
                    fox.focus(f"#check button[data-sure='{sure}']")
                    fox.keyboard.press("Enter")
                    fox.wait_for_function("n => document.querySelector('#check-item-title')"
                                          " && document.querySelector('#check-item-title').textContent !== n"
                                          " || !document.querySelector('#check-item-title')", arg=number)
                elif k == 6:
                    number = fox.text_content("#check-item-title")
                    fox.click("#check button[data-answer='skip']")
                    fox.wait_for_function("n => document.querySelector('#check-item-title').textContent !== n",
                                          arg=number)
                    plan.append((item.id, "skip", 0))
                    continue
                else:
                    answer_by_clicks(fox, kind, sure)
                plan.append((item.id, kind, sure))
            fox.wait_for_selector(".check-message")
            assert fox.text_content(".check-message").startswith("Thanks")
            axe_check(fox, "check: thanks")

            projector.locator(".proj-check .proj-big-count", has_text="1 of 2 finished").wait_for()
            projector_text = projector.text_content("body")
            assert "pixel_fox" not in projector_text and "moonbeam" not in projector_text
            projector.screenshot(path=str(shots / "check-projector.png"))
            teach.locator("#check-progress", has_text="1 of 2 finished").wait_for()
            axe_check(teach, "teacher page with the check running")
            teach.screenshot(path=str(shots / "check-teacher.png"), full_page=True)

            answer_by_clicks(moon, "safe", 2)
            answer_by_clicks(moon, "red", 3)
            moon.click("#check .check-stop")
            moon.wait_for_selector(".check-message")
            assert "kept" in moon.text_content(".check-message")
            axe_check(moon, "check: stopped")

            teach.click("#check-end")
            teach.locator("#check-progress", has_text="Ended").wait_for()
            projector.wait_for_selector(".proj-join .code")     # back to the join screen
            for page in students:                              # the last words stay until a chat starts
                page.wait_for_selector(".check-message")
            assert not errors, errors
        finally:
            browser.close()
    with Store.open(data) as store:
        rows = {r.player: r for r in storage.rows(store)}
    assert set(rows) == {"pixel_fox", "moonbeam"}
    fox_answers = [(a["item"], "skip", 0) if a.get("skip") else (a["item"], a["answer"], a["confidence"])
                   for a in rows["pixel_fox"].record["answers"]]
    assert fox_answers == plan
    assert rows["pixel_fox"].record["complete"] and rows["pixel_fox"].class_code == "8B"
    assert not rows["moonbeam"].record["complete"] and len(rows["moonbeam"].record["answers"]) == 2
    assert rows["moonbeam"].record["form"] != rows["pixel_fox"].record["form"]
