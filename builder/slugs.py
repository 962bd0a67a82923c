"""Slugs: lowercase ASCII words joined by hyphens, the identity of every page."""
from __future__ import annotations

import functools
import re
import unicodedata

MAX_SLUG_LENGTH = 80  # characters; cut at a word boundary
_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=65_536)  # index pages ask for the same names' slugs again and again
def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """'Kim Jong-un’s “Purge”' -> 'kim-jong-uns-purge'; '' when no ASCII word is left."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _WORD.findall(folded.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")


def unique_slug(wanted: str, taken: set[str]) -> str:
    """wanted, or wanted-2, wanted-3, ... whichever is not taken yet."""
    slug, n = wanted, 2
    while slug in taken:
        slug, n = f"{wanted}-{n}", n + 1
    return slug
