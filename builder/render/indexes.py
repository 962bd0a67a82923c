"""Stage 7, render: the pages that gather articles: home, one page per topic, person,
organisation, place and publisher, and an index of each kind."""
from __future__ import annotations

from typing import Iterator

from builder.addresses import (
    DATA_CSV, DATA_JSON, FIGURES, HOME, TIMELINE, article_page, index_page, kind_index, link,
)
from builder.kinds import INDEX_KEYS, INDEX_KINDS, KINDS
from builder.models import Article, Page
from builder.render.knowledge_pages import DETECTED_NOTE, quotes_section
from builder.render.markup import document, md_link, md_text
from builder.resolve import IndexEntry, Site, sort_newest_first

UNDATED = "Undated"
PAGE_SIZE = 100  # articles on one topic, person, ... page; more go on further pages


def article_item(article: Article, up: str = "../") -> str:
    """One list entry: title link, then date and publisher, then the summary."""
    line = f"- **{md_link(article.title, up + article_page(article.slug))}**"
    facts = [md_text(article.date.human) if article.date else "Undated"]
    if article.publisher:
        facts.append(md_text(article.publisher))
    line += "  \n  " + " · ".join(facts)
    if article.summary:
        line += "  \n  " + md_text(article.summary)
    return line


def iter_index_pages(site: Site) -> Iterator[Page]:
    """The page of every topic, person, organisation, place and publisher; each kind's index."""
    items = {a.slug: article_item(a) for a in site.articles}  # each article is listed on many pages
    for kind in INDEX_KEYS:
        for entry in site.index[kind]:
            yield from _entry_pages(entry, items)
        yield _kind_index(kind, site.index[kind])


def _entry_pages(entry: IndexEntry, items: dict[str, str]) -> Iterator[Page]:
    """The page of one topic, person, ...; past PAGE_SIZE articles, more pages follow it."""
    kind, name = entry.kind, entry.name
    meta = {"title": name, "description": entry.description or f"{KINDS[kind].title}: {name}"}
    ordered = sort_newest_first(entry.articles)
    chunks = [ordered[i:i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)]
    paths = [entry.path] + [index_page(kind, entry.slug, n) for n in range(2, len(chunks) + 1)]
    for number, (path, chunk) in enumerate(zip(paths, chunks), 1):
        lines = [f"# {md_text(name)}" + (f" (page {number})" if number > 1 else "")]
        if number == 1 and entry.description:
            lines.append(md_text(entry.description))
        if number == 1 and entry.detected:
            lines.append(md_text(DETECTED_NOTE.format(what=KINDS[kind].entity)) + "\n{ .archive-detected }")
        count = f"{len(entry.articles)} article" + ("" if len(entry.articles) == 1 else "s")
        lines.append(f"## Articles\n\n{count}, newest first.")
        lines.append(_pager(paths, number))
        lines.extend(items[a.slug] for a in chunk)
        lines.append(_pager(paths, number))
        if number == 1 and kind == "people":
            lines.extend(quotes_section(name, entry.articles))
        yield Page(path, document(dict(meta, title=meta["title"] + (f" (page {number})" if number > 1 else "")),
                                  lines))


def _pager(paths: list[str], current: int) -> str:
    """"Pages: 1 · 2 · 3" with links to the others ('' when there is one page)."""
    if len(paths) < 2:
        return ""
    links = [str(n) if n == current else md_link(str(n), link(p, paths[0])) for n, p in enumerate(paths, 1)]
    return "Pages: " + " · ".join(links)


def _kind_index(kind: str, entries: tuple[IndexEntry, ...]) -> Page:
    title, path = KINDS[kind].title, kind_index(kind)
    ordered = sorted(entries, key=lambda e: (e.name.casefold(), e.name))
    rows = [f"- {md_link(e.name, link(e.path, path))} ({len(e.articles)})" for e in ordered]
    lines = [f"# {title}", *(rows or ["Nothing yet."])]
    return Page(path, document({"title": title}, lines))


def home_page(site: Site) -> Page:
    span = _span(site.articles)
    lines = [f"# {md_text(site.name)}"]
    if site.description:
        lines.append(md_text(site.description))
    lines.append(
        f"**{len(site.articles)}** articles from **{len(site.index['publishers'])}** publishers"
        + (f", {span}" if span else "")
        + ". Browse by " + ", ".join(f"[{k.singular}]({kind_index(k.key)})" for k in INDEX_KINDS)
        + f" or on the [timeline]({TIMELINE}); see the [key figures]({FIGURES}). "
        f"Download every article's data as [JSON]({DATA_JSON}) or [CSV]({DATA_CSV})."
    )
    lines.append("## Latest articles")
    lines.extend(article_item(a, up="") for a in site.newest[: site.settings.latest_count])
    if site.index["topics"]:
        lines.append("## Topics")
        ranked = sorted(site.index["topics"], key=lambda e: (-len(e.articles), e.name))
        lines.extend(f"- {md_link(e.name, e.path)} ({len(e.articles)})" for e in ranked)
    return Page(HOME, document({"title": site.name, "description": site.description}, lines))


def _span(articles) -> str:
    dated = sorted((a.date for a in articles if a.date), key=lambda d: d.iso)
    if not dated:
        return ""
    first, last = dated[0].human, dated[-1].human
    return f"published {first}" if first == last else f"published between {first} and {last}"
