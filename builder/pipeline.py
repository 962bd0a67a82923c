"""The builder as a library: build() reads like the table of contents of the pipeline.

discover -> read, extract, merge, enrich (per file: process.py, cached) -> slugs ->
syndicated copies -> render -> write -> MkDocs.
Everything is gathered before anything is written: index pages need the whole archive.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Iterator

from builder import knowledge
from builder.article import missing_fields
from builder.cache import ArticleCache, salt
from builder.config import BuildOptions, Paths, load_settings
from builder.duplicates import syndicated
from builder.engine import check_installed
from builder.errors import SourceError
from builder.explain import article_summary
from builder.extract import reading
from builder.extract.page import NotAnArticle
from builder.models import Article, Message, Page
from builder.permalinks import Registry, assign_slugs, dump_registry
from builder.registry import REGISTRY_PAGE, load_with_published
from builder.process import Failure, Reader, process_all
from builder.progress import Progress
from builder.publish.feeds import FeedInfo, feed_pages
from builder.render.article_page import render_article
from builder.render.authors import author_pages
from builder.render.context import SiteContext, article_path
from builder.render.extras import iter_redirects, iter_removed, iter_source_files
from builder.render.home import home_page
from builder.render.indexes import iter_facet_pages
from builder.render.related_reasons import mention_counts, reason
from builder.render.figures_table import figures_page
from builder.render.knowledge_pages import data_pages
from builder.render.timeline import timeline_pages
from builder.report import Report, status_for
from builder.safety import build_lock
from builder.site import build_site, site_url
from builder.sources import discover, read
from builder.write import MANIFEST, write_tree


@dataclass
class Archive:
    """Everything gathered in the first phase; the pages are made one at a time as they
    are written (no archive's pages are all held in memory)."""

    articles: list[Article]
    report: Report
    pages: Iterator[Page]
    registry_bytes: bytes | None  # None: the registry did not change
    cache: ArticleCache
    state: str  # digest of every input: files, settings, code, registry, site address
    unchanged: bool = False  # the same inputs as the last build, whose output is in place


def build(options: BuildOptions) -> Report:
    """Generate docs/ from content/, then publish site/ with MkDocs (or Zensical); one build at a time."""
    if options.run_mkdocs:
        check_installed(options.engine)
    with build_lock(options.paths):
        report = _generate(options)
        if options.run_mkdocs:
            build_site(options.paths, strict=options.strict, engine=options.engine)
    return report


def generate(options: BuildOptions, *, swap: bool = True) -> Report:
    """content/ -> docs/ (Markdown pages with front matter, index pages, sources)."""
    with build_lock(options.paths):
        return _generate(options, swap=swap)


def _generate(options: BuildOptions, *, swap: bool = True) -> Report:
    archive = gather(options.paths, options.jobs, options.progress, reuse_last=True)
    if archive.unchanged:  # the same inputs as the last build, whose output is all in place
        archive.report.written = archive.report.removed = 0
        archive.cache.save()
        return archive.report
    stats = write_tree(archive.pages, options.paths.docs, swap=swap)
    _save_registry(options.paths.registry_file, archive.registry_bytes)
    archive.report.written, archive.report.removed = stats.written, stats.removed
    archive.cache.remember(_with_outputs(archive.state, options.paths), archive.report)
    archive.cache.save()
    return archive.report


def gather(paths: Paths, jobs: int = 1, progress: Progress | None = None, *, reuse_last: bool = False) -> Archive:
    """Phase one: read every file, build every article; the pages follow, made on demand.

    With reuse_last (for generate), inputs identical to the last build's, whose output is
    all in place, give back that build's report and no articles (Archive.unchanged).
    """
    report = Report()
    old_registry, registry_notes = load_with_published(paths.registry_file, paths.published_registry)
    report.notices.extend(registry_notes)
    # 1. discover; 2-4. read, extract, merge and enrich each file (cached; one bad file never stops the others)
    found, skipped = discover(paths.content, (paths.docs, paths.site, paths.cache_dir))
    for skip in skipped:
        report.add(skip.rel_path, skip.level, [_skip_message(skip)])
    cache = ArticleCache(paths.cache_dir, salt(paths.config))
    report.notices.extend(cache.notes)
    outcomes = process_all(found, paths.config, cache, jobs, progress)
    for failure in (o for o in outcomes if isinstance(o, Failure)):
        report.add(failure.rel_path, failure.status, failure.messages)
    address = site_url(paths)
    state = _inputs_digest(address, cache, outcomes, skipped)
    complete = not any(isinstance(o, Failure) and o.status == "error" for o in outcomes) and \
        not any(s.level == "error" for s in skipped)
    if not complete:
        report.notices.append("some files could not be read: no address was retired in this build")
    fresh_inputs = paths.published_registry is not None  # a deploy's published record: always merged
    if reuse_last and not fresh_inputs and cache.report is not None and cache.state == _with_outputs(state, paths):
        last = dataclasses.replace(cache.report, notices=report.notices)  # this run's notices
        return Archive([], last, iter(()), None, cache, state, unchanged=True)
    settings = load_settings(paths.config)
    vocabulary = knowledge.load_vocabulary(paths.config)
    # 5. slugs, stable across builds; syndicated copies
    articles = [o for o in outcomes if isinstance(o, Article)]
    articles = _drop_exact_duplicates(articles, report, set(old_registry.articles))
    present = {rel for _path, rel in found} | {s.rel_path for s in skipped if s.level == "error"}
    articles, registry = assign_slugs(articles, old_registry, present, complete)
    copies = _syndicated(articles)
    articles = [_note_copies(a, copies.get(a.slug, ())) for a in articles]
    for article in articles:
        report.add(article.source.rel_path, status_for(list(article.messages)), article.messages)
    report.notes.extend(missing_fields(articles))
    report.notes.extend(_candidate_people(articles))
    # 6. render
    ctx = _context(articles, settings, vocabulary, address, copies)
    report.articles = len(articles)
    pages = _render(articles, ctx, registry, cache, paths.docs, settings.feed_count, report)
    registry_bytes = dump_registry(registry)
    return Archive(articles, report, pages, registry_bytes, cache, state)


def check(paths: Paths) -> Report:
    """Read every file and report on it; write no page (what is read out is cached)."""
    archive = gather(paths)
    archive.cache.save()
    return archive.report


def explain(path: Path, config_dir: Path, reader: Reader | None = None) -> Article:
    """What the builder reads out of one file, anywhere on disk (nothing is written).

    A `reader` already loaded for `config_dir` may be passed to read many files."""
    raw = read(path, path.name)
    try:
        article = (reader or Reader(config_dir)).article(raw)
    except NotAnArticle as exc:
        raise SourceError(path.name, f"not published: {exc}") from None
    [article], _ = assign_slugs([article], Registry())
    return article


def explain_summary(path: Path, config_dir: Path, reader: Reader | None = None) -> dict:
    reader = reader or Reader(config_dir)
    article = explain(path, config_dir, reader)
    if article.source.kind != "text":  # a saved page is read from its structure, not its lines
        return article_summary(article)
    return {**article_summary(article), "reading": reading(article.source.text, reader.rules)}


def _drop_exact_duplicates(articles: list[Article], report: Report, registered: set[str]) -> list[Article]:
    """A second copy of the same file (same text, same header) is published once: the copy
    that already has an address keeps it.

    The same story with another headline or publisher is a syndicated copy: both stay.
    """
    kept, seen = set(), {}
    for article in sorted(articles, key=lambda a: a.source.rel_path not in registered):
        fingerprint = repr((article.source.text.strip(), article.source.header)).encode("utf-8")
        digest = hashlib.sha256(fingerprint).hexdigest()
        if digest in seen:
            report.add(article.source.rel_path, "skipped",
                       [_info(f"the same article text as {seen[digest]}: published once")])
            continue
        seen[digest] = article.source.rel_path
        kept.add(article.source.rel_path)
    return [a for a in articles if a.source.rel_path in kept]


def _candidate_people(articles: list[Article]) -> list[str]:
    """People discovered in the text but not in the vocabulary: candidates for entities.yml."""
    counts: dict[str, int] = {}
    for article in articles:
        for name in article.knowledge.detected_people:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return []
    names = ", ".join(f"{n} ({c})" for n, c in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
    return [f"people found in the text but not in site_config/entities.yml (articles): {names}"]


def _syndicated(articles: list[Article]) -> dict[str, tuple[Article, ...]]:
    """slug -> the other articles that carry the same story (syndicated copies)."""
    by_slug = {a.slug: a for a in articles}
    found = syndicated({a.slug: a.fingerprint for a in articles})
    return {slug: tuple(by_slug[s] for s in others) for slug, others in found.items()}


def _note_copies(article: Article, copies: tuple[Article, ...]) -> Article:
    if not copies:
        return article
    names = "; ".join(f"{c.source.rel_path} ({c.publisher or 'publisher unknown'})" for c in copies)
    note = Message("info", f"the same story is also in {names}: the pages link to each other")
    return dataclasses.replace(article, messages=article.messages + (note,))


def _context(articles, settings, vocabulary, address: str, copies) -> SiteContext:
    by_slug = {a.slug: a for a in articles}
    related = knowledge.related_articles({a.slug: a.knowledge for a in articles})
    copy_slugs = {slug: {o.slug for o in others} for slug, others in copies.items()}
    descriptions = {}
    for kind in ("topics", "people", "organizations", "places"):
        for article in articles:
            for name in getattr(article.knowledge, kind):
                text = vocabulary.describe(kind, name)
                if text:
                    descriptions[(kind, name)] = text
    return SiteContext(
        archive_name=settings.archive_name,
        archive_description=settings.archive_description,
        site_url=address,
        latest_count=settings.latest_count,
        related={slug: tuple(by_slug[s] for s in others if s in by_slug and s not in copy_slugs.get(slug, ()))
                 for slug, others in related.items()},
        also_published=copies,
        descriptions=descriptions,
        mentions=mention_counts(articles),
    )


def _render(articles: list[Article], ctx: SiteContext, registry, cache: ArticleCache, docs: Path,
            feed_count: int, report: Report) -> Iterator[Page]:
    """Every page, made when the writer asks for it; counts the index pages into the report."""
    for article in articles:
        path = article_path(article.slug)
        yield Page(path, cache.page(_page_key(article, ctx), docs / path, lambda a=article: render_article(a, ctx).content))
    report.index_pages = 0
    for page in chain(iter_facet_pages(articles, ctx), author_pages(articles), timeline_pages(articles),
                      [home_page(articles, ctx), figures_page(articles)]):
        report.index_pages += 1
        yield page
    yield from data_pages(articles)
    yield from chain(iter_source_files(articles), iter_redirects(articles), iter_removed(registry, articles))
    yield Page(REGISTRY_PAGE, dump_registry(registry))  # published: the next deploy merges it in
    yield from feed_pages(articles, FeedInfo(ctx.archive_name, ctx.archive_description, ctx.site_url, count=feed_count))


def _page_key(article: Article, ctx: SiteContext) -> str:
    """Everything an article's page shows: its file, its address, its neighbours, the site."""
    neighbours = [(o.slug, o.title, o.date.iso if o.date else "", o.publisher, reason(article, o, ctx.mentions))
                  for o in ctx.related.get(article.slug, ())]
    copies = [(o.slug, o.title, o.publisher) for o in ctx.also_published.get(article.slug, ())]
    inputs = (article.source.digest, article.slug, article.previous_slugs, neighbours, copies,
              ctx.site_url, ctx.archive_name)
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def _inputs_digest(address: str, cache: ArticleCache, outcomes, skipped) -> str:
    """Everything the output depends on: each file's bytes (as cache keys) or failure,
    the skipped files, site_config/ and the builder (the cache's salt), the site's address."""
    digest = hashlib.sha256(cache.salt.encode())
    for outcome in outcomes:
        digest.update(repr(outcome.source.digest if isinstance(outcome, Article) else outcome).encode())
    digest.update(repr(skipped).encode())
    digest.update(address.encode())
    return digest.hexdigest()


def _with_outputs(state: str, paths: Paths) -> str:
    """The inputs' digest with what a build leaves behind: the address registry (also read
    by the next build) and the files in docs/."""
    registry = paths.registry_file
    written = hashlib.sha256(registry.read_bytes() if registry.exists() else b"").hexdigest()
    return f"{state}:{written}:{_docs_signature(paths.docs)}"


def _docs_signature(docs: Path) -> str | None:
    """Size and modification time of every file the last build wrote (None: one is gone),
    so a file changed or removed by hand is noticed and made again."""
    try:
        listed = (docs / MANIFEST).read_text(encoding="utf-8").split()
        stats = [os.stat(os.path.join(docs, rel)) for rel in listed]
    except OSError:
        return None
    digest = hashlib.sha256()
    for rel, stat in zip(listed, stats):
        digest.update(f"{rel}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _save_registry(path: Path, data: bytes | None) -> None:
    if data is not None and (not path.exists() or path.read_bytes() != data):
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)


def _info(text: str) -> Message:
    return Message("info", text)


def _skip_message(skip) -> Message:
    return Message("error" if skip.level == "error" else "info", skip.reason, skip.line)
