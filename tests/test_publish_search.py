"""Search quality: titles boosted, articles found by every name they carry, no boilerplate."""
from __future__ import annotations

import json

import pytest
from mkdocs.utils.meta import get_data

from tests.conftest import search_index

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


def test_titles_and_tags_are_boosted(seed_site):
    fields = json.loads((seed_site / "site" / "search" / "search_index.json").read_text("utf-8"))["config"]["fields"]
    assert fields["title"]["boost"] >= 100 * fields["text"]["boost"]
    assert fields["tags"]["boost"] >= fields["title"]["boost"]


def test_every_article_is_found_by_its_names(seed_site):
    docs = search_index(seed_site / "site")
    for location, meta in articles(seed_site).items():
        own = [d for d in docs if d["location"].split("#")[0] == location]
        searchable = " ".join(d["title"] + " " + d["text"] + " " + " ".join(d.get("tags", [])) for d in own)
        names = [*meta.get("people", []), *meta.get("places", []), *meta.get("organizations", []),
                 *meta.get("topics", []), *([meta["publisher"]] if meta.get("publisher") else [])]
        assert names, location
        for name in names:
            assert name in searchable.replace("&amp;", "&"), (location, name)


def test_the_index_holds_no_boilerplate(seed_site):
    for doc in search_index(seed_site / "site"):
        for text in BOILERPLATE:
            assert text not in doc["text"] and text != doc["title"], (doc["location"], text)
