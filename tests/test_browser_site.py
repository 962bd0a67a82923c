"""The whole published site under /<repo>/: a crawl for broken links, anchors, assets and
requests to other hosts (scenario 5), and axe-core on the main kinds of page (scenario 6)."""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.utils.meta import get_data

from tests.browser_support import (  # noqa: F401 - fixtures
    AXE, SHENYANG_SOURCES, browser, close_page, online, open_page, page_path, registry_slugs, shared, unavailable,
)

pytestmark = pytest.mark.browser
START = ("index.html", "404.html")
SERIOUS = ("serious", "critical")
# An SVG link's href is an SVGAnimatedString: resolved against the page like any other (the map, the charts).
LINKS_JS = "els => els.map(e => typeof e.href === 'string' ? e.href : new URL(e.href.baseVal, document.baseURI).href)"
IDS_JS = "els => els.map(e => e.id || e.getAttribute('name'))"


@dataclass
class Crawl:
    pages: set[str] = field(default_factory=set)
    ids: dict[str, set[str]] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (from page, target, fragment)
    external: list[tuple[str, str]] = field(default_factory=list)  # (from page, url)
    outside: list[tuple[str, str]] = field(default_factory=list)  # same host, not under /<repo>/
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def crawl_site(browser, served) -> Crawl:
    """Visit every page reachable from the home and 404 pages, recording links and requests."""
    result, visit = Crawl(), open_page(browser)
    queue = list(START)
    while queue:
        path = queue.pop()
        if path in result.pages:
            continue
        result.pages.add(path)
        response = visit.page.goto(served.url(path))
        assert response and response.status == 200, (path, response and response.status)
        result.ids[path] = set(visit.page.eval_on_selector_all("[id], a[name]", IDS_JS))
        hrefs = visit.page.eval_on_selector_all("a[href], link[href]", LINKS_JS)
        hrefs += visit.page.eval_on_selector_all("form[action]", "els => els.map(e => e.action)")  # search.html
        for target in _record_links(result, served, path, hrefs):
            if target.endswith(".html") and target not in result.pages:
                queue.append(target)
    result.foreign, result.failed = list(visit.foreign), list(visit.failed)
    close_page(visit)
    return result


def _record_links(result: Crawl, served, path: str, hrefs: list[str]) -> list[str]:
    targets = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https"):
            continue
        if parts.hostname != "127.0.0.1":
            result.external.append((path, href))
        elif not parts.path.startswith(urlsplit(served.base).path):
            result.outside.append((path, href))
        else:
            target = unquote(page_path(href, served.base)) or "index.html"
            result.links.append((path, target, unquote(parts.fragment)))
            targets.append(target)
    return targets


@pytest.fixture(scope="module")
def crawl(request, browser, online) -> Crawl:
    return shared(request, "crawl", lambda: crawl_site(browser, online))


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_crawl_reaches_every_page(crawl, online):
    built = {p.relative_to(online.site).as_posix() for p in online.site.rglob("*.html")}
    assert built - crawl.pages == set(), "pages no link leads to"
    assert len(crawl.pages) >= 60


def test_no_broken_link_or_asset(crawl, online):
    targets = sorted({target for _, target, _ in crawl.links})
    broken = [t for t in targets if t not in crawl.pages and status(online.url(t)) != 200]
    assert not broken, broken
    assert not crawl.failed, crawl.failed
    assert not crawl.outside, crawl.outside


def test_no_broken_anchor(crawl):
    broken = [(source, f"{target}#{fragment}") for source, target, fragment in crawl.links
              if fragment and target.endswith(".html") and fragment not in crawl.ids.get(target, set())]
    assert not broken, broken[:10]


def test_no_request_to_another_host_and_no_foreign_link_but_the_originals(crawl, online):
    assert not crawl.foreign, crawl.foreign
    originals = set()
    for path in (online.docs / "articles").glob("*.md"):
        _, meta = get_data(path.read_text(encoding="utf-8"))
        if meta.get("url"):
            originals.add(meta["url"])
    assert {url for _, url in crawl.external} <= originals, {url for _, url in crawl.external} - originals


def test_sitemap_lists_pages_under_the_project_path(online):
    locations = re.findall(r"<loc>([^<]+)</loc>", (online.site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(loc.startswith(online.base) for loc in locations)


def test_missing_address_shows_the_404_page_with_its_assets(browser, online):
    visit = open_page(browser)
    response = visit.page.goto(online.url("articles/no/such/page.html"))
    assert response.status == 404
    assert visit.page.locator(".md-header").count() == 1
    stylesheet_loaded = visit.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    assert stylesheet_loaded in ("sticky", "fixed"), "the 404 page's stylesheet did not load"
    others = [f for f in visit.failed if "no/such/page.html" not in f]
    close_page(visit)
    assert not others and not visit.foreign, (others, visit.foreign)


def accessibility_pages(online) -> dict[str, str]:
    slug = registry_slugs(online.content)[SHENYANG_SOURCES[0]]
    return {"home": "index.html", "article": f"articles/{slug}.html",
            "topic": "topics/forced-repatriation.html", "person": "people/grace-jo.html"}


@pytest.mark.parametrize("kind", ["home", "article", "topic", "person"])
def test_no_serious_accessibility_violation(browser, online, kind):
    if not AXE.exists():
        unavailable(f"axe-core not found at {AXE}: run 'npm ci' (or 'make test', which runs it when npm exists)")
    visit = open_page(browser)
    try:
        assert visit.page.goto(online.url(accessibility_pages(online)[kind])).status == 200
        visit.page.add_script_tag(path=str(AXE))
        violations = visit.page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    finally:
        close_page(visit)
    serious = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
               for v in violations if v["impact"] in SERIOUS]
    assert not serious, serious
