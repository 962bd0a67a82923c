"""Link previews and citation: Open Graph, Twitter card, NewsArticle JSON-LD, BibTeX.

Every value comes from an article, so a hostile header must come out as text, never markup.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.models import Article, Block, Header, PartialDate, RawDocument
from builder.render.cite import bibtex_entry, bibtex_text, citation_key
from tests.conftest import folders, make_content, run_cli

pytestmark = pytest.mark.slow
SITE_URL = "https://user.github.io/repo/"
EVIL = '</script><script>alert("x")</script> & <b>bold</b> {\\}% \'q\''
ARTICLE = f"""\
---
title: '{EVIL.replace("'", "''")}'
author: '{EVIL.replace("'", "''")}'
publisher: Yonhap News Agency
date: 2023-09-22
url: https://example.org/story?a=1&b="2"
---
Seoul rally urges China to halt deportations

Activists rallied outside the Chinese Embassy in Seoul on Friday, urging Beijing not to send defectors back.

A second paragraph says more about the rally and the people who came to it from Shenyang.
"""


class Head(HTMLParser):
    """meta/link tags of <head>, the JSON-LD scripts and every <script> element."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self.scripts, self._in_ld = {}, {}, [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content"))
        elif tag == "link":
            self.links.setdefault(attrs.get("rel"), []).append(attrs.get("href"))
        elif tag == "script":
            self.scripts += 1
            self._in_ld = attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_ld = False if tag == "script" else self._in_ld

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(json.loads(data))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    make_content(root, {"articles/evil.txt": ARTICLE})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        run_cli("build", *folders(root), "--site", root / "site")
    return root / "site"


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def the_article(site: Path) -> Path:
    [page] = [p for p in (site / "articles").glob("*.html")]
    return page


def test_article_head_has_previews_and_json_ld(hostile_site):
    page = the_article(hostile_site)
    head = parse(page)
    url = f"{SITE_URL}articles/{page.name}"
    assert head.links["canonical"] == [url]
    expected_title = EVIL
    assert head.meta["og:title"] == [expected_title] and head.meta["twitter:title"] == [expected_title]
    assert head.meta["og:type"] == ["article"] and head.meta["twitter:card"] == ["summary"]
    assert head.meta["og:url"] == [url] and head.meta["article:published_time"] == ["2023-09-22"]
    assert head.meta["og:site_name"][0].endswith("Press Archive")
    assert head.meta["og:description"][0].startswith("Activists rallied")
    assert head.meta["description"] == head.meta["og:description"]
    [ld] = head.json_ld
    assert ld["@type"] == "NewsArticle" and ld["headline"] == EVIL
    assert ld["datePublished"] == "2023-09-22" and ld["author"] == {"@type": "Person", "name": EVIL}
    assert ld["publisher"] == {"@type": "Organization", "name": "Yonhap News Agency"}
    assert ld["isBasedOn"] == 'https://example.org/story?a=1&b="2"' and ld["url"] == url


def test_hostile_values_never_become_markup(hostile_site):
    text = the_article(hostile_site).read_text(encoding="utf-8")
    assert '<script>alert("x")' not in text and "<b>bold</b>" not in text
    baseline = parse(hostile_site / "index.html").scripts
    assert parse(the_article(hostile_site)).scripts == baseline + 1  # the JSON-LD only


def test_json_ld_at_the_date_precision_and_only_on_articles(seed_site):
    site = seed_site / "site"
    dates = sorted(parse(p).json_ld[0]["datePublished"] for p in (site / "articles").glob("*.html"))
    assert dates == ["2012-02", "2012-03", "2017-11", "2023-09-22", "2023-10"]
    for page in ("index.html", "topics/index.html", "people/grace-jo.html", "timeline.html"):
        assert not parse(site / page).json_ld and "og:type" not in parse(site / page).meta, page


def test_bibtex_is_offered_and_escaped(hostile_site):
    text = the_article(hostile_site).read_text(encoding="utf-8")
    assert "Cite this article" in text and 'class="archive-bibtex">@article{' in text
    assert "title = {{&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; \\&amp; " in text
    assert "\\url{https://user.github.io/repo/articles/" in text


def article(**values) -> Article:
    raw = RawDocument(Path("a.txt"), "a.txt", "x", "utf-8", Header())
    fields = dict(slug="seoul-rally", title="Seoul rally urges China", date=PartialDate(2023, 9, 22),
                  publisher="The Korea Herald", republished_by=None, author="Kim Min-ji", dateline=None,
                  url="https://example.org/a_b%20c", language="en", summary="S", body=(Block("paragraph", "x"),),
                  captions=(), removed=(), origins={})
    fields.update(values)
    return Article(raw, **fields)


def test_bibtex_entry_fields():
    entry = bibtex_entry(article(), "The Archive", "https://user.github.io/repo")
    assert entry.splitlines() == [
        "@article{minji2023seoul,",
        "  author = {Kim Min-ji},",
        "  title = {{Seoul rally urges China}},",
        "  journal = {The Korea Herald},",
        "  year = {2023},",
        "  month = sep,",
        "  date = {2023-09-22},",
        "  url = {https://example.org/a_b%20c},",
        "  note = {Archived in The Archive, \\url{https://user.github.io/repo/articles/seoul-rally.html}}",
        "}",
    ]


@pytest.mark.parametrize("values, key", [
    ({}, "minji2023seoul"),
    ({"author": None}, "korea2023seoul"),
    ({"author": None, "publisher": None, "date": None}, "seoulndrally"),
    ({"author": None, "publisher": None, "title": "Ok"}, "article2023"),
    ({"title": "A b c"}, "minji2023"),
])
def test_citation_key(values, key):
    assert citation_key(article(**values)) == key


def test_bibtex_specials_are_escaped():
    assert bibtex_text("50% & $5 #1 a_b {x} \\ ~^") == (
        "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textbackslash{} \\textasciitilde{}\\textasciicircum{}")
    entry = bibtex_entry(article(title="}{ evil", url="https://x.org/{a}"), "A")
    assert "title = {{\\}\\{ evil}}" in entry and "url = {https://x.org/%7Ba%7D}" in entry


def test_citation_reads_well_with_unknown_fields():
    from builder.render.article_page import citation_text
    from builder.config import Settings
    from builder.resolve import Site

    bare = article(author=None, publisher=None, date=None, url=None, title="Seoul rally urges China.")
    text = citation_text(bare, Site(Settings(archive_name="The Archive")))
    assert text == "“Seoul rally urges China.” Undated. Archived in The Archive (page articles/seoul-rally.html)."
    assert ".." not in text and "n.d" not in text
    known = citation_text(article(), Site(Settings(archive_name="The Archive"), url="https://user.github.io/repo/"))
    assert known == ("Kim Min-ji. “Seoul rally urges China.” The Korea Herald, 22 September 2023. "
                     "https://example.org/a_b%20c. Archived in The Archive, "
                     "https://user.github.io/repo/articles/seoul-rally.html.")
