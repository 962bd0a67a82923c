"""Incremental builds: what the last build left behind spares this one work.

- The same inputs as the last build, whose output is all in place: its report is given
  back and nothing is rendered or written (`unchanged`).
- An article page whose inputs (its file, its address, its neighbours, the site) are the
  same as when its file in docs/ was written is read back, not rendered again (`pages`).
The read-out articles themselves are reused by `process` (builder.cache).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

from builder.addresses import article_page
from builder.cache import ArticleCache
from builder.config import Paths
from builder.models import Article, Page
from builder.render.article_page import render_article
from builder.resolve import Site
from builder.write import MANIFEST


def inputs_digest(address: str, cache: ArticleCache, outcomes, skipped) -> str:
    """Everything the output depends on: each file's bytes (as cache keys) or failure,
    the skipped files, site_config/ and the builder (the cache's salt), the site's address."""
    digest = hashlib.sha256(cache.salt.encode())
    for outcome in outcomes:
        digest.update(repr(outcome.source.digest if isinstance(outcome, Article) else outcome).encode())
    digest.update(repr(skipped).encode())
    digest.update(address.encode())
    return digest.hexdigest()


def with_outputs(state: str, paths: Paths) -> str:
    """The inputs' digest with what a build leaves behind: the address registry (also read
    by the next build) and the files in docs/."""
    registry = paths.registry_file
    written = hashlib.sha256(registry.read_bytes() if registry.exists() else b"").hexdigest()
    return f"{state}:{written}:{_docs_signature(paths.docs)}"


def unchanged(cache: ArticleCache, state: str, paths: Paths) -> bool:
    """The last build had these same inputs, and its output is all in place."""
    return cache.report is not None and cache.state == with_outputs(state, paths)


def remember(cache: ArticleCache, state: str, paths: Paths, report) -> None:
    """This build's inputs (with its output) and report, for the next build."""
    cache.remember(with_outputs(state, paths), report)


def article_pages(site: Site, cache: ArticleCache, docs: Path) -> Iterator[Page]:
    """Every article's page, read back from docs/ when its inputs did not change."""
    for article in site.articles:
        path = article_page(article.slug)
        yield Page(path, cache.page(page_key(article, site), docs / path,
                                    lambda a=article: render_article(a, site).content))


def page_key(article: Article, site: Site) -> str:
    """Everything an article's page shows: its file, its address, its neighbours, the site."""
    neighbours = [(o.slug, o.title, o.date.iso if o.date else "") for o in site.related.get(article.slug, ())]
    copies = [(o.slug, o.title, o.publisher) for o in site.also_published.get(article.slug, ())]
    inputs = (article.source.digest, article.slug, article.previous_slugs, neighbours, copies,
              site.url, site.name)
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def _docs_signature(docs: Path) -> str | None:
    """Size and modification time of every file the last build wrote (None: one is gone),
    so a file changed or removed by hand is noticed and made again."""
    try:
        listed = (docs / MANIFEST).read_text(encoding="utf-8").split()
        stats = [os.stat(os.path.join(docs, rel)) for rel in listed]
    except OSError:
        return None
    digest = hashlib.sha256()
    for rel, stat in zip(listed, stats):
        digest.update(f"{rel}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
