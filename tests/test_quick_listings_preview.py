"""The preview's quick path for listings (issue 18, builder.quick_listings): an edit to an
article's summary shows at once on the pages that list it and in the search index, each file
it writes is the one a cold `builder generate` of the same content writes, and the
regeneration that follows leaves docs/ as a cold build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

from builder import quick_listings, warm
from builder.config import BuildOptions, Paths
from builder.pipeline import generate
from builder.quick_preview import BeingSaved
from builder.render import timeline
from tests.conftest import ROOT
from tests.test_quick_preview import _edit, _tree
from tests.test_quick_preview import preview as quick_preview  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow
ARTICLE = "articles/002_611522f5ae8394ba.txt"
OTHER = "articles/004_16947189698fbbee.txt"
SUMMARY = "staged a rally in front of"


@pytest.fixture
def preview(quick_preview):
    """The preview after its first warm regeneration (as `builder serve` after start-up)."""
    warm.keep()
    options, quick = quick_preview
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    try:
        yield quick_preview
    finally:
        warm.forget()


def _cold(tmp_path, content, step: str) -> dict[str, bytes]:
    cold = tmp_path / f"cold-{step}"
    shutil.copytree(content, cold / "content")
    subprocess.run([sys.executable, "-m", "builder", "generate", "--content", str(cold / "content"),
                    "--docs", str(cold / "docs"), "--config", str(ROOT / "site_config"), "--jobs", "1"],
                   check=True, capture_output=True, cwd=tmp_path)
    return _tree(cold / "docs")


def _listings_of(tree: dict[str, bytes], slug: str) -> list[str]:
    links = (f"articles/{slug}.md)".encode(), f'articles/{slug}.html"'.encode())  # Markdown, or a listing's HTML
    return sorted(rel for rel, data in tree.items() if rel.endswith(".md") and not rel.startswith("articles/")
                  and any(link in data for link in links))


def _cold_here(tmp_path, content, step: str) -> dict[str, bytes]:
    """_cold in this process (a build: nothing kept), for settings a test changes in memory."""
    cold = tmp_path / f"cold-{step}"
    shutil.copytree(content, cold / "content")
    paths = Paths(content=cold / "content", config=ROOT / "site_config", docs=cold / "docs", cache=cold / ".cache")
    kept, warm._kept = warm._kept, None
    try:
        generate(BuildOptions(paths, run_mkdocs=False, jobs=1))
    finally:
        warm._kept = kept
    return _tree(cold / "docs")


@pytest.mark.parametrize("split_at", [None, 2], ids=["one-timeline-page", "a-page-per-year"])
def test_an_edited_summary_shows_on_its_listings_and_in_search_at_once(tmp_path, preview, monkeypatch, split_at):
    options, quick = preview
    docs = options.paths.docs
    if split_at is not None:  # as an archive of more than SPLIT_AT articles: a timeline page per year
        monkeypatch.setattr(timeline, "SPLIT_AT", split_at)
        monkeypatch.setattr(quick_listings, "SPLIT_AT", split_at)
        generate(options, swap=False, pages=quick.follow(time.monotonic()))
    path = _edit(options.paths.content, ARTICLE, SUMMARY, "staged a quicklisted rally in front of")
    written = quick.edited([path])
    page = written[0]
    slug = page.removeprefix("articles/").removesuffix(".md")
    now = _tree(docs)
    cold = _cold(tmp_path, options.paths.content, "summary") if split_at is None else \
        _cold_here(tmp_path, options.paths.content, "summary")
    assert any(rel.startswith("timeline/" if split_at else "timeline.md") for rel in written)  # its year
    shown = [rel for rel in _listings_of(now, slug) if b"quicklisted" in now[rel]]
    assert len(shown) >= 3 and set(shown) <= set(written)  # its topics, its publisher, the timeline ...
    assert any(rel.startswith("search/") and b"quicklisted" in now[rel] for rel in written)
    assert [rel for rel in written if now[rel] != cold.get(rel)] == []  # each file as a cold build has it
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(docs) == cold


def test_edits_to_two_articles_before_a_regeneration_both_stay_on_shared_listings(tmp_path, preview):
    options, quick = preview
    content = options.paths.content
    first = quick.edited([_edit(content, ARTICLE, SUMMARY, "staged a firstquick rally in front of")])
    second = quick.edited([_edit(content, OTHER, "threat of being sent back", "threat of secondquick being sent back")])
    now, cold = _tree(options.paths.docs), _cold(tmp_path, content, "two")
    assert [rel for rel in first + second if now[rel] != cold.get(rel)] == []
    assert any(b"firstquick" in now[rel] for rel in second if not rel.startswith("articles/"))
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == cold


def test_a_new_name_or_date_leaves_the_listings_to_the_regeneration(tmp_path, preview):
    options, quick = preview
    content = options.paths.content
    before = _tree(options.paths.docs)
    renamed = _edit(content, ARTICLE, SUMMARY, "staged with the Quicklisted Freedom Foundation a rally in front of")
    [page] = quick.edited([renamed])
    assert page.startswith("articles/")
    assert {rel for rel, data in _tree(options.paths.docs).items() if before.get(rel) != data} == {page}
    redated = _edit(content, ARTICLE, "date: 2023-09-22", "date: 2021-02-03")
    assert [rel for rel in quick.edited([redated]) if not rel.startswith("articles/")] == []
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == _cold(tmp_path, content, "name and date")


def test_a_regeneration_that_began_before_the_edit_leaves_the_listings_the_quick_path_wrote(tmp_path, preview):
    options, quick = preview
    quick.give_way_seconds = 0  # a regeneration that no longer gives way to newer edits
    stale = quick.follow(time.monotonic())  # a regeneration reads the files now, before the edit
    written = quick.edited([_edit(options.paths.content, ARTICLE, SUMMARY, "staged a laterquick rally in front of")])
    listing = next(rel for rel in written if rel.startswith("topics/"))

    class Archive:  # the older regeneration's pages: the listing as it was
        site = quick.site
        pages = iter([type("P", (), {"path": listing, "content": b"older listing"})()])

    [kept] = list(stale(Archive()))
    assert b"laterquick" in kept.content
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == _cold(tmp_path, options.paths.content, "later")


def test_the_listings_do_not_wait_for_a_regeneration_the_search_index_does(tmp_path, preview):
    options, quick = preview
    told: list[list[str]] = []
    quick.on_written = lambda pages: told.append(list(pages))
    path = _edit(options.paths.content, ARTICLE, SUMMARY, "staged a busyquick rally in front of")
    quick.busy.acquire()  # a regeneration is running
    edit = threading.Thread(target=quick.edited, args=([path],))
    edit.start()
    deadline = time.monotonic() + 60
    while len(told) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    article, listings = told
    assert article[0].startswith("articles/") and any(rel.startswith("topics/") for rel in listings)
    assert not any(rel.startswith("search/") for batch in told for rel in batch)
    quick.busy.release()
    edit.join(60)
    assert any(rel.startswith("search/") for rel in told[2])
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == _cold(tmp_path, options.paths.content, "busy")


def test_a_regeneration_that_reads_a_file_in_the_middle_of_a_save_writes_nothing(tmp_path, preview):
    """An editor that saves in place empties the file first: the article is not taken off the
    site (every listing rewritten, then again); the regeneration runs again once it is saved."""
    options, quick = preview
    path = options.paths.content / ARTICLE
    text = path.read_bytes()
    before = _tree(options.paths.docs)
    path.write_bytes(b"")
    with pytest.raises(BeingSaved):
        generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == before
    old = time.time() - 60  # emptied a minute ago: the curator meant it, the build says so
    os.utime(path, (old, old))
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) != before  # this time the regeneration ran
    path.write_bytes(text)
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    assert _tree(options.paths.docs) == _cold(tmp_path, options.paths.content, "saved")
