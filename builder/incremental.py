"""Incremental builds: what the last build left behind spares this one work.

- An unchanged file is not read out again (Cache.articles, used by process).
- The same inputs as the last build, whose output is all in place: its report is given
  back and nothing is rendered or written (Cache.unchanged).
- An article page whose inputs (its file, its address, its neighbours, the site) are the
  same as when its file in docs/ was written is read back, not rendered again (PageDigests).
- So is a listing page (a topic's, a person's, ...) made for the same articles
  (builder.warm.WrittenPages).
All three are kept in one file under .cache/ (builder.cache).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from builder import warm
from builder.addresses import article_page
from builder.cache import ArticleCache, CacheFile
from builder.config import Paths
from builder.models import Article, Page
from builder.render import iter_browsing_pages
from builder.render.article_page import render_article
from builder.render.related_reasons import reasons
from builder.resolve import ALL, Site, article_features
from builder.unchanged import with_outputs

T = TypeVar("T")


class PageDigests:
    """page key -> the digest of the page written for it."""

    def __init__(self, digests: dict[str, str]):
        self.digests = digests
        self.used: dict[str, str] = {}
        self.rendered = False  # pages were made in this run (else the digests are kept as they were)

    def page(self, page_key: str, written: Path, render) -> bytes:
        """The page: the file already written for these same inputs (read back, not
        rendered again) when its digest still matches, else render() now."""
        self.rendered = True
        digest = self.digests.get(page_key)
        if digest is not None:
            try:
                content = written.read_bytes()
            except OSError:
                content = None
            if content is not None and hashlib.sha1(content).hexdigest() == digest:
                self.used[page_key] = digest
                return content
        content = render()
        self.used[page_key] = hashlib.sha1(content).hexdigest()
        return content

    def kept(self) -> dict[str, str]:
        return self.used if self.rendered else self.digests


class Cache:
    """What this build may reuse and what it leaves for the next, in one file (builder.cache)."""

    def __init__(self, folder: Path | None, salt: str):
        self.file = CacheFile(folder, salt)
        parts = self.file.parts
        self.salt, self.notes = salt, self.file.notes  # notes: a damaged cache, discarded
        self.articles = ArticleCache(parts.get("articles"))
        self.pages = PageDigests(parts.get("pages") or {})
        self.listings = parts.get("listings") or {}  # the listing pages written (builder.warm.WrittenPages)
        self.listings_used: dict | None = None  # those this build made or read back (None: it made none)
        self.values = parts.get("values") or {}  # whole-site values (builder.warm.BuiltValues)
        self.values_used: dict | None = None
        self.state: str | None = parts.get("state")  # the last build's inputs, with its output
        self.report = parts.get("report")  # the last build's report
        self.remembered = False
        # the address record as this build read it: (digest of its bytes, the notes its reading gave)
        self.registry: tuple[str, list[str]] | None = None
        head = CacheFile.head(folder, salt) if folder else None
        self.head_registry = head.get("registry") if head and head.get("state") == self.state else None

    def unchanged(self, state: str, paths: Paths) -> bool:
        """The last build had these same inputs, and its output is all in place."""
        return self.report is not None and self.state == with_outputs(state, paths)

    def remember(self, state: str, paths: Paths, report) -> None:
        """This build's inputs (with its output) and report: the same inputs give the same output."""
        self.state, self.report, self.remembered = with_outputs(state, paths), report, True

    def save(self) -> None:
        """Keep what this build used; entries it did not use are dropped."""
        pages = self.pages.kept()
        listings = self.listings if self.listings_used is None else self.listings_used
        values = self.values if self.values_used is None else self.values_used
        head = {"state": self.state, "report": self.report, "registry": self.registry}
        if self.articles.changed or pages.keys() != self.pages.digests.keys() or self.remembered \
                or listings != self.listings or values.keys() != self.values.keys():
            self.file.save({"articles": self.articles.used, "pages": pages, "listings": listings,
                            "values": values, "state": self.state, "report": self.report}, head)
        elif self.state is not None and self.registry is not None and self.registry != self.head_registry:
            self.file.save_head(head)  # the same file: its head, with the address record as read now


def kept_cache(folder: Path | None, salt: str) -> Cache:
    """The cache: read from its file by a build; the preview keeps it in memory from one
    regeneration to the next (builder.warm), its articles those the last one used."""
    if not warm.active():
        return Cache(folder, salt)
    cache = warm.remembered("cache", (str(folder), salt), lambda: Cache(folder, salt))
    if cache.articles.used:
        cache.articles = ArticleCache(cache.articles.used)
    return cache


def share_read_out(folder: Path | None, article: Article) -> None:
    """The preview's quick path read this file out (its digest the cache's key): the
    regeneration that follows finds it in the kept cache instead of reading it out again."""
    cache = warm.peek("cache", (str(folder), warm.salt()))
    if isinstance(cache, Cache):
        cache.articles.entries[article.source.digest] = article
        cache.articles.used[article.source.digest] = article


def article_pages(site: Site, pages: PageDigests, docs: Path) -> Iterator[Page]:
    """Every article's page, read back from docs/ when its inputs did not change."""
    for article in site.articles:
        path = article_page(article.slug)
        if warm.active():  # the preview: the page made for the same inputs is in memory
            render = lambda a=article: render_article(a, site).content  # noqa: E731
            if warm.stored():  # (its first regeneration: the page the last build wrote for them)
                render = lambda a=article, p=path: _built_page(a, site, pages, docs / p)  # noqa: E731
            yield Page(path, warm.remembered("page", kept_page_key(article, site), render))
        else:  # the related reasons are worked out once, for the key and the page
            why = reasons(article, site.related.get(article.slug, ()), site.mentions)
            render = lambda a=article, w=why: render_article(a, site, w).content  # noqa: E731
            yield Page(path, pages.page(page_key(article, site, why), docs / path, render))


def _built_page(article: Article, site: Site, pages: PageDigests, written: Path) -> bytes:
    """An article's page as a build makes it: read back from docs/ when its inputs did not change."""
    why = reasons(article, site.related.get(article.slug, ()), site.mentions)
    return pages.page(page_key(article, site, why), written, lambda: render_article(article, site, why).content)


def resolved(cache: Cache, resolve: Callable[[], T]) -> T:
    """resolve(), its whole-site values (related articles, syndicated copies) kept in the cache
    by a build for the same articles' names (builder.warm.BuiltValues; the preview keeps them)."""
    built = warm.BuiltValues(cache.values) if warm.stored() else None
    warm.values_from(built)
    try:
        site = resolve()
    finally:
        warm.values_from(None)
    if built is not None:
        cache.values_used = built.used
    return site


def browsing_pages(site: Site, cache: Cache, docs: Path) -> Iterator[Page]:
    """Every page that gathers articles (render.iter_browsing_pages); a build finds the listings
    whose articles did not change in docs/, as written (builder.warm.WrittenPages)."""
    written = warm.WrittenPages(docs, cache.listings) if warm.stored() else None
    warm.pages_from(written)
    try:
        yield from iter_browsing_pages(site)
    finally:
        warm.pages_from(None)
    if written is not None:
        cache.listings_used = written.used


def page_key(article: Article, site: Site, why: tuple[str, ...] | None = None) -> str:
    """Everything an article's page shows: its file, its address, its neighbours, the site
    (why: the reasons of its related articles, when already worked out)."""
    related = site.related.get(article.slug, ())
    why = reasons(article, related, site.mentions) if why is None else why
    neighbours = [(o.slug, o.title, o.date.iso if o.date else "", o.publisher, w) for o, w in zip(related, why)]
    copies = [(o.slug, o.title, o.publisher) for o in site.also_published.get(article.slug, ())]
    inputs = (article.source.digest, article.slug, article.previous_slugs, neighbours, copies,
              site.url, site.name)
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def kept_page_key(article: Article, site: Site) -> tuple:
    """page_key's inputs as the preview finds them without working out the related reasons
    (1.2 s per edit at 2,000 articles): an article's title, date, publisher and names are
    read out of its file (its digest), and a reason names the features two articles share,
    ranked by how many articles carry each (so: the counts of this article's features)."""
    counts, everywhere = site.mentions, site.mentions.get(ALL, 0)
    carried = warm.remembered("sorted features", article.source.digest, lambda: sorted(article_features(article)))
    ranked = tuple(count if everywhere < 3 or count < everywhere else None
                   for count in (counts.get(f, 0) for f in carried))
    return (article.source.digest, article.slug, article.previous_slugs,
            tuple((o.slug, o.source.digest) for o in site.related.get(article.slug, ())),
            tuple((o.slug, o.source.digest) for o in site.also_published.get(article.slug, ())),
            everywhere < 3, ranked, site.url, site.name)
