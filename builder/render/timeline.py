"""Stage 7, render: the timeline, every article by year and month of publication.

A small archive has one timeline page; past SPLIT_AT articles, timeline.md lists the
years and each year has its own page, so no page grows with the whole archive.
"""
from __future__ import annotations

from itertools import groupby
from typing import Iterator

from builder.addresses import TIMELINE, link, timeline_page
from builder.models import Article, Page
from builder.render.indexes import article_item
from builder.render.knowledge_pages import figure_line
from builder.render.markup import document
from builder.resolve import Site

SPLIT_AT = 500  # articles; above this, one page per year
UNDATED = "undated"  # the year page of the undated articles
INTRO = "Every article by year and month of publication, oldest first."


def iter_timeline_pages(site: Site) -> Iterator[Page]:
    years, undated = site.years, site.undated
    if len(site.articles) <= SPLIT_AT:
        lines = ["# Timeline", INTRO]
        for year, items in years:
            lines += [f"## {year}", *_months(items, up="", level="###")]
        lines += _undated(undated, up="")
        yield Page(TIMELINE, document({"title": "Timeline"}, lines))
        return
    index = ["# Timeline", INTRO]
    index += [f"- [{year}]({timeline_page(year)}) ({len(items)} articles)" for year, items in years]
    if undated:
        index.append(f"- [Undated]({timeline_page(UNDATED)}) ({len(undated)} articles)")
        yield Page(timeline_page(UNDATED), document({"title": "Undated articles"}, _undated(undated, up="../")))
    yield Page(TIMELINE, document({"title": "Timeline"}, index))
    for year, items in years:
        page = timeline_page(year)
        lines = [f"# {year}", f"[All years]({link(TIMELINE, page)})", *_months(items, up="../", level="##")]
        yield Page(page, document({"title": f"Timeline: {year}"}, lines))


def _months(items: tuple[Article, ...], up: str, level: str) -> list[str]:
    lines = []
    for month, in_month in groupby(items, key=lambda a: a.date.month):
        in_month = list(in_month)
        if month:
            lines.append(f"{level} {in_month[0].date.human.split()[-2]} {in_month[0].date.year}")
        lines.extend(article_item(a, up=up) + figure_line(a) for a in in_month)
    return lines


def _undated(undated: tuple[Article, ...], up: str) -> list[str]:
    if not undated:
        return []
    return ["## Undated", *(article_item(a, up=up) for a in undated)]
