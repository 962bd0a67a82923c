"""Work that does not change is not redone; any number of processes gives the same bytes."""
from __future__ import annotations

import io
import re
import shutil


from builder import incremental, pipeline
from builder.cache import salt
from builder.config import Paths
from builder.progress import Progress
from tests.conftest import FIXTURES, ROOT, folders, make_content, run_cli


def many_articles(root, copies: int = 14) -> None:
    """copies x 5 distinct articles: each seed text under a distinct curated title."""
    files = {}
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for n in range(copies):
            files[f"articles/{seed.stem}-{n}.txt"] = f"---\ntitle: Copy {n} of {seed.stem}\n---\n{text}"
    make_content(root, files)


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_jobs_give_identical_output(tmp_path):
    for jobs in ("1", "2"):
        root = tmp_path / f"jobs{jobs}"
        many_articles(root)
        run_cli("generate", *folders(root), "--jobs", jobs)
    assert tree(tmp_path / "jobs1" / "docs") == tree(tmp_path / "jobs2" / "docs")
    assert len(tree(tmp_path / "jobs1" / "docs")) > 140


def test_cache_reuses_unchanged_articles_and_notices_changes(tmp_path):
    many_articles(tmp_path, copies=2)
    paths = Paths(content=tmp_path / "content", docs=tmp_path / "docs", cache=tmp_path / ".cache")
    first = pipeline.gather(paths)
    first_paths = [p.path for p in first.pages if p.path.startswith("articles/")]
    first.cache.save()
    assert len(incremental.Cache(paths.cache_dir, salt(paths.config)).articles.entries) == 10
    edited = tmp_path / "content" / "articles" / "002_611522f5ae8394ba-0.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Copy 0", "Edited copy 0"), encoding="utf-8")
    second = pipeline.gather(paths)
    assert second.cache.articles.hits == 9  # only the edited file is read out again
    assert "Edited copy 0 of 002_611522f5ae8394ba" in {a.title for a in second.articles}
    assert [p.path for p in second.pages if p.path.startswith("articles/")] != first_paths  # a new address


def test_rendered_pages_are_reused_from_docs(tmp_path, monkeypatch):
    many_articles(tmp_path, copies=1)
    run_cli("generate", *folders(tmp_path))
    calls = []
    real = incremental.render_article
    monkeypatch.setattr(incremental, "render_article", lambda *a, **k: calls.append(1) or real(*a, **k))
    run_cli("generate", *folders(tmp_path))
    assert calls == []  # every article page came back from docs/, its digest checked
    page = next((tmp_path / "docs" / "articles").glob("copy-0-of-000*.md"))
    page.write_text("edited by hand", encoding="utf-8")
    run_cli("generate", *folders(tmp_path))
    assert len(calls) == 1 and "edited by hand" not in page.read_text(encoding="utf-8")


def test_a_config_change_starts_a_new_cache(tmp_path):
    config = tmp_path / "site_config"
    shutil.copytree(ROOT / "site_config", config)
    before = salt(config)
    (config / "builder.yml").write_text((config / "builder.yml").read_text() + "\n# edited\n")
    assert salt(config) != before


def test_damaged_cache_is_ignored(tmp_path):
    (tmp_path / "articles.pickle").write_bytes(b"not a pickle")
    assert incremental.Cache(tmp_path, "salt").articles.entries == {}


def test_one_article_edit_rewrites_only_what_changed(tmp_path):
    many_articles(tmp_path, copies=2)
    run_cli("generate", *folders(tmp_path))
    edited = tmp_path / "content" / "articles" / "003_41b2360c85b323b2-1.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence at the end of the article.\n",
                      encoding="utf-8")
    output = run_cli("generate", *folders(tmp_path)).output
    written = int(output.split("(")[1].split(" files written")[0])
    # the article page and its source text (and data files if it shows there), its search
    # record and the search index's term files of its words (at most all of them, here few)
    term_files = len(list((tmp_path / "docs" / "search" / "t").glob("*.js")))
    assert term_files <= 2 and 1 <= written <= 3 + 1 + term_files


def test_progress_is_shown_on_a_terminal_only():
    stream = io.StringIO()
    quiet = Progress(stream=stream)  # not a terminal
    quiet.start(1000)
    quiet.advance(1000)
    quiet.finish()
    assert stream.getvalue() == ""
    shown = Progress(stream=stream, enabled=True)
    shown.start(1000)
    shown.advance(500)
    shown.advance(500)
    shown.finish()
    assert "Reading articles: 1,000/1,000" in stream.getvalue()
    assert "/s" in stream.getvalue() and "s left" in stream.getvalue()


def test_no_change_build_makes_no_page_and_reports_the_same(tmp_path, monkeypatch):
    many_articles(tmp_path, copies=1)
    make_content(tmp_path, {"articles/bad.txt": "---\ndate: yesterday\n---\ntext"})
    first = run_cli("generate", *folders(tmp_path), expect=1)
    calls = []
    monkeypatch.setattr(pipeline, "_pages", lambda *a, **k: calls.append(1) or iter(()))
    second = run_cli("generate", *folders(tmp_path), expect=1)
    assert calls == []  # nothing was made again
    assert second.output == re.sub(r"\(\d+ files written, 0 removed\)", "(0 files written, 0 removed)", first.output)
    assert "header key 'date'" in second.output  # the bad file is still reported


def test_a_changed_or_missing_output_file_or_address_is_noticed(tmp_path, monkeypatch):
    many_articles(tmp_path, copies=1)
    run_cli("generate", *folders(tmp_path))
    index = tmp_path / "docs" / "timeline.md"
    index.unlink()
    assert "(1 files written" in run_cli("generate", *folders(tmp_path)).output
    assert index.exists()
    monkeypatch.setenv("SITE_URL", "https://example.org/archive/")
    assert "(0 files written" not in run_cli("generate", *folders(tmp_path)).output


def test_gather_after_a_build_gives_whole_articles(tmp_path):
    many_articles(tmp_path, copies=1)
    run_cli("generate", *folders(tmp_path))
    archive = pipeline.gather(Paths(content=tmp_path / "content", docs=tmp_path / "docs"))
    assert not archive.unchanged and len(archive.articles) == 5
    assert all(a.slug for a in archive.articles)  # not the cached, unaddressed articles
