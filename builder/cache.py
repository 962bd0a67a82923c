"""A content-hash cache of processed articles under .cache/, so an unchanged file is not
read out again. Any change to site_config/ or to the builder's code starts a new cache."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path

from builder.models import Article

CACHE_FILE = "articles.pickle"
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
    """key -> Article, and page key -> the digest of the page rendered for it, kept in one
    pickle; entries not used in a build are dropped on save."""

    def __init__(self, folder: Path | None, salt_value: str):
        self.folder, self.salt = folder, salt_value
        self.notes: list[str] = []  # a damaged cache, discarded
        self.entries, self.pages, self.state, self.report = self._load() if folder else ({}, {}, None, None)
        self.used: dict[str, Article] = {}
        self.pages_used: dict[str, str] = {}
        self.rendered = False  # pages were made in this run (else their digests are kept as they were)
        self.remembered = False  # a build's inputs and report were recorded in this run
        self.hits = 0

    def get(self, cache_key: str) -> Article | None:
        article = self.entries.get(cache_key)
        if article is not None:
            self.hits += 1
            self.used[cache_key] = article
        return article

    def put(self, cache_key: str, article: Article) -> None:
        self.used[cache_key] = article

    def page(self, page_key: str, written: Path, render) -> bytes:
        """The page: the file already written for these same inputs (read back, not
        rendered again) when its digest still matches, else render() now."""
        self.rendered = True
        digest = self.pages.get(page_key)
        if digest is not None:
            try:
                content = written.read_bytes()
            except OSError:
                content = None
            if content is not None and hashlib.sha1(content).hexdigest() == digest:
                self.pages_used[page_key] = digest
                return content
        content = render()
        self.pages_used[page_key] = hashlib.sha1(content).hexdigest()
        return content

    def remember(self, state: str, report) -> None:
        """The digest of a build's inputs and its report: the same inputs give the same output."""
        self.state, self.report, self.remembered = state, report, True

    def save(self) -> None:
        if not self.rendered:
            self.pages_used = self.pages
        unchanged = self.used.keys() == self.entries.keys() and self.pages_used.keys() == self.pages.keys()
        if not self.folder or (unchanged and not self.remembered):
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f".{CACHE_FILE}.{os.getpid()}.tmp"  # `check` may save at the same time
            with open(temporary, "wb") as file:
                pickle.dump((self.salt, self.used, self.pages_used, self.state, self.report), file,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / CACHE_FILE)
            for stale in self.folder.glob(f".{CACHE_FILE}.*.tmp"):  # left by a build that was killed
                stale.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def _load(self) -> tuple[dict[str, Article], dict[str, str], str | None, object]:
        try:
            with open(self.folder / CACHE_FILE, "rb") as file:
                stored = pickle.load(file)
        except FileNotFoundError:
            return {}, {}, None, None
        except Exception as exc:  # noqa: BLE001 - unreadable or damaged in any way: start afresh
            return self._discard(f"{type(exc).__name__}: {exc}")
        if not _well_formed(stored):
            return self._discard("not what this builder writes")
        stored_salt, entries, pages, state, report = stored
        return (entries, pages, state, report) if stored_salt == self.salt else ({}, {}, None, None)

    def _discard(self, why: str) -> tuple[dict, dict, None, None]:
        """Forget a damaged cache, and clear the way for a new one (the folder is the builder's)."""
        damaged = self.folder / CACHE_FILE
        try:
            if self.folder.exists() and not self.folder.is_dir():
                self.folder.unlink()
            elif damaged.is_dir() and not damaged.is_symlink():
                shutil.rmtree(damaged)
        except OSError:
            pass  # then it is discarded again next time, with the same note
        self.notes.append(f"the cache {self.folder / CACHE_FILE} was damaged ({why[:200]}): it was "
                          "discarded and is made again (this build reads every article afresh)")
        return {}, {}, None, None


def _well_formed(stored) -> bool:
    from builder.report import Report

    if not (isinstance(stored, tuple) and len(stored) == 5):
        return False
    stored_salt, entries, pages, state, report = stored
    return (isinstance(stored_salt, str) and isinstance(entries, dict) and isinstance(pages, dict)
            and all(isinstance(a, Article) for a in entries.values())
            and all(isinstance(d, str) for d in pages.values())
            and isinstance(state, (str, type(None))) and isinstance(report, (Report, type(None))))
