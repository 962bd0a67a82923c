"""Small, linear-time text tests shared by the extraction steps."""
from __future__ import annotations

import html
import re
from functools import lru_cache

TERMINAL = (".", "!", "?", "\"", "”", "’", "'", ":", ";", "…", ")", "。", "！", "？", "」")
SENTENCE_END = (".", "!", "?", "…", ".\"", ".”", "?\"", "?”", "!\"", "!”", "。", "！", "？", "。」")
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to up via with vs after amid "
    "against about is are was be its it".split()
)
# A numeric character reference left in the text by the system it came from ("Beyonc&#233;",
# "&#163;5m"): nobody types one. Named ones ("&amp;", "&lt;b&gt;") stay as typed: an article may
# be about markup. Always closed by ";".
CHARACTER_REFERENCE = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")
WORD_COUNTS_KEPT = 4096  # lines whose word count is remembered (a few pages' worth)
_WORD = re.compile(r"[\w'’-]+")
# A sentence ends at . ! ? (optionally closed by a quote) followed by space and a capital.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Gov|Sen|Rep|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|N\.K|S\.K)\.)$")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=WORD_COUNTS_KEPT)
def word_count(text: str) -> int:
    """Whitespace-separated words (remembered: the steps ask about the same lines many times)."""
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """True when the line ends like a finished sentence (not an abbreviation)."""
    stripped = text.rstrip()
    if not stripped.endswith(SENTENCE_END):
        return False
    return not _ABBREVIATION.search(stripped[-6:]) or stripped.endswith(("\"", "”"))


def ends_with_terminal(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def starts_lowercase(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isalpha() and first.islower()


def is_title_case(text: str) -> bool:
    """Most significant words capitalised (or the whole line in capitals)."""
    tokens = [w for w in words(text) if w.lower() not in SMALL_WORDS and w[0].isalpha()]
    if not tokens:
        return False
    capitalised = sum(1 for w in tokens if w[0].isupper())
    return capitalised / len(tokens) >= 0.75


def _after_abbreviation(text: str, end: int) -> bool:
    before = text[max(0, end - 8):end].rstrip("\"”’")
    return bool(_ABBREVIATION.search(before))


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence, skipping breaks after abbreviations."""
    for match in _SENTENCE_BREAK.finditer(paragraph):
        if not _after_abbreviation(paragraph, match.start()):
            return paragraph[: match.start()].strip()
    return paragraph.strip()


def sentence_count(paragraph: str, limit: int = 3) -> int:
    """How many sentences the paragraph has, counting up to `limit`."""
    count = 1
    for match in _SENTENCE_BREAK.finditer(paragraph):
        if not _after_abbreviation(paragraph, match.start()):
            count += 1
            if count >= limit:
                break
    return count


def name_case(name: str) -> str:
    """'LEE SUNG-EUN' -> 'Lee Sung-eun'; names already in mixed case are kept."""
    if not name.isupper():
        return name
    return " ".join(part[:1] + part[1:].lower() for part in name.split())


def resolve_references(text: str) -> str:
    """The characters that numeric character references in plain text stand for."""
    return CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text) if "&#" in text else text
