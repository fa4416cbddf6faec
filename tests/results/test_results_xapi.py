"""export --format xapi: one xAPI statement per ended session, stable ids, nicknames only, both engines."""

import datetime as dt
import json
import uuid

from test_results_report_model import Log, missed_risk_check_and_stayed, spotted_everything

from game.cli import main as cli_main
from game.results import xapi
from game.results.store import Filters, Store
from game.scoring import score

T0 = 1_795_392_000.0


def fill(store):
    store.add_session(spotted_everything().events, player="fox", class_code="8B", started_at=T0,
                      updated_at=T0 + 90, ended_at=T0 + 90)
    store.add_session(missed_risk_check_and_stayed().events, player="owl", class_code="9A", started_at=T0 + 5)
    store.add_session(Log("alpha").say("a.0").end("quit").events, player="fox", class_code="8B", started_at=T0 + 9)
    store.add_session(Log("alpha").say("a.0").events, player="kit", class_code="8B", started_at=T0 + 12)  # open


def test_statements_say_who_did_what_and_how_it_went(store_target, tmp_path):
    with Store.open(**store_target) as st:
        fill(st)
        done = xapi.write(st, tmp_path / "s.json")
        uids = [r.uid for r in st.sessions()]
    got = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert done.sessions == len(got) == 3                  # the open session is left out
    first, second, quit_ = got
    assert first["id"] == str(uuid.uuid5(xapi.NAMESPACE, uids[0]))
    assert first["actor"] == {"objectType": "Agent", "account": {
        "homePage": "https://red-flags.invalid/school/device", "name": "fox"}}
    assert first["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert first["object"]["id"] == "https://red-flags.invalid/scenario/alpha"
    total = score(spotted_everything().events)["score"]["total"]
    assert first["result"]["score"] == {"raw": total, "min": 0, "max": 100, "scaled": round(total / 100, 4)}
    assert first["result"]["completion"] is True
    assert first["context"]["extensions"]["https://red-flags.invalid/xapi/class"] == "8B"
    assert dt.datetime.fromisoformat(first["timestamp"].replace("Z", "+00:00")).timestamp() == T0 + 90
    assert second["actor"]["account"]["name"] == "owl"
    assert quit_["verb"]["id"] == "http://adlnet.gov/expapi/verbs/terminated"
    assert quit_["result"]["completion"] is False and "score" not in quit_["result"]
    for s in got:
        assert -1 <= s["result"].get("score", {}).get("scaled", 0) <= 1
        assert s["result"]["duration"].startswith("PT") and s["result"]["duration"].endswith("S")


def test_exporting_again_gives_the_same_statements_and_filters_apply(store_target, tmp_path):
    with Store.open(**store_target) as st:
        fill(st)
        xapi.write(st, tmp_path / "a.json")
        xapi.write(st, tmp_path / "b.json")
        xapi.write(st, tmp_path / "c.json", Filters(class_code="9A"), home="https://school.example/rf")
    a, b, c = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.json", "b.json", "c.json"))
    assert a == b
    assert [s["actor"]["account"]["name"] for s in c] == ["owl"]
    assert c[0]["object"]["id"] == "https://school.example/rf/scenario/alpha"


def test_the_export_command_writes_xapi_and_refuses_a_home_that_is_not_a_web_address(tmp_path, capsys):
    data = tmp_path / "data"
    with Store.open(data) as st:
        fill(st)
    out = tmp_path / "lrs.json"
    assert cli_main(["export", "--data-dir", str(data), "--out", str(out), "--format", "xapi"]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3
    assert "3 statements (xAPI)" in capsys.readouterr().err
    assert cli_main(["export", "--data-dir", str(data), "--out", str(out), "--format", "xapi",
                     "--xapi-home", "school"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "must be a web address" in err
