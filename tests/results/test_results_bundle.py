"""Bundles: three computers' results become one report without duplicates; bad files change nothing."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from results_helpers import fill_class, record_session, scenario

from game.engine import Conversation
from game.results import bundle
from game.results.reports import csv_report, model
from game.results.store import Filters, Store

ROOT = Path(__file__).resolve().parents[2]


def snapshot(store):
    """Everything a report could read, by uid (ids differ between stores)."""
    return sorted((r.uid, r.player, r.class_code, r.school, r.mode, r.status, r.started_at,
                   json.dumps(r.result, sort_keys=True), json.dumps(r.events, sort_keys=True))
                  for r in store.sessions(with_events=True))


def test_three_computers_become_one_report_without_duplicates(tmp_path, store_target):
    computers = []
    for i, klass in enumerate(("8B", "8B", "9A")):
        st = Store.open(path=tmp_path / f"pc{i}.sqlite3")
        fill_class(st, players=2, class_code=klass, seed=10 + i)
        computers.append(st)
    files = []
    for i, st in enumerate(computers):
        files.append(bundle.write(st, tmp_path / f"pc{i}.rfbundle").path)
    with Store.open(**store_target) as hub:
        for f in files:
            got = bundle.import_file(hub, f)
            assert got.added == got.sessions and got.already == 0
        expected = sorted(x for st in computers for x in snapshot(st))
        assert snapshot(hub) == expected
        for f in files:                                        # the same bundles again: nothing twice
            got = bundle.import_file(hub, f)
            assert got.added == 0 and got.already == got.sessions
        assert snapshot(hub) == expected
        # An overlapping bundle (one class from two computers' merged store) adds nothing either.
        overlap = bundle.write(hub, tmp_path / "8b.rfbundle", Filters(class_code="8B")).path
        assert bundle.import_file(hub, overlap).added == 0
        report = model.build(hub, class_code="8B")
        assert report.overview["sessions"] == sum(len(st.sessions(class_code="8B")) for st in computers)
        assert len({s.uid for s in report.sessions}) == len(report.sessions)
        rows = csv_report.render(model.build(hub)).splitlines()
        assert len(rows) - 1 == sum(len(st.sessions()) for st in computers)
    for st in computers:
        st.close()


def test_a_session_played_on_after_an_export_is_completed_by_the_next_bundle(tmp_path):
    sc = scenario("generous-teammate")
    with Store.open(path=tmp_path / "pc.sqlite3") as pc, Store.open(path=tmp_path / "hub.sqlite3") as hub:
        from game.results.recorder import Recorder

        rec = Recorder(pc, scenario_path=str(sc.path), player="fox", class_code="8B")
        conv = Conversation(sc, seed=2, on_event=rec.on_event)
        conv.start()
        conv.deliver_all()
        early = bundle.write(pc, tmp_path / "early.rfbundle").path
        conv.choose(1)
        conv.deliver_all()
        conv.end_action("report")
        late = bundle.write(pc, tmp_path / "late.rfbundle").path
        assert bundle.import_file(hub, early).added == 1
        assert hub.sessions()[0].status == "open"
        got = bundle.import_file(hub, late)
        assert (got.added, got.extended) == (0, 1)
        assert snapshot(hub) == snapshot(pc)


def damaged_variants(good: Path, tmp_path: Path):
    raw = good.read_bytes()
    text = gzip.decompress(raw)
    lines = text.splitlines(keepends=True)
    yield "cut short", raw[: len(raw) // 2]
    yield "a flipped byte", raw[:40] + bytes([raw[40] ^ 0xFF]) + raw[41:]
    yield "no trailer", gzip.compress(b"".join(lines[:-1]))
    edited = lines[2].replace(b'"fox', b'"cat') if b'"fox' in lines[2] else lines[2].replace(b"8B", b"9Z")
    yield "an edited session", gzip.compress(b"".join(lines[:2] + [edited] + lines[3:]))
    yield "a session twice", gzip.compress(b"".join(lines[:-1] + [lines[-2]] + lines[-1:]))
    yield "a foreign JSON file", gzip.compress(b'{"format": "something-else", "version": 1}\n')
    yield "not gzip", b"uid,player\n1,fox\n"
    yield "empty", b""
    yield "a PNG", b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    future = json.loads(lines[0])
    future["version"] = bundle.VERSION + 1
    yield "a newer version", gzip.compress(json.dumps(future).encode() + b"\n" + b"".join(lines[1:]))


def test_a_damaged_or_foreign_file_is_refused_in_one_line_and_changes_nothing(tmp_path, store_target):
    with Store.open(path=tmp_path / "pc.sqlite3") as pc:
        record_session(pc, scenario("generous-teammate"), player="fox")
        record_session(pc, scenario("generous-teammate"), player="owl", seed=3)
        good = bundle.write(pc, tmp_path / "good.rfbundle").path
    with Store.open(**store_target) as hub:
        record_session(hub, scenario("generous-teammate"), player="emu")
        before = snapshot(hub)
        for what, data in damaged_variants(good, tmp_path):
            bad = tmp_path / "bad.rfbundle"
            bad.write_bytes(data)
            with pytest.raises(bundle.BundleError) as info:
                bundle.import_file(hub, bad)
            assert "\n" not in str(info.value) and "bad.rfbundle" in str(info.value), what
            assert snapshot(hub) == before, what
        with pytest.raises(bundle.BundleError, match="no such file"):
            bundle.import_file(hub, tmp_path / "missing.rfbundle")
        assert bundle.import_file(hub, good).added == 2


def test_the_bundle_describes_itself(tmp_path):
    with Store.open(path=tmp_path / "pc.sqlite3") as pc:
        sc = scenario("generous-teammate")
        record_session(pc, sc, player="fox")
        path = bundle.write(pc, tmp_path / "b.rfbundle").path
    lines = [json.loads(x) for x in gzip.decompress(path.read_bytes()).splitlines()]
    head, scen, sess, end = lines
    assert head["format"] == "red-flags-results-bundle" and head["version"] == bundle.VERSION and "scoring_version" in head
    assert scen["scenario"]["sha256"] == sc.sha256 and scen["scenario"]["info"]["title"] == sc.title
    assert sess["session"]["scenario_sha256"] == sc.sha256 and sess["session"]["player"] == "fox"
    assert sess["events"][0]["type"] == "start" and sess["events"][-1]["type"] == "end"
    assert end["end"]["sessions"] == 1 and len(end["end"]["sha256"]) == 64


def cli(*args, data):
    return subprocess.run([sys.executable, "main.py", *args, "--data-dir", str(data)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_export_and_import_commands(tmp_path):
    a, hub = tmp_path / "a", tmp_path / "hub"
    with Store.open(a) as st:
        record_session(st, scenario("generous-teammate"), player="fox", class_code="8B")
        record_session(st, scenario("generous-teammate"), player="owl", class_code="9A")
    out = cli("export", "--out", str(tmp_path / "8b.rfbundle"), "--class", "8b", data=a)
    assert out.returncode == 0, out.stderr
    assert "1 session" in out.stderr
    out = cli("import", str(tmp_path / "8b.rfbundle"), data=hub)
    assert out.returncode == 0 and "1 session (1 added)" in out.stdout, out.stdout + out.stderr
    out = cli("import", str(tmp_path / "8b.rfbundle"), data=hub)
    assert out.returncode == 0 and "(0 added, 1 already here)" in out.stdout
    (tmp_path / "junk.rfbundle").write_text("hello")
    out = cli("import", str(tmp_path / "junk.rfbundle"), str(tmp_path / "8b.rfbundle"), data=hub)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "not a Red Flags results bundle" in out.stderr
    assert cli("export", data=a).returncode == 2
    assert cli("export", "--out", str(tmp_path / "no" / "x.rfbundle"), data=a).returncode == 2
    with Store.open(hub) as st:
        assert [s.player for s in st.sessions()] == ["fox"]
