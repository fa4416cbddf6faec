"""``PlayOptions``: how one session is played, the same value for every front end.

The command line builds it from its arguments, the window from the start
screen's nickname and class code, the class server from a join request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PlayOptions:
    seed: int | None = None            # seed for message variants; None = random
    player: str | None = None          # a nickname, never a real name
    class_code: str | None = None
    save: bool = True                  # store the session in the results database
    data_dir: str | os.PathLike[str] | None = None   # --data-dir (None: $REDFLAGS_DATA_DIR or the user folder)
    database: str | None = None        # --database URL (a PostgreSQL server); None: the SQLite file
    result_json: str | os.PathLike[str] | None = None  # write the result record here at the end
    resume: bool = False               # continue the newest unfinished session of the scenario
    background_writes: bool = False    # commit events in a writer thread (the window: no frame waits on a disk)

    def with_(self, **changes: Any) -> PlayOptions:
        """A copy with some fields changed."""
        return replace(self, **changes)

    @classmethod
    def from_args(cls, args: Any) -> PlayOptions:
        """From parsed command-line arguments (any object with some of the attributes)."""
        return cls(seed=getattr(args, "seed", None), player=getattr(args, "player", None),
                   class_code=getattr(args, "class_code", None), save=not getattr(args, "no_save", False),
                   data_dir=getattr(args, "data_dir", None), database=getattr(args, "database", None),
                   result_json=getattr(args, "result_json", None), resume=bool(getattr(args, "resume", False)))

    def result_path(self) -> Path | None:
        return Path(self.result_json) if self.result_json else None
