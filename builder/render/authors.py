"""Stage 7, render: one page per author (as the byline names them) with their articles,
an index of authors, and the articles-per-year line that author and publisher pages show.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from builder import warm
from builder.addresses import AUTHORS_INDEX, author_page, link
from builder.models import Article, Page
from builder.render import listing_html
from builder.render.indexes import listed_item
from builder.render.markup import document, md_link, md_text
from builder.resolve import Site, sort_newest_first

TITLE = "Authors"


def per_year(articles) -> str:
    """'Articles per year: 2012: 2 · 2017: 1 · undated: 1' ('' for a single article)."""
    if len(articles) < 2:
        return ""
    counts = Counter(a.date.year for a in articles if a.date)
    parts = [f"{year}: {counts[year]}" for year in sorted(counts)]
    undated = sum(1 for a in articles if not a.date)
    if undated:
        parts.append(f"undated: {undated}")
    return "Articles per year: " + " · ".join(parts) + "\n{ .archive-per-year }"


def group_authors(articles) -> dict[str, list[Article]]:
    """name -> articles; names that slugify alike are one author (first name seen wins)."""
    by_slug: dict[str, tuple[str, list[Article]]] = {}
    for article in sorted(articles, key=lambda a: a.slug):
        if article.author:
            by_slug.setdefault(author_page(article.author), (article.author, []))[1].append(article)
    return {name: items for name, items in by_slug.values()}


def _author(name: str, items: list[Article]) -> Page:
    count = f"{len(items)} article" + ("" if len(items) == 1 else "s")
    lines = [f"# {md_text(name)}", f"Articles by {md_text(name)}: {count}, newest first.", per_year(items),
             listing_html.block(listed_item(a) for a in sort_newest_first(items))]
    meta = {"title": name, "description": f"Articles by {name}", "tab": "Home"}
    return Page(author_page(name), document(meta, lines))


def iter_author_pages(site: Site) -> Iterator[Page]:
    """One page per author, and the index of authors."""
    groups = group_authors(site.articles)
    for name, items in groups.items():  # the preview keeps each page made for the same articles (builder.warm)
        yield warm.remembered("author page", (name, warm.articles_key(items)), lambda n=name, i=items: _author(n, i))
    names = sorted(groups, key=lambda n: (n.casefold(), n))
    rows = [f"- {md_link(n, link(author_page(n), AUTHORS_INDEX))} ({len(groups[n])})" for n in names]
    intro = "Everyone the archived articles name in their byline." if rows else \
        "No article names its author yet (a curator can add `author:` to an article's header)."
    yield Page(AUTHORS_INDEX, document({"title": TITLE}, [f"# {TITLE}", intro, *rows]))
