"""Hostile and harmless picture files for the picture tests, made byte by byte (no decoder needed)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width: int, height: int) -> bytes:
    """A real, decodable greyscale PNG of that size (all black; compresses to almost nothing)."""
    raw = (b"\x00" + b"\x00" * width) * height
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares a size and holds no picture data."""
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IEND", b""))


SVG_HUGE = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200000" height="200000">'
            b'<rect width="200000" height="200000"/></svg>\n')

# name -> bytes; every one must be refused before it is decoded
HOSTILE = {
    "one-pixel-wide-very-tall.png": lambda: png(1, 60000),
    "very-wide-one-pixel-tall.png": lambda: png(60000, 1),
    "huge-declared.png": lambda: png_header_only(1_000_000, 1_000_000),
    "zero-width.png": lambda: png_header_only(0, 10),
    "large-photo.png": lambda: png(6000, 6000),
    "huge-canvas.svg.png": lambda: SVG_HUGE,
    "huge-canvas.svg": lambda: SVG_HUGE,
    "text-renamed.png": lambda: b"this is not a picture\n",
    "truncated.png": lambda: b"\x89PNG\r\n\x1a\n\x00\x00",
    "webp-renamed.png": lambda: b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 16,
}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
