"""Red Flags: a game that teaches teenagers to recognise online grooming.

The core (everything in this package except `game.ui`) imports no pygame, so
the terminal front end, the tests and the counsellor reports run anywhere.
"""

__version__ = "1.0.0"
