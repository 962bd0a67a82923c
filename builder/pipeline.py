"""The builder as a library: build() reads like the table of contents of the pipeline.

discover -> read, extract, merge, enrich (per file: process.py, cached) -> slugs ->
syndicated copies -> render -> write -> MkDocs.
Everything is gathered before anything is written: index pages need the whole archive.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from builder import knowledge
from builder.cache import ArticleCache, salt
from builder.config import BuildOptions, Paths, load_settings
from builder.duplicates import syndicated
from builder.explain import article_summary
from builder.models import Article, Message, Page
from builder.permalinks import Registry, assign_slugs, dump_registry, load_registry
from builder.process import Failure, Reader, process_all
from builder.progress import Progress
from builder.publish.feeds import FeedInfo, feed_pages
from builder.render.article_page import render_article
from builder.render.context import SiteContext, article_path
from builder.render.extras import iter_redirects, iter_removed, iter_source_files
from builder.render.indexes import home_page, iter_facet_pages
from builder.render.knowledge_pages import data_pages, figures_page
from builder.render.timeline import timeline_pages
from builder.report import Report, status_for
from builder.site import build_site, site_url
from builder.sources import discover, read
from builder.write import write_tree


@dataclass
class Archive:
    """Everything gathered in the first phase."""

    articles: list[Article]
    report: Report
    pages: list[Page]
    registry_bytes: bytes | None  # None: the registry did not change


def build(options: BuildOptions) -> Report:
    """Generate docs/ from content/, then publish site/ with MkDocs."""
    report = generate(options)
    if options.run_mkdocs:
        build_site(options.paths, strict=options.strict)
    return report


def generate(options: BuildOptions, *, swap: bool = True) -> Report:
    """content/ -> docs/ (Markdown pages with front matter, index pages, sources)."""
    archive = gather(options.paths, options.jobs, options.progress)
    stats = write_tree(archive.pages, options.paths.docs, swap=swap)
    _save_registry(options.paths.registry_file, archive.registry_bytes)
    archive.report.written, archive.report.removed = stats.written, stats.removed
    return archive.report


def gather(paths: Paths, jobs: int = 1, progress: Progress | None = None) -> Archive:
    """Phase one: read every file, build every article and page in memory."""
    settings = load_settings(paths.config)
    vocabulary = knowledge.load_vocabulary(paths.config)
    report = Report()
    # 1. discover; 2-4. read, extract, merge and enrich each file (cached; one bad file never stops the others)
    found, skipped = discover(paths.content)
    for skip in skipped:
        report.add(skip.rel_path, skip.level, [_skip_message(skip)])
    cache = ArticleCache(paths.cache_dir, salt(paths.config))
    outcomes = process_all(found, paths.config, cache, jobs, progress)
    for failure in (o for o in outcomes if isinstance(o, Failure)):
        report.add(failure.rel_path, failure.status, failure.messages)
    articles = [o for o in outcomes if isinstance(o, Article)]
    articles = _drop_exact_duplicates(articles, report)
    # 5. slugs, stable across builds; syndicated copies
    old_registry = load_registry(paths.registry_file)
    articles, registry = assign_slugs(articles, old_registry)
    copies = _syndicated(articles)
    articles = [_note_copies(a, copies.get(a.slug, ())) for a in articles]
    for article in articles:
        report.add(article.source.rel_path, status_for(list(article.messages)), article.messages)
    report.notes.extend(_candidate_people(articles))
    # 6. render
    ctx = _context(articles, settings, vocabulary, paths, copies)
    pages = _render(articles, ctx, registry, cache, settings.feed_count)
    cache.save()
    report.articles = len(articles)
    report.index_pages = sum(1 for p in pages if p.path.endswith(".md") and not p.path.startswith("articles/"))
    return Archive(articles, report, pages, None if registry == old_registry else dump_registry(registry))


def explain(path: Path, config_dir: Path) -> Article:
    """What the builder reads out of one file, anywhere on disk (nothing is written)."""
    raw = read(path, path.name)
    article = Reader(config_dir).article(raw)
    [article], _ = assign_slugs([article], Registry())
    return article


def explain_summary(path: Path, config_dir: Path) -> dict:
    return article_summary(explain(path, config_dir))


def _drop_exact_duplicates(articles: list[Article], report: Report) -> list[Article]:
    """A second copy of the same file (same text, same header) is published once.

    The same story with another headline or publisher is a syndicated copy: both stay.
    """
    kept, seen = [], {}
    for article in articles:
        fingerprint = repr((article.source.text.strip(), article.source.header)).encode("utf-8")
        digest = hashlib.sha256(fingerprint).hexdigest()
        if digest in seen:
            report.add(article.source.rel_path, "skipped",
                       [_info(f"the same article text as {seen[digest]}: published once")])
            continue
        seen[digest] = article.source.rel_path
        kept.append(article)
    return kept


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


def _context(articles, settings, vocabulary, paths: Paths, copies) -> SiteContext:
    by_slug = {a.slug: a for a in articles}
    related = knowledge.related_articles({a.slug: a.knowledge for a in articles})
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
        site_url=site_url(paths),
        latest_count=settings.latest_count,
        related={slug: tuple(by_slug[s] for s in others if s in by_slug and by_slug[s] not in copies.get(slug, ()))
                 for slug, others in related.items()},
        also_published=copies,
        descriptions=descriptions,
    )


def _render(articles: list[Article], ctx: SiteContext, registry, cache: ArticleCache,
            feed_count: int = 50) -> list[Page]:
    pages = [Page(article_path(a.slug), cache.page(_page_key(a, ctx), lambda a=a: render_article(a, ctx).content))
             for a in articles]
    pages += list(iter_facet_pages(articles, ctx))
    pages += [*timeline_pages(articles), home_page(articles, ctx), figures_page(articles), *data_pages(articles)]
    pages += list(iter_source_files(articles)) + list(iter_redirects(articles)) + list(iter_removed(registry))
    pages += feed_pages(articles, FeedInfo(ctx.archive_name, ctx.archive_description, ctx.site_url, count=feed_count))
    return sorted(pages, key=lambda p: p.path)


def _page_key(article: Article, ctx: SiteContext) -> str:
    """Everything an article's page shows: its file, its address, its neighbours, the site."""
    neighbours = [(o.slug, o.title, o.date.iso if o.date else "") for o in ctx.related.get(article.slug, ())]
    copies = [(o.slug, o.title, o.publisher) for o in ctx.also_published.get(article.slug, ())]
    inputs = (article.source.digest, article.slug, article.previous_slugs, neighbours, copies,
              ctx.site_url, ctx.archive_name)
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def _save_registry(path: Path, data: bytes | None) -> None:
    if data is not None and (not path.exists() or path.read_bytes() != data):
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)


def _info(text: str) -> Message:
    return Message("info", text)


def _skip_message(skip) -> Message:
    return Message("error" if skip.level == "error" else "info", skip.reason, skip.line)
