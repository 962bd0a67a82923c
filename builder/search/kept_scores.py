"""Each search record's term scores, kept by a build for the next one (issue 18).

Scoring the records' terms (index.score_terms) was most of the search index's time: ~2 of
~4.5 CPU-s at 2,000 articles, after an edit to one of them. A build keeps each record's
scores in .cache/search.pickle (beside the cache of builder.cache, salted the same way),
keyed by what they are worked out from (the record's label and fields), so a record scored
by an earlier build is not scored again. The scores are a pure function of that key: the
index is byte for byte the one a build without the file makes.

The file is read and written by the process that makes the search index (the forked one of
builder.beside in a build with two jobs); only the records this build used are kept. Each
record's terms are kept as one string and its scores as an array (a dict per record held
~300 small objects: far more memory at 10,000 articles).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from array import array
from pathlib import Path
from typing import Iterable

from builder.search.index import score_terms
from builder.search.records import Record

FILE = "search.pickle"
FORMAT = 1
SEPARATOR = "\n"  # never in a term (terms are runs of letters and digits)


def record_key(record: Record) -> bytes:
    """What a record's scores are worked out from: its label (an article's or a listing's
    weights) and its fields' names and texts, in order."""
    shape = (record.label, tuple((name, tuple(texts)) for name, texts in record.fields.items()))
    return hashlib.blake2b(repr(shape).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class KeptScores:
    """record key -> (its terms joined, their scores), read from and written to `folder`."""

    def __init__(self, folder: Path | None, salt: str):
        self.folder, self.salt = folder, salt
        self.entries: dict[bytes, tuple[str, array]] = self._load() if folder else {}
        self.used: dict[bytes, tuple[str, array]] = {}

    def scored(self, record: Record) -> Iterable[tuple[str, int]]:
        """(term, score) of the record, as score_terms(record).items() gives them."""
        key = record_key(record)
        found = self.entries.get(key)
        if found is None:
            scores = score_terms(record)
            found = (SEPARATOR.join(scores), array("q", scores.values()))
        self.used[key] = found
        terms, values = found
        return zip(terms.split(SEPARATOR), values) if values else ()

    def save(self) -> None:
        """Keep the records this build used (written beside, then moved in: never half a file)."""
        if not self.folder or self.used.keys() == self.entries.keys():
            return
        temporary = self.folder / f".{FILE}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as file:
                pickle.dump((FORMAT, self.salt, self.used), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / FILE)
        except OSError:  # only the next build is slower
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _load(self) -> dict[bytes, tuple[str, array]]:
        try:
            with open(self.folder / FILE, "rb") as file:
                stored = pickle.load(file)
        except Exception:  # noqa: BLE001 - missing, unreadable or damaged: every record is scored
            return {}
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT and stored[1] == self.salt
                and isinstance(stored[2], dict)):
            return {}
        entries = stored[2]
        if not all(isinstance(k, bytes) and isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str)
                   and isinstance(v[1], array) for k, v in entries.items()):
            return {}
        return entries
