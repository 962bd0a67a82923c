"""Stage 7, render: the home page, a way in for a stranger: what the archive is, how much it
holds, where to start (main topics, most covered people and places), the latest articles
as cards, a chart of articles over time and a map of the places covered.

Unknown facts are said plainly ("publishers not recorded"), never counted as zero.
"""
from __future__ import annotations

from builder.addresses import (
    AUTHORS_INDEX, DATA_CSV, DATA_JSON, FIGURES, HOME, TIMELINE, article_address, kind_index, page_address,
)
from builder.kinds import INDEX_KINDS
from builder.models import Article, Page
from builder.render.charts import chart
from builder.render.map_svg import places_map
from builder.render.markup import document, html_text, md_text
from builder.render.timeline import timeline_link
from builder.resolve import Site, entries_of

START_HERE = {"topics": ("Main topics", 8), "people": ("Most covered people", 6),  # kind -> (heading, names shown)
              "places": ("Most covered places", 6), "organizations": ("Most covered organisations", 6)}
SUMMARY_WORDS = 40  # words of a summary on a card


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def counts_line(articles, index=None) -> str:
    """'5 articles from 4 publishers, published between February 2012 and October 2023.'"""
    if not articles:
        return "The archive has no articles yet."
    articles = list(articles)
    entries = (lambda kind: index[kind]) if index else (lambda kind: entries_of(articles, kind))  # index: site.index
    publishers = len(entries("publishers"))
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
    people, places = len(entries("people")), len(entries("places"))
    if people or places:
        text += f". They name {plural(people, 'person', 'people')} and {plural(places, 'place')}"
    return text + "."


def start_here(site: Site) -> list[str]:
    lines = []
    for kind, (title, limit) in START_HERE.items():
        ranked = sorted(site.index[kind], key=lambda e: (-len(e.articles), e.name.casefold()))[:limit]
        if not ranked:
            continue
        links = "".join(f'<li><a href="{html_text(page_address(e.path))}">{html_text(e.name)}</a>'
                        f' <span class="archive-count">{len(e.articles)}</span></li>' for e in ranked)
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
    return (f'<div class="archive-card"><h3><a href="{article_address(article.slug)}">'
            f'{html_text(article.title)}</a></h3><p class="archive-card__meta">{" · ".join(facts)}</p>{text}</div>')


def home_page(site: Site) -> Page:
    articles = list(site.articles)
    lines = [f"# {md_text(site.name)}"]
    if site.description:
        lines.append(md_text(site.description))
    lines.append(counts_line(articles, site.index))  # every article: the site's own entries
    lines.append("Browse by " + ", ".join(f"[{k.singular}]({kind_index(k.key)})" for k in INDEX_KINDS)
                 + f", [author]({AUTHORS_INDEX}) or on the [timeline]({TIMELINE}); see the [key figures]({FIGURES}). "
                 f"Download every article's data as [JSON]({DATA_JSON}) or [CSV]({DATA_CSV}).")
    lines.extend(start_here(site))
    figure = chart(articles, lambda key: timeline_link(key, len(articles), HOME))
    if figure:
        lines += ["## Articles over time", figure]
    where = places_map(articles, up="", places=site.index["places"])
    if where:
        lines += ["## Places in the news", where]
    latest = site.newest[: site.settings.latest_count]
    if latest:
        lines += ["## Latest articles", '<div class="archive-cards">' + "".join(card(a) for a in latest) + "</div>"]
    return Page(HOME, document({"title": site.name, "description": site.description}, lines))
