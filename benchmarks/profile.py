"""Where `generate` spends its time: cProfile over builder.pipeline.gather on one folder.

    python -m benchmarks.profile FOLDER [--top 25]
    python -m benchmarks.profile --synthetic 1000 [--seed 7]

Prints the hottest functions twice: by cumulative time (the stages) and by own time
(tottime: the functions to optimise), each with its share of the whole run. gather()
reads and renders everything in memory; the folder is copied to a temporary folder first,
so the input is never touched. --save FILE also writes the raw profile (for snakeviz or pstats).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import synthetic

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def profile_gather(folder: Path) -> tuple[pstats.Stats, float, int | str]:
    """Profile one cold gather(); return the stats, the wall time and the number of articles.

    docs/ is a fresh folder beside the content, so the builder's cache (.cache/ beside docs/)
    starts empty: the profile shows all the work, not cache hits.
    """
    from builder import pipeline
    from builder.config import Paths, default_config_dir

    paths = Paths(content=folder, config=default_config_dir(), docs=folder.parent / "docs")
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    try:
        archive = pipeline.gather(paths)
        for _page in archive.pages:  # pages are made as they are asked for
            pass
        outcome: int | str = len(archive.articles)
    except Exception as exc:  # noqa: BLE001 - still show where the time went until the failure
        outcome = f"FAILED ({type(exc).__name__}: {exc})"
    finally:
        profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - start, outcome


def table(stats: pstats.Stats, key: str, top: int) -> str:
    """The `top` functions by key ("cumulative" or "tottime"), with their share of the run."""
    total = stats.total_tt or 1.0
    rows = []
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        rows.append((cumulative if key == "cumulative" else own, own, cumulative, calls, _where(file, line, name)))
    rows.sort(key=lambda r: r[0], reverse=True)
    out = io.StringIO()
    out.write(f"{'calls':>10} {'own s':>8} {'own %':>6} {'cum s':>8} {'cum %':>6}  function\n")
    for _, own, cumulative, calls, where in rows[:top]:
        out.write(f"{calls:>10,} {own:>8.2f} {own / total * 100:>5.1f}% {cumulative:>8.2f} "
                  f"{cumulative / total * 100:>5.1f}%  {where}\n")
    return out.getvalue()


def _where(file: str, line: int, name: str) -> str:
    """builder/extract/body.py:42(clean) for our code; a short path for the libraries."""
    if file == "~":
        return name  # a built-in such as {method 'sub' of 're.Pattern' objects}
    parts = Path(file).parts
    for marker, keep in (("site-packages", False), ("builder", True), ("benchmarks", True)):
        if marker in parts:
            start = len(parts) - 1 - parts[::-1].index(marker)
            return "/".join(parts[start if keep else start + 1:]) + f":{line}({name})"
    stdlib = next((i for i, part in enumerate(parts) if part.startswith("python3")), None)
    short = "/".join(parts[stdlib + 1:]) if stdlib is not None else Path(file).name
    return f"{short}:{line}({name})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="a folder of article files (read only)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="profile N synthetic articles instead")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic corpus (default 7)")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list (default 25)")
    parser.add_argument("--save", type=Path, help="also write the raw profile to this file")
    args = parser.parse_args(argv)
    if not args.folder and not args.synthetic:
        parser.error("give a FOLDER or --synthetic N")
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as scratch:
        folder = Path(scratch) / "content"
        if args.synthetic:
            synthetic.write_corpus(folder, args.synthetic, args.seed)
        else:  # a copy: the input folder is never touched, whatever the builder does
            shutil.copytree(args.folder, folder)
        stats, wall, articles = profile_gather(folder)
    label = f"{args.synthetic:,} synthetic articles (seed {args.seed})" if args.synthetic else str(args.folder)
    done = f"{articles:,} articles" if isinstance(articles, int) else f"{articles}, the profile up to the failure,"
    print(f"gather() on {label}: {done} in {wall:.2f} s under the profiler ({stats.total_tt:.2f} s profiled)\n")
    print(f"Top {args.top} by cumulative time:\n{table(stats, 'cumulative', args.top)}")
    print(f"Top {args.top} by own time (tottime):\n{table(stats, 'tottime', args.top)}")
    if args.save:
        stats.dump_stats(str(args.save))
    return 0 if isinstance(articles, int) else 1


if __name__ == "__main__":
    sys.exit(main())
