"""A build keeps each search record's term scores for the next one (builder.search.kept_scores):
after an edit only the changed records are scored again, and the search index is byte for byte
the one a cold build of the same content writes (a damaged kept file changes nothing either)."""
from __future__ import annotations

import shutil

import pytest

from builder.search import kept_scores
from tests.conftest import FIXTURES, folders, run_cli
from tests.test_scale import many_articles, tree

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """Two copies of each seed article, generated in this process; the records scored from here on counted."""
    many_articles(tmp_path, copies=2)
    run_cli("generate", "--jobs", "1", *folders(tmp_path))
    scored = []
    real = kept_scores.score_terms
    monkeypatch.setattr(kept_scores, "score_terms", lambda record: scored.append(record.title) or real(record))
    return tmp_path, scored


def _search_files(root):
    return {rel: data for rel, data in tree(root / "docs").items() if rel.startswith("search/")}


def _same_as_cold(root) -> None:
    cold = root / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(root / "content", cold / "content")  # with its address record
    run_cli("generate", "--jobs", "1", *folders(cold))
    warm_files, cold_files = _search_files(root), _search_files(cold)
    assert len(warm_files) > 10
    assert sorted(warm_files) == sorted(cold_files)
    assert [rel for rel in warm_files if warm_files[rel] != cold_files[rel]] == []


def test_an_edited_article_alone_is_scored_again(archive):
    root, scored = archive
    path = root / "content" / "articles" / f"{SEEDS[0].stem}-1.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA curator added one sentence here.\n", encoding="utf-8")
    run_cli("generate", "--jobs", "1", *folders(root))
    assert scored == [f"Copy 1 of {SEEDS[0].stem}"]
    scored.clear()
    _same_as_cold(root)
    assert len(scored) > len(SEEDS) * 2  # the cold build scored every record


def test_an_added_article_alone_is_scored_and_the_index_is_the_cold_one(archive):
    root, scored = archive
    added = root / "content" / "articles" / "added.txt"
    added.write_text(f"---\ntitle: An added copy\n---\n{SEEDS[2].read_text(encoding='utf-8')}", encoding="utf-8")
    run_cli("generate", "--jobs", "1", *folders(root))
    assert "An added copy" in scored
    assert not any(title.startswith("Copy ") for title in scored)  # the other articles' scores were kept
    _same_as_cold(root)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None])
def test_a_damaged_or_missing_kept_file_scores_everything_again(archive, damage):
    root, scored = archive
    kept = root / ".cache" / kept_scores.FILE
    assert kept.is_file()
    if damage is None:
        kept.unlink()
    else:
        kept.write_bytes(damage)
    path = root / "content" / "articles" / f"{SEEDS[1].stem}-0.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    run_cli("generate", "--jobs", "1", *folders(root))
    assert len(scored) > len(SEEDS) * 2
    _same_as_cold(root)


def test_a_kept_file_that_cannot_be_written_only_slows_the_next_build(archive):
    root, scored = archive
    kept = root / ".cache" / kept_scores.FILE
    kept.unlink()
    kept.mkdir()  # a folder where the file goes: never written, never read
    path = root / "content" / "articles" / f"{SEEDS[2].stem}-1.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nAnother sentence.\n", encoding="utf-8")
    run_cli("generate", "--jobs", "1", *folders(root))
    assert kept.is_dir() and not list(kept.iterdir())
    assert not list((root / ".cache").glob(".*.tmp"))
    _same_as_cold(root)
