"""The play page in real headless Chromium: each skin by clicks and by keyboard, reload, debrief, axe.

One server process (real uvicorn, 127.0.0.1 port 0) with a fast typist and
one browser; every test opens its own context. The golden "best" script of
one scenario per skin is played through the page (clicks, or keys alone), and
the record the server stored must be the golden's. Screenshots go to
$REDFLAGS_SHOTS_DIR when set (the notes keep a set), else to a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import httpx
import play_browser
import pytest
from playback import GOLDEN_DIR, comparable
from servers import uvicorn_server
from solo_kit import golden_lines

SKINS = {"game_chat": "free-skin-trader", "social_media": "first-dm", "dating_app": "too-perfect-match"}
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
STEP = 15_000   # ms: the longest wait for one step of the chat

server, browser = play_browser.server, play_browser.browser   # the shared fixtures


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("REDFLAGS_SHOTS_DIR") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport=PHONE, **options):
        ctx = browser.new_context(viewport=viewport, **options)
        # these tests are about the chat: the discernment check's offer is declined up front
        # (test_solo_check_page.py takes it)
        ctx.add_init_script("sessionStorage.setItem('redflags.check.notnow', '1')")
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


# ---------------------------------------------------------------------------------------------
def token_of(page) -> str:
    return json.loads(page.evaluate("localStorage.getItem('redflags.chat')"))["token"]


def record_of(server, page) -> dict:
    state = httpx.get(f"{server}/api/v1/play/{token_of(page)}", timeout=10).json()
    assert state["ended"], "the chat has not ended"
    return without_seed(state["result"])


def without_seed(record: dict) -> dict:
    """The page starts chats with a random seed, as the window does; everything else must match."""
    return {k: v for k, v in comparable(record).items() if k != "seed"}


def expected(scenario: str) -> dict:
    return without_seed(json.loads((GOLDEN_DIR / scenario / "best.expected.json").read_text(encoding="utf-8")))


def settled(page) -> None:
    """Wait as --script does: every pending message delivered (replies shown, or the chat over)."""
    page.wait_for_selector("body[data-chat='settled']", state="attached", timeout=STEP)


def item_selector(ref: str) -> str:
    if ref.isdigit():
        return f"#thread li[data-number='{ref}'] [data-flag]"
    return f"[data-flag='{ref}']"


def join_and_pick(page, server, scenario, nick="Fox12", klass="7B"):
    page.goto(f"{server}/play")
    page.fill("#nickname", nick)
    page.fill("#classcode", klass)
    page.click("#join-form button[type=submit]")
    page.click(f"[data-scenario='{scenario}']")
    page.click("#before-start")
    page.wait_for_selector("#view-chat:not([hidden])")


def play_by_clicks(page, lines, phone=True, after=None):
    for number, line in enumerate(lines):
        settled(page)
        if after:
            after(number, line)
        words = line.split()
        if words[0] == "profile":
            if phone:
                page.click("#profile-toggle")
        elif words[0] in ("flag", "unflag"):
            button = page.locator(item_selector(words[1]))
            if words[1].startswith("profile.") and phone and not page.is_visible("#profile-panel"):
                page.click("#profile-toggle")
            button.click()
            want = "true" if words[0] == "flag" else "false"
            page.wait_for_selector(f"{item_selector(words[1])}[aria-pressed='{want}']")
            if words[1].startswith("profile.") and phone:
                page.click("#profile-close")
        elif words[0].isdigit():
            page.click(f"#choices [data-choice='{words[0]}']")
        elif words[0] == "block":
            safety(page, "block")
            page.click("#block-yes")
        elif words[0] == "report":
            safety(page, "report")
            page.click(f"#reason-{words[1] if len(words) > 1 else 'other'}")
            page.click("#report-send")
        elif words[0] == "leave":
            safety(page, "leave")
            page.click("#confirm-yes")
        else:
            raise AssertionError(f"the page test does not drive '{line}'")
    settled(page)


def safety(page, how: str) -> None:
    """Block, Report or Leave as a player clicks them: the header's Safety menu, then the item."""
    page.click("#safety-button")
    page.click(f"#safety-menu [data-action='{how}']")


def focus_by_tab(page, css: str, limit: int = 200) -> None:
    """Press Tab (only) until the focused element matches ``css``."""
    for _ in range(limit):
        if page.evaluate("(css) => !!document.activeElement && document.activeElement.matches(css)", css):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {css}")


def play_by_keys(page, lines, phone=True):
    for line in lines:
        settled(page)
        words = line.split()
        if words[0] == "profile":
            if phone:
                focus_by_tab(page, "#profile-toggle")
                page.keyboard.press("Enter")
        elif words[0] in ("flag", "unflag"):
            if words[1].startswith("profile.") and phone and not page.is_visible("#profile-panel"):
                focus_by_tab(page, "#profile-toggle")
                page.keyboard.press("Enter")
            focus_by_tab(page, item_selector(words[1]))
            page.keyboard.press("Enter")
            want = "true" if words[0] == "flag" else "false"
            page.wait_for_selector(f"{item_selector(words[1])}[aria-pressed='{want}']")
            if words[1].startswith("profile.") and phone:
                focus_by_tab(page, "#profile-close")
                page.keyboard.press("Enter")
        elif words[0].isdigit():
            replies = page.locator("#thread .line.player").count()
            page.keyboard.press(words[0])
            page.wait_for_function("(n) => document.querySelectorAll('#thread .line.player').length > n", arg=replies)
        elif words[0] == "block":
            focus_by_tab(page, "#safety-button")
            page.keyboard.press("Enter")            # the Safety menu opens on its first item, Block
            page.keyboard.press("Enter")
            page.keyboard.press("Enter")            # the block dialog opens on Block
        elif words[0] == "report":
            page.keyboard.press("r")                # R in the chat: the report form at once
            page.keyboard.press("Space")            # the form opens on the first reason: Space picks it
            page.keyboard.press("Enter")            # Enter sends the form
        elif words[0] == "leave":
            focus_by_tab(page, "#safety-button")
            page.keyboard.press("ArrowUp")          # the menu opens on its last item (Cancel)
            page.keyboard.press("ArrowUp")          # Leave the chat
            page.keyboard.press("Enter")
            page.keyboard.press("Shift+Tab")        # the dialog opens on Cancel; the action is before it
            page.keyboard.press("Enter")
        else:
            raise AssertionError(f"the page test does not drive '{line}'")
    settled(page)


def axe_check(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core" and results.response["passes"] is not None
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, where + ": " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad)


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("skin", list(SKINS))
def test_each_skin_by_clicks_on_a_phone_gives_the_goldens_record(server, new_page, shots, skin):
    scenario = SKINS[skin]
    _, lines = golden_lines(GOLDEN_DIR / scenario / "best.script")
    page = new_page(PHONE)
    join_and_pick(page, server, scenario)
    assert page.evaluate("document.body.dataset.skin") == skin
    play_by_clicks(page, lines)
    assert record_of(server, page) == expected(scenario)
    page.click("#see-debrief")
    page.wait_for_selector("#view-debrief:not([hidden])")
    text = page.inner_text("#debrief-body")
    assert "never your fault" in text.lower() or "not your fault" in text.lower()
    assert "Spotting" in text and "Getting out" in text and "Keeping your info" in text
    assert not page.problems, page.problems


@pytest.mark.parametrize("skin", list(SKINS))
def test_each_skin_by_keyboard_alone_on_a_laptop(server, new_page, skin):
    scenario = SKINS[skin]
    _, lines = golden_lines(GOLDEN_DIR / scenario / "best.script")
    page = new_page(LAPTOP)
    page.goto(f"{server}/play")
    page.wait_for_selector("#nickname:focus")   # the join form opens with the focus in the nickname
    page.keyboard.type("KeyFox")
    page.keyboard.press("Tab")
    page.keyboard.type("7K")
    page.keyboard.press("Enter")
    page.wait_for_selector("#view-picker:not([hidden])")
    focus_by_tab(page, f"[data-scenario='{scenario}']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#dlg-before[open]")
    page.keyboard.press("Enter")                 # "Start chat" has the focus
    page.wait_for_selector("#view-chat:not([hidden])")
    play_by_keys(page, lines, phone=False)
    assert record_of(server, page) == expected(scenario)
    page.keyboard.press("Enter")                 # "See how you did" has the focus at the end
    page.wait_for_selector("#view-debrief:not([hidden])")
    assert not page.problems, page.problems


def test_block_explains_and_the_report_form_records_the_reason(server, new_page):
    from game.play.exits import block_words, report_form
    from game.report_reasons import REASONS

    page = new_page(LAPTOP)
    join_and_pick(page, server, "first-dm")
    settled(page)
    from game.library import find_scenario

    name = find_scenario("first-dm").stranger.name
    safety(page, "block")
    page.wait_for_selector("#dlg-block[open]")
    words = block_words(name)
    text = page.inner_text("#dlg-block")
    for line in words["does"] + words["does_not"] + [words["still"]]:
        assert line in text
    page.click("#block-report")                  # Report instead
    page.wait_for_selector("#dlg-report[open]")
    form = report_form(name)
    text = page.inner_text("#dlg-report")
    assert form["question"] in text and all(r.label in text for r in REASONS)
    page.click("#report-send")                   # nothing chosen: one line, the chat goes on
    assert page.inner_text("#report-error") == form["choose_first"]
    page.click("#reason-meeting")
    page.click("#report-send")
    page.wait_for_selector("#see-debrief:visible")
    events = page.evaluate("fetch('/api/v1/play/' + JSON.parse(localStorage.getItem('redflags.chat')).token)"
                           ".then(r => r.json())")["events"]
    assert events[-1]["how"] == "report" and events[-1]["reason"] == "meeting"
    page.click("#see-debrief")
    page.wait_for_selector("#view-debrief:not([hidden])")
    assert "asking to meet up" in page.inner_text("#debrief-body")
    assert page.is_visible("#get-help")
    assert not page.problems, page.problems


def test_a_reload_mid_chat_carries_on_with_the_same_chat(server, new_page):
    scenario = SKINS["social_media"]
    _, lines = golden_lines(GOLDEN_DIR / scenario / "best.script")
    page = new_page(PHONE)
    join_and_pick(page, server, scenario)
    play_by_clicks(page, lines[:5])
    token = token_of(page)
    before = page.locator("#thread .line").count() + 1     # + the "carries on from here" line
    page.reload()
    page.wait_for_selector("#view-chat:not([hidden])")
    settled(page)
    assert token_of(page) == token
    assert page.locator("#thread .line").count() == before
    assert page.get_attribute(item_selector("2"), "aria-pressed") == "true"   # 'flag 2' survived
    assert page.inner_text("#thread .resumed") == "You left this chat earlier. It carries on from here."
    play_by_clicks(page, lines[5:])
    assert record_of(server, page) == expected(scenario)


def test_a_notice_that_is_only_a_time_moves_the_clock_on(server, new_page):
    # mums-friend starts at 20:40 (its story clock); "Thursday, 8:04 PM" is two days later
    _, lines = golden_lines(GOLDEN_DIR / "mums-friend" / "worst.script")
    page = new_page(PHONE, locale="en-GB", timezone_id="Europe/London")
    join_and_pick(page, server, "mums-friend")
    play_by_clicks(page, lines)
    times = page.evaluate("""() => {
        const items = [...document.querySelectorAll('#thread li')];
        const at = items.findIndex((li) => li.innerText.includes('Thursday, 8:04 PM'));
        const meta = (li) => (li.querySelector('.meta') || {}).innerText || '';
        return { before: items.slice(0, at).map(meta).filter(Boolean),
                 after: items.slice(at + 1).map(meta).filter(Boolean) };
    }""")
    assert times["before"] and all(re.search(r"· 20:4\d$", m) for m in times["before"]), times
    assert times["after"] and re.search(r"· 20:0[45]$", times["after"][0]), times   # the stranger's "outside"


def test_quick_exit_leaves_at_once_for_a_neutral_page(server, new_page):
    page = new_page(PHONE)
    join_and_pick(page, server, SKINS["game_chat"])
    settled(page)
    token = token_of(page)
    page.click("#quick-exit")
    page.wait_for_url(re.compile(r".*/static/play/away\.html$"))
    assert "Red Flags" not in page.content() and page.title() == "Notes"
    assert page.evaluate("localStorage.getItem('redflags.chat')") is None
    state = httpx.get(f"{server}/api/v1/play/{token}", timeout=10).json()
    assert state["ended"] and state["result"]["outcome"] == "quit"
    page.go_back()                               # the chat is not one step back in the history
    assert "/static/play/away.html" in page.url or "/play" not in page.url


def test_escape_pauses_and_q_exits(server, new_page):
    page = new_page(LAPTOP)
    join_and_pick(page, server, SKINS["dating_app"])
    settled(page)
    page.keyboard.press("Escape")
    page.wait_for_selector("#dlg-pause[open]")
    page.keyboard.press("q")
    page.wait_for_url(re.compile(r".*/static/play/away\.html$"))


def test_an_api_error_is_one_line_on_the_page(server, new_page):
    page = new_page(PHONE)
    page.goto(f"{server}/play")
    page.fill("#classcode", "7B;DROP")
    page.click("#join-form button[type=submit]")
    page.click("[data-scenario='first-dm']")
    page.click("#before-start")
    error = page.locator("#picker-error")
    error.wait_for()
    assert error.inner_text() == "a class code uses letters, digits, '.', '-' and '_' only"


def test_idle_nudges_arrive_after_a_silence(tmp_path, new_page):
    env = {"REDFLAGS_TYPING_FACTOR": "0.02", "REDFLAGS_IDLE_FACTOR": "0.02"}
    with uvicorn_server(tmp_path / "store", env=env) as url:
        page = new_page(PHONE)
        join_and_pick(page, url, "first-dm")
        page.wait_for_selector("#thread li[data-nudge]")
        nudge = page.inner_text("#thread li[data-nudge] .bubble")
        assert nudge and nudge in page.inner_text("#announcer")


def test_axe_finds_a_serious_problem_when_there_is_one(server, new_page):
    page = new_page(PHONE)
    page.goto(f"{server}/static/play/away.html")
    page.evaluate("document.body.append(Object.assign(document.createElement('img'), {src: 'data:,'}))")
    with pytest.raises(AssertionError, match="image-alt"):
        axe_check(page, "a picture without a text alternative")


def test_accessibility_of_every_view_with_axe(server, new_page):
    # reduced motion: axe must not measure the contrast of a message still fading in
    page = new_page(PHONE, reduced_motion="reduce")
    page.goto(f"{server}/play")
    page.wait_for_selector("#view-join:not([hidden])")
    axe_check(page, "join")
    page.click("#join-form button[type=submit]")
    page.wait_for_selector(".pick")
    axe_check(page, "picker")
    page.click("[data-scenario='first-dm']")
    axe_check(page, "before-you-start dialog")
    page.click("#before-start")
    settled(page)
    axe_check(page, "chat (social)")
    page.click("#safety-button")
    axe_check(page, "Safety menu")
    page.click("#safety-menu [data-action='report']")
    axe_check(page, "report form")
    page.click("#report-no")
    safety(page, "block")
    axe_check(page, "block dialog")
    page.click("#block-no")
    page.click("#pause-button")
    axe_check(page, "pause dialog")
    page.click("#pause-help")
    axe_check(page, "help dialog")
    page.click("#help-back")
    page.click("#pause-resume")
    page.click("#choices [data-choice='1']")      # "thanks! I'm 13...": the next messages carry a link
    page.wait_for_selector(".fake-link")
    page.click(".fake-link")
    axe_check(page, "link warning")
    page.click("#link-ok")
    safety(page, "leave")
    page.click("#confirm-yes")
    settled(page)
    page.click("#see-debrief")
    page.wait_for_selector("#view-debrief:not([hidden])")
    axe_check(page, "debrief")
    for scenario in ("free-skin-trader", "too-perfect-match"):
        p2 = new_page(LAPTOP, reduced_motion="reduce")
        join_and_pick(p2, server, scenario)
        settled(p2)
        axe_check(p2, f"chat ({scenario})")
        p2.evaluate("document.body.classList.add('hc')")
        axe_check(p2, f"chat ({scenario}, high contrast)")
    page.goto(f"{server}/static/play/away.html")
    axe_check(page, "neutral page")


def test_zoom_200_percent_keeps_everything_reachable(server, new_page):
    # 200% zoom of a 1280x800 laptop screen is a 640x400 CSS viewport at scale 2
    page = new_page({"width": 640, "height": 400}, device_scale_factor=2)
    join_and_pick(page, server, SKINS["social_media"])
    settled(page)
    for css in ("#safety-button", "#pause-button", "#quick-exit", "#choices [data-choice='1']"):
        box = page.locator(css)
        box.scroll_into_view_if_needed()
        assert box.is_visible(), css
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 640, f"the page scrolls sideways at 200% ({width}px)"
    page.locator("#safety-button").scroll_into_view_if_needed()
    page.click("#safety-button")
    for how in ("block", "report", "leave"):
        item = page.locator(f"#safety-menu [data-action='{how}']")
        assert item.is_visible(), how
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 640, f"{how} is cut off at 200% ({box})"


@pytest.mark.skipif(not os.environ.get("REDFLAGS_SHOTS_DIR"),
                    reason="set REDFLAGS_SHOTS_DIR=DIR to save the screenshots")
def test_screenshots_of_each_skin_phone_and_laptop(server, new_page, shots):
    for name, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        page = new_page(viewport)
        page.goto(f"{server}/play")
        page.wait_for_selector("#view-join:not([hidden])")
        page.screenshot(path=str(shots / f"join-{name}.png"))
        page.fill("#nickname", "Fox12")
        page.click("#join-form button[type=submit]")
        page.wait_for_selector(".pick")
        page.screenshot(path=str(shots / f"picker-{name}.png"))
        page.click("[data-scenario='first-dm']")
        page.screenshot(path=str(shots / f"before-{name}.png"))
    for skin, scenario in SKINS.items():
        _, lines = golden_lines(GOLDEN_DIR / scenario / "best.script")
        for name, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
            page = new_page(viewport)
            join_and_pick(page, server, scenario)
            half = max(1, len(lines) // 2)

            def snap(number, line, page=page, name=name, skin=skin, half=half):
                if number == half:
                    page.screenshot(path=str(shots / f"chat-{skin}-{name}.png"))

            play_by_clicks(page, lines, phone=(name == "phone"), after=snap)
            page.screenshot(path=str(shots / f"end-{skin}-{name}.png"))
            page.click("#see-debrief")
            page.wait_for_selector("#view-debrief:not([hidden])")
            page.screenshot(path=str(shots / f"debrief-{skin}-{name}.png"), full_page=name == "laptop")
    assert len(list(shots.glob("*.png"))) >= 3 * 2 * 3 + 6
