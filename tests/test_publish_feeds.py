"""RSS 2.0 and JSON Feed: newest first, dated by the article date, text kept as data."""
from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from builder.models import Article, Block, Header, Knowledge, PartialDate, RawDocument
from builder.render.feeds import DC, FeedInfo, feed_pages, json_feed, published, rss_feed

HOSTILE = "</title><script>alert(1)</script> & \"quotes\" ]]> \x01\x0b"


def article(slug: str, date: str | None, title: str = "A title", **extra) -> Article:
    raw = RawDocument(Path(f"{slug}.txt"), f"articles/{slug}.txt", "x", "utf-8", Header())
    values = dict(publisher="Yonhap", republished_by=None, author=None, dateline=None, url=None,
                  language="en", summary="A summary.")
    values.update(extra)
    return Article(raw, slug, title, PartialDate.parse_iso(date) if date else None,
                   body=(Block("paragraph", "x"),), captions=(), removed=(), origins={}, **values)


@pytest.mark.parametrize("iso, expected", [
    ("2012", "2012-01-01T00:00:00+00:00"),
    ("2012-02", "2012-02-01T00:00:00+00:00"),
    ("2023-09-22", "2023-09-22T00:00:00+00:00"),
])
def test_a_date_counts_from_its_first_day(iso, expected):
    assert published(PartialDate.parse_iso(iso)).isoformat() == expected


def test_newest_first_and_at_most_count():
    articles = [article(f"a{n}", f"20{10 + n}-01") for n in range(6)] + [article("undated", None)]
    rss, js = feed_pages(articles, FeedInfo("Archive", count=3))
    assert (rss.path, js.path) == ("feed.xml", "feed.json")
    links = [i.findtext("link") for i in ET.fromstring(rss.content).iter("item")]
    assert links == ["articles/a5.html", "articles/a4.html", "articles/a3.html"]
    assert [i["url"] for i in json.loads(js.content)["items"]] == links


def test_absolute_links_when_the_site_address_is_known():
    info = FeedInfo("Archive", "About", "https://user.github.io/repo/")
    channel = ET.fromstring(rss_feed([article("a", "2023-09-22")], info)).find("channel")
    assert channel.findtext("link") == "https://user.github.io/repo/"
    item = channel.find("item")
    assert item.findtext("link") == "https://user.github.io/repo/articles/a.html"
    assert item.find("guid").get("isPermaLink") == "true"
    assert item.findtext("pubDate") == "Fri, 22 Sep 2023 00:00:00 +0000"
    feed = json.loads(json_feed([article("a", "2023-09")], info))
    assert feed["feed_url"] == "https://user.github.io/repo/feed.json"
    assert feed["items"][0]["date_published"] == "2023-09-01T00:00:00Z"


def test_relative_links_without_an_address():
    item = ET.fromstring(rss_feed([article("a", "2023")], FeedInfo("Archive"))).find("channel/item")
    assert item.findtext("link") == "articles/a.html" and item.find("guid").get("isPermaLink") == "false"
    assert "feed_url" not in json.loads(json_feed([article("a", "2023")], FeedInfo("Archive")))


def test_hostile_text_stays_text():
    knowledge = Knowledge(topics=(HOSTILE,))
    item_article = article("a", "2023", title=HOSTILE, author=HOSTILE, summary=HOSTILE,
                           url="https://example.org/?a=1&b=<2>", knowledge=knowledge)
    item = ET.fromstring(rss_feed([item_article], FeedInfo(HOSTILE))).find("channel/item")
    shown = "</title><script>alert(1)</script> & \"quotes\" ]]>"
    assert item.findtext("title") == shown and item.findtext(f"{{{DC}}}creator") == shown
    assert item.findtext("category") == shown
    entry = json.loads(json_feed([item_article], FeedInfo(HOSTILE)))["items"][0]
    assert entry["title"] == shown and entry["external_url"] == "https://example.org/?a=1&b=<2>"


def test_seed_site_has_feeds_linked_from_every_page(seed_site):
    site = seed_site / "site"
    items = ET.parse(site / "feed.xml").getroot().findall("channel/item")
    assert len(items) == 5 and all(i.findtext("pubDate") for i in items)
    assert len(json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]) == 5
    for page in ("index.html", "topics/index.html", "timeline.html"):
        head = (site / page).read_text(encoding="utf-8").split("</head>")[0]
        up = "../" if "/" in page else ""
        assert 'type="application/rss+xml" title=' in head and f'href="{up}feed.xml"' in head, page
        assert 'type="application/feed+json"' in head and f'href="{up}feed.json"' in head, page
