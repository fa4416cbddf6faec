"""Red Flags: start the game (`python main.py`) or one of its commands (`python main.py --help`)."""

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - said in one line on an older Python, before any import fails
    sys.exit("Red Flags needs Python 3.11 or newer.")

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
