"""Both publishing engines on the same generated pages (issue 19): plain `mkdocs build`
against `zensical build` of one docs/, each into an empty site folder with no cache.

Both read the work folder's mkdocs.yml (the project's, with absolute folders), Zensical a
copy with docs_dir and site_dir relative (0.0.73 panics on absolute ones, "invariant:
Id(Format(Path(RootDir)))"). Zensical builds into site/, MkDocs into site-mkdocs/.
Zensical's own cache (.cache/ beside its settings file) is cleared with `--clean` each run.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

from benchmarks.benches import Results, _progress
from benchmarks.measure import Run, enough, folder_bytes, median, run
from benchmarks.workdir import BIN, Work

SEARCH_INDEXES = ("search/search_index.json", "search.json")  # MkDocs with Material, Zensical


def engine_commands(work: Work) -> dict[str, tuple[list[str], Path]]:
    """engine -> (the command, the folder it builds into)."""
    settings = work.root / "zensical.yml"
    text = (work.root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir:.*$", "docs_dir: docs", text)
    settings.write_text(re.sub(r"(?m)^site_dir:.*$", "site_dir: site", text), encoding="utf-8")
    zensical = [str(BIN / "python"), "-m", "zensical", "build", "--clean", "-f", str(settings)]
    return {"mkdocs": (work.mkdocs(work.root / "site-mkdocs"), work.root / "site-mkdocs"),
            "zensical": (zensical, work.site)}


def bench_engines(work: Work, repeat: int, results: Results, cap: float = 90,
                  mkdocs_runs: list[Run] | None = None) -> None:
    """Generate once, then time each engine on that docs/ (`repeat` runs, fewer past `cap` s).

    With `mkdocs_runs` (the build comparison's plain `mkdocs build` runs, whose docs/ and
    site-plain/ are still in the work folder) MkDocs is not run again: its row is those runs."""
    if importlib.util.find_spec("zensical") is None:
        results.notes.append("Zensical is not installed: the engine comparison was skipped "
                             "(.venv/bin/pip install -e '.[zensical]').")
        return
    if not mkdocs_runs:
        work.make_cold()
        generated = run(work.builder("generate"), work.root)
        if not generated.ok:
            results.engines.append({"corpus": work.name, "engine": "both", "failed": "generate " + generated.failure()})
            return
    for engine, (command, site) in engine_commands(work).items():
        if engine == "mkdocs" and mkdocs_runs:
            results.engines.append(_row(work, engine, mkdocs_runs, work.root / "site-plain"))
            continue
        runs: list[Run] = []
        while not enough(runs, repeat, cap):
            shutil.rmtree(site, ignore_errors=True)
            result = run(command, work.root)
            if not result.ok:
                results.engines.append({"corpus": work.name, "engine": engine, "failed": result.failure()})
                _progress(f"{engine} on {work.name}: FAILED {result.failure()}")
                break
            runs.append(result)
        else:
            results.engines.append(_row(work, engine, runs, site))
            _progress(f"{engine} on {work.name}: {results.engines[-1]['wall']:.1f} s")
        shutil.rmtree(site, ignore_errors=True)


def _row(work: Work, engine: str, runs: list[Run], site: Path) -> dict:
    index = next((site / name for name in SEARCH_INDEXES if (site / name).exists()), None)
    return {"corpus": work.name, "engine": engine, "runs": len(runs), "wall": median(r.wall for r in runs),
            "cpu": median(r.cpu for r in runs), "rss": median(r.rss_mb for r in runs),
            "pages": sum(1 for _ in site.rglob("*.html")), "site": folder_bytes(site),
            "search": index.stat().st_size if index else None}
