"""Edit-to-preview latency: `builder serve` against plain `mkdocs serve`, on one work folder.

    python -m benchmarks.preview --synthetic 2000 [--edits 20] [--plain-edits 3]

For `builder serve` each edit changes one sentence of one article in content/ (a different
article each time) and the time is taken from the file's write to the moment the served
article page shows the new words, and to the moment the archive's search serves them too
(the search record that shows the article). For plain `mkdocs serve` of the same docs/, the edit is
made to the article's Markdown page in docs/ directly (MkDocs rebuilds the whole site).
Both servers run as separate processes on 127.0.0.1; CPU time is not taken (the server is
a long-running process). Reported: median, p95 and max over the edits.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from benchmarks.measure import median
from benchmarks.workdir import BIN, PROJECT_ROOT, Work, make_work

START_SECONDS = 1800  # a first build of 10,000 articles on a busy machine
EDIT_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, wanted: str | None, timeout: float) -> float:
    """Seconds until the page at url answers (and contains wanted); raise on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8", "replace")
            if wanted is None or wanted in page:
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{wanted!r} did not appear at {url} within {timeout:.0f} s")


def _search_records(docs: Path) -> dict[str, str]:
    """page (articles/slug) -> the archive's search file that shows it (search/d/N.js)."""
    found = {}
    for path in (docs / "search" / "d").glob("*.js"):
        address = re.search(r'"u":"([^"]+)\.html"', path.read_text(encoding="utf-8"))
        if address:
            found[address.group(1)] = path.relative_to(docs).as_posix()
    return found


def _pages(work: Work) -> list[tuple[Path, str, str]]:
    """(content file, its page in docs/ relative to docs/, a line of its body as the page has it)."""
    record = yaml.safe_load((work.content / "permalinks.yml").read_text(encoding="utf-8"))["articles"]
    searched = _search_records(work.docs)
    found = []
    for rel, entry in sorted(record.items()):
        page = work.docs / "articles" / f"{entry['slug']}.md"
        source = work.content / rel
        if not (page.is_file() and source.is_file()):
            continue
        _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
        for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
            words = line.split()
            if len(words) >= 12 and line.strip() in body and line.strip() not in front \
                    and re.fullmatch(r"[A-Za-z][\w,'’-]*", words[0]) \
                    and _in_search(work.docs, searched.get(f"articles/{entry['slug']}"), words):
                # a paragraph of the body, not the title, and one the search shows (not a caption)
                found.append((source, f"articles/{entry['slug']}", line.strip()))
                break
    return found


def _in_search(docs: Path, record: str | None, words: list[str]) -> bool:
    """The line's opening words are in the article's search record (no record: any line will do)."""
    return record is None or json.dumps(" ".join(words[:6]))[1:-1] in (docs / record).read_text(encoding="utf-8")


def _latencies(server: subprocess.Popen, url: str, edits: list[tuple[Path, str, str]], in_docs: bool,
               work: Work) -> tuple[list[float], list[float]]:
    """Seconds from each edit to its page served with the new words, and (builder serve) to the
    archive's search serving them too (the next edit is made once both are there)."""
    times, searched = [], []
    records = {} if in_docs else _search_records(work.docs)
    for n, (source, page, line) in enumerate(edits):
        marker = f"Previewmarker{n}x{int(time.time())}"
        target = work.docs / f"{page}.md" if in_docs else source
        text = target.read_text(encoding="utf-8")
        start = time.perf_counter()
        target.write_text(text.replace(line, f"{marker} {line}", 1), encoding="utf-8")
        _wait_for(f"{url}{page}.html", marker, EDIT_SECONDS)
        times.append(time.perf_counter() - start)
        if page in records:
            _wait_for(f"{url}{records[page]}", marker, EDIT_SECONDS)
            searched.append(time.perf_counter() - start)
        if server.poll() is not None:
            raise RuntimeError("the server stopped")
    return times, searched


def _serve(argv: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def bench_preview(work: Work, edits: int, plain_edits: int) -> list[dict]:
    """Rows: one per server, with start-up time and latency figures."""
    rows = []
    if not (work.root / "site_config").is_dir():  # the builder's own settings (the synthetic topics are theirs)
        shutil.copytree(PROJECT_ROOT / "site_config", work.root / "site_config")
    subprocess.run(work.builder("generate"), cwd=work.root, check=True, capture_output=True)
    pages = _pages(work)
    for name, count in (("builder serve", edits), ("plain mkdocs serve", plain_edits)):
        if count <= 0 or not pages:
            continue
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        if name == "builder serve":
            argv = [str(BIN / "python"), "-m", "builder", "serve", "--content", str(work.content),
                    "--docs", str(work.docs), "--port", str(port)]
        else:
            argv = [str(BIN / "python"), "-m", "mkdocs", "serve", "-q", "-f", str(work.root / "mkdocs.yml"),
                    "-a", f"127.0.0.1:{port}"]
        server = _serve(argv, work.root)
        try:
            started = _wait_for(f"{url}index.html", None, START_SECONDS)
            time.sleep(1.0)  # the watchers' first look
            chosen = [pages[(k * 7) % len(pages)] for k in range(count)]
            times, searched = _latencies(server, url, chosen, name != "builder serve", work)
            rows.append({"server": name, "articles": len(pages), "edits": len(times), "start": started,
                         **_figures(times)})
            if searched:
                rows.append({"server": f"{name}: search", "articles": len(pages), "edits": len(searched),
                             "start": started, **_figures(searched)})
        except (TimeoutError, RuntimeError) as exc:
            rows.append({"server": name, "articles": len(pages), "failed": str(exc)})
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    return rows


def _figures(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"median": median(times), "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
            "max": ordered[-1]}


def table(rows: list[dict]) -> str:
    lines = ["| Server | Articles | Edits | First page served | Edit → new HTML, median | p95 | max |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        if "failed" in row:
            lines.append(f"| {row['server']} | {row['articles']:,} | | failed: {row['failed']} | | | |")
        else:
            lines.append(f"| {row['server']} | {row['articles']:,} | {row['edits']} | {row['start']:.1f} s | "
                         f"{row['median']:.2f} s | {row['p95']:.2f} s | {row['max']:.2f} s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic articles (default 2,000)")
    parser.add_argument("--edits", type=int, default=20, help="edits timed on builder serve (default 20)")
    parser.add_argument("--plain-edits", type=int, default=3, help="edits timed on plain mkdocs serve (default 3)")
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / "out" / "work" / "preview")
    args = parser.parse_args(argv)
    work = make_work(f"synthetic {args.synthetic:,}", args.work, count=args.synthetic)
    try:
        rows = bench_preview(work, args.edits, args.plain_edits)
    finally:
        shutil.rmtree(work.root, ignore_errors=True)
    print(table(rows))
    return 1 if any("failed" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
