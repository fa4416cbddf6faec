"""The three report formats, and the report command end to end."""

import csv
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from results_helpers import fill_class, record_session, scenario

from game.results.reports import csv_report, html_report, json_report, model
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]
EVIL = '<script>alert(1)</script>"=1+2'


@pytest.fixture(scope="module")
def class_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("class") / "r.sqlite3"
    store = Store.open(path=path)
    fill_class(store, players=3, class_code="8B")
    record_session(store, scenario("generous-teammate"), player=EVIL, class_code="8B")
    record_session(store, scenario("generous-teammate"), player="=HYPERLINK(\"x\")", class_code="9A")
    yield store
    store.close()


def test_csv_has_one_row_per_session_with_every_score_part(class_store):
    rep = model.build(class_store)
    rows = list(csv.DictReader(io.StringIO(csv_report.render(rep))))
    assert len(rows) == len(class_store.sessions())
    assert list(rows[0].keys()) == list(csv_report.COLUMNS)
    done = [r for r in rows if r["status"] == "complete"]
    assert done and all(r["total"] and r["detection"] and r["exit"] and r["privacy"] for r in done)
    by_id = {int(r["session"]): r for r in rows}
    for s in class_store.sessions():
        row = by_id[s.id]
        if s.status == "complete":
            assert int(row["total"]) == s.result["score"]["total"]
            assert int(row["hits"]) == len(s.result["hits"]) and int(row["misses"]) == len(s.result["misses"])
            assert row["hit_list"].split(";") == (s.result["hits"] or [""])
        else:
            assert row["total"] == "" and row["complete"] == "0"


def test_csv_defuses_spreadsheet_formulas(class_store):
    text = csv_report.render(model.build(class_store, class_code="9A"))
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["player"] == "'=HYPERLINK(\"x\")"


def test_json_holds_the_model_and_parses(class_store):
    data = json.loads(json_report.render(model.build(class_store, class_code="8B")))
    assert data["overview"]["sessions"] == len(class_store.sessions(class_code="8B"))
    assert {"spotted_share", "normal_flagged_share", "d_prime", "c", "reading"} <= set(data["discernment"])
    assert "hit_rate" not in data["discernment"]          # no corrected rate under a share's name
    assert len(data["categories"]) >= 16
    assert all("transcript" in s for s in data["sessions"])
    assert {p["player"] for p in data["players"]} >= {EVIL}


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href", "action", "poster", "data") and v is not None:
                self.refs.append(v)


def test_html_is_self_contained_and_escapes_everything(class_store):
    rep = model.build(class_store)
    text = html_report.render(rep)
    parser = Refs()
    parser.feed(text)
    assert all(ref.startswith("#") for ref in parser.refs), [r for r in parser.refs if not r.startswith("#")]
    assert "<link" not in text and "@import" not in text and not re.search(r"url\((?!#)", text)
    assert parser.tags.count("script") == 1                 # only our own inline script
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert parser.tags.count("svg") >= 4
    for anchor in ("overview", "teach", "stay", "shared", "discernment", "who", "sessions"):
        assert f'id="{anchor}"' in text
    # every session has its own transcript block
    assert text.count('<details class="session"') == len(class_store.sessions())


def test_html_class_view_shows_nicknames_only(class_store):
    text = html_report.render(model.build(class_store, class_code="8B"))
    assert "Nicknames only" in text
    assert "9A" not in re.sub(r"<[^>]+>", "", text.split('id="sessions"')[1])


def test_report_command_writes_each_format(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        record_session(store, scenario("generous-teammate"), player="fox", class_code="8B")
        record_session(store, scenario("generous-teammate"), player="owl", class_code="9A")
    for fmt in ("html", "csv", "json"):
        out = tmp_path / f"r.{fmt}"
        res = subprocess.run([sys.executable, "main.py", "report", "--class", "8b", "--format", fmt,
                              "--out", str(out), "--data-dir", str(data)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stderr
        assert "1 session (1 finished, 0 unfinished)" in res.stderr
        body = out.read_text(encoding="utf-8")
        assert "fox" in body and "owl" not in body
    res = subprocess.run([sys.executable, "main.py", "report", "--since", "yesterday-ish",
                          "--data-dir", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "not a date" in res.stderr
    res = subprocess.run([sys.executable, "main.py", "report", "--since", "2999-01-01", "--format", "csv",
                          "--data-dir", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and res.stdout.count("\n") == 1      # header only


def test_since_parsing():
    import datetime as dt

    from game.commands.report import parse_since

    assert parse_since("2024-05-01") == dt.datetime(2024, 5, 1).timestamp()
    now = dt.datetime(2024, 5, 31, 15, 0).timestamp()
    assert parse_since("30d", now=now) == dt.datetime(2024, 5, 1).timestamp()
    with pytest.raises(ValueError):
        parse_since("May")
