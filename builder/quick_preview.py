"""`builder serve`'s quick path: the edited article's own page first, everything else after.

A full regeneration of a 2,000-article archive takes seconds (every index page and the search
index are made again). So after an edit to an article the site already has, its page alone is
read out again and rendered at once, against the site as the last regeneration left it (its
address, its neighbours), and written into docs/: LiveSite renders that one page and the
browser reloads. The full regeneration (pipeline.generate, in place) follows in the background
and brings the rest up to date: the pages that list the article, the feeds, the search index,
and the article's own page if its neighbours changed. Until it ends these lag; they never stay
wrong, because a regeneration always runs after the last edit and writes what a cold
`builder generate` writes.

An edit the quick path cannot show alone (a new or removed file, a new address, a draft, a
file that does not read, a settings change) waits for the regeneration.

One race is guarded: a regeneration that began before the quick path wrote a page read the
older text, so it leaves that page as it is (the regeneration after it writes the page).
"""
from __future__ import annotations

import dataclasses
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from builder.addresses import article_page
from builder import incremental, quick_listings, saved_pages, warm
from builder.cache import key
from builder.errors import SourceError
from builder.knowledge import load_vocabulary
from builder.config import Paths
from builder.models import Article, Page
from builder.permalinks import assign_slugs
from builder.readout import ReadSettings, reader_for
from builder.render.article_page import render_article
from builder.resolve import Site
from builder.search.index import RecordScores
from builder.sources import read_bytes


BEING_SAVED_SECONDS = 2.0  # an article file emptied this recently is taken to be in the middle of a save
YIELD_MOST_SECONDS = 10.0  # a regeneration gives way to newer edits, but not past this after the first one waiting


class QuickPages:
    """The site as the last regeneration resolved it, and the pages written ahead of the next."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        RecordScores.keep()  # each regeneration scores only the search records that changed
        self._site: Site | None = None
        self._by_file: dict[str, Article] = {}
        self._lock = threading.Lock()
        self.busy = threading.Lock()  # held by a regeneration (preview.py) and by the quick path's search index
        self._ahead: dict[str, float] = {}  # docs/ page -> when the quick path wrote it
        self.on_written: Callable[[list[str]], None] | None = None  # told the pages at once (the server polls)
        self.shown_all = False  # the last edited() showed every file's edit whole: page, listings, search
        self._edits = 0  # edited() calls so far
        self._waiting_since: float | None = None  # the first edit no regeneration has written since
        self.give_way_seconds = YIELD_MOST_SECONDS

    @property
    def site(self) -> Site | None:
        return self._site

    def remember(self, site: Site | None) -> None:
        if site is not None:
            with self._lock:
                self._site, self._by_file = site, {a.source.rel_path: a for a in site.articles}

    def load(self) -> None:
        """The vocabularies loaded before the first edit; the site as it is, unless the preview
        keeps what a regeneration makes (builder.warm): then its first regeneration, which is
        always run, hands the site over (follow) and a second resolve here would only compete
        with it for the processor."""
        if self._site is None and not warm.active():
            from builder.pipeline import gather  # the pipeline calls back into this module's follow()

            self.remember(gather(self.paths).site)
        reader_for(ReadSettings.of(self.paths.config))  # the vocabularies loaded before the first edit

    def edited(self, files: Iterable[Path]) -> list[str]:
        """Write the pages of these edited files that can be shown alone, then the pages that
        list them and the search index where the site lets them be patched (quick_listings);
        their docs/ paths, each batch told to on_written as it is written."""
        files, written, swapped = list(files), [], []
        self.shown_all = False
        self._edits += 1  # a regeneration under way gives way (follow)
        if self._waiting_since is None:
            self._waiting_since = time.monotonic()
        for path in files:
            found = self._edited_article(Path(path))
            if found is not None:
                page = render_article(found[1], self._site)
                if self._write(page):
                    written.append(page.path)
                swapped.append(found)
        self._tell(written)
        site = self._patched(swapped)
        if site is None:
            return written
        searched = self._search(site, wait=False)  # first, when no regeneration holds it: it is quick to serve
        self._tell(searched)
        known = warm.written(self.paths.docs)
        listed = [page.path for new in swapped for page in quick_listings.listing_pages(site, new[1])
                  if self._write(page, listing=True, known=known)]
        self._tell(listed)
        if searched is None:
            searched = self._search(site, wait=True)
            self._tell(searched or [])
        self.shown_all = searched is not None and len(swapped) == len(files)
        return written + (searched or []) + listed

    def _tell(self, written: list[str]) -> None:
        if written and self.on_written:
            self.on_written(written)

    def _patched(self, swapped: list[tuple[Article, Article]]) -> Site | None:
        """The site with the edited articles swapped in, kept for the next edits; None unless
        every edit left its article's place in the site as it was (the regeneration brings those)."""
        with self._lock:
            base = site = self._site
            for old, new in swapped:
                if site is None or self._by_file.get(new.source.rel_path) is not old \
                        or not quick_listings.same_place(old, new):
                    return None
                site = quick_listings.patched(site, old, new)
            if site is base:
                return None
            self._site = site
            self._by_file.update((new.source.rel_path, new) for _old, new in swapped)
            return site

    def _search(self, site: Site, wait: bool) -> list[str] | None:
        """The search index of the patched site, record by record, when no regeneration uses
        it (busy); None when it is left to the regeneration: one holds it and `wait` is false,
        one resolved the site again meanwhile, or the preview keeps no index (builder.warm)."""
        if not warm.active() or not self.busy.acquire(blocking=wait):
            return None
        try:
            if self._site is not site:
                return None
            known = warm.written(self.paths.docs)
            return [page.path for page in quick_listings.search_files(site, self._vocabulary())
                    if self._write(page, listing=True, known=known)]
        finally:
            self.busy.release()

    def _vocabulary(self):
        salt = warm.salt()
        return warm.remembered("vocabulary", salt, lambda: load_vocabulary(self.paths.config))

    def follow(self, started: float):
        """For generate(pages=...): the regeneration's pages, the site kept for the next edits,
        and a page the quick path wrote since `started` left as it is. A file edited after it
        began stops it (Superseded) before its next page: the quick path shows that edit at
        once without sharing the processor with it, and the regeneration run after it brings
        both edits. It gives way only while the quick path has a site to work from, and not
        past give_way_seconds after the first edit it has not written."""
        edits = self._edits

        def pages(archive) -> Iterator[Page]:
            self._give_way(edits)
            self._check_settled(archive.site)
            self.remember(archive.site)
            for page in archive.pages:
                self._give_way(edits)
                if self._ahead.get(page.path, 0.0) >= started:
                    current = self._current(page.path)
                    yield page if current is None else Page(page.path, current)
                else:
                    yield page
            if self._edits == edits:
                self._waiting_since = None

        pages.checkpoint = lambda: self._give_way(edits)  # between the steps of reading and resolving (gather)
        return pages

    def _give_way(self, edits: int) -> None:
        waiting = self._waiting_since
        if self._edits != edits and self._site is not None and waiting is not None \
                and time.monotonic() - waiting < self.give_way_seconds:
            raise Superseded()

    def _check_settled(self, site: Site | None) -> None:
        """Raise BeingSaved when an article the last site had was read empty and was changed
        just now: an editor saving it in place had emptied it (the regeneration would take it
        off the site and put it back after; it is run again instead, before writing anything)."""
        present = {a.source.rel_path for a in site.articles} if site is not None else set()
        for rel in self._by_file.keys() - present:
            try:
                stat = (self.paths.content / rel).stat()
            except OSError:
                continue
            if stat.st_size == 0 and time.time() - stat.st_mtime < BEING_SAVED_SECONDS:
                raise BeingSaved(rel)

    def _edited_article(self, path: Path) -> tuple[Article, Article] | None:
        """(the article as the site has it, its new read-out), when its page can be shown alone."""
        try:
            rel = path.resolve().relative_to(self.paths.content.resolve()).as_posix()
        except (OSError, ValueError):
            return None
        with self._lock:
            site, old = self._site, self._by_file.get(rel)
        if site is None or old is None or not path.is_file():
            return None
        outcome = _read_out(path, rel, self.paths.config)
        if outcome is None:
            return None
        incremental.share_read_out(self.paths.cache_dir, outcome)
        [article], _ = assign_slugs([outcome], site.registry, {rel}, complete=False)
        if (article.slug, article.previous_slugs) != (old.slug, old.previous_slugs):
            return None  # a new address: old addresses and listings change with it
        return old, article

    def _write(self, page: Page, listing: bool = False, known: dict[str, bytes] | None = None) -> bool:
        """Write the page unless the file holds its bytes (known: what the regeneration's writer
        knows to be there, spares reading the file)."""
        target = self.paths.docs / page.path
        if known is not None and known.get(page.path) == page.content:
            return False
        if self._current(page.path) == page.content or not (listing or page.path == article_page(Path(page.path).stem)):
            return False
        warm.rewritten(self.paths.docs, page.path)  # the regeneration's writer compares with the file again
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.quick")
        temporary.write_bytes(page.content)
        self._ahead[page.path] = time.monotonic()
        os.replace(temporary, target)
        return True

    def _current(self, rel: str) -> bytes | None:
        try:
            return (self.paths.docs / rel).read_bytes()
        except OSError:
            return None


class BeingSaved(Exception):
    """An article file is being saved: the regeneration is run again in a moment."""


class Superseded(Exception):
    """A file was edited while a regeneration ran: it stops, and the next one brings the edit."""


def _read_out(path: Path, rel: str, config: Path) -> Article | None:
    """The file read out as a build reads it (its digest the cache's key), or None if it is no article."""
    try:
        data = read_bytes(path, rel)
    except SourceError:
        return None
    digest = key(rel, data + saved_pages.sidecar_bytes(path) if saved_pages.is_page(rel) else data)
    outcome = reader_for(ReadSettings.of(config))((path, rel, data))
    if not isinstance(outcome, Article):
        return None
    return dataclasses.replace(outcome, source=dataclasses.replace(outcome.source, digest=digest))
