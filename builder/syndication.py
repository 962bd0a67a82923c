"""Syndicated copies: the same story published under two outlets' chrome.

Each article's body becomes a fingerprint: the hashed five-word shingles whose hash falls
in a fixed sample (one in SAMPLE_EVERY). Sampling by hash value keeps the same shingles
from every copy, so the Jaccard similarity of two fingerprints estimates that of the whole
texts. The fingerprint is made with the article (in parallel, and cached); candidate pairs
come from an inverted index over fingerprints, so the work grows with the archive, not
with its square.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from itertools import combinations
from typing import Mapping, Sequence

SHINGLE_WORDS = 5
SAMPLE_EVERY = 8  # keep one shingle hash in eight
MIN_SHARED_SAMPLES = 3  # candidate pairs share at least this many sampled shingles
MIN_SIMILARITY = 0.5  # Jaccard similarity of the shingle sets: the same story
MAX_POSTINGS = 8  # a shingle in more articles than this is a stock phrase, not one story
_WORD = re.compile(r"\w+")
WORD_CODES_KEPT = 200_000  # word hashes remembered per process


def fingerprint(paragraphs: Sequence[str]) -> tuple[int, ...]:
    """The sampled shingle hashes of a body, sorted.

    Each word is hashed once (crc32, the same in every run, remembered per process); a
    shingle's hash is the hash of its five word hashes as a tuple of ints, which Python
    computes the same way in every run too (unlike the hash of a string). Only the hashes
    in the sample are kept before they are cut to 32 bits (the sample looks at the low bits).
    """
    words = _WORD.findall(" ".join(paragraphs).lower())
    if len(words) < SHINGLE_WORDS:
        words = words + [""] * (SHINGLE_WORDS - len(words)) if words else []
    codes = _word_codes(words)
    ids = list(map(codes.__getitem__, words))
    grams = zip(*(ids[i:] for i in range(SHINGLE_WORDS)))
    return tuple(sorted({h & 0xFFFFFFFF for h in map(hash, grams) if not h % SAMPLE_EVERY}))


_codes: dict[str, int] = {}


def _word_codes(words: list[str]) -> dict[str, int]:
    """crc32 of each word, remembered (a body repeats its words; articles share most of theirs)."""
    if len(_codes) > WORD_CODES_KEPT:
        _codes.clear()
    for word in set(words).difference(_codes):
        _codes[word] = zlib.crc32(word.encode("utf-8"))
    return _codes


def syndicated(fingerprints: Mapping[str, Sequence[int]]) -> dict[str, tuple[str, ...]]:
    """key -> the other keys whose body is the same story, sorted; keys without copies are absent."""
    postings: dict[int, list[str]] = defaultdict(list)
    for key in sorted(fingerprints):
        for value in fingerprints[key]:
            postings[value].append(key)
    shared: Counter[tuple[str, str]] = Counter()
    for keys in postings.values():
        if 1 < len(keys) <= MAX_POSTINGS:
            shared.update(combinations(keys, 2))
    candidates = [pair for pair, count in shared.items() if count >= MIN_SHARED_SAMPLES]
    sets = {key: frozenset(fingerprints[key]) for key in {key for pair in candidates for key in pair}}
    copies: dict[str, set[str]] = defaultdict(set)
    for first, second in candidates:
        if _similarity(sets[first], sets[second]) >= MIN_SIMILARITY:
            copies[first].add(second)
            copies[second].add(first)
    return {key: tuple(sorted(others)) for key, others in sorted(copies.items())}


def _similarity(first: frozenset[int], second: frozenset[int]) -> float:
    return len(first & second) / len(first | second) if first or second else 0.0
