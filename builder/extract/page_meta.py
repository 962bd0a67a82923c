"""What a saved page states about itself: its title, date, publisher, author and address.

Every value is a Stated(value, origin) naming the evidence ("og:title", "json-ld
datePublished", ...). Sources are read in the order of EVIDENCE below, most explicit first;
nothing is guessed from the visible text here (the body reader does that).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from lxml import html as lxml_html

from builder.extract.dates import parse_date_line
from builder.extract.rules import Rules
from builder.models import PartialDate
from builder.text_safety import without_unsafe

# field -> (origin name, XPath returning strings), tried in this order
EVIDENCE = {
    "title": (
        ("og:title", "//meta[@property='og:title']/@content"),
        ("twitter:title", "//meta[@name='twitter:title']/@content"),
    ),
    "date": (
        ("article:published_time", "//meta[@property='article:published_time']/@content"),
        ("itemprop datePublished", "//*[@itemprop='datePublished']/@content"
                                   " | //*[@itemprop='datePublished']/@datetime"),
        ("meta date", "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date'"
                      " or @name='dc.date' or @name='DC.date' or @name='dc.date.issued' or @name='DC.date.issued'"
                      " or @name='dcterms.created' or @name='sailthru.date' or @name='parsely-pub-date'"
                      " or @property='og:published_time' or @name='article.published']/@content"),
        ("time pubdate", "//time[@pubdate]/@datetime"),
    ),
    "publisher": (
        ("og:site_name", "//meta[@property='og:site_name']/@content"),
    ),
    "author": (
        ("meta author", "//meta[@name='author']/@content"),
        ("article:author", "//meta[@property='article:author']/@content"),
        ("meta byl", "//meta[@name='byl']/@content"),
        ("parsely-author", "//meta[@name='parsely-author']/@content"),
        ("sailthru.author", "//meta[@name='sailthru.author']/@content"),
        ("dc.creator", "//meta[@name='dc.creator' or @name='DC.creator']/@content"),
        ("itemprop author", "//*[@itemprop='author']//*[@itemprop='name']/@content"
                            " | //*[@itemprop='author']//*[@itemprop='name'][not(@content)]//text()"),
    ),
    "url": (
        ("canonical link", "//link[@rel='canonical']/@href"),
        ("og:url", "//meta[@property='og:url']/@content"),
    ),
}
# JSON-LD: the fields of an article object, after the meta tags of the same rank
JSON_LD_TYPES = frozenset({"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                           "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
                           "TechArticle", "ScholarlyArticle", "Report"})
JSON_LD_PAGE_TYPES = frozenset({"WebPage", "ItemPage"})  # when no article object states author or date
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
ISO_DAY = re.compile(r"^\s*(\d{4})[-/](\d{2})[-/](\d{2})(?![\d])")
COMPACT_DAY = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
BY_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)
PLAUSIBLE_YEARS = (1800, 2200)
MAX_FIELD_CHARS = 300  # a title or name longer than this is not a title or a name


@dataclass(frozen=True)
class Stated:
    value: object
    origin: str


@dataclass(frozen=True)
class PageMeta:
    title: Stated | None = None
    date: Stated | None = None
    publisher: Stated | None = None
    author: Stated | None = None
    url: Stated | None = None
    headline: str | None = None  # the page's single <h1>, to compare with the stated title
    document_title: str | None = None  # <title>
    is_article: bool = False  # JSON-LD or og:type says so


def read_meta(tree: lxml_html.HtmlElement, source: str, rules: Rules) -> PageMeta:
    """The page's own statements about itself (tree: the parsed page; source: its HTML text)."""
    ld = _json_ld_article(tree)
    headline = _single(tree.xpath("//h1"))
    document_title = clean_text(" ".join(tree.xpath("//title//text()")))
    publisher = _first(tree, "publisher") or _ld_names(ld, "publisher", "json-ld publisher")
    title = _title(_first(tree, "title"), publisher) or _ld(ld, "headline", "json-ld headline") or (
        Stated(headline, "h1") if headline else None) or (
        Stated(document_title, "title tag") if document_title else None)
    date = _date(tree, ld, rules)
    author = _ld_names(ld, "author", "json-ld author") or _author(tree)
    url = _url(tree, source)
    og_type = clean_text(" ".join(tree.xpath("//meta[@property='og:type']/@content"))).lower()
    return PageMeta(title, date, publisher, author, url, headline, document_title,
                    is_article=bool(ld and ld["is_article"]) or og_type == "article")


def _title(stated: Stated | None, publisher: Stated | None) -> Stated | None:
    """A title tag that is only the site's name (a shared page's default) is no title."""
    if stated and publisher and _words(str(stated.value)) == _words(str(publisher.value)):
        return None
    return stated


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _first(tree, name: str) -> Stated | None:
    for origin, path in EVIDENCE[name]:
        for value in tree.xpath(path):
            text = clean_text(str(value))
            if text and len(text) <= MAX_FIELD_CHARS:
                return Stated(text, origin)
    return None


def _date(tree, ld: dict | None, rules: Rules) -> Stated | None:
    candidates = [("json-ld datePublished", (ld or {}).get("datePublished"))]
    candidates += [(origin, value) for origin, path in EVIDENCE["date"] for value in tree.xpath(path)]
    for origin, value in candidates:
        day = parse_day(str(value), rules) if isinstance(value, str) else None
        if day is not None:
            return Stated(day, origin)
    return None


def parse_day(text: str, rules: Rules) -> PartialDate | None:
    """The calendar day a timestamp states, as written (its own time zone): ISO, or words
    that are only a date ("November 19, 2019, 07:47 PM EST")."""
    match = ISO_DAY.match(text) or COMPACT_DAY.match(text)
    if not match:
        worded = parse_date_line(clean_text(text), rules)
        return worded[0] if worded and PLAUSIBLE_YEARS[0] <= worded[0].year <= PLAUSIBLE_YEARS[1] else None
    year, month, day = (int(g) for g in match.groups())
    if not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
        return None  # "0001-01-01": a content system's empty date
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _author(tree) -> Stated | None:
    for origin, path in EVIDENCE["author"]:
        for value in tree.xpath(path):
            text = BY_PREFIX.sub("", clean_text(str(value)))
            if text and len(text) <= MAX_FIELD_CHARS and not _looks_like_address(text):
                return Stated(text, origin)
    return None


def _url(tree, source: str) -> Stated | None:
    for origin, path in EVIDENCE["url"]:
        for value in tree.xpath(path):
            text = clean_text(str(value))
            if _looks_like_address(text):
                return Stated(text, origin)
    saved = SAVED_FROM.search(source[:4096])
    return Stated(saved.group(1), "saved-from comment") if saved else None


def _looks_like_address(text: str) -> bool:
    return bool(re.match(r"^https?://[^\s<>\"]+$", text))


def _json_ld_article(tree) -> dict | None:
    """The first JSON-LD object of an article type on the page (in @graph or lists too), its
    author and publisher given by reference ({"@id": ...}) looked up among the page's objects."""
    found = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            found.extend(_objects(json.loads(script, strict=False)))
        except (ValueError, RecursionError):
            continue
    by_id = {item["@id"]: item for item in found if isinstance(item.get("@id"), str)}
    for types in (JSON_LD_TYPES, JSON_LD_PAGE_TYPES):
        for item in found:
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & types and (types is JSON_LD_TYPES or "author" in item or "datePublished" in item):
                resolved = {key: _resolve(item.get(key), by_id) for key in ("author", "publisher")}
                return {**item, **resolved, "is_article": types is JSON_LD_TYPES}
    return None


def _resolve(value, by_id: dict):
    if isinstance(value, list):
        return [_resolve(v, by_id) for v in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _objects(data):
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _objects(data["@graph"])


def _ld(ld: dict | None, key: str, origin: str) -> Stated | None:
    value = (ld or {}).get(key)
    text = clean_text(value) if isinstance(value, str) else ""
    return Stated(text, origin) if text and len(text) <= MAX_FIELD_CHARS else None


def _ld_names(ld: dict | None, key: str, origin: str) -> Stated | None:
    """A person's or organisation's name, or several joined ("A and B", "A, B and C")."""
    value = (ld or {}).get(key)
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        text = BY_PREFIX.sub("", clean_text(name)) if isinstance(name, str) else ""
        if text and len(text) <= MAX_FIELD_CHARS and not _looks_like_address(text) and text not in names:
            names.append(text)
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return Stated(joined, origin)


def _single(elements) -> str | None:
    texts = [clean_text(" ".join(e.itertext())) for e in elements]
    texts = [t for t in texts if t]
    return texts[0] if len(texts) == 1 and len(texts[0]) <= MAX_FIELD_CHARS else None


def clean_text(text: str) -> str:
    """Text as the page shows it, as data: NFC, one space between words, no bidi controls or
    characters XML forbids (the same cleaning as a text article's)."""
    return " ".join(without_unsafe(unicodedata.normalize("NFC", text)).split())
