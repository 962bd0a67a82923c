"""The preview's quick path (issue 18): an edited article's own page is written at once, the
regeneration that follows brings the rest, and docs/ ends as a cold `builder generate` writes it."""
from __future__ import annotations

import shutil
import time

import pytest

from builder.config import BuildOptions, Paths
from builder.pipeline import generate
from builder.quick_preview import QuickPages
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.slow
ARTICLE = "articles/002_611522f5ae8394ba.txt"
OTHER = "articles/004_16947189698fbbee.txt"
SENTENCE = "they urged Chinese authorities"
NEW_WORDS = "Curators corrected this sentence in the preview."


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _cold(tmp_path, content):
    """docs/ as a first `builder generate` of this content (and its address record) writes it."""
    copy = tmp_path / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(content, copy / "content")
    run_cli("generate", "--content", copy / "content", "--docs", copy / "docs", "--config", ROOT / "site_config",
            "--jobs", "1")
    return _tree(copy / "docs")


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    paths = Paths(content=content, config=ROOT / "site_config", docs=tmp_path / "docs", cache=tmp_path / ".cache")
    options = BuildOptions(paths, run_mkdocs=False, jobs=1)
    quick = QuickPages(paths)
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert quick.site is not None
    return options, quick


def _edit(content, rel, old, new):
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _search_has(options, words: bytes) -> bool:
    return any(words in data for rel, data in _tree(options.paths.docs).items() if rel.startswith("search/"))


def _regenerate_and_compare(tmp_path, options, quick):
    registry = options.paths.registry_file.read_bytes()  # the record as the regeneration finds it
    content_now = tmp_path / "content-now"
    shutil.copytree(options.paths.content, content_now)
    (content_now / "permalinks.yml").write_bytes(registry)
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == _cold(tmp_path, content_now)


def test_an_edited_sentence_shows_at_once_and_the_regeneration_matches_a_cold_build(tmp_path, preview):
    options, quick = preview
    path = _edit(options.paths.content, ARTICLE, SENTENCE, f"{NEW_WORDS} They urged Chinese authorities")
    [page] = quick.edited([path])
    written = (options.paths.docs / page).read_text(encoding="utf-8")
    assert page.startswith("articles/") and NEW_WORDS in written
    assert not _search_has(options, b"Curators corrected")  # the search index lags until the regeneration
    _regenerate_and_compare(tmp_path, options, quick)
    assert (options.paths.docs / page).read_text(encoding="utf-8") == written  # the same neighbours: the same page
    assert _search_has(options, b"Curators corrected")


def test_a_header_change_moves_the_article_and_the_regeneration_matches(tmp_path, preview):
    options, quick = preview
    topic = options.paths.docs / "topics" / "families-and-personal-stories.md"
    path = _edit(options.paths.content, ARTICLE, "date: 2023-09-22", "date: 2019-03-02\nauthor: Kim Preview\n"
                 "topics: [Families and personal stories]")
    [page] = quick.edited([path])
    assert "Kim Preview" in (options.paths.docs / page).read_text(encoding="utf-8")
    slug = page.removeprefix("articles/").removesuffix(".md")
    assert slug not in topic.read_text(encoding="utf-8")  # the listings wait for the regeneration
    _regenerate_and_compare(tmp_path, options, quick)
    assert _search_has(options, b"year:2019")
    assert slug in topic.read_text(encoding="utf-8")


def test_a_new_address_a_new_file_and_a_removed_file_wait_for_the_regeneration(tmp_path, preview):
    options, quick = preview
    content = options.paths.content
    retitled = _edit(content, ARTICLE, "date: 2023-09-22", "date: 2023-09-22\ntitle: Rally Retitled For Preview")
    added = content / "articles" / "new_copy.txt"
    added.write_text((content / OTHER).read_text(encoding="utf-8")
                     + "\nA closing sentence only the added article has, to tell it from its source.\n",
                     encoding="utf-8")
    (content / "articles" / "000_286fbaeb4abc4cfc.txt").unlink()
    before = _tree(options.paths.docs)
    assert quick.edited([retitled, added]) == []
    assert _tree(options.paths.docs) == before
    _regenerate_and_compare(tmp_path, options, quick)


def test_a_regeneration_that_began_before_a_quick_page_leaves_that_page(tmp_path, preview):
    options, quick = preview
    quick.give_way_seconds = 0  # a regeneration that no longer gives way to newer edits
    started = time.monotonic()  # a regeneration reads the files now, before the edit
    stale = quick.follow(started)
    path = _edit(options.paths.content, ARTICLE, SENTENCE, f"{NEW_WORDS} They urged Chinese authorities")
    [page] = quick.edited([path])
    _edit(options.paths.content, ARTICLE, NEW_WORDS, NEW_WORDS)  # (unchanged text)

    class Archive:  # the older regeneration's pages: the article as it was
        site = quick.site
        pages = iter([type("P", (), {"path": page, "content": b"older text"})()])

    [kept] = list(stale(Archive()))
    assert NEW_WORDS.encode() in kept.content
    _regenerate_and_compare(tmp_path, options, quick)
