"""A really damaged results file: one line, the file kept aside, a fresh store, what is readable exported.

Before: a page of garbage made ``report`` and ``forget`` print tracebacks and
crashed the counsellor view. The files here are damaged for real (cut short,
a page overwritten with random bytes, text that is no database at all).
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from results_helpers import record_session, scenarios

from game import cli
from game.results import bundle, pin, salvage
from game.results.store import Store

SESSIONS = 6


def make_store(folder: Path) -> Path:
    with Store.open(folder) as store:
        for i, sc in enumerate(scenarios()[:SESSIONS]):
            record_session(store, sc, player=f"fox{i}", seed=i + 1, rng_seed=i + 1)
        store.set_setting("retention_days", "30")
        pin.set_pin(store, "482913")
    path = folder / "results.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def damage(path: Path, how: str) -> None:
    size = path.stat().st_size
    if how == "truncated":
        os.truncate(path, size // 2)
    elif how == "garbage-page":           # the last page: event rows of the newest sessions
        with open(path, "r+b") as handle:
            handle.seek(size - 4096)
            handle.write(random.Random(1).randbytes(4096))
    elif how == "not-sqlite":
        path.write_text("these are my notes, not a database\n" * 20)
    else:
        raise AssertionError(how)


@pytest.fixture(autouse=True)
def fresh_checks():
    salvage._checked.clear()
    yield
    salvage._checked.clear()


@pytest.mark.parametrize("how", ["truncated", "garbage-page", "not-sqlite"])
@pytest.mark.parametrize("command", [["report", "--format", "csv"], ["forget", "--player", "fox1", "--yes"]])
def test_report_and_forget_on_a_damaged_file(tmp_path, capsys, how, command):
    folder = tmp_path / "data"
    path = make_store(folder)
    damage(path, how)
    damaged_bytes = path.read_bytes()
    code = cli.main([*command, "--data-dir", str(folder)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "was damaged" in warnings[0] and "a fresh one was started" in warnings[0]
    assert code == 0, err
    kept = sorted(folder.glob("results-damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes     # kept aside, untouched
    assert kept[0].name in warnings[0]
    with Store.open(folder) as store:                                      # the fresh store works
        assert store.count_sessions() == 0
    bundles = sorted(folder.glob("results-damaged-*.rfbundle"))
    if how == "garbage-page":
        assert len(bundles) == 1 and str(bundles[0]) in warnings[0]
        back = tmp_path / "back"
        assert cli.main(["import", str(bundles[0]), "--data-dir", str(back)]) == 0
        with Store.open(back) as store:
            count = store.count_sessions()
        assert 1 <= count <= SESSIONS and f"the {count} session" in warnings[0]
    elif how == "not-sqlite":
        assert bundles == [] and "no session could be read" in warnings[0]


def test_garbage_page_keeps_the_pin_and_retention(tmp_path, capsys):
    folder = tmp_path / "data"
    path = make_store(folder)
    damage(path, "garbage-page")
    with Store.open(folder) as store:
        assert store.count_sessions() == 0
        assert store.get_setting("retention_days") == "30"
        assert pin.check_pin(store, "482913")
    assert "was damaged" in capsys.readouterr().err


def test_the_next_opening_does_not_set_it_aside_again(tmp_path, capsys):
    folder = tmp_path / "data"
    damage(make_store(folder), "truncated")
    for _ in range(3):
        with Store.open(folder):
            pass
    assert capsys.readouterr().err.count("was damaged") == 1
    assert len(list(folder.glob("results-damaged-*.sqlite3"))) == 1


def test_a_locked_file_is_not_damage(tmp_path):
    folder = tmp_path / "data"
    path = make_store(folder)
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert salvage.check(path) is None
    finally:
        holder.rollback()
        holder.close()
    assert not list(folder.glob("results-damaged-*"))


def test_play_on_a_damaged_file_stores_into_the_fresh_one(tmp_path, capsys):
    folder = tmp_path / "data"
    damage(make_store(folder), "not-sqlite")
    script = tmp_path / "s.txt"
    script.write_text("leave\n")
    code = cli.main(["play", "generous-teammate", "--text", "--script", str(script), "--data-dir", str(folder)])
    err = capsys.readouterr().err
    assert code == 0 and err.count("was damaged") == 1 and "Traceback" not in err
    with Store.open(folder) as store:
        assert [s.status for s in store.sessions()] == ["complete"]


def test_a_data_folder_that_cannot_be_created_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    for command in (["report"], ["forget", "--player", "x", "--yes"], ["export", "--out", str(tmp_path / "b")]):
        code = cli.main([*command, "--data-dir", str(blocker / "data")])
        err = capsys.readouterr().err
        lines = [line for line in err.splitlines() if line.strip()]
        assert code == 1 and len(lines) == 1 and "Traceback" not in err, (command, err)
        assert "cannot" in lines[0] and str(blocker / "data") in lines[0]


def test_the_window_says_it_and_does_not_crash(tmp_path):
    """The real window, headless, in a subprocess: start screen and counsellor view on a damaged file."""
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "data"
    damage(make_store(folder), "garbage-page")
    code = textwrap.dedent(f"""
        import os, sys
        os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
        from pathlib import Path
        from game.play import saving
        from game.play.options import PlayOptions
        from game.ui.app import App
        from game.ui.routes import ROUTES
        from game.ui.settings import Settings
        folder = Path({str(folder)!r})
        app = App(Settings.load(folder), size=(1280, 720), routes=ROUTES, options=PlayOptions(data_dir=folder),
                  data_dir=folder)
        app.show_start()
        for _ in range(5):
            app.tick([], 0.05)
        app.open("counsellor")
        for _ in range(5):
            app.tick([], 0.05)
        assert app.save_banner.toast == saving.DAMAGED, app.save_banner.toast
        app.save_screenshot({str(tmp_path / "damaged.png")!r})
        app.close()
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr
    assert done.stderr.count("was damaged") == 1


@pytest.mark.parametrize("edit", [
    "UPDATE session_results SET result_json = '{\"score\": \"x\"}' WHERE session_id = 3",
    "UPDATE sessions SET started_at = 'yesterday' WHERE id = 1",
    "UPDATE events SET data = 'not json' WHERE session_id = 2 AND seq = 3",
])
def test_rows_edited_by_hand_are_one_line(tmp_path, capsys, edit):
    folder = tmp_path / "data"
    path = make_store(folder)
    conn = sqlite3.connect(path)
    conn.execute(edit)
    conn.commit()
    conn.close()
    for command in (["report", "--format", "csv"], ["report", "--format", "json"]):
        code = cli.main([*command, "--data-dir", str(folder)])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        if code:
            lines = [line for line in err.splitlines() if line.strip()]
            assert code == 1 and len(lines) == 1 and "edited by hand" in lines[0], err


def test_counsellor_view_on_rows_edited_by_hand_says_so(tmp_path):
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "data"
    path = make_store(folder)
    conn = sqlite3.connect(path)
    conn.execute("""UPDATE session_results SET result_json = '{"score": "x"}' WHERE session_id = 3""")
    conn.commit()
    conn.close()
    code = textwrap.dedent(f"""
        import os
        os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
        from pathlib import Path
        from game.play.options import PlayOptions
        from game.ui.app import App
        from game.ui.routes import ROUTES
        from game.ui.settings import Settings
        folder = Path({str(folder)!r})
        app = App(Settings.load(folder), size=(1280, 720), routes=ROUTES, options=PlayOptions(data_dir=folder),
                  data_dir=folder)
        app.show_start()
        gate = app.open("counsellor")
        gate.first.text = "482913"
        gate.submit()
        for _ in range(5):
            app.tick([], 0.05)
        print(type(app.top).__name__, getattr(app.top, "title", ""))
        app.close()
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last == "NoticeDialog The results cannot be shown", last


def test_a_data_folder_with_question_mark_and_hash_is_a_folder(tmp_path):
    """Before: SQLAlchemy read "?" as the start of a query string and wrote the store elsewhere."""
    folder = tmp_path / "class 8B? #2" / "data"
    with Store.open(folder) as store:
        record_session(store, scenarios()[0])
    assert (folder / "results.sqlite3").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class 8B? #2"]
    damage(folder / "results.sqlite3", "truncated")
    with Store.open(folder) as store:          # the damage check reads the same file
        assert store.count_sessions() == 0
    assert len(list(folder.glob("results-damaged-*.sqlite3"))) == 1


def test_a_file_damaged_while_the_counsellor_view_is_open_is_said_and_nothing_is_lost(tmp_path):
    # Before: the view noticed only at its next opening, and a query on the damaged page crashed it.
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "data"
    make_store(folder)
    code = textwrap.dedent(f"""
        import os, random, sqlite3
        os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
        from pathlib import Path
        import pygame
        from game.play.options import PlayOptions
        from game.ui.app import App
        from game.ui.routes import ROUTES
        from game.ui.settings import Settings
        folder = Path({str(folder)!r})
        app = App(Settings.load(folder), size=(1280, 720), routes=ROUTES, options=PlayOptions(data_dir=folder),
                  data_dir=folder)
        app.show_start()
        gate = app.open("counsellor")
        gate.first.text = "482913"
        gate.submit()
        app.tick([], 0.05)
        view = app.top
        print(type(view).__name__)
        path = folder / "results.sqlite3"
        # another program writes (so the view's connections read the file afresh), then a page goes bad
        other = sqlite3.connect(path)
        other.execute("INSERT INTO settings VALUES ('x', '1')")
        other.execute("DELETE FROM settings WHERE key = 'x'")
        other.commit()
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        other.close()
        size = path.stat().st_size
        with open(path, "r+b") as handle:          # the last page (the newest sessions' events) goes bad
            handle.seek(size - 4096)
            handle.write(random.Random(1).randbytes(4096))
        # Export report reads every transcript, so it meets the bad page
        view.focus.focus(next(b for b in view.header_buttons if b.ident == "export"), show=True)
        app.tick([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)], 0.05)
        for _ in range(3):
            app.tick([], 0.05)
        print(type(app.top).__name__, "|", getattr(app.top, "title", ""), "|", " ".join(app.top.text.split()))
        app.close()
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith(("pygame", "Hello from"))]
    first, last = lines[0], lines[-1]
    assert first == "OverviewScreen"
    kind, title, body = last.split(" | ")
    assert (kind, title) == ("NoticeDialog", "The results file was damaged"), last
    kept = list(folder.glob("results-damaged-*.sqlite3"))
    bundles = list(folder.glob("results-damaged-*.rfbundle"))
    assert len(kept) == 1 and len(bundles) == 1 and kept[0].name in body and "Nothing was lost" in body
    assert len(bundle.read(bundles[0]).sessions) >= SESSIONS - 2       # all that could still be read
    with Store.open(folder) as fresh:                                   # a fresh store, the PIN kept
        assert fresh.sessions() == [] and pin.is_set(fresh)


def test_a_file_nothing_wrote_since_its_last_sound_check_is_not_read_again(tmp_path, monkeypatch):
    # quick_check reads every page: seconds on a district-sized file, at every process's first opening
    path = make_store(tmp_path / "data")
    old = path.stat().st_mtime_ns - 10**9                   # last written a second ago (file times are coarse)
    os.utime(path, ns=(old, old))
    ran = []
    real = salvage.quick_check
    monkeypatch.setattr(salvage, "quick_check", lambda p: ran.append(p) or real(p))
    assert salvage.check(path) is None and len(ran) == 1     # the first process reads it all
    salvage._checked.clear()                                 # the next process
    assert salvage.check(path) is None and len(ran) == 1     # nothing wrote it since: not read again
    with Store.open(path.parent) as store:                   # a game writes a session ...
        record_session(store, scenarios()[0], player="owl")
    salvage._checked.clear()
    old = path.stat().st_mtime_ns - 10**9
    os.utime(path, ns=(old, old))
    assert salvage.check(path) is None and len(ran) == 2     # ... so the next opening checks again
    salvage._checked.clear()
    damage(path, "garbage-page")
    assert salvage.check(path) and len(ran) == 3             # damage since the last check is found
