"""Stage 7, render: the pages that gather articles: home, one page per topic, person,
organisation, place and publisher, and an index of each kind."""
from __future__ import annotations

from typing import Iterator

from builder import warm
from builder.addresses import (
    index_page, kind_index, link,
)
from builder.kinds import INDEX_KEYS, KINDS
from builder.models import Article, Page
from builder.render.knowledge_pages import DETECTED_NOTE, quotes_section
from builder.render import listing_html
from builder.render.markup import document, md_link, md_text
from builder.resolve import IndexEntry, Site, sort_newest_first

UNDATED = "Undated"
PAGE_SIZE = 100  # articles on one topic, person, ... page; more go on further pages


def listed_item(article: Article, up: str = "../") -> str:
    """One list entry (listing_html.entry); the preview keeps the one made for the same file and
    address (builder.warm: an article's title, date, publisher and summary are read out of its file)."""
    return warm.remembered("item", (article.slug, article.source.digest, up), lambda: listing_html.entry(article, up))


def iter_index_pages(site: Site) -> Iterator[Page]:
    """The page of every topic, person, organisation, place and publisher; each kind's index."""
    items = _Items(site.articles)  # each article is listed on many pages
    for kind in INDEX_KEYS:
        for entry in site.index[kind]:
            if not warm.keeps("listing"):  # no key to work out (it lists every article of the entry)
                yield from _entry_pages(entry, items)
                continue
            # the preview, or a build's listing store, keeps the pages made for the same entry and articles
            yield from warm.remembered("listing", _entry_key(entry), lambda e=entry: list(_entry_pages(e, items)))
        shown = tuple((e.name, e.slug, len(e.articles)) for e in site.index[kind])  # all a kind's index shows
        yield warm.remembered("kind index", (kind, shown), lambda k=kind: _kind_index(k, site.index[k]))


class _Items(dict):
    """slug -> the article's list entry, made when a page first asks for it; and each
    article's place in the whole archive newest first (sort_newest_first once, not per page)."""

    def __init__(self, articles=()):  # none: each entry sorted on its own (the preview's quick path)
        super().__init__()
        self.articles, self.place = articles, None  # (worked out when a page first needs it)

    def entry(self, article: Article) -> str:
        if article.slug not in self:
            self[article.slug] = listed_item(article)
        return self[article.slug]

    def newest_first(self, articles) -> list[Article]:
        """sort_newest_first(articles), for articles of the archive (its order is a total order)."""
        if self.place is None:
            self.place = {id(a): n for n, a in enumerate(sort_newest_first(self.articles))}
        place = self.place
        if not all(id(a) in place for a in articles):
            return sort_newest_first(articles)
        return sorted(articles, key=lambda a: place[id(a)])


def _entry_key(entry: IndexEntry) -> tuple:
    """Everything an entry's pages show: the entry, its articles (their files and addresses)."""
    return (entry.kind, entry.name, entry.slug, entry.path, entry.description, entry.detected,
            warm.articles_key(entry.articles))


def _entry_pages(entry: IndexEntry, items: _Items) -> Iterator[Page]:
    """The page of one topic, person, ...; past PAGE_SIZE articles, more pages follow it."""
    kind, name = entry.kind, entry.name
    meta = {"title": name, "description": entry.description or f"{KINDS[kind].title}: {name}", "tab": KINDS[kind].title}
    ordered = items.newest_first(entry.articles)
    chunks = [ordered[i:i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)]
    paths = [entry.path] + [index_page(kind, entry.slug, n) for n in range(2, len(chunks) + 1)]
    links = _pager_links(paths)
    for number, (path, chunk) in enumerate(zip(paths, chunks), 1):
        lines = [f"# {md_text(name)}" + (f" (page {number})" if number > 1 else "")]
        if number == 1 and entry.description:
            lines.append(md_text(entry.description))
        if number == 1 and entry.detected:
            lines.append(md_text(DETECTED_NOTE.format(what=KINDS[kind].entity)) + "\n{ .archive-detected }")
        count = f"{len(entry.articles)} article" + ("" if len(entry.articles) == 1 else "s")
        lines.append(f"## Articles\n\n{count}, newest first.")
        if number == 1 and kind == "publishers":
            from builder.render.authors import per_year  # authors.py builds on this module
            lines.append(per_year(entry.articles))
        pager = _pager(links, number)
        lines.append(pager)
        lines.append(listing_html.block(items.entry(a) for a in chunk))
        lines.append(pager)
        if number == 1 and kind == "people":
            lines.extend(quotes_section(name, entry.articles))
        yield Page(path, document(dict(meta, title=meta["title"] + (f" (page {number})" if number > 1 else "")),
                                  lines))


def _pager_links(paths: list[str]) -> list[str]:
    """The link to each page of an entry, made once (not once per page: a topic of 10,000
    articles has 100 pages, each with a pager of 100 links)."""
    return [md_link(str(n), link(p, paths[0])) for n, p in enumerate(paths, 1)] if len(paths) > 1 else []


def _pager(links: list[str], current: int) -> str:
    """"Pages: 1 · 2 · 3" with links to the others ('' when there is one page)."""
    if len(links) < 2:
        return ""
    return "Pages: " + " · ".join(str(n) if n == current else text for n, text in enumerate(links, 1))


def _kind_index(kind: str, entries: tuple[IndexEntry, ...]) -> Page:
    title, path = KINDS[kind].title, kind_index(kind)
    ordered = sorted(entries, key=lambda e: (e.name.casefold(), e.name))
    rows = [f"- {md_link(e.name, link(e.path, path))} ({len(e.articles)})" for e in ordered]
    lines = [f"# {title}", *(rows or ["Nothing yet."])]
    return Page(path, document({"title": title}, lines))
