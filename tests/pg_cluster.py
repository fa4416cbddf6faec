"""A throw-away PostgreSQL server for the tests and the benchmark, started and stopped by them.

``TempCluster().start()`` runs Debian's ``initdb`` and ``pg_ctl`` (as the
``postgres`` user when we are root, since PostgreSQL refuses to run as root)
in a fresh folder under /tmp, listening on a Unix socket only (no TCP port,
so parallel runs never collide), with fsync off (the data is thrown away).
``url(dbname)`` gives a SQLAlchemy URL; ``new_database()`` makes an empty
database for one test. ``stop()`` stops the server and removes the folder.

``why_not()`` says in one line why no server can be had here (no PostgreSQL
binaries, no ``postgres`` user), so tests can skip with that reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

ENV_URL = "REDFLAGS_TEST_DATABASE"   # use this server (a URL) instead of starting one


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
        self._names = itertools.count(1)
        self._external = os.environ.get(ENV_URL)

    def _run(self, *args: str, timeout: float = 60) -> None:
        cmd = list(args)
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              timeout=timeout, cwd="/tmp")
        if done.returncode:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr.strip()[-500:]}")

    def start(self) -> TempCluster:
        if self._external:
            return self
        bins = _bin_dir()
        assert bins is not None, why_not()
        self.folder = Path(tempfile.mkdtemp(prefix="rf-pg-", dir="/tmp"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self._run(str(bins / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-sync", "--no-instructions")
        opts = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self._run(str(bins / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
                  "-o", opts, "start")
        return self

    def stop(self) -> None:
        if self.folder is None:
            return
        bins = _bin_dir()
        try:
            self._run(str(bins / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

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
