"""How well the builder reads articles out of real pages (`make bench-extract`).

    python -m benchmarks.extraction [CORPUS] [--html] [--worst N] [--json FILE]

CORPUS is a folder in the aeb corpus format: `text/<id>.txt` (pasted page text),
optionally `html/<id>.html.gz` (the saved page), and `gold.json` (per id: title, date,
date_plausible, publisher, publisher_aliases, author, body). Each page goes through the
same library path as `builder explain --json`; the scores follow the corpus README
(see benchmarks/extraction_score.py). With --html the saved page is unzipped into a
temporary `<id>.html` file and read the same way.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.extraction_score import FIELDS, PageScore, body_totals, failed_page, score_page
from builder.config import default_config_dir
from builder.pipeline import explain_summary
from builder.process import Reader

DEFAULT_CORPORA = ("../shared/corpora/aeb-dev", "../../shared/corpora/aeb-dev")
VERDICTS = ("correct", "partial", "missing", "WRONG", "none")


def default_corpus() -> Path | None:
    return next((Path(c) for c in DEFAULT_CORPORA if (Path(c) / "gold.json").is_file()), None)


def page_files(corpus: Path, html: bool, workdir: Path) -> dict[str, Path]:
    """Page id -> the file the builder reads (html pages unzipped into `workdir`)."""
    if not html:
        return {p.stem: p for p in sorted((corpus / "text").glob("*.txt"))}
    files = {}
    for packed in sorted((corpus / "html").glob("*.html.gz")):
        page = packed.name[: -len(".html.gz")]
        target = workdir / f"{page}.html"
        target.write_bytes(gzip.decompress(packed.read_bytes()))
        files[page] = target
    return files


def read_out(path: Path, config_dir: Path, reader: Reader) -> tuple[dict | None, str | None, float]:
    """(explain summary, error, seconds) for one file."""
    start = time.perf_counter()
    try:
        summary = explain_summary(path, config_dir, reader)
        error = None
    except Exception as exc:  # noqa: BLE001 - a crash on one page is scored and reported, not fatal
        summary, error = None, f"{type(exc).__name__}: {exc}"
    return summary, error, time.perf_counter() - start


def run(corpus: Path, html: bool = False, config_dir: Path | None = None) -> list[PageScore]:
    """Read and score every page of the corpus that has a gold record."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    config_dir = config_dir or default_config_dir()
    reader = Reader(config_dir)
    scores = []
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        for page, path in page_files(corpus, html, Path(tmp)).items():
            if page not in gold:
                continue
            summary, error, seconds = read_out(path, config_dir, reader)
            score = score_page(summary, gold[page], page) if summary else failed_page(gold[page], page, error)
            score.seconds = seconds
            scores.append(score)
    return scores


def field_counts(scores: list[PageScore]) -> dict[str, dict[str, int]]:
    return {name: {v: sum(1 for s in scores if s.fields.get(name) == v) for v in VERDICTS} for name in FIELDS}


def summary(scores: list[PageScore]) -> dict:
    stated_dates = [s for s in scores if "date" in s.stated]
    return {
        "pages": len(scores),
        "failed": sum(1 for s in scores if s.error),
        "body": body_totals(scores),
        "fields": field_counts(scores),
        "dates_correct_where_stated": (sum(1 for s in stated_dates if s.fields["date"] == "correct")
                                       / len(stated_dates) if stated_dates else 0.0),
        "dates_given_where_none_stated": sum(1 for s in scores if "date" not in s.stated
                                             and s.fields.get("date") == "WRONG"),
        "median_seconds": statistics.median(s.seconds for s in scores) if scores else 0.0,
    }


def report(scores: list[PageScore], corpus: Path, html: bool, worst: int) -> str:
    totals = summary(scores)
    n = totals["pages"] or 1
    body = totals["body"]
    lines = [
        f"Extraction on {corpus} ({'saved HTML' if html else 'pasted text'}): {totals['pages']} pages"
        + (f", {totals['failed']} not readable" if totals["failed"] else ""),
        f"body    F1 {body['f1']:.3f}   precision {body['precision']:.3f}   recall {body['recall']:.3f}",
        "",
        f"{'field':10} {'correct':>8} {'partial':>8} {'missing':>8} {'WRONG':>8} {'none':>6}   correct%  WRONG%",
    ]
    for name, counts in totals["fields"].items():
        lines.append(f"{name:10} " + " ".join(f"{counts[v]:>8}" for v in VERDICTS[:4])
                     + f" {counts['none']:>6}   {100 * counts['correct'] / n:7.1f}% {100 * counts['WRONG'] / n:6.1f}%")
    lines.append(f"dates correct on {100 * totals['dates_correct_where_stated']:.1f}% of the pages that state one; "
                 f"{totals['dates_given_where_none_stated']} of the date WRONG on pages that state none")
    lines.append(f"median time per article: {1000 * totals['median_seconds']:.1f} ms")
    lines += ["", f"worst {worst} pages (body F1; wrong fields):"]
    for score in sorted(scores, key=lambda s: (s.f1 - 0.2 * len(s.wrong), s.page))[:worst]:
        wrong = ", ".join(f"{f}={score.values.get(f)!r}" for f in score.wrong)
        lines.append(f"  {score.page[:12]}  F1 {score.f1:.2f}  P {score.precision or 0:.2f}  "
                     f"R {score.recall or 0:.2f}  {wrong}" + (f"  [{score.error}]" if score.error else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (text/, gold.json)")
    parser.add_argument("--html", action="store_true", help="read html/<id>.html.gz instead of text/")
    parser.add_argument("--config", type=Path, default=None, help="settings folder [default: site_config]")
    parser.add_argument("--worst", type=int, default=15, help="how many worst pages to list")
    parser.add_argument("--json", type=Path, default=None, help="also write per-page verdicts to FILE")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if corpus is None or not (corpus / "gold.json").is_file():
        print("No corpus: give a folder with text/ and gold.json", file=sys.stderr)
        return 2
    scores = run(corpus, args.html, args.config)
    print(report(scores, corpus, args.html, args.worst))
    if args.json:
        pages = [{"page": s.page, "f1": s.f1, "precision": s.precision, "recall": s.recall,
                  "fields": s.fields, "values": s.values, "error": s.error} for s in scores]
        args.json.write_text(json.dumps({"summary": summary(scores), "pages": pages}, indent=1,
                                        ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
