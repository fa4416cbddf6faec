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

MAX_NICKNAME = 32        # what the store keeps (older versions accepted this much)
MAX_CLASS_CODE = 16
NO_CLASS = ""              # a class filter for the sessions played without a class code (None: any class)

# The one rule for what a player may type, on the start screen, the command line and any
# page: letters, digits, '_' and '-'; a nickname up to 20, a class code up to 16 characters.
NICKNAME_MAX = 20
CLASS_CODE_MAX = MAX_CLASS_CODE
ALLOWED_CHAR = re.compile(r"[A-Za-z0-9_-]")
ALLOWED_WORDS = "letters, numbers, _ and -"

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


def _typed_problem(text: str, what: str, limit: int) -> str | None:
    if len(text) > limit:
        return f"a {what} has {limit} characters at most"
    if not all(ALLOWED_CHAR.fullmatch(ch) for ch in text):
        return f"a {what} uses only {ALLOWED_WORDS}"
    return None


def nickname_problem(text: str | None) -> str | None:
    """A one-line reason why a typed nickname is refused, or None (nothing typed is fine)."""
    return _typed_problem(text, "nickname", NICKNAME_MAX) if text else None


def new_class_code_problem(text: str | None) -> str | None:
    """A one-line reason why a class code typed for a new session is refused, or None."""
    return _typed_problem(text, "class code", CLASS_CODE_MAX) if text else None


# "Anna_Smith", "Anna-Smith": capitalised words joined the way the nickname rule allows.
# Only a reminder, never a refusal ("Pixel_Fox" is a fine nickname that also matches).
_REAL_NAME_JOINED = re.compile(r"^[A-Z][a-z\u00C0-\u024F']+(?:[_-][A-Z][a-z\u00C0-\u024F']+)+$")


def looks_like_real_name(text: str | None) -> bool:
    """True for "First Last" style input ("Anna Smith", "Anna_Smith", "Anna-Smith"), so every
    front end can repeat the reminder (REAL_NAME_REMINDER) before the nickname is used."""
    cleaned = clean_nickname(text)
    return bool(cleaned and (_REAL_NAME.match(cleaned) or _REAL_NAME_JOINED.match(cleaned)))


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
