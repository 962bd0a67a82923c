"""`builder generate` on a warm docs/ after edits (issue 18): the listing pages whose articles did
not change are found in docs/ (builder.warm.WrittenPages), and docs/ is what a cold generate of
the same content writes, file for file."""
from __future__ import annotations

import shutil

import pytest

from builder import knowledge
from builder.render import indexes
from tests.conftest import FIXTURES, folders, run_cli
from tests.test_scale import many_articles, tree

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """Three copies of each seed article, generated; the listing pages rendered from here on counted."""
    many_articles(tmp_path, copies=3)
    run_cli("generate", *folders(tmp_path))
    rendered = []
    real = indexes._entry_pages
    monkeypatch.setattr(indexes, "_entry_pages", lambda entry, items: rendered.append(entry.path) or real(entry, items))
    return tmp_path, rendered


def _same_as_cold(root, step: str) -> None:
    """A generate on the warm docs/, then a cold one of the same content in another folder."""
    run_cli("generate", *folders(root))
    cold = root / f"cold-{step}"
    shutil.copytree(root / "content", cold / "content")  # with its address record
    run_cli("generate", *folders(cold))
    warm_tree, cold_tree = tree(root / "docs"), tree(cold / "docs")
    assert sorted(warm_tree) == sorted(cold_tree), step
    assert [rel for rel in warm_tree if warm_tree[rel] != cold_tree[rel]] == [], step


def _edit(root, name: str, old: str, new: str) -> None:
    path = root / "content" / "articles" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_renders_only_the_listings_of_the_edited_article(archive):
    root, rendered = archive
    run_cli("generate", *folders(root))  # nothing changed: nothing rendered
    assert rendered == []
    name = f"{SEEDS[0].stem}-1.txt"
    _edit(root, name, "---\ntitle:", "---\ndate: 2019-03-02\ntitle:")
    run_cli("generate", *folders(root))
    assert rendered, "the edited article's listings are made again"
    everything = len(list((root / "docs").glob("*/*.md")))
    assert len(rendered) < everything / 2, rendered
    _same_as_cold(root, "date")


def test_a_sequence_of_edits_leaves_what_a_cold_generate_writes(archive):
    root, _rendered = archive
    first, second = f"{SEEDS[0].stem}-1.txt", f"{SEEDS[1].stem}-0.txt"
    _edit(root, first, "---\ntitle:", "---\ntopics: [Families and personal stories]\ntitle:")
    _same_as_cold(root, "topics")
    _edit(root, first, "title: Copy 1", "title: Retitled copy 1")
    _same_as_cold(root, "title")
    _edit(root, second, "---\ntitle:", "---\nauthor: Jane Warmgenerate\npublisher: Preview Tribune\ntitle:")
    _same_as_cold(root, "author and publisher")
    shutil.copy(root / "content" / "articles" / second, root / "content" / "articles" / "added.txt")
    _edit(root, "added.txt", "title: Copy 0", "title: Added copy")
    _same_as_cold(root, "added")
    (root / "content" / "articles" / first).unlink()
    _same_as_cold(root, "removed")
    page = next((root / "docs" / "topics").glob("*.md"))
    page.write_text("edited by hand", encoding="utf-8")  # a listing changed by hand is made again
    _same_as_cold(root, "a listing edited by hand")


def test_related_articles_are_worked_out_again_only_when_the_names_change(archive, monkeypatch):
    root, _rendered = archive
    calls = []
    real = knowledge.related_articles
    monkeypatch.setattr(knowledge, "related_articles", lambda *a, **k: calls.append(1) or real(*a, **k))
    name = f"{SEEDS[2].stem}-0.txt"
    _edit(root, name, "---\ntitle:", "---\ndate: 2019-03-02\ntitle:")  # the same names
    run_cli("generate", *folders(root))
    assert calls == []
    _edit(root, name, "---\ndate:", "---\ntopics: [Families and personal stories]\ndate:")
    run_cli("generate", *folders(root))
    assert calls == [1]
    _same_as_cold(root, "a topic added")
