"""`python main.py play SCENARIO [--text] ...` and the bare `python main.py`.

Turns the arguments into ``PlayOptions`` and hands over to ``game.play.sessions``
(the terminal) or ``game.ui.run`` (the window); nothing here plays by itself.
"""

from __future__ import annotations

import argparse
import io
import sys

from .. import safefile, stdio
from ..command_language import read_script
from ..model import Scenario
from ..play import sessions
from ..play.options import PlayOptions
from ..safetext import neutralise
from ..session import finish_writing, run_script_file


def add_parser(sub, common):
    p = sub.add_parser("play", parents=[common], help="play one scenario",
                       description="Play one scenario in the window, or in the terminal with --text.")
    p.add_argument("scenario", help="a scenario id from the library, or a path to a .yaml file")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--seed", type=seed_value, help="seed for message variants (default: random)")
    p.add_argument("--result-json", metavar="FILE", help="write the result record there at the end")
    p.add_argument("--script", metavar="FILE", help="read commands from FILE ('-' = standard input)")
    p.add_argument("--screenshot-dir", metavar="DIR", help="window: save a PNG after each scripted command")
    p.add_argument("--no-save", action="store_true", help="do not store this session in the results database")
    p.add_argument("--resume", action="store_true",
                   help="continue your most recent unfinished session of this scenario (after a crash or quit)")
    p.add_argument("--player", metavar="NAME", help="a nickname (never your real name)")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="your class code")
    return p


SEED_MIN, SEED_MAX = -(2 ** 63), 2 ** 63 - 1   # what the results store (a 64-bit integer) can keep


def seed_value(text: str) -> int:
    """``--seed``: a whole number the results store can keep (argparse turns ValueError into one line)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not SEED_MIN <= value <= SEED_MAX:
        raise argparse.ArgumentTypeError(f"'{text}' is out of range; a seed is from {SEED_MIN} to {SEED_MAX}")
    return value


def script_lines(name: str):
    """(line number, text) pairs from a script file or '-' for stdin.

    At most ``stdio.MAX_SCRIPT_BYTES`` are read. Raises OSError (unreadable, or standard
    input closed) or ValueError (too large, not UTF-8) with a one-line message.
    """
    if name == "-":
        if stdio.stream_closed(sys.stdin):
            raise OSError("standard input is closed")
        text = stdio.read_limited_text(getattr(sys.stdin, "buffer", sys.stdin), "standard input")
    else:
        with open(name, "rb") as handle:
            text = stdio.read_limited_text(handle, name)
    return list(read_script(io.StringIO(text)))


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
        except (OSError, ValueError) as exc:   # unreadable, too large or not UTF-8
            print(f"play: cannot read script '{args.script}': {getattr(exc, 'strerror', None) or exc}",
                  file=sys.stderr)
            return 2
    return run_window(PlayOptions.from_args(args), scenario=scenario, script=lines,
                      script_name=getattr(args, "script", None), screenshot_dir=getattr(args, "screenshot_dir", None))


def play_text(args, scenario: Scenario) -> int:
    from ..textui import play_interactive, play_script, watch_saving

    if args.screenshot_dir:
        print("note: --screenshot-dir only applies to the window; ignored with --text", file=sys.stderr)
    lines = None
    if args.script:
        try:
            lines = script_lines(args.script)
        except (OSError, ValueError) as exc:
            print(f"play: cannot read script '{args.script}': {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return 2
    options = PlayOptions.from_args(args)
    offer_resume = (not options.resume and lines is None and options.save
                    and sessions.unfinished(options, scenario_id=scenario.id, mine=True))
    try:
        session = sessions.start(scenario, options)
    except sessions.PlayError as exc:
        print(f"play: {exc}", file=sys.stderr)
        return 2
    if offer_resume and session.recorder is not None:
        print("(You have an unfinished chat of this scenario; add --resume to continue it.)")
    watch_saving(session)
    if lines is not None:
        return run_script_file(session, lines, args.script, play_script, args.result_json)
    play_interactive(session, read_line=stdio.read_line)   # closed stdin = end of input = quit
    offer_to_save_again(session)
    return finish_writing(session, args.result_json)


def offer_to_save_again(session) -> None:
    """At a keyboard: while the result is not stored, let the player free space and try again."""
    recorder = session.recorder
    keyboard = sys.stdin is not None and not stdio.stream_closed(sys.stdin) and sys.stdin.isatty()
    if recorder is None or not keyboard or recorder.settle(0.5):
        return
    from ..play import saving

    print(saving.not_saved_line(recorder.status()), file=sys.stderr)
    while True:
        try:
            answer = stdio.read_line("Free some space, then press Enter to try again (or type q to stop): ")
        except (EOFError, KeyboardInterrupt):
            return
        if answer.strip().lower() in ("q", "quit", "n", "no"):
            return
        if recorder.settle(1.0):
            print(saving.RECOVERED, file=sys.stderr)
            return


def identity_problem(args, command: str = "play") -> str | None:
    """The one-line reason why --player or --class is refused (the start screen's rule), or None.

    A nickname that looks like a real name is allowed but gets the reminder on standard error.
    """
    from ..results import identity

    for option, value, check in (("--player", args.player, identity.nickname_problem),
                                 ("--class", args.class_code, identity.new_class_code_problem)):
        problem = check(value)
        if problem:
            return f"{command}: {option} {neutralise(repr(value))}: {problem}"
    if identity.looks_like_real_name(args.player):
        print(f"{command}: '{args.player}' looks like a real name. Use a nickname, not your real name.",
              file=sys.stderr)
    return None


def run(args) -> int:
    problem = identity_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        scenario = sessions.load(args.scenario)
    except sessions.PlayError as exc:
        print(f"play: {exc}", file=sys.stderr)
        return 2
    if args.result_json:   # refused now, not after a whole chat
        reason = safefile.problem(args.result_json)
        if reason:
            print(f"play: cannot write --result-json '{args.result_json}': {reason}", file=sys.stderr)
            return 2
    if args.screenshot_dir and not args.text:
        reason = safefile.folder_problem(args.screenshot_dir)
        if reason:
            print(f"play: cannot save screenshots in --screenshot-dir '{args.screenshot_dir}': {reason}",
                  file=sys.stderr)
            return 2
    if args.resume and args.no_save:
        print("play: --resume continues a stored session; it cannot be combined with --no-save", file=sys.stderr)
        return 2
    if args.text:
        return play_text(args, scenario)
    return open_window(args, scenario)
