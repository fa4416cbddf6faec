"""What a running class server is configured with.

``ServerConfig`` is built by the ``class`` command (or by a test) and handed
to ``app.create_app``. Routes read it as ``request.app.state.config``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..library import Library
from .security import new_token


@dataclass
class ServerConfig:
    """Everything a class server needs to know at start.

    library     the scenarios on offer (``--library DIR`` or the bundled one)
    data_dir    the embedded SQLite results store's folder (None: the default folder)
    database    a PostgreSQL URL instead of the SQLite store (``--database URL``)
    class_code  the class code of the first room and of results stored without one
    scenario    a scenario id the first room starts with (``--scenario ID``), or None
    admin_token opens more rooms (``POST /api/v1/rooms``)
    teacher_token  the first room's teacher token
    join_code   the first room's join code (None: a random one)
    public_url  the address students type ("http://192.168.1.20:8765/"); None: the request's own
    save        False: keep nothing in the results store (tests of the API shape)
    join_burst, join_rate          joins per client address: bucket size, refill per second
    bad_join_burst, bad_join_rate  wrong join codes per client address
    max_students                   students per room
    """

    library: Library
    data_dir: Path | None = None
    database: str | None = None
    class_code: str | None = None
    scenario: str | None = None
    admin_token: str = field(default_factory=new_token)
    teacher_token: str = field(default_factory=new_token)
    join_code: str | None = None
    public_url: str | None = None
    save: bool = True
    join_burst: float = 120.0
    join_rate: float = 2.0
    bad_join_burst: float = 10.0
    bad_join_rate: float = 0.2
    max_students: int = 200
    extra: dict[str, Any] = field(default_factory=dict)   # room for other features' settings

    def scenario_ids(self) -> list[str]:
        return [s.id for s in self.library.scenarios]
