"""The discernment check on the solo play page, in real headless Chromium (Debian's, via Playwright).

A player with a nickname starts their first chat: the page offers the check first; they take it
(clicks, one Back, one skip), the stored record is what they clicked, and the chat follows. Another
says "Not now" and goes straight to the chat, and is not asked again in that tab. axe-core checks
the offer and the check's views.

Set REDFLAGS_SHOTS_DIR to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from class_kit import library
from test_class_check_browser import ARGS, CHROMIUM, axe_check

from game.checks import storage
from game.checks.library import load_forms
from game.results.store import Store
from game.server.config import ServerConfig
from game.server.serve import ServerThread

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian's chromium is not installed")

FORMS = load_forms()
PHONE = {"width": 360, "height": 740}


def start_first_chat(page, base, nick):
    page.goto(f"{base}play")
    page.fill("#nickname", nick)
    page.fill("#classcode", "7B")
    page.click("#join-form button[type=submit]")
    page.click("[data-scenario='first-dm']")
    page.click("#before-start")


def test_the_play_page_offers_the_check_before_the_first_chat(tmp_path):
    shots = Path(os.environ.get("REDFLAGS_SHOTS_DIR") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    data = tmp_path / "data"
    config = ServerConfig(library=library(), data_dir=data, extra={"solo_typing_factor": 0.02})
    plan = []
    with ServerThread(config) as server, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            problems: list[str] = []
            page = browser.new_context(viewport=PHONE, reduced_motion="reduce").new_page()
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            start_first_chat(page, server.url, "fox_solo")
            page.wait_for_selector("#dlg-check[open]")
            assert "Before your first chat" in page.text_content("#check-offer-body")
            axe_check(page, "the check's offer")
            page.screenshot(path=str(shots / "solo-check-offer.png"))
            page.click("#check-take")
            page.wait_for_selector("#view-check:not([hidden]) #check-item-title")
            axe_check(page, "solo check: first chat")
            for k, item in enumerate(FORMS["A"].items):
                assert page.text_content("#check-item-title") == f"Chat {k + 1} of 16"
                assert item.lines[-1].text in page.text_content("#check-body")
                if k == 2:
                    page.click("#check-body [data-answer='skip']")
                    plan.append({"item": item.id, "skip": True})
                    continue
                kind = "red" if item.is_signal == (k % 4 != 1) else "safe"
                page.click(f"#check-body [data-answer='{kind}']")
                if k == 0:
                    axe_check(page, "solo check: how sure")
                    page.screenshot(path=str(shots / "solo-check-how-sure.png"), full_page=True)
                    page.click("#check-body .check-back")
                    page.click(f"#check-body [data-answer='{kind}']")
                page.click(f"#check-body [data-sure='{1 + k % 4}']")
                plan.append({"item": item.id, "answer": kind, "confidence": 1 + k % 4})
            page.wait_for_selector("#check-continue")
            assert page.text_content(".check-message").startswith("Thanks")
            axe_check(page, "solo check: thanks")
            page.click("#check-continue")
            page.wait_for_selector("#view-chat:not([hidden])")      # the chat follows

            other = browser.new_context(viewport=PHONE).new_page()
            other.on("pageerror", lambda e: problems.append(str(e)))
            start_first_chat(other, server.url, "owl_solo")
            other.wait_for_selector("#dlg-check[open]")
            other.click("#check-not-now")
            other.wait_for_selector("#view-chat:not([hidden])")
            other.evaluate("localStorage.removeItem('redflags.chat')")   # start over in the same tab
            start_first_chat(other, server.url, "owl_solo")
            other.wait_for_selector("#view-chat:not([hidden])")
            assert not other.is_visible("#dlg-check")                   # "Not now" holds for the tab
            assert not problems, problems
        finally:
            browser.close()
    with Store.open(data) as store:
        [row] = storage.rows(store)
    assert (row.player, row.class_code, row.record["phase"], row.record["form"]) == ("fox_solo", "7B", "pre", "A")
    assert row.record["answers"] == plan and row.record["complete"] is True
