"""Running the class server: uvicorn in one process, the addresses students type, the status file.

``ClassServer`` is a ``uvicorn.Server`` that ends every live stream before
it shuts down (so phones holding a connection never keep it waiting).
``serve_forever`` runs it for the ``class`` command; ``ServerThread`` runs
it on 127.0.0.1 in a background thread for tests and benchmarks.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette

from .app import create_app
from .config import ServerConfig


class ClassServer(uvicorn.Server):
    def __init__(self, app: Starlette, host: str, port: int) -> None:
        self.app = app
        super().__init__(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                                        ws="none", http="h11", lifespan="on", timeout_graceful_shutdown=3,
                                        timeout_keep_alive=30))
        self.loop: asyncio.AbstractEventLoop | None = None

    def stop_live(self) -> None:
        classroom = getattr(self.app.state, "classroom", None)
        if classroom is not None:
            classroom.stop_live()

    def handle_exit(self, sig: int, frame: Any) -> None:
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.stop_live)
        super().handle_exit(sig, frame)

    def request_stop(self) -> None:
        """Stop from any thread."""
        if self.loop is not None and not self.loop.is_closed():
            try:
                self.loop.call_soon_threadsafe(self.stop_live)
            except RuntimeError:
                pass
        self.should_exit = True

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """Ctrl-C and SIGTERM stop the server (a second Ctrl-C: at once), without uvicorn re-raising
        the signal afterwards, so the command ends with its own message instead of a traceback."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        originals = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in originals.items():
                signal.signal(sig, handler)

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        self.loop = asyncio.get_running_loop()
        await super().serve(sockets)

    @property
    def bound_port(self) -> int | None:
        for server in getattr(self, "servers", []) or []:
            for sock in server.sockets:
                return int(sock.getsockname()[1])
        return None


def lan_addresses() -> list[str]:
    """IPv4 addresses of this computer that other devices on the network can reach, private ones first."""
    found: list[str] = []
    try:
        import psutil  # type: ignore[import-untyped]

        for addrs in psutil.net_if_addrs().values():
            found.extend(a.address for a in addrs if a.family == socket.AF_INET)
    except Exception:  # noqa: BLE001 - psutil missing or refused: ask the resolver instead
        try:
            found.extend(str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
        except OSError:
            pass
    usable = []
    for text in dict.fromkeys(found):
        try:
            ip = ipaddress.IPv4Address(text)
        except ValueError:
            continue
        if ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified:
            continue
        usable.append(ip)
    usable.sort(key=lambda ip: (not ip.is_private, str(ip)))
    return [str(ip) for ip in usable]


def write_status_file(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as JSON, readable by this user only (0600), replacing the file in one step."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.write("\n")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)


class ServerThread:
    """The real server on 127.0.0.1, port 0, in a background thread::

        with ServerThread(config) as server:
            requests to server.url ...
    """

    def __init__(self, config: ServerConfig, host: str = "127.0.0.1") -> None:
        self.config = config
        self.app = create_app(config)
        self.server = ClassServer(self.app, host, 0)
        self.thread = threading.Thread(target=self._run, name="class-server", daemon=True)
        self.url = ""
        self.error: BaseException | None = None

    def _run(self) -> None:
        try:
            asyncio.run(self.server.serve())
        except BaseException as exc:  # noqa: BLE001 - reported to the thread that waits
            self.error = exc

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if self.error is not None or not self.thread.is_alive():
                raise RuntimeError(f"the class server did not start: {self.error}")
            if time.monotonic() > deadline:
                raise RuntimeError("the class server did not start in 20 s")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.server.bound_port}/"
        return self

    def run_in_loop(self, func: Callable[[], Any]) -> Any:
        """Call ``func`` on the server's event loop thread and return its result."""
        assert self.server.loop is not None

        async def call() -> Any:
            return func()
        return asyncio.run_coroutine_threadsafe(call(), self.server.loop).result(10)

    def __exit__(self, *exc: object) -> None:
        self.server.request_stop()
        self.thread.join(15)
