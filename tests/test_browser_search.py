"""Search that finds: a relevance table driven in Chromium, on the seed archive and on a
generated archive (synthetic articles with a few written for the table), each served over
HTTP as published and unzipped from the offline bundle (file://, no network).

Each row: a query (and filters) and the article expected among the first three results,
named by its source file; or a listing page expected among the pages found by name.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import pytest

from benchmarks.synthetic import write_corpus
from builder import pipeline
from builder.config import BuildOptions, Paths
from builder.publish.bundle import bundle
from tests.browser_support import (  # noqa: F401 - fixtures
    browser, build, close_page, online, open_page, registry_slugs, serve, shared,
)
from tests.conftest import FIXTURES, ROOT
from tests.test_browser_offline import unzipped_bundle
from tests.test_search_tokens import TOKENS

pytestmark = pytest.mark.browser
TOP = 3
NEEDLES = FIXTURES / "search"
SYNTHETIC = 40  # synthetic articles around the needles

IBT, GLOBALPOST, YONHAP, AFP, CPOST = (f"articles/{name}.txt" for name in (
    "000_286fbaeb4abc4cfc", "001_1495037b45c292c7", "002_611522f5ae8394ba", "003_41b2360c85b323b2",
    "004_16947189698fbbee"))
KOREAN, CHINESE, SILENT, DECOY, LEADER = (f"articles/{name}.txt" for name in (
    "korean-rally", "chinese-report", "silent-crossing", "border-decoy", "leader-profile"))

SEED_TABLE = [  # (query, filters, the article expected in the top 3)
    ("Kim Jong Un", {}, IBT),             # named in its text; the other one only in a photo caption
    ("Kim Jong-un", {}, IBT),
    ("Jong-un", {}, IBT),
    ("KIM JONG UN", {}, IBT),
    ("Kim Jong Eun", {}, IBT),            # the vocabulary's alias, written nowhere in the article
    ("forced repatriation", {}, AFP),
    ('"forced repatriation"', {}, AFP),
    ("three generations executed", {}, GLOBALPOST),
    ("Xi Jinping", {}, YONHAP),
    ("Shenyang", {}, IBT),
    ("Shenyang", {}, CPOST),
    ("Unification Ministry", {}, AFP),
    ("Koo Byoung sam", {}, AFP),
    ("Christian Solidarity Worldwide", {}, CPOST),
    ("Yonhap", {}, YONHAP),                # a publisher
    ("defectors", {"publisher": "GlobalPost"}, GLOBALPOST),
    ("", {"year": "2017"}, CPOST),
    ("", {"topic": "Religion, churches and missionaries"}, CPOST),
    ("detention centers", {}, YONHAP),
]
GENERATED_TABLE = [
    ("탈북자", {}, KOREAN),
    ("강제 북송", {}, KOREAN),
    ("북송", {}, KOREAN),                  # inside 북송을 and 북송된: found within longer words
    ("脱北者", {}, CHINESE),
    ("强制遣返", {}, CHINESE),
    ("silent border crossing", {}, SILENT),  # the decoy has the words more often, never in a row
    ('"silent border crossing"', {}, SILENT),
    ("Kim Jong Un", {}, LEADER),
    ("Kim Jong-un border", {}, LEADER),
    ("jong un fences", {}, LEADER),
    ("Pyongyang Watch Quarterly", {}, LEADER),  # a publisher
    ("crossing", {"publisher": "Riverside Courier", "year": "2019"}, SILENT),
    ("punishment", {"topic": "Punishment after return", "year": "2022"}, LEADER),
]
LISTING_TABLE = [  # (query, the listing page found by its own name)
    ("Forced repatriation", "topics/forced-repatriation.html"),
    ("Kim Jong Un", "people/kim-jong-un.html"),
    ("Yonhap News Agency", "publishers/yonhap-news-agency.html"),
]


# ---------------------------------------------------------------------------- the sites

def generated_content(root: Path) -> Path:
    content = root / "content"
    write_corpus(content / "articles", SYNTHETIC, seed=11)
    for needle in NEEDLES.glob("*.txt"):
        shutil.copy(needle, content / "articles" / needle.name)
    return content


def generated_online(root: Path):
    served = serve(root)
    generated_content(served.root)
    build(served, site_url=served.base)
    return served


def generated_offline(root: Path) -> Path:
    content = generated_content(root)
    paths = Paths(content=content, config=ROOT / "site_config", docs=root / "docs", mkdocs_file=ROOT / "mkdocs.yml")
    pipeline.generate(BuildOptions(paths, run_mkdocs=False))
    with zipfile.ZipFile(bundle(paths, root / "dist").path) as archive:
        archive.extractall(root / "unzipped")
    [folder] = (root / "unzipped").iterdir()
    return folder


class Site:
    """Where one archive's search page is, and which address each source file got."""

    def __init__(self, search: str, slugs: dict[str, str], offline: bool):
        self.search, self.slugs, self.offline = search, slugs, offline

    def article(self, source: str) -> str:
        return f"articles/{self.slugs[source]}.html"


@pytest.fixture(scope="module")
def sites(request, browser, online, tmp_path_factory) -> dict[str, Site]:
    offline_seed = shared(request, "offline", lambda: unzipped_bundle(tmp_path_factory.mktemp("offline")))
    made = shared(request, "generated-online", lambda: generated_online(tmp_path_factory.mktemp("generated")),
                  lambda s: s.stop())
    offline_made = generated_offline(tmp_path_factory.mktemp("generated-offline"))
    return {
        "seed-online": Site(online.url("search.html"), registry_slugs(online.content), False),
        "seed-offline": Site((offline_seed / "search.html").as_uri(), registry_slugs(ROOT / "content"), True),
        "generated-online": Site(made.url("search.html"), registry_slugs(made.content), False),
        "generated-offline": Site((offline_made / "search.html").as_uri(),
                                  registry_slugs(offline_made.parent.parent / "content"), True),
    }


@pytest.fixture(scope="module")
def visit(browser):
    visit = open_page(browser)
    errors = []
    visit.page.on("pageerror", lambda e: errors.append(str(e)))
    yield visit
    close_page(visit)
    assert not errors, errors
    assert not visit.foreign, f"requests to other hosts: {visit.foreign}"


def results(page, site: Site, query: str, filters: dict) -> dict:
    """Open search.html?q=...; the article and listing-page addresses found, in order."""
    address = site.search + "?" + urlencode({"q": query, **filters})
    page.goto(address)
    page.wait_for_selector("#archive-search[data-state=done]", timeout=15_000)
    links = page.eval_on_selector_all(".archive-search-results a.archive-search-link", "els => els.map(a => a.href)")
    pages = page.eval_on_selector_all(".archive-search-pages a", "els => els.map(a => a.href)")
    root = site.search.rsplit("/", 1)[0] + "/"
    return {"articles": [u.removeprefix(root) for u in links], "pages": [u.removeprefix(root) for u in pages]}


def _rows(table, archive):
    return [pytest.param(archive, mode, q, f, want, id=f"{archive}-{mode}-{q or f}")
            for mode in ("online", "offline") for q, f, want in table]


@pytest.mark.parametrize("archive,mode,query,filters,expected",
                         _rows(SEED_TABLE, "seed") + _rows(GENERATED_TABLE, "generated"))
def test_the_expected_article_is_in_the_top_three(sites, visit, archive, mode, query, filters, expected):
    site = sites[f"{archive}-{mode}"]
    found = results(visit.page, site, query, filters)["articles"]
    top = [u.split("#")[0] for u in found[:TOP]]
    assert site.article(expected) in top, (query, filters, found[:5])


@pytest.mark.parametrize("mode", ["online", "offline"])
@pytest.mark.parametrize("query,listing", LISTING_TABLE)
def test_listing_pages_are_found_by_their_own_name(sites, visit, mode, query, listing):
    found = results(visit.page, sites[f"seed-{mode}"], query, {})
    assert listing in found["pages"], found
    assert not any(u.startswith(("topics/", "people/", "publishers/")) for u in found["articles"]), found


@pytest.mark.parametrize("mode", ["online", "offline"])
def test_un_is_a_word_of_its_own(sites, visit, mode):
    """'Un' once found 'United' and 'until': now every result holds the word itself."""
    site = sites[f"seed-{mode}"]
    found = results(visit.page, site, "Un", {})["articles"]
    assert found and len(found) < len(site.slugs), found


def test_the_snippet_is_the_matching_paragraph_and_links_to_it(sites, visit):
    site = sites["seed-online"]
    page = visit.page
    results(page, site, "forced repatriation", {})
    first = page.locator(".archive-search-result").first
    href = first.locator("a.archive-search-link").get_attribute("href")
    assert href.startswith(site.search.rsplit("/", 1)[0] + "/" + site.article(AFP) + "#p"), href
    marks = first.locator(".archive-search-snippet mark").all_inner_texts()
    assert {m.lower() for m in marks} >= {"forced", "repatriation"}, marks
    snippet = first.locator(".archive-search-snippet").inner_text().strip(" …")
    page.goto(href)
    anchor = href.rsplit("#", 1)[1]
    paragraph = page.locator(f"#{anchor}").inner_text()
    assert snippet[:60] in paragraph, (snippet, paragraph)


def test_the_header_box_leads_to_the_results(sites, online, visit):
    page = visit.page
    page.goto(online.url("index.html"))
    page.type("input.archive-search-box__input", "Tumen", delay=20)
    page.keyboard.press("Enter")
    page.wait_for_selector("#archive-search[data-state=done]", timeout=15_000)
    assert page.input_value("#archive-search-query") == "Tumen"
    first = page.locator(".archive-search-results a.archive-search-link").first.get_attribute("href")
    assert sites["seed-online"].article(CPOST) in first


def test_filters_offer_the_archive_years_publishers_and_topics(sites, visit):
    page = visit.page
    page.goto(sites["seed-online"].search)
    page.wait_for_selector("#archive-search[data-state=done]")
    values = {name: page.eval_on_selector_all(f"select[name={name}] option", "os => os.map(o => o.value)")
              for name in ("year", "publisher", "topic")}
    assert values["year"] == ["", "2023", "2017", "2012"]
    assert "Yonhap News Agency" in values["publisher"] and "Forced repatriation" in values["topic"]
    page.select_option("select[name=year]", "2012")
    page.wait_for_function("document.querySelector('#archive-search').dataset.state === 'done' && "
                           "location.search.includes('year=2012')")
    found = page.eval_on_selector_all(".archive-search-results a.archive-search-link", "els => els.map(a => a.href)")
    assert len(found) == 2 and any(sites["seed-online"].article(IBT) in u for u in found), found


def test_the_page_splits_words_as_the_index_does(sites, visit):
    """The query's words and term files, computed in the browser, are the index's."""
    from builder.search.index import term_hash
    from builder.search.tokens import tokens

    page = visit.page
    page.goto(sites["seed-online"].search)
    page.wait_for_selector("#archive-search[data-state=done]")
    texts = [text for text, _ in TOKENS] + ["Ｋｉｍ Ｊｏｎｇ－ｕｎ", "Ελληνικά Ωμέγα", "Привет, Москва!", "naïve façade"]
    in_browser = page.evaluate("ts => ts.map(t => window.__archiveSearch.tokens(t))", texts)
    assert in_browser == [tokens(t) for t in texts]
    words = sorted({w for t in texts for w in tokens(t)})
    assert page.evaluate("ws => ws.map(w => window.__archiveSearch.hash(w))", words) == [term_hash(w) for w in words]
