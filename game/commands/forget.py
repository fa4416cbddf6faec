"""`python main.py forget`: delete stored results for good, and set how long they are kept.

    python main.py forget --player NAME [--class CODE] [--yes]
    python main.py forget --class CODE [--yes]
    python main.py forget --retention DAYS|never
    python main.py forget --reset-pin

Deleting asks for confirmation (type ``yes``) unless ``--yes`` is given.
"""

from __future__ import annotations

import sys

from .. import stdio
from . import open_store


def add_parser(sub, common):
    p = sub.add_parser("forget", parents=[common], help="delete stored results for good",
                       description="Delete a player's or a class's stored sessions for good, "
                                   "or set how long results are kept.")
    p.add_argument("--player", metavar="NAME", help="the nickname whose sessions to delete (any case)")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="the class whose sessions to delete")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--retention", metavar="DAYS",
                   help="keep results this many days (default 365), or 'never' to keep them; "
                        "older sessions are deleted now and whenever the game starts")
    p.add_argument("--reset-pin", action="store_true",
                   help="remove the counsellor PIN (asks first); set a new one with 'pin set'")
    return p


def confirm(question: str) -> bool:
    """True when the user typed yes; raises stdio.NoAnswer when standard input is closed or empty."""
    try:
        answer = stdio.ask(question)
    except KeyboardInterrupt:
        return False
    return answer.strip().lower() in ("yes", "y")


NO_ANSWER = ("forget: nobody can answer the question (standard input is closed or empty); "
             "nothing was deleted. Add --yes to delete without asking.")


def run(args) -> int:
    from ..results import forget, identity, pin, report_files, retention

    wants_delete = bool(identity.clean_nickname(args.player) or identity.clean_class_code(args.class_code))
    if not (wants_delete or args.retention or args.reset_pin):
        print("forget: say what to forget: --player NAME, --class CODE (or both), "
              "--retention DAYS, or --reset-pin", file=sys.stderr)
        return 2
    days = None
    if args.retention:
        try:
            days = retention.parse_days(args.retention)
        except ValueError as exc:
            print(f"forget: {exc}", file=sys.stderr)
            return 2
    store = open_store(args, "forget")
    if store is None:
        return 1
    with store:
        if args.retention:
            retention.set_days(store, days)
            gone = retention.purge_expired(store, force=True)
            kept = "forever" if days is None else f"for {days} days"
            print(f"Results are now kept {kept}; {gone} older session{'s' if gone != 1 else ''} deleted.")
        if args.reset_pin:
            try:
                agreed = args.yes or confirm("Remove the counsellor PIN? Anyone could then set a new one at a "
                                             "terminal. Type yes to remove it:")
            except stdio.NoAnswer:
                print(NO_ANSWER.replace("nothing was deleted", "the PIN was kept"), file=sys.stderr)
                return 1
            if not agreed:
                print("The PIN was kept.", file=sys.stderr)
                return 1
            pin.clear_pin(store)
            print(f"The counsellor PIN was removed; set a new one with: {pin.SET_HINT}")
        if wants_delete:
            plan = forget.plan(store, player=args.player, class_code=args.class_code)
            if not plan.count:
                print(f"Nothing stored for {plan.who()}.")
                return 0
            try:
                agreed = args.yes or confirm(
                    f"Delete {plan.describe()} for good? This cannot be undone. Type yes to delete:")
            except stdio.NoAnswer:
                print(NO_ANSWER, file=sys.stderr)
                return 1
            if not agreed:
                print("Nothing was deleted.", file=sys.stderr)
                return 1
            done = forget.run(store, plan)
            print(done.describe(plan.checks))
            if any(o.action == report_files.UNREACHABLE for o in done.files):
                return 1
    return 0
