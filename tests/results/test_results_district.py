"""Classes side by side, weeks and the follow-up list, in SQL on both engines, from hand-made logs.

The expected figures are counted by hand from the logs below: which items are
warning signs (a red flag) and which are normal, which were flagged, how each
chat ended. Only the score totals come from the scoring module.
"""

import datetime as dt
import re

import pytest
from test_results_report_model import Log, missed_risk_check_and_stayed, spotted_everything

from game.results import stats
from game.results.reports import district, model
from game.results.store import Filters, Store
from game.scoring import score

MONDAY = dt.datetime(2026, 11, 23, tzinfo=dt.UTC).timestamp()     # a Monday, 00:00 UTC
DAY = 86400.0


def unsafe_ending():
    return Log("beta").say("b.0").say("b.1", "secrecy").reply("ok").end("ending", node="bad", outcome="unsafe")


def paid_after_threat():
    return (Log("gamma").say("c.0").say("c.1", "threats_blackmail").reply("here", discloses=["money"])
            .end("leave"))


def money_without_threat():
    return Log("delta").say("d.0").say("d.1", "gifts").reply("sure", discloses=["money"]).end("leave")


def add(store, log, player, class_code, at, school=None):
    return store.add_session(log.events, player=player, class_code=class_code, started_at=at,
                             updated_at=at + 60, ended_at=at + 60, school=school)


@pytest.fixture
def store(store_target):
    with Store.open(**store_target) as st:
        add(st, spotted_everything(), "fox", "8B", MONDAY + 10)
        add(st, missed_risk_check_and_stayed(), "Owl", "8B", MONDAY + 6 * DAY + 86399)   # Sunday 23:59:59
        add(st, spotted_everything(), "FOX", "8B", MONDAY + 7 * DAY)                       # next Monday 00:00
        add(st, paid_after_threat(), "ash", "9A", MONDAY + 8 * DAY)
        add(st, money_without_threat(), "bo", "9A", MONDAY + 8 * DAY + 5)
        add(st, unsafe_ending(), "kit", "9A", MONDAY + 9 * DAY)
        add(st, unsafe_ending(), "kit", "9A", MONDAY + 9 * DAY + 5)
        add(st, unsafe_ending(), "jay", "9A", MONDAY + 9 * DAY + 9)
        st.add_session(Log("alpha").say("a.0").events, player="zed", class_code="9A",
                       started_at=MONDAY + 9 * DAY + 20)                                # unfinished
        yield st


def totals(*logs):
    return sum(score(x.events)["score"]["total"] for x in logs) / len(logs)


def test_classes_side_by_side(store):
    a, b = district.compare_classes(store)
    assert (a.class_code, a.sessions, a.players, a.complete) == ("8B", 3, 2, 3)     # fox and FOX are one
    # signal items: a.1 and a.2 in every chat (6), flagged: 2 + 1 + 2; normal a.0 (3), flagged: none
    assert a.spotted == pytest.approx(5 / 6) and a.normal_flagged == 0.0
    assert a.stayed_share == pytest.approx(1 / 3)                   # the chat blocked two replies late
    assert a.avg_total == pytest.approx(totals(spotted_everything(), missed_risk_check_and_stayed(),
                                               spotted_everything()))
    assert a.discernment.counts.signal_items == 6 and a.discernment.counts.noise_items == 3
    assert a.reading == stats.NOT_ENOUGH                              # 6 and 3 items: fewer than 10 of each
    assert (b.class_code, b.sessions, b.players, b.complete) == ("9A", 6, 5, 5)
    # signal: c.1, d.1, b.1 x3 = 5, flagged none; normal: c.0, d.0, b.0 x3 = 5
    assert b.spotted == 0.0 and b.normal_flagged == 0.0
    # grooming chats finished: 5; stayed too long: the three unsafe endings
    assert b.stayed_share == pytest.approx(3 / 5)
    only_8b = district.compare_classes(store, Filters(class_code="8B"))
    assert only_8b == [a]


def test_a_class_without_finished_chats_says_so(store_target):
    with Store.open(**store_target) as st:
        st.add_session(Log("alpha").say("a.0").events, player="zed", class_code="7C", started_at=MONDAY)
        (row,) = district.compare_classes(st)
        (week,) = district.weekly(st)
    assert row.complete == 0 and row.spotted is None and row.avg_total is None and row.stayed_share is None
    assert row.reading == district.NO_FINISHED and week.reading == district.NO_FINISHED


def test_weeks_run_monday_to_sunday_in_utc(store):
    w1, w2 = district.weekly(store)
    assert w1.week_start == MONDAY and w2.week_start == MONDAY + 7 * DAY
    assert (w1.sessions, w1.complete) == (2, 2)         # Monday 00:00:10 and Sunday 23:59:59
    assert (w2.sessions, w2.complete) == (7, 6)         # the next Monday 00:00:00 onwards, one unfinished
    assert w1.spotted == pytest.approx(3 / 4) and w1.false_alarms_per_chat == 0.0
    # week 2: FOX's chat spotted 2 of 2; the 9A chats none of 5
    assert w2.spotted == pytest.approx(2 / 7) and w2.normal_flagged == 0.0
    assert district.weekly(store, Filters(class_code="9A"))[0].week_start == MONDAY + 7 * DAY


def test_follow_up_lists_repeated_unsafe_endings_and_paying_after_a_threat(store):
    got = district.follow_up(store)
    assert [(f.player, f.class_code) for f in got] == [("ash", "9A"), ("kit", "9A")]   # by class and nickname
    ash, kit = got
    assert (ash.unsafe_endings, ash.paid_when_threatened) == (0, 1)
    assert ash.why == "gave money or payment details after a threat"
    assert (kit.unsafe_endings, kit.paid_when_threatened) == (2, 0)
    assert kit.why == "a chat ended unsafely 2 times"
    assert district.follow_up(store, Filters(class_code="8B")) == []


def test_follow_up_is_worded_as_a_teaching_aid():
    words = district.FOLLOW_UP_WORDING.lower()
    assert "not a risk screen" in words and "never the young person's fault" in words
    for word in ("risk score", "at risk", "bad", "suspect", "danger"):
        assert word not in words


def test_the_report_carries_classes_and_weeks_and_the_follow_up_only_when_asked(store):
    rep = model.build(store)
    assert [c.class_code for c in rep.classes] == ["8B", "9A"] and len(rep.weeks) == 2
    assert rep.follow_up is None
    plain = model.to_plain(rep)
    assert [c["class"] for c in plain["classes"]] == ["8B", "9A"] and "follow_up" not in plain
    asked = model.build(store, follow_up=True)
    assert [f.player for f in asked.follow_up] == ["ash", "kit"]
    assert [f["player"] for f in model.to_plain(asked)["follow_up"]] == ["ash", "kit"]
    one = model.build(store, class_code="8B")
    assert [c.class_code for c in one.classes] == ["8B"]


def test_html_report_shows_classes_weeks_and_the_follow_up_only_when_asked(store):
    from game.results.reports import html_report

    page = html_report.render(model.build(store))
    assert 'id="compare"' in page and 'id="weeks"' in page and 'id="follow-up"' not in page
    assert "2026-11-23" in page and "2026-11-30" in page            # the two Mondays
    assert "kit" in page                                            # a player in the session list, as before
    asked = html_report.render(model.build(store, follow_up=True))
    section = asked.split('id="follow-up"', 1)[1].split("</section>", 1)[0]
    names = re.findall(r"<tr><td>([^<]*)</td>", section)
    assert names == ["ash", "kit"]                                  # not jay (one unsafe ending), not bo
    assert "not a risk screen" in section and "a chat ended unsafely 2 times" in section
    one = html_report.render(model.build(store, class_code="8B"))
    assert 'id="compare"' not in one                                # one class: nothing to compare


def test_report_command_takes_follow_up(store_target, tmp_path, capsys):
    from game.cli import main as cli_main

    if "database" in store_target:
        where, opened = ["--database", store_target["database"]], Store.open(**store_target)
    else:
        where, opened = ["--data-dir", str(tmp_path / "data")], Store.open(tmp_path / "data")
    with opened as st:
        add(st, unsafe_ending(), "kit", "9A", MONDAY)
        add(st, unsafe_ending(), "kit", "9A", MONDAY + 5)
    out = tmp_path / "r.html"
    assert cli_main(["report", *where, "--out", str(out), "--follow-up"]) == 0
    assert 'id="follow-up"' in out.read_text(encoding="utf-8")
    assert cli_main(["report", *where, "--out", str(out)]) == 0
    assert 'id="follow-up"' not in out.read_text(encoding="utf-8")


def test_sql_figures_equal_the_in_memory_figures_follow_up_included(store):
    """The figures are folded from a few grouped passes: the same as computing them session by session."""
    from test_results_sql_report import plain

    for filters in ({}, {"class_code": "9A"}, {"player": "KIT"}):
        fast = model.build(store, **filters, now=0, follow_up=True)
        slow = model.build_from(store.sessions(with_events=True, **filters), store.scenario_infos(), now=0,
                                follow_up=True,
                                filters={"class": filters.get("class_code"), "player": filters.get("player")})
        assert plain(fast) == plain(slow)
    whole = model.build(store, follow_up=True)
    assert {(f.player, f.unsafe_endings, f.paid_when_threatened) for f in whole.follow_up} == {
        ("ash", 0, 1), ("kit", 2, 0)}
