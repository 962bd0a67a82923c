"""The preview does each piece of work once (issue 18): the regeneration that follows an edit
takes the article as the quick path read it out, a regeneration under way gives way to a newer
edit (the next one brings both), and the start-up leaves the site to the first regeneration
instead of resolving it a second time beside it."""
from __future__ import annotations

import shutil
import time

import pytest

from builder import preview as preview_module
from builder import process, warm
from builder.models import Page
from builder.pipeline import generate
from builder.quick_preview import QuickPages, Superseded
from tests.test_quick_listings_preview import preview  # noqa: F401 - the fixture
from tests.test_quick_preview import _cold, _edit, _tree
from tests.test_quick_preview import preview as quick_preview  # noqa: F401 - the fixture

pytestmark = pytest.mark.slow
ARTICLE = "articles/002_611522f5ae8394ba.txt"
SENTENCE = "they urged Chinese authorities"


def _regenerated_reading(tmp_path, options, quick, monkeypatch) -> list[str]:
    """The files the regeneration read out; docs/ after it is what a cold build writes."""
    read: list[str] = []
    run = process._run
    with monkeypatch.context() as patched:
        patched.setattr(process, "_run", lambda items, *rest: run([read.append(i[1]) or i for i in items], *rest))
        generate(options, swap=False, pages=quick.follow(time.monotonic()))
    content_now = tmp_path / "content-now"
    shutil.copytree(options.paths.content, content_now)
    assert _tree(options.paths.docs) == _cold(tmp_path, content_now)
    return read


def test_the_regeneration_after_an_edit_reads_nothing_out_again_and_matches_a_cold_build(tmp_path, preview, monkeypatch):
    options, quick = preview
    path = _edit(options.paths.content, ARTICLE, SENTENCE, "they firmly urged Chinese authorities")
    assert quick.edited([path])
    assert _regenerated_reading(tmp_path, options, quick, monkeypatch) == []  # the quick path's read-out was reused


def test_a_second_edit_of_the_same_file_is_read_out_by_the_regeneration_when_the_quick_path_did_not_see_it(tmp_path, preview, monkeypatch):
    options, quick = preview
    path = _edit(options.paths.content, ARTICLE, SENTENCE, "they firmly urged Chinese authorities")
    quick.edited([path])
    _edit(options.paths.content, ARTICLE, "they firmly urged", "they strongly urged")  # not shown to the quick path
    assert _regenerated_reading(tmp_path, options, quick, monkeypatch) == [ARTICLE]


def test_the_preview_start_leaves_the_site_to_its_first_regeneration(quick_preview, monkeypatch):
    options, _ = quick_preview
    warm.keep()
    try:
        quick = QuickPages(options.paths)
        monkeypatch.setattr("builder.pipeline.gather", lambda *a, **k: pytest.fail("resolved beside the regeneration"))
        quick.load()
        assert quick.site is None
    finally:
        warm.forget()


def test_a_regeneration_gives_way_to_a_newer_edit_and_the_next_one_brings_it(tmp_path, preview):
    options, quick = preview
    before = _tree(options.paths.docs)
    stale = quick.follow(time.monotonic())  # a regeneration under way, begun before the edit
    path = _edit(options.paths.content, ARTICLE, SENTENCE, "they firmly urged Chinese authorities")
    [page, *_] = quick.edited([path])

    class Archive:  # the older regeneration's pages
        site = quick.site
        pages = iter([Page(rel, b"older text") for rel in before])

    with pytest.raises(Superseded):
        list(stale(Archive()))
    assert b"firmly urged" in (options.paths.docs / page).read_bytes()
    generate(options, swap=False, pages=quick.follow(time.monotonic()))
    content_now = tmp_path / "content-now"
    shutil.copytree(options.paths.content, content_now)
    assert _tree(options.paths.docs) == _cold(tmp_path, content_now)


def test_a_regeneration_gives_way_only_for_a_while(tmp_path, preview):
    options, quick = preview
    quick.give_way_seconds = 0.5
    path = _edit(options.paths.content, ARTICLE, SENTENCE, "they firmly urged Chinese authorities")
    stale = quick.follow(time.monotonic())
    quick.edited([path])
    time.sleep(0.6)  # edits kept coming this long: the regeneration runs to its end

    class Archive:
        site = quick.site
        pages = iter([Page("articles/other.md", b"text")])

    assert [p.path for p in stale(Archive())] == ["articles/other.md"]


def test_the_watcher_asks_again_after_a_regeneration_gave_way():
    def superseded(*_args, **_kwargs):
        raise Superseded()

    regenerator = preview_module._Regenerator(None, superseded, None)
    regenerator._generate({})
    assert regenerator.wanted.is_set()


def test_a_regeneration_gives_way_between_reading_and_resolving(tmp_path, preview, monkeypatch):
    options, quick = preview
    follow = quick.follow(time.monotonic())
    path = _edit(options.paths.content, ARTICLE, SENTENCE, "they firmly urged Chinese authorities")
    read = process.process_all

    def edited_meanwhile(*args, **kwargs):  # the edit comes while the files are read
        outcomes = read(*args, **kwargs)
        quick.edited([path])
        return outcomes

    monkeypatch.setattr("builder.process.process_all", edited_meanwhile)  # imported by gather()
    monkeypatch.setattr("builder.resolve.resolve", lambda *a, **k: pytest.fail("resolved after a newer edit"))
    with pytest.raises(Superseded):
        generate(options, swap=False, pages=follow)
