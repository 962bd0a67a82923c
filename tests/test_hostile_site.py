"""Hostile input, round two: one archive built from every header key crossed with every payload,
hostile settings strings, and titles in other scripts. Each case is checked in the report, the
article page, the feeds (parsed as XML), the CSV and JSON downloads and the search index;
Chromium visits every page online and from the offline zip: no dialog may fire."""
from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from builder.publish.bundle import bundle
from builder.config import Paths
from builder.render.markup import one_line
from tests.browser_support import (  # noqa: F401 - fixtures
    REPO, browser, close_page, open_page, registry_slugs, search, serve, shared,
)
from tests.conftest import ROOT, search_records
from tests.hostile_site import (
    CASES, CSV_CASES, PAYLOADS, SCRIPTS, SETTINGS, URL_CASES, HOSTILE_PERSON, HOSTILE_TOPIC, build_hostile,
    markup_problems,
)

INTERNAL_WORDS = re.compile(r"Error\b|Node\b|Exception|Traceback|unexpected failure|\bstr\b|\bint\b")


class Built:
    """The hostile archive and everything a test reads from it, read once."""

    def __init__(self, root: Path, site: Path, report, base: str = ""):
        self.root, self.site, self.base = root, site, base
        self.files = {f.path: f for f in report.files}
        self.slugs = registry_slugs(root / "content")
        self.pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
        self.rss = ET.parse(site / "feed.xml").getroot()
        self.feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
        self.records = {r["source_file"]: r for r in
                        json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]}
        rows = list(csv.DictReader(io.StringIO((site / "data" / "articles.csv").read_text(encoding="utf-8"))))
        self.rows = {r["source_file"]: r for r in rows}
        self.index = search_records(site)

    def page(self, rel: str) -> str:
        return self.pages[f"articles/{self.slugs[rel]}.html"]


def make_built(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("hostile2")
    served = serve(root)
    report = build_hostile(root, served.site, site_url=served.base)
    built = Built(root, served.site, report, served.base)
    built.served = served
    return built


@pytest.fixture(scope="module")
def built(request, tmp_path_factory) -> Built:
    return shared(request, "hostile-two", lambda: make_built(tmp_path_factory), lambda b: b.served.stop())


def visible(page: str, start: str, end: str) -> str:
    """The text a reader sees between two markers of the page."""
    part = page[page.index(start):]
    part = part[:part.index(end)]
    return html.unescape(re.sub(r"<[^>]+>", "", part))


# ---------------------------------------------------------------------------- the table

@pytest.mark.slow
@pytest.mark.parametrize("case", CASES + CSV_CASES + URL_CASES, ids=lambda c: c.name)
def test_each_hostile_value_is_published_as_text_or_refused_by_name(built, case):
    entry = built.files[case.rel]
    messages = " ".join(m.text for m in entry.messages)
    assert not INTERNAL_WORDS.search(messages), messages
    if not case.published:
        assert entry.status == "error", messages
        [error] = [m for m in entry.messages if m.level == "error"]
        assert error.line == 2 + _line_of(case)
        assert f"header key '{case.key}'" in error.text
        assert case.rel not in built.slugs and case.rel not in built.records
        assert not any(f"case {case.name} " in " ".join(d.get("p", [])) for d in built.index)  # nothing published
        return
    assert entry.status in ("ok", "warning"), messages
    page = built.page(case.rel)
    problems, json_ld = markup_problems(page)
    assert problems == []
    [ld] = [json.loads(text) for text in json_ld]
    assert "javascript:" not in json.dumps(ld.get("isBasedOn", ""))
    record = built.records[case.rel]
    field = {"title": "title", "publisher": "publisher", "author": "author", "url": "url"}[case.key]
    assert record[field] == case.expected  # the JSON download is exact
    cell = built.rows[case.rel][field]
    assert cell == ("'" + case.expected if case.expected.startswith(("=", "+", "-", "@")) else case.expected)
    article = visible(page, '<article class="md-content__inner', "</article>")
    assert one_line(case.expected) in re.sub(r"\s+", " ", article)
    item = next(i for i in built.feed["items"] if i["url"].endswith(f"/{built.slugs[case.rel]}.html"))
    if case.key == "title":
        assert item["title"] == one_line(case.expected)
        rss_titles = [t.text for t in built.rss.iter("title")]
        assert one_line(case.expected) in rss_titles


def _line_of(case) -> int:
    """The header line of the key: the header is title, date, publisher, then the key (if new)."""
    order = ["title", "date", "publisher"]
    return order.index(case.key) if case.key in order else len(order)


@pytest.mark.slow
def test_no_page_carries_script_or_markup_from_any_input(built):
    found = {path: markup_problems(text)[0] for path, text in built.pages.items()}
    assert {path: problems for path, problems in found.items() if problems} == {}
    assert len(built.pages) > 60


@pytest.mark.slow
def test_new_reader_pages_show_hostile_names_as_text(built):
    """Author pages, the home page's cards, chart and map, the side column: names are text."""
    authors = {p: t for p, t in built.pages.items() if p.startswith("authors/")}
    assert len(authors) > 1 and all(markup_problems(t)[0] == [] for t in authors.values())
    for path, page in built.pages.items():
        for svg in re.findall(r"<svg class=\"archive-(?:chart|map)\".*?</svg>", page, re.S):
            assert "<img" not in svg and "<script" not in svg and "onerror=" not in svg.replace("&", ""), path
    tagged = built.page("articles/settings.txt")
    assert one_line(HOSTILE_TOPIC) in visible(tagged, '<nav class="archive-topics"', "</nav>")


@pytest.mark.slow
def test_feeds_and_sitemaps_are_valid_xml_and_carry_no_refused_address(built):
    for name in ("feed.xml", "sitemap.xml"):
        ET.parse(built.site / name)
    ET.fromstring(gzip.decompress((built.site / "sitemap.xml.gz").read_bytes()))
    everything = "".join((built.site / n).read_text(encoding="utf-8") for n in ("feed.xml", "feed.json"))
    everything += (built.site / "data" / "articles.json").read_text(encoding="utf-8")
    everything += (built.site / "data" / "articles.csv").read_text(encoding="utf-8")
    assert "\uffff" not in everything and "\u202e" not in everything
    for url in (r.get("url") for r in built.records.values()):
        assert url is None or url.startswith("https://")


@pytest.mark.slow
def test_the_search_index_holds_the_hostile_text_as_data(built):
    """The titles arrive in the index exactly as written, inside JSON (search_records checks
    each file is one call with JSON arguments); the page shows them with textContent."""
    titles = {r["t"] for r in built.index}
    assert any("<" in t for t in titles), titles


@pytest.mark.slow
def test_settings_strings_are_shown_as_text(built):
    home = built.pages["index.html"]
    assert markup_problems(home)[0] == []
    for value in (SETTINGS["archive_name"], SETTINGS["archive_description"]):
        assert one_line(value).replace("\u202e", "") in visible(home, '<article class="md-content__inner', "</article>")
    head = html.unescape(home[:home.index("</head>")])
    assert one_line(SETTINGS["site_name"]).replace("\uffff", "") in head or SETTINGS["site_name"] in head
    topic = one_line(HOSTILE_TOPIC)
    tagged = built.page("articles/settings.txt")
    assert topic in visible(tagged, '<nav class="md-tags"', "</nav>")
    assert "Topics <img" in html.unescape(re.sub(r"<[^>]+>", "", home))  # the navigation title, as text
    person = [p for p in built.pages if p.startswith("people/kim-img")]
    assert person and HOSTILE_PERSON in visible(built.pages[person[0]], "<h1", "</h1>")


@pytest.mark.slow
@pytest.mark.parametrize("name", SCRIPTS)
def test_every_script_gets_a_distinct_readable_address(built, name):
    title, publisher = SCRIPTS[name]
    slug = built.slugs[f"articles/{name}.txt"]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and slug != name
    publishers = [p for p in built.pages if p.startswith("publishers/") and publisher in
                  visible(built.pages[p], "<h1", "</h1>")]
    assert len(publishers) == 1 and "unnamed" not in publishers[0]
    others = {built.slugs[f"articles/{n}.txt"] for n in SCRIPTS if n != name}
    assert slug not in others


# ---------------------------------------------------------------------------- in Chromium

SEARCHES = ("title", "Hostile", "Rally")  # results show the hostile titles, text and tags


def _visit_all(browser, urls: list[str], home: str, allowed) -> tuple[list[str], dict[str, list[str]]]:
    """Every page loaded in turn, then searches typed on the home page: (dialogs, search results)."""
    visit = open_page(browser, allowed=allowed)
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(f"{d.message} on {visit.page.url}"), d.dismiss()))
    results = {}
    try:
        for url in urls:
            visit.page.goto(url, wait_until="load")
        for query in SEARCHES:
            visit.page.goto(home, wait_until="load")
            results[query] = search(visit.page, query)
            visit.page.wait_for_timeout(300)
    finally:
        close_page(visit)
    return dialogs, results


@pytest.mark.browser
@pytest.mark.slow
def test_no_dialog_fires_on_any_page_online(built, browser):
    urls = [built.base + p for p in sorted(built.pages) if p != "404.html"]
    dialogs, results = _visit_all(browser, urls + [built.base + "no-such-page.html"], built.base, ("127.0.0.1",))
    assert dialogs == []
    assert all(results.values()), results  # the searches did show hostile titles, text and tags


@pytest.mark.browser
@pytest.mark.slow
def test_no_dialog_fires_on_any_page_of_the_offline_zip(built, browser, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile2-zip")
    paths = Paths(content=built.root / "content", config=built.root / "site_config", docs=built.root / "docs",
                  mkdocs_file=built.root / "mkdocs.yml")
    made = bundle(paths, root / "dist")
    with zipfile.ZipFile(made.path) as archive:
        archive.extractall(root / "unzipped")
    [folder] = (root / "unzipped").iterdir()
    urls = [p.as_uri() for p in sorted(folder.rglob("*.html"))]
    assert len(urls) > 60
    dialogs, results = _visit_all(browser, urls, (folder / "index.html").as_uri(), ())
    assert dialogs == []
    assert all(results.values()), results
    visit = open_page(browser, allowed=())
    try:  # a Korean publisher's page, reached by its link, from the file system
        visit.page.goto((folder / "publishers" / "index.html").as_uri())
        visit.page.locator(".md-content a", has_text=SCRIPTS["korean"][1]).first.click()
        visit.page.wait_for_load_state()
        assert visit.page.url.endswith("/publishers/yeonhabnyuseu.html")
        assert SCRIPTS["korean"][1] in visit.page.locator("h1").first.inner_text()
    finally:
        close_page(visit)


@pytest.mark.browser
@pytest.mark.slow
def test_korean_publisher_page_is_reached_by_its_link_online(built, browser):
    visit = open_page(browser)
    try:
        visit.page.goto(built.base + "publishers/index.html")
        visit.page.locator(".md-content a", has_text=SCRIPTS["korean-2"][1]).first.click()
        visit.page.wait_for_load_state()
        assert visit.page.url == built.base + "publishers/joseonilbo.html"
        assert SCRIPTS["korean-2"][1] in visit.page.locator("h1").first.inner_text()
    finally:
        close_page(visit)
    assert visit.failed == []


def test_payloads_cover_the_issue():
    assert len(CASES) >= 9 * 7 and {"script", "quote", "endscript", "jsurl", "bidi", "uffff", "long"} <= set(PAYLOADS)
    assert len(PAYLOADS["long"]) >= 9_999 and REPO and ROOT
