"""The command line of cli.md: `python main.py [COMMAND] ...`.

Each command lives in game.commands.<name> with `add_parser(subparsers)`
and `run(args) -> int`. With no command the game window opens on the
scenario picker. Bad input gets a one-line message and exit status 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import stdio

COMMANDS = ("play", "list", "validate", "graph", "report", "forget", "check", "export", "import", "class", "pin")
# A command whose name is not a valid module name lives in another module.
MODULE_OF = {"class": "classroom"}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's default is fine, but keep it to one line and exit 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def common_options(top_level: bool = False) -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command name."""
    parent = argparse.ArgumentParser(add_help=False)
    # After the command name the option must not reset a value given before it.
    default = None if top_level else argparse.SUPPRESS
    parent.add_argument("--data-dir", metavar="DIR", default=default,
                        help="where results and settings are kept "
                             "(default: $REDFLAGS_DATA_DIR or the user data folder)")
    parent.add_argument("--database", metavar="URL", default=default,
                        help="keep results in this PostgreSQL database (postgresql://user@host:port/db) "
                             "instead of the embedded file; default: $REDFLAGS_DATABASE")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Red Flags: learn to spot online grooming, safely.",
                     parents=[common_options(top_level=True)])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"game.commands.{MODULE_OF.get(name, name)}").add_parser(sub, common_options())
    return parser


def _needs_stdout(args) -> bool:
    """Whether the command's purpose is what it prints on standard output."""
    if args.command in ("list", "graph", "validate"):
        return True
    if args.command == "play":
        return bool(getattr(args, "text", False))
    if args.command == "report":
        return getattr(args, "out", None) in (None, "-")
    return False


def _silence(name: str) -> None:
    setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process


#: commands that read stored rows; a row they cannot read is one line, not a traceback
STORE_READERS = ("report", "forget", "export", "import", "pin")


def main(argv: list[str] | None = None) -> int:
    if stdio.stream_closed(sys.stderr):
        _silence("stderr")
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "database", None):
        if getattr(args, "data_dir", None):
            parser.error("give --data-dir DIR (the embedded store) or --database URL, not both")
        from .results import location
        location.use_database(args.database)
    if stdio.stream_closed(sys.stdout):
        if _needs_stdout(args):
            print(f"main.py {args.command}: standard output is closed, so there is nowhere to show the "
                  "output; run it with output to a terminal or a file", file=sys.stderr)
            return 2
        _silence("stdout")   # nothing to show: stray prints must not fail
    try:
        if args.command is None:
            from .commands.play import open_window
            code = open_window(args)
        else:
            module = importlib.import_module(f"game.commands.{MODULE_OF.get(args.command, args.command)}")
            code = module.run(args)
        try:
            sys.stdout.flush()   # a full disk or a vanished terminal shows up here, not at exit
        except OSError:
            if code == 0:
                raise
            _silence("stdout")   # the command has already said what went wrong
        return code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:   # `... | head`: the reader has all it wanted
        _silence("stdout")
        return 0
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        if args.command not in STORE_READERS:
            raise
        # A row edited by hand (text where a number belongs, an event that is not JSON): one line.
        print(f"main.py {args.command}: the results store holds a row this game cannot read "
              f"({type(exc).__name__}: {str(exc)[:120]}); it may have been edited by hand. Nothing was changed",
              file=sys.stderr)
        return 1
    except OSError as exc:   # writing the output failed (a full disk, an I/O error)
        _silence("stdout")
        where = f" '{exc.filename}'" if exc.filename else " standard output"
        print(f"main.py {args.command or ''}: cannot write{where}: {exc.strerror or exc}".replace("  ", " "),
              file=sys.stderr)
        return 1
