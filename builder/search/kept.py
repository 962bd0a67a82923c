"""The preview's search index, brought up to date record by record (builder.warm, issue 18).

index_pages() makes every file of the index from all records: at thousands of articles,
seconds per edit. The preview keeps the last index (its records, each term's postings and
encoding, each file's bytes); when the records are the same objects at the same numbers but
a few (builder.warm hands back the record made for the same article file), only the terms of
those records are posted and encoded again, and only the files that hold them are written
again. The files are byte for byte those index_pages() makes from the same records; anything
else (records added, removed or reordered past a few) makes the whole index again.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections import defaultdict
from typing import Iterator

from builder.models import Page
from builder.search.index import (
    FOLDER, SHARD_BYTES, RecordScores, encode, index_script, record_files, record_script, score_terms, script,
    term_hash,
)
from builder.search.records import Record

PATCHED_MOST = 50  # more records changed than this: the whole index is made again


def kept_index_pages(records: list[Record], filters: dict, articles: int, state: dict) -> Iterator[Page]:
    """index_pages(records, filters, articles), updated from the last call's `state` (kept here)."""
    last: list[Record] | None = state.get("records")
    changed = None
    if last is not None and len(last) == len(records) and articles == state.get("articles"):
        changed = [n for n, (old, new) in enumerate(zip(last, records)) if old is not new]
        if len(changed) > PATCHED_MOST:
            changed = None
    touched = _full(records, state) if changed is None else _patch(records, changed, state)
    changed_set = set(changed or ())
    total = len(records)
    shards = 1 << max(0, math.ceil(math.log2(max(1, state["size"] / SHARD_BYTES))))
    pages: dict[str, bytes] = state.setdefault("pages", {})
    if shards != state.get("shards"):
        state["shards"], touched = shards, None  # every term moves: every term file again
    yield Page(f"{FOLDER}/index.js", index_script(total, articles, shards, filters))
    dirty = set(range(shards)) if touched is None else {term_hash(term) % shards for term in touched}
    if dirty:
        grouped: dict[int, dict] = defaultdict(dict)
        for term, value in state["encoded"].items():
            number = term_hash(term) % shards
            if number in dirty:
                grouped[number][term] = value
        for number in dirty:
            pages[f"t/{number}"] = script(f"t/{number}", grouped.get(number, {}))
    for number in range(shards):
        yield Page(f"{FOLDER}/t/{number}.js", pages[f"t/{number}"])
    files = list(record_files(total, articles))
    for name, numbers in files:
        if changed is None or name not in pages or any(number in changed_set for number in numbers):
            pages[name] = record_script(name, records, numbers)
        yield Page(f"{FOLDER}/{name}.js", pages[name])
    kept = {name for name, _ in files}
    for stale in [name for name in pages if name[:2] in ("d/", "l/") and name not in kept]:
        del pages[stale]
    state["articles"] = articles
    state["records"] = list(records)


def _contributions(number: int, record: Record, scores: dict[str, int]) -> list[tuple[str, tuple[int, int]]]:
    """(term or filter key, posting) of one record, in the order index.postings() adds them."""
    return [(term, (number, score)) for term, score in scores.items()] + [(key, (number, 0)) for key in record.filters]


def _full(records: list[Record], state: dict) -> None:
    state.pop("size", None)
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    scores = RecordScores.scores(records)
    for number, (record, score) in enumerate(zip(records, scores)):
        for term, posting in _contributions(number, record, score):
            found[term].append(posting)
    state["scores"], state["postings"] = scores, dict(found)
    state["encoded"], state["sizes"] = {}, {}
    for term in found:
        _encode(term, len(records), state)
    state["size"] = sum(state["sizes"].values())
    state.pop("pages", None)
    state.pop("shards", None)


def _patch(records: list[Record], changed: list[int], state: dict) -> set[str]:
    """The changed records' old postings out, their new ones in; the terms whose postings
    changed (an edit to a sentence changes a few of an article's hundreds of terms)."""
    postings, scores = state["postings"], state["scores"]
    new_scores = [score_terms(records[n]) for n in changed]
    touched: set[str] = set()
    for number, score in zip(changed, new_scores):
        removed = _grouped(_contributions(number, state["records"][number], scores[number]))
        added = _grouped(_contributions(number, records[number], score))
        moved = {term for term in removed.keys() | added.keys() if removed.get(term) != added.get(term)}
        for term in moved & removed.keys():  # a term whose posting is the same keeps its encoding
            postings[term] = [p for p in postings[term] if p[0] != number]
        for term in moved & added.keys():
            posting = postings.setdefault(term, [])
            at = bisect_left(posting, (number, -1))
            posting[at:at] = added[term]
        touched |= moved
        scores[number] = score
    for term in touched:
        if postings.get(term):
            _encode(term, len(records), state)
        else:
            postings.pop(term, None)
            state["encoded"].pop(term, None)
            state["size"] -= state["sizes"].pop(term, 0)
    return touched


def _grouped(contributions: list[tuple[str, tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for term, posting in contributions:
        found[term].append(posting)
    return found


def _encode(term: str, total: int, state: dict) -> None:
    value = encode(state["postings"][term], total)
    state["encoded"][term] = value
    size = len(term) + len(json.dumps(value, separators=(",", ":"))) + 4
    if "size" in state:
        state["size"] += size - state["sizes"].get(term, 0)
    state["sizes"][term] = size
