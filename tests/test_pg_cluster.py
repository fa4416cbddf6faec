"""tests/pg_cluster.py: a killed run leaves no server running, a failed initdb leaves no folder."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pg_cluster  # noqa: E402

HERE = Path(__file__).resolve().parent


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for(cond, limit=60.0) -> bool:
    """Poll ``cond`` (a generous limit: the machine may be busy; this is not a speed check)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.2)
    return cond()


@pytest.mark.skipif(pg_cluster.why_not() is not None or bool(os.environ.get(pg_cluster.ENV_URL)),
                    reason=pg_cluster.why_not() or "an external server is used")
def test_a_killed_run_leaves_no_server_and_no_folder():
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(HERE)!r})
        import pg_cluster
        c = pg_cluster.TempCluster().start()
        print(c.folder, flush=True)
        time.sleep(600)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        folder = Path(child.stdout.readline().strip())
        pid = int((folder / "data" / "postmaster.pid").read_text().split("\n", 1)[0])
        assert alive(pid)
        child.send_signal(signal.SIGKILL)          # no teardown runs
        child.wait(timeout=30)
        assert wait_for(lambda: not folder.exists() and not alive(pid)), "the server outlived its run"
    finally:
        if child.poll() is None:
            child.kill()


def test_a_failed_initdb_leaves_no_folder(monkeypatch):
    fake = Path(tempfile.mkdtemp(prefix="rf-fake-bin-"))
    try:
        os.chmod(fake, 0o755)
        initdb = fake / "initdb"
        initdb.write_text("#!/bin/sh\necho 'initdb: cannot do that' >&2\nexit 1\n")
        os.chmod(initdb, 0o755)
        made = []
        real_mkdtemp = tempfile.mkdtemp

        def recording_mkdtemp(*args, **kwargs):
            made.append(Path(real_mkdtemp(*args, **kwargs)))
            return str(made[-1])

        monkeypatch.setattr(pg_cluster, "_bin_dir", lambda: fake)
        monkeypatch.setattr(pg_cluster.tempfile, "mkdtemp", recording_mkdtemp)
        monkeypatch.delenv(pg_cluster.ENV_URL, raising=False)
        if os.geteuid() == 0 and pg_cluster.why_not() is not None:
            pytest.skip(pg_cluster.why_not())
        cluster = pg_cluster.TempCluster()
        with pytest.raises(RuntimeError, match="initdb failed: initdb: cannot do that"):
            cluster.start()
        assert len(made) == 1 and not made[0].exists() and cluster.folder is None
    finally:
        shutil.rmtree(fake, ignore_errors=True)


def test_sweep_removes_old_folders_without_a_server_and_keeps_the_others():
    old_empty = Path(tempfile.mkdtemp(prefix=pg_cluster.PREFIX, dir="/tmp"))
    old_dead = Path(tempfile.mkdtemp(prefix=pg_cluster.PREFIX, dir="/tmp"))
    old_running = Path(tempfile.mkdtemp(prefix=pg_cluster.PREFIX, dir="/tmp"))
    new_empty = Path(tempfile.mkdtemp(prefix=pg_cluster.PREFIX, dir="/tmp"))
    try:
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        for folder, pid in ((old_dead, dead.pid), (old_running, os.getpid())):
            (folder / "data").mkdir()
            (folder / "data" / "postmaster.pid").write_text(f"{pid}\n/tmp/x\n")
        long_ago = time.time() - 2 * pg_cluster.STALE_S
        for folder in (old_empty, old_dead, old_running):
            os.utime(folder, (long_ago, long_ago))
        gone = pg_cluster.sweep_leftovers()
        assert old_empty in gone and old_dead in gone
        assert old_running.exists() and new_empty.exists()      # a live server; a folder being set up
    finally:
        for folder in (old_empty, old_dead, old_running, new_empty):
            shutil.rmtree(folder, ignore_errors=True)
