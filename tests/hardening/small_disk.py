"""Real full and read-only filesystems for the save-failure tests (a small tmpfs, mounted as root).

``SmallDisk(path)`` mounts a tmpfs there; ``fill()`` writes a filler file
until the disk is really full (ENOSPC from the kernel), ``free()`` deletes it
("space comes back"); ``read_only()`` / ``writable()`` remount it. Tests skip
(with the reason) where mounting is not allowed.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SIZE = "8m"


def can_mount() -> str | None:
    """None when tmpfs can be mounted here, else the reason."""
    if os.geteuid() != 0:
        return "mounting a small filesystem needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


class SmallDisk:
    def __init__(self, path: Path, size: str = SIZE) -> None:
        self.path = path
        self.size = size
        self.filler = path / "filler.bin"

    def mount(self) -> SmallDisk:
        self.path.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size}", "tmpfs", str(self.path)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
        return self

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)

    def fill(self) -> None:
        """Write until the kernel says the disk is full."""
        chunk = b"\0" * 4096
        with open(self.filler, "ab", buffering=0) as handle:
            while True:
                try:
                    handle.write(chunk)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
        # a few bytes more can sometimes squeeze in; make sure not even one block is left
        assert os.statvfs(self.path).f_bavail == 0

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def _remount(self, mode: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{mode}", str(self.path)], check=True, capture_output=True)

    def read_only(self) -> None:
        self._remount("ro")

    def writable(self) -> None:
        self._remount("rw")


@pytest.fixture
def small_disk(tmp_path):
    reason = can_mount()
    if reason:
        pytest.skip(reason)
    disk = SmallDisk(tmp_path / "disk").mount()
    try:
        yield disk
    finally:
        disk.unmount()
