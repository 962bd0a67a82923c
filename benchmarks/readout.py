"""Read-out speed: articles per CPU-second of `read_out(item, settings)` on one folder, per stage.

    python -m benchmarks.readout FOLDER [--files N] [--stages] [--profile K] [--digest] [--json]

Every article file under FOLDER (or the first N, sorted) is read into memory first; then
each is read out in this process, the way a worker of the build's pool does, and the CPU
time (process time: other programs on the machine do not count) is measured. The settings
are read and compiled before the clock starts (once per process in a build), with the line
patterns for every line ending (a build makes them before it forks its workers). Printed:
articles per CPU-second and milliseconds per article; with --stages also the share of
each stage (parse, extract, merge, knowledge: vocabulary matches, people, recognition,
quotes, figures; fingerprint); with --profile K the K functions with most own time.
--digest prints a hash of every read-out Article, to check that a change keeps the output
identical. The folder is only read.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from builder.config import default_config_dir
from builder.extract import prepare
from builder.readout import ReadSettings, reader_for
from builder.saved_pages import is_page

ARTICLE_SUFFIXES = (".txt", ".md", ".html")
# (label, module, function) timed by --stages; nested ones are shown indented under their parent
STAGES = (
    ("parse", "builder.process", "parse"),
    ("extract", "builder.process", "extract"),
    ("merge", "builder.process", "merge"),
    ("knowledge", "builder.knowledge", "enrich"),
    ("  vocabulary matches", "builder.knowledge.enrich", "_add_entities"),
    ("  topics", "builder.knowledge.topics", "TopicMatcher.count_hits"),
    ("  people beside verbs", "builder.knowledge.enrich", "_discover"),
    ("  recognition", "builder.knowledge.enrich", "_recognise"),
    ("  quotes", "builder.knowledge.quotes", "QuoteFinder.find"),
    ("  figures", "builder.knowledge.figures", "FigureFinder.find"),
    ("  tokenize", "builder.knowledge.enrich", "tokenize"),
    ("fingerprint", "builder.process", "fingerprint"),
)


def files_of(folder: Path, count: int | None) -> list[tuple[Path, str, bytes]]:
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES
                   and not p.name.upper().startswith("README"))
    paths = [p for p in paths if p.suffix != ".html" or is_page(p.name)][:count]
    return [(p, p.relative_to(folder).as_posix(), p.read_bytes()) for p in paths]


def measure(items, settings: ReadSettings) -> tuple[float, float, list]:
    """(CPU seconds, wall seconds, outcomes) of reading out every item in this process."""
    reader = reader_for(settings)
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = [reader(item) for item in items]
    return time.process_time() - cpu, time.perf_counter() - started, outcomes


class StageClock:
    """Wraps the functions of STAGES so each call adds its CPU time to its stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {label: 0.0 for label, _, _ in STAGES}
        self._undo: list[Callable[[], None]] = []

    @contextmanager
    def installed(self) -> Iterator["StageClock"]:
        import importlib

        for label, module_name, qualified in STAGES:
            owner = importlib.import_module(module_name)
            *classes, name = qualified.split(".")
            for cls in classes:
                owner = getattr(owner, cls)
            original = getattr(owner, name)
            setattr(owner, name, self._timed(label, original))
            self._undo.append(lambda o=owner, n=name, f=original: setattr(o, n, f))
        try:
            yield self
        finally:
            for undo in reversed(self._undo):
                undo()

    def _timed(self, label: str, function: Callable) -> Callable:
        seconds = self.seconds

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[label] += time.process_time() - start
        return timed


def digest(outcomes: list) -> str:
    """One hash of every outcome (Articles and Failures, paths left out)."""
    total = hashlib.sha256()
    for outcome in outcomes:
        total.update(repr(_without_paths(outcome)).encode())
    return total.hexdigest()[:16]


def _without_paths(outcome):
    """The outcome without its path, its fingerprint as ints (so digests of fingerprints stored
    as bytes compare with those of fingerprints stored as a tuple of ints)."""
    from dataclasses import replace

    from builder.syndication import values

    source = getattr(outcome, "source", None)
    if source is None:
        return outcome
    return replace(outcome, source=replace(source, path=None), fingerprint=values(outcome.fingerprint))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.readout", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of article files, e.g. ../shared/corpora/bbc-news")
    parser.add_argument("--files", type=int, default=None, help="read only the first N files (default: all)")
    parser.add_argument("--config", type=Path, default=None,
                        help="settings folder (default: site_config/ in the current folder; run elsewhere, only "
                             "the builder's own defaults apply and the articles and digest differ)")
    clocks = parser.add_mutually_exclusive_group()  # each clock would time the other's overhead
    clocks.add_argument("--stages", action="store_true", help="also show the CPU share of each stage")
    clocks.add_argument("--profile", type=int, default=0, metavar="K", help="also list the K hottest functions")
    parser.add_argument("--digest", action="store_true", help="print a hash of every read-out article")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    items = files_of(args.folder, args.files)
    if not items:
        parser.error(f"no article files under {args.folder}")
    settings = ReadSettings.of(args.config or default_config_dir())
    # rules and vocabularies compiled before the clock starts, and the line patterns for every line
    # ending: a build's process does both before it forks its workers (process._run)
    prepare(reader_for(settings).rules, every_ending=True)
    clock = StageClock()
    if args.stages:
        with clock.installed():
            cpu, wall, outcomes = measure(items, settings)
    elif args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        cpu, wall, outcomes = measure(items, settings)
        profiler.disable()
    else:
        cpu, wall, outcomes = measure(items, settings)
    figures = {"corpus": str(args.folder), "files": len(items), "cpu": round(cpu, 3), "wall": round(wall, 3),
               "rate_cpu": round(len(items) / cpu, 1), "ms_cpu": round(1000 * cpu / len(items), 3)}
    if args.digest:
        figures["digest"] = digest(outcomes)
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"read-out of {len(items):,} files of {args.folder}: {figures['rate_cpu']:,.0f} articles per CPU-second "
          f"({figures['ms_cpu']:.2f} ms CPU, {1000 * wall / len(items):.2f} ms wall per article)"
          + (" under the stage clock" if args.stages else " under the profiler" if args.profile else ""))
    if args.digest:
        print(f"digest of the articles: {figures['digest']}")
    if args.stages:
        for label, seconds in clock.seconds.items():
            print(f"  {label:<24} {1000 * seconds / len(items):7.3f} ms  {100 * seconds / cpu:5.1f} %")
    if args.profile:
        from benchmarks.profile import table

        print(table(pstats.Stats(profiler), "tottime", args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
