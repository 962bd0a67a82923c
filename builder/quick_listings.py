"""`builder serve`'s quick path, second step: the pages that list an edited article, and its
search record, made at once from the site the last regeneration resolved (issue 18).

An edit that changes an article's text but nothing the site works out from it beyond the
article itself (its address, title, date, publisher, author and the names it is listed under
stay the same) leaves every listing's entries and order as they were: only the article's own
entry changes (its summary, a quote on a person's page). So the site is patched, the one
article swapped for its new read-out, and the pages that show it are made by the same
renderers a build uses: each topic, person, organisation, place and publisher page it is
listed on, its author's page, its year on the timeline, the home page when it is among the
latest, and the search index (updated record by record, builder.search.kept).

Anything else (another title or date, a name added or gone, a first regeneration not yet
done) is left to the regeneration, which follows every edit and writes what a cold
`builder generate` writes; so do the feeds, the data downloads and the key figures.
"""
from __future__ import annotations

import dataclasses
from typing import Iterator

from builder import warm
from builder.kinds import INDEX_KEYS, KINDS
from builder.models import Article, Page
from builder.render.authors import _author, group_authors
from builder.render.home import home_page
from builder.render.indexes import _entry_pages, _Items
from builder.addresses import TIMELINE, timeline_page
from builder.render.timeline import SPLIT_AT, UNDATED, iter_timeline_pages
from builder.resolve import Site, article_features, index_names
from builder.search import search_pages


def same_place(old: Article, new: Article) -> bool:
    """The new read-out sits where the old one did: same address, same order in every list
    (title, date), same facts shown beside the summary, same names listed and counted."""
    if (new.slug, new.previous_slugs, new.title, new.date, new.publisher, new.author) != \
            (old.slug, old.previous_slugs, old.title, old.date, old.publisher, old.author):
        return False
    for kind in INDEX_KEYS:
        if index_names(new, kind) != index_names(old, kind):
            return False
        if KINDS[kind].entity and getattr(new.knowledge, f"detected_{kind}") != getattr(old.knowledge, f"detected_{kind}"):
            return False
    return article_features(new) == article_features(old)


def patched(site: Site, old: Article, new: Article) -> Site:
    """The site with `new` in place of `old` (same_place holds): every list keeps its order."""
    def swap(articles):
        return tuple(new if a is old else a for a in articles) if _holds(articles, old) else articles

    entries = {}  # each entry that lists the article, once (names that slugify alike share one)
    for kind in INDEX_KEYS:
        for name in index_names(old, kind):
            entry = site.entries.get((kind, name))
            if entry is not None and id(entry) not in entries:
                entries[id(entry)] = dataclasses.replace(entry, articles=swap(entry.articles))
    index = {kind: tuple(entries.get(id(e), e) for e in items) for kind, items in site.index.items()}
    return dataclasses.replace(
        site, articles=swap(site.articles), newest=swap(site.newest), undated=swap(site.undated),
        years=tuple((year, swap(items)) for year, items in site.years), index=index,
        entries={key: entries.get(id(e), e) for key, e in site.entries.items()},
        related={slug: swap(items) for slug, items in site.related.items()},
        also_published={slug: swap(items) for slug, items in site.also_published.items()})


def listing_pages(site: Site, new: Article) -> Iterator[Page]:
    """The pages of `site` (patched: `new` in it) that list the article; each listing's pages
    in full (the writer leaves those whose bytes did not change)."""
    done: set[str] = set()
    for kind in INDEX_KEYS:
        for name in index_names(new, kind):
            entry = site.entries.get((kind, name))
            if entry is not None and entry.path not in done:
                done.add(entry.path)
                yield from _entry_pages(entry, _Items())
    if new.author:
        for name, items in group_authors(site.articles).items():
            if _holds(items, new):
                yield _author(name, items)
    yield from _timeline_page(site, new)
    if _holds(site.newest[: site.settings.latest_count], new):
        yield home_page(site)


def _timeline_page(site: Site, new: Article) -> Iterator[Page]:
    """The timeline page that lists the article: the one page of a small archive, else its
    year's (made from the site narrowed to that year: the other years' pages are not made)."""
    if len(site.articles) <= SPLIT_AT:
        wanted, narrowed = TIMELINE, site
    else:
        year = new.date.year if new.date else None
        wanted = timeline_page(UNDATED if year is None else year)
        narrowed = dataclasses.replace(site, years=tuple((y, items) for y, items in site.years if y == year),
                                       undated=site.undated if year is None else ())
    for page in iter_timeline_pages(narrowed):
        if page.path == wanted:
            yield page
            return


def _holds(articles, article: Article) -> bool:
    """The article is one of these (the very object: comparing articles field by field is slow)."""
    return any(a is article for a in articles)


def search_files(site: Site, vocabulary) -> Iterator[Page]:
    """The search index of the patched site, when the preview keeps it record by record (else
    the regeneration makes it: made in full it takes seconds)."""
    kept = warm.state("search index")
    return search_pages(site, vocabulary) if kept and kept.get("records") else iter(())
