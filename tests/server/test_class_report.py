"""Class sessions in the counsellor's report and view: votes per reply, the flag heat map, class play apart."""

from __future__ import annotations

import pytest
from class_kit import Student, make_config, open_class

from game.library import find_scenario
from game.results.recorder import Recorder
from game.results.reports import class_sessions, html_report, json_report, model
from game.results.store import Store
from game.session import Session


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("class-report")
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        fox, owl, kiwi = (Student(client, player=p) for p in ("fox", "owl", "kiwi"))
        teacher.post("start", {"scenario": "generous-teammate", "seed": 4})
        teacher.advance_all()
        fox.flag("4")
        owl.flag("4")
        owl.flag("1")
        kiwi.flag("profile.bio")
        teacher.post("vote/open")
        fox.vote("2")
        owl.vote("2")
        kiwi.vote("1")
        teacher.post("vote/close")
        teacher.advance_all()
        teacher.post("end")
    # a solo chat for fox, so the report has both kinds for one student
    with Store.open(data) as store:
        rec = Recorder(store, player="fox", class_code="8B")
        session = Session(find_scenario("generous-teammate"), seed=3, recorder=rec)
        session.start()
        session.deliver_all()
        session.execute_line("flag 4")
        session.execute_line("block")
    return data


def test_votes_per_reply_and_the_heat_map(store_dir):
    with Store.open(store_dir) as store:
        cs = class_sessions.build(store, class_code="8B")
    assert cs.total == 1 and len(cs.sessions) == 1
    s = cs.sessions[0]
    assert s.students == 3 and s.class_code == "8B" and s.status == "complete"
    [vote] = s.votes
    by_key = {o.key: o for o in vote.options}
    assert by_key["2"].votes == 2 and by_key["2"].chosen and by_key["1"].votes == 1 and not by_key["1"].chosen
    assert vote.total == 3 and set(by_key) >= {"1", "2", "block", "report", "leave"}
    assert by_key["block"].text == "Block" and by_key["2"].text      # the reply's own words
    heat = {h.item_id: h for h in s.heat}
    assert heat["intro.3"].flagged == 2 and heat["intro.3"].of == 3 and heat["intro.3"].red_flag is True
    assert heat["intro.0"].flagged == 1 and heat["intro.0"].red_flag is False
    assert heat["profile.bio"].flagged == 1 and heat["profile.bio"].red_flag and heat["profile.bio"].n is None
    assert heat["profile.bio"].text.startswith("Bio:")


def test_class_play_is_shown_apart_from_solo_play(store_dir):
    with Store.open(store_dir) as store:
        cs = class_sessions.build(store, class_code="8B")
    split = {r.player: r for r in cs.students}
    assert set(split) == {"fox", "owl", "kiwi"}
    assert split["fox"].solo == 1 and split["fox"].class_play == 1
    assert split["owl"].solo == 0 and split["owl"].class_play == 1


def test_the_html_report_has_the_class_section(store_dir):
    with Store.open(store_dir) as store:
        report = model.build(store, class_code="8B")
        html = html_report.render(report, classes=class_sessions.build(store, class_code="8B"))
    assert '<section id="classes">' in html and 'href="#classes"' in html
    assert "Votes per reply" in html and "2 of 3" in html and "Flag heat map" in html
    assert "Solo and class play, apart" in html and "class session</span>" in html
    plain = html_report.render(report)
    assert '<section id="classes">' not in plain


def test_a_player_report_lists_only_their_class_sessions(store_dir):
    with Store.open(store_dir) as store:
        assert class_sessions.build(store, player="owl").total == 1
        assert class_sessions.build(store, player="nobody").empty
        assert class_sessions.build(store, class_code="9C").empty


def test_the_counsellor_view_gets_the_same_figures(store_dir):
    with Store.open(store_dir) as store:
        blocks = class_sessions.page_blocks(class_sessions.build(store, class_code="8B"))
    kinds = [k for k, _ in blocks]
    assert kinds[0] == "heading" and "bars" in kinds
    bars = next(p for k, p in blocks if k == "bars")
    assert ("[4] " in " ".join(label for label, *_ in bars))
    assert any(text == "2 of 3" for _, _, text, _ in bars)
    # many flags on a warning sign is good, on a normal message it is not: each row says which
    assert {red_flag for *_, red_flag in bars} == {True, False}
    assert all(red_flag == label.startswith("⚑ ") for label, *_, red_flag in bars)
    assert any("Reply 1:" in p for k, p in blocks if k == "text")


def test_class_play_sessions_are_marked_in_the_session_list(store_dir):
    with Store.open(store_dir) as store:
        report = model.build(store, class_code="8B")
        html = html_report.render(report)
    modes = {(s.player, s.mode) for s in report.sessions}
    assert ("fox", "solo") in modes and ("fox", "class") in modes and ("owl", "class") in modes
    assert html.count(html_report.CLASS_PLAY_TAG) == sum(s.mode == "class" for s in report.sessions) == 3


def test_the_json_report_has_the_class_sessions_too(store_dir):
    import json
    with Store.open(store_dir) as store:
        report = model.build(store, class_code="8B")
        plain = json.loads(json_report.render(report, classes=class_sessions.build(store, class_code="8B")))
        assert "class_sessions" not in json.loads(json_report.render(report))
    cs = plain["class_sessions"]
    assert cs["total"] == 1 and {r["player"] for r in cs["students"]} == {"fox", "owl", "kiwi"}
    [session] = cs["sessions"]
    [vote] = session["votes"]
    assert {o["key"]: o["votes"] for o in vote["options"] if o["votes"]} == {"2": 2, "1": 1}
    heat = {h["item_id"]: (h["flagged"], h["of"], h["red_flag"]) for h in session["heat"]}
    assert heat["intro.3"] == (2, 3, True) and heat["intro.0"] == (1, 3, False)
