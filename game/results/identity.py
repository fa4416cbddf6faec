"""Who played: a nickname and a class code, both optional, never real names.

The player types them; nothing else identifies a person. Nicknames keep the
spelling the player chose and are matched without regard to case; class
codes are upper-cased. Control characters are removed and lengths capped so a
typed value can never break a report or a spreadsheet.
"""

from __future__ import annotations

import re
import unicodedata

REAL_NAME_REMINDER = (
    "Use a nickname, not your real name. Your teacher or counsellor gives you "
    "the class code.")

MAX_NICKNAME = 32
MAX_CLASS_CODE = 16

_SPACES = re.compile(r"\s+")
_CLASS_OK = re.compile(r"[A-Z0-9][A-Z0-9._-]*")
# Two or more capitalised words ("Anna Smith") look like a real name.
_REAL_NAME = re.compile(r"^[A-Z][a-z'\u00C0-\u024F-]+(?: [A-Z][a-z'\u00C0-\u024F-]+)+$")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return _SPACES.sub(" ", text).strip()


def clean_nickname(text: str | None) -> str | None:
    """The nickname to store, or None when nothing usable was typed."""
    if text is None:
        return None
    text = _clean(text)[:MAX_NICKNAME].strip()
    return text or None


def nickname_key(text: str | None) -> str | None:
    """What nicknames are matched by (case-insensitive)."""
    cleaned = clean_nickname(text)
    return cleaned.casefold() if cleaned else None


def clean_class_code(text: str | None) -> str | None:
    """The class code to store (upper case, no spaces), or None."""
    if text is None:
        return None
    text = _clean(text).replace(" ", "").upper()[:MAX_CLASS_CODE]
    return text or None


def class_code_problem(text: str | None) -> str | None:
    """A one-line reason why a typed class code is not accepted, or None."""
    code = clean_class_code(text)
    if code is None:
        return None
    if not _CLASS_OK.fullmatch(code):
        return "a class code uses letters, digits, '.', '-' and '_' only"
    return None


def looks_like_real_name(text: str | None) -> bool:
    """True for "First Last" style input, so the screen can repeat the reminder."""
    cleaned = clean_nickname(text)
    return bool(cleaned and _REAL_NAME.match(cleaned))


MAX_SCHOOL = 64


def clean_school(text: str | None) -> str:
    """A school's name as stored ('' for the unnamed school of a single device).

    A district database holds several schools; class codes are scoped by school,
    so 8B of one school is not 8B of another. Case and spacing are kept for
    display; control characters are removed.
    """
    if text is None:
        return ""
    return _clean(text)[:MAX_SCHOOL].strip()
