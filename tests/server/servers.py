"""Start real uvicorn server processes on 127.0.0.1 port 0, and stop them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_RUNNING = re.compile(rb"Uvicorn running on (http://127\.0\.0\.1:\d+)")
APP = "solo_factory:app"


@contextmanager
def uvicorn_server(data_dir: Path, app: str = APP, timeout: float = 30.0,
                   env: dict[str, str] | None = None) -> Iterator[str]:
    """A server process sharing the store in ``data_dir``; yields its base URL."""
    path = os.pathsep.join([str(ROOT), str(ROOT / "tests" / "server")])
    env = dict(os.environ, REDFLAGS_DATA_DIR=str(data_dir), PYTHONPATH=path, **(env or {}))
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", app, "--host", "127.0.0.1",
                             "--port", "0", "--no-access-log"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, seen = time.monotonic() + timeout, b""
        while True:
            line = proc.stderr.readline()
            seen += line
            match = _RUNNING.search(line)
            if match:
                break
            if not line or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {seen.decode(errors='replace')}")
        yield match.group(1).decode()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
