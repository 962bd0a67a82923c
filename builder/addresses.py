"""Addresses: where every page of the site lives, built in this one place.

A page's *path* is its file below docs/ ("articles/x.md"); its *address* is where MkDocs
publishes it, relative to the site's root ("articles/x.html"). A published address never
breaks (builder.permalinks), so every module asks here instead of spelling one out.
"""
from __future__ import annotations

from posixpath import dirname, relpath

from builder.slugs import slugify

ARTICLES = "articles"  # the folder of article pages, of their redirects and removal notices
SOURCES = "sources"  # the texts as received
HOME = "index.md"
TIMELINE = "timeline.md"
TIMELINE_FOLDER = "timeline"  # one page per year, in a large archive
FIGURES = "figures.md"
DATA_JSON = "data/articles.json"
DATA_CSV = "data/articles.csv"
FEED_RSS = "feed.xml"
FEED_JSON = "feed.json"
AUTHORS = "authors"  # one page per author, as the bylines name them
AUTHORS_INDEX = f"{AUTHORS}/index.md"
UNNAMED = "unnamed"  # the slug of a name with no letter or digit


def article_page(slug: str) -> str:
    """The article's Markdown page below docs/ (also a removal notice's)."""
    return f"{ARTICLES}/{slug}.md"


def article_address(slug: str) -> str:
    """The article's published address (also the file a redirect from an old slug is)."""
    return f"{ARTICLES}/{slug}.html"


def source_file(slug: str) -> str:
    """The text of the article exactly as received."""
    return f"{SOURCES}/{slug}.txt"


def name_slug(name: str) -> str:
    """The slug of a topic, person, organisation, place or publisher: names that slugify
    alike share one page."""
    return slugify(name) or UNNAMED


def index_page(kind: str, slug: str, number: int = 1) -> str:
    """The page of one topic, person, ...; past the first, its further pages."""
    return f"{kind}/{slug}.md" if number == 1 else f"{kind}/{slug}-page-{number}.md"


def author_page(name: str) -> str:
    """The page of one author (names that slugify alike share one page)."""
    return f"{AUTHORS}/{name_slug(name)}.md"


def kind_index(kind: str) -> str:
    """The list of every topic, person, ... of one kind."""
    return f"{kind}/index.md"


def timeline_page(year: int | str) -> str:
    """A year's page of a large archive's timeline ("undated" for the undated articles)."""
    return f"{TIMELINE_FOLDER}/{year}.md"


def page_address(path: str) -> str:
    """The published address of the page at path `path` ("topics/x.md" -> "topics/x.html")."""
    return path[:-3] + ".html" if path.endswith(".md") else path


def absolute(address: str, site_url: str) -> str:
    """An address on the site: absolute when the site's address is known, else from its root."""
    return f"{site_url.rstrip('/')}/{address}" if site_url else address


def link(target: str, page: str) -> str:
    """The relative link from the page at path `page` to the path `target`."""
    start = dirname(page) or "."
    if not _plain(target) or not _plain(start):
        return relpath(target, start)
    # relpath's own steps, without asking the system for the current folder (twice a link)
    to, base = [x for x in target.split("/") if x not in ("", ".")], [x for x in start.split("/") if x not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def _plain(path: str) -> bool:
    """A relative path that never goes up a folder."""
    return bool(path) and not path.startswith("/") and ".." not in path.split("/")
