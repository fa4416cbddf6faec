"""Silence the C libraries' chatter on stderr while probing for a display or a sound card."""
from __future__ import annotations

import contextlib
import os


@contextlib.contextmanager
def quiet_stderr():
    """Silence C-level writes to stderr (file descriptor 2) for a moment."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
