"""What a scenario's picture is, read from its header without decoding it.

Pictures come with scenario files from other schools. A tiny PNG that
declares 1 x 1,000,000 pixels, an SVG with a huge canvas or a photo of
20,000 x 20,000 pixels can crash the window natively or use gigabytes while
it is decoded or scaled. So before anything decodes a picture, its header is
read (at most ``HEADER_BYTES``) and the picture is refused unless:

* its format is one of ``FORMATS`` (PNG, JPEG, GIF), recognised by its bytes,
  not by its name;
* the file is at most ``MAX_FILE_BYTES``;
* each side is between 1 and ``MAX_SIDE`` pixels, the area at most
  ``MAX_PIXELS`` and the longer side at most ``MAX_ASPECT`` times the shorter.

The validator reports a refused picture as RF110 and the window shows a
placeholder instead. No pygame here: the core and every front end use it.
"""

from __future__ import annotations

import functools
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("PNG", "JPEG", "GIF")
HEADER_BYTES = 64 * 1024        # a JPEG's size can sit behind large metadata blocks
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_SIDE = 4096
MAX_PIXELS = 4096 * 4096
MAX_ASPECT = 20

_PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class PictureInfo:
    format: str
    width: int
    height: int


class PictureProblem(ValueError):
    """Why a picture is refused, in one line."""


def _png(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise PictureProblem("the PNG header is damaged")
    return struct.unpack(">II", data[16:24])


def _gif(data: bytes) -> tuple[int, int]:
    if len(data) < 10:
        raise PictureProblem("the GIF header is damaged")
    return struct.unpack("<HH", data[6:10])


def _jpeg(data: bytes) -> tuple[int, int]:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise PictureProblem("the JPEG header is damaged")
        marker = data[i + 1]
        if marker == 0xFF:          # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:   # markers without a length
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if length < 2:
            raise PictureProblem("the JPEG header is damaged")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):   # start of frame
            if i + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise PictureProblem(f"no picture size in the first {HEADER_BYTES // 1024} KiB of the JPEG")


def sniff(data: bytes) -> str | None:
    """The format the first bytes say, or None."""
    if data.startswith(_PNG):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    return None


def _other_format(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<svg", b"<?xml")) or b"<svg" in head:
        return "SVG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[:2] == b"BM":
        return "BMP"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    return "an unknown format"


def read_header(path: str | os.PathLike) -> PictureInfo:
    """Format and size of the picture at ``path``, never decoding it; raises PictureProblem."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise PictureProblem(f"cannot read the file: {exc.strerror or exc}") from None
    with open(fd, "rb", buffering=0) as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise PictureProblem("it is not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise PictureProblem(f"the file is {st.st_size:,} bytes; pictures are at most {MAX_FILE_BYTES:,}")
        try:
            data = handle.read(HEADER_BYTES)
        except OSError as exc:
            raise PictureProblem(f"cannot read the file: {exc.strerror or exc}") from None
    kind = sniff(data)
    if kind is None:
        raise PictureProblem(f"it is {_other_format(data)}; pictures must be {', '.join(FORMATS)}")
    width, height = {"PNG": _png, "JPEG": _jpeg, "GIF": _gif}[kind](data)
    return PictureInfo(kind, width, height)


def size_problem(width: int, height: int) -> str | None:
    """Why a picture of this size is refused, or None."""
    if width < 1 or height < 1:
        return f"it declares {width} x {height} pixels"
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        return f"it is {width:,} x {height:,} pixels; pictures are at most {MAX_SIDE} x {MAX_SIDE}"
    if max(width, height) > MAX_ASPECT * min(width, height):
        return (f"it is {width:,} x {height:,} pixels, more than {MAX_ASPECT} times as long one way "
                "as the other")
    return None


def problem(path: str | os.PathLike) -> str | None:
    """Why the picture at ``path`` must not be decoded, or None when it is safe to."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    return _problem(str(path), st.st_mtime_ns, st.st_size, st.st_ino)


@functools.lru_cache(maxsize=512)
def _problem(path: str, mtime_ns: int, size: int, inode: int) -> str | None:
    """``problem`` for one version of a file (a front end asks again at every layout)."""
    try:
        info = read_header(Path(path))
    except PictureProblem as exc:
        return str(exc)
    return size_problem(info.width, info.height)


def fit(width: int, height: int, max_w: int, max_h: int, *, upscale: bool = False) -> tuple[int, int]:
    """The size to scale a (checked) picture to inside ``max_w`` x ``max_h``: never 0, never larger
    than the box, and only larger than the picture with ``upscale``."""
    width, height = max(1, width), max(1, height)
    max_w, max_h = max(1, max_w), max(1, max_h)
    scale = min(max_w / width, max_h / height)
    if not upscale:
        scale = min(scale, 1.0)
    return max(1, min(max_w, round(width * scale))), max(1, min(max_h, round(height * scale)))
