"""Index pages stay small as the archive grows: pagination and a timeline split by year."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mkdocs.utils.meta import get_data

from builder.models import Article, Block, Header, Knowledge, PartialDate, RawDocument
from builder.config import Settings
from builder.render.indexes import PAGE_SIZE, iter_index_pages
from builder.render.timeline import LETTERS_AT, SPLIT_AT, initial, iter_timeline_pages
from builder.resolve import resolve

ENTRY = '<strong><a href="'  # a listing's entry (builder.render.listing_html)


def articles(count: int) -> list[Article]:
    made = []
    for n in range(count):
        raw = RawDocument(Path(f"{n}.txt"), f"{n}.txt", "x", "utf-8", Header())
        made.append(Article(
            raw, f"article-{n:05d}", f"Article {n}", PartialDate(2010 + n % 3, 1 + n % 12), "Publisher", None,
            None, None, None, "en", "Summary.", (Block("paragraph", "Text."),), (), (), {},
            knowledge=Knowledge(topics=("Forced repatriation",)),
        ))
    return made


def site(count: int):
    return resolve(articles(count), Settings("Archive"))


def test_large_topic_pages_are_paginated():
    pages = {p.path: p for p in iter_index_pages(site(2 * PAGE_SIZE + 50))}
    topic = [p for p in pages if p.startswith("topics/forced-repatriation")]
    assert sorted(topic) == ["topics/forced-repatriation-page-2.md", "topics/forced-repatriation-page-3.md",
                             "topics/forced-repatriation.md"]
    counts = [pages[p].content.decode().count(ENTRY) for p in sorted(topic)]
    assert counts == [PAGE_SIZE, 50, PAGE_SIZE]  # page 2, page 3, page 1
    first = pages["topics/forced-repatriation.md"].content.decode()
    assert "Pages: 1 · [2](forced-repatriation-page-2.md) · [3](forced-repatriation-page-3.md)" in first
    _, meta = get_data(pages["topics/forced-repatriation-page-2.md"].content.decode())
    assert meta["title"] == "Forced repatriation (page 2)"


def test_small_topic_has_one_page_without_pager():
    pages = [p for p in iter_index_pages(site(3)) if p.path.startswith("topics/f")]
    assert [p.path for p in pages] == ["topics/forced-repatriation.md"]
    assert "Pages:" not in pages[0].content.decode()


def test_timeline_splits_by_year_past_the_limit():
    small = list(iter_timeline_pages(site(10)))
    assert [p.path for p in small] == ["timeline.md"]
    large = {p.path: p.content.decode() for p in iter_timeline_pages(site(SPLIT_AT + 1))}
    assert sorted(large) == ["timeline.md", "timeline/2010.md", "timeline/2011.md", "timeline/2012.md"]
    assert "[2011](timeline/2011.md)" in large["timeline.md"]
    assert large["timeline/2011.md"].count(ENTRY) == sum(1 for n in range(SPLIT_AT + 1) if n % 3 == 1)
    assert 'href="../articles/article-00001.html"' in large["timeline/2011.md"]


def undated(titles: list[str]) -> list[Article]:
    made = articles(len(titles))
    return [replace(a, title=t, date=None, slug=f"undated-{n:05d}") for n, (a, t) in enumerate(zip(made, titles))]


def test_many_undated_articles_are_grouped_by_the_first_letter_of_their_titles():
    titles = [f"{word} {n}" for n in range(LETTERS_AT) for word in ("Zebra", "apple")][:LETTERS_AT]
    titles += ["“Élection” in the capital", "2005 in review", "Ответ"]
    pages = {p.path: p.content.decode() for p in iter_timeline_pages(resolve(undated(titles), Settings("Archive")))}
    text = pages["timeline.md"]
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == ["### 0–9", "### A", "### E", "### Z", "### Other"]
    sections = dict(zip(headings, text.split("\n### ")[1:]))
    assert sections["### E"].count(ENTRY) == 1 and "Élection" in sections["### E"]
    assert sections["### A"].count(ENTRY) == LETTERS_AT // 2
    assert sections["### Other"].count(ENTRY) == 1
    assert text.count(ENTRY) == len(titles)


def test_few_undated_articles_stay_in_one_list():
    pages = {p.path: p.content.decode() for p in iter_timeline_pages(resolve(undated(["Zebra", "apple"]), Settings("A")))}
    assert "## Undated" in pages["timeline.md"] and "### " not in pages["timeline.md"]


@pytest.mark.parametrize("title, group", [
    ("Apple", "A"), ("apple", "A"), ("‘Quoted’ title", "Q"), ("Élection", "E"), ("ßig", "S"),
    ("2005 in review", "0–9"), ("Ответ", "Other"), ("…", "Other"), ("", "Other"),
])
def test_the_group_of_an_undated_title(title, group):
    assert initial(title) == group
