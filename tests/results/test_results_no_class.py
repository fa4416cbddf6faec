"""The "no class" filter: sessions played without a class code, on both engines and the command line.

Before, a filter had no way to say "class IS NULL": the counsellor view's row
for sessions without a class opened "all classes", and a report could not be
limited to them.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

from results_helpers import record_session, scenario

from game.checks import storage as check_storage
from game.checks.library import load_forms
from game.checks.session import CheckSession
from game.results.reports import model
from game.results.store import NO_CLASS, Filters, Store

ROOT = Path(__file__).resolve().parents[2]


def fill(store: Store) -> None:
    sc = scenario("generous-teammate")
    for player, code in (("fox", "8B"), ("owl", "9A"), ("lone", None), ("lone", None), ("stray", None)):
        record_session(store, sc, player=player, class_code=code)
    check = CheckSession(load_forms()["A"], "pre")
    for _ in check.form.items:
        check.answer("red", 2)
    check_storage.save(store, check.record(), form_sha256="x", player="lone", class_code=None)
    check_storage.save(store, check.record(), form_sha256="x", player="fox", class_code="8B")


def test_the_no_class_filter_selects_the_sessions_without_a_class_code(store_target):
    with Store.open(**store_target) as store:
        assert store.count_sessions(Filters(class_code=NO_CLASS)) == 0
        fill(store)
        mine = store.sessions(class_code=NO_CLASS)
        assert sorted(s.player for s in mine) == ["lone", "lone", "stray"]
        assert all(s.class_code is None for s in mine)
        assert store.count_sessions(Filters(class_code=NO_CLASS)) == 3
        assert store.count_sessions(Filters()) == 5                       # None still means any class
        rep = model.build(store, class_code=NO_CLASS)
        assert rep.overview["sessions"] == 3 and rep.overview["players"] == 2
        assert sorted(p.name for p in rep.players) == ["lone", "stray"]
        assert [r.player for r in check_storage.rows(store, class_code=NO_CLASS)] == ["lone"]
        assert len(check_storage.rows(store)) == 2
        assert sorted(s.player for s in store.sessions(class_code=NO_CLASS, player="LONE")) == ["lone", "lone"]


def test_report_no_class_on_the_command_line(store_target, tmp_path):
    if "database" in store_target:
        where, opened = ["--database", store_target["database"]], store_target
    else:
        where, opened = ["--data-dir", str(tmp_path / "data")], {"data_dir": tmp_path / "data"}
    with Store.open(**opened) as store:
        fill(store)

    def report(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "main.py", "report", *args, *where], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    out = tmp_path / "none.csv"
    done = report("--no-class", "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(r["player"] for r in rows) == ["lone", "lone", "stray"] and {r["class"] for r in rows} == {""}
    html = tmp_path / "none.html"
    assert report("--no-class", "--out", str(html)).returncode == 0
    assert "Sessions without a class code" in html.read_text(encoding="utf-8")
    both = report("--no-class", "--class", "8B")
    assert both.returncode == 2 and "not allowed with" in both.stderr and "Traceback" not in both.stderr
