"""What the preview keeps in memory from one regeneration to the next (issue 18).

`builder serve` regenerates docs/ after every edit. A build reads its cache file, the address
record and the settings, resolves the site and renders every page; at thousands of articles
that is many seconds per edit, nearly all of it making again what the last regeneration made.
A long-running preview calls keep() once; from then on the stages ask remembered() for what
they made before from the same inputs:

- the address record as read from the same bytes, and its YAML for the same registry;
- the settings, the vocabulary and the read-out cache for the same salt (site_config/ and the
  builder's code: builder.cache.salt);
- related articles and syndicated copies for the same articles (each article's slug and the
  digest of its file: an article's read-out is a function of its bytes and the salt);
- an article's page and a listing page for the same inputs (builder.incremental.page_key,
  builder.render.indexes);
- the bytes last written to each docs/ file (the writer compares in memory, not on disk).

Inputs are always complete keys: a remembered value is exactly what making it again gives, so
the preview writes what a cold `builder generate` writes. A build never calls keep(): nothing
is remembered and every call makes its value (remembered() is then make()).

Values live for two regenerations (the one that used them and the next), so memory holds one
site's worth; a new salt forgets everything.

A build keeps no values in memory, but the related articles and syndicated copies of the
same articles are kept in the cache (values_from: builder.incremental), and the pages of a listing (a topic's, a person's, ... pages, each
kind's index, an author's page) are found again in docs/: a build that calls pages_from()
gives, for the same key, the files the last build wrote for it, when their bytes are those
it made then (their digests, kept in the cache: builder.incremental). A listing of
thousands of articles is then neither sorted nor rendered again after one article changed.
"""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Callable, Hashable, TypeVar

from builder.models import Page

T = TypeVar("T")


class _Kept:
    def __init__(self) -> None:
        self.salt: str | None = None
        self.current: dict[tuple[str, Hashable], object] = {}
        self.previous: dict[tuple[str, Hashable], object] = {}
        self.states: dict[str, dict] = {}  # what a stage keeps of its last run (state())
        self.written: dict[str, dict[str, bytes]] = {}  # docs/ folder -> file -> the bytes last written there
        self.cold = True  # no regeneration has completed with this salt: the last build's stores are read (stored())
        self.lock = threading.Lock()


_kept: _Kept | None = None  # None: a build (nothing is kept)


def keep() -> None:
    """This process is a preview: keep what each regeneration makes for the next."""
    global _kept
    if _kept is None:
        _kept = _Kept()


def forget() -> None:
    """Back to a build's ways (nothing kept); for tests."""
    global _kept
    _kept = None


def active() -> bool:
    return _kept is not None


def salt() -> str | None:
    """The salt of the last regeneration (None in a build, or before the first)."""
    return None if _kept is None else _kept.salt


def begin(salt: str) -> None:
    """A regeneration starts: what the one before last made is let go; a new salt (changed
    settings or code) forgets everything."""
    kept = _kept
    if kept is None:
        return
    with kept.lock:
        if kept.salt != salt:
            kept.salt, kept.current, kept.previous, kept.written, kept.states = salt, {}, {}, {}, {}
            kept.cold = True
        else:
            kept.previous, kept.current = kept.current, {}


def completed() -> None:
    """A regeneration wrote docs/: the next ones find what they reuse in memory."""
    kept = _kept
    if kept is not None:
        kept.cold = False


def stored() -> bool:
    """The last build's stores on disk are worth reading: in a build, and in the preview's
    regenerations until one completes (its first, at start-up, finds docs/ and the cache as
    `builder generate` left them: reading back is cheaper than making again)."""
    return _kept is None or _kept.cold


def remembered(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """make()'s value for this key, as made before when the preview keeps values (or, the
    first time, as the last build stored it: pages_from, values_from)."""
    kept = _kept
    if kept is None:
        return _stored(name, key, make)
    slot = (name, key)
    value = kept.current.get(slot, kept.previous.get(slot, _MISSING))
    if value is _MISSING:
        value = _stored(name, key, make)
    kept.current[slot] = value
    return value  # type: ignore[return-value]


def keeps(name: str) -> bool:
    """Whether remembered(name, ...) looks its key up (the preview, or a build's stores), so a
    caller works out a costly key only when it is used."""
    return _kept is not None or _store(name) is not None


def _store(name: str) -> BuiltValues | WrittenPages | None:
    """The last build's store that keeps this name's values, when one is set."""
    if name in STORED_VALUES:
        return _built
    return _written_pages if name in STORED_PAGES else None


def _stored(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """make()'s value, or the one the last build stored for this key (when a store is set)."""
    store = _store(name)
    return make() if store is None else store.get(name, key, make)


def peek(name: str, key: Hashable) -> object | None:
    """The value kept for this key, if any (nothing is made)."""
    kept = _kept
    if kept is None:
        return None
    slot = (name, key)
    return kept.current.get(slot, kept.previous.get(slot))


def state(name: str) -> dict | None:
    """A stage's own record of its last run (kept until the salt changes); None in a build."""
    return None if _kept is None else _kept.states.setdefault(name, {})


def written(docs: Path) -> dict[str, bytes] | None:
    """docs/ file -> bytes known to be there (the preview's writer keeps it up to date); None in a build."""
    return None if _kept is None else _kept.written.setdefault(str(docs.resolve()), {})


def rewritten(docs: Path, path: str) -> None:
    """Someone else (the preview's quick path) is about to change this docs/ file."""
    kept = _kept
    if kept is not None:
        kept.written.get(str(docs.resolve()), {}).pop(path, None)


def articles_key(articles) -> tuple:
    """The articles as their pages and listings see them: slug and the digest of the file."""
    return tuple((a.slug, a.source.digest) for a in articles)


_MISSING = object()
STORED_PAGES = ("listing", "kind index", "author page")  # a Page each ("listing": a list of Pages)


class WrittenPages:
    """A build's listing pages as written in docs/ for each key: digest of (name, key) -> the
    (path, digest of the bytes) of each page made for it."""

    def __init__(self, docs: Path, digests: dict[str, tuple[tuple[str, str], ...]]):
        self.docs, self.digests = docs, digests
        self.used: dict[str, tuple[tuple[str, str], ...]] = {}

    def get(self, name: str, key: Hashable, make: Callable[[], T]) -> T:
        slot = hashlib.sha256(repr((name, key)).encode("utf-8")).hexdigest()
        pages = self._read_back(self.digests.get(slot, ()))
        if pages is not None:
            self.used[slot] = self.digests[slot]
            return pages if name == "listing" else pages[0]  # type: ignore[return-value]
        value = make()
        made = value if isinstance(value, list) else [value]
        self.used[slot] = tuple((p.path, hashlib.sha1(p.content).hexdigest()) for p in made)
        return value

    def _read_back(self, written: tuple[tuple[str, str], ...]) -> list | None:
        """The pages as written, when every file is still there with the same bytes."""
        pages, docs = [], os.fspath(self.docs)
        for path, digest in written:
            try:
                with open(os.path.join(docs, path), "rb") as file:
                    content = file.read()
            except OSError:
                return None
            if hashlib.sha1(content).hexdigest() != digest:
                return None
            pages.append(Page(path, content))
        return pages or None


_written_pages: WrittenPages | None = None
STORED_VALUES = ("related", "syndicated")  # the whole site's work, a function of every article's names


class BuiltValues:
    """A build's values for each key (digest of (name, key) -> the value), kept in the cache:
    the related articles of a site whose articles carry the same names are not worked out again."""

    def __init__(self, values: dict[str, object]):
        self.values = values
        self.used: dict[str, object] = {}

    def get(self, name: str, key: Hashable, make: Callable[[], T]) -> T:
        slot = hashlib.sha256(repr((name, key)).encode("utf-8")).hexdigest()
        value = self.values.get(slot, _MISSING)
        if value is _MISSING:
            value = make()
        self.used[slot] = value
        return value  # type: ignore[return-value]


_built: BuiltValues | None = None


def values_from(built: BuiltValues | None) -> None:
    """A build (not the preview) finds its whole-site values in `built` (None: stops)."""
    global _built
    _built = built


def pages_from(written: WrittenPages | None) -> None:
    """A build (not the preview) finds its listing pages in docs/ as `written` says (None: stops)."""
    global _written_pages
    _written_pages = written
