"""Syndicated copies: the same story published under two outlets' chrome.

Each article's body becomes a set of hashed five-word shingles. Candidate pairs come from
an inverted index over a fixed sample of those hashes (one in SAMPLE_EVERY), so the work
grows with the archive, not with its square; each candidate pair is then scored by the
Jaccard similarity of the full sets.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Mapping, Sequence

SHINGLE_WORDS = 5
SAMPLE_EVERY = 4  # index one shingle hash in four
MIN_SHARED_SAMPLES = 3  # candidate pairs share at least this many sampled shingles
MIN_SIMILARITY = 0.5  # Jaccard similarity of the shingle sets: the same story
MAX_POSTINGS = 50  # a shingle found in more articles than this is boilerplate, not a story
_WORD = re.compile(r"\w+")


def shingles(paragraphs: Sequence[str]) -> frozenset[int]:
    words = _WORD.findall(" ".join(paragraphs).lower())
    grams = (" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1)))
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams if g)


def syndicated(bodies: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """key -> the other keys whose body is the same story, sorted; keys without copies are absent."""
    sets = {key: shingles(paragraphs) for key, paragraphs in bodies.items()}
    postings: dict[int, list[str]] = defaultdict(list)
    for key in sorted(sets):
        for value in sets[key]:
            if value % SAMPLE_EVERY == 0:
                postings[value].append(key)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for keys in postings.values():
        if len(keys) > MAX_POSTINGS:
            continue
        for i, first in enumerate(keys):
            for second in keys[i + 1:]:
                shared[(first, second)] += 1
    copies: dict[str, set[str]] = defaultdict(set)
    for (first, second), count in shared.items():
        if count >= MIN_SHARED_SAMPLES and _similarity(sets[first], sets[second]) >= MIN_SIMILARITY:
            copies[first].add(second)
            copies[second].add(first)
    return {key: tuple(sorted(others)) for key, others in sorted(copies.items())}


def _similarity(first: frozenset[int], second: frozenset[int]) -> float:
    return len(first & second) / len(first | second) if first or second else 0.0
