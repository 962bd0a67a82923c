"""The words of search: what a text is indexed as, and what a query is looked up as
(the same rules in builder/search/tokens.py and archive-search.js: compared in Chromium
by tests/test_browser_search.py)."""
from __future__ import annotations

import json

import pytest

from builder.search.index import LISTINGS_PER_FILE, encode, index_pages, score_terms, term_hash
from builder.search.records import Record
from builder.search.tokens import joined, tokens

TOKENS = [  # (text, tokens)
    ("Kim Jong Un", ["kim", "jong", "un"]),
    ("Kim Jong-un", ["kim", "jong", "un"]),
    ("KIM JONG‑UN", ["kim", "jong", "un"]),  # a non-breaking hyphen
    ("Kim Jong Un’s ordinance", ["kim", "jong", "un", "ordinance"]),
    ("North Korea's refugees", ["north", "korea", "refugee"]),
    ("United until the UN", ["united", "until", "un"]),  # whole words: "un" is not "united"
    ("the forced repatriation of defectors", ["forced", "repatriation", "defector"]),
    ("Café Zürich ÉCOLE", ["cafe", "zurich", "ecole"]),
    ("ｆｕｌｌ width", ["full", "width"]),
    ("탈북자들을 강제 북송", ["탈북", "북자", "자들", "들을", "강제", "북송"]),
    ("多名脱北者被遣返", ["多名", "名脱", "脱北", "北者", "者被", "被遣", "遣返"]),
    ("強制送還された", ["強制", "制送", "送還", "還さ", "され", "れた"]),
    ("Seoul(서울)에서", ["seoul", "서울", "에서"]),
    ("2,000 defectors in 2023", ["2", "000", "defector", "2023"]),
    ("studies of countries", ["study", "country"]),
    ("news bus analysis", ["new", "bus", "analysis"]),
]


@pytest.mark.parametrize("text,expected", TOKENS)
def test_tokens(text, expected):
    assert tokens(text) == expected


def test_hyphenated_names_are_also_indexed_joined():
    assert joined("Kim Jong-un and Lee Myung-bak") == ["jongun", "myungbak"]


def test_where_a_word_is_decides_its_score():
    record = Record("a.html", "Kim Jong-un visits", "", {"title": ["Kim Jong-un visits"], "standfirst": [""],
                                                         "names": ["Kim Jong-un"], "text": ["Seoul Seoul", "visits"]})
    scores = score_terms(record)
    assert scores["kim"] > scores["visit"] > scores["seoul"] > 0
    assert "jongun" in scores  # the name as one word, from the names it carries
    listing = Record("p.html", "Seoul", "Place", {"title": ["Seoul"], "names": ["Seoul"]})
    assert score_terms(listing)["seoul"] < score_terms(Record("b.html", "Seoul", "", {"title": ["Seoul"]}))["seoul"]


def test_long_postings_become_a_bitmap_and_the_best_records():
    posting = [(n, n % 7 + 1) for n in range(0, 3000, 2)]
    data = encode(posting, 3000)
    assert data["n"] == 1500 and len(data["h"]) == 2 * 200 and data["r"] >= 1
    assert len(data["b"]) < 600  # 3,000 bits
    assert encode([(3, 10), (9, 20)], 100) == [3, 10, 6, 20]


def test_the_term_hash_is_fixed():  # an index file's name: archive-search.js computes the same numbers
    assert [term_hash(t) for t in ("kim", "탈북", "year:2017")] == [1945617980, 2038154562, 2075340204]


def test_listing_records_are_packed_and_articles_keep_a_file_each():
    articles = [Record(f"articles/a{n}.html", f"Story {n}", "", {"title": [f"Story {n}"]}) for n in range(3)]
    listings = [Record(f"people/p{n}.html", f"Person {n}", "Person", {"title": [f"Person {n}"]})
                for n in range(LISTINGS_PER_FILE + 5)]
    files = {page.path: page.content.decode() for page in index_pages(articles + listings, {}, len(articles))}
    assert sorted(p for p in files if p.startswith("search/d/")) == [f"search/d/{n}.js" for n in range(3)]
    assert sorted(p for p in files if p.startswith("search/l/")) == ["search/l/0.js", "search/l/1.js"]
    body = files["search/l/1.js"].removeprefix("__archiveSearch.receive(").removesuffix(");\n")
    name, packed = json.loads("[" + body + "]")
    assert name == "l/1" and [r["t"] for r in packed] == [f"Person {n}" for n in range(LISTINGS_PER_FILE, LISTINGS_PER_FILE + 5)]
