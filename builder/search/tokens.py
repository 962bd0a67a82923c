"""The words of the archive's search: one tokenizer, written twice (here for the index,
in builder/defaults/theme/assets/javascripts/archive-search.js for the query) and kept equal
by tests/test_search_tokens.py.

- Case, accents and full-width forms are ignored (NFKD, marks dropped, NFC, lower case).
- Words are runs of letters and digits: hyphens, apostrophes and spaces all separate, so
  "Kim Jong-un", "Kim Jong Un" and "KIM JONG-UN" are the same three words.
- Korean, Chinese and Japanese runs become overlapping pairs of characters ("탈북자" ->
  "탈북", "북자"), so a word is found inside a longer one (particles, compounds).
- A few English words too common to search for are left out; a light plural rule makes
  "refugees" find "refugee"; single Latin letters (the "s" of "Korea's") are dropped.
Whole words only: "Un" never finds "United".
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split())
WORD = re.compile(r"[^\W_]+")
CJK = re.compile("([\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)")
PLURAL_KEEP = ("ss", "us", "is")
# Combining accents (the same ranges in archive-search.js)
ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
RUNS_REMEMBERED = 200_000


def fold(text: str) -> str:
    """Lower case without the accents of Latin, Greek and Cyrillic letters; Hangul and kana
    stay composed (their parts are letters, not accents)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFC", ACCENTS.sub("", unicodedata.normalize("NFKD", text))).lower()


def stem(word: str) -> str:
    if len(word) < 4 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(PLURAL_KEEP):
        return word[:-1]
    return word


@lru_cache(maxsize=RUNS_REMEMBERED)
def run_tokens(run: str) -> tuple[str, ...]:
    """The tokens of one run of letters and digits (already folded)."""
    tokens: list[str] = []
    for index, part in enumerate(CJK.split(run)):
        if not part:
            continue
        if index % 2:  # a CJK run
            tokens.extend([part] if len(part) == 1 else [part[i:i + 2] for i in range(len(part) - 1)])
        elif part not in STOPWORDS and not (len(part) == 1 and part.isascii() and part.isalpha()):
            tokens.append(stem(part))
    return tuple(tokens)


def tokens(text: str) -> list[str]:
    """The searchable words of a text, in order."""
    return [token for run in WORD.findall(fold(text)) for token in run_tokens(run)]


def joined(text: str) -> list[str]:
    """Hyphenated words written as one ("Jong-un" -> "jongun"), for names typed that way."""
    return [t for part in re.findall(r"\w+(?:[-‐‑]\w+)+", fold(text)) for t in tokens(part.replace("-", "")
            .replace("‐", "").replace("‑", ""))]
