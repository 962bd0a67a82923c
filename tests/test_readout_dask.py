"""The per-file read-out runs unchanged on a distributed engine: Dask's bag, separate processes.

read_out(item, settings) needs no set-up in the process that runs it, so the same map the
builder's own pool runs gives the same articles when Dask runs it in worker processes the
builder never started (issue 18). Pages are rendered from these articles, so the same
articles are the same pages.
"""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.synthetic import write_corpus
from builder.cache import ArticleCache
from builder.models import Article
from builder.process import Failure, Reader, process_all
from builder.readout import ReadSettings, read_out
from tests.conftest import ROOT

dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture
def items(tmp_path: Path) -> list[tuple[Path, str, bytes]]:
    content = tmp_path / "content"
    write_corpus(content, 24, seed=3)
    for seed in sorted((ROOT / "content" / "articles").glob("*.txt")):
        shutil.copy(seed, content / seed.name)
    (content / "empty.txt").write_bytes(b"")
    (content / "draft.txt").write_text("---\ndraft: true\n---\nNot yet.\n", encoding="utf-8")
    files = sorted(p for p in content.iterdir() if p.is_file())
    return [(p, p.name, p.read_bytes()) for p in files]


def test_dask_bag_reads_out_the_same_articles_as_the_builder(items, tmp_path):
    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config)
    settings = ReadSettings.of(config)
    pool = process_all([(p, rel) for p, rel, _ in items], config, ArticleCache(), jobs=2)
    serial = [Reader(config)(item) for item in items]
    shutil.rmtree(config)  # as on another machine: only the settings' bytes travel with the map

    bag = dask_bag.from_sequence(items, npartitions=4).map(read_out, settings=settings)
    on_dask = bag.compute(scheduler="processes", num_workers=2)

    assert [type(o) for o in on_dask].count(Article) == len(items) - 2
    assert {o.rel_path: o.status for o in on_dask if isinstance(o, Failure)} == {"empty.txt": "error",
                                                                                 "draft.txt": "skipped"}
    assert on_dask == serial
    assert [_without_digest(o) for o in pool] == on_dask  # the pool notes each article's cache key


def test_changed_settings_are_other_settings(tmp_path):
    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config)
    before = ReadSettings.of(config)
    topics = config / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    assert ReadSettings.of(config) != before


def _without_digest(outcome):
    if isinstance(outcome, Article):
        return replace(outcome, source=replace(outcome.source, digest=""))
    return outcome
