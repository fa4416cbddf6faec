"""Writing the files a user names on the command line, without harming anything else.

Reports (``report --out``), result records (``play --result-json``) and
screenshots (``--screenshot-dir``) are written atomically: to a temporary
file in the same folder, then renamed over the target, so a half-written file
never exists. A rename *replaces* whatever has that name, so it is only ever
done to a regular file (or a name that does not exist yet). Anything else is
never replaced:

* a FIFO or a character device (``/dev/null``, ``/dev/stdout``, a terminal)
  is written in place, as a shell redirection would;
* a directory, a socket or a block device is refused with a one-line
  reason (``OutputError``).

Check a target with ``problem`` before a long task (a whole chat) so a bad
name is refused at the start, not after the work is done.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


class OutputError(OSError):
    """A file name that cannot be written; ``str()`` is one line for the user."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    return "not a regular file"


def problem(path: str | os.PathLike) -> str | None:
    """Why ``path`` cannot be written as an output file, or None when it can."""
    path = Path(path)
    try:
        st = path.stat()   # follows symbolic links: what matters is what they point at
    except FileNotFoundError:
        parent = path.resolve().parent
        if not parent.is_dir():
            return f"the folder '{parent}' does not exist"
        if not os.access(parent, os.W_OK | os.X_OK):
            return f"the folder '{parent}' cannot be written to"
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISREG(st.st_mode):
        if not os.access(path, os.W_OK) or not os.access(path.resolve().parent, os.W_OK | os.X_OK):
            return "it cannot be written to"
        return None
    if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        return None
    return f"it is {_kind(st.st_mode)}"


def _write_in_place(path: Path, data: bytes) -> None:
    """A FIFO or character device: open it for writing (never create or replace it)."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:   # a FIFO nobody reads: it would block for ever
            raise OutputError(f"'{path}' is a pipe that no program is reading from") from None
        raise
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path``: atomically for a regular file, in place for a FIFO or device.

    Raises OutputError (refused: a folder, a socket, a disk) or OSError (the write failed).
    """
    path = Path(path)
    reason = problem(path)
    if reason:
        raise OutputError(f"cannot write '{path}': {reason}")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(path, data)
        return
    with _replacing(path, mode, "wb") as fh:
        fh.write(data)


@contextlib.contextmanager
def open_text(path: str | os.PathLike) -> Iterator[IO[str]]:
    """A text file to stream into: ``write_bytes``'s rules, for output too big to hold in memory.

    A regular file (or a new name) is written to a temporary file renamed over it at the end
    (not at all when the block raises); a FIFO or character device is written in place.
    """
    path = Path(path)
    reason = problem(path)
    if reason:
        raise OutputError(f"cannot write '{path}': {reason}")
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        buffer = io.StringIO()
        yield buffer
        _write_in_place(path, buffer.getvalue().encode("utf-8"))
        return
    with _replacing(path, mode, "w", encoding="utf-8", newline="") as fh:
        yield fh


@contextlib.contextmanager
def _replacing(path: Path, mode: int | None, open_mode: str, **open_args: Any) -> Iterator[IO[Any]]:
    """A temporary file beside ``path``, synced and renamed over it when the block ends.

    When the block raises, the temporary file is removed and ``path`` is left as it was.
    """
    target = path.resolve()   # a symbolic link keeps pointing at the (new) file
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, open_mode, **open_args) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _set_mode(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _set_mode(tmp: str, mode: int | None) -> None:
    if mode is not None:
        os.chmod(tmp, stat.S_IMODE(mode))   # a replaced report keeps its permissions
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)       # as a plain open() would have made it


def write_text(path: str | os.PathLike, text: str) -> None:
    """``write_bytes`` of UTF-8 text (newlines as given)."""
    write_bytes(path, text.encode("utf-8"))


def folder_problem(path: str | os.PathLike) -> str | None:
    """Why ``path`` cannot be used as an output folder (it may not exist yet), or None."""
    path = Path(path)
    probe = path
    while not probe.exists():
        if probe.is_symlink():
            return f"'{probe}' is a symbolic link to nothing"
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        return f"'{probe}' is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"the folder '{probe}' cannot be written to"
    return None
