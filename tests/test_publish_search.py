"""Search quality in the built index: articles found by every name they carry (in every
spelling the vocabulary lists), listing pages by their name only, no boilerplate."""
from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from builder.knowledge import load_vocabulary
from builder.search.tokens import tokens
from tests.conftest import ROOT, search_records, search_terms

pytestmark = pytest.mark.slow
# Text that only the page frame or the boxes around an article carry.
BOILERPLATE = ("Cite this article", "BibTeX", "@article{", "The text as received", "Photo captions in the original",
               "Related articles", "Made with MkDocs", "¶", "Link to this paragraph", "Archived in ")


def articles(seed_site) -> dict[str, dict]:
    pages = {}
    for path in (seed_site / "docs" / "articles").glob("*.md"):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        pages[f"articles/{path.stem}.html"] = meta
    return pages


def numbers(posting, total: int) -> set[int]:
    """The record numbers of a posting: [gap, score, ...] or {b: bitmap, ...}."""
    import base64

    if isinstance(posting, dict):
        bits = base64.b64decode(posting["b"])
        return {n for n in range(total) if bits[n >> 3] & (1 << (n & 7))}
    found, n = set(), 0
    for gap in posting[::2]:
        n += gap
        found.add(n)
    return found


def test_every_article_is_found_by_every_spelling_of_its_names(seed_site):
    records, terms = search_records(seed_site / "site"), search_terms(seed_site / "site")
    number = {r["u"]: n for n, r in enumerate(records)}
    vocabulary = {(e.kind, e.name): e.aliases for e in load_vocabulary(ROOT / "site_config").entities}
    for location, meta in articles(seed_site).items():
        names = [*meta.get("topics", []), *([meta["publisher"]] if meta.get("publisher") else [])]
        for kind in ("people", "places", "organizations"):
            names += [s for n in meta.get(kind, []) for s in vocabulary.get((kind, n), (n,))]
        assert names, location
        for name in names:
            for word in tokens(name):
                assert number[location] in numbers(terms[word], len(records)), (location, name, word)


def test_listing_pages_are_found_by_their_name_only(seed_site):
    records, terms = search_records(seed_site / "site"), search_terms(seed_site / "site")
    topic = next(n for n, r in enumerate(records) if r["u"] == "topics/forced-repatriation.html")
    assert records[topic]["k"] == "Topic" and "p" not in records[topic]
    holding = {t for t, posting in terms.items() if topic in numbers(posting, len(records))}
    assert holding == {"forced", "repatriation"}  # not the titles or counts of the articles it lists


def test_filters_are_the_articles_years_publishers_and_topics(seed_site):
    records, terms = search_records(seed_site / "site"), search_terms(seed_site / "site")
    year = {records[n]["u"] for n in numbers(terms["year:2012"], len(records))}
    assert len(year) == 2 and all(u.startswith("articles/") for u in year)
    assert len(numbers(terms["publisher:Yonhap News Agency"], len(records))) == 1


def test_the_index_holds_no_boilerplate(seed_site):
    for record in search_records(seed_site / "site"):
        shown = " ".join([record["t"], record.get("s", ""), *record.get("p", [])])
        for text in BOILERPLATE:
            assert text not in shown, (record["u"], text)
