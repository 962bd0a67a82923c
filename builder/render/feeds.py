"""Stage 7, render: RSS 2.0 (feed.xml) and JSON Feed 1.1 (feed.json) of the newest articles.

Both are plain files in docs/, which MkDocs copies as they are. Items are dated by the
article's date (a month or a year counts from its first day); links are absolute when the
site's address is known, else relative to the site's root, where the feeds live.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Iterator
from xml.etree import ElementTree as ET

from builder.addresses import FEED_JSON, FEED_RSS, absolute, article_address
from builder.models import Article, Page, PartialDate
from builder.render.markup import one_line
from builder.resolve import Site, sort_newest_first

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
DC = "http://purl.org/dc/elements/1.1/"
ATOM = "http://www.w3.org/2005/Atom"
GENERATOR = "press-archive-builder"


@dataclass(frozen=True)
class FeedInfo:
    """What a feed says about the archive itself."""

    title: str
    description: str = ""
    site_url: str = ""  # "https://user.github.io/repo/" or ""
    language: str = "en"
    count: int = 50

    def link(self, path: str = "") -> str:
        """An address on the site: absolute when site_url is known."""
        return absolute(path, self.site_url)


def iter_feed_pages(site: Site) -> Iterator[Page]:
    """feed.xml and feed.json of the site's newest articles."""
    info = FeedInfo(site.name, site.description, site.url, count=site.settings.feed_count)
    yield from feed_pages(list(site.newest), info)


def feed_pages(articles: list[Article], info: FeedInfo) -> list[Page]:
    """The two feed files, newest `info.count` articles first."""
    newest = sort_newest_first(articles)[: max(info.count, 0)]
    return [Page(FEED_RSS, rss_feed(newest, info)), Page(FEED_JSON, json_feed(newest, info))]


def published(date: PartialDate) -> datetime:
    """The first moment an article of this date may have appeared (UTC)."""
    return datetime(date.year, date.month or 1, date.day or 1, tzinfo=timezone.utc)


def rss_feed(articles: list[Article], info: FeedInfo) -> bytes:
    ET.register_namespace("dc", DC)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", info.title)
    _text(channel, "link", info.link() or "./")
    _text(channel, "description", info.description or info.title)
    _text(channel, "language", info.language)
    _text(channel, "generator", GENERATOR)
    if info.site_url:
        ET.SubElement(channel, f"{{{ATOM}}}link",
                      {"href": info.link(FEED_RSS), "rel": "self", "type": "application/rss+xml"})
    dated = [a.date for a in articles if a.date]
    if dated:
        _text(channel, "lastBuildDate", format_datetime(published(max(dated))))
    for article in articles:
        _rss_item(channel, article, info)
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


def _rss_item(channel: ET.Element, article: Article, info: FeedInfo) -> None:
    item = ET.SubElement(channel, "item")
    link = info.link(article_address(article.slug))
    _text(item, "title", article.title)
    _text(item, "link", link)
    ET.SubElement(item, "guid", {"isPermaLink": "true" if info.site_url else "false"}).text = link
    if article.date:
        _text(item, "pubDate", format_datetime(published(article.date)))
    if article.summary:
        _text(item, "description", article.summary)
    if article.author:
        _text(item, f"{{{DC}}}creator", article.author)
    if article.publisher:
        _text(item, f"{{{DC}}}publisher", article.publisher)
    for topic in article.knowledge.topics:
        _text(item, "category", topic)


def _text(parent: ET.Element, tag: str, value: str) -> None:
    """A child element with text; control characters never reach the XML."""
    ET.SubElement(parent, tag).text = one_line(value)


def json_feed(articles: list[Article], info: FeedInfo) -> bytes:
    feed = {
        "version": JSON_FEED_VERSION,
        "title": one_line(info.title),
        "description": one_line(info.description or info.title),
        "language": info.language,
    }
    if info.site_url:
        feed["home_page_url"] = info.link()
        feed["feed_url"] = info.link(FEED_JSON)
    feed["items"] = [_json_item(a, info) for a in articles]
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(article: Article, info: FeedInfo) -> dict:
    link = info.link(article_address(article.slug))
    item = {"id": link, "url": link, "title": one_line(article.title)}
    if article.url:
        item["external_url"] = article.url
    item["content_text"] = one_line(article.summary or article.title)
    if article.summary:
        item["summary"] = one_line(article.summary)
    if article.date:
        item["date_published"] = published(article.date).isoformat().replace("+00:00", "Z")
    if article.author:
        item["authors"] = [{"name": one_line(article.author)}]
    if article.knowledge.topics:
        item["tags"] = [one_line(topic) for topic in article.knowledge.topics]
    if article.language:
        item["language"] = article.language
    return item
