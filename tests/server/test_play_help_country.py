"""The play page's "Help shown for" control (issue 14), in real headless Chromium.

On the join page, in the help dialog and in the debrief's help: the choice is
kept in the browser's localStorage (a country id, nothing personal), sent to
the server, and the help shown is that country's. first-dm is an en-GB chat,
so its automatic help is the UK's.
"""

from __future__ import annotations

import play_browser
from play_browser import LAPTOP, PHONE, axe_check, settled, start

from game.play import help_country
from game.taxonomy import load_help

server, browser, new_page = play_browser.server, play_browser.browser, play_browser.new_page   # the fixtures
KEY = "redflags.helpcountry"


def names(region: str) -> set[str]:
    return {r.name for r in load_help().resources if r.region == region}


def shown(page, css: str) -> set[str]:
    return set(page.locator(f"{css} .help-list li strong").all_inner_texts())


def test_the_join_pages_choice_is_kept_and_the_help_dialog_follows_it(server, new_page):
    page = new_page(PHONE)
    page.goto(f"{server}/play")
    select = page.locator("#join-help-country select")
    assert page.inner_text("#join-help-country label") == "Help shown for"
    assert select.input_value() == "auto"
    axe_check(page, "join page with the help country")
    select.select_option("US")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "US"     # a country id, nothing else
    page.reload()
    assert page.locator("#join-help-country select").input_value() == "US"
    page.click("#join-form button[type=submit]")
    page.wait_for_selector(".pick")
    # a chat that ships in both locales is listed once, in the chosen country's language
    assert page.locator("[data-scenario='first-dm-us']").count() == 1
    assert page.locator("[data-scenario='first-dm']").count() == 0
    page.click("[data-scenario='first-dm-us']")
    page.click("#before-start")
    settled(page)
    page.click("#pause-button")
    page.click("#pause-help")
    page.wait_for_selector("#dlg-help[open] .help-list li")
    assert shown(page, "#dlg-help") == names("US")
    assert page.inner_text("#dlg-help [data-help-showing]") == "Showing help for: United States"
    assert page.inner_text("#help-title") == help_country.TITLE          # the served title, not the page's copy
    axe_check(page, "help dialog with the help country")
    page.locator("#dlg-help select").select_option("UK")
    page.wait_for_function("() => document.querySelector('#dlg-help [data-help-showing]').innerText.includes('Kingdom')")
    assert shown(page, "#dlg-help") == names("UK")
    assert page.evaluate("document.activeElement.matches('#dlg-help select')")
    page.locator("#dlg-help select").select_option("auto")             # automatic: the chat's (en-US)
    page.wait_for_function("() => document.querySelector('#dlg-help [data-help-showing]').innerText.includes('States')")
    assert shown(page, "#dlg-help") == names("US")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert not page.problems, page.problems


def test_the_debriefs_help_is_the_chosen_countrys(server, new_page):
    page = new_page(LAPTOP)
    start(page, server, "first-dm")
    page.keyboard.press("l")
    page.click("#confirm-yes")
    page.click("#see-debrief")
    page.wait_for_selector("#view-debrief:not([hidden]) #debrief-help select")
    assert shown(page, "#debrief-help") == names("UK")
    assert page.locator("#debrief-help option").first.inner_text() == "Automatic: United Kingdom"
    page.locator("#debrief-help select").select_option("US")
    page.wait_for_function("() => document.querySelector('#debrief-help [data-help-showing]').innerText.includes('States')")
    assert shown(page, "#debrief-help") == names("US")
    assert page.evaluate("document.activeElement.matches('#debrief-help select')")   # the focus stays on it
    assert "It is not your fault" in page.inner_text("#debrief-help")
    axe_check(page, "debrief with the help country")
    page2 = new_page(PHONE)                             # another chat in this browser remembers UK
    page2.add_init_script(f"localStorage.setItem('{KEY}', 'UK')")
    start(page2, server, "free-skin-trader")            # an en-US chat: automatic would be the US's
    page2.keyboard.press("l")
    page2.click("#confirm-yes")
    page2.click("#see-debrief")
    page2.wait_for_selector("#debrief-help select")
    assert shown(page2, "#debrief-help") == names("UK")
    assert not page.problems and not page2.problems, page.problems + page2.problems


def test_a_country_the_server_no_longer_lists_falls_back_to_automatic(server, new_page):
    page = new_page(PHONE)
    page.add_init_script(f"localStorage.setItem('{KEY}', 'Atlantis')")
    start(page, server, "first-dm")
    page.goto(f"{server}/play")
    assert page.locator("#join-help-country select").input_value() == "auto"
    page.wait_for_selector("#view-chat:not([hidden])")    # the chat carries on after the reload
    settled(page)
    page.keyboard.press("l")
    page.click("#confirm-yes")
    page.click("#see-debrief")                          # the debrief asks for automatic help, not Atlantis's
    page.wait_for_selector("#debrief-help select")
    assert shown(page, "#debrief-help") == names("UK")
    assert not page.problems, page.problems
