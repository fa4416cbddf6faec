"""The practice chat on the play page, in real headless Chromium.

A new nickname's picker offers it; the coach card ticks off flag a message,
flag a profile detail, leave (the server says which are done); "Start playing"
goes on to the picker, which no longer offers it to that nickname. Skip (the
button or K) and No thanks count as seen too; without a nickname the
browser's localStorage remembers it.
"""

from __future__ import annotations

import play_browser
from play_browser import LAPTOP, PHONE, axe_check, settled

from game.play import onboarding

server, browser, new_page = play_browser.server, play_browser.browser, play_browser.new_page   # the fixtures


def join(page, server, nick):
    page.goto(f"{server}/play")
    page.fill("#nickname", nick)
    page.click("#join-form button[type=submit]")
    page.wait_for_selector(".pick")


def coach_done(page) -> list[str]:
    return page.locator("#coach [data-step-done]").evaluate_all("(els) => els.map((e) => e.dataset.stepDone)")


def test_a_new_nickname_practises_and_is_not_asked_again(server, new_page):
    page = new_page(LAPTOP)
    join(page, server, "Prac1")
    offer = page.locator(".practice-offer")
    assert onboarding.OFFER["title"] in offer.inner_text()
    axe_check(page, "picker with the practice offer")
    page.click("#practice-start")
    page.wait_for_selector("#coach .coach-title")
    settled(page)
    words = onboarding.coach_words()
    assert page.inner_text("#coach .coach-title") == words["steps"][0]["title"]
    assert page.is_hidden("#flag-hint")                 # the coach card says it instead
    assert page.evaluate("localStorage.getItem('redflags.chat')") is None   # nothing to carry on after a reload
    page.locator("#thread li[data-item]", has_text="school").locator("[data-flag]").click()
    page.wait_for_function("() => document.querySelector('#coach [data-step-done]').dataset.stepDone === '1'")
    assert page.inner_text("#coach .coach-title") == words["steps"][1]["title"]
    page.click("[data-flag='profile.joined']")
    page.wait_for_function("() => document.querySelectorAll(\"#coach [data-step-done='1']\").length === 2")
    assert page.inner_text("#coach .coach-title") == words["steps"][2]["title"]
    axe_check(page, "practice chat with the coach card")
    page.keyboard.press("l")
    page.click("#confirm-yes")
    page.wait_for_selector("#see-debrief:visible")
    assert coach_done(page) == ["1", "1", "1"]
    assert page.inner_text("#coach .coach-title") == words["all_done"]["title"]
    assert page.inner_text("#see-debrief") == words["done"]
    page.click("#see-debrief")                           # "Start playing": the picker, not a score
    page.wait_for_selector("#view-picker:not([hidden]) .pick")
    assert page.locator(".practice-offer").count() == 0
    page.reload()                                        # the server remembers it for this nickname
    page.click("#join-form button[type=submit]")
    page.wait_for_selector(".pick")
    assert page.locator(".practice-offer").count() == 0
    page.click("[data-scenario='first-dm']")             # and the real chat's end button is its own again
    page.click("#before-start")
    settled(page)
    page.keyboard.press("l")
    page.click("#confirm-yes")
    page.wait_for_selector("#see-debrief:visible")
    assert page.inner_text("#see-debrief") != words["done"] and page.is_visible("#flag-hint")
    assert page.is_hidden("#coach")
    assert not page.problems, page.problems


def test_k_skips_and_no_thanks_declines_both_for_good(server, new_page):
    page = new_page(PHONE)
    join(page, server, "Prac2")
    page.click("#practice-start")
    page.wait_for_selector("#coach-skip")
    settled(page)
    page.keyboard.press("k")
    page.wait_for_selector("#view-picker:not([hidden]) .pick")
    assert page.locator(".practice-offer").count() == 0
    page2 = new_page(PHONE)
    join(page2, server, "Prac3")
    page2.click("#practice-no")
    assert page2.locator(".practice-offer").count() == 0
    assert page2.evaluate("document.activeElement.matches('.pick')")     # on to the chats
    join(page2, server, "Prac3")
    assert page2.locator(".practice-offer").count() == 0
    join(page2, server, "Prac4")                         # another nickname is offered it
    assert page2.locator(".practice-offer").count() == 1
    assert not page.problems and not page2.problems, page.problems + page2.problems


def test_without_a_nickname_this_browser_remembers(server, new_page):
    page = new_page(PHONE)
    join(page, server, "")
    page.click("#practice-start")
    page.wait_for_selector("#coach-skip")
    page.click("#coach-skip")
    page.wait_for_selector("#view-picker:not([hidden]) .pick")
    assert page.evaluate("localStorage.getItem('redflags.practice.seen')") == "1"
    join(page, server, "")
    assert page.locator(".practice-offer").count() == 0
    fresh = new_page(PHONE)                              # another browser: offered (the server keeps nothing)
    join(fresh, server, "")
    assert fresh.locator(".practice-offer").count() == 1
