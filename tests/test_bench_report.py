"""`make bench` (benchmarks/run.py): repeats stop before a step passes its share of the
10-minute budget, and the report's Targets table carries every figure issue 18 asks for."""
from __future__ import annotations

from types import SimpleNamespace

from benchmarks.benches import Results
from benchmarks.measure import Run, enough
from benchmarks.report import render


def _runs(*walls: float) -> list[Run]:
    return [Run(wall, wall, 100.0, 0, "", "") for wall in walls]


def test_a_step_stops_before_one_more_run_would_pass_its_cap():
    assert not enough([], 3, 60)  # always one run
    assert enough(_runs(70), 3, 60)  # one long run is enough
    assert enough(_runs(35), 3, 60)  # a second would end at 70 s
    assert not enough(_runs(10, 12), 3, 60)
    assert enough(_runs(10, 12, 11), 3, 60)  # the runs asked for


def test_the_targets_table_names_each_figure_of_issue_18():
    results = Results()
    results.readout = {"corpus": "bbc", "files": 2227, "cpu": 4.0, "wall": 5.0, "rate_cpu": 556.8, "ms_cpu": 1.8}
    results.generate = [{"corpus": "synthetic 10,000", "inputs": 10000, "articles": 10000, "runs": 1, "wall": 14.0,
                         "cpu": 20.0, "rss": 420.0, "rate": 714.0, "rate_cpu": 500.0, "written": 1}]
    results.preview = [{"server": "builder serve", "articles": 2000, "edits": 20, "start": 30.0, "median": 0.4,
                        "p95": 0.9, "max": 1.2},
                       {"server": "plain mkdocs serve", "articles": 2000, "edits": 3, "start": 30.0, "median": 21.0,
                        "p95": 22.0, "max": 22.0}]
    results.preview_articles = 2000
    results.steps = [("`generate`, synthetic 10,000", 40.0), ("edit to preview, synthetic 2,000", 200.0)]
    args = SimpleNamespace(quick=False, sizes="10000", repeat=3, real=None)
    text = render(results, {"CPU": "test"}, args, 3, 600.0, None)
    targets = text.split("## Targets", 1)[1]
    assert "557 articles per CPU-second | **missed** (1.8× too slow)" in targets
    assert "14.0 s wall, 20.0 s CPU | met" in targets
    assert "420 MB | **missed** (by 20 MB)" in targets
    assert "median 0.40 s, p95 0.90 s; plain `mkdocs serve` 21.0 s | met" in targets
    assert "| edit to preview, synthetic 2,000 | 200 s | 33 % |" in targets


def test_a_failed_command_is_reported_by_its_error_line():
    failed = Run(1.0, 1.0, 10.0, 1, "Build started\n", "Traceback ...\nRuntimeError: Search field 'text' is too long\n")
    assert failed.failure() == "exit 1: RuntimeError: Search field 'text' is too long"
