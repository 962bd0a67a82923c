"""Edit-to-preview latency: `builder serve` against plain `mkdocs serve`, on one work folder.

    python -m benchmarks.preview --synthetic 2000 [--edits 20] [--plain-edits 3]
    python -m benchmarks.preview --corpus ../shared/corpora/bbc-news --count 2000

For `builder serve` each edit changes one sentence of one article in content/ (a different
article each time): a lower-case word put inside the sentence, as a curator fixing a sentence
does, which adds no name to the site (--names: a capitalised word before the paragraph, read
as a new person or organisation, whose page is added and listed site-wide) and the time is taken from the file's write to the moment the served
article page shows the new words, to the moment a listing page (a topic, person, publisher ...
page whose entry shows the edited paragraph as the article's summary) shows them, to the moment
every such listing page shows them ("every listing"), and to the moment the archive's search
serves them too (the search record that shows the article); "server CPU" is the CPU time the
server process used from the edit until all of these were served (other work on the machine
does not count in it). Each
edit's figures are printed as it ends, so a partial run still gives figures. For plain `mkdocs serve` of the same docs/, the edit is
made to the article's Markdown page in docs/ directly (MkDocs rebuilds the whole site).
Both servers run as separate processes on 127.0.0.1. Reported: median, p95 and max over the edits.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from benchmarks.measure import median
from benchmarks.workdir import ARTICLE_SUFFIXES, BIN, PROJECT_ROOT, Work, make_work

START_SECONDS = 1800  # a first build of 10,000 articles on a busy machine
EDIT_SECONDS = 300
POLL_SECONDS = 0.1  # between looks at the served pages (each look is work for the server measured)


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


def _listings(docs: Path) -> dict[str, list[tuple[str, str]]]:
    """page (articles/slug) -> every (topic, person, ... page that lists it, the text of its entry there)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and p.name not in ("articles", "search")):
        for path in sorted(folder.rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            for item in text.split("\n<li>\n")[1:]:  # a listing's entry (builder.render.listing_html)
                slug = re.search(r'href="(?:\.\./)*articles/([^"#]+)\.html"', item)
                if slug:
                    shown = html.unescape(re.sub(r"<[^>]+>", "", item.split("</li>")[0])).strip()  # its lines of text
                    found.setdefault(f"articles/{slug.group(1)}", []).append((path.relative_to(docs).as_posix()[:-3], shown))
    return found


def _pages(work: Work) -> list[tuple[Path, str, str, str | None, tuple[str, ...]]]:
    """(content file, its page in docs/ relative to docs/, a line of its body as the page has it,
    a listing page whose entry for the article shows that line (its summary), or None, and every
    listing page whose entry shows it)."""
    record = yaml.safe_load((work.content / "permalinks.yml").read_text(encoding="utf-8"))["articles"]
    searched, listed = _search_records(work.docs), _listings(work.docs)
    found = []
    for rel, entry in sorted(record.items()):
        page = work.docs / "articles" / f"{entry['slug']}.md"
        source = work.content / rel
        if not (page.is_file() and source.is_file()):
            continue
        _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
        listings = listed.get(f"articles/{entry['slug']}", [])
        listing, item = listings[0] if listings else (None, "")
        title = str(yaml.safe_load(front).get("title", ""))
        chosen = None
        for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
            words = line.split()
            summary = line.strip() == _summary(item)  # a one-sentence summary is short
            if (len(words) >= 12 or (summary and len(words) >= 6)) and line.strip() in body and re.fullmatch(r"[A-Za-z][\w,'’-]*", words[0]) \
                    and _insertion(words) is not None \
                    and _in_search(work.docs, searched.get(f"articles/{entry['slug']}"), words):
                # a paragraph of the body, not the title, and one the search shows (not a caption);
                # the listing's entry shows it when its summary starts as the line does (twelve
                # words: articles of one outlet share sentences, and a line that only begins like
                # the summary is another paragraph, whose edit no listing shows)
                shown = listing is not None and (summary or " ".join(words[:12]) in item)
                if title and line.strip().startswith(title):  # the title (or the lead its title was taken from):
                    continue  # a listing shows it too, and it makes the address
                if shown or chosen is None:
                    every = tuple(path for path, text in listings
                                  if line.strip() == _summary(text) or " ".join(words[:12]) in text) if shown else ()
                    chosen = (source, f"articles/{entry['slug']}", line.strip(), listing if shown else None, every)
                if shown:
                    break
        if chosen:
            found.append(chosen)
    return found


def _summary(item: str) -> str:
    """The summary a listing's entry shows (its third line), or ''."""
    lines = item.split("\n")
    return lines[2].strip() if len(lines) > 2 else ""


def _in_search(docs: Path, record: str | None, words: list[str]) -> bool:
    """The line's opening words are in the article's search record (no record: any line will do)."""
    return record is None or json.dumps(" ".join(words[:6]))[1:-1] in (docs / record).read_text(encoding="utf-8")


KINDS = ("page", "listings", "search", "every listing", "server CPU")


def _cpu(pid: int) -> float:
    """The server's CPU seconds so far (user + system; Linux /proc, else 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
LOWER = re.compile(r"[a-z]+")


def _insertion(words: list[str]) -> int | None:
    """Where a lower-case word can go among the line's first words without touching a name:
    between two of three lower-case words in a row (a name's run of capitalised words, with
    its 'of the' between them, is left as it was), so the edit is a curator's fix of a
    sentence, not a new person or organisation."""
    for at in range(1, min(len(words) - 1, 9)):
        if all(LOWER.fullmatch(word) for word in words[at - 1:at + 2]):
            return at
    return None


def _marked(line: str, marker: str, names: bool) -> str:
    """The line with the marker: as a word inside the sentence, or (names) capitalised at its
    start, where it reads as part of a name and adds a person or organisation to the site."""
    if names:
        return f"{marker.capitalize()} {line}"
    words = line.split(" ")
    at = _insertion(words)
    return " ".join(words[:at] + [marker] + words[at:])


class AddressChanged(Exception):
    """The edit gave the article another address (the words it changed made its title)."""


def _wait_all(urls: dict[str, str | list[str]], wanted: str, start: float, server: subprocess.Popen) -> dict[str, float]:
    """Seconds from start until each url (by kind; a list: every one of them) serves wanted;
    raise on timeout."""
    seen: dict[str, float] = {}
    waiting = {kind: [url] if isinstance(url, str) else list(url) for kind, url in urls.items()}
    while len(seen) < len(urls):
        if server.poll() is not None:
            raise RuntimeError(_stopped(server))
        for kind, left in waiting.items():
            for url in list(left):
                try:
                    page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8", "replace")
                except OSError:
                    continue
                if wanted in page:
                    left.remove(url)
                elif kind == "page" and 'http-equiv="refresh"' in page:
                    raise AddressChanged(url)
            if not left and kind not in seen:
                seen[kind] = time.perf_counter() - start
        if time.perf_counter() - start > EDIT_SECONDS:
            late = ", ".join(k for k in urls if k not in seen)
            raise TimeoutError(f"{wanted!r} did not appear in the {late} within {EDIT_SECONDS} s")
        time.sleep(POLL_SECONDS)
    return seen


def _latencies(server: subprocess.Popen, url: str, edits: list, in_docs: bool, work: Work,
               times: dict[str, list[float]], names: bool = False) -> None:
    """Seconds from each edit to the article's page served with the new words, to a listing page
    that shows them (its summary), and (builder serve) to the archive's search serving them; the
    next edit is made once all are there. Each edit's figures are printed as it ends and added
    to `times`, so the edits before a failing one still count."""
    records = {} if in_docs else _search_records(work.docs)
    for n, (source, page, line, listing, every) in enumerate(edits):
        marker = f"previewmarker{n}x{int(time.time())}"
        target = work.docs / f"{page}.md" if in_docs else source
        text = target.read_text(encoding="utf-8")
        urls = {"page": f"{url}{page}.html"}
        if listing and not in_docs:
            urls["listings"] = f"{url}{listing}.html"
            urls["every listing"] = [f"{url}{path}.html" for path in every]
        if page in records:
            urls["search"] = f"{url}{records[page]}"
        start, cpu = time.perf_counter(), _cpu(server.pid)
        target.write_text(text.replace(line, _marked(line, marker, names), 1), encoding="utf-8")
        if names:
            marker = marker.capitalize()
        try:
            seen = _wait_all(urls, marker, start, server)
        except AddressChanged:
            print(f"  edit {n + 1}/{len(edits)} ({page}): its address changed; not counted", flush=True)
            continue
        seen["server CPU"] = _cpu(server.pid) - cpu
        for kind, seconds in seen.items():
            times[kind].append(seconds)
        print(f"  edit {n + 1}/{len(edits)} ({page}): " + ", ".join(f"{k} {s:.2f} s" for k, s in seen.items())
              + f" · load {os.getloadavg()[0]:.1f}", flush=True)
        if server.poll() is not None:
            raise RuntimeError(_stopped(server))


def _serve(argv: list[str], cwd: Path) -> subprocess.Popen:
    """The server, its output in serve.log beside content/ (shown if it stops)."""
    with open(cwd / "serve.log", "wb") as log:
        return subprocess.Popen(argv, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)


def _stopped(server: subprocess.Popen) -> str:
    log = Path(server.args[server.args.index("--content") + 1]).parent / "serve.log" if "--content" in server.args \
        else None
    tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log and log.is_file() else ""
    return f"the server stopped (exit {server.returncode}): {tail}"


def bench_preview(work: Work, edits: int, plain_edits: int, names: bool = False) -> list[dict]:
    """Rows: one per server, with start-up time and latency figures."""
    rows = []
    if not (work.root / "site_config").is_dir():  # the builder's own settings (the synthetic topics are theirs)
        shutil.copytree(PROJECT_ROOT / "site_config", work.root / "site_config")
    subprocess.run(work.builder("generate"), cwd=work.root, check=True, capture_output=True)
    pages = _pages(work)
    used: set[str] = set()  # an article edited on one server is not edited on the next: its line has changed
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
        times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        started, failure = 0.0, ""
        try:
            started = _wait_for(f"{url}index.html", None, START_SECONDS)
            time.sleep(1.0)  # the watchers' first look
            chosen = _choose(pages, count, used)
            print(f"{name}: first page served after {started:.1f} s; {count} edits "
                  f"(load average {os.getloadavg()[0]:.1f})", flush=True)
            _latencies(server, url, chosen, name != "builder serve", work, times, names)
        except (TimeoutError, RuntimeError) as exc:
            failure = str(exc)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        for kind in KINDS:
            if times[kind]:
                label = name if kind == "page" else f"{name}: {kind}"
                rows.append({"server": label, "articles": len(pages), "edits": len(times[kind]),
                             "start": started, **_figures(times[kind])})
        if failure:
            rows.append({"server": name, "articles": len(pages), "failed": failure})
    return rows


def _choose(pages: list, count: int, used: set[str]) -> list:
    """`count` articles spread over the archive (every 7th), none of them in `used`, which they join."""
    chosen = []
    for k in range(len(pages)):
        if len(chosen) == count:
            break
        page = pages[(k * 7) % len(pages)]
        if page[1] not in used:
            chosen.append(page)
            used.add(page[1])
    return chosen


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


def corpus_work(source: Path, count: int, root: Path) -> Work:
    """A work folder holding a copy of the first `count` article files of a corpus (by path)."""
    found = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                   and not p.name.upper().startswith("README"))[:count]
    copied = root / "corpus"
    if copied.exists():
        shutil.rmtree(copied)
    for path in found:
        target = copied / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    work = make_work(f"{source.name} {len(found):,}", root / "work", source=copied)
    shutil.rmtree(copied)
    return work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic articles (default 2,000)")
    parser.add_argument("--corpus", type=Path, help="a folder of real articles (read only), instead of synthetic ones")
    parser.add_argument("--count", type=int, default=2000, help="with --corpus: its first N files (default 2,000)")
    parser.add_argument("--edits", type=int, default=20, help="edits timed on builder serve (default 20)")
    parser.add_argument("--plain-edits", type=int, default=3, help="edits timed on plain mkdocs serve (default 3)")
    parser.add_argument("--names", action="store_true",
                        help="each edit adds a capitalised word before a paragraph, read as a new name "
                             "(a person or organisation across the site); default: a word inside a sentence")
    parser.add_argument("--work", type=Path, help="the work folder, kept after (default: a new temporary folder, removed after)")
    args = parser.parse_args(argv)
    root = args.work or Path(tempfile.mkdtemp(prefix="preview-bench-"))
    try:
        if args.corpus:
            work = corpus_work(args.corpus, args.count, root)
        else:
            work = make_work(f"synthetic {args.synthetic:,}", root / "work", count=args.synthetic)
        rows = bench_preview(work, args.edits, args.plain_edits, args.names)
    finally:
        if not args.work:  # a folder given is kept (its serve.log tells what the server did)
            shutil.rmtree(root, ignore_errors=True)
    print(table(rows))
    return 1 if any("failed" in r for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
