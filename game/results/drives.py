"""Where the counsellor view looks for a USB stick: removable drives, and the device's own bundle folder.

``bundle_folders(data_dir)`` lists folders to write bundles to and read
bundles from, the device's own ``<data folder>/bundles`` first, then every
mounted removable drive it can see:

- Linux: the folders inside ``/media/<user>/`` and ``/run/media/<user>/``
  (where desktops mount USB sticks), and ``/media/<name>`` itself;
- macOS: ``/Volumes/<name>`` except the start-up disk;
- Windows: drive letters D: to Z: that exist (which of them are removable
  is not known without the Windows API; a network drive shows too).

``REDFLAGS_BUNDLE_DIRS`` (folders separated by ``os.pathsep``) replaces the
drives (a school's own share; tests). Nothing here writes.
"""

from __future__ import annotations

import os
import string
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".rfbundle"


@dataclass(frozen=True)
class Folder:
    path: Path
    label: str            # what the counsellor reads: "USB drive KINGSTON", "this computer"
    removable: bool


def _children(parent: Path) -> list[Path]:
    try:
        return sorted(p for p in parent.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def _linux_drives() -> Iterable[Path]:
    for base in (Path("/media"), Path("/run/media")):
        for child in _children(base):
            inner = _children(child)
            # /media/<user>/<drive>; some systems mount at /media/<drive> directly
            if inner and not os.path.ismount(child):
                yield from (p for p in inner if os.path.ismount(p))
            elif os.path.ismount(child):
                yield child


def _mac_drives() -> Iterable[Path]:
    for child in _children(Path("/Volumes")):
        try:
            if child.resolve() != Path("/"):
                yield child
        except OSError:
            continue


def _windows_drives() -> Iterable[Path]:
    for letter in string.ascii_uppercase[3:]:
        root = Path(f"{letter}:\\")
        if root.exists():
            yield root


def removable_drives() -> list[Path]:
    extra = os.environ.get("REDFLAGS_BUNDLE_DIRS")
    if extra is not None:
        return [Path(p) for p in extra.split(os.pathsep) if p]
    if sys.platform.startswith("win"):
        return list(_windows_drives())
    if sys.platform == "darwin":
        return list(_mac_drives())
    return list(_linux_drives())


def bundle_folders(data_dir: str | os.PathLike[str] | None) -> list[Folder]:
    own = Path(data_dir or ".") / "bundles"
    out = [Folder(own, "this computer's bundle folder", False)]
    for d in removable_drives():
        if d.is_dir():
            out.append(Folder(d, f"drive {d.name or str(d)}", True))
    return out


def bundles_in(folder: Path) -> list[Path]:
    """The bundle files at the top of ``folder`` (newest first); none when it cannot be read."""
    try:
        found = [p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (-_mtime(p), p.name))


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0
