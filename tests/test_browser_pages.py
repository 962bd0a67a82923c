"""Every kind of page as a reader sees it, on a desktop (1280×800) and a phone (390×844):
nothing wider than the screen, no word broken in a table, the ¶ adds no height, axe-core
finds nothing, the charts and the map have text alternatives and links that work online and
from the offline zip; and an archive with no dates and no publishers says so gracefully.
A screenshot of each page kind at each size goes to test-artifacts/.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from builder import pipeline
from builder.config import BuildOptions, Paths
from builder.publish.bundle import bundle
from tests.browser_support import (  # noqa: F401 - fixtures
    ARTIFACTS, AXE, SHENYANG_SOURCES, browser, build, close_page, online, open_page, registry_slugs, serve, shared,
    unavailable,
)
from tests.conftest import ROOT, make_content

pytestmark = pytest.mark.browser
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
# Invented articles with no date and no publisher anywhere in them.
BARE_TEXT = ("Volunteers in a border town say that families waited for news for weeks. "
             "The volunteers asked the authorities to let the families stay together.\n\n"
             "A spokesman for the group said the families had crossed the river at night. "
             "They were found by the police and taken to a detention centre in the town.\n\n"
             "Rights groups have asked for the families to be released and allowed to travel on.\n")
BARE_FILES = {f"articles/bare-{n}.txt": f"Families held at the border, report {n}\n\n{BARE_TEXT}" for n in (1, 2, 3)}

WORDS_BROKEN_JS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.md-content td, .md-content th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-\u2010\u2013]+/g; let m;  // a line may end after a hyphen: not mid-word
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

PILCROW_JS = """() => [...document.querySelectorAll('p.archive-para')].map(p => {
  const link = p.querySelector('.archive-para-link');
  const withLink = p.getBoundingClientRect().height;
  link.style.display = 'none';
  const without = p.getBoundingClientRect().height;
  link.style.display = '';
  return withLink - without;
})"""


def page_kinds(served, slug: str) -> dict[str, str]:
    return {
        "home": "index.html", "article": f"articles/{slug}.html", "topic": "topics/forced-repatriation.html",
        "topics": "topics/index.html", "person": "people/grace-jo.html", "organisation": "organizations/united-nations.html",
        "place": "places/shenyang.html", "publisher": "publishers/the-christian-post.html",
        "author": "authors/samuel-smith.html", "authors": "authors/index.html", "timeline": "timeline.html",
        "figures": "figures.html", "not-found": "articles/no/such/page.html",
    }


def bare_site(root: Path):
    served = serve(root)
    make_content(root, BARE_FILES)
    build(served)  # no SITE_URL: a default build, served under /<repo>/
    return served


@pytest.fixture(scope="module")
def bare(request, browser, tmp_path_factory):
    return shared(request, "bare", lambda: bare_site(tmp_path_factory.mktemp("bare")), lambda s: s.stop())


@pytest.fixture(scope="module")
def kinds(online) -> dict[str, str]:
    return page_kinds(online, registry_slugs(online.content)[SHENYANG_SOURCES[1]])


def visit_at(browser, size: str):
    width, height = SIZES[size]
    visit = open_page(browser, width=width)
    visit.page.set_viewport_size({"width": width, "height": height})
    return visit


def axe_violations(page) -> list:
    if not AXE.exists():
        unavailable(f"axe-core not found at {AXE}: run 'npm ci' (or 'make test', which runs it when npm exists)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", ["home", "article", "topic", "topics", "person", "organisation", "place",
                                  "publisher", "author", "authors", "timeline", "figures", "not-found"])
def test_every_page_kind_fits_reads_and_passes_axe(browser, online, kinds, kind, size):
    visit = visit_at(browser, size)
    page = visit.page
    try:
        response = page.goto(online.url(kinds[kind]))
        assert response.status == (404 if kind == "not-found" else 200)
        page.wait_for_timeout(150)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"page-{kind}-{size}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{kind} is {overflow}px wider than the {size} screen"
        assert page.evaluate(WORDS_BROKEN_JS) == [], "words broken across lines in a table"
        if kind == "article":
            assert set(page.evaluate(PILCROW_JS)) == {0}, "the ¶ adds height to a paragraph"
        assert axe_violations(page) == []
    finally:
        close_page(visit)
    assert not visit.foreign


def test_article_reads_like_a_news_archive(browser, online, kinds):
    visit = visit_at(browser, "desktop")
    page = visit.page
    page.goto(online.url(kinds["article"]))
    h1 = page.eval_on_selector("article h1", "h => ({weight: getComputedStyle(h).fontWeight})")
    assert int(h1["weight"]) >= 700
    byline = page.inner_text("p.archive-byline")
    assert re.fullmatch(r"By Samuel Smith · The Christian Post · November 2017", byline.strip()), byline
    topics = page.eval_on_selector_all(".md-content a.archive-topic", "els => els.map(a => a.textContent)")
    assert topics and len(topics) == len(set(topics))
    assert page.locator(".md-tags:visible").count() == 0, "topics shown twice"
    assert page.locator("a[href='#cite']").count() == 1 and page.locator("#cite").count() == 1
    side = page.inner_text(".md-sidebar--secondary")
    assert "Grace Jo" in side and "Shenyang" in side
    assert page.locator(".md-sidebar--primary:visible").count() == 0, "the empty navigation column stays"
    related = page.inner_text("h2#related-articles + ul")
    assert "Also about" in related
    close_page(visit)


def test_charts_and_map_have_text_alternatives_and_working_links(browser, online):
    visit = visit_at(browser, "desktop")
    page = visit.page
    page.goto(online.url())
    for css in ("svg.archive-chart", "svg.archive-map"):
        svg = page.locator(css)
        assert svg.count() == 1 and svg.get_attribute("aria-label")
        figure = svg.locator("xpath=..")
        assert figure.locator("figcaption").inner_text() and figure.locator("details a").count() >= 1
    links = page.eval_on_selector_all("svg a", "els => els.map(a => new URL(a.href.baseVal, document.baseURI).href)")
    assert len(links) >= 5
    for link in links:
        assert page.request.get(link).status == 200, link
    page.goto(links[-1])
    assert page.locator("article h1").count() == 1
    close_page(visit)


def test_charts_and_map_links_work_from_the_offline_zip(browser, tmp_path_factory):
    root = tmp_path_factory.mktemp("offline-charts")
    shutil.copytree(ROOT / "content", root / "content")
    paths = Paths(content=root / "content", config=ROOT / "site_config", docs=root / "docs",
                  mkdocs_file=ROOT / "mkdocs.yml")
    pipeline.generate(BuildOptions(paths, run_mkdocs=False))
    with zipfile.ZipFile(bundle(paths, root / "dist").path) as archive:
        archive.extractall(root / "unzipped")
    [folder] = (root / "unzipped").iterdir()
    visit = open_page(browser, allowed=())
    page = visit.page
    page.goto((folder / "index.html").as_uri())
    links = page.eval_on_selector_all("svg a", "els => els.map(a => new URL(a.href.baseVal, document.baseURI).href)")
    assert links
    for link in links:
        assert Path(link.split("#")[0].removeprefix("file://")).is_file(), link
    page.locator("svg.archive-map a").last.click()  # drawn last: on top of any neighbour
    page.wait_for_load_state()
    assert "/places/" in page.url and page.locator("article h1").count() == 1
    close_page(visit)
    assert not visit.foreign


def test_an_archive_with_no_dates_and_no_publishers_says_so(browser, bare):
    visit = visit_at(browser, "phone")
    page = visit.page
    page.goto(bare.url())
    text = page.inner_text("article")
    assert "3 articles (publishers not recorded); no article has a known date" in text
    assert "0 publishers" not in text and page.locator("svg.archive-chart").count() == 0
    page.screenshot(path=str(ARTIFACTS / "bare-home-phone.png"), full_page=True)
    page.goto(bare.url("timeline.html"))
    assert "No article in the archive has a known date" in page.inner_text("article")
    assert page.locator("h2#undated + ul li").count() == 3
    page.goto(bare.url("articles/no/such/page.html"))
    position = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert position in ("sticky", "fixed"), "the 404 page is unstyled under the sub-path"
    links = page.eval_on_selector_all(".md-content a", "els => els.map(a => a.href)")
    assert links and all(link.startswith(bare.base) for link in links), links
    action = page.eval_on_selector(".md-content form[role=search]", "form => form.action")
    assert action.startswith(bare.base) and action.endswith("search.html"), action  # the archive's search
    page.screenshot(path=str(ARTIFACTS / "bare-not-found-phone.png"), full_page=True)
    close_page(visit)
    assert not visit.foreign
