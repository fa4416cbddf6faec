"""A throw-away PostgreSQL server for the tests and the benchmark, started and stopped by them.

``TempCluster().start()`` runs Debian's ``initdb`` and ``pg_ctl`` (as the
``postgres`` user when we are root, since PostgreSQL refuses to run as root)
in a fresh folder under /tmp, listening on a Unix socket only (no TCP port,
so parallel runs never collide), with fsync off (the data is thrown away).
``url(dbname)`` gives a SQLAlchemy URL; ``new_database()`` makes an empty
database for one test. ``stop()`` stops the server and removes the folder.

``why_not()`` says in one line why no server can be had here (no PostgreSQL
binaries, no ``postgres`` user), so tests can skip with that reason.

A run killed from outside (``timeout``, Ctrl+C twice, ``kill -9``) never
reaches ``stop()``: so ``start()`` also starts a watchdog, a small process
in a session of its own that checks every second whether the process that
started the server is still there, and when it is gone stops the server and
removes its folder. ``start()`` removes the folder again when ``initdb`` or
``pg_ctl`` fails, and sweeps folders left by earlier runs that hold no
running server (a failed ``initdb`` before this existed, a machine that was
switched off); folders of running servers are never touched.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV_URL = "REDFLAGS_TEST_DATABASE"   # use this server (a URL) instead of starting one
PREFIX = "rf-pg-"
STALE_S = 600                        # a folder without a running server, older than this, is a leftover

# Run as ``python -c WATCHDOG PARENT_PID FOLDER CMD...``: waits for the parent to go, then stops the server.
WATCHDOG = r"""
import os, shutil, subprocess, sys, time
parent, folder, stop = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
while os.path.isdir(folder):
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        break
    except PermissionError:
        pass
    time.sleep(1.0)
else:
    sys.exit(0)                       # stopped and removed the ordinary way
subprocess.run(stop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/tmp", timeout=120)
shutil.rmtree(folder, ignore_errors=True)
"""


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def why_not() -> str | None:
    if os.environ.get(ENV_URL):
        return None
    if _bin_dir() is None:
        return "PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a 'postgres' user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start the server as 'postgres'"
    return None


class TempCluster:
    def __init__(self) -> None:
        self.folder: Path | None = None
        self.watchdog: subprocess.Popen | None = None
        self._names = itertools.count(1)
        self._external = os.environ.get(ENV_URL)

    @staticmethod
    def _as_postgres(*args: str) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)

    def _run(self, *args: str, timeout: float = 60) -> None:
        done = subprocess.run(self._as_postgres(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=timeout, cwd="/tmp")
        if done.returncode:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip()[-500:]}")

    def _stop_command(self) -> list[str]:
        bins = _bin_dir()
        assert bins is not None and self.folder is not None
        return self._as_postgres(str(bins / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def start(self) -> TempCluster:
        if self._external:
            return self
        bins = _bin_dir()
        assert bins is not None, why_not()
        sweep_leftovers()
        self.folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir="/tmp"))
        data = self.folder / "data"
        try:
            if os.geteuid() == 0:
                shutil.chown(self.folder, "postgres")
            self._run(str(bins / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--no-sync", "--no-instructions")
            opts = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
            self._run(str(bins / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
                      "-o", opts, "start")
        except BaseException:
            # initdb or the start failed (or was interrupted): leave nothing behind
            if (data / "postmaster.pid").exists():
                subprocess.run(self._stop_command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd="/tmp", timeout=60, check=False)
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
            raise
        self.watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(os.getpid()), str(self.folder), *self._stop_command()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/tmp",
            start_new_session=True)      # its own session: a signal to our process group does not reach it
        return self

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            subprocess.run(self._stop_command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           cwd="/tmp", timeout=60, check=False)
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None
        if self.watchdog is not None:      # it sees the folder gone and ends; do not wait for its next look
            self.watchdog.terminate()
            self.watchdog.wait(timeout=10)
            self.watchdog = None

    def url(self, dbname: str = "postgres") -> str:
        if self._external:
            from sqlalchemy.engine import make_url

            return make_url(self._external).set(database=dbname).render_as_string(hide_password=False)
        return f"postgresql://postgres@/{dbname}?host={self.folder}"

    def new_database(self) -> str:
        """An empty database of its own; returns its URL."""
        import sqlalchemy as sa

        name = f"rf_test_{os.getpid()}_{next(self._names)}"
        engine = sa.create_engine(self.url("postgres").replace("postgresql://", "postgresql+psycopg://", 1),
                                  isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self.url(name)

    def data_files(self) -> list[Path]:
        """Every file of the server's data folder (for checks that deleted data is gone)."""
        if self.folder is None:
            return []
        return [p for p in (self.folder / "data").rglob("*") if p.is_file()]


def _server_running(folder: Path) -> bool:
    """Whether the folder's postmaster.pid names a live process (True when that cannot be told)."""
    pid_file = folder / "data" / "postmaster.pid"
    try:
        if not pid_file.exists():
            return False
        pid = int(pid_file.read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_leftovers(now: float | None = None) -> list[Path]:
    """Remove /tmp/rf-pg-* folders older than STALE_S that hold no running server; returns them."""
    now = time.time() if now is None else now
    gone = []
    for folder in Path("/tmp").glob(PREFIX + "*"):
        try:
            old = now - folder.stat().st_mtime > STALE_S
        except OSError:
            continue
        if folder.is_dir() and old and not _server_running(folder):
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                gone.append(folder)
    return gone
