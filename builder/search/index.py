"""The archive's search index, written as small script files under search/ in docs/:

    search/index.js      how many records, how many term files, the filters' values
    search/t/N.js        the postings of the terms whose hash falls in file N
    search/d/N.js        article record N as a result shows it (title, address, paragraphs)
    search/l/K.js        the listing pages' records, LISTINGS_PER_FILE to a file (a listing
                         record is a name and a count: one file each made most of the files)

Each file calls `__archiveSearch.receive(name, data)`: a script element loads it, over
HTTP as from file:// (no fetch()), and a query loads only the files of its words and of
the results it shows. A term in many records keeps a bitmap of them and the postings of
its best-scoring records only (the rest share one low score), so no file grows with the
archive past a few kilobytes per word.
"""
from __future__ import annotations

import base64
import json
import math
from array import array
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain
from typing import Callable, Iterable, Iterator

from builder.models import Page
from builder.search.records import Record
from builder.search.tokens import WORD, fold, joined, run_tokens

FOLDER = "search"
CALLBACK = "__archiveSearch.receive"
FIELD_WEIGHTS = {"title": 8.0, "standfirst": 4.0, "names": 5.0, "text": 1.0}
LISTING_FACTOR = 0.5  # a listing page's name counts half an article's title
SCORE_SCALE = 10  # scores are written as whole numbers
BIG_TERM = 400  # postings past this many records: bitmap + the best HEAD postings
HEAD = 200
SHARD_BYTES = 24_000  # aimed size of one term file
LISTINGS_PER_FILE = 100  # listing records (~120 bytes each) packed into one file
FORMAT = 2
NAMES_REMEMBERED = 50_000  # names (and their other spellings) whose words are kept


def score_terms(record: Record) -> dict[str, int]:
    """term -> the record's score for it: each field's weight x (1 + ln tf), summed.

    The last field (an article's text: most of the terms) is scored by table look-ups in C;
    the terms of the fields before it are summed in the fields' order, the text's share last."""
    fields = list(record.fields.items())
    if not fields:
        return {}
    factor = LISTING_FACTOR if record.label else 1.0
    *firsts, (last, texts) = fields
    summed: dict[str, float] = {}
    for name, field_texts in firsts:
        share = _Shares.of(FIELD_WEIGHTS[name], factor)
        for term, tf in _term_counts(name, field_texts).items():
            summed[term] = summed.get(term, 0.0) + share[tf]
    counts = _term_counts(last, texts)
    share = _Shares.of(FIELD_WEIGHTS[last], factor)
    scores = dict(zip(counts, map(share.scores.__getitem__, counts.values())))
    for term, value in summed.items():
        tf = counts.get(term)
        scores[term] = _whole(value + share[tf] if tf else value)
    return scores


def _term_counts(name: str, texts: list[str]) -> dict[str, int]:
    """term -> how often it comes in one field's texts (a name's words, and its hyphenated
    words written as one, count once more each)."""
    if name != "names":  # one pass over all the texts (a line break separates words as they do)
        return Counter(chain.from_iterable(map(run_tokens, WORD.findall(fold("\n".join(texts))))))
    runs = Counter(chain.from_iterable(map(_name_runs, texts)))  # each run of letters once, with how often it comes
    counts: dict[str, int] = {}  # (a plain dict: Counter's += on a new term is a Python call)
    for run, times in runs.items():
        for term in run_tokens(run):
            counts[term] = counts.get(term, 0) + times
    counts.update(dict.fromkeys(set().union(*map(_joined_terms, texts)).difference(counts), 1))
    return counts


def _whole(value: float) -> int:
    return max(1, round(value * SCORE_SCALE))


class _Shares(dict):
    """tf -> one field's share of a term's score (weight x (1 + ln tf) x factor), worked out
    once per tf; .scores: tf -> the whole score of a term found in that field alone."""

    made: dict[tuple[float, float], "_Shares"] = {}

    def __init__(self, weight: float, factor: float):
        super().__init__()
        self.weight, self.factor = weight, factor
        self.scores = _Scores(self)

    @classmethod
    def of(cls, weight: float, factor: float) -> "_Shares":
        shares = cls.made.get((weight, factor))
        if shares is None:
            shares = cls.made[(weight, factor)] = cls(weight, factor)
        return shares

    def __missing__(self, tf: int) -> float:
        share = self[tf] = self.weight * (1 + math.log(tf)) * self.factor if tf > 1 else self.weight * self.factor
        return share


class _Scores(dict):
    def __init__(self, shares: _Shares):
        super().__init__()
        self.shares = shares

    def __missing__(self, tf: int) -> int:
        score = self[tf] = _whole(self.shares[tf])
        return score


@lru_cache(maxsize=NAMES_REMEMBERED)
def _name_runs(text: str) -> tuple[str, ...]:
    """The runs of letters of a name (the same names come in many records)."""
    return tuple(WORD.findall(fold(text)))


@lru_cache(maxsize=NAMES_REMEMBERED)
def _joined_terms(text: str) -> frozenset[str]:
    return frozenset(joined(text))


class RecordScores:
    """score_terms of each record, kept from one index to the next by a long-running process
    (the preview regenerates after every edit; a build does not keep them: they are large)."""

    kept: dict | None = None  # None: nothing kept (a build)

    @classmethod
    def keep(cls) -> None:
        cls.kept = {} if cls.kept is None else cls.kept

    @classmethod
    def scores(cls, records: list[Record]) -> list[dict[str, int]]:
        if cls.kept is None:
            return [score_terms(record) for record in records]
        keys = [(r.label, tuple((name, tuple(texts)) for name, texts in r.fields.items())) for r in records]
        last = cls.kept
        cls.kept = {key: last.get(key) or score_terms(record) for key, record in zip(keys, records)}
        return [cls.kept[key] for key in keys]


def postings(records: list[Record], scored: Callable[[Record], Iterable[tuple[str, int]]] | None = None
             ) -> dict[str, array]:
    """term (or filter key) -> its postings by record number, flat: [number, score, number, score, ...]
    (an array of whole numbers: 2.5 million postings as tuples took ~150 MB at 10,000 articles).
    scored(record), if given, gives score_terms(record).items() (a build's kept scores)."""
    found: dict[str, array] = defaultdict(lambda: array("q"))
    # a build scores one record at a time: all records' scores at once held 10,000 dicts
    if scored is None:
        kept = RecordScores.scores(records) if RecordScores.kept is not None else map(score_terms, records)
        scores_of = (scores.items() for scores in kept)
    else:
        scores_of = map(scored, records)
    for number, (record, scores) in enumerate(zip(records, scores_of)):
        for term, score in scores:
            found[term].extend((number, score))
        for key in record.filters:
            found[key].extend((number, 0))
    return found


def pairs(flat: array) -> list[tuple[int, int]]:
    """[(record number, score)] of a flat posting."""
    return list(zip(flat[0::2], flat[1::2]))


def encode(posting: list[tuple[int, int]], total: int):
    """Short lists: [gap, score, gap, score, ...]. Long ones: {n, b: bitmap, h: best, r: rest's score}."""
    if len(posting) <= BIG_TERM:
        flat, last = [], 0
        for number, score in posting:
            flat += [number - last, score]
            last = number
        return flat
    bits = bytearray((total + 7) // 8)
    for number, _ in posting:
        bits[number >> 3] |= 1 << (number & 7)
    best = sorted(sorted(posting, key=lambda p: -p[1])[:HEAD])
    head, last = [], 0
    for number, score in best:
        head += [number - last, score]
        last = number
    rest = min((s for _, s in best), default=0) if any(s for _, s in best) else 0
    return {"n": len(posting), "b": base64.b64encode(bytes(bits)).decode("ascii"),
            "h": head if rest else [], "r": rest}


def term_hash(term: str) -> int:
    """FNV-1a over the code points (the same in archive-search.js)."""
    value = 2166136261
    for char in term:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return value


def script(name: str, data) -> bytes:
    return f"{CALLBACK}({json.dumps(name)},{_json(data)});\n".encode("utf-8")


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _term_script(name: str, texts: dict[str, str]) -> bytes:
    """script(name, {term: value}) from each value's JSON text (the same bytes)."""
    body = ",".join(f"{_json(term)}:{texts[term]}" for term in sorted(texts))
    return f"{CALLBACK}({json.dumps(name)},{{{body}}});\n".encode("utf-8")


def index_pages(records: list[Record], filters: dict, articles: int,
                scored: Callable[[Record], Iterable[tuple[str, int]]] | None = None) -> Iterator[Page]:
    """Every file of the index, deterministic for the same records (scored: see postings)."""
    total = len(records)
    # each term's encoded postings written as JSON once: for the size, then in its term file
    encoded = {term: _json(encode(pairs(posting), total)) for term, posting in postings(records, scored).items()}
    size = sum(len(term) + len(text) + 4 for term, text in encoded.items())
    shards = 1 << max(0, math.ceil(math.log2(max(1, size / SHARD_BYTES))))
    grouped: dict[int, dict[str, str]] = defaultdict(dict)
    for term, text in encoded.items():
        grouped[term_hash(term) % shards][term] = text
    yield Page(f"{FOLDER}/index.js", index_script(total, articles, shards, filters))
    for number in range(shards):
        yield Page(f"{FOLDER}/t/{number}.js", _term_script(f"t/{number}", grouped.get(number, {})))
    for name, numbers in record_files(total, articles):
        yield Page(f"{FOLDER}/{name}.js", record_script(name, records, numbers))


def index_script(total: int, articles: int, shards: int, filters: dict) -> bytes:
    """search/index.js: what a query needs to know before it loads anything else."""
    return script("index", {"format": FORMAT, "records": total, "articles": articles, "shards": shards,
                            "filters": filters, "listings_per_file": LISTINGS_PER_FILE})


def record_files(total: int, articles: int) -> Iterator[tuple[str, range]]:
    """Each record file's name and the numbers of the records it holds: an article's record
    alone in d/N, the listing pages' records LISTINGS_PER_FILE to a file in l/K."""
    for number in range(min(articles, total)):
        yield f"d/{number}", range(number, number + 1)
    for start in range(articles, total, LISTINGS_PER_FILE):
        yield f"l/{(start - articles) // LISTINGS_PER_FILE}", range(start, min(start + LISTINGS_PER_FILE, total))


def record_script(name: str, records: list[Record], numbers: range) -> bytes:
    shown = [_shown(records[number]) for number in numbers]
    return script(name, shown if name.startswith("l/") else shown[0])


def _shown(record: Record) -> dict:
    return {"u": record.url, "t": record.title, "k": record.label, **record.shown}
