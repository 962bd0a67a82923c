"""Stage 5e, render: the timeline, every article by year and month of publication.

A small archive has one timeline page; past SPLIT_AT articles, timeline.md lists the
years and each year has its own page, so no page grows with the whole archive.
"""
from __future__ import annotations

from itertools import groupby
from typing import Iterator

from builder.models import Article, Page
from builder.render.charts import chart, timeline_anchor
from builder.render.context import sort_newest_first
from builder.render.indexes import article_item
from builder.render.knowledge_pages import figure_line
from builder.render.markup import document

SPLIT_AT = 500  # articles; above this, one page per year
INTRO = "Every article by year and month of publication, oldest first; articles with no known date at the end."
NOTHING_DATED = ("No article in the archive has a known date yet, so all are listed as undated below. "
                 "A curator can add one with `date:` in an article's header.")


def timeline_link(key: tuple[int, int], total: int, up: str = "") -> str:
    """Where a year or month of the timeline is: timeline.html#2017, or timeline/2017.html#march-2017."""
    year, month = key
    if total <= SPLIT_AT:
        return f"{up}timeline.html#{timeline_anchor(key)}"
    return f"{up}timeline/{year}.html" + (f"#{timeline_anchor(key)}" if month else "")


def timeline_pages(articles: list[Article]) -> Iterator[Page]:
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date.sort_key(), a.title, a.slug))
    years = [(year, list(items)) for year, items in groupby(dated, key=lambda a: a.date.year)]
    undated = sort_newest_first([a for a in articles if not a.date])
    total = len(articles)
    figure = chart(articles, lambda key: timeline_link(key, total))
    intro = [INTRO if dated else NOTHING_DATED, figure]
    if len(articles) <= SPLIT_AT:
        lines = ["# Timeline", *intro]
        for year, items in years:
            lines += [f"## {year}", *_months(items, up="", level="###")]
        lines += _undated(undated, up="")
        yield Page("timeline.md", document({"title": "Timeline"}, lines))
        return
    index = ["# Timeline", *intro]
    index += [f"- [{year}](timeline/{year}.md) ({len(items)} articles)" for year, items in years]
    if undated:
        index.append(f"- [Undated](timeline/undated.md) ({len(undated)} articles)")
        meta = {"title": "Undated articles", "tab": "Timeline"}
        yield Page("timeline/undated.md", document(meta, _undated(undated, up="../")))
    yield Page("timeline.md", document({"title": "Timeline"}, index))
    for year, items in years:
        lines = [f"# {year}", "[All years](../timeline.md)",
                 chart(items, lambda key: timeline_link(key, total, up="../")), *_months(items, up="../", level="##")]
        yield Page(f"timeline/{year}.md", document({"title": f"Timeline: {year}", "tab": "Timeline"}, lines))


def _months(items: list[Article], up: str, level: str) -> list[str]:
    lines = []
    for month, in_month in groupby(items, key=lambda a: a.date.month):
        in_month = list(in_month)
        if month:
            lines.append(f"{level} {in_month[0].date.human.split()[-2]} {in_month[0].date.year}")
        lines.extend(article_item(a, up=up) + figure_line(a) for a in in_month)
    return lines


def _undated(undated: list[Article], up: str) -> list[str]:
    if not undated:
        return []
    return ["## Undated", *(article_item(a, up=up) for a in undated)]
