"""A `generate` with nothing to do gives the last report back without reading an article
(builder.unchanged); any change to what the output depends on makes it build."""
from __future__ import annotations

import pytest

from builder import pipeline
from tests.conftest import folders, make_content, run_cli

ARTICLE = """\
---
date: 2023-03-03
---
Seoul rally urges China to halt deportations

SEOUL, March 3 (Yonhap) -- Activists rallied outside the Chinese Embassy in Seoul on Friday.

"They will be punished," said Park Ji-hoon, a rally organiser.
"""


@pytest.fixture
def built(tmp_path, monkeypatch):
    """A generated archive (one article, one file passed over); gather() counted from here on."""
    make_content(tmp_path, {"articles/rally.txt": ARTICLE, "articles/photo.jpg": b"\xff\xd8\xff\xe0binary",
                            "articles/no-date.txt": ARTICLE.split("---\n", 2)[2]})
    first = run_cli("generate", *folders(tmp_path)).output
    calls = []
    real = pipeline.gather
    monkeypatch.setattr(pipeline, "gather", lambda *a, **k: calls.append(1) or real(*a, **k))
    return tmp_path, first, calls


def test_nothing_changed_reads_nothing_and_says_what_the_last_build_said(built):
    root, first, calls = built
    stamps = {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()}
    again = run_cli("generate", *folders(root)).output
    assert calls == []
    assert "(0 files written, 0 removed)" in again
    assert again.splitlines()[:-1] == first.splitlines()[:-1]  # every warning, as the build gave them
    assert "no date found" in again
    assert {p: p.stat().st_mtime_ns for p in (root / "docs").rglob("*") if p.is_file()} == stamps


CHANGES = {
    "an article edited": lambda root: (root / "content" / "articles" / "rally.txt").write_text(
        ARTICLE.replace("Friday", "Saturday"), encoding="utf-8"),
    "an article added": lambda root: (root / "content" / "articles" / "second.txt").write_text(
        ARTICLE.replace("Seoul rally", "Second rally"), encoding="utf-8"),
    "an article removed": lambda root: (root / "content" / "articles" / "no-date.txt").unlink(),
    "a page in docs/ removed": lambda root: (root / "docs" / "timeline.md").unlink(),
    "a page in docs/ edited": lambda root: (root / "docs" / "index.md").write_text("edited", encoding="utf-8"),
    "the address record edited": lambda root: (root / "content" / "permalinks.yml").write_text(
        (root / "content" / "permalinks.yml").read_text(encoding="utf-8").replace(
            "slug: seoul-rally", "slug: a-seoul-rally"), encoding="utf-8"),
    "the cache's head damaged": lambda root: (root / ".cache" / "state.pickle").write_bytes(b"not a pickle"),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_makes_it_build(built, change):
    root, _first, calls = built
    CHANGES[change](root)
    run_cli("generate", *folders(root))
    assert calls == [1]
    calls.clear()
    run_cli("generate", *folders(root))  # and then nothing is left to do
    assert calls == []
