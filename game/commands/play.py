"""`python main.py play SCENARIO [--text] ...` and the bare `python main.py`.

Turns the arguments into ``PlayOptions`` and hands over to ``game.play.sessions``
(the terminal) or ``game.ui.run`` (the window); nothing here plays by itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..command_language import read_script
from ..model import Scenario
from ..play import sessions
from ..play.options import PlayOptions
from ..session import run_script_file


def add_parser(sub, common):
    p = sub.add_parser("play", parents=[common], help="play one scenario",
                       description="Play one scenario in the window, or in the terminal with --text.")
    p.add_argument("scenario", help="a scenario id from the library, or a path to a .yaml file")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--seed", type=int, help="seed for message variants (default: random)")
    p.add_argument("--result-json", metavar="FILE", help="write the result record there at the end")
    p.add_argument("--script", metavar="FILE", help="read commands from FILE ('-' = standard input)")
    p.add_argument("--screenshot-dir", metavar="DIR", help="window: save a PNG after each scripted command")
    p.add_argument("--no-save", action="store_true", help="do not store this session in the results database")
    p.add_argument("--resume", action="store_true",
                   help="continue your most recent unfinished session of this scenario (after a crash or quit)")
    p.add_argument("--player", metavar="NAME", help="a nickname (never your real name)")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="your class code")
    return p


def script_lines(name: str):
    """(line number, text) pairs from a script file or '-' for stdin; raises OSError."""
    if name == "-":
        return list(read_script(sys.stdin))
    with open(name, encoding="utf-8") as handle:
        return list(read_script(handle))


def open_window(args, scenario: Scenario | None = None) -> int:
    """The game window: the chat for the scenario if given, else the start screen."""
    try:
        from ..ui.run import run_window
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygame", "pygame_gui"):
            print(f"The game window needs {exc.name} (pip install -r requirements.txt); "
                  "or play in the terminal with --text.", file=sys.stderr)
            return 2
        raise
    lines = None
    if scenario is not None and args.script:
        try:
            lines = script_lines(args.script)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"play: cannot read script '{args.script}': {getattr(exc, 'strerror', None) or exc}",
                  file=sys.stderr)
            return 2
    return run_window(PlayOptions.from_args(args), scenario=scenario, script=lines,
                      script_name=getattr(args, "script", None), screenshot_dir=getattr(args, "screenshot_dir", None))


def play_text(args, scenario: Scenario) -> int:
    from ..textui import play_interactive, play_script

    if args.screenshot_dir:
        print("note: --screenshot-dir only applies to the window; ignored with --text", file=sys.stderr)
    lines = None
    if args.script:
        try:
            lines = script_lines(args.script)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"play: cannot read script '{args.script}': {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return 2
    options = PlayOptions.from_args(args)
    offer_resume = (not options.resume and lines is None and options.save
                    and sessions.unfinished(options, scenario_id=scenario.id, player=options.player))
    try:
        session = sessions.start(scenario, options)
    except sessions.PlayError as exc:
        print(f"play: {exc}", file=sys.stderr)
        return 2
    if offer_resume and session.recorder is not None:
        print("(You have an unfinished chat of this scenario; add --resume to continue it.)")
    if lines is not None:
        return run_script_file(session, lines, args.script, play_script, args.result_json)
    play_interactive(session)
    session.finish(args.result_json)
    return 0


def run(args) -> int:
    try:
        scenario = sessions.load(args.scenario)
    except sessions.PlayError as exc:
        print(f"play: {exc}", file=sys.stderr)
        return 2
    if args.result_json and not Path(args.result_json).resolve().parent.is_dir():
        print(f"play: the folder for --result-json '{args.result_json}' does not exist", file=sys.stderr)
        return 2
    if args.resume and args.no_save:
        print("play: --resume continues a stored session; it cannot be combined with --no-save", file=sys.stderr)
        return 2
    if args.text:
        return play_text(args, scenario)
    return open_window(args, scenario)
