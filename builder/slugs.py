"""Slugs: lowercase ASCII words joined by hyphens, the identity of every page.

Latin letters lose their accents ('Séoul' -> 'seoul'). Letters of other scripts (Hangul,
Han, kana, Cyrillic, Arabic, ...) are romanised by anyascii, so every title and name has
a readable address that works the same online and from the file system:
'연합뉴스' -> 'yeonhabnyuseu', 'Путин' -> 'putin'. Han characters romanise to syllables
that many characters share (王 and 汪 are both 'wang'), so a slug with Han in it ends
with four characters of the name's hash: '习近平' -> 'xijinping-' + 4 hex digits.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from anyascii import anyascii

MAX_SLUG_LENGTH = 80  # characters; cut at a word boundary
_WORD = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
HASH_DIGITS = 4


@functools.lru_cache(maxsize=65_536)  # index pages ask for the same names' slugs again and again
def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """'Kim Jong-un’s “Purge”' -> 'kim-jong-uns-purge'; '' when no letter or digit is left."""
    words = _WORD.findall(_ascii(text).lower())
    suffix = ""
    if _HAN.search(text):
        suffix = "-" + hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:HASH_DIGITS]
    limit = max_length - len(suffix)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    slug = slug or (words[0][:limit] if words else "")
    return slug + suffix if slug else ""


def _ascii(text: str) -> str:
    """Latin text without accents; letters of other scripts romanised."""
    return "".join(_fold(c) for c in unicodedata.normalize("NFC", text))


@functools.lru_cache(maxsize=65_536)
def _fold(char: str) -> str:
    if char.isascii():
        return char
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    if folded or not char.isalnum() or unicodedata.name(char, "").startswith("LATIN"):
        return folded
    return anyascii(char)


def unique_slug(wanted: str, taken: set[str]) -> str:
    """wanted, or wanted-2, wanted-3, ... whichever is not taken yet."""
    slug, n = wanted, 2
    while slug in taken:
        slug, n = f"{wanted}-{n}", n + 1
    return slug
