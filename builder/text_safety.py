"""Characters no output should carry, and how a value is shown inside a message.

- Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069):
  an unterminated U+202E reverses the rest of a citation line. The Unicode bidi algorithm
  orders Arabic and Hebrew text right without them, so they are removed.
- Characters XML 1.0 does not allow (C0 controls but tab and line ends, lone surrogates,
  U+FFFE and U+FFFF): one of them makes a feed or sitemap unreadable.
"""
from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile("[" + BIDI_CONTROLS + r"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SHOWN_LIMIT = 80  # characters of a value quoted in a message
PATH_LIMIT = 1_000  # a file name in a report is shown whole


def without_unsafe(text: str) -> str:
    """The text without bidi controls and without characters XML 1.0 forbids."""
    return _UNSAFE.sub("", text)


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A value for a message: invisible and control characters written as \\uXXXX, long values cut."""
    text = str(value)
    cut = text[:limit]
    out = "".join(_escaped(c) for c in cut)
    return out + ("…" if len(text) > limit else "")


def _escaped(char: str) -> str:
    if char == " " or unicodedata.category(char)[0] not in ("C", "Z"):
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
