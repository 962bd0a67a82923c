"""The reader's parts, table by table: counts that say what is unknown, charts' periods,
related articles' reasons, key figures one row per number, the map's points (escaped)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from builder.models import Article, Block, Figure, Header, Knowledge, PartialDate, RawDocument
from builder.render.charts import chart, per_period
from builder.render.figures_table import distinct_rows, figure_text, figure_value
from builder.render.home import counts_line
from builder.render.map_svg import places_map
from builder.render.related_reasons import mention_counts, reason


def article(slug: str = "a", date: PartialDate | None = None, publisher: str | None = None, **knowledge) -> Article:
    raw = RawDocument(Path(f"{slug}.txt"), f"{slug}.txt", "x", "utf-8", Header())
    made = Article(raw, slug, f"Title {slug}", date, publisher, None, None, None, None, "en", None,
                   (Block("paragraph", "x"),), (), (), {})
    return replace(made, knowledge=Knowledge(**knowledge))


@pytest.mark.parametrize("articles, expected", [
    ([article("a"), article("b")], "**2 articles** (publishers not recorded); no article has a known date."),
    ([article("a", PartialDate(2012, 2), "Herald")], "**1 article** from 1 publisher, published February 2012."),
    ([article("a", PartialDate(2012), "H"), article("b", None, "K")],
     "**2 articles** from 2 publishers, published 2012 (1 article undated)."),
    ([], "The archive has no articles yet."),
])
def test_counts_line_says_what_is_unknown(articles, expected):
    assert counts_line(articles) == expected


@pytest.mark.parametrize("dates, unit, periods", [
    ([], "year", 0),
    ([PartialDate(2012, 2), PartialDate(2012, 5)], "month", 4),  # February to May, empty months shown
    ([PartialDate(2012, 2), PartialDate(2023, 10)], "year", 12),  # a long span: per year
    ([PartialDate(2017)], "year", 1),
])
def test_chart_periods(dates, unit, periods):
    found_unit, series = per_period([article(str(i), d) for i, d in enumerate(dates)])
    assert (found_unit, len(series)) == (unit, periods)


def test_chart_has_a_text_alternative_and_links():
    figure = chart([article("a", PartialDate(2012, 2)), article("b", PartialDate(2012, 4))], lambda k: f"t.html#{k[1]}")
    assert 'aria-label="Articles per month: 2 dated articles, February 2012 to April 2012"' in figure
    assert figure.count('<a href="t.html#2"') == 2 and "<figcaption>" in figure and "<table>" in figure
    assert chart([article("a")], lambda k: "") == ""


def test_related_reason_names_the_rarest_shared_things():
    a = article("a", places=("Shenyang", "China"), organizations=("UNHCR",), topics=("Arrests",))
    b = article("b", places=("Shenyang", "China"), organizations=("UNHCR",), topics=("Arrests",))
    c = article("c", places=("China",), topics=("Arrests",))
    counts = mention_counts([a, b, c])
    assert reason(a, b, counts) == "Also about Shenyang and UNHCR"  # China and Arrests are in every article
    assert reason(a, c, counts) == ""
    d = article("d", topics=("Protests",))
    assert reason(replace(a, knowledge=Knowledge(topics=("Protests",))), d, mention_counts([a, b, c, d])) == \
        "Same topic: Protests"


def test_key_figures_one_row_per_number_in_natural_words():
    figures = (Figure("Ten", 10, 10, "North Korean defectors arrested", 1), Figure("10", 10, 10, "defectors held", 3),
               Figure("10", 10, 10, "North Koreans arrested", 5), Figure("dozens", 24, None, "defectors detained", 2))
    rows = distinct_rows(article("a", figures=figures))
    assert [figure_text(r) for r in rows] == ["Ten North Korean defectors arrested (also: held)",
                                             "dozens defectors detained"]
    assert [r.paragraph for r in rows] == [1, 2] and figure_value(figures[3]) == "24 or more"


def test_map_places_known_names_only_and_escapes_them():
    hostile = 'Seoul"><script>alert(1)</script>'
    svg = places_map([article("a", places=("Seoul", "Nowhere Placeville", hostile))])
    assert svg.count("<circle") == 1 and 'href="places/seoul.html"' in svg
    assert "<script" not in svg and "Nowhere" not in svg  # an unknown name is left off, never guessed
    assert "1 of the 3 places" in svg
    assert places_map([article("a", places=("Nowhere Placeville",))]) == ""
