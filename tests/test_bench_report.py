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
                       {"server": "builder serve: search", "articles": 2000, "edits": 20, "start": 30.0,
                        "median": 0.6, "p95": 0.95, "max": 1.5},
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
    assert "page median 0.40 s, p95 0.90 s; search median 0.60 s, p95 0.95 s; plain `mkdocs serve` 21.0 s | met" \
        in targets
    assert "| edit to preview, synthetic 2,000 | 200 s | 33 % |" in targets


def test_a_failed_command_is_reported_by_its_error_line():
    failed = Run(1.0, 1.0, 10.0, 1, "Build started\n", "Traceback ...\nRuntimeError: Search field 'text' is too long\n")
    assert failed.failure() == "exit 1: RuntimeError: Search field 'text' is too long"


def test_the_preview_target_is_missed_by_its_slowest_part_or_by_an_edit_that_never_showed():
    args = SimpleNamespace(quick=False, sizes="10000", repeat=3, real=None)
    page = {"server": "builder serve", "articles": 2000, "edits": 10, "start": 30.0, "median": 0.3, "p95": 0.5,
            "max": 0.6}
    listings = {"server": "builder serve: listings", "articles": 2000, "edits": 6, "start": 30.0, "median": 5.0,
                "p95": 8.0, "max": 9.0}
    failed = {"server": "builder serve", "articles": 2000, "failed": "'marker' did not appear in the listings"}
    for preview, expected in (([page, listings], "**missed** (p95 by 7.00 s)"),
                              ([page, failed], "then failed: 'marker' did not appear in the listings | **missed**")):
        results = Results()
        results.preview, results.preview_articles = preview, 2000
        targets = render(results, {"CPU": "test"}, args, 3, 600.0, None).split("## Targets", 1)[1]
        assert expected in targets
