"""`python main.py pin set|status`: the counsellor PIN, set only on purpose at a terminal.

    python main.py pin set       choose the PIN (typed twice, not shown)
    python main.py pin status    whether a PIN is set on this device

The counsellor view in the window never lets the first visitor choose the
PIN: at a shared computer that could be any student. It says to run
``python main.py pin set`` instead. Without a terminal the two lines are read
from standard input (for a school's install script).
"""

from __future__ import annotations

import getpass
import sys

from .. import stdio
from . import open_store


def add_parser(sub, common):
    p = sub.add_parser("pin", parents=[common], help="set the counsellor PIN",
                       description="Set the PIN that guards the counsellor view on this device.")
    p.add_argument("action", choices=("set", "status"), help="set: choose the PIN; status: is one set?")
    return p


def _read_pin(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return stdio.ask(prompt).strip()


def run(args) -> int:
    from ..results import pin

    store = open_store(args, "pin")
    if store is None:
        return 1
    with store:
        if args.action == "status":
            print("A counsellor PIN is set." if pin.is_set(store) else
                  f"No counsellor PIN is set; choose one with: {pin.SET_HINT}")
            return 0
        try:
            first = _read_pin("New counsellor PIN (4 to 12 digits):")
            problem = pin.pin_problem(first)
            if problem:
                print(f"pin: {problem}; nothing was changed", file=sys.stderr)
                return 2
            if _read_pin("The same PIN again:") != first:
                print("pin: the two PINs are not the same; nothing was changed", file=sys.stderr)
                return 2
        except (stdio.NoAnswer, EOFError, KeyboardInterrupt):
            print("pin: no PIN was typed; nothing was changed", file=sys.stderr)
            return 1
        was_set = pin.is_set(store)
        pin.set_pin(store, first)
        pin.Throttle(store=store).record(True)   # a new PIN starts with no wrong guesses
    print("The counsellor PIN was changed." if was_set else "The counsellor PIN is set.")
    return 0
