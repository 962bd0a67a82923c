"""Every address an article has been published under, kept in content/permalinks.yml.

A slug is given once and recorded. When a header or title edit changes it, the old address
is kept as a redirect; when an article leaves the archive, its address says so instead of 404.
Two articles never share an address.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from builder.errors import ConfigError

try:  # libyaml: the registry of a large archive is read and written on every build
    from yaml import CSafeDumper as SafeDumper, CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]
from builder.models import Article, Message
from builder.slugs import slugify, unique_slug

REGISTRY_FILE = "permalinks.yml"
FALLBACK_SLUG = "article"
REGISTRY_NOTE = """\
# Every address each article has been published under. Written by the builder:
# review its changes in git. An old slug listed under 'previous' redirects to the
# article's page; a slug under 'removed' shows a "removed from the archive" page.
"""


@dataclass
class Entry:
    slug: str
    title: str
    previous: list[str] = field(default_factory=list)


@dataclass
class Registry:
    articles: dict[str, Entry] = field(default_factory=dict)  # source path -> entry
    removed: dict[str, str] = field(default_factory=dict)  # slug -> title

    def reserved(self) -> set[str]:
        slugs = set(self.removed)
        for entry in self.articles.values():
            slugs.add(entry.slug)
            slugs.update(entry.previous)
        return slugs


def load_registry(path: Path) -> Registry:
    """Read the registry file (content/permalinks.yml unless told otherwise)."""
    if not path.exists():
        return Registry()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
        articles = {
            str(rel): Entry(str(e["slug"]), str(e.get("title", "")), [str(s) for s in e.get("previous", [])])
            for rel, e in (data.get("articles") or {}).items()
        }
        removed = {str(r["slug"]): str(r.get("title", "")) for r in data.get("removed") or []}
    except (yaml.YAMLError, AttributeError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc}); restore it from git") from None
    return Registry(articles, removed)


def dump_registry(registry: Registry) -> bytes:
    data = {
        "articles": {
            rel: {"slug": e.slug, "title": e.title, **({"previous": e.previous} if e.previous else {})}
            for rel, e in sorted(registry.articles.items())
        },
        "removed": [{"slug": s, "title": t} for s, t in sorted(registry.removed.items())],
    }
    text = yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=1000)
    return (REGISTRY_NOTE + text).encode("utf-8")


def assign_slugs(articles: list[Article], old: Registry) -> tuple[list[Article], Registry]:
    """Give every article its slug (and previous slugs); return the updated registry.

    An article keeps an address it already had; a new address never takes one that any
    article has had, so old links never point at another article.
    """
    new = Registry(removed=dict(old.removed))
    published = {a.source.rel_path for a in articles}
    for rel, entry in old.articles.items():
        if rel not in published:
            for slug in [entry.slug, *entry.previous]:
                new.removed[slug] = entry.title
    ordered = sorted(articles, key=lambda a: a.source.rel_path)
    wanted = {a.source.rel_path: _wanted(a) for a in ordered}
    taken = old.reserved()
    result = []
    for article in ordered:
        rel = article.source.rel_path
        entry = old.articles.get(rel)
        slug = _kept(wanted[rel], entry) or unique_slug(wanted[rel], taken)
        taken.add(slug)
        previous = [s for s in (entry.previous if entry else []) if s != slug]
        if entry and entry.slug != slug:
            previous.append(entry.slug)
        new.articles[rel] = Entry(slug, article.title, previous)
        messages = _messages(wanted[rel], slug, entry)
        result.append(dataclasses.replace(
            article, slug=slug, previous_slugs=tuple(previous), messages=article.messages + messages
        ))
    current = {e.slug for e in new.articles.values()}
    new.removed = {s: t for s, t in new.removed.items() if s not in current}
    return result, new


def _kept(wanted: str, entry: Entry | None) -> str | None:
    """The address the article already has for this wanted slug: the slug itself, or the
    numbered variant ("x-2") it was given when another article had "x" first."""
    if entry is None:
        return None
    for slug in (entry.slug, *entry.previous):
        if slug == wanted or re.fullmatch(rf"{re.escape(wanted)}-\d+", slug):
            return slug
    return None


def _wanted(article: Article) -> str:
    wanted = article.source.header.slug or slugify(article.title)
    return wanted or slugify(PurePosixPath(article.source.rel_path).stem) or FALLBACK_SLUG


def _messages(wanted: str, slug: str, entry: Entry | None) -> tuple[Message, ...]:
    messages = []
    if slug != wanted:
        messages.append(Message(
            "warning",
            f"the address articles/{wanted}.html is already used by another article; this one is "
            f"published as articles/{slug}.html (set 'slug:' in its header to choose another)",
        ))
    if entry and entry.slug != slug:
        messages.append(Message(
            "info", f"its address changed from articles/{entry.slug}.html to articles/{slug}.html; the old one redirects"
        ))
    return tuple(messages)
