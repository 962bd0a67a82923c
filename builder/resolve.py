"""Stage 6, resolve: the whole site as the pages will show it, worked out once.

Between knowledge and render: the articles with their final addresses; each topic,
person, organisation, place and publisher as one index entry, identified by its slug
(names that slugify alike are one entry); syndicated copies, related articles and the
timeline's groups. Every page renderer reads this Site and works nothing out again.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Callable, Iterable, Mapping

from builder import knowledge, warm
from builder.addresses import index_page, name_slug
from builder.config import Settings
from builder.kinds import INDEX_KEYS, KINDS, KNOWLEDGE_KINDS
from builder.knowledge.related import features
from builder.models import Article, Message
from builder.permalinks import Registry
from builder.syndication import syndicated

ALL = ("", "")  # the key under which mention_counts keeps the number of articles
Describe = Callable[[str, str], "str | None"]  # (kind, name) -> the curator's description


@dataclass(frozen=True)
class IndexEntry:
    """One topic, person, organisation, place or publisher, and its articles (by slug)."""

    kind: str
    name: str  # the first name seen, in the articles' slug order
    slug: str
    articles: tuple[Article, ...]
    description: str | None = None
    detected: bool = False  # an entity found in the text itself, not in the vocabulary

    @property
    def path(self) -> str:
        return index_page(self.kind, self.slug)


@dataclass(frozen=True)
class Site:
    settings: Settings
    url: str = ""  # the published address, or ""
    articles: tuple[Article, ...] = ()
    newest: tuple[Article, ...] = ()  # newest first; undated last
    index: Mapping[str, tuple[IndexEntry, ...]] = field(default_factory=dict)  # kind -> its entries
    related: Mapping[str, tuple[Article, ...]] = field(default_factory=dict)  # slug -> articles
    also_published: Mapping[str, tuple[Article, ...]] = field(default_factory=dict)  # slug -> copies
    years: tuple[tuple[int, tuple[Article, ...]], ...] = ()  # oldest first, each year oldest first
    undated: tuple[Article, ...] = ()
    registry: Registry = field(default_factory=Registry)
    entries: Mapping[tuple[str, str], IndexEntry] = field(default_factory=dict)  # (kind, any name) -> entry
    mentions: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (kind, name) -> articles; ALL -> all

    @property
    def name(self) -> str:
        return self.settings.archive_name

    @property
    def description(self) -> str:
        return self.settings.archive_description

    def entry(self, kind: str, name: str) -> IndexEntry:
        return self.entries[(kind, name)]


def resolve(articles: Iterable[Article], settings: Settings, url: str = "", describe: Describe | None = None,
            registry: Registry | None = None) -> Site:
    """The Site of these articles; syndicated copies are noted on each of them."""
    articles = list(articles)
    copies = _syndicated(articles)
    articles = [_note_copies(a, copies.get(a.slug, ())) for a in articles]
    by_slug = {a.slug: a for a in articles}
    copies = {slug: tuple(by_slug[o.slug] for o in others) for slug, others in copies.items()}
    index, entries = _index(articles, describe)
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date.sort_key(), a.title, a.slug))
    return Site(
        settings=settings, url=url, articles=tuple(articles), newest=tuple(sort_newest_first(articles)),
        index=index, related=_related(articles, by_slug, copies), also_published=copies,
        years=tuple((year, tuple(items)) for year, items in groupby(dated, key=lambda a: a.date.year)),
        undated=tuple(sort_newest_first(a for a in articles if not a.date)),
        registry=registry or Registry(), entries=entries, mentions=mention_counts(articles),
    )


def sort_newest_first(articles) -> list[Article]:
    """Newest first; undated last; ties by title then slug (deterministic)."""
    articles = list(articles)  # read twice below: a generator would lose the undated ones
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date.sort_key(), a.title, a.slug))
    dated.sort(key=lambda a: a.date.sort_key(), reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: (a.title, a.slug))
    return dated + undated


def mention_counts(articles: Iterable[Article]) -> Counter:
    """(kind, name) -> how many articles carry it; ALL -> how many articles there are."""
    counts: Counter = Counter()
    for article in articles:
        counts.update(article_features(article))
        counts[ALL] += 1
    return counts


def article_features(article: Article) -> frozenset:
    """The names an article carries (knowledge.related.features); the preview keeps them per file."""
    return warm.remembered("features", article.source.digest, lambda: frozenset(features(article.knowledge)))


def entries_of(articles: Iterable[Article], kind: str) -> tuple[IndexEntry, ...]:
    """One kind's entries of these articles (some of the archive's, or all of them)."""
    return _index(list(articles), None, (kind,))[0][kind]


def index_names(article: Article, kind: str) -> tuple[str, ...]:
    """The names of one kind an article is listed under."""
    if kind == "publishers":
        return (article.publisher,) if article.publisher else ()
    return getattr(article.knowledge, kind)


def _index(articles: list[Article], describe: Describe | None, kinds: tuple[str, ...] = INDEX_KEYS):
    """Every kind's entries, in one walk over the archive (in slug order)."""
    groups: dict[str, dict[str, tuple[str, list[Article]]]] = {kind: {} for kind in kinds}
    slugs: dict[tuple[str, str], str] = {}  # (kind, name) -> its entry's slug
    detected: set[tuple[str, str]] = set()  # (kind, slug): an article found its first name in the text
    for article in sorted(articles, key=lambda a: a.slug):
        for kind in kinds:
            found = getattr(article.knowledge, f"detected_{kind}") if KINDS[kind].entity else ()
            for name in index_names(article, kind):
                slug = slugs.get((kind, name)) or slugs.setdefault((kind, name), name_slug(name))
                first, items = groups[kind].setdefault(slug, (name, []))
                items.append(article)
                if first in found:
                    detected.add((kind, slug))
    index = {kind: tuple(_entry(kind, slug, name, items, describe, (kind, slug) in detected)
                         for slug, (name, items) in by_slug.items())
             for kind, by_slug in groups.items()}
    by_slug = {(entry.kind, entry.slug): entry for entries in index.values() for entry in entries}
    return index, {(kind, name): by_slug[(kind, slug)] for (kind, name), slug in slugs.items()}


def _entry(kind: str, slug: str, name: str, items: list[Article], describe: Describe | None,
           detected: bool) -> IndexEntry:
    description = describe(kind, name) if describe and kind in KNOWLEDGE_KINDS else None
    return IndexEntry(kind, name, slug, tuple(items), description or None, detected)


def _syndicated(articles: list[Article]) -> dict[str, tuple[Article, ...]]:
    """slug -> the other articles that carry the same story (syndicated copies)."""
    by_slug = {a.slug: a for a in articles}
    found = warm.remembered("syndicated", tuple((a.slug, a.fingerprint) for a in articles),
                            lambda: syndicated({a.slug: a.fingerprint for a in articles}))
    return {slug: tuple(by_slug[s] for s in others) for slug, others in found.items()}


def _note_copies(article: Article, copies: tuple[Article, ...]) -> Article:
    if not copies:
        return article
    names = "; ".join(f"{c.source.rel_path} ({c.publisher or 'publisher unknown'})" for c in copies)
    note = Message("info", f"the same story is also in {names}: the pages link to each other")
    return dataclasses.replace(article, messages=article.messages + (note,))


def _related(articles: list[Article], by_slug: dict[str, Article], copies) -> dict[str, tuple[Article, ...]]:
    """Up to five related articles each; a syndicated copy is listed as one, not as related."""
    names = tuple((a.slug, tuple(getattr(a.knowledge, kind) for kind in KNOWLEDGE_KINDS)) for a in articles)
    related = warm.remembered("related", names,  # all that relates articles: the names they carry
                              lambda: knowledge.related_articles({a.slug: a.knowledge for a in articles}))
    copy_slugs = {slug: {o.slug for o in others} for slug, others in copies.items()}
    return {slug: tuple(by_slug[s] for s in others if s in by_slug and s not in copy_slugs.get(slug, ()))
            for slug, others in related.items()}
