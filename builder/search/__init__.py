"""The archive's own search: an index the builder writes into docs/search/ and one script
(builder/defaults/theme/assets/javascripts/archive-search.js) that reads it, the same online
and from the offline zip. search_pages() gives every file, the search page included."""
from __future__ import annotations

from typing import Iterator

from builder.models import Page
from builder.resolve import Site
from builder.search.index import index_pages
from builder.search.page import search_page
from builder.search.records import article_records, filter_values, listing_records, spellings


def search_pages(site: Site, vocabulary) -> Iterator[Page]:
    names = spellings(vocabulary)
    articles = list(site.articles)
    records = article_records(articles, names)
    count = len(records)
    records += listing_records(site, names)
    yield search_page()
    yield from index_pages(records, filter_values(articles), count)
