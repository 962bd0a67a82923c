"""Benchmarks for issue 7, in one run on one machine; the table goes to benchmarks/RESULTS.md.

    python -m benchmarks.run [--quick] [--real PATH] [--sizes 100,1000,10000] [--repeat K] [--only-build]

0. With --real: read-out speed, `benchmarks/readout.py FOLDER --json` (articles per CPU-second).
1. `builder generate` on synthetic corpora of each size (and the --real folder): wall, CPU,
   peak RSS, articles/s. Each run is a fresh subprocess into an empty docs/ (cold).
2. The full `builder build` (cold) against plain `mkdocs build` of the same generated docs/.
3. A no-change `generate`, a one-article edit and a one-article addition: wall time and files
   rewritten (the builder's own count, and the files changed on disk).
4. site/ size, search/search_index.json size, bytes per article.
5. Both publishing engines, MkDocs and Zensical, on the same generated docs/ of 100 synthetic
   articles and of the --real folder (benchmarks/engines.py).
6. Edit-to-preview latency at --preview articles (default 2,000): `builder serve` against plain
   `mkdocs serve`, median / p95 / max over --preview-edits edits (benchmarks/preview.py).
7. Search on the largest synthetic corpus: index build time, offline index size, and the bytes
   a cold query downloads before its results show (benchmarks/search.py; --no-search skips it).

Every figure is the median of --repeat runs (fewer for 10,000 articles and for the full
builds, which dominate the time: see `measure.enough` and the caps in benches.py); the
report ends with each step's wall time (the whole run took 32.6 minutes on a quiet 2-core
machine; the preview rows and the 10,000-article size take most of it). Work
folders live under benchmarks/out/ and are deleted afterwards unless --keep is given. A real corpus is read-only input: its
files are copied into the work folder (outside git), because `generate` writes
permalinks.yml into its --content folder and the edit benchmark changes an article.

Modules: run.py (this CLI and the plan), benches.py (the measurements), measure.py (one timed
subprocess, medians, folder snapshots), workdir.py (the work folders), machine.py (the
machine description) and report.py (the Markdown tables and the targets).
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from benchmarks.benches import Results, bench_build, bench_generate, bench_incremental, bench_readout, step
from benchmarks.engines import bench_engines
from benchmarks.machine import builder_supports, load, machine
from benchmarks.preview import bench_preview
from benchmarks.preview import table as preview_table
from benchmarks.report import render
from benchmarks.search import report as search_report
from benchmarks.workdir import PROJECT_ROOT, Work, make_work

BENCH_DIR = PROJECT_ROOT / "benchmarks"
OUT_DIR = BENCH_DIR / "out"
RESULTS = BENCH_DIR / "RESULTS.md"
BUILD_ONLY_RESULTS = OUT_DIR / "RESULTS-build.md"  # a partial run never replaces the whole report
ENGINE_SIZE = 100  # synthetic corpora up to this size are also published by both engines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000, one run each (a try-out)")
    parser.add_argument("--real", type=Path, help="a folder of real articles (read only; e.g. ../shared/corpora/bbc-news)")
    parser.add_argument("--sizes", default="100,1000,10000", help="synthetic corpus sizes (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, reported as the median (default 3)")
    parser.add_argument("--build-repeat", type=int, default=None,
                        help="runs of the full build comparison (default: --repeat, fewer when a run is long)")
    parser.add_argument("--jobs", default=None, help="pass --jobs to the builder (when it has that option)")
    parser.add_argument("--output", type=Path, default=None,
                        help=f"where the Markdown table goes (default {RESULTS.relative_to(PROJECT_ROOT)}; "
                             f"with --only-build {BUILD_ONLY_RESULTS.relative_to(PROJECT_ROOT)})")
    parser.add_argument("--keep", action="store_true", help="keep the work folders under benchmarks/out/")
    parser.add_argument("--preview", type=int, default=2000, metavar="N",
                        help="edit-to-preview latency on N synthetic articles (default 2,000; 0: skip)")
    parser.add_argument("--preview-edits", type=int, default=20, help="edits timed on builder serve (default 20)")
    parser.add_argument("--no-search", action="store_true", help="skip the search index measurements")
    parser.add_argument("--only-build", action="store_true",
                        help="only the cold `builder build` against plain `mkdocs build` (with the `generate` runs "
                             "its share needs) on the --real folder, else on the first --sizes size")
    args = parser.parse_args(argv)
    sizes = [100, 1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.only_build:
        sizes = [] if args.real else sizes[:1]
        args.preview, args.no_search = 0, True
    args.output = args.output or (BUILD_ONLY_RESULTS if args.only_build else RESULTS)
    repeat = 1 if args.quick else max(1, args.repeat)
    if args.real and not args.real.is_dir():
        parser.error(f"--real {args.real}: not a folder")

    started, load_before = time.perf_counter(), load()
    jobs = args.jobs if args.jobs and builder_supports("--jobs") else None
    results = Results()
    if args.jobs and not jobs:
        results.notes.append(f"--jobs {args.jobs} was asked for, but `builder generate` has no --jobs option yet.")
    work_root = OUT_DIR / "work"
    works = _bench_all(sizes, repeat, args, jobs, work_root, results)
    _bench_preview(args, work_root, results)
    synthetic = [w for w in works if w.name.startswith("synthetic")]
    search_lines = []
    if synthetic and not args.no_search:
        largest = max(synthetic, key=lambda w: w.inputs)
        with step(results, f"search index, {largest.name}"):
            search_lines = search_report(largest)
    elapsed = time.perf_counter() - started
    info = machine() | {"Load average (1 min) at start → end": f"{load_before} → {load()} "
                                                                  "(other work on the machine slows every figure)"}
    text = render(results, info, args, repeat, elapsed, jobs)
    if results.preview:
        text += ("\n## Edit to preview (`benchmarks/preview.py`)\n\nOne sentence of one article changed, until the "
                 "served page shows it; plain `mkdocs serve` of the same docs/ with the article's page edited.\n\n"
                 + preview_table(results.preview) + "\n")
    if search_lines:
        text += "\n" + "\n".join(search_lines) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(text)
    if not args.keep:
        for work in works:
            shutil.rmtree(work.root, ignore_errors=True)
    failed = any("failed" in row for row in results.generate + results.builds + results.incremental)
    return 1 if failed else 0


def _bench_preview(args, work_root: Path, results: Results) -> None:
    size = 300 if args.quick and args.preview else args.preview
    if size <= 0:
        return
    with step(results, f"edit to preview, synthetic {size:,}"):
        work = make_work(f"synthetic {size:,}", work_root / "preview", count=size)
        try:
            results.preview = bench_preview(work, 5 if args.quick else args.preview_edits, 1 if args.quick else 3)
            results.preview_articles = size
        finally:
            shutil.rmtree(work.root, ignore_errors=True)


def _bench_all(sizes, repeat, args, jobs, work_root: Path, results: Results) -> list[Work]:
    """Generate at every size; then the build comparison and the rebuilds on one reference
    corpus: the real one when given (the issue's targets are stated for it), else 1,000 synthetic.
    Repeats stop early when one more run would pass a step's share of the 10-minute budget (see
    `enough`); the engine comparison on the real corpus reuses the build comparison's plain MkDocs runs."""
    works = []
    for size in sizes:
        with step(results, f"`generate`, synthetic {size:,}"):
            work = make_work(f"synthetic {size:,}", work_root / f"synthetic-{size}", count=size)
            work.jobs = jobs
            works.append(work)
            bench_generate(work, repeat, results)
    if args.real:
        work_root.mkdir(parents=True, exist_ok=True)
        if not args.only_build:
            with step(results, f"read-out, {args.real.name}"):
                bench_readout(args.real, work_root, results)
        with step(results, f"`generate`, {args.real.name}"):
            real = make_work(f"real: {args.real.name}", work_root / "real", source=args.real)
            real.jobs = jobs
            works.append(real)
            bench_generate(real, repeat, results)
    reference = works[-1] if args.real else min(works, key=lambda w: abs(w.inputs - 1000), default=None)
    if reference is not None:
        with step(results, f"`builder build` and plain `mkdocs build`, {reference.name}"):
            plains = bench_build(reference, args.build_repeat or repeat, results)
        if args.only_build:
            return works
        if args.real and plains:
            with step(results, f"Zensical, {reference.name}"):
                bench_engines(reference, args.build_repeat or repeat, results, mkdocs_runs=plains)
        with step(results, f"rebuilds, {reference.name}"):
            bench_incremental(reference, repeat, results)
    for work in works:  # both engines on the small synthetic corpus
        if work.inputs <= ENGINE_SIZE:
            with step(results, f"engines, {work.name}"):
                bench_engines(work, args.build_repeat or repeat, results)
    return works


if __name__ == "__main__":
    sys.exit(main())
