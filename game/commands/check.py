"""`python main.py check [--form A|B] [--phase pre|post|followup] [--text] [--script FILE] ...`.

The discernment check (prepost.md) in the terminal, or in the window without
--text. The form and phase default to game.checks.schedule's rules for this
player; the check is stored in the results store (unless --no-save) and the
record goes to --result-json. Never required: `skip` any item, `quit` at any
time.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from ..checks import words
from ..checks.library import FormError, load_forms
from ..checks.model import Form, Item
from ..checks.schedule import History, default_form, default_phase
from ..checks.script import ScriptError, parse
from ..checks.session import PHASES, CheckSession
from ..diagnostics import one_line


def add_parser(sub, common):
    p = sub.add_parser("check", parents=[common], help="the short before/after check: red flag or safe?",
                       description="The discernment check: 16 short chats, each a red flag or safe, and how sure "
                                   "you are. Never required; skip any item.")
    p.add_argument("--form", metavar="A|B", help="which form (default: the one this player has not taken yet)")
    p.add_argument("--phase", choices=PHASES, help="default: pre before your first chat, post after")
    p.add_argument("--text", action="store_true", help="take it in the terminal")
    p.add_argument("--script", metavar="FILE", help="read answers from FILE ('-' = standard input): "
                                                   "one line per item, 'red N', 'safe N' (N = 1-4) or 'skip'")
    p.add_argument("--player", metavar="NAME", help="a nickname (never your real name)")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="your class code")
    p.add_argument("--result-json", metavar="FILE", help="write the check's record there at the end")
    p.add_argument("--no-save", action="store_true", help="do not store this check in the results database")
    p.add_argument("--post-after", type=int, metavar="N",
                   help="for teachers: offer the after-playing check once a player has finished N chats "
                        "on this device or database (default 5), then stop")
    return p


def set_post_after(args) -> int:
    from ..checks import storage
    from . import open_store

    store = open_store(args, "check")
    if store is None:
        return 1
    with store:
        try:
            storage.set_post_after(store, args.post_after)
        except ValueError as exc:
            return _fail(str(exc))
    print(f"The after-playing check is now offered after {args.post_after} chat{'s' if args.post_after != 1 else ''}.")
    return 0


def _fail(message: str) -> int:
    print(f"check: {message}", file=sys.stderr)
    return 2


def show_item(item: Item, number: int, total: int, out=None) -> None:
    out = out or sys.stdout
    print(f"\n[{number}/{total}] {words.PLATFORMS.get(item.platform, item.platform)}", file=out)
    for line in item.lines:
        print(f"  {words.SPEAKERS[line.speaker]}: {one_line(line.text)}", file=out)


def run_script_lines(session: CheckSession, lines: list[tuple[int, str]]) -> None:
    """Feed script lines to the session; ScriptError names the line."""
    for number, text in lines:
        try:
            command = parse(text)
        except ScriptError as exc:
            raise ScriptError(f"line {number}: {exc}") from None
        if command is None:
            continue
        if session.done:
            raise ScriptError(f"line {number}: the check is over ({session.total} items)")
        if session.item is not None:
            show_item(session.item, session.number, session.total)
            print(f"> {text.strip()}")
        session.apply(command)


def run_interactive(session: CheckSession, read=None) -> None:
    read = read or input
    print(f"{words.TITLE}\n{words.INTRO[session.phase]}\n{words.NOT_A_TEST}\n{words.TERMINAL_HELP}")
    while not session.done:
        item = session.item
        assert item is not None
        show_item(item, session.number, session.total)
        while True:
            try:
                text = read(f"{words.QUESTION} {words.HOW_SURE} > ")
            except EOFError:
                session.quit()
                break
            try:
                command = parse(text)
            except ScriptError as exc:
                print(exc)
                continue
            if command is None:
                print(words.TERMINAL_HELP)
                continue
            session.apply(command)
            break


def run(args) -> int:
    if args.post_after is not None:
        return set_post_after(args)
    try:
        forms = load_forms()
    except FormError as exc:
        return _fail(f"the check's forms have an error: {exc}")
    if args.form is not None and args.form.upper() not in forms:
        return _fail(f"no form '{args.form}' (forms: {', '.join(sorted(forms))})")
    if args.result_json and not Path(args.result_json).resolve().parent.is_dir():
        return _fail(f"the folder for --result-json '{args.result_json}' does not exist")
    lines = None
    if args.script:
        try:
            if args.script == "-":
                lines = list(enumerate(sys.stdin.read().splitlines(), 1))
            else:
                lines = list(enumerate(Path(args.script).read_text(encoding="utf-8").splitlines(), 1))
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"cannot read script '{args.script}': {getattr(exc, 'strerror', None) or exc}")

    store = None if args.no_save else _open_store(args)
    now = time.time()
    history = _history(store, args) if store is not None else History()
    form: Form = forms[args.form.upper()] if args.form else forms[default_form(history, tuple(sorted(forms)))]
    phase = args.phase or default_phase(history, now)
    if not args.text and lines is None:
        if store is not None:
            store.close()           # the window opens the store itself when the check ends
        return _window(args, form, phase)

    session = CheckSession(form, phase)
    status = 0
    if lines is not None:
        try:
            run_script_lines(session, lines)
        except ScriptError as exc:
            print(f"{args.script}: {exc}", file=sys.stderr)
            status = 2
        if not session.done:
            session.quit()      # end of the script before the last item: stored as incomplete
    else:
        run_interactive(session)
    record = session.record()
    before = _save(store, args, form, record, now) if store is not None else None
    if status == 0 and args.result_json:
        Path(args.result_json).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print()
    print(words.THANKS if session.complete else words.THANKS_PARTLY)
    change = words.improvement(before, record) if phase != "pre" else ""
    if change:
        print(change)
    return status


def _window(args, form: Form, phase: str) -> int:
    """The check in the game window; it closes when the player presses Continue at the end."""
    try:
        from ..play.options import PlayOptions
        from ..ui.run import display_available, open_app
        from ..ui.screens.check import CheckScreen
    except ModuleNotFoundError as exc:
        return _fail(f"the game window needs {exc.name}; take the check in the terminal with --text")
    app = open_app(PlayOptions.from_args(args)) if display_available() else None
    if app is None:
        return _fail("no display is available for the game window; take the check with --text")
    app.player, app.class_code = args.player, args.class_code
    try:
        app.show_start()
        app.push(CheckScreen(app, CheckSession(form, phase), on_done=app.quit))
        return int(app.run() or 0)
    finally:
        app.close()


def _open_store(args):
    from . import open_store

    store = open_store(args, "check")
    if store is None:
        print("check: this check will not be stored", file=sys.stderr)
    return store


def _history(store, args) -> History:
    from ..checks import storage
    from ..results.db import ERRORS

    try:
        return storage.history(store, player=args.player, class_code=args.class_code)
    except ERRORS as exc:
        print(f"check: cannot read earlier checks: {str(exc).splitlines()[0]}", file=sys.stderr)
        return History()


def _save(store, args, form: Form, record: dict, now: float):
    """Store the check; returns the player's earlier check to compare with (or None)."""
    from ..checks import storage
    from ..results.db import ERRORS

    try:
        with store:
            before = None
            if args.player:
                before = storage.earlier_check(storage.rows(store, player=args.player, class_code=args.class_code,
                                                    school=store.school), now)
            storage.save(store, record, form_sha256=form.sha256, player=args.player,
                         class_code=args.class_code, taken_at=now)
            return before
    except ERRORS as exc:
        print(f"check: could not store the check: {str(exc).splitlines()[0]}", file=sys.stderr)
        return None
