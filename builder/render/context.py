"""What every page renderer may know about the whole archive."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from builder.models import Article
from builder.slugs import slugify

FACET_KINDS = ("topics", "people", "organizations", "places", "publishers")
FACET_TITLES = {
    "topics": "Topics",
    "people": "People",
    "organizations": "Organisations",
    "places": "Places",
    "publishers": "Publishers",
}


@dataclass(frozen=True)
class SiteContext:
    archive_name: str
    archive_description: str = ""
    site_url: str = ""
    latest_count: int = 10
    related: Mapping[str, tuple[Article, ...]] = field(default_factory=dict)
    also_published: Mapping[str, tuple[Article, ...]] = field(default_factory=dict)
    descriptions: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (kind, name) -> text
    mentions: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (kind, name) -> articles


def facet_path(kind: str, name: str) -> str:
    """Where the page of one topic, person, organisation, place or publisher lives."""
    return f"{kind}/{slugify(name) or 'unnamed'}.md"


def article_path(slug: str) -> str:
    return f"articles/{slug}.md"


def facet_values(article: Article, kind: str) -> tuple[str, ...]:
    if kind == "publishers":
        return (article.publisher,) if article.publisher else ()
    return getattr(article.knowledge, kind)


def sort_newest_first(articles) -> list[Article]:
    """Newest first; undated last; ties by title then slug (deterministic)."""
    articles = list(articles)  # read twice below: a generator would lose the undated ones
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date.sort_key(), a.title, a.slug))
    dated.sort(key=lambda a: a.date.sort_key(), reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: (a.title, a.slug))
    return dated + undated
