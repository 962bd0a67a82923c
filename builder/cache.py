"""The cache under .cache/: what earlier builds worked out, kept in one file.

The file is salted with everything an output depends on besides the content files
(site_config/ and the builder's code): a change to either starts a new cache. It holds
named parts: the articles read out of files (ArticleCache, here, used by process) and
what builder.incremental keeps (the digests of pages written, the last build's inputs
and report). A part not used in a build is dropped when the file is saved.

Beside it, a small head (.cache/state.pickle) repeats the last build's inputs and report, and
the notes its reading of the address record gave: a `generate` with nothing to do reads only
that (builder.unchanged), not the articles. It is removed before the file is written and
written after it, so it never speaks for another file than the one beside it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path

from builder.models import Article

CACHE_FILE = "articles.pickle"
HEAD_FILE = "state.pickle"
PACKAGE = Path(__file__).resolve().parent


def salt(config_dir: Path) -> str:
    """Fingerprint of everything an article's reading depends on besides its own bytes."""
    digest = hashlib.sha256()
    for root in (PACKAGE, config_dir):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(rel_path: str, data: bytes) -> str:
    return hashlib.sha256(rel_path.encode("utf-8") + b"\0" + data).hexdigest()


class ArticleCache:
    """key (a file's path and bytes) -> the Article read out of it; those not used are dropped."""

    def __init__(self, entries: dict[str, Article] | None = None):
        self.entries = entries or {}
        self.used: dict[str, Article] = {}
        self.hits = 0

    def get(self, cache_key: str) -> Article | None:
        article = self.entries.get(cache_key)
        if article is not None:
            self.hits += 1
            self.used[cache_key] = article
        return article

    def put(self, cache_key: str, article: Article) -> None:
        self.used[cache_key] = article

    @property
    def changed(self) -> bool:
        return self.used.keys() != self.entries.keys()


class CacheFile:
    """.cache/articles.pickle: its parts when the salt matches; a damaged file is discarded."""

    def __init__(self, folder: Path | None, salt_value: str):
        self.folder, self.salt = folder, salt_value
        self.notes: list[str] = []  # a damaged cache, discarded
        self.parts: dict = self._load() if folder else {}

    def save(self, parts: dict, head: dict) -> None:
        if not self.folder:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / HEAD_FILE).unlink(missing_ok=True)
            self._replace(CACHE_FILE, parts)
            self._replace(HEAD_FILE, head)
            for stale in self.folder.glob(".*.pickle.*.tmp"):  # left by a build that was killed
                stale.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def save_head(self, head: dict) -> None:
        """The head alone, beside the file as it is (the same inputs and report)."""
        if self.folder and (self.folder / CACHE_FILE).is_file():
            try:
                self._replace(HEAD_FILE, head)
            except OSError:
                pass

    @staticmethod
    def head(folder: Path, salt_value: str) -> dict | None:
        """The head written with the cache file for this salt (None: none, another salt, damaged)."""
        try:
            with open(folder / HEAD_FILE, "rb") as file:
                stored = pickle.load(file)
        except Exception:  # noqa: BLE001 - missing, unreadable or damaged: the build reads the whole cache
            return None
        from builder.report import Report

        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == salt_value
                and isinstance(stored[1], dict) and isinstance(stored[1].get("state"), str)
                and isinstance(stored[1].get("report"), Report) and isinstance(stored[1].get("registry"), tuple)):
            return None
        return stored[1]

    def _replace(self, name: str, value) -> None:
        temporary = self.folder / f".{name}.{os.getpid()}.tmp"  # `check` may save at the same time
        with open(temporary, "wb") as file:
            pickle.dump((self.salt, value), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.folder / name)

    def _load(self) -> dict:
        try:
            with open(self.folder / CACHE_FILE, "rb") as file:
                stored = pickle.load(file)
        except FileNotFoundError:
            return {}
        except Exception as exc:  # noqa: BLE001 - unreadable or damaged in any way: start afresh
            return self._discard(f"{type(exc).__name__}: {exc}")
        if not _well_formed(stored):
            return self._discard("not what this builder writes")
        stored_salt, parts = stored
        return parts if stored_salt == self.salt else {}

    def _discard(self, why: str) -> dict:
        """Forget a damaged cache, and clear the way for a new one (the folder is the builder's)."""
        damaged = self.folder / CACHE_FILE
        try:
            if self.folder.exists() and not self.folder.is_dir():
                self.folder.unlink()
            elif damaged.is_dir() and not damaged.is_symlink():
                shutil.rmtree(damaged)
            (self.folder / HEAD_FILE).unlink(missing_ok=True)
        except OSError:
            pass  # then it is discarded again next time, with the same note
        self.notes.append(f"the cache {self.folder / CACHE_FILE} was damaged ({why[:200]}): it was "
                          "discarded and is made again (this build reads every article afresh)")
        return {}


def _well_formed(stored) -> bool:
    from builder.report import Report

    if not (isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[1], dict)):
        return False
    stored_salt, parts = stored
    articles, pages, listings = parts.get("articles", {}), parts.get("pages", {}), parts.get("listings", {})
    values = parts.get("values", {})
    state, report = parts.get("state"), parts.get("report")
    return (isinstance(stored_salt, str) and isinstance(articles, dict) and isinstance(pages, dict)
            and all(isinstance(a, Article) for a in articles.values())
            and all(isinstance(d, str) for d in pages.values()) and isinstance(listings, dict)
            and isinstance(values, dict)
            and isinstance(state, (str, type(None))) and isinstance(report, (Report, type(None))))
