"""The preview rebuilds only the pages an edit changed, and its search is never left behind (issue 18)."""
from __future__ import annotations

import shutil

import pytest

from builder.live_site import LiveSite
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.slow
ARTICLE = "002_611522f5ae8394ba.txt"
NEW_WORDS = "Curators corrected this sentence in the preview."


def _html_stamps(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _search_files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in (folder / "search").rglob("*") if p.is_file()}


def test_an_edit_rebuilds_its_pages_only_and_search_follows(tmp_path):
    content, docs, site = tmp_path / "content", tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "content", content)
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    live = LiveSite(ROOT / "mkdocs.yml", docs, site, "http://127.0.0.1:8000/")
    live.build()
    before = _html_stamps(site)
    assert not any(b"Curators corrected" in data for data in _search_files(site).values())

    article = content / "articles" / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("they urged Chinese authorities", f"{NEW_WORDS} They urged Chinese authorities"),
                       encoding="utf-8")
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    rebuilt = live.update()

    after = _html_stamps(site)
    changed = {page for page in after if after[page] != before.get(page)}
    assert changed == {p.replace(".md", ".html") for p in rebuilt if p.endswith(".md")}
    assert len(changed) < len(after) / 4  # not the whole site
    [page] = [p for p in changed if p.startswith("articles/")]
    assert NEW_WORDS in (site / page).read_text(encoding="utf-8")
    # The archive's own search index is written by generate and served as it is: never behind.
    served = _search_files(site)
    assert served == _search_files(docs) and live.search_fresh
    assert any(b"Curators corrected" in data for data in served.values())

    assert live.update() == []  # nothing changed: nothing rebuilt


def test_a_new_page_means_a_full_build(tmp_path):
    content, docs, site = tmp_path / "content", tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / ARTICLE).rename(tmp_path / ARTICLE)
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    live = LiveSite(ROOT / "mkdocs.yml", docs, site, "http://127.0.0.1:8000/")
    live.build()
    pages = len(_html_stamps(site))
    (tmp_path / ARTICLE).rename(content / "articles" / ARTICLE)
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    live.update()
    assert len(_html_stamps(site)) > pages and live.search_fresh


def _plain_site(tmp_path):
    """Two pages and a mkdocs.yml with MkDocs' own theme and search plugin, built once."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nThe first words.\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\nOther words.\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Plain\ntheme:\n  name: mkdocs\nplugins:\n  - search\n", encoding="utf-8")
    live = LiveSite(config, docs, site, "http://127.0.0.1:8000/")
    live.build()
    return docs, site, live


def test_hinted_pages_are_rebuilt_first_and_the_look_at_every_file_follows(tmp_path):
    docs, site, live = _plain_site(tmp_path)
    (docs / "index.md").write_text(f"# Home\n\n{NEW_WORDS} Home.\n", encoding="utf-8")
    (docs / "other.md").write_text(f"# Other\n\n{NEW_WORDS}\n", encoding="utf-8")
    live.hint(["other.md"])
    assert live.update() == ["other.md"] and live.walk_owed
    assert NEW_WORDS in (site / "other" / "index.html").read_text(encoding="utf-8")
    assert NEW_WORDS not in (site / "index.html").read_text(encoding="utf-8")
    assert live.update() == ["index.md"] and not live.walk_owed  # the other change is found
    assert NEW_WORDS in (site / "index.html").read_text(encoding="utf-8")
    live.close()


def test_mkdocs_own_search_catches_up_after_a_page_by_page_update(tmp_path):
    """With MkDocs' search plugin in mkdocs.yml, a page-by-page update leaves its index behind
    until refresh_search() replaces it with a full build's: it lags, it never stays wrong."""
    docs, site, live = _plain_site(tmp_path)
    index = site / "search" / "search_index.json"
    assert live.mkdocs_search and live.search_fresh and "Other words" in index.read_text(encoding="utf-8")

    (docs / "other.md").write_text(f"# Other\n\n{NEW_WORDS}\n", encoding="utf-8")
    assert live.update() == ["other.md"]
    assert NEW_WORDS in (site / "other" / "index.html").read_text(encoding="utf-8")
    assert not live.search_fresh and NEW_WORDS not in index.read_text(encoding="utf-8")
    assert live.refresh_search()
    assert live.search_fresh and NEW_WORDS in index.read_text(encoding="utf-8")
    live.close()


def test_a_writer_s_temporary_file_does_not_rebuild_the_whole_preview(tmp_path):
    """The builder writes each page through a temporary dotfile: an update that sees one must
    not take it for a new page (a full build takes minutes at thousands of articles)."""
    docs, site, live = _plain_site(tmp_path)
    (docs / ".other.md.tmp").write_text("# Half written\n", encoding="utf-8")
    assert live.update() == []
    (docs / ".other.md.tmp").unlink()
    (docs / "other.md").write_text(f"# Other\n\n{NEW_WORDS}\n", encoding="utf-8")
    assert live.update() == ["other.md"]
    live.close()
