"""The search index at scale: build time, size, and what a cold query downloads.

    python -m benchmarks.search [--count 10000] [--work FOLDER]

On a work folder whose docs/ `builder generate` wrote (benchmarks.run passes its largest
synthetic one; alone, this module makes a synthetic corpus of --count articles):
1. the index build time: builder.search on the articles already read (from the cache);
2. the index size: docs/search/ in files and bytes, and deflated as in the offline zip;
3. a cold query in Chromium: search.html?q=... served over HTTP by a fresh browser
   context, counting the bytes of every index file received before the result list shows
   (raw, and gzip-compressed as GitHub Pages serves them). The search script itself is
   listed apart: the same for every archive.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path
from urllib.parse import quote

from benchmarks.workdir import PROJECT_ROOT, Work, make_work

QUERIES = ("Kim Jong Un", "forced repatriation", "North Korean refugees", "Seoul", "Shenyang police")
SCRIPT = PROJECT_ROOT / "builder" / "defaults" / "theme" / "assets" / "javascripts" / "archive-search.js"
CHROMIUM = Path("/usr/bin/chromium")


def index_timing(work: Work) -> tuple[float, float, int, float]:
    """Wall and CPU seconds to make every index file from the articles read; the files made;
    CPU seconds to make them again with each record's scores kept, as a build after an edit
    finds them in .cache/search.pickle (builder.search.kept_scores; here in the same process)."""
    from builder import knowledge, pipeline
    from builder.config import Paths
    from builder.search import search_pages

    paths = Paths(content=work.content, config=PROJECT_ROOT / "site_config", docs=work.docs,
                  mkdocs_file=work.root / "mkdocs.yml")
    archive = pipeline.gather(paths)
    vocabulary = knowledge.load_vocabulary(paths.config)
    from builder.config import load_settings
    from builder.resolve import resolve

    site = resolve(archive.articles, load_settings(paths.config), "", vocabulary.describe)
    started, cpu = time.perf_counter(), time.process_time()
    files = sum(1 for _ in search_pages(site, vocabulary))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    with tempfile.TemporaryDirectory(prefix="search-kept-") as kept:
        sum(1 for _ in search_pages(site, vocabulary, Path(kept), "bench"))  # the scores kept
        again = time.process_time()
        sum(1 for _ in search_pages(site, vocabulary, Path(kept), "bench"))
        again = time.process_time() - again
    return wall, cpu, files, again


def index_size(docs: Path) -> tuple[int, int, int]:
    """(files, bytes, bytes deflated one file at a time as in the zip) of docs/search/."""
    files = [p for p in (docs / "search").rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    deflated = sum(len(zlib.compress(p.read_bytes(), 9)) for p in files)
    return len(files), raw, deflated


def cold_queries(docs: Path) -> dict[str, tuple[int, int, int]]:
    """query -> (index files, bytes, gzip bytes) received before its result list showed."""
    from playwright.sync_api import sync_playwright

    from builder.search.page import search_page

    with tempfile.TemporaryDirectory(prefix="search-bench-") as temporary:
        root = Path(temporary)
        (root / "assets" / "javascripts").mkdir(parents=True)
        shutil.copy(SCRIPT, root / "assets" / "javascripts" / SCRIPT.name)
        (root / "search").symlink_to((docs / "search").resolve())
        markup = search_page().content.decode("utf-8").split("# Search", 1)[1]
        (root / "search.html").write_text(f"<!doctype html><meta charset=utf-8><title>Search</title>{markup}",
                                          encoding="utf-8")
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as driver:
                from tests.browser_support import CHROMIUM_ARGS

                browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    return {q: _one_query(browser, base, q) for q in QUERIES}
                finally:
                    browser.close()
        finally:
            server.shutdown()
            server.server_close()


def _one_query(browser, base: str, query: str) -> tuple[int, int, int]:
    context = browser.new_context()  # cold: nothing cached
    page = context.new_page()
    bodies: list[bytes] = []
    page.on("response", lambda r: "/search/" in r.url and bodies.append(r.body()))
    page.goto(f"{base}search.html?q={quote(query)}")
    page.wait_for_selector("#archive-search[data-state=done]", timeout=60_000)
    context.close()
    return len(bodies), sum(map(len, bodies)), sum(len(zlib.compress(b, 6)) for b in bodies)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def report(work: Work) -> list[str]:
    """The Markdown section for benchmarks/RESULTS.md."""
    seconds, cpu, files, again = index_timing(work)
    count, raw, deflated = index_size(work.docs)
    lines = [f"## Search index ({work.name})", "",
             f"- Index build (builder.search on the articles read): {seconds:.1f} s wall, {cpu:.1f} s CPU, "
             f"{files:,} files",
             f"- The same again with each record's scores kept (a build after an edit): {again:.1f} s CPU",
             f"- Offline index (docs/search/): {count:,} files, {raw / 1e6:.1f} MB, "
             f"{deflated / 1e6:.1f} MB deflated in the zip",
             f"- Search script: {SCRIPT.stat().st_size / 1e3:.1f} KB (not counted below)", "",
             "| Cold query | index files | KB received | KB gzip (as served by GitHub Pages) |",
             "|---|---:|---:|---:|"]
    if not CHROMIUM.exists():
        return lines[:-3] + ["", "Chromium not found at /usr/bin/chromium: cold queries not measured."]
    for query, (n, size, gz) in cold_queries(work.docs).items():
        lines.append(f"| {query} | {n} | {size / 1e3:.0f} | {gz / 1e3:.0f} |")
    return lines + ["", "Target: at most 300 KB before the first result list of a cold query."]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="synthetic articles (default 10000)")
    parser.add_argument("--work", type=Path, help="a work folder already generated (keeps it)")
    args = parser.parse_args(argv)
    if args.work:
        work = Work(args.work.name, args.work, 0)
    else:
        work = make_work(f"synthetic {args.count:,}", PROJECT_ROOT / "benchmarks" / "out" / "search", count=args.count)
        from benchmarks.measure import run
        run(work.builder("generate"), work.root)
    print("\n".join(report(work)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
