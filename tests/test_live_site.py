"""The preview rebuilds only the pages an edit changed, and its search is never left behind (issue 18)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

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


def test_an_added_article_s_pages_are_added_one_by_one_and_a_removed_one_s_go(tmp_path):
    """A new article (or a new person's page) is no full build: it took minutes at thousands
    of articles; the pages that came are rendered, those that went are gone, the rest stay."""
    content, docs, site = tmp_path / "content", tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / ARTICLE).rename(tmp_path / ARTICLE)
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    live = LiveSite(ROOT / "mkdocs.yml", docs, site, "http://127.0.0.1:8000/")
    live.build()
    before = _html_stamps(site)
    (tmp_path / ARTICLE).rename(content / "articles" / ARTICLE)
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    rebuilt = live.update()
    after = _html_stamps(site)
    added = sorted(after.keys() - before.keys())
    assert added and all(page.replace(".html", ".md") in rebuilt for page in added)
    changed = {page for page in after if after[page] != before.get(page)}
    assert changed == {page.replace(".md", ".html") for page in rebuilt if page.endswith(".md")}
    assert "404.html" not in changed and len(changed) < len(after) / 2  # not the whole site
    assert live.search_fresh and _search_files(site) == _search_files(docs)

    (content / "articles" / ARTICLE).unlink()
    run_cli("generate", "--content", content, "--docs", docs, "--jobs", "1")
    rebuilt = live.update()
    assert sorted(_html_stamps(site)) == sorted(before) and live.search_fresh
    assert all(page.replace(".html", ".md") in rebuilt for page in added)


def test_a_page_of_the_navigation_coming_or_going_means_a_full_build(tmp_path):
    docs, site, live = _plain_site(tmp_path, nav=["index.md", "other.md", "third.md"])
    assert not (site / "third" / "index.html").exists()
    (docs / "third.md").write_text("# Third\n\nThird words.\n", encoding="utf-8")
    live.hint(["third.md"])
    rebuilt = live.update()
    assert "third.md" in rebuilt and "index.md" in rebuilt  # every page: each shows the navigation
    assert "Third" in (site / "index.html").read_text(encoding="utf-8")
    live.close()


def test_a_hinted_new_page_is_rendered_alone(tmp_path):
    docs, site, live = _plain_site(tmp_path)
    home = (site / "index.html").stat().st_mtime_ns
    (docs / "third.md").write_text(f"# Third\n\n{NEW_WORDS}\n", encoding="utf-8")
    live.hint(["third.md"])
    assert live.update() == ["third.md"] and live.walk_owed
    assert NEW_WORDS in (site / "third" / "index.html").read_text(encoding="utf-8")
    assert (site / "index.html").stat().st_mtime_ns == home
    (docs / "third.md").unlink()
    live.hint(["third.md"])
    assert live.update() == ["third.md"] and not (site / "third" / "index.html").exists()
    assert live.update() == [] and not live.walk_owed  # the look at every file finds nothing more
    live.close()


def _plain_site(tmp_path, nav: list[str] | None = None):
    """Two pages and a mkdocs.yml with MkDocs' own theme and search plugin (and this nav), built once."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nThe first words.\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\nOther words.\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    listed = "".join(f"  - {page}\n" for page in nav or ())
    config.write_text("site_name: Plain\ntheme:\n  name: mkdocs\nplugins:\n  - search\n"
                      + (f"nav:\n{listed}" if nav else ""), encoding="utf-8")
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


def test_a_page_that_forwards_keeps_the_address_of_the_page_it_replaces(tmp_path):
    """A renamed article: its old page (other.md) goes and a page that forwards takes its
    address (other/index.html, a plain file); told of the two in either order, the address
    serves the forwarding page. (The article pages are in no navigation.)"""
    docs, site, live = _plain_site(tmp_path, nav=["index.md"])
    (docs / "other").mkdir()
    (docs / "other" / "index.html").write_text("<p>Forwarded</p>", encoding="utf-8")
    live.hint(["other/index.html"])
    live.update()
    (docs / "other.md").unlink()
    live.hint(["other.md"])
    live.update()
    assert (site / "other" / "index.html").read_text(encoding="utf-8") == "<p>Forwarded</p>"
    assert live.update() == [] and (site / "other" / "index.html").is_file()
    assert live.last_rebuilt == [] and (site / "index.html").is_file()  # no full build on the way
    live.close()


def _search_builds_of(pid: int) -> list[int]:
    """The background search builds that process `pid` started and that still run."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z" and b"builder.search_refresh" in command:
            found.append(int(stat.parent.name))
    return found


def test_stopping_the_preview_ends_a_running_search_build_at_once(tmp_path):
    """Ctrl+C while MkDocs' search catches up in the background: the preview does not wait
    for that whole build of the site (minutes at thousands of articles), and leaves no process."""
    docs, site, live = _plain_site(tmp_path)
    index = site / "search" / "search_index.json"
    (docs / "other.md").write_text(f"# Other\n\n{NEW_WORDS}\n", encoding="utf-8")
    assert live.update() == ["other.md"]
    outcome = []
    refresh = threading.Thread(target=lambda: outcome.append(live.refresh_search()))
    refresh.start()
    deadline = time.monotonic() + 30
    while not _search_builds_of(os.getpid()) and refresh.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    [child] = _search_builds_of(os.getpid())
    live.close()
    refresh.join(timeout=10)
    assert not refresh.is_alive() and outcome == [False]
    assert _search_builds_of(os.getpid()) == [] and not Path(f"/proc/{child}").exists()
    assert NEW_WORDS not in index.read_text(encoding="utf-8")  # the stopped build's index is not served
    assert not live.refresh_search()  # and no new one starts


KILLED_PREVIEW = """
import sys, threading, time
from pathlib import Path
from tests.test_live_site import NEW_WORDS, _plain_site
docs, site, live = _plain_site(Path(sys.argv[1]))
(docs / "other.md").write_text(f"# Other\\n\\n{NEW_WORDS}\\n", encoding="utf-8")
live.update()
threading.Thread(target=live.refresh_search, daemon=True).start()
time.sleep(600)
"""


def test_a_killed_preview_leaves_no_search_build_behind(tmp_path):
    """`kill -9` gives the preview no chance to end its background search build: the system ends it."""
    (tmp_path / "tmp").mkdir()
    preview = subprocess.Popen([sys.executable, "-c", KILLED_PREVIEW, str(tmp_path)], cwd=ROOT,
                               env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    try:
        deadline = time.monotonic() + 60
        while not _search_builds_of(preview.pid) and preview.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        [child] = _search_builds_of(preview.pid)
    finally:
        preview.kill()
        preview.wait()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists()
    [scratch] = (tmp_path / "tmp").glob("preview-search-*")  # where it was building the site
    assert not (scratch / "search" / "search_index.json").exists()  # it ended, it did not finish
