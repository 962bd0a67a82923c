"""Stage 5b, render: the pages that gather articles: home, one page per topic, person,
organisation, place and publisher, an index of each kind, and the timeline."""
from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from typing import Iterable, Iterator

from builder.models import Article, Page
from builder.render.context import (
    FACET_KINDS, FACET_TITLES, SiteContext, article_path, facet_path, facet_values, sort_newest_first,
)
from builder.render.knowledge_pages import detected_note, figure_line, quotes_section
from builder.render.markup import document, md_link, md_text
from builder.slugs import slugify

UNDATED = "Undated"


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
            yield _facet_page(kind, name, items, ctx, entries)
        yield _facet_index(kind, groups)


def _facet_page(kind: str, name: str, items: list[Article], ctx: SiteContext, entries: dict[str, str]) -> Page:
    lines = [f"# {md_text(name)}"]
    description = ctx.descriptions.get((kind, name))
    if description:
        lines.append(md_text(description))
    if kind == "people":
        lines.extend(detected_note(name, items))
    count = f"{len(items)} article" + ("" if len(items) == 1 else "s")
    lines.append(f"## Articles\n\n{count}, newest first.")
    lines.extend(entries[a.slug] for a in sort_newest_first(items))
    if kind == "people":
        lines.extend(quotes_section(name, items))
    meta = {"title": name, "description": description or f"{FACET_TITLES[kind]}: {name}"}
    return Page(facet_path(kind, name), document(meta, lines))


def _facet_index(kind: str, groups: dict[str, list[Article]]) -> Page:
    title = FACET_TITLES[kind]
    names = sorted(groups, key=lambda n: (n.casefold(), n))
    rows = [f"- {md_link(n, facet_path(kind, n).split('/', 1)[1])} ({len(groups[n])})" for n in names]
    lines = [f"# {title}", *(rows or ["Nothing yet."])]
    return Page(f"{kind}/index.md", document({"title": title}, lines))


def timeline_page(articles: list[Article]) -> Page:
    lines = ["# Timeline", "Every article by year and month of publication, oldest first."]
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date.iso, a.title, a.slug))
    for year, in_year in groupby(dated, key=lambda a: a.date.year):
        lines.append(f"## {year}")
        for month, in_month in groupby(in_year, key=lambda a: a.date.month):
            items = list(in_month)
            if month:
                lines.append(f"### {items[0].date.human.split()[-2]} {year}")
            lines.extend(article_item(a, up="") + figure_line(a) for a in items)
    undated = sort_newest_first(a for a in articles if not a.date)
    if undated:
        lines.append(f"## {UNDATED}")
        lines.extend(article_item(a, up="") for a in undated)
    return Page("timeline.md", document({"title": "Timeline"}, lines))


def home_page(articles: list[Article], ctx: SiteContext) -> Page:
    dates = sorted(a.date.iso for a in articles if a.date)
    span = _span(articles)
    counts = defaultdict(int)
    for kind in FACET_KINDS:
        counts[kind] = len(group_facets(articles, kind))
    lines = [f"# {md_text(ctx.archive_name)}"]
    if ctx.archive_description:
        lines.append(md_text(ctx.archive_description))
    lines.append(
        f"**{len(articles)}** articles from **{counts['publishers']}** publishers"
        + (f", {span}" if dates else "")
        + f". Browse by [topic](topics/index.md), [person](people/index.md), "
        f"[organisation](organizations/index.md), [place](places/index.md), "
        f"[publisher](publishers/index.md) or on the [timeline](timeline.md); see the "
        f"[key figures](figures.md). Download every article's data as [JSON](data/articles.json) "
        f"or [CSV](data/articles.csv)."
    )
    lines.append("## Latest articles")
    lines.extend(article_item(a, up="") for a in sort_newest_first(articles)[: ctx.latest_count])
    topics = group_facets(articles, "topics")
    if topics:
        lines.append("## Topics")
        ranked = sorted(topics.items(), key=lambda item: (-len(item[1]), item[0]))
        lines.extend(f"- {md_link(n, facet_path('topics', n))} ({len(v)})" for n, v in ranked)
    return Page("index.md", document({"title": ctx.archive_name, "description": ctx.archive_description}, lines))


def _span(articles: list[Article]) -> str:
    dated = sorted((a.date for a in articles if a.date), key=lambda d: d.iso)
    if not dated:
        return ""
    first, last = dated[0].human, dated[-1].human
    return f"published {first}" if first == last else f"published between {first} and {last}"
