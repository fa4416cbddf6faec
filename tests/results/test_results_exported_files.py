"""Bundles and xAPI files written by `export` are covered by `forget` and by retention (issue 12).

Through the real command line on both engines: a file that holds only the
forgotten player is deleted; one that holds other players too is rewritten
without that player (still a valid bundle that imports, still a JSON array
of statements), so the class's file on a USB stick keeps everybody else; a
file that does not hold them is not touched. Retention deletes files older
than the retention period.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

from results_helpers import record_session, scenario

from game.checks import storage as check_storage
from game.checks.library import load_forms
from game.checks.session import CheckSession
from game.results import bundle, report_files, retention
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]
FORGOTTEN = "ZebraCorn"          # a nickname whose bytes cannot turn up by chance


def where(store_target, tmp_path) -> tuple[list[str], dict]:
    """The command-line option naming the store, and Store.open's arguments for it."""
    if "database" in store_target:
        return ["--database", store_target["database"]], store_target
    return ["--data-dir", str(tmp_path / "data")], {"data_dir": tmp_path / "data"}


def cli(option: list[str], *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "main.py", *args, *option], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def fill(opened: dict) -> None:
    sc = scenario("generous-teammate")
    with Store.open(**opened) as store:
        for player, code in ((FORGOTTEN, "8B"), (FORGOTTEN, "8B"), ("owl", "8B"), ("kit", "9A")):
            record_session(store, sc, player=player, class_code=code)
        check = CheckSession(load_forms()["A"], "pre")
        for _ in check.form.items:
            check.answer("red", 2)
        check_storage.save(store, check.record(), form_sha256="x", player=FORGOTTEN, class_code="8B")


def plain_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def players_in(path: Path) -> list:
    if path.suffix == ".rfbundle":
        b = bundle.read(path)                     # checks format, every line and the checksum
        return sorted([s["session"]["player"] for s in b.sessions] + [c["player"] for c in b.checks])
    return sorted(st["actor"]["account"]["name"] for st in json.loads(path.read_text()))


def test_forget_takes_a_player_out_of_exported_bundles_and_xapi_files(store_target, tmp_path):
    option, opened = where(store_target, tmp_path)
    fill(opened)
    files = {name: tmp_path / name for name in
             ("all.rfbundle", "8b.rfbundle", "mine.rfbundle", "9a.rfbundle", "all.xapi.json", "mine.xapi.json")}
    for name, args in (("all.rfbundle", ()), ("8b.rfbundle", ("--class", "8B")),
                       ("mine.rfbundle", ("--player", FORGOTTEN.lower())), ("9a.rfbundle", ("--class", "9A")),
                       ("all.xapi.json", ("--format", "xapi")),
                       ("mine.xapi.json", ("--format", "xapi", "--player", FORGOTTEN))):
        done = cli(option, "export", "--out", str(files[name]), *args)
        assert done.returncode == 0, done.stderr
    assert players_in(files["all.rfbundle"]) == sorted([FORGOTTEN] * 3 + ["kit", "owl"])   # 2 sessions, 1 check
    untouched = files["9a.rfbundle"].read_bytes()

    question = subprocess.run([sys.executable, "main.py", "forget", "--player", FORGOTTEN, *option], cwd=ROOT,
                              input="no\n", capture_output=True, text=True, timeout=120)
    assert question.returncode == 1 and "Nothing was deleted" in question.stderr
    assert "their results in 5 exported files" in question.stderr          # said before anything goes
    assert all(p.exists() for p in files.values())

    done = cli(option, "forget", "--player", FORGOTTEN, "--yes")
    assert done.returncode == 0, done.stderr
    # files that held nobody else are gone; the others hold everybody else, and nothing of theirs
    assert not files["mine.rfbundle"].exists() and not files["mine.xapi.json"].exists()
    assert players_in(files["all.rfbundle"]) == ["kit", "owl"]
    assert players_in(files["8b.rfbundle"]) == ["owl"]
    assert players_in(files["all.xapi.json"]) == ["kit", "owl"]
    assert files["9a.rfbundle"].read_bytes() == untouched
    for path in files.values():
        if path.exists():
            assert FORGOTTEN.lower().encode() not in plain_bytes(path).lower(), path
    assert "Deleted 2 sessions, 1 check, 1 bundle and 1 xAPI file holding them for good." in done.stdout
    assert "taken out of 2 bundles and 1 xAPI file" in done.stdout

    # a cut bundle still imports, and adds only the others' sessions
    hub = tmp_path / "hub"
    got = subprocess.run([sys.executable, "main.py", "import", str(files["all.rfbundle"]), "--data-dir", str(hub)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr
    with Store.open(hub) as store:
        assert sorted(s.player for s in store.sessions()) == ["kit", "owl"]

    # forgetting a class: the 8B bundle (now only owl) goes, the whole-store files keep kit
    done = cli(option, "forget", "--class", "8B", "--yes")
    assert done.returncode == 0, done.stderr
    assert not files["8b.rfbundle"].exists()
    assert players_in(files["all.rfbundle"]) == ["kit"] and players_in(files["all.xapi.json"]) == ["kit"]

    # retention: files written longer ago than the period are deleted with the sessions
    with Store.open(**opened) as store:
        retention.set_days(store, 30)
        assert retention.purge_expired(store, now=time.time() + 31 * retention.DAY_S) == 1
        assert report_files.files_older_than(store, time.time() + 1) == []
        (note, *_rest) = retention.purge_notes(store)
    assert not files["all.rfbundle"].exists() and not files["all.xapi.json"].exists()
    assert not files["9a.rfbundle"].exists()
    assert "and 3 report or exported files written before then" in note


def test_a_file_that_cannot_be_reached_is_named_and_dealt_with_once_it_is_back(tmp_path):
    # a bundle on a USB stick that is not plugged in when the counsellor forgets a student
    option, opened = where({}, tmp_path)
    fill(opened)
    stick = tmp_path / "stick"
    stick.mkdir()
    out = stick / "8b.rfbundle"
    assert cli(option, "export", "--class", "8B", "--out", str(out)).returncode == 0
    away = tmp_path / "drawer"
    stick.rename(away)                                     # unplugged
    done = cli(option, "forget", "--player", FORGOTTEN, "--yes")
    assert done.returncode == 1
    assert str(out) in done.stdout and "not plugged in" in done.stdout
    away.rename(stick)                                     # plugged in again
    assert players_in(out) == sorted([FORGOTTEN] * 3 + ["owl"])
    done = cli(option, "forget", "--player", FORGOTTEN, "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert players_in(out) == ["owl"]
    assert cli(option, "forget", "--player", FORGOTTEN, "--yes").stdout.startswith("Nothing stored for")


def test_a_damaged_bundle_that_holds_the_player_is_deleted(tmp_path):
    option, opened = where({}, tmp_path)
    fill(opened)
    out = tmp_path / "all.rfbundle"
    assert cli(option, "export", "--out", str(out)).returncode == 0
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF                           # one flipped byte: it can no longer be cut
    out.write_bytes(bytes(data))
    done = cli(option, "forget", "--player", FORGOTTEN, "--yes")
    assert done.returncode == 0, done.stderr
    assert not out.exists()
