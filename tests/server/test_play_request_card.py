"""The message request on the play page, in real headless Chromium.

model-scout opens with a request: a card at the top of the thread (who, what
their profile says at a glance, the way to the whole profile) and Accept /
Decline with what declining does in the reply area. Accept is kept by the
server (a reload does not ask again); Decline is Leave, and the chat says so.
"""

from __future__ import annotations

import os
from pathlib import Path

import play_browser
import pytest
from play_browser import LAPTOP, PHONE, SMALL, axe_check, events, settled, start

from game.library import find_scenario
from game.play import chat_view as cv

server, browser, new_page = play_browser.server, play_browser.browser, play_browser.new_page   # the fixtures
NAME = "novastar.scout.elle"


def test_the_card_shows_who_asks_and_their_profile_at_a_glance(server, new_page):
    page = new_page(PHONE)
    start(page, server, "model-scout")
    card = page.locator("#thread .request-card")
    assert card.count() == 1
    text = card.inner_text()
    assert NAME in text and cv.REQUEST["eyebrow"].lower() in text.lower()   # the eyebrow is shown in capitals
    profile = [p for p in find_scenario("model-scout").stranger.profile if not p.image][:3]
    for item in profile:
        assert item.label in text and item.text in text
    assert "Flag" not in text                         # flags live in the profile and on the messages
    ask = page.locator("#choices .request-ask")
    words = {k: v.format(name=NAME) for k, v in cv.REQUEST.items()}
    assert words["title"] in ask.inner_text() and words["body"] in ask.inner_text()
    assert [b.strip() for b in page.locator("#choices [data-request] span:not(.num)").all_inner_texts()] == [
        words["accept"], words["decline"]]
    assert page.locator("#choices [data-choice]").count() == 0    # replies wait behind the request
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("#thread [data-request-profile]")      # the whole profile, where it can be flagged
    page.wait_for_selector("#profile-panel.open")
    assert page.is_visible("[data-flag='profile.bio']")
    assert not page.problems, page.problems


def test_accept_is_kept_across_a_reload(server, new_page):
    page = new_page(LAPTOP)
    start(page, server, "model-scout")
    before = len(events(server, page))
    page.keyboard.press("1")                           # 1 = Accept, as in the window
    page.wait_for_selector("#choices [data-choice='1']")
    assert page.locator("#choices [data-request]").count() == 0
    assert page.evaluate("document.activeElement.dataset.choice") == "1"
    assert len(events(server, page)) == before          # Accept is no event: the score never sees it
    page.reload()
    page.wait_for_selector("#view-chat:not([hidden])")
    settled(page)
    assert page.locator("#choices [data-choice='1']").count() == 1
    assert page.locator("#choices [data-request]").count() == 0
    assert page.locator("#thread .request-card").count() == 1      # who asked stays at the top
    page.click("#choices [data-choice='1']")
    page.wait_for_function("() => document.querySelectorAll('#thread .line.player').length === 1")
    assert not page.problems, page.problems


def test_decline_ends_the_chat_as_leave_and_says_what_it_did(server, new_page):
    page = new_page(SMALL)
    start(page, server, "model-scout")
    page.click("#choices [data-request='2']")
    page.wait_for_selector("#see-debrief:visible")
    assert events(server, page)[-1]["how"] == cv.REQUEST_DECLINE_AS
    assert page.locator("#thread .line.info").last.inner_text().strip() == cv.DECLINED_LINE.format(name=NAME)
    assert page.locator("#choices .request-ask").count() == 0
    assert not page.problems, page.problems


def test_the_request_passes_axe_on_a_phone_and_in_high_contrast(server, new_page):
    page = new_page(PHONE)
    start(page, server, "model-scout")
    axe_check(page, "message request (phone)")
    page.evaluate("document.body.classList.add('hc')")
    axe_check(page, "message request (phone, high contrast)")


def test_the_chat_moved_label_is_the_served_one(server, new_page):
    page = new_page(LAPTOP)
    start(page, server, "first-dm")
    for _ in range(2):      # "thanks! I'm 13..." then "sure, what's your @?": first-dm's "moved" node
        page.click("#choices [data-choice='1']")
        settled(page)
    page.wait_for_selector("#thread .moment.switch")
    assert page.evaluate("document.body.dataset.skin") == "messenger"
    assert page.locator("#thread .moment.switch .eyebrow").text_content().strip() == cv.SWITCH_TITLE   # shown in capitals


@pytest.mark.skipif(not os.environ.get("REDFLAGS_SHOTS_DIR"),
                    reason="set REDFLAGS_SHOTS_DIR=DIR to save the screenshots")
def test_screenshots_of_the_request(server, new_page):
    folder = Path(os.environ["REDFLAGS_SHOTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("1280x720", LAPTOP), ("800x600", SMALL), ("360x740", PHONE)):
        for hc in ("", "-hc"):
            page = new_page(viewport)
            start(page, server, "model-scout")
            if hc:
                page.evaluate("document.body.classList.add('hc')")
            page.evaluate("document.querySelector('.thread-wrap').scrollTop = 0")
            page.screenshot(path=str(folder / f"request-{size}{hc}.png"))
