"""The offline zip, unzipped and opened from file:// with no network (scenario 4)."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from builder import pipeline
from builder.config import BuildOptions, Paths
from builder.publish.bundle import bundle
from tests.browser_support import (  # noqa: F401 - fixtures
    SHENYANG_SOURCES, browser, close_page, heading, in_view, open_page, paragraph_state, registry_slugs,
    search, shared,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def unzipped_bundle(root: Path) -> Path:
    """`builder bundle` on a copy of the seed archive, unzipped into a folder of its own."""
    shutil.copytree(ROOT / "content", root / "content")
    paths = Paths(content=root / "content", config=ROOT / "site_config", docs=root / "docs",
                  mkdocs_file=ROOT / "mkdocs.yml")
    pipeline.generate(BuildOptions(paths, run_mkdocs=False))
    made = bundle(paths, root / "dist")
    with zipfile.ZipFile(made.path) as archive:
        archive.extractall(root / "unzipped")
    [folder] = (root / "unzipped").iterdir()
    return folder


@pytest.fixture(scope="module")
def offline(request, browser, tmp_path_factory) -> Path:
    return shared(request, "offline", lambda: unzipped_bundle(tmp_path_factory.mktemp("offline")))


@pytest.fixture
def visit(browser):
    visit = open_page(browser, allowed=())  # no host at all: every http(s) request is refused
    requests = []
    visit.page.on("request", lambda r: requests.append(r.url))
    yield visit
    close_page(visit)
    assert not visit.foreign, f"requests to the network: {visit.foreign}"
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests), requests


def test_navigation_works_from_the_file_system(offline, visit):
    page = visit.page
    page.goto((offline / "index.html").as_uri())
    page.locator(".md-tabs a", has_text="Topics").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/topics/index.html") and heading(page) == "Topics"
    page.locator(".md-content a[href$='.html']").first.click()
    page.wait_for_load_state()
    page.locator(".md-content a[href*='articles/']").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and heading(page)
    assert page.locator("p.archive-para").count() >= 3
    assert not visit.failed


def test_paragraph_links_work_from_the_file_system(offline, visit):
    slug = registry_slugs(ROOT / "content")[SHENYANG_SOURCES[1]]
    page = visit.page
    page.goto((offline / "articles" / f"{slug}.html").as_uri() + "#p3")
    page.wait_for_timeout(300)
    state = paragraph_state(page, "p3")
    assert state["target"] and in_view(state), state


def test_search_works_with_no_network(offline, visit):
    page = visit.page
    page.goto((offline / "index.html").as_uri())
    slugs = registry_slugs(ROOT / "content")
    hits = {url.split("?")[0].split("#")[0] for url in search(page, "Shenyang")}
    articles = {Path(h).name for h in hits if "/articles/" in h}
    assert articles == {f"{slugs[source]}.html" for source in SHENYANG_SOURCES}
