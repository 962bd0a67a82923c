"""Stage 5, address: every address an article has been published under, kept in
content/permalinks.yml.

What identifies an article: its file (the path inside content/), and, when that path is new,
the fingerprint of its text (below the header). So an article keeps its address through
title and header edits, a header error or a draft (the file is still there), a move or
rename (the same text under a new path), and a delete-then-restore (the same text, or the
same file name and title, comes back). When a title edit changes the address, the old one
forwards. An address is retired ("removed from the archive") only when the article's file
is gone and the build read every other file: a file that failed to read might be its new
home. Two articles never share an address, and an address once given never goes to another.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import PurePosixPath

from builder import warm
from builder.addresses import article_address
from builder.models import Article, Message
from builder.registry import MAX_SLUG_LENGTH, Entry, Registry, dump_registry, load_registry  # noqa: F401
from builder.slugs import slugify, unique_slug

REGISTRY_FILE = "permalinks.yml"
FALLBACK_SLUG = "article"


def text_key(article: Article) -> str:
    """The fingerprint of the article's text, which moves and header edits leave alone."""
    return hashlib.sha256(article.source.text.strip().encode("utf-8")).hexdigest()[:16]


def assign_slugs(articles: list[Article], old: Registry, present: set[str] | None = None,
                 complete: bool = True) -> tuple[list[Article], Registry]:
    """Give every article its slug (and previous slugs); return the updated registry.

    present: every article file found (published or not); complete: every file was read.
    """
    present = {a.source.rel_path for a in articles} if present is None else present
    ordered = sorted(articles, key=lambda a: a.source.rel_path)
    entries, removed, how = _identify(ordered, old, present, complete)
    taken = old.reserved()
    new = Registry(removed=removed)
    result = []
    for article in ordered:
        rel = article.source.rel_path
        entry = entries.get(rel)
        wanted = _wanted(article)
        slug = _kept(wanted, entry) or unique_slug(wanted, taken)
        taken.add(slug)
        previous = [s for s in (entry.previous if entry else []) if s != slug]
        if entry and entry.slug and entry.slug != slug:
            previous.append(entry.slug)
        new.articles[rel] = Entry(slug, article.title, previous, text_key(article))
        messages = _messages(wanted, slug, entry, how.get(rel))
        result.append(_addressed(article, slug, tuple(previous), messages))
    for rel, entry in old.articles.items():  # kept for a file that is there but not published, or unconfirmed
        if rel not in new.articles and rel not in how.values() and rel in entries:
            held = _without_empty_slug(entry)
            if held:
                new.articles[rel] = held
    return result, new


def _addressed(article: Article, slug: str, previous: tuple[str, ...], messages: tuple[Message, ...]) -> Article:
    """The article at its address; the preview hands back last time's object for the same one (builder.warm)."""
    def address() -> tuple[Article, Article]:
        return article, dataclasses.replace(article, slug=slug, previous_slugs=previous,
                                            messages=article.messages + messages)

    key = (article.source.rel_path, article.source.digest, slug, previous, messages)
    original, addressed = warm.remembered("addressed", key, address)
    return addressed if original is article else address()[1]


def _identify(ordered: list[Article], old: Registry, present: set[str], complete: bool):
    """Which recorded entry each article is: its own, a moved file's, or a removed one's."""
    live = {a.source.rel_path for a in ordered}
    entries = {rel: e for rel, e in old.articles.items() if rel in live or rel in present or not complete}
    gone = {rel: e for rel, e in old.articles.items() if rel not in live and rel not in present}
    removed = list(old.removed)
    gone_by_text: dict[str, list[str]] = {}
    for old_rel, entry in gone.items():
        gone_by_text.setdefault(entry.text, []).append(old_rel)
    how: dict[str, str] = {}  # new path -> old path (moved) or "" (restored)
    for article in ordered:
        rel = article.source.rel_path
        if rel in old.articles and old.articles[rel].slug:  # (no slug: it lost its address to another record)
            continue
        key = text_key(article)
        if gone_by_text.get(key):
            moved = gone_by_text[key].pop(0)
            entries[rel], how[rel] = gone[moved], moved
            entries.pop(moved, None)
            continue
        wanted = _wanted(article)
        back = next((e for e in removed if e.text == key or (e.path == rel and _kept(wanted, e))), None)
        if back is not None:
            removed.remove(back)
            entries[rel], how[rel] = dataclasses.replace(back, path=""), ""
    if complete:  # a file gone, and every other file read: its addresses are retired
        for rel, entry in gone.items():
            retired = _without_empty_slug(entry) if rel not in how.values() else None
            if retired:
                removed.append(dataclasses.replace(retired, path=rel))
            entries.pop(rel, None)
    return entries, removed, how


def _without_empty_slug(entry: Entry) -> Entry | None:
    if entry.slug:
        return entry
    if not entry.previous:
        return None
    return dataclasses.replace(entry, slug=entry.previous[0], previous=entry.previous[1:])


def _kept(wanted: str, entry: Entry | None) -> str | None:
    """The address the article already has for this wanted slug: the slug itself, or the
    numbered variant ("x-2") it was given when another article had "x" first."""
    if entry is None:
        return None
    for slug in entry.slugs():
        if slug and (slug == wanted or re.fullmatch(rf"{re.escape(wanted)}-\d+", slug)):
            return slug
    return None


def _wanted(article: Article) -> str:
    wanted = article.source.header.slug or slugify(article.title)
    return wanted or slugify(PurePosixPath(article.source.rel_path).stem) or FALLBACK_SLUG


def _messages(wanted: str, slug: str, entry: Entry | None, origin: str | None) -> tuple[Message, ...]:
    messages = []
    if slug != wanted:
        messages.append(Message(
            "warning",
            f"the address {article_address(wanted)} is already used by another article; this one is "
            f"published as {article_address(slug)} (set 'slug:' in its header to choose another)",
        ))
    if origin:
        messages.append(Message("info", f"moved from {origin}: it keeps its addresses"))
    elif origin == "":
        messages.append(Message("info", "was removed from the archive before: it gets its addresses back"))
    if entry and entry.slug and entry.slug != slug:
        messages.append(Message(
            "info", f"its address changed from {article_address(entry.slug)} to {article_address(slug)}; the old one redirects"
        ))
    return tuple(messages)
