"""Stage 7, render: the resolved Site -> pages (Markdown with front matter, and plain files).

Each family of pages is a plain iter_*_pages(site); the article pages are made through
builder.incremental, which reads back those whose inputs did not change.
"""
from __future__ import annotations

from typing import Iterator

from builder.models import Page
from builder.permalinks import dump_registry
from builder.registry import REGISTRY_PAGE
from builder.render.authors import iter_author_pages
from builder.render.extras import iter_redirects, iter_removed, iter_source_files
from builder.render.feeds import iter_feed_pages
from builder.render.figures_table import figures_page
from builder.render.home import home_page
from builder.render.indexes import iter_index_pages
from builder.render.knowledge_pages import iter_data_pages
from builder.render.timeline import iter_timeline_pages
from builder.resolve import Site


def iter_browsing_pages(site: Site) -> Iterator[Page]:
    """The pages that gather articles (the report counts them as index pages)."""
    yield from iter_index_pages(site)
    yield from iter_author_pages(site)
    yield from iter_timeline_pages(site)
    yield home_page(site)
    yield figures_page(site)


def iter_files(site: Site, registry: bytes | None = None) -> Iterator[Page]:
    """The files beside the pages: data downloads, the texts as received, redirects from old
    addresses, removal notices, the address record (the next deploy merges it in; registry:
    its bytes, when already written out), feeds."""
    yield from iter_data_pages(site)
    yield from iter_source_files(site)
    yield from iter_redirects(site)
    yield from iter_removed(site)
    yield Page(REGISTRY_PAGE, dump_registry(site.registry) if registry is None else registry)
    yield from iter_feed_pages(site)
