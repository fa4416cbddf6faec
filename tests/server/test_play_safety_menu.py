"""The play page's Safety menu in real headless Chromium: Block / Report / Leave as the apps keep them.

The header holds Profile, Safety and Pause; Safety is a WAI-ARIA menu button
(aria-haspopup, aria-expanded, roving focus over its items, Escape closes and
gives the focus back, Tab and a click outside close it); B, R and L open each
exit's question straight from the chat, and every question still asks first.
The menu's words are the window's (game/play/exits.py), served with the chat
view. One real uvicorn on 127.0.0.1 port 0, Debian's Chromium, axe-core.
"""

from __future__ import annotations

import os
from pathlib import Path

import play_browser
import pytest
from play_browser import LAPTOP, PHONE, axe_check, events, start

from game.library import find_scenario
from game.play import exits

server, browser, new_page = play_browser.server, play_browser.browser, play_browser.new_page   # the fixtures


def focused(page) -> str:
    """The focused element, as its id, its action, 'cancel', 'reply N' or its tag."""
    return page.evaluate("""() => { const a = document.activeElement;
        return a.id || (a.dataset && (a.dataset.action || (a.dataset.menuCancel && 'cancel')
            || (a.dataset.choice && 'reply ' + a.dataset.choice))) || a.tagName; }""")


# ---------------------------------------------------------------------------------------------
def test_the_header_has_profile_safety_and_pause_and_the_menu_has_the_shared_words(server, new_page):
    page = new_page(PHONE)
    start(page, server)
    header = page.locator(".chat-header .actions > button:visible, .chat-header .safety > button:visible")
    assert header.count() == 3
    details = len(find_scenario("first-dm").stranger.profile)
    assert [b.strip() for b in header.all_inner_texts()] == [f"{details} details", "Safety", "Pause"]
    assert page.locator("#safety-menu [data-action]").first.is_hidden()   # Block & co. wait in the menu
    button = page.locator("#safety-button")
    assert button.get_attribute("aria-haspopup") == "menu" and button.get_attribute("aria-expanded") == "false"
    name = find_scenario("first-dm").stranger.name
    words = exits.safety_menu(name)
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    items = page.locator("#safety-menu [role=menuitem]")
    assert [t.strip() for t in items.all_inner_texts()] == [
        f"{i['label']}\n{i['key']}" for i in words["items"]] + [words["cancel"]]
    assert [items.nth(i).get_attribute("aria-keyshortcuts") for i in range(3)] == ["B", "R", "L"]
    assert page.inner_text("#safety-keys") == words["keys_line"]
    assert page.get_attribute("#safety-menu", "aria-labelledby") == "safety-button"
    assert focused(page) == "block"
    box = page.locator("#safety-pop").bounding_box()     # the menu fits a phone's width
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert not page.problems, page.problems


def test_the_profile_button_says_how_many_details_there_are(server, new_page):
    from game.play.chat_view import profile_label

    count = len(find_scenario("first-dm").stranger.profile)
    page = new_page({"width": 800, "height": 600})
    start(page, server)
    assert page.inner_text("#profile-toggle").strip() == profile_label(count)        # "Profile · 5 details"
    page.set_viewport_size(PHONE)
    assert page.inner_text("#profile-toggle").strip() == profile_label(count, short=True)


def test_the_menu_is_keyboard_reachable_with_roving_focus(server, new_page):
    page = new_page(LAPTOP)
    start(page, server)
    page.focus("#safety-button")
    page.keyboard.press("ArrowDown")                    # Down on the button opens on the first item
    assert focused(page) == "block"
    page.keyboard.press("ArrowDown")
    assert focused(page) == "report"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused(page) == "cancel"
    page.keyboard.press("ArrowDown")                    # wraps round
    assert focused(page) == "block"
    page.keyboard.press("ArrowUp")
    assert focused(page) == "cancel"
    page.keyboard.press("Home")
    assert focused(page) == "block"
    page.keyboard.press("End")
    assert focused(page) == "cancel"
    # one tab stop: the item with the focus is the only one Tab could land on
    assert page.locator("#safety-menu [role=menuitem][tabindex='0']").count() == 1
    page.keyboard.press("Escape")                       # closes the menu, not the chat (no pause)
    assert page.is_hidden("#safety-pop") and focused(page) == "safety-button"
    assert page.get_attribute("#safety-button", "aria-expanded") == "false"
    assert not page.locator("#dlg-pause[open]").count()
    page.keyboard.press("ArrowUp")                      # Up on the button opens on the last item
    assert focused(page) == "cancel"
    page.keyboard.press("Enter")                        # Cancel: closed, the focus back on Safety
    assert page.is_hidden("#safety-pop") and focused(page) == "safety-button"
    page.keyboard.press("Enter")
    assert page.is_visible("#safety-pop")
    page.keyboard.press("Tab")                          # Tab leaves the menu and closes it
    assert page.is_hidden("#safety-pop") and focused(page) != "safety-button"
    page.click("#safety-button")
    page.mouse.click(20, 400)                           # a click outside closes it too
    assert page.is_hidden("#safety-pop")
    assert not [e for e in events(server, page) if e["type"] == "end"]
    assert not page.problems, page.problems


def test_keys_b_r_l_ask_first_and_give_the_focus_back(server, new_page):
    page = new_page(LAPTOP)
    start(page, server)
    name = find_scenario("first-dm").stranger.name
    page.focus("#choices [data-choice='1']")
    page.keyboard.press("b")
    page.wait_for_selector("#dlg-block[open]")
    assert page.inner_text("#block-title") == exits.block_words(name)["title"]
    page.keyboard.press("Escape")                       # the question closes, nothing ends
    page.wait_for_selector("#dlg-block:not([open])", state="attached")
    assert focused(page) == "reply 1"                   # back where the player was
    page.keyboard.press("R")                            # capitals too
    page.wait_for_selector("#dlg-report[open]")
    page.click("#report-no")
    assert focused(page) == "reply 1"
    page.click("#safety-button")                        # from the menu, the focus comes back to Safety
    page.click("#safety-menu [data-action='report']")
    page.wait_for_selector("#dlg-report[open]")
    page.keyboard.press("Escape")
    assert focused(page) == "safety-button"
    page.keyboard.press("l")
    page.wait_for_selector("#dlg-confirm[open]")
    assert page.inner_text("#confirm-title") == "Leave this chat?"
    page.click("#confirm-no")
    assert focused(page) == "safety-button"
    assert not [e for e in events(server, page) if e["type"] == "end"]   # every question asked first
    page.click("#safety-button")
    page.keyboard.press("l")                            # a key inside the open menu chooses its item
    page.wait_for_selector("#dlg-confirm[open]")
    assert page.is_hidden("#safety-pop")
    page.click("#confirm-yes")
    page.wait_for_selector("#see-debrief:visible")
    assert events(server, page)[-1]["how"] == "leave"
    assert page.is_disabled("#safety-button")          # over: nothing to block any more
    page.keyboard.press("b")
    assert not page.locator("#dlg-block[open]").count()
    assert not page.problems, page.problems


def test_the_menu_passes_axe_on_a_phone_and_in_high_contrast(server, new_page):
    page = new_page(PHONE)
    start(page, server, "free-skin-trader")
    page.click("#safety-button")
    axe_check(page, "Safety menu (game chat, phone)")
    page.evaluate("document.body.classList.add('hc')")
    axe_check(page, "Safety menu (game chat, phone, high contrast)")
    page2 = new_page(LAPTOP)
    start(page2, server, "too-perfect-match")
    page2.click("#safety-button")
    axe_check(page2, "Safety menu (dating app, laptop)")


@pytest.mark.skipif(not os.environ.get("REDFLAGS_SHOTS_DIR"),
                    reason="set REDFLAGS_SHOTS_DIR=DIR to save the screenshots")
def test_screenshots_of_the_menu(server, new_page):
    folder = Path(os.environ["REDFLAGS_SHOTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("1280x720", LAPTOP), ("800x600", {"width": 800, "height": 600}), ("360x740", PHONE)):
        for scenario in ("first-dm", "free-skin-trader", "too-perfect-match"):
            page = new_page(viewport)
            start(page, server, scenario)
            page.focus("#safety-button")
            page.keyboard.press("ArrowDown")
            page.screenshot(path=str(folder / f"safety-{scenario}-{size}.png"))
