"""Stage 5b, render: the pages that gather articles: home, one page per topic, person,
organisation, place and publisher, an index of each kind, and the timeline."""
from __future__ import annotations

from typing import Iterable, Iterator

from builder.models import Article, Page
from builder.render.context import (
    FACET_KINDS, FACET_TITLES, SiteContext, article_path, facet_path, facet_values, sort_newest_first,
)
from builder.render.knowledge_pages import detected_note, quotes_section
from builder.render.markup import document, md_link, md_text
from builder.slugs import slugify

UNDATED = "Undated"
PAGE_SIZE = 100  # articles on one topic, person, ... page; more go on further pages


def article_item(article: Article, up: str = "../") -> str:
    """One list entry: title link, then date and publisher, then the summary."""
    line = f"- **{md_link(article.title, up + article_path(article.slug))}**"
    facts = [md_text(article.date.human) if article.date else "Undated"]
    if article.publisher:
        facts.append(md_text(article.publisher))
    line += "  \n  " + " · ".join(facts)
    if article.summary:
        line += "  \n  " + md_text(article.summary)
    return line


def group_facets(articles: Iterable[Article], kind: str) -> dict[str, list[Article]]:
    """name -> its articles; names that slugify alike are one facet (first name seen wins)."""
    by_slug: dict[str, tuple[str, list[Article]]] = {}
    for article in sorted(articles, key=lambda a: a.slug):
        for name in facet_values(article, kind):
            key = slugify(name) or "unnamed"
            by_slug.setdefault(key, (name, []))[1].append(article)
    return {name: items for name, items in by_slug.values()}


def iter_facet_pages(articles: list[Article], ctx: SiteContext) -> Iterator[Page]:
    entries = {a.slug: article_item(a) for a in articles}  # each article is listed on many pages
    for kind in FACET_KINDS:
        groups = group_facets(articles, kind)
        for name, items in groups.items():
            yield from _facet_pages(kind, name, items, ctx, entries)
        yield _facet_index(kind, groups)


def _facet_pages(kind: str, name: str, items: list[Article], ctx: SiteContext,
                 entries: dict[str, str]) -> Iterator[Page]:
    """The page of one topic, person, ...; past PAGE_SIZE articles, more pages follow it."""
    description = ctx.descriptions.get((kind, name))
    meta = {"title": name, "description": description or f"{FACET_TITLES[kind]}: {name}", "tab": FACET_TITLES[kind]}
    ordered = sort_newest_first(items)
    chunks = [ordered[i:i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)]
    first = facet_path(kind, name)
    paths = [first] + [first.replace(".md", f"-page-{n}.md") for n in range(2, len(chunks) + 1)]
    for number, (path, chunk) in enumerate(zip(paths, chunks), 1):
        lines = [f"# {md_text(name)}" + (f" (page {number})" if number > 1 else "")]
        if number == 1 and description:
            lines.append(md_text(description))
        if number == 1 and kind in ("people", "organizations", "places"):
            lines.extend(detected_note(name, items, kind))
        count = f"{len(items)} article" + ("" if len(items) == 1 else "s")
        lines.append(f"## Articles\n\n{count}, newest first.")
        if number == 1 and kind == "publishers":
            from builder.render.authors import per_year  # authors.py builds on this module
            lines.append(per_year(items))
        lines.append(_pager(paths, number))
        lines.extend(entries[a.slug] for a in chunk)
        lines.append(_pager(paths, number))
        if number == 1 and kind == "people":
            lines.extend(quotes_section(name, items))
        yield Page(path, document(dict(meta, title=meta["title"] + (f" (page {number})" if number > 1 else "")),
                                  lines))


def _pager(paths: list[str], current: int) -> str:
    """"Pages: 1 · 2 · 3" with links to the others ('' when there is one page)."""
    if len(paths) < 2:
        return ""
    links = [str(n) if n == current else md_link(str(n), p.rsplit("/", 1)[1]) for n, p in enumerate(paths, 1)]
    return "Pages: " + " · ".join(links)


def _facet_index(kind: str, groups: dict[str, list[Article]]) -> Page:
    title = FACET_TITLES[kind]
    names = sorted(groups, key=lambda n: (n.casefold(), n))
    rows = [f"- {md_link(n, facet_path(kind, n).split('/', 1)[1])} ({len(groups[n])})" for n in names]
    lines = [f"# {title}", *(rows or ["Nothing yet."])]
    return Page(f"{kind}/index.md", document({"title": title}, lines))
