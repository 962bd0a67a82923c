"""The shipped archive, built with real MkDocs + Material, checked against expected.yml."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from builder import pipeline
from builder.config import Paths
from builder.render.article_page import article_meta
from tests.conftest import ROOT, folders, run_cli, search_records

pytestmark = pytest.mark.slow
SEEDS = ["000_286fbaeb4abc4cfc.txt", "001_1495037b45c292c7.txt", "002_611522f5ae8394ba.txt",
         "003_41b2360c85b323b2.txt", "004_16947189698fbbee.txt"]


class PageText(HTMLParser):
    """The article's parts as a reader sees them: h1, metadata line, paragraphs, headings."""

    def __init__(self):
        super().__init__()
        self.h1, self.meta, self.paragraphs, self.headings = "", "", [], []
        self._stack: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        kind = ""
        if tag == "h1":
            kind = "h1"
        elif tag == "p" and "archive-para" in (attrs.get("class") or ""):
            kind, self.paragraphs = "para", self.paragraphs + [""]
        elif tag == "p" and "archive-meta" in (attrs.get("class") or ""):
            kind = "meta"
        elif tag == "h2":
            kind, self.headings = "h2", self.headings + [""]
        elif tag == "a" and "archive-para-link" in (attrs.get("class") or ""):
            kind = "skip"
        elif tag == "a" and attrs.get("class") == "headerlink":
            kind = "skip"
        self._stack.append((tag, kind))

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        kinds = [k for _, k in self._stack if k]
        if not kinds or "skip" in kinds:
            return
        kind = kinds[-1]
        if kind == "h1":
            self.h1 += data
        elif kind == "meta":
            self.meta += data
        elif kind == "para":
            self.paragraphs[-1] += data
        elif kind == "h2":
            self.headings[-1] += data


@pytest.fixture(scope="module")
def explained() -> dict:
    return {name: run_explain(ROOT / "content" / "articles" / name) for name in SEEDS}


def run_explain(path: Path) -> dict:
    import json
    return json.loads(run_cli("explain", path, "--json").output)


@pytest.fixture(scope="module")
def pages(seed_site, explained) -> dict:
    result = {}
    for name, summary in explained.items():
        parser = PageText()
        parser.feed((seed_site / "site" / "articles" / f"{summary['slug']}.html").read_text(encoding="utf-8"))
        result[name] = parser
    return result


def curated(expected: dict, name: str, field: str):
    """What the page must show: the curated fact when there is one, else the text's value."""
    seed = expected[name]
    return (seed.get("facts") or {}).get(field, seed.get(field))


@pytest.mark.parametrize("name", SEEDS)
def test_page_title_matches(name, expected, pages, explained):
    title = expected[name]["title"]
    shown = pages[name].h1.strip()
    if title:
        assert shown == title
    else:
        lead = expected[name]["lead_starts"]
        assert explained[name]["title_origin"] == "lead"
        assert len(shown) <= 90 and lead.startswith(shown[:30]) or shown.startswith(lead[:30])


@pytest.mark.parametrize("name", SEEDS)
def test_page_metadata_matches(name, expected, pages, explained):
    meta = pages[name].meta
    for field in ("publisher", "author", "dateline"):
        value = curated(expected, name, field)
        assert explained[name][field] == value, field
        if value:
            assert value in meta, (field, meta)
    assert explained[name]["republished_by"] == expected[name].get("republished_by")
    date = curated(expected, name, "date")
    assert explained[name]["date"] == str(date)


@pytest.mark.parametrize("name", SEEDS)
def test_page_body_matches(name, expected, pages):
    page, seed = pages[name], expected[name]
    assert len(page.paragraphs) == seed["body_paragraphs"]
    assert page.paragraphs[0].strip().startswith(seed["lead_starts"])
    assert [h.strip() for h in page.headings if h.strip() in seed["headings"]] == seed["headings"]
    for removed in seed["removed"]:
        if removed == "-":
            assert not any(p.strip() == "-" for p in page.paragraphs)
        else:
            assert not any(p.strip().startswith(removed) for p in page.paragraphs), removed
            assert removed not in page.h1


@pytest.mark.parametrize("name", SEEDS)
def test_captions_are_apart_from_the_body(name, expected, explained):
    caption = expected[name].get("caption_starts")
    if caption:
        assert sum(c.startswith(caption) for c in explained[name]["captions"]) == 1
        assert not any(b["text"].startswith(caption) for b in explained[name]["body"])


@pytest.mark.parametrize("name", SEEDS)
def test_paragraph_anchors_are_numbered(name, seed_site, explained, expected):
    html = (seed_site / "site" / "articles" / f"{explained[name]['slug']}.html").read_text(encoding="utf-8")
    count = expected[name]["body_paragraphs"]
    assert re.findall(r'<p id="p(\d+)" class="archive-para[^"]*">', html) == [str(n) for n in range(1, count + 1)]


def test_every_front_matter_round_trips_through_mkdocs(seed_site):
    archive = pipeline.gather(Paths(content=seed_site / "content"))
    assert len(archive.articles) == 5
    for article in archive.articles:
        text = (seed_site / "docs" / "articles" / f"{article.slug}.md").read_text(encoding="utf-8")
        _, meta = get_data(text)
        assert meta == article_meta(article)
    for page in (seed_site / "docs").rglob("*.md"):
        _, meta = get_data(page.read_text(encoding="utf-8"))
        assert meta.get("title"), page


def test_search_finds_shenyang_in_exactly_two_articles(seed_site, explained):
    hits = {r["u"] for r in search_records(seed_site / "site") if "Shenyang" in " ".join(r.get("p", []))}
    articles = {h for h in hits if h.startswith("articles/")}
    expected_pages = {f"articles/{explained[n]['slug']}.html" for n in (SEEDS[0], SEEDS[4])}
    assert articles == expected_pages


def test_index_pages_exist_and_link_articles(seed_site, explained):
    site = seed_site / "site"
    for page in ("index.html", "timeline.html", "topics/index.html", "people/index.html",
                 "organizations/index.html", "places/index.html", "publishers/index.html"):
        assert (site / page).exists(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    timeline = (site / "timeline.html").read_text(encoding="utf-8")
    for summary in explained.values():
        assert f'articles/{summary["slug"]}.html' in timeline
    assert "February 2012" in home and "September 2023" in home
    publisher = html.unescape((site / "publishers" / "yonhap-news-agency.html").read_text(encoding="utf-8"))
    assert explained[SEEDS[2]]["title"] in publisher


def test_nav_lists_index_pages_not_articles(seed_site):
    page = (seed_site / "site" / "index.html").read_text(encoding="utf-8")
    start = re.search(r'<nav class="md-nav md-nav--primary', page).start()
    nav = page[start:page.index('md-sidebar--secondary', start)]
    assert "timeline.html" in nav and "people/index.html" in nav
    assert "articles/" not in nav


def test_no_request_to_another_host(seed_site):
    for page in (seed_site / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//', html):
            pytest.fail(f"{page} loads from another host")


def test_rebuild_without_changes_rewrites_no_page(seed_site):
    docs = seed_site / "docs"
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    result = run_cli("generate", *folders(seed_site))
    assert "(0 files written, 0 removed)" in result.output
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == stamps
    assert (seed_site / "content" / "permalinks.yml").read_bytes() == (ROOT / "content" / "permalinks.yml").read_bytes()
