"""The play page's debrief in real headless Chromium: the replay with the replies not picked, axe.

One server process (real uvicorn, 127.0.0.1 port 0) with a fast typist and one
browser (Debian's chromium), as tests/server/test_play_page.py. A chat is played
through the HTTP API (paced, as the page plays it); the page then opens it from its
token in localStorage, as after a reload, and shows its debrief.
"""

from __future__ import annotations

import json

import httpx
import play_browser
import pytest
from play_browser import LAPTOP, PHONE, STEP
from playback import GOLDEN_DIR
from solo_kit import golden_lines

from game.debrief import replay_words

server, browser = play_browser.server, play_browser.browser   # the shared fixtures


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport=PHONE, token=None, scenario="first-dm"):
        ctx = browser.new_context(viewport=viewport, reduced_motion="reduce")
        ctx.add_init_script("sessionStorage.setItem('redflags.check.notnow', '1')")
        if token:
            saved = json.dumps({"token": token, "scenario": scenario, "ended": True})
            ctx.add_init_script(f"localStorage.setItem('redflags.chat', {json.dumps(saved)})")
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


def drain(server, token, answer):
    """Deliver what is on its way, as the page does after its typing pauses."""
    while not answer["ended"] and answer.get("pending"):
        r = httpx.post(f"{server}/api/v1/play/{token}/deliver", json={}, timeout=10)
        assert r.status_code == 200, r.text
        answer = r.json()
    return answer


def played(server, scenario="first-dm", script="worst", player="Fox12"):
    seed, lines = golden_lines(GOLDEN_DIR / scenario / f"{script}.script")
    body = {"scenario": scenario, "seed": seed, "player": player, "paced": True}
    token = httpx.post(f"{server}/api/v1/play", json=body, timeout=10).json()["session"]
    answer = drain(server, token, httpx.get(f"{server}/api/v1/play/{token}", timeout=10).json())
    for line in lines:
        r = httpx.post(f"{server}/api/v1/play/{token}/command", json={"line": line}, timeout=10)
        assert r.status_code == 200, f"{line!r}: {r.text}"
        answer = drain(server, token, r.json())
        if answer["ended"]:
            break
    assert answer["ended"]
    return token


def open_debrief(page, server):
    page.goto(f"{server}/play")
    page.click("#see-debrief")
    page.wait_for_selector("#view-debrief:not([hidden])")


def focused_retry(page, decision: str) -> None:
    """Wait until the focus is on reply ``decision``'s "try again" button (the page's CSP forbids
    wait_for_function's string predicates)."""
    for _ in range(100):
        if page.evaluate("(document.activeElement && document.activeElement.dataset || {}).retry") == decision:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the focus is not on reply {decision}'s button")


def axe_check(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core" and results.response["passes"] is not None
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, where + ": " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad)


# ---------------------------------------------------------------------------------------------
def test_the_replay_shows_each_reply_with_the_replies_not_picked(server, new_page):
    token = played(server)
    debrief = httpx.get(f"{server}/api/v1/play/{token}/debrief", timeout=10).json()
    replies = [r for r in debrief["replay"] if r["who"] == "player"]
    page = new_page(LAPTOP, token)
    open_debrief(page, server)
    words = replay_words()
    assert page.inner_text("#replay-title") == words["title"]
    drawn = page.locator(".replay .rline.out")
    assert drawn.count() == len(replies)
    for k, row in enumerate(replies):
        line = drawn.nth(k)
        assert row["text"] in line.locator(".rbubble").inner_text()
        assert line.locator(".not-picked-head").inner_text() == words["others"]
        assert line.locator(".not-picked li").all_inner_texts() == [f"“{o}”" for o in row["others"]]
    # a missed red flag says so in words beside its message, not by colour alone
    assert page.locator(".replay .rline.missed .status-badge").first.inner_text().strip() == words["missed"]
    assert page.locator(".replay .rline.end").inner_text().strip() == debrief["replay"][-1]["text"]
    assert not page.problems, page.problems


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_debrief_with_its_replay_passes_axe(server, new_page, viewport):
    page = new_page(viewport, played(server, script="best"))
    open_debrief(page, server)
    page.locator("#replay-title").scroll_into_view_if_needed()
    axe_check(page, f"debrief with the replay at {viewport['width']} px")
    # nothing is wider than the phone's screen: the replay wraps
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert not page.problems, page.problems


def test_try_again_from_here_plays_a_practice_run_and_leads_back(server, new_page):
    from game.play.practice import practice_words

    token = played(server)
    first = httpx.get(f"{server}/api/v1/play/{token}", timeout=10).json()
    words = practice_words()
    page = new_page(PHONE, token)
    open_debrief(page, server)
    retry = page.locator("[data-retry='1']")
    assert retry.inner_text() == replay_words()["retry"]
    retry.click()
    page.wait_for_selector("#view-chat:not([hidden]) #practice-bar")
    assert page.inner_text(".practice-badge") == words["badge"]
    assert words["line"] in page.inner_text("#thread")
    # the replies offered at that moment, and another one picked: the mum reply ends safely
    replies = page.locator("#choices button")
    texts = [t.strip() for t in replies.all_inner_texts()]
    mum = next(i for i, t in enumerate(texts) if "mum" in t)
    axe_check(page, "practice run's chat")
    replies.nth(mum).click()
    page.wait_for_selector("#see-debrief:visible")
    page.click("#see-debrief")
    page.wait_for_selector("#practice-home")
    assert words["note"] in page.inner_text("#debrief-body")
    assert "not safe" not in page.inner_text(".headline")
    axe_check(page, "practice run's debrief")
    page.click("#practice-home")
    focused_retry(page, "1")
    assert not page.locator(".practice-note").count() and not page.locator("#practice-bar").count()
    # the page remembers the first chat, never the practice run; the first result is unchanged
    assert json.loads(page.evaluate("localStorage.getItem('redflags.chat')"))["token"] == token
    assert httpx.get(f"{server}/api/v1/play/{token}", timeout=10).json() == first
    assert not page.problems, page.problems


def test_back_to_the_debrief_in_the_middle_of_a_practice_run(server, new_page):
    token = played(server, script="best")
    page = new_page(LAPTOP, token)
    open_debrief(page, server)
    page.click("[data-retry='0']")
    page.wait_for_selector("#practice-bar")
    page.click("#practice-back")
    page.wait_for_selector("#view-debrief:not([hidden])")
    focused_retry(page, "0")
    assert not page.locator("#practice-bar").count()
    assert not page.problems, page.problems


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_branch_map_is_a_picture_with_the_path_marked_and_a_list_of_it(server, new_page, viewport):
    from game.debrief import map_words

    token = played(server, "generous-teammate", "worst")
    data = httpx.get(f"{server}/api/v1/play/{token}/debrief", timeout=10).json()["map"]
    page = new_page(viewport, token, "generous-teammate")
    open_debrief(page, server)
    words = map_words()
    page.locator("#map-title").scroll_into_view_if_needed()
    assert page.inner_text("#map-title") == words["title"]
    svg = page.locator("svg.map-svg")
    assert svg.get_attribute("role") == "img" and svg.get_attribute("aria-label") == data["label"]
    assert svg.get_attribute("aria-describedby") == "map-path"
    assert page.locator(".map-node").count() == len(data["nodes"])
    assert page.locator(".map-edge").count() == len(data["edges"])
    # the path: thick lines, and every node on it numbered (numbers, not colour alone)
    assert page.locator(".map-edge.taken").count() == sum(e["taken"] for e in data["edges"]) > 0
    numbers = page.locator(".map-node.on-path .map-step").all_text_contents()
    assert sorted(map(int, numbers)) == list(range(1, len(data["path"]) + 1))
    # endings carry the word of their kind
    for n in data["nodes"]:
        if n["kind"] == "ending":
            label = page.locator(f".map-node[data-node='{n['id']}'] .map-label").text_content()
            assert label == words[n["outcome"]]
    # the text alternative: the path as a list, step by step
    assert page.locator("#map-path li").all_inner_texts() == [row["text"] for row in data["path"]]
    # readable at 360 px: the map keeps its size and scrolls sideways in its own box, the page does not
    box = page.locator(".map-scroll")
    wide = page.evaluate("(() => { const b = document.querySelector('.map-scroll'); return b.scrollWidth > b.clientWidth; })()")
    assert wide == (viewport is PHONE)
    if wide:
        assert box.get_attribute("tabindex") == "0" and words["scroll"] in page.inner_text(".map-section")
    steps_px = page.evaluate("""(() => { const c = [...document.querySelectorAll('.map-node > circle')];
        return c.length > 1 ? Math.abs(c[1].getBoundingClientRect().x - c[0].getBoundingClientRect().x) : 99; })()""")
    assert steps_px >= 60
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    axe_check(page, f"branch map at {viewport['width']} px")
    assert not page.problems, page.problems


def test_each_red_flag_is_explained_once_under_its_message_in_the_replay(server, new_page):
    token = played(server, "generous-teammate", "worst")
    d = httpx.get(f"{server}/api/v1/play/{token}/debrief", timeout=10).json()
    page = new_page(LAPTOP, token, "generous-teammate")
    open_debrief(page, server)
    assert d["items"]
    for item in d["items"]:
        holder = page.locator(f".replay-section [data-item='{item['id']}']:has(.why-box)")
        assert holder.count() == 1, item["id"]
        if item["why"]:
            assert " ".join(item["why"].split()) in " ".join(holder.locator(".why").inner_text().split())
        assert holder.locator(".status-badge").inner_text().strip() == d["replay_words"][item["status"]]
    assert page.locator(".review").count() == 0          # no second list of the same messages
    missed = sum(1 for i in d["items"] if i["status"] == "missed")
    assert f"× {missed}" in page.inner_text(".tally")
    # the page draws the served tally (game.debrief.tally's rule), no count of its own
    cells = [" ".join(c.split()) for c in page.locator(".tally .tally-cell").all_inner_texts()]
    assert cells == [f"{d['replay_words'][c['status']]} × {c['count']}" for c in d["tally"]]
    assert not page.problems, page.problems
