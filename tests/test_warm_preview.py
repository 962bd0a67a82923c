"""The preview keeps what each regeneration made (builder.warm, issue 18): after any sequence
of edits its docs/ (pages, listings, search index, address record) is what a cold
`builder generate` of the same content writes, and the search index has the new words."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from builder import warm
from builder.pipeline import generate
from builder.search import kept
from tests.conftest import ROOT
from tests.test_quick_preview import _edit, _tree
from tests.test_quick_preview import preview as quick_preview  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow
ARTICLE = "articles/002_611522f5ae8394ba.txt"
ADDED = """---
title: Addedonly Refugees Returned Across The Border
date: 2020-05-04
publisher: Preview Tribune
topics: [Families and personal stories]
---
Addedonly families said the refugees were returned across the border in the spring, after weeks in detention.

Rights groups asked the authorities to let the families travel on to South Korea, where relatives wait for them.
"""
GONE = "articles/000_286fbaeb4abc4cfc.txt"


@pytest.fixture
def preview(quick_preview):
    """The preview after its first build, from now on keeping what it makes (as `builder serve`)."""
    warm.keep()
    try:
        yield quick_preview
    finally:
        warm.forget()


def _regenerate_and_compare(tmp_path, options, quick, step: str):
    """A warm regeneration, then a cold `builder generate` (another process) of the same
    content and address record: the two docs/ folders are the same, file for file."""
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    cold = tmp_path / f"cold-{step}"
    shutil.copytree(options.paths.content, cold / "content")
    subprocess.run([sys.executable, "-m", "builder", "generate", "--content", str(cold / "content"),
                    "--docs", str(cold / "docs"), "--config", str(ROOT / "site_config"), "--jobs", "1"],
                   check=True, capture_output=True, cwd=tmp_path)
    warm_tree, cold_tree = _tree(options.paths.docs), _tree(cold / "docs")
    assert sorted(warm_tree) == sorted(cold_tree), step
    assert [rel for rel in warm_tree if warm_tree[rel] != cold_tree[rel]] == [], step
    assert (cold / "content" / "permalinks.yml").read_bytes() == options.paths.registry_file.read_bytes(), step
    return warm_tree


def _searched(tree, words: bytes) -> bool:
    return any(words in data for rel, data in tree.items() if rel.startswith("search/"))


@pytest.mark.parametrize("patched_most", [kept.PATCHED_MOST, 10_000], ids=["as-shipped", "always-patched"])
def test_a_sequence_of_edits_leaves_what_a_cold_build_writes(tmp_path, preview, monkeypatch, patched_most):
    """'always-patched' updates the search index record by record whatever changed, as on a
    large archive where one edit changes a few of thousands of records."""
    monkeypatch.setattr(kept, "PATCHED_MOST", patched_most)
    options, quick = preview
    content = options.paths.content
    _regenerate_and_compare(tmp_path, options, quick, "first")  # the preview's first regeneration fills memory

    _edit(content, ARTICLE, "they urged Chinese authorities", "Warmedit sentence. They urged Chinese authorities")
    tree = _regenerate_and_compare(tmp_path, options, quick, "sentence")
    assert _searched(tree, b"Warmedit")

    # a name two other articles carry: the counts behind every related reason change (the
    # preview keys an article page by the counts of its own names, not by the reasons)
    _edit(content, ARTICLE, "Warmedit sentence.", "Warmedit sentence. Human Rights Watch said so.")
    _regenerate_and_compare(tmp_path, options, quick, "a name others carry")
    _edit(content, ARTICLE, "Human Rights Watch said so.", "The Warmonly Refugee Foundation said so.")
    _regenerate_and_compare(tmp_path, options, quick, "a new name")

    _edit(content, ARTICLE, "date: 2023-09-22", "date: 2019-03-02\ntopics: [Families and personal stories]")
    tree = _regenerate_and_compare(tmp_path, options, quick, "date and topics")
    assert _searched(tree, b"year:2019")
    slug = next(rel for rel in tree if rel.startswith("articles/") and b"Warmedit" in tree[rel])
    assert slug.removeprefix("articles/").removesuffix(".md").encode() in tree["topics/families-and-personal-stories.md"]

    _edit(content, ARTICLE, "date: 2019-03-02", "date: 2019-03-02\ntitle: Rally Retitled In The Preview")
    tree = _regenerate_and_compare(tmp_path, options, quick, "title")
    assert _searched(tree, b"Rally Retitled In The Preview")

    (content / "articles" / "added.txt").write_text(ADDED, encoding="utf-8")
    tree = _regenerate_and_compare(tmp_path, options, quick, "added")
    assert _searched(tree, b"Addedonly")

    (content / GONE).unlink()
    _regenerate_and_compare(tmp_path, options, quick, "removed")

    _edit(content, "articles/added.txt", "Addedonly families", "Addedtwice families")
    tree = _regenerate_and_compare(tmp_path, options, quick, "added, edited")
    assert _searched(tree, b"Addedtwice families") and not _searched(tree, b"Addedonly families")

    _edit(content, "articles/added.txt", "topics: [Families and personal stories]",
          "topics: [Families and personal stories, Forced repatriation]")
    tree = _regenerate_and_compare(tmp_path, options, quick, "a listing's count, no record added or removed")


def test_the_first_regeneration_reads_back_what_the_build_wrote(tmp_path, preview, monkeypatch):
    """`make site` then `make serve`: the preview's first regeneration finds the article pages
    and the related articles the build left (docs/, the cache) instead of making them again;
    once a regeneration completed, the preview keeps its own. docs/ is a cold build's."""
    from builder import incremental, knowledge

    made = {"pages": [], "related": 0}
    page, related = incremental.render_article, knowledge.related_articles
    monkeypatch.setattr(incremental, "render_article", lambda a, *rest: made["pages"].append(a.slug) or page(a, *rest))
    monkeypatch.setattr(knowledge, "related_articles", lambda *a: made.__setitem__("related", made["related"] + 1)
                        or related(*a))
    options, quick = preview
    _regenerate_and_compare(tmp_path, options, quick, "first")
    assert made == {"pages": [], "related": 0}

    _edit(options.paths.content, ARTICLE, "they urged Chinese authorities", "Warmedit sentence. They urged Chinese authorities")
    tree = _regenerate_and_compare(tmp_path, options, quick, "sentence")
    edited = next(rel for rel in tree if rel.startswith("articles/") and b"Warmedit" in tree[rel])
    assert edited.removeprefix("articles/").removesuffix(".md") in made["pages"]
