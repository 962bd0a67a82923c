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


def fingerprint(paragraphs: Sequence[str]) -> tuple[int, ...]:
    """The sampled shingle hashes of a body, sorted."""
    words = _WORD.findall(" ".join(paragraphs).lower())
    grams = (" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1)))
    hashes = {zlib.crc32(g.encode("utf-8")) for g in grams if g}
    return tuple(sorted(h for h in hashes if h % SAMPLE_EVERY == 0))


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
