"""The browser's words come from the application layer: no copy of them in the page's files."""

from pathlib import Path

import pytest

from game.debrief import page_words, replay_words
from game.play import chat_view, exits, help_country, onboarding
from game.play.practice import practice_words

STATIC = Path(__file__).resolve().parents[2] / "game" / "server" / "static"
PAGE_FILES = sorted((STATIC / "play").glob("*.js")) + [STATIC / "play.html"]


def sentences():
    name = "Sam"
    out = list(chat_view.OUTCOME_WORDS.values())
    out += [v.format(name=name) for v in chat_view.END_SUMMARY.values()]
    out += [v for k, v in exits.pause_words().items()]
    form = exits.report_form(name)
    out += [form["question"], form["intro"], form["after"], form["send"], form["choose_first"]]
    out += [r["label"] for r in form["reasons"]] + [r["hint"] for r in form["reasons"]]
    block = exits.block_words(name)
    out += block["does"] + block["does_not"] + [block["still"], block["report_instead"]]
    out += [chat_view.SWITCH_TITLE, chat_view.DECLINED_LINE.format(name=name)]
    out += [v.format(name=name) for k, v in chat_view.REQUEST.items() if k not in ("accept", "decline")]
    out += [chat_view.profile_label(n) for n in (1, 3, 4, 5)] + [chat_view.profile_label(n, True) for n in (3, 4, 5)]
    out += [onboarding.SKIP_LABEL, onboarding.DONE_LABEL, *onboarding.ALL_DONE, *onboarding.OFFER.values()]
    out += [text for step in onboarding.STEPS for text in step]
    out += [help_country.TITLE, help_country.LABEL, help_country.AUTO_LABEL, help_country.SHOWING.format(country="United Kingdom")]
    menu = exits.safety_menu(name)
    out += [menu["keys_line"], menu["button_label"]] + [i["label"] for i in menu["items"]]
    replay = replay_words()
    out += [replay[k] for k in ("others", "retry", "title", "title_safe", "adult", "false_alarm",
                                "spotted_title", "missed_title")]
    out.append(replay["shared"].split("{")[0].strip())
    out += [v for k, v in practice_words().items()]
    page = page_words(True)
    out += [page[k] for k in ("going_on", "shared", "nothing_shared", "talk", "talk_intro")]
    return sorted(set(out))


@pytest.mark.parametrize("sentence", sentences())
def test_the_page_holds_no_copy_of_the_shared_words(sentence):
    for path in PAGE_FILES:
        assert sentence not in path.read_text(encoding="utf-8"), f"{path.name} repeats {sentence!r}"


def test_the_chat_view_serves_them(tmp_path):
    from solo_factory import app as create_app
    from starlette.testclient import TestClient

    with TestClient(create_app(tmp_path / "store")) as client:
        token = client.post("/api/v1/play", json={"scenario": "first-dm", "seed": 1}).json()["session"]
        view = client.get(f"/api/v1/play/{token}/chat").json()
    assert view["pause"] == exits.pause_words()
    assert view["outcome_words"] == chat_view.OUTCOME_WORDS
    assert view["report_form"]["reasons"] == exits.report_form("x")["reasons"]
    assert view["block"]["does_not"] == exits.block_words(view["stranger"]["name"])["does_not"]
    assert view["safety"] == exits.safety_menu(view["stranger"]["name"])
    assert view["profile_button"] == {"long": chat_view.profile_label(len(view["profile"])),
                                      "short": chat_view.profile_label(len(view["profile"]), short=True)}
