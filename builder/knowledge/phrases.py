"""Whole-word phrase matching: the one matcher behind entity aliases and topic terms.

Text is split once into words and the gaps between them (the gaps only when a match needs
them). Phrases are looked up by their first word in a dict, so the cost grows with the text,
not with the vocabulary.
Case, hyphens and spacing are ignored ("Kim Jong-un" = "Kim Jong Un" = "KIM JONG-UN");
other punctuation must be as written ("U.S.", "Citizens' Alliance"). A phrase written in
capitals only ("HRW", "UN") matches capitals only, so "UN" is not "Kim Jong Un".
A trailing "*" makes the last word a prefix ("repatriat*" matches "repatriated").
At each position the longest phrase wins, so a name is never matched inside another name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count
from typing import Iterable, Sequence

# A word is a run of letters/digits; "2,000" and "130,000" stay one word.
_WORDS = re.compile(r"([^\W_]+(?:,\d{3})*)")
_ASCII_WORDS = re.compile(r"([A-Za-z0-9]+(?:,[0-9]{3})*)")  # the same words in a text in ASCII, found quicker
# ASCII letters, digits and commas keep their byte, every other byte becomes a space (for _ascii_words)
_SPACE_MARKS = bytes(c if (c < 128 and chr(c).isalnum()) or c == ord(",") else 32 for c in range(256))
# Characters between words that never matter for matching: spaces and hyphens.
_LOOSE = str.maketrans("", "", " \t\n\r\u00a0-\u2010\u2011")
# Apostrophes and quotes written in several ways.
_APOSTROPHES = str.maketrans("\u2019\u2018`", "'''")
PREFIX_KEY = 3  # a "word*" prefix is at least this long; it is looked up by these characters
WORD_CACHE_SIZE = 50_000  # words remembered per matcher with the phrases they may start (only words that start one)


class Tokens:
    """A text split into words; gaps[i] is the text before words[i] (plus one trailing gap).

    Most texts are only looked up by their lower-case words: in a text in ASCII those are
    found first, and words and gaps (as written) when first asked for.
    """

    __slots__ = ("text", "lower", "joined", "words", "gaps")

    def __init__(self, text: str, lower: list[str], joined: str, words: list[str] | None = None,
                 gaps: list[str] | None = None) -> None:
        self.text = text
        self.lower = lower
        self.joined = joined  # the lower-case words joined by NUL (for finding words by their start in one search)
        if words is not None and gaps is not None:
            self.words, self.gaps = words, gaps

    def __getattr__(self, name: str) -> list[str]:  # called only while words and gaps are not set
        if name not in ("words", "gaps"):
            raise AttributeError(name)
        parts = _ASCII_WORDS.split(self.text)
        self.words, self.gaps = parts[1::2], parts[0::2]
        return self.words if name == "words" else self.gaps


def tokenize(text: str) -> Tokens:
    if text.isascii():  # lower case keeps every ASCII word where it is: the same words, found in the lowered text
        lower = _ascii_words(text.lower())
        return Tokens(text, lower, "\x00".join(lower))
    parts = _WORDS.split(text)
    words = parts[1::2]
    joined = "\x00".join(words).lower()  # one call, not one per word
    return Tokens(text, joined.split("\x00") if words else [], joined, words, parts[0::2])


def _ascii_words(lowered: str) -> list[str]:
    """_ASCII_WORDS.findall(lowered) for a text in ASCII. A comma before a space or at the end
    is in no word; when no other comma is left (most paragraphs), the words are the runs of
    letters and digits, split apart in C."""
    data = lowered.encode().translate(_SPACE_MARKS).replace(b", ", b" ").rstrip(b",")
    if b"," in data:  # "2,000": the pattern decides
        return _ASCII_WORDS.findall(lowered)
    return data.decode().split()


def gap_core(gap: str) -> str:
    """The punctuation of a gap that matching respects: '’ ' -> "'", ' - ' -> ''."""
    return gap.translate(_LOOSE).translate(_APOSTROPHES)


def is_capitals(text: str) -> bool:
    """'HRW', 'U.N.' -> True; 'Seoul', 'X' -> False."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Phrase:
    text: str  # as the curator wrote it
    lower: tuple[str, ...]
    gaps: tuple[str, ...]  # punctuation required between consecutive words
    exact: tuple[str, ...] | None  # words as written, when case matters
    prefix: bool  # the last word is a prefix
    target: int  # what a match means (an entity or a term index)

    @property
    def key(self) -> str:
        """Two phrases with the same key match the same text."""
        return " ".join(self.lower) + ("*" if self.prefix else "")


def parse_phrase(text: str, target: int) -> Phrase | None:
    """The phrase for a curator's term or alias; None when it has no word."""
    prefix = text.endswith("*")
    parts = _WORDS.split(text[:-1] if prefix else text)
    words = parts[1::2]
    if not words:
        return None
    gaps = tuple(gap_core(g) for g in parts[2:-1:2])
    exact = tuple(words) if is_capitals(text) and not prefix else None
    return Phrase(text, tuple(w.lower() for w in words), gaps, exact, prefix, target)


class PhraseMatcher:
    """Finds every phrase of a vocabulary in a tokenized text, longest first, no overlaps."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._by_first: dict[str, list[Phrase]] = {}
        self._by_prefix: dict[str, list[Phrase]] = {}  # one-word prefixes
        for phrase in phrases:
            if phrase.prefix and len(phrase.lower) == 1:
                self._by_prefix.setdefault(phrase.lower[0][:PREFIX_KEY], []).append(phrase)
            else:
                self._by_first.setdefault(phrase.lower[0], []).append(phrase)
        for bucket in (*self._by_first.values(), *self._by_prefix.values()):
            bucket.sort(key=_longest_first)
        self._firsts = frozenset(self._by_first)
        self._prefixed = _prefix_search(self._by_prefix)  # the words a one-word prefix starts
        self._buckets: dict[str, list[Phrase]] = {}  # word -> phrases that may start there (words seen in a text)

    def find(self, tokens: Tokens) -> list[tuple[int, int, int]]:
        """(first word, end word, target) of each match, in text order."""
        lower = tokens.lower
        present = self._firsts.intersection(lower)  # a small set probed per word: no per-word Python
        if self._prefixed is not None:
            present = present.union(self._prefixed.findall("\x00" + tokens.joined))  # a NUL before every word
        if not present:
            return []
        hits: list[tuple[int, int, int]] = []
        done = 0
        for i in compress(count(), map(present.__contains__, lower)):  # the words that start one, found in C
            if i < done:
                continue
            bucket = self._buckets.get(lower[i])
            if bucket is None:
                bucket = self._remember(lower[i])
            phrase = _first_fit(bucket, tokens, i)
            if phrase is not None:
                done = i + len(phrase.lower)
                hits.append((i, done, phrase.target))
        return hits

    def _remember(self, word: str) -> list[Phrase]:
        """The phrases that may start at this word (exact first word, then prefixes), longest first."""
        if len(self._buckets) >= WORD_CACHE_SIZE:
            self._buckets.clear()
        bucket = [*self._by_first.get(word, ()), *self._by_prefix.get(word[:PREFIX_KEY], ())]
        bucket.sort(key=_longest_first)
        self._buckets[word] = bucket
        return bucket

    def full_match(self, text: str) -> int | None:
        """The target when the whole text is one phrase ("Human Rights Watch"), else None."""
        tokens = tokenize(text)
        hits = self.find(tokens)
        if len(hits) == 1 and hits[0][:2] == (0, len(tokens.lower)):
            return hits[0][2]
        return None


def _prefix_search(by_prefix: dict[str, list[Phrase]]) -> re.Pattern[str] | None:
    """A search of NUL + Tokens.joined for the words whose first PREFIX_KEY letters are a key
    (a key shorter than that is the whole word); None when there is no key. It starts with the
    NUL before a word, so the search jumps from word to word instead of trying every letter."""
    if not by_prefix:
        return None
    long = "|".join(re.escape(k) for k in sorted(by_prefix) if len(k) >= PREFIX_KEY)
    short = "|".join(re.escape(k) for k in sorted(by_prefix) if len(k) < PREFIX_KEY)
    alternatives = [f"(?:{long})[^\\x00]*" if long else "", f"(?:{short})(?![^\\x00])" if short else ""]
    return re.compile("\\x00(" + "|".join(a for a in alternatives if a) + ")")


def _longest_first(phrase: Phrase) -> tuple[int, int, bool]:
    return (-len(phrase.lower), -len(phrase.lower[-1]), phrase.prefix)


def _first_fit(bucket: Sequence[Phrase], tokens: Tokens, i: int) -> Phrase | None:
    following = tokens.lower[i + 1] if i + 1 < len(tokens.lower) else ""
    for phrase in bucket:
        words = phrase.lower
        if len(words) > 1 and words[1] != following and not (phrase.prefix and len(words) == 2):
            continue  # cheap test of the second word before the full one
        if _fits(phrase, tokens, i):
            return phrase
    return None


def _fits(phrase: Phrase, tokens: Tokens, i: int) -> bool:
    size = len(phrase.lower)
    lower = tokens.lower
    if i + size > len(lower):
        return False
    if phrase.prefix:
        if lower[i + size - 1][: len(phrase.lower[-1])] != phrase.lower[-1]:
            return False
        if size > 1 and tuple(lower[i : i + size - 1]) != phrase.lower[:-1]:
            return False
    elif size > 1 and tuple(lower[i : i + size]) != phrase.lower:
        return False
    for k in range(1, size):
        gap = tokens.gaps[i + k]
        if ("" if gap == " " else gap_core(gap)) != phrase.gaps[k - 1]:
            return False
    return phrase.exact is None or tuple(tokens.words[i : i + size]) == phrase.exact
