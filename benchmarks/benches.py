"""The measurements: each `bench_*` runs its commands in a work folder and appends rows to `Results`.

The rows are plain dicts (a "failed" key when a command failed); report.py turns them into tables.
"""
from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import synthetic
from benchmarks.measure import Run, enough, folder_bytes, median, run, snapshot
from benchmarks.workdir import ARTICLE_SUFFIXES, BIN, SEED, Work


@dataclass
class Results:
    generate: list[dict] = field(default_factory=list)
    builds: list[dict] = field(default_factory=list)
    incremental: list[dict] = field(default_factory=list)
    sizes: list[dict] = field(default_factory=list)
    engines: list[dict] = field(default_factory=list)  # benchmarks/engines.py
    preview: list[dict] = field(default_factory=list)  # benchmarks/preview.py
    preview_articles: int = 0  # the size of the preview's synthetic corpus
    readout: dict = field(default_factory=dict)  # benchmarks/readout.py --json on the real folder
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, wall seconds) of this run
    notes: list[str] = field(default_factory=list)


@contextmanager
def step(results: Results, name: str):
    """Time one step of the run (the report lists where the run's minutes went)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        results.steps.append((name, time.perf_counter() - started))


def bench_readout(folder: Path, cwd: Path, results: Results) -> None:
    """Read-out speed (issue 18: >= 1,000 articles per CPU-second): benchmarks/readout.py on the folder."""
    project = str(Path(__file__).resolve().parent.parent)  # `benchmarks` is not installed: found from here
    result = run([str(BIN / "python"), "-m", "benchmarks.readout", str(folder.resolve()), "--json"], cwd,
                 {"PYTHONPATH": os.pathsep.join(filter(None, (os.environ.get("PYTHONPATH"), project)))})
    try:
        results.readout = json.loads(result.stdout.strip().splitlines()[-1]) if result.ok else {}
    except (ValueError, IndexError):
        results.readout = {}
    if not results.readout:
        results.readout = {"corpus": str(folder), "failed": result.failure()}
    _progress(f"read-out {folder.name}: {results.readout.get('rate_cpu', 'FAILED')} articles per CPU-second")


def bench_generate(work: Work, repeat: int, results: Results, cap: float = 60) -> Run | None:
    runs: list[Run] = []
    while not enough(runs, repeat, cap):
        work.make_cold()
        result = run(work.builder("generate"), work.root)
        if not result.ok:
            results.generate.append({"corpus": work.name, "inputs": work.inputs, "failed": result.failure()})
            _progress(f"generate {work.name}: FAILED {result.failure()}")
            return None
        runs.append(result)
    articles = runs[-1].articles or work.inputs
    wall, cpu = median(r.wall for r in runs), median(r.cpu for r in runs)
    results.generate.append({
        "corpus": work.name, "inputs": work.inputs, "articles": articles, "runs": len(runs),
        "wall": wall, "cpu": cpu, "rss": median(r.rss_mb for r in runs),
        "rate": articles / wall, "rate_cpu": articles / cpu, "written": runs[-1].written,
    })
    _progress(f"generate {work.name}: {wall:.2f} s wall, {cpu:.2f} s CPU, {runs[-1].rss_mb:.0f} MB")
    return runs[-1]


def bench_build(work: Work, repeat: int, results: Results, cap: float = 100) -> list[Run]:
    """Cold `builder build` against plain `mkdocs build` of the docs/ it generated; the plain
    runs are given back (the engine comparison reuses them and their site-plain/)."""
    builds: list[Run] = []
    plains: list[Run] = []
    while not enough(builds + plains, repeat * 2, cap):
        work.make_cold()
        build = run(work.builder("build"), work.root)
        if not build.ok:
            results.builds.append({"corpus": work.name, "failed": "builder build " + build.failure()})
            _progress(f"build {work.name}: FAILED {build.failure()}")
            return []
        plain = run(work.mkdocs(work.root / "site-plain"), work.root)
        if not plain.ok:
            results.builds.append({"corpus": work.name, "failed": "mkdocs build " + plain.failure()})
            return []
        builds.append(build)
        plains.append(plain)
    generate = next((g for g in results.generate if g["corpus"] == work.name and "wall" in g), None)
    row = {"corpus": work.name, "articles": builds[-1].articles, "runs": len(builds),
           "build": median(b.wall for b in builds), "build_cpu": median(b.cpu for b in builds),
           "build_rss": median(b.rss_mb for b in builds), "mkdocs": median(p.wall for p in plains),
           "mkdocs_cpu": median(p.cpu for p in plains), "mkdocs_rss": median(p.rss_mb for p in plains),
           "generate": generate["wall"] if generate else None}
    row["ratio"] = row["build"] / row["mkdocs"]
    row["ratio_cpu"] = row["build_cpu"] / row["mkdocs_cpu"]
    generate_cpu = generate["cpu"] if generate else None
    row["share_cpu"] = generate_cpu / row["build_cpu"] if generate_cpu else None
    row["share"] = row["generate"] / row["build"] if row["generate"] else None
    results.builds.append(row)
    _progress(f"build {work.name}: builder {row['build']:.1f} s, mkdocs {row['mkdocs']:.1f} s, ratio {row['ratio']:.2f}")
    bench_sizes(work, builds[-1].articles or work.inputs, results)
    return plains


def bench_sizes(work: Work, articles: int, results: Results) -> None:
    index = work.site / "search" / "search_index.json"
    site = folder_bytes(work.site)
    results.sizes.append({
        "corpus": work.name, "articles": articles, "docs": folder_bytes(work.docs), "site": site,
        "files": sum(len(f) for _, _, f in os.walk(work.site)),
        "search": index.stat().st_size if index.exists() else None, "per_article": site / max(articles, 1),
    })


def bench_incremental(work: Work, repeat: int, results: Results, cap: float = 20) -> None:
    """No change, one edited article, one added article: each `repeat` times, from a warm docs/."""
    work.make_cold()
    first = run(work.builder("generate"), work.root)
    if not first.ok:
        results.incremental.append({"corpus": work.name, "case": "first generate", "failed": first.failure()})
        return
    articles = sorted(p for p in work.content.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    cases = [("no change", lambda i: None),
             ("one article edited", lambda i: _append_sentence(articles[(i * 7919) % len(articles)], i)),
             ("one article added", lambda i: _add_article(work.content, i))]
    for case, change in cases:
        runs: list[Run] = []
        while not enough(runs, repeat, cap):
            i = len(runs)
            change(i)
            before = snapshot(work.docs)
            result = run(work.builder("generate"), work.root)
            if not result.ok:
                results.incremental.append({"corpus": work.name, "case": case, "failed": result.failure()})
                _progress(f"{case} ({work.name}): FAILED {result.failure()}")
                return
            after = snapshot(work.docs)
            result.changed_on_disk = sum(1 for k, v in after.items() if before.get(k) != v)
            result.removed = result.removed if result.removed is not None else len(before.keys() - after.keys())
            runs.append(result)
        results.incremental.append({
            "corpus": work.name, "case": case, "runs": len(runs), "wall": median(r.wall for r in runs),
            "cpu": median(r.cpu for r in runs), "written": median(r.written for r in runs),
            "changed": median(r.changed_on_disk for r in runs), "removed": median(r.removed for r in runs),
            "docs_files": len(snapshot(work.docs)),
        })
        _progress(f"{case} ({work.name}): {results.incremental[-1]['wall']:.2f} s, "
                  f"{results.incremental[-1]['written']} written")


def _append_sentence(path: Path, i: int) -> None:
    """Append one sentence to the article's last paragraph; replace the file (never write in place)."""
    data = path.read_bytes().rstrip() + f" A curator added sentence number {i + 1} to this article.\n".encode()
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _add_article(content: Path, i: int) -> None:
    index = 900_000 + i
    (content / synthetic.file_name(SEED, index)).write_text(synthetic.article_text(SEED, index), encoding="utf-8")


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)
