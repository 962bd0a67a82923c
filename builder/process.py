"""Stages 1-4 for one file at a time: read, extract, merge, enrich.

Files run in a pool of processes (--jobs; the output is the same for any number of
jobs) as readout.read_out(item, settings), and unchanged files come from the content-hash cache.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from builder import knowledge, saved_pages
from builder.cache import ArticleCache, key
from builder.errors import SourceError
from builder.text_safety import shown
from builder.extract import extract, load_rules, prepare
from builder.extract.page import NotAnArticle, read_page
from builder.merge import merge
from builder.models import Article, Message, RawDocument
from builder.progress import Progress
from builder.registry import MAX_SLUG_LENGTH
from builder.safety import detach_worker
from builder.sources import parse, read_bytes
from builder.syndication import fingerprint

DRAFT = Message("info", "a draft ('draft: true' in its header): not published")
CHUNK = 32  # files handed to a worker at a time
POOL_MINIMUM = 64  # fewer files to read out than this are done in this process


@dataclass(frozen=True)
class Failure:
    """A file that did not become an article: skipped (a draft) or an error, with reasons."""

    rel_path: str
    status: str
    messages: tuple[Message, ...]


class Reader:
    """Everything one process needs to read out articles: the rules and vocabularies."""

    def __init__(self, config_dir: Path):
        self.rules = load_rules(config_dir)
        prepare(self.rules)
        self.vocabulary = knowledge.load_vocabulary(config_dir)

    def __call__(self, item: tuple[Path, str, bytes]) -> Article | Failure:
        path, rel, data = item
        try:
            return self._article(path, rel, data)
        except SourceError as exc:
            return Failure(rel, "error", (Message("error", exc.reason, exc.line),))
        except NotAnArticle as exc:
            return Failure(rel, "skipped", (Message("warning", f"not published: {exc}"),))
        except Exception as exc:  # noqa: BLE001 - one file's surprise never stops the others
            reason = ("could not be processed: the builder met a problem in this file it cannot explain yet; "
                      "run 'builder explain' on it with --verbose and report the file")
            return Failure(rel, "error", (Message("error", reason),))

    def _article(self, path: Path, rel: str, data: bytes) -> Article | Failure:
        raw = parse(data, path, rel)
        if raw.header.draft:
            return Failure(rel, "skipped", (DRAFT,))
        self.check_header(raw)
        return self.article(raw)

    def check_header(self, raw: RawDocument) -> None:
        """Raise SourceError for a header value a build refuses: an unknown topic, too long a slug."""
        rel = raw.rel_path
        unknown = self.vocabulary.unknown_topics(raw.header.topics)
        if unknown:
            names = ", ".join(f"'{shown(name)}'" for name in unknown)
            raise SourceError(rel, f"header key 'topics': unknown topic {names} "
                                   "(topics are listed in site_config/topics.yml)", raw.header.line_of("topics"))
        if raw.header.slug and len(raw.header.slug) > MAX_SLUG_LENGTH:
            raise SourceError(rel, f"header key 'slug': {len(raw.header.slug)} characters; an address may have "
                                   f"at most {MAX_SLUG_LENGTH} (the page's file name must fit on any disk)",
                              raw.header.line_of("slug"))

    def article(self, raw: RawDocument) -> Article:
        """Extract, merge with the header, enrich (raise NotAnArticle for a page that is none)."""
        if raw.kind == "page":  # from here on only the page's text travels, never its markup
            found, text = read_page(raw.text, self.rules)
            raw = replace(raw, text=text)
        else:
            found = extract(raw.text, self.rules)
        article = merge(raw, found)
        found = knowledge.enrich(article.title, article.paragraphs, article.header_topics, self.vocabulary,
                                 dateline=article.dateline, removed=tuple(r.text for r in article.removed))
        return replace(article, knowledge=found, fingerprint=fingerprint(article.paragraphs))


def process_all(found: list[tuple[Path, str]], config_dir: Path, cache: ArticleCache,
                jobs: int = 1, progress: Progress | None = None) -> list[Article | Failure]:
    """Every file read out, in the order given (cached articles reused)."""
    results: list[Article | Failure | None] = []
    todo: list[tuple[int, tuple[Path, str, bytes], str]] = []
    for path, rel in found:
        try:
            data = read_bytes(path, rel)
        except SourceError as exc:
            results.append(Failure(rel, "error", (Message("error", exc.reason, exc.line),)))
            continue
        cache_key = key(rel, data + saved_pages.sidecar_bytes(path) if saved_pages.is_page(rel) else data)
        cached = cache.get(cache_key)
        if cached is not None and (cached.source.path, cached.source.digest) != (path, cache_key):
            cached = replace(cached, source=replace(cached.source, path=path, digest=cache_key))
        results.append(cached)
        if cached is None:
            todo.append((len(results) - 1, (path, rel, data), cache_key))
    if progress:
        progress.start(len(todo))
    for (index, _item, cache_key), outcome in zip(todo, _run([t[1] for t in todo], config_dir, jobs, progress)):
        if isinstance(outcome, Article):
            outcome = replace(outcome, source=replace(outcome.source, digest=cache_key))
            cache.put(cache_key, outcome)
        results[index] = outcome
    if progress:
        progress.finish()
    return results  # type: ignore[return-value]


def _run(items, config_dir: Path, jobs: int, progress):
    if not items:
        return
    from builder.readout import ReadSettings, read_out, reader_for  # the map is read_out(item, settings)

    if jobs <= 1 or len(items) < POOL_MINIMUM:
        # one Reader per process and settings (the preview reads an edited file or two, often)
        reader = reader_for(ReadSettings.of(config_dir))
        for item in items:
            yield reader(item)
            if progress:
                progress.advance()
        return
    settings = ReadSettings.of(config_dir)
    work = functools.partial(read_out, settings=settings)
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        prepare(reader_for(settings).rules, every_ending=True)  # built once here, the forked workers find it
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=detach_worker, initargs=(os.getpid(),)) as pool:
        for outcome in pool.map(work, items, chunksize=CHUNK):
            yield outcome
            if progress:
                progress.advance()


