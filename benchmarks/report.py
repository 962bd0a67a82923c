"""The Markdown report (benchmarks/RESULTS.md): machine, one table per measurement, the targets."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from benchmarks.benches import Results
from benchmarks.workdir import SEED


def _fmt(value, spec: str = ".2f", unit: str = "") -> str:
    return "–" if value is None else f"{value:{spec}}{unit}"


def render(results: Results, info: dict, args, repeat: int, elapsed: float, jobs) -> str:
    lines = ["# Benchmark results (issues 7 and 18)", "",
             f"Written by `python -m benchmarks.run` ({' '.join(_argv_summary(args))}) in {elapsed / 60:.1f} minutes. "
             f"Every figure is the median of the runs counted in its row. Synthetic corpora: "
             f"`benchmarks/synthetic.py`, seed {SEED}. Builder jobs: {jobs or 'its default'}.", "",
             "## Machine", "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += GENERATE.render(results.generate) + _memory_growth(results) + BUILDS.render(results.builds)
    lines += INCREMENTAL.render(results.incremental) + SIZES.render(results.sizes)
    lines += ENGINES.render(results.engines) if results.engines else []
    lines += READOUT.render([results.readout]) if results.readout else []
    lines += ["", "## Targets", ""] + targets(results) + [""]
    lines += _steps(results, elapsed)
    if results.notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in results.notes] + [""]
    return "\n".join(lines)


@dataclass(frozen=True)
class _Table:
    """One section of the report: intro lines, a Markdown table of one row per result.

    A failed result keeps its `lead` cells, then "FAILED: ..." and empty cells up to the
    column count of `align`."""

    intro: list[str]
    header: str
    align: str
    lead: Callable[[dict], list[str]]
    line: Callable[[dict], str]

    def render(self, rows: list[dict]) -> list[str]:
        columns = self.align.count("|") - 1
        out = self.intro + [self.header, self.align]
        for row in rows:
            if "failed" in row:
                cells = self.lead(row) + [f"FAILED: {row['failed']}"]
                out.append("| " + " | ".join(cells) + " |" + " |" * (columns - len(cells)))
            else:
                out.append(self.line(row))
        return out


GENERATE = _Table(
    ["", "## 1. `builder generate` from scratch (cold: empty docs/, no cache)", ""],
    "| Corpus | Input files | Articles | Runs | Wall | CPU (user+sys) | Peak RSS | Articles/s (wall) | Articles per CPU-second |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    lambda row: [row["corpus"], f"{row['inputs']:,}"],
    lambda row: f"| {row['corpus']} | {row['inputs']:,} | {row['articles']:,} | {row['runs']} | {row['wall']:.2f} s "
                f"| {row['cpu']:.2f} s | {row['rss']:.0f} MB | {row['rate']:,.0f} | {row['rate_cpu']:,.0f} |")
BUILDS = _Table(
    ["", "## 2. Full `builder build` against plain `mkdocs build` of the same docs/", "",
     "Wall time, then CPU time (user+sys, which other work on the machine disturbs less).", ""],
    "| Corpus | Articles | Runs | `builder build` (cold) | plain `mkdocs build` | Ratio | `generate` share | Build CPU | MkDocs CPU | Ratio (CPU) | `generate` share (CPU) | Build peak RSS | MkDocs peak RSS |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    lambda row: [row["corpus"]],
    lambda row: f"| {row['corpus']} | {_fmt(row['articles'], ',')} | {row['runs']} | {row['build']:.1f} s | {row['mkdocs']:.1f} s "
                f"| {row['ratio']:.2f} | {_fmt(row['share'] and row['share'] * 100, '.0f', ' %')} | {row['build_cpu']:.1f} s "
                f"| {row['mkdocs_cpu']:.1f} s | {row['ratio_cpu']:.2f} | {_fmt(row['share_cpu'] and row['share_cpu'] * 100, '.0f', ' %')} "
                f"| {row['build_rss']:.0f} MB | {row['mkdocs_rss']:.0f} MB |")
INCREMENTAL = _Table(
    ["", "## 3. Rebuilds: `builder generate` after a change (warm docs/)", ""],
    "| Corpus | Change | Runs | Wall | CPU | Files written (builder's count) | Files changed on disk | Removed | Files in docs/ |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    lambda row: [row["corpus"], row["case"]],
    lambda row: f"| {row['corpus']} | {row['case']} | {row['runs']} | {row['wall']:.2f} s | {row['cpu']:.2f} s "
                f"| {_fmt(row['written'], ',.0f')} | {_fmt(row['changed'], ',.0f')} | {_fmt(row['removed'], ',.0f')} | {row['docs_files']:,} |")
SIZES = _Table(
    ["", "## 4. Output size (after the full build)", ""],
    "| Corpus | Articles | docs/ | site/ | Files in site/ | search_index.json | site/ bytes per article |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    lambda row: [row["corpus"]],
    lambda row: f"| {row['corpus']} | {row['articles']:,} | {row['docs'] / 1e6:.1f} MB | {row['site'] / 1e6:.1f} MB "
                f"| {row['files']:,} | {_fmt(row['search'] and row['search'] / 1e6, '.1f', ' MB')} | {row['per_article'] / 1e3:,.1f} KB |")

ENGINES = _Table(
    ["", "## 5. The two publishing engines on the same generated docs/ (cold, no cache)", "",
     "`python -m mkdocs build` against `python -m zensical build --clean`, from the same mkdocs.yml.", ""],
    "| Corpus | Engine | Runs | Wall | CPU (user+sys) | Peak RSS | HTML pages | site/ | Search index |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    lambda row: [row["corpus"], row["engine"]],
    lambda row: f"| {row['corpus']} | {row['engine']} | {row['runs']} | {row['wall']:.1f} s | {row['cpu']:.1f} s "
                f"| {row['rss']:.0f} MB | {row['pages']:,} | {row['site'] / 1e6:.1f} MB "
                f"| {_fmt(row['search'] and row['search'] / 1e6, '.1f', ' MB')} |")
READOUT = _Table(
    ["", "## Read-out speed (`benchmarks/readout.py`: `read_out` of every file, in one process)", ""],
    "| Corpus | Files | CPU | Wall | Articles per CPU-second | ms CPU per article |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    lambda row: [row["corpus"]],
    lambda row: f"| {row['corpus']} | {row['files']:,} | {row['cpu']:.1f} s | {row['wall']:.1f} s "
                f"| {row['rate_cpu']:,.0f} | {row['ms_cpu']:.2f} |")


def _steps(results: Results, elapsed: float) -> list[str]:
    """Where this run's minutes went (each step's share of the time, against the caps in benches.py)."""
    if not results.steps:
        return []
    lines = ["## Where this run's time went", "", "| Step | Wall | Share |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {seconds:.0f} s | {100 * seconds / max(elapsed, 1e-9):.0f} % |"
              for name, seconds in results.steps]
    return lines + [f"| **all** | {elapsed:.0f} s | |", ""]


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
    """Each target of issues 7 and 18: met or missed, and by how much."""
    real = next((r for r in results.generate if r["corpus"].startswith("real") and "wall" in r), None)
    ref = real or next((r for r in results.generate if r["corpus"] == "synthetic 1,000" and "wall" in r), None)
    big = next((r for r in results.generate if r["corpus"] == "synthetic 10,000" and "wall" in r), None)
    build = next((r for r in results.builds if r["corpus"] == (ref or {}).get("corpus") and "ratio" in r), None)
    inc = {r["case"]: r for r in results.incremental if r["corpus"] == (ref or {}).get("corpus") and "wall" in r}
    out = ["| Target | Measured | |", "| --- | --- | --- |"]

    def row(name, measured, ok, miss=""):
        verdict = "not measured" if ok is None else ("met" if ok else f"**missed** {miss}".rstrip())
        out.append(f"| {name} | {measured} | {verdict} |")

    readout = results.readout
    if readout.get("rate_cpu"):
        rate = readout["rate_cpu"]
        row(f"read-out ≥ 1,000 articles per CPU-second (`benchmarks.readout`, {readout['files']:,} files)",
            f"{rate:,.0f} articles per CPU-second", rate >= 1000, f"({1000 / rate:.1f}× too slow)")
    elif readout:
        row("read-out ≥ 1,000 articles per CPU-second", f"failed: {readout.get('failed')}", False)
    if ref:
        rate = ref["rate_cpu"]
        row(f"cold `generate` (read-out, pages, search, writing) ≥ 1,000 articles per CPU-second ({ref['corpus']})",
            f"{rate:,.0f} articles per CPU-second",
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
    _preview_targets(results, row)
    if big:
        row("10,000 synthetic: ≤ 15 s wall", f"{big['wall']:.1f} s wall, {big['cpu']:.1f} s CPU", big["wall"] <= 15,
            f"(by {big['wall'] - 15:.1f} s)")
        row("10,000 synthetic: ≤ 400 MB peak RSS", f"{big['rss']:.0f} MB", big["rss"] <= 400, f"(by {big['rss'] - 400:.0f} MB)")
    return out


def _preview_targets(results: Results, row) -> None:
    """Issue 18: an edit shows in the preview, search included, within 1 s at 2,000 articles and
    2 s at 10,000: judged by the slowest of the article page, its listing page and the search;
    an edit that never showed fails the target, whatever the edits before it measured."""
    mine = [r for r in results.preview if r["server"].startswith("builder serve")]
    plain = next((r for r in results.preview if r["server"] == "plain mkdocs serve" and "median" in r), None)
    measured = [r for r in mine if "median" in r]
    failed = next((r["failed"] for r in mine if "failed" in r), "")
    size = results.preview_articles
    limit = 1.0 if size <= 2000 else 2.0
    if measured:
        worst = max(measured, key=lambda r: r["p95"])
        text = "; ".join(f"{r['server'].removeprefix('builder serve').lstrip(': ') or 'page'} median "
                         f"{r['median']:.2f} s, p95 {r['p95']:.2f} s" for r in measured)
        text += (f"; plain `mkdocs serve` {plain['median']:.1f} s" if plain else "") + (
            f"; then failed: {failed}" if failed else "")
        row(f"edit → preview ≤ {limit:.0f} s at {size:,} articles (page, listing, search; p95 of {worst['edits']} edits)",
            text, worst["p95"] <= limit and not failed, f"(p95 by {worst['p95'] - limit:.2f} s)" if not failed else "")
    elif failed:
        row(f"edit → preview ≤ {limit:.0f} s at {size:,} articles", f"failed: {failed}", False)
    if size < 10_000:
        row("edit → preview ≤ 2 s at 10,000 articles", "`python -m benchmarks.preview --synthetic 10000`", None)
