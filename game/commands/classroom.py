"""`python main.py class`: the class server (classroom.md).

Starts the HTTP server in this process and, unless ``--no-window``, the
projector in the game window. Prints the addresses students type, the
teacher's link and the projector's. ``--status-file`` gets the address and
tokens as JSON (mode 0600) once the server accepts connections.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from pathlib import Path

from ..results import identity

DEFAULT_PORT = 8765


def add_parser(sub, common):
    p = sub.add_parser("class", parents=[common], help="the class server: class sessions and solo play in browsers",
                       description="Start the class server. Students join from their own browsers.")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="class code of the first room")
    p.add_argument("--scenario", metavar="ID", help="start the first room with this scenario")
    p.add_argument("--library", metavar="DIR", help="serve the scenarios of DIR instead of the bundled library")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every interface)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free port)")
    p.add_argument("--no-window", action="store_true", help="no projector window (use /projector in a browser)")
    p.add_argument("--status-file", metavar="FILE", help="write the address and tokens there as JSON (mode 0600)")
    return p


def _fail(message: str) -> int:
    print(f"main.py class: error: {message}", file=sys.stderr)
    return 2


def _library(folder: str | None):
    from ..library import load_library
    from ..paths import SCENARIOS_DIR

    path = Path(folder) if folder else SCENARIOS_DIR
    if folder and not path.is_dir():
        return None, f"--library {folder}: no such folder"
    library = load_library(path)
    for problem in library.problems:
        print(f"left out: {problem.format()}", file=sys.stderr)
    if not library.scenarios:
        return None, f"--library {folder}: no scenario in it loads without errors"
    return library, None


def run(args) -> int:
    if not 0 <= args.port <= 65535:
        return _fail(f"--port {args.port}: not a port number")
    code = None
    if args.class_code is not None:
        problem = identity.class_code_problem(args.class_code)
        if problem:
            return _fail(f"--class {args.class_code}: {problem}")
        code = identity.clean_class_code(args.class_code)
    library, problem = _library(args.library)
    if problem:
        return _fail(problem)
    if args.scenario and library.get(args.scenario) is None:
        return _fail(f"--scenario {args.scenario}: not in the library (see `python main.py list`)")
    if args.status_file:
        parent = Path(args.status_file).resolve().parent
        if not parent.is_dir():
            return _fail(f"--status-file {args.status_file}: the folder does not exist")

    from ..server.config import ServerConfig
    from ..server.serve import lan_addresses

    data_dir = getattr(args, "data_dir", None)
    config = ServerConfig(library=library, data_dir=Path(data_dir) if data_dir else None,
                          database=getattr(args, "database", None), class_code=code, scenario=args.scenario)
    lan = lan_addresses() if args.host in ("0.0.0.0", "::", "") else []
    from ..server.app import MissingModule, create_app

    try:
        app = create_app(config)
    except MissingModule as exc:
        return _fail(str(exc))
    try:
        from ..server.app import open_store

        store = open_store(config)
    except Exception as exc:  # noqa: BLE001 - any store failure is one line for the teacher
        return _fail(f"the results store cannot be opened: {exc}")
    return _serve(args, config, app, store, lan)


def _serve(args, config, app, store, lan: list[str]) -> int:
    from ..server.serve import ClassServer, write_status_file

    app.state.store = store
    server = ClassServer(app, args.host, args.port)
    local = "127.0.0.1" if args.host in ("0.0.0.0", "::", "") else args.host
    announced = threading.Event()
    failure: list[str] = []

    async def announce() -> None:
        while not server.started:
            if server.should_exit:
                return
            await asyncio.sleep(0.02)
        port = server.bound_port or args.port
        public_host = lan[0] if lan else local
        config.public_url = f"http://{public_host}:{port}/"
        room = app.state.first_room
        if args.status_file:
            write_status_file(Path(args.status_file), {
                "url": f"http://{local}:{port}/", "join_code": room.join_code,
                "teacher_token": config.teacher_token, "admin_token": config.admin_token})
        _print_banner(config, local, port, lan, room.join_code)
        announced.set()

    async def main() -> None:
        task = asyncio.ensure_future(announce())
        try:
            await server.serve()
        finally:
            task.cancel()

    def serve() -> None:
        try:
            asyncio.run(main())
        except KeyboardInterrupt:
            pass
        except OSError as exc:
            failure.append(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")

    if args.no_window:
        serve()
    else:
        _serve_with_window(serve, server, app, announced)
    if args.status_file:
        try:
            os.unlink(args.status_file)
        except OSError:
            pass
    if failure:
        return _fail(failure[0])
    print("The class server has stopped. Every result is saved.")
    return 0


def _serve_with_window(serve, server, app, announced: threading.Event) -> None:
    """The server on a thread, the projector window on this (the main) thread; either ending stops both.

    Ctrl-C, SIGTERM and closing the window all stop the server; without a display the
    server runs on and the console says where the browser projector is.
    """
    thread = threading.Thread(target=serve, name="class-server", daemon=True)
    previous = signal.signal(signal.SIGTERM, lambda sig, frame: server.request_stop())
    thread.start()
    try:
        while not announced.wait(0.05):
            if not thread.is_alive():
                return
        how = _projector_window(app, server, thread)
        if how is None:
            print("  (no projector window here: open the projector link above in a browser on this computer, "
                  "or pass --no-window)", file=sys.stderr)
            while thread.is_alive():
                thread.join(0.5)
        elif how not in ("closed", "stopped"):
            print(how, file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.request_stop()
        thread.join(15)
        signal.signal(signal.SIGTERM, previous)


def _projector_window(app, server, thread: threading.Thread) -> str | None:
    """Run the projector window until it closes; None when no window can open here."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from ..ui.run import display_available

        if not display_available():
            return None
        from ..server.projector_link import ProjectorLink
        from ..ui.projector.window import NoWindow, run_projector
    except ImportError:
        return None
    link = ProjectorLink(app, server.loop)
    try:
        return run_projector(link, should_stop=lambda: bool(server.should_exit) or not thread.is_alive())
    except NoWindow:
        return None


def _print_banner(config, local: str, port: int, lan: list[str], join_code: str) -> None:
    addresses = [f"http://{ip}:{port}/" for ip in lan] or [f"http://{local}:{port}/"]
    print("Red Flags class server")
    print(f"  Students open   {addresses[0]}   and type the join code {join_code}")
    for other in addresses[1:]:
        print(f"        or        {other}")
    print(f"  Teacher page    {addresses[0]}teach#{config.teacher_token}")
    print(f"  Projector       http://{local}:{port}/projector#{config.teacher_token}")
    print("  If phones cannot open the address, the Wi-Fi may keep devices apart (guest networks do) or")
    print("  the firewall may block the port: the teacher can type a show-of-hands tally instead.")
    print("  Ctrl-C stops the server; nothing is lost.")
    sys.stdout.flush()
