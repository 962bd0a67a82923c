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
import struct
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
# ASCII bytes that `\w` matches keep their value, every other byte becomes a space; ASCII text
# (and text whose other characters are none of them letters or digits) splits into the same words
_WORD_BYTES = bytes(c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else 32 for c in range(256))
_ASCII = bytes(range(128))


def fingerprint(paragraphs: Sequence[str]) -> bytes:
    """The sampled shingle hashes of a body, sorted, 4 bytes each (`values` reads them back).

    Each word is hashed with crc32 (the same in every run); a shingle's hash is the hash of
    its five word hashes as a tuple of ints, which Python computes the same way in every run
    too (unlike the hash of a string). Only the hashes in the sample are kept before they are
    cut to 32 bits (the sample looks at the low bits). As bytes a fingerprint takes a ninth
    of the memory a tuple of ints takes, in the build, the pool's pipes and the cache.
    """
    codes = _word_codes(" ".join(paragraphs).lower())
    if len(codes) < SHINGLE_WORDS:
        codes = codes + [0] * (SHINGLE_WORDS - len(codes)) if codes else []  # 0: the crc32 of ""
    grams = zip(*(codes[i:] for i in range(SHINGLE_WORDS)))
    sample = sorted({h & 0xFFFFFFFF for h in map(hash, grams) if not h % SAMPLE_EVERY})
    return struct.pack(f"<{len(sample)}I", *sample)


def values(fingerprint_bytes: bytes) -> tuple[int, ...]:
    """The hashes a fingerprint holds, as ints."""
    return struct.unpack(f"<{len(fingerprint_bytes) // 4}I", fingerprint_bytes)


def _word_codes(text: str) -> list[int]:
    """crc32 of each word (`\\w+`) of a lowercased text, in order."""
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is no word character either
    if text.isascii() or not _WORD.search(data.translate(None, _ASCII).decode("utf-8", "surrogatepass")):
        return list(map(zlib.crc32, data.translate(_WORD_BYTES).split()))  # the common case, without a regex
    return list(map(zlib.crc32, map(str.encode, _WORD.findall(text))))


def syndicated(fingerprints: Mapping[str, bytes]) -> dict[str, tuple[str, ...]]:
    """key -> the other keys whose body is the same story, sorted; keys without copies are absent."""
    postings: dict[int, list[str]] = defaultdict(list)
    decoded = {key: values(fingerprints[key]) for key in sorted(fingerprints)}
    for key, hashes in decoded.items():
        for value in hashes:
            postings[value].append(key)
    shared: Counter[tuple[str, str]] = Counter()
    for keys in postings.values():
        if 1 < len(keys) <= MAX_POSTINGS:
            shared.update(combinations(keys, 2))
    candidates = [pair for pair, count in shared.items() if count >= MIN_SHARED_SAMPLES]
    sets = {key: frozenset(decoded[key]) for key in {key for pair in candidates for key in pair}}
    copies: dict[str, set[str]] = defaultdict(set)
    for first, second in candidates:
        if _similarity(sets[first], sets[second]) >= MIN_SIMILARITY:
            copies[first].add(second)
            copies[second].add(first)
    return {key: tuple(sorted(others)) for key, others in sorted(copies.items())}


def _similarity(first: frozenset[int], second: frozenset[int]) -> float:
    return len(first & second) / len(first | second) if first or second else 0.0
