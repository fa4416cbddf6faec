"""The report model: what a counsellor reads, computed from hand-made event logs."""

import dataclasses

import pytest
from results_helpers import start_event

from game.results import stats
from game.results.reports import model
from game.results.reports.findings import findings
from game.results.store import SessionRecord
from game.scoring import score


class Log:
    """A hand-made event log, in the engine's event format."""

    def __init__(self, scenario="demo", kind="grooming", profile=()):
        self.events = [start_event(scenario=scenario, kind=kind, title=scenario.title(),
                                   scenario_sha256=scenario * 4, profile=list(profile))]
        self.n = 0

    def add(self, **event):
        event.setdefault("t", float(len(self.events)))
        self.events.append(event)
        return self

    def say(self, item_id, *flags, severity=None):
        self.n += 1
        sev = severity if severity is not None else (2 if flags else 0)
        return self.add(type="deliver", id=item_id, n=self.n, node="a", text=f"text of {item_id}",
                        red_flags=list(flags), severity=sev, nudge=False)

    def reply(self, text="ok", discloses=(), tells_adult=False):
        return self.add(type="choice", node="a", index=0, shown=1, text=text, next="a",
                        discloses=list(discloses), tells_adult=tells_adult)

    def flag(self, item_id):
        return self.add(type="flag", id=item_id)

    def end(self, how, **extra):
        return self.add(type="end", how=how, **extra)


SEQ = iter(range(1, 10_000))


def record(log, player="fox", class_code="8B", status=None):
    ended = log.events[-1]["type"] == "end"
    how = log.events[-1].get("how") if ended else None
    status = status or ("complete" if ended and how != "quit" else "quit" if ended else "open")
    sid = next(SEQ)
    return SessionRecord(
        id=sid, uid=f"u{sid}", scenario_id=log.events[0]["scenario"], scenario_path=None,
        scenario_sha256=log.events[0]["scenario_sha256"], seed=7, player=player, class_code=class_code,
        started_at=1_700_000_000.0 + sid * 60, updated_at=1_700_000_000.0 + sid * 60, ended_at=None,
        status=status, result=score(log.events) if status == "complete" else None,
        event_count=len(log.events), events=log.events)


def spotted_everything():
    return (Log("alpha").say("a.0").reply().say("a.1", "secrecy").flag("a.1").say("a.2", "risk_check")
            .flag("a.2").end("report"))


def missed_risk_check_and_stayed():
    # danger: 2 + 2 = 4 >= 3 at a.2; two replies after it -> late = 2
    return (Log("alpha").say("a.0").say("a.1", "secrecy").flag("a.1").say("a.2", "risk_check")
            .reply("sure", discloses=["age"]).reply("ok").end("block"))


def test_categories_pool_items_over_finished_sessions_only():
    unfinished = Log("alpha").say("a.1", "secrecy").say("a.2", "risk_check")     # killed, no flags
    rep = model.build_from([record(spotted_everything()), record(missed_risk_check_and_stayed(), player="owl"),
                            record(unfinished, player="owl")], {})
    cats = {c.id: c for c in rep.categories}
    assert (cats["secrecy"].items, cats["secrecy"].hits) == (2, 2)
    assert (cats["risk_check"].items, cats["risk_check"].hits) == (2, 1)
    assert cats["risk_check"].share == 0.5
    assert cats["flattery"].items == 0 and cats["flattery"].share is None
    ov = rep.overview
    assert (ov["sessions"], ov["complete"], ov["unfinished"], ov["players"]) == (3, 2, 1, 2)


def test_averages_never_include_unfinished_sessions():
    done = record(spotted_everything())
    quit_log = Log("alpha").say("a.1", "secrecy").end("quit")
    rep = model.build_from([done, record(quit_log)], {})
    assert rep.overview["averages"]["total"] == done.result["score"]["total"]
    assert rep.overview["completion_rate"] == 0.5
    (fox,) = rep.players
    assert fox.sessions == 2 and fox.complete == 1
    assert [s.status for s in rep.unfinished_sessions] == ["quit"]


def test_stayed_too_long_per_scenario_and_benign_controls_do_not_count():
    late = record(missed_risk_check_and_stayed())
    assert late.result["late"] == 2 and late.result["score"]["exit"] == 0.5
    benign = Log("calm", kind="benign").say("c.0").reply().end("block")
    rep = model.build_from([record(spotted_everything()), late, record(benign)], {})
    alpha = next(s for s in rep.scenarios if s.scenario_id == "alpha")
    assert (alpha.complete, alpha.stayed_too_long, alpha.late_share) == (2, 1, 0.5)
    assert alpha.avg_late == pytest.approx(1.0)
    calm = next(s for s in rep.scenarios if s.scenario_id == "calm")
    assert calm.stayed_too_long == 0
    assert rep.overview["stayed_too_long"] == 1 and rep.overview["grooming_complete"] == 2
    view = next(v for v in rep.sessions if v.id == late.id)
    assert view.stayed_too_long
    exit_lines = [ln for ln in view.lines if ln.exit_point]
    assert [ln.item_id for ln in exit_lines] == ["a.2"]
    assert [ln.late for ln in view.lines if ln.who == "player"] == [True, True]


def test_discernment_pools_counts_per_player_and_for_the_class():
    a, b = record(spotted_everything()), record(missed_risk_check_and_stayed(), player="Owl")
    c = record(spotted_everything(), player="owl")
    rep = model.build_from([a, b, c], {})
    owl = next(p for p in rep.players if p.name.casefold() == "owl")
    expected = stats.discernment(stats.pool(stats.Counts.from_signal(r.result["signal"]) for r in (b, c)))
    assert owl.discernment == expected and owl.sessions == 2
    everyone = stats.discernment(stats.pool(stats.Counts.from_signal(r.result["signal"]) for r in (a, b, c)))
    assert rep.discernment == everyone


def test_transcript_marks_spotted_missed_and_false_alarms_and_the_profile():
    log = (Log("alpha", profile=[{"id": "profile.bio", "red_flags": ["fake_profile"], "severity": 2},
                                 {"id": "profile.age", "red_flags": [], "severity": 0}])
           .say("a.0").flag("a.0").say("a.1", "secrecy").say("a.2", "flattery", severity=1).flag("a.2")
           .flag("profile.age").reply("no thanks", tells_adult=True).end("leave"))
    info = {"alpha" * 4: {"id": "alpha", "title": "Alpha", "stranger": "Sly",
                          "profile": {"profile.bio": {"label": "Bio", "text": "new here"}},
                          "discussion_questions": ["What felt off?"]}}
    rep = model.build_from([record(log)], info)
    (s,) = rep.sessions
    marks = {ln.item_id: ln.mark for ln in s.lines if ln.item_id}
    assert marks == {"a.0": "false_alarm", "a.1": "missed", "a.2": "spotted"}
    assert {p.id: p.mark for p in s.profile} == {"profile.bio": "missed", "profile.age": "false_alarm"}
    assert s.profile[0].label == "Bio" and s.profile[0].text == "new here"
    assert s.missed == ["a.1", "profile.bio"] and s.spotted == ["a.2"]
    assert s.discussion_questions == ["What felt off?"] and s.stranger == "Sly"
    assert s.lines[-1].tells_adult
    # the JSON's transcript and profile are exactly dataclasses.asdict of the lines (done faster)
    (plain,) = model.to_plain(rep)["sessions"]
    assert plain["transcript"] == [dataclasses.asdict(ln) for ln in s.lines]
    assert plain["profile"] == [dataclasses.asdict(p) for p in s.profile]
    assert plain["transcript"][0]["categories"] is not s.lines[0].categories      # copies, not the model's lists


def test_unnamed_players_are_grouped_and_never_invented():
    rep = model.build_from([record(spotted_everything(), player=None, class_code=None)], {})
    assert [p.name for p in rep.players] == [model.NO_NICKNAME]
    assert rep.overview["classes"] == []


def test_teach_next_ignores_categories_met_too_rarely():
    logs = []
    for i in range(5):
        log = (Log("alpha").say(f"s{i}", "secrecy").say(f"r{i}", "risk_check").flag(f"r{i}")
               .say(f"f{i}", "flattery", severity=1))
        if i < 2:
            log.flag(f"f{i}")
        if i == 0:
            log.say("m0", "meet_in_person")            # met once, missed: too few to judge
        logs.append(record(log.end("block")))
    rep = model.build_from(logs, {})
    main, few = rep.category_split()
    assert [(c.id, c.hits, c.items) for c in main] == [
        ("secrecy", 0, 5), ("flattery", 2, 5), ("risk_check", 5, 5)]
    assert [(c.id, c.hits, c.items) for c in few] == [("meet_in_person", 0, 1)]
    assert [c.id for c in rep.teach_next(2)] == ["secrecy", "flattery"]
    text = " ".join(findings(rep))
    assert "Spotted least: Asking for secrets (0% of 5), Heavy flattery (40% of 5)." in text
    assert "Pushing to meet" not in text


def test_with_few_categories_everything_met_is_shown():
    rep = model.build_from([record(spotted_everything())], {})
    main, few = rep.category_split()
    assert {c.id for c in main} == {"secrecy", "risk_check"} and few == []


def test_findings_speak_plainly_about_an_empty_report():
    rep = model.build_from([], {})
    assert findings(rep) == ["No finished sessions yet, so there are no scores to show."]
    rep = model.build_from([record(Log("alpha").say("a.1", "secrecy"))], {})
    assert "unfinished" in findings(rep)[-1]
