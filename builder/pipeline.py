"""The builder as a library: build() reads like the table of contents of the pipeline.

read, extract, merge, enrich (each file: process.py, cached) -> address -> resolve ->
render -> write -> publish (MkDocs). Everything is gathered before anything is written:
index pages need the whole archive.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from builder import collector, unchanged, warm
from builder.cache import salt
from builder.config import BuildOptions, Paths, load_settings
from builder.errors import SourceError
from builder.models import Article, Message, Page
from builder.progress import Progress
from builder.report import Report, status_for
from builder.safety import build_lock
from builder.site import build_site, site_url
from builder.sources import discover, read
from builder.write import write_tree, written_where_made

# Imported where there is work to do (a `generate` with nothing to do needs none of them):
# the read-out (process, extract, knowledge), addresses (permalinks, registry), the site
# (resolve), the pages (render, search, incremental) and the engine's check.
if TYPE_CHECKING:
    from builder.incremental import Cache
    from builder.process import Reader
    from builder.resolve import Site


@dataclass
class Archive:
    """Everything gathered in the first phase; the pages are made one at a time as they
    are written (no archive's pages are all held in memory)."""

    articles: list[Article]
    report: Report
    pages: Iterator[Page]
    registry_bytes: bytes | None  # None: the registry did not change
    cache: Cache
    state: str  # digest of every input: files, settings, code, registry, site address
    unchanged: bool = False  # the same inputs as the last build, whose output is in place
    site: Site | None = None  # the resolved site (None when unchanged)


PagesOf = Callable[[Archive], Iterable[Page]]


def build(options: BuildOptions) -> Report:
    """Generate docs/ from content/, then publish site/ with MkDocs (or Zensical); one build at a time."""
    if options.run_mkdocs:
        from builder.engine import check_installed

        check_installed(options.engine)
    with build_lock(options.paths), collector.one_build():
        report = _generate(options)
        if options.run_mkdocs:
            build_site(options.paths, strict=options.strict, engine=options.engine, jobs=options.jobs)
    return report


def generate(options: BuildOptions, *, swap: bool = True, pages: PagesOf | None = None) -> Report:
    """content/ -> docs/ (Markdown pages with front matter, index pages, sources); pages(archive),
    when given, hands the writer the archive's pages (the preview's way of following them)."""
    with build_lock(options.paths), collector.one_build():
        return _generate(options, swap=swap, pages=pages)


def _generate(options: BuildOptions, *, swap: bool = True, pages: PagesOf | None = None) -> Report:
    last = unchanged.last_report(options.paths, salt(options.paths.config))
    if last is not None:  # the same inputs as the last build, whose output is all in place
        last.written = last.removed = 0
        return last
    archive = gather(options.paths, options.jobs, options.progress, reuse_last=True,
                     checkpoint=getattr(pages, "checkpoint", None))  # the preview: a newer edit stops it
    if archive.unchanged:  # the same inputs as the last build, whose output is all in place
        archive.report.written = archive.report.removed = 0
        archive.cache.save()
        return archive.report
    stats = write_tree(pages(archive) if pages else archive.pages, options.paths.docs, swap=swap, known=warm.written(options.paths.docs))
    _save_registry(options.paths.registry_file, archive.registry_bytes)
    archive.cache.registry = unchanged.registry_left(archive.cache.registry, archive.registry_bytes)
    if warm.active() and archive.site is not None and options.paths.published_registry is None:  # read back from memory
        warm.remembered("registry", _registry_inputs(options.paths), lambda: (archive.site.registry, []))
    warm.completed()  # the preview's next regenerations find what they reuse in memory
    archive.report.written, archive.report.removed = stats.written, stats.removed
    if not warm.active():  # the preview keeps its cache in memory (the next build reads what it left)
        archive.cache.remember(archive.state, options.paths, archive.report)
        archive.cache.save()
    return archive.report


def gather(paths: Paths, jobs: int = 1, progress: Progress | None = None, *, reuse_last: bool = False,
           checkpoint: Callable[[], None] | None = None) -> Archive:
    """Every file read, every article addressed, the site resolved; the pages follow, made on demand.
    checkpoint(), if given, is called between the steps (it may raise to stop the build).

    With reuse_last (for generate), inputs identical to the last build's, whose output is
    all in place, give back that build's report and no articles (Archive.unchanged).
    """
    from builder import beside, incremental, knowledge
    from builder.permalinks import assign_slugs, dump_registry
    from builder.process import Failure, process_all
    from builder.resolve import resolve
    from builder.search import search_pages

    report = Report()
    salt_value = salt(paths.config)
    warm.begin(salt_value)  # the preview: what the last regeneration made from the same inputs is reused
    old_registry, registry_notes = _read_registry(paths)
    report.notices.extend(registry_notes)
    registry_read = None if paths.published_registry else (unchanged.registry_digest(paths.registry_file), registry_notes)
    found, skipped = discover(paths.content, (paths.docs, paths.site, paths.cache_dir))
    for skip in skipped:
        report.add(skip.rel_path, skip.level, [_skip_message(skip)])
    cache = incremental.kept_cache(paths.cache_dir, salt_value)
    report.notices.extend(cache.notes)
    cache.registry = registry_read
    # 1-4. read, extract, merge and enrich each file (cached; one bad file never stops the others)
    checkpoint = checkpoint or (lambda: None)
    checkpoint()
    outcomes = process_all(found, paths.config, cache.articles, jobs, progress)
    checkpoint()
    collector.set_aside()  # the articles live to the end of the build
    for failure in (o for o in outcomes if isinstance(o, Failure)):
        report.add(failure.rel_path, failure.status, failure.messages)
    address = site_url(paths)
    state = unchanged.inputs_digest(cache.salt, [repr(o.source.digest if isinstance(o, Article) else o)
                                                 for o in outcomes], skipped, address)
    complete = not any(isinstance(o, Failure) and o.status == "error" for o in outcomes) and \
        not any(s.level == "error" for s in skipped)
    if not complete:
        report.notices.append(unchanged.INCOMPLETE)
    fresh_inputs = paths.published_registry is not None  # a deploy's published record: always merged
    if reuse_last and not fresh_inputs and not warm.active() and cache.unchanged(state, paths):
        last = dataclasses.replace(cache.report, notices=report.notices)  # this run's notices
        return Archive([], last, iter(()), None, cache, state, unchanged=True)
    # 5. address: slugs, stable across builds
    articles = [o for o in outcomes if isinstance(o, Article)]
    articles = _drop_exact_duplicates(articles, report, set(old_registry.articles))
    present = {rel for _path, rel in found} | {s.rel_path for s in skipped if s.level == "error"}
    articles, registry = assign_slugs(articles, old_registry, present, complete)
    # 6. resolve: the whole site worked out once
    vocabulary = warm.remembered("vocabulary", salt_value, lambda: knowledge.load_vocabulary(paths.config))
    settings = warm.remembered("settings", salt_value, lambda: load_settings(paths.config))
    checkpoint()
    site = incremental.resolved(cache, lambda: resolve(articles, settings, address, vocabulary.describe, registry))
    _report_articles(site, report)
    # 7. render, page by page as the writer asks; the search index (builder/search/)
    registry_bytes = dump_registry(registry)
    pages = beside.chained(lambda: _pages(site, cache, paths.docs, report, registry_bytes),  # search: a second process
                           lambda: written_where_made(search_pages(site, vocabulary, cache.file.folder, cache.salt)),
                           parallel=jobs > 1)
    return Archive(list(site.articles), report, pages, registry_bytes, cache, state, site=site)


def check(paths: Paths) -> Report:
    """Read every file and report on it; write no page (what is read out is cached)."""
    with collector.one_build():
        archive = gather(paths)
        archive.cache.save()
    return archive.report


def explain(path: Path, config_dir: Path, reader: Reader | None = None) -> Article:
    """What the builder reads out of one file, anywhere on disk (nothing is written): the
    file goes the way it goes in a build, and gets the address a build alone would give it.

    A `reader` already loaded for `config_dir` may be passed to read many files. A header a
    build refuses (an unknown topic, ...) raises SourceError as the build reports it; a draft
    is read out all the same, with the build's note that it is not published."""
    from builder.extract.page import NotAnArticle
    from builder.permalinks import Registry, assign_slugs
    from builder.process import DRAFT, Reader

    reader = reader or Reader(config_dir)
    raw = read(path, path.name)
    reader.check_header(raw)
    try:
        article = reader.article(raw)
    except NotAnArticle as exc:
        raise SourceError(path.name, f"not published: {exc}") from None
    if raw.header.draft:
        article = dataclasses.replace(article, messages=article.messages + (DRAFT,))
    [article], _ = assign_slugs([article], Registry())
    return article


def explain_summary(path: Path, config_dir: Path, reader: Reader | None = None) -> dict:
    from builder.explain import article_summary
    from builder.extract import reading
    from builder.process import Reader

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


def _candidate_people(articles) -> list[str]:
    """People discovered in the text but not in the vocabulary: candidates for entities.yml."""
    counts: dict[str, int] = {}
    for article in articles:
        for name in article.knowledge.detected_people:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return []
    names = ", ".join(f"{n} ({c})" for n, c in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
    return [f"people found in the text but not in site_config/entities.yml (articles): {names}"]


def _report_articles(site: Site, report: Report) -> None:
    from builder.merge import missing_fields

    for article in site.articles:
        report.add(article.source.rel_path, status_for(list(article.messages)), article.messages)
    report.notes.extend(missing_fields(list(site.articles)))
    report.notes.extend(_candidate_people(site.articles))
    report.articles = len(site.articles)


def _pages(site: Site, cache: Cache, docs: Path, report: Report, registry: bytes) -> Iterator[Page]:
    """Every page, made when the writer asks for it; counts the index pages into the report."""
    from builder import incremental
    from builder.render import iter_files

    yield from incremental.article_pages(site, cache.pages, docs)
    report.index_pages = 0
    for page in incremental.browsing_pages(site, cache, docs):
        report.index_pages += 1
        yield page
    yield from iter_files(site, registry)


def _read_registry(paths: Paths):
    """The address record (and its notes); the preview keeps it for the same file bytes."""
    def read():
        from builder.registry import load_with_published

        return load_with_published(paths.registry_file, paths.published_registry)
    return warm.remembered("registry", _registry_inputs(paths), read) if warm.active() else read()


def _registry_inputs(paths: Paths) -> tuple:
    """What the address record read in depends on: its file's bytes (and the published record's)."""
    files = (paths.registry_file, paths.published_registry)
    return tuple((str(f), f.read_bytes() if f is not None and f.is_file() else None) for f in files)


def _save_registry(path: Path, data: bytes | None) -> None:
    if data is not None and (not path.exists() or path.read_bytes() != data):
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)


def _info(text: str) -> Message:
    return Message("info", text)


def _skip_message(skip) -> Message:
    return Message("error" if skip.level == "error" else "info", skip.reason, skip.line)
