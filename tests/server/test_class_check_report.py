"""A class's checks taken on the class server show in every report exactly as solo checks do.

The same twelve students (same nicknames, forms and answers) take the pre and the post check
twice: in class 8B through the class server's API, in class 9C alone with `python main.py check
--text --script`. The HTML section, the JSON, the CSV and the counsellor view must say the same
about both classes (pooled figures, the before/after chart, the spec's sentence), apart from the
class code and the ids and times of the rows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re

import pytest
from class_kit import Student, make_config, open_class

from game.checks import change as ch
from game.checks import report as check_report
from game.checks import storage
from game.checks.library import load_forms
from game.checks.simulate import answer_item
from game.cli import main
from game.results.store import Store

FORMS = load_forms()
STUDENTS = [f"kid{k}" for k in range(12)]


def plans():
    """Per student: (first form, pre answers, post answers); the post check is a clearly better one."""
    rng = random.Random(11)
    out = {}
    for k, nick in enumerate(STUDENTS):
        first, second = ("A", "B") if k % 2 == 0 else ("B", "A")
        d, c = rng.gauss(0.8, 0.3), rng.gauss(0.0, 0.3)
        pre = [answer_item(rng, item.is_signal, d, c) for item in FORMS[first].items]
        post = [answer_item(rng, item.is_signal, d + 1.5, c) for item in FORMS[second].items]
        pre[3] = ("skip", None)
        out[nick] = (first, second, pre, post)
    return out


def through_the_server(data_dir, plan):
    with open_class(make_config(save=True, data_dir=data_dir, class_code="8B")) as (client, teacher):
        kids = [Student(client, player=nick) for nick in STUDENTS]
        for phase in ("pre", "post"):
            teacher.post("check/start", {"phase": phase})
            for kid in kids:
                first, second, pre, post = plan[kid.player]
                check = client.get("/api/v1/room/check", headers=kid.headers).json()["check"]
                assert check["form"] == (first if phase == "pre" else second)
                for kind, n in (pre if phase == "pre" else post):
                    body = {"item": check["item"]["id"], "answer": kind}
                    if n is not None:
                        body["confidence"] = n
                    r = client.post("/api/v1/room/check/answer", json=body, headers=kid.headers)
                    assert r.status_code == 200, r.text
                    check = r.json()["check"]
                assert check["state"] == "finished"
            teacher.post("check/end")


def alone(tmp_path, plan, capsys):
    for phase in ("pre", "post"):
        for nick in STUDENTS:
            first, second, pre, post = plan[nick]
            lines = ["skip" if kind == "skip" else f"{kind} {n}" for kind, n in (pre if phase == "pre" else post)]
            script = tmp_path / "s.txt"
            script.write_text("\n".join(lines) + "\n", encoding="utf-8")
            assert main(["check", "--text", "--script", str(script), "--player", nick, "--class", "9C",
                         "--form", first if phase == "pre" else second, "--phase", phase]) == 0
    capsys.readouterr()


@pytest.fixture
def both(tmp_path, capsys, private_data_dir):
    plan = plans()
    through_the_server(private_data_dir, plan)
    alone(tmp_path, plan, capsys)
    return private_data_dir


def test_json_report_the_same_for_the_class_and_for_solo(both, tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["report", "--format", "json", "--out", str(out)]) == 0
    plain = json.loads(out.read_text(encoding="utf-8"))["checks"]
    by_class = {c["class"]: c for c in plain["classes"]}
    assert set(by_class) == {"8B", "9C"}
    served, solo = by_class.pop("8B"), by_class.pop("9C")
    served["class"] = solo["class"] = ""
    assert served == solo
    assert served["change"]["students"] == 12 and served["change"]["sentence"] == ch.IMPROVED

    def strip(record):
        return {k: v for k, v in record.items() if k not in ("id", "uid", "class", "taken_at")}
    served_rows = [strip(r) for r in plain["checks"] if r["class"] == "8B"]
    solo_rows = [strip(r) for r in plain["checks"] if r["class"] == "9C"]
    assert len(served_rows) == 24 and served_rows == solo_rows


def test_html_section_and_chart_the_same(both, tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    section = html[html.index('<section id="check"'):]
    section = section[:section.index("</section>")]
    parts = re.split(r"<h3>Class (8B|9C)</h3>", section)
    classes = {code: body.replace(f"Class {code}", "Class ?").split('<p class="lead">')[0]
               for code, body in zip(parts[1::2], parts[2::2])}
    assert classes["8B"] == classes["9C"]
    assert '<p class="verdict good">Discrimination improved</p>' in classes["8B"]
    assert 'role="img"' in classes["8B"]                          # the before/after chart


def test_csv_one_row_per_check_the_same(both, tmp_path):
    out = tmp_path / "c.csv"
    assert main(["report", "--format", "csv", "--checks", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 48

    def strip(r):
        return {k: v for k, v in r.items() if k not in ("check", "uid", "taken", "class")}
    assert [strip(r) for r in rows if r["class"] == "8B"] == [strip(r) for r in rows if r["class"] == "9C"]


def test_counsellor_view_the_same(both):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    pytest.importorskip("pygame")
    from game.ui.app import App
    from game.ui.routes import ROUTES
    from game.ui.screens.check_results import CheckResultsScreen
    from game.ui.settings import Settings

    app = App(Settings.load(both), size=(1280, 720), data_dir=both, routes=ROUTES)
    try:
        seen = {}
        with Store.open(both) as store:
            for code in ("8B", "9C"):
                page = CheckResultsScreen(app, store, class_code=code)
                app.push(page)
                app.tick([])
                [c] = page.report.classes
                seen[code] = (check_report.to_plain(page.report)["classes"][0] | {"class": ""},
                              [r.ident.replace(code, "") for r in page.rows])
                assert c.change.sentence == ch.IMPROVED
                app.pop()
            assert len(storage.rows(store)) == 48
        assert seen["8B"] == seen["9C"]
        assert len(seen["8B"][1]) >= 12
    finally:
        app.close()
