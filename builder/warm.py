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
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class _Kept:
    def __init__(self) -> None:
        self.salt: str | None = None
        self.current: dict[tuple[str, Hashable], object] = {}
        self.previous: dict[tuple[str, Hashable], object] = {}
        self.states: dict[str, dict] = {}  # what a stage keeps of its last run (state())
        self.written: dict[str, dict[str, bytes]] = {}  # docs/ folder -> file -> the bytes last written there
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
        else:
            kept.previous, kept.current = kept.current, {}


def remembered(name: str, key: Hashable, make: Callable[[], T]) -> T:
    """make()'s value for this key, as made before when the preview keeps values."""
    kept = _kept
    if kept is None:
        return make()
    slot = (name, key)
    value = kept.current.get(slot, kept.previous.get(slot, _MISSING))
    if value is _MISSING:
        value = make()
    kept.current[slot] = value
    return value  # type: ignore[return-value]


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
