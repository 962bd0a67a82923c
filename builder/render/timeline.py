"""Stage 7, render: the timeline, every article by year and month of publication.

A small archive has one timeline page; past SPLIT_AT articles, timeline.md lists the
years and each year has its own page, so no page grows with the whole archive. Past
LETTERS_AT undated articles (listed by title), the undated ones are grouped under the first
letter of their titles: a reader can jump to one, and no section of the page grows with the
archive (a search engine indexes a page by section; Zensical refuses a section of more than
32,768 words, which 2,000 undated articles in one section passed).
"""
from __future__ import annotations

import unicodedata
from itertools import groupby
from typing import Iterator

from builder.addresses import TIMELINE, link, timeline_page
from builder.models import Article, Page
from builder.addresses import page_address
from builder.render.charts import chart, timeline_anchor
from builder import warm
from builder.render import listing_html
from builder.render.indexes import listed_item
from builder.render.knowledge_pages import figure_line
from builder.render.markup import document
from builder.resolve import Site

SPLIT_AT = 500  # articles; above this, one page per year
UNDATED = "undated"  # the year page of the undated articles
LETTERS_AT = 100  # undated articles; above this, grouped under their titles' first letters
DIGITS, OTHER = "0–9", "Other"  # the undated groups of titles that start with a digit, or with no Latin letter
INTRO = "Every article by year and month of publication, oldest first; articles with no known date at the end."
NOTHING_DATED = ("No article in the archive has a known date yet, so all are listed as undated below. "
                 "A curator can add one with `date:` in an article's header.")


def timeline_link(key: tuple[int, int], total: int, page: str = TIMELINE) -> str:
    """Where a year or month of the timeline is, from the page at path `page`:
    timeline.html#2017, or timeline/2017.html#march-2017 in a large archive."""
    year, month = key
    if total <= SPLIT_AT:
        return link(page_address(TIMELINE), page) + f"#{timeline_anchor(key)}"
    return link(page_address(timeline_page(year)), page) + (f"#{timeline_anchor(key)}" if month else "")


def iter_timeline_pages(site: Site) -> Iterator[Page]:
    years, undated, total = site.years, site.undated, len(site.articles)
    figure = chart(list(site.articles), lambda key: timeline_link(key, total))
    intro = [INTRO if years else NOTHING_DATED, figure]
    if total <= SPLIT_AT:
        lines = ["# Timeline", *intro]
        for year, items in years:
            lines += [f"## {year}", *_months(items, up="", level="###")]
        lines += _undated(undated, up="")
        yield Page(TIMELINE, document({"title": "Timeline"}, lines))
        return
    index = ["# Timeline", *intro]
    index += [f"- [{year}]({timeline_page(year)}) ({len(items)} articles)" for year, items in years]
    if undated:
        index.append(f"- [Undated]({timeline_page(UNDATED)}) ({len(undated)} articles)")
        meta = {"title": "Undated articles", "tab": "Timeline"}
        yield Page(timeline_page(UNDATED), document(meta, _undated(undated, up="../")))
    yield Page(TIMELINE, document({"title": "Timeline"}, index))
    for year, items in years:
        page = timeline_page(year)
        lines = [f"# {year}", f"[All years]({link(TIMELINE, page)})",
                 chart(list(items), lambda key: timeline_link(key, total, page)), *_months(items, up="../", level="##")]
        yield Page(page, document({"title": f"Timeline: {year}", "tab": "Timeline"}, lines))


def _months(items: tuple[Article, ...], up: str, level: str) -> list[str]:
    lines = []
    for month, in_month in groupby(items, key=lambda a: a.date.month):
        in_month = list(in_month)
        if month:
            lines.append(f"{level} {in_month[0].date.human.split()[-2]} {in_month[0].date.year}")
        lines.append(listing_html.block(
            warm.remembered("timeline item", (a.slug, a.source.digest, up),
                            lambda a=a: listing_html.entry(a, up, more=figure_line(a))) for a in in_month))
    return lines


def _undated(undated: tuple[Article, ...], up: str) -> list[str]:
    if len(undated) <= LETTERS_AT:
        return ["## Undated", listing_html.block(listed_item(a, up=up) for a in undated)] if undated else []
    groups: dict[str, list[Article]] = {}
    for article in undated:
        groups.setdefault(initial(article.title), []).append(article)
    lines = ["## Undated"]
    for letter in sorted(groups, key=lambda g: (g == OTHER, g != DIGITS, g)):
        lines += [f"### {letter}", listing_html.block(listed_item(a, up=up) for a in groups[letter])]
    return lines


def initial(title: str) -> str:
    """The group of an undated article: its title's first letter or digit, without accents
    ("Élection" under E); quotes and other marks before it are skipped."""
    for char in title:
        if char.isdigit():
            return DIGITS
        if char.isalpha():
            base = unicodedata.normalize("NFKD", char)[0].upper()[:1]
            return base if "A" <= base <= "Z" else OTHER
    return OTHER
