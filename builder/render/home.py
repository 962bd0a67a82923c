"""Stage 5b, render: the home page, a way in for a stranger: what the archive is, how much it
holds, where to start (main topics, most covered people and places), the latest articles
as cards, a chart of articles over time and a map of the places covered.

Unknown facts are said plainly ("publishers not recorded"), never counted as zero.
"""
from __future__ import annotations

from builder.models import Article, Page
from builder.render.charts import chart
from builder.render.context import SiteContext, article_path, facet_path, sort_newest_first
from builder.render.indexes import group_facets
from builder.render.map_svg import places_map
from builder.render.markup import document, html_text, md_text
from builder.render.timeline import timeline_link

START_HERE = (("topics", "Main topics", 8), ("people", "Most covered people", 6),
              ("places", "Most covered places", 6), ("organizations", "Most covered organisations", 6))
SUMMARY_WORDS = 40  # words of a summary on a card


def html_path(md_path: str) -> str:
    return md_path[:-3] + ".html"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def counts_line(articles: list[Article]) -> str:
    """'5 articles from 4 publishers, published between February 2012 and October 2023.'"""
    if not articles:
        return "The archive has no articles yet."
    publishers = len(group_facets(articles, "publishers"))
    text = f"**{plural(len(articles), 'article')}**"
    text += f" from {plural(publishers, 'publisher')}" if publishers else " (publishers not recorded)"
    dated = sorted((a.date for a in articles if a.date), key=lambda d: d.sort_key())
    if not dated:
        text += "; no article has a known date"
    elif dated[0].human == dated[-1].human:
        text += f", published {dated[0].human}"
    else:
        text += f", published between {dated[0].human} and {dated[-1].human}"
    undated = len(articles) - len(dated)
    if dated and undated:
        text += f" ({plural(undated, 'article')} undated)"
    people, places = len(group_facets(articles, "people")), len(group_facets(articles, "places"))
    if people or places:
        text += f". They name {plural(people, 'person', 'people')} and {plural(places, 'place')}"
    return text + "."


def start_here(articles: list[Article]) -> list[str]:
    lines = []
    for kind, title, limit in START_HERE:
        groups = group_facets(articles, kind)
        ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].casefold()))[:limit]
        if not ranked:
            continue
        links = "".join(f'<li><a href="{html_text(html_path(facet_path(kind, n)))}">{html_text(n)}</a>'
                        f' <span class="archive-count">{len(items)}</span></li>' for n, items in ranked)
        lines.append(f'<div class="archive-start"><h3>{title}</h3><ul>{links}</ul></div>')
    if not lines:
        return []
    return ["## Start here", '<div class="archive-start-grid">' + "".join(lines) + "</div>"]


def card(article: Article) -> str:
    facts = [html_text(article.publisher)] if article.publisher else []
    facts.append(html_text(article.date.human) if article.date else "Undated")
    summary = " ".join((article.summary or "").split()[:SUMMARY_WORDS])
    if summary and len((article.summary or "").split()) > SUMMARY_WORDS:
        summary += " …"
    text = f"<p>{html_text(summary)}</p>" if summary else ""
    return (f'<div class="archive-card"><h3><a href="{html_path(article_path(article.slug))}">'
            f'{html_text(article.title)}</a></h3><p class="archive-card__meta">{" · ".join(facts)}</p>{text}</div>')


def home_page(articles: list[Article], ctx: SiteContext) -> Page:
    lines = [f"# {md_text(ctx.archive_name)}"]
    if ctx.archive_description:
        lines.append(md_text(ctx.archive_description))
    lines.append(counts_line(articles))
    lines.append("Browse by [topic](topics/index.md), [person](people/index.md), "
                 "[organisation](organizations/index.md), [place](places/index.md), "
                 "[publisher](publishers/index.md), [author](authors/index.md) or on the [timeline](timeline.md); "
                 "see the [key figures](figures.md). Download every article's data as "
                 "[JSON](data/articles.json) or [CSV](data/articles.csv).")
    lines.extend(start_here(articles))
    figure = chart(articles, lambda key: timeline_link(key, len(articles)))
    if figure:
        lines += ["## Articles over time", figure]
    where = places_map(articles, up="")
    if where:
        lines += ["## Places in the news", where]
    latest = sort_newest_first(articles)[: ctx.latest_count]
    if latest:
        lines += ["## Latest articles", '<div class="archive-cards">' + "".join(card(a) for a in latest) + "</div>"]
    return Page("index.md", document({"title": ctx.archive_name, "description": ctx.archive_description}, lines))
