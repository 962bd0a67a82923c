"""The builder's pool of processes: an archive with no site_config/ folder (the builder's
defaults) is read out by several processes exactly as by one."""
from __future__ import annotations

from pathlib import Path

from benchmarks.synthetic import write_corpus
from builder.cache import ArticleCache
from builder.models import Article
from builder.process import POOL_MINIMUM, process_all


def test_no_settings_folder_reads_out_the_same_in_a_pool(tmp_path: Path):
    content = tmp_path / "content"
    write_corpus(content, POOL_MINIMUM + 6, seed=5)
    found = sorted((p, p.relative_to(content).as_posix()) for p in content.rglob("*") if p.is_file())
    missing = tmp_path / "site_config"  # never made
    alone = process_all(found, missing, ArticleCache(), jobs=1)
    pooled = process_all(found, missing, ArticleCache(), jobs=2)
    assert len(pooled) == len(found) > POOL_MINIMUM
    assert sum(isinstance(o, Article) for o in pooled) > POOL_MINIMUM // 2
    assert pooled == alone
