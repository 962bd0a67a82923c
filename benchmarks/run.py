"""Benchmarks for issue 7, in one run on one machine; the table goes to benchmarks/RESULTS.md.

    python -m benchmarks.run [--quick] [--real PATH] [--sizes 100,1000,10000] [--repeat K]

1. `builder generate` on synthetic corpora of each size (and the --real folder): wall, CPU,
   peak RSS, articles/s. Each run is a fresh subprocess into an empty docs/ (cold).
2. The full `builder build` (cold) against plain `mkdocs build` of the same generated docs/.
3. A no-change `generate`, a one-article edit and a one-article addition: wall time and files
   rewritten (the builder's own count, and the files changed on disk).
4. site/ size, search/search_index.json size, bytes per article.

Every figure is the median of --repeat runs (fewer for 10,000 articles and for the full
builds, which dominate the time: see `_plan`). Work folders live under benchmarks/out/
and are deleted afterwards unless --keep is given. A real corpus is read-only input: its
files are copied into the work folder (outside git), because `generate` writes
permalinks.yml into its --content folder and the edit benchmark changes an article.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import synthetic

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "benchmarks"
OUT_DIR = BENCH_DIR / "out"
RESULTS = BENCH_DIR / "RESULTS.md"
BIN = Path(sys.executable).parent
SEED = 7
SUMMARY = re.compile(r"Built (\d+) articles.*?\((\d+) files written, (\d+) removed\)")
ARTICLE_SUFFIXES = (".txt", ".md")


# ---------------------------------------------------------------------------------------
# Running one command
# ---------------------------------------------------------------------------------------
@dataclass
class Run:
    """One subprocess: times in seconds, peak RSS in MB (of the largest process)."""

    wall: float
    cpu: float
    rss_mb: float
    code: int
    stdout: str
    stderr: str
    articles: int | None = None
    written: int | None = None
    removed: int | None = None
    changed_on_disk: int | None = None

    @property
    def ok(self) -> bool:
        return self.code == 0

    def failure(self) -> str:
        lines = [line for line in (self.stderr + self.stdout).splitlines() if line.strip()]
        return f"exit {self.code}: {lines[-1][:160] if lines else 'no output'}"


def run(argv: list[str], cwd: Path) -> Run:
    """Run argv; measure wall time, user+sys CPU and peak RSS of that child alone (wait4)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    env.pop("CI", None)
    out_path, err_path = cwd / ".bench.stdout", cwd / ".bench.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    result = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode,
                 out_path.read_text(errors="replace"), err_path.read_text(errors="replace"))
    match = SUMMARY.search(result.stdout)
    if match:
        result.articles, result.written, result.removed = (int(g) for g in match.groups())
    out_path.unlink()
    err_path.unlink()
    return result


# ---------------------------------------------------------------------------------------
# A work folder: content/, docs/, site/ and a mkdocs.yml pointing at them
# ---------------------------------------------------------------------------------------
@dataclass
class Work:
    name: str
    root: Path
    inputs: int  # article files in content/
    jobs: str | None = None

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def builder(self, command: str) -> list[str]:
        # `python -m builder` is the `builder` command; site_config/ is the builder's own (the
        # work folder has none), and PYTHONPATH may point at another checkout to compare.
        argv = [str(BIN / "python"), "-m", "builder", command, "--content", str(self.content), "--docs", str(self.docs)]
        if command == "build":
            argv += ["--site", str(self.site)]
        if self.jobs:
            argv += ["--jobs", self.jobs]
        return argv

    def mkdocs(self, site: Path) -> list[str]:
        return [str(BIN / "python"), "-m", "mkdocs", "build", "--quiet", "-f", str(self.root / "mkdocs.yml"),
                "-d", str(site)]

    def make_cold(self) -> None:
        """Forget every output and cache of earlier runs (content/ itself is kept)."""
        for path in (self.docs, self.site, self.root / ".docs.new", self.root / ".site.new", self.root / ".cache",
                     self.content / ".cache", self.content / "permalinks.yml", self.root / "site-plain"):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()


def make_work(name: str, root: Path, source: Path | None = None, count: int = 0) -> Work:
    """A work folder with a synthetic corpus of `count` articles, or a copy of `source`."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    if source is not None:
        shutil.copytree(source, root / "content")
    else:
        synthetic.write_corpus(root / "content", count, SEED)
    _write_mkdocs_yml(root)
    inputs = sum(1 for p in (root / "content").rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    return Work(name, root, inputs)


def _write_mkdocs_yml(root: Path) -> None:
    """The project's mkdocs.yml, with docs_dir, site_dir and the theme folder made absolute."""
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir:.*$", f"docs_dir: {root / 'docs'}", text)
    text = re.sub(r"(?m)^site_dir:.*$", f"site_dir: {root / 'site'}", text)
    text = re.sub(r"(?m)^(\s*custom_dir:\s*)(\S+)\s*$",
                  lambda m: m.group(1) + str((PROJECT_ROOT / m.group(2)).resolve()), text)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Path -> (inode, mtime_ns, size) of every file under folder."""
    found = {}
    for base, _, files in os.walk(folder):
        for name in files:
            stat = os.stat(os.path.join(base, name))
            found[os.path.relpath(os.path.join(base, name), folder)] = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    return found


def folder_bytes(folder: Path) -> int:
    return sum(os.path.getsize(os.path.join(base, name)) for base, _, files in os.walk(folder) for name in files)


# ---------------------------------------------------------------------------------------
# The measurements
# ---------------------------------------------------------------------------------------
@dataclass
class Results:
    generate: list[dict] = field(default_factory=list)
    builds: list[dict] = field(default_factory=list)
    incremental: list[dict] = field(default_factory=list)
    sizes: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def enough(runs: list[Run], repeat: int, cap: float) -> bool:
    """Stop after `repeat` runs, or earlier once the runs so far took `cap` seconds (never before one)."""
    return len(runs) >= repeat or (bool(runs) and sum(r.wall for r in runs) >= cap)


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


def bench_build(work: Work, repeat: int, results: Results, cap: float = 100) -> None:
    """Cold `builder build` against plain `mkdocs build` of the docs/ it generated."""
    builds: list[Run] = []
    plains: list[Run] = []
    while not enough(builds + plains, repeat * 2, cap):
        work.make_cold()
        build = run(work.builder("build"), work.root)
        if not build.ok:
            results.builds.append({"corpus": work.name, "failed": "builder build " + build.failure()})
            _progress(f"build {work.name}: FAILED {build.failure()}")
            return
        plain = run(work.mkdocs(work.root / "site-plain"), work.root)
        if not plain.ok:
            results.builds.append({"corpus": work.name, "failed": "mkdocs build " + plain.failure()})
            return
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


# ---------------------------------------------------------------------------------------
# The plan, the machine, the table
# ---------------------------------------------------------------------------------------
def _builder_supports(option: str) -> bool:
    help_text = subprocess.run([str(BIN / "python"), "-m", "builder", "generate", "--help"], capture_output=True, text=True).stdout
    return option in help_text


def machine() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = "unknown"
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass

    def ver(name):
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    commit = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", str(PROJECT_ROOT), "status", "--porcelain", "--", "builder", "site_config"],
                           capture_output=True, text=True).stdout.strip()
    location = subprocess.run([str(BIN / "python"), "-c", "import builder; print(builder.__file__)"],
                              capture_output=True, text=True, cwd=BENCH_DIR.parent.parent).stdout.strip()
    builder = f"{ver('press-archive-builder')}, commit {commit}" + (" + uncommitted changes" if dirty else "")
    if location and Path(location).parent.parent != PROJECT_ROOT:
        builder = f"imported from {Path(location).parent} (PYTHONPATH), not from this checkout"
    return {"CPU": cpu, "Cores": str(os.cpu_count()), "RAM": ram, "OS": platform.platform(),
            "Python": platform.python_version(), "MkDocs": ver("mkdocs"), "Material": ver("mkdocs-material"),
            "PyYAML (libyaml)": f"{ver('PyYAML')} ({_libyaml()})",
            "Builder": builder,
            "Date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")}


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def _libyaml() -> str:
    try:
        import yaml
        return "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    except ImportError:
        return "no"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000, one run each (a try-out)")
    parser.add_argument("--real", type=Path, help="a folder of real articles (read only; e.g. ../shared/corpora/bbc-news)")
    parser.add_argument("--sizes", default="100,1000,10000", help="synthetic corpus sizes (default 100,1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, reported as the median (default 3)")
    parser.add_argument("--build-repeat", type=int, default=None,
                        help="runs of the full build comparison (default: --repeat, fewer when a run is long)")
    parser.add_argument("--jobs", default=None, help="pass --jobs to the builder (when it has that option)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the Markdown table goes")
    parser.add_argument("--keep", action="store_true", help="keep the work folders under benchmarks/out/")
    args = parser.parse_args(argv)
    sizes = [100, 1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    repeat = 1 if args.quick else max(1, args.repeat)
    if args.real and not args.real.is_dir():
        parser.error(f"--real {args.real}: not a folder")

    started, load_before = time.perf_counter(), _load()
    jobs = args.jobs if args.jobs and _builder_supports("--jobs") else None
    results = Results()
    if args.jobs and not jobs:
        results.notes.append(f"--jobs {args.jobs} was asked for, but `builder generate` has no --jobs option yet.")
    work_root = OUT_DIR / "work"
    works = _bench_all(sizes, repeat, args, jobs, work_root, results)
    elapsed = time.perf_counter() - started
    info = machine() | {"Load average (1 min) at start → end": f"{load_before} → {_load()} "
                                                                  "(other work on the machine slows every figure)"}
    text = render(results, info, args, repeat, elapsed, jobs)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    if not args.keep:
        for work in works:
            shutil.rmtree(work.root, ignore_errors=True)
    failed = any("failed" in row for row in results.generate + results.builds + results.incremental)
    return 1 if failed else 0


def _bench_all(sizes, repeat, args, jobs, work_root: Path, results: Results) -> list[Work]:
    """Generate at every size; then the build comparison and the rebuilds on one reference
    corpus: the real one when given (the issue's targets are stated for it), else 1,000 synthetic.
    Repeats stop early once a step has used its share of the 10-minute budget (see `enough`)."""
    works = []
    for size in sizes:
        work = make_work(f"synthetic {size:,}", work_root / f"synthetic-{size}", count=size)
        work.jobs = jobs
        works.append(work)
        bench_generate(work, repeat, results)
    if args.real:
        real = make_work(f"real: {args.real.name}", work_root / "real", source=args.real)
        real.jobs = jobs
        works.append(real)
        bench_generate(real, repeat, results)
    reference = works[-1] if args.real else min(works, key=lambda w: abs(w.inputs - 1000), default=None)
    if reference is not None:
        bench_build(reference, args.build_repeat or repeat, results)
        bench_incremental(reference, repeat, results)
    return works


def _fmt(value, spec: str = ".2f", unit: str = "") -> str:
    return "–" if value is None else f"{value:{spec}}{unit}"


def render(results: Results, info: dict, args, repeat: int, elapsed: float, jobs) -> str:
    lines = ["# Benchmark results (issue 7)", "",
             f"Written by `python -m benchmarks.run` ({' '.join(_argv_summary(args))}) in {elapsed / 60:.1f} minutes. "
             f"Every figure is the median of the runs counted in its row. Synthetic corpora: "
             f"`benchmarks/synthetic.py`, seed {SEED}. Builder jobs: {jobs or 'its default'}.", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += ["", "## 1. `builder generate` from scratch (cold: empty docs/, no cache)", "",
              "| Corpus | Input files | Articles | Runs | Wall | CPU (user+sys) | Peak RSS | Articles/s (wall) | Articles per CPU-second |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in results.generate:
        if "failed" in row:
            lines.append(f"| {row['corpus']} | {row['inputs']:,} | FAILED: {row['failed']} | | | | | | |")
            continue
        lines.append(f"| {row['corpus']} | {row['inputs']:,} | {row['articles']:,} | {row['runs']} | {row['wall']:.2f} s "
                     f"| {row['cpu']:.2f} s | {row['rss']:.0f} MB | {row['rate']:,.0f} | {row['rate_cpu']:,.0f} |")
    lines += _memory_growth(results)
    lines += ["", "## 2. Full `builder build` against plain `mkdocs build` of the same docs/", "",
              "Wall time, then CPU time (user+sys, which other work on the machine disturbs less).", "",
              "| Corpus | Articles | Runs | `builder build` (cold) | plain `mkdocs build` | Ratio | `generate` share | Build CPU | MkDocs CPU | Ratio (CPU) | `generate` share (CPU) | Build peak RSS | MkDocs peak RSS |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in results.builds:
        if "failed" in row:
            lines.append(f"| {row['corpus']} | FAILED: {row['failed']} | | | | | | | | | | | |")
            continue
        lines.append(f"| {row['corpus']} | {_fmt(row['articles'], ',')} | {row['runs']} | {row['build']:.1f} s | {row['mkdocs']:.1f} s "
                     f"| {row['ratio']:.2f} | {_fmt(row['share'] and row['share'] * 100, '.0f', ' %')} | {row['build_cpu']:.1f} s "
                     f"| {row['mkdocs_cpu']:.1f} s | {row['ratio_cpu']:.2f} | {_fmt(row['share_cpu'] and row['share_cpu'] * 100, '.0f', ' %')} "
                     f"| {row['build_rss']:.0f} MB | {row['mkdocs_rss']:.0f} MB |")
    lines += ["", "## 3. Rebuilds: `builder generate` after a change (warm docs/)", "",
              "| Corpus | Change | Runs | Wall | CPU | Files written (builder's count) | Files changed on disk | Removed | Files in docs/ |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in results.incremental:
        if "failed" in row:
            lines.append(f"| {row['corpus']} | {row['case']} | FAILED: {row['failed']} | | | | | | |")
            continue
        lines.append(f"| {row['corpus']} | {row['case']} | {row['runs']} | {row['wall']:.2f} s | {row['cpu']:.2f} s "
                     f"| {_fmt(row['written'], ',.0f')} | {_fmt(row['changed'], ',.0f')} | {_fmt(row['removed'], ',.0f')} | {row['docs_files']:,} |")
    lines += ["", "## 4. Output size (after the full build)", "",
              "| Corpus | Articles | docs/ | site/ | Files in site/ | search_index.json | site/ bytes per article |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in results.sizes:
        lines.append(f"| {row['corpus']} | {row['articles']:,} | {row['docs'] / 1e6:.1f} MB | {row['site'] / 1e6:.1f} MB "
                     f"| {row['files']:,} | {_fmt(row['search'] and row['search'] / 1e6, '.1f', ' MB')} | {row['per_article'] / 1e3:,.1f} KB |")
    lines += ["", "## Targets", ""] + targets(results) + [""]
    if results.notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in results.notes] + [""]
    return "\n".join(lines)


def _argv_summary(args) -> list[str]:
    parts = ["--quick"] if args.quick else [f"--sizes {args.sizes}", f"--repeat {args.repeat}"]
    if args.real:
        parts.append(f"--real {args.real}")
    return parts


def _memory_growth(results: Results) -> list[str]:
    rows = sorted((r for r in results.generate if "rss" in r and r["corpus"].startswith("synthetic")),
                  key=lambda r: r["articles"])
    if len(rows) < 2:
        return []
    steps = [f"{a['articles']:,} → {b['articles']:,}: {(b['rss'] - a['rss']) / (b['articles'] - a['articles']) * 1000:.0f} MB "
             f"per 1,000 articles" for a, b in zip(rows, rows[1:]) if b["articles"] > a["articles"]]
    return ["", "Peak RSS growth (synthetic): " + "; ".join(steps) + "."]


def targets(results: Results) -> list[str]:
    """Each issue-7 target: met or missed, and by how much."""
    real = next((r for r in results.generate if r["corpus"].startswith("real") and "wall" in r), None)
    ref = real or next((r for r in results.generate if r["corpus"] == "synthetic 1,000" and "wall" in r), None)
    big = next((r for r in results.generate if r["corpus"] == "synthetic 10,000" and "wall" in r), None)
    build = next((r for r in results.builds if r["corpus"] == (ref or {}).get("corpus") and "ratio" in r), None)
    inc = {r["case"]: r for r in results.incremental if r["corpus"] == (ref or {}).get("corpus") and "wall" in r}
    out = ["| Target | Measured | |", "| --- | --- | --- |"]

    def row(name, measured, ok, miss=""):
        verdict = "not measured" if ok is None else ("met" if ok else f"**missed** {miss}".rstrip())
        out.append(f"| {name} | {measured} | {verdict} |")

    if ref:
        rate = ref["rate_cpu"]
        row(f"`generate` ≥ 1,000 articles/s on one core ({ref['corpus']})", f"{rate:,.0f} articles per CPU-second",
            rate >= 1000, f"({1000 / rate:.1f}× too slow)")
    if build:
        row(f"full build ≤ 1.10 × plain mkdocs ({build['corpus']})",
            f"{build['ratio']:.2f}× wall, {build['ratio_cpu']:.2f}× CPU", build["ratio"] <= 1.10,
            f"(by {build['ratio'] - 1.10:.2f} wall, {build['ratio_cpu'] - 1.10:.2f} CPU)")
        if build["share"] is not None:
            row("`generate` ≤ 10 % of the full build", f"{build['share'] * 100:.0f} % wall, "
                f"{_fmt(build['share_cpu'] and build['share_cpu'] * 100, '.0f', ' %')} CPU", build["share"] <= 0.10,
                f"(by {build['share'] * 100 - 10:.0f} points)")
    if "no change" in inc:
        r = inc["no change"]
        row("no-change `generate` ≤ 1 s", f"{r['wall']:.2f} s", r["wall"] <= 1, f"(by {r['wall'] - 1:.2f} s)")
        row("no-change `generate` rewrites 0 files", f"{_fmt(r['written'], '.0f')} written, {r['changed']:.0f} changed on disk",
            (r["written"] or 0) == 0 and r["changed"] == 0)
    if "one article edited" in inc:
        r = inc["one article edited"]
        row("one-article edit ≤ 1 s", f"{r['wall']:.2f} s ({_fmt(r['written'], '.0f')} files written)", r["wall"] <= 1,
            f"(by {r['wall'] - 1:.2f} s)")
    if big:
        row("10,000 synthetic: ≤ 15 s wall", f"{big['wall']:.1f} s", big["wall"] <= 15, f"(by {big['wall'] - 15:.1f} s)")
        row("10,000 synthetic: ≤ 400 MB peak RSS", f"{big['rss']:.0f} MB", big["rss"] <= 400, f"(by {big['rss'] - 400:.0f} MB)")
    return out


if __name__ == "__main__":
    sys.exit(main())
