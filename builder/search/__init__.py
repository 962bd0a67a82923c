"""The archive's own search: an index the builder writes into docs/search/ and one script
(builder/defaults/theme/assets/javascripts/archive-search.js) that reads it, the same online
and from the offline zip. search_pages() gives every file, the search page included."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from builder import warm
from builder.models import Page
from builder.resolve import Site, sort_newest_first
from builder.search.index import index_pages
from builder.search.kept import kept_index_pages
from builder.search.kept_scores import KeptScores
from builder.search.page import search_page
from builder.search.records import article_record, article_records, filter_values, listing_records, spellings


def search_pages(site: Site, vocabulary, cache_dir: Path | None = None, salt: str = "") -> Iterator[Page]:
    """With cache_dir (a build), each record's scores are kept there for the next build
    (builder.search.kept_scores), under the cache's salt."""
    names = spellings(vocabulary)
    articles = list(site.articles)
    kept = warm.state("search index")
    if kept is None:
        records = article_records(articles, names)
    else:  # the preview: the record made for the same file and address, the index updated record by record
        records = [warm.remembered("search record", (a.slug, a.source.digest), lambda a=a: article_record(a, names))
                   for a in sort_newest_first(articles)]
    count = len(records)
    shown = tuple((kind, e.name, e.slug, len(e.articles)) for kind, entries in sorted(site.index.items())
                  for e in entries)  # all the listing pages' records show
    records += warm.remembered("listing records", shown, lambda: listing_records(site, names))
    yield search_page()
    if kept is None:
        scores = KeptScores(cache_dir, salt) if cache_dir is not None else None
        yield from index_pages(records, filter_values(articles), count, scores.scored if scores else None)
        if scores is not None:
            scores.save()
    else:
        yield from kept_index_pages(records, filter_values(articles), count, kept)
