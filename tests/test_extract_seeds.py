"""Acceptance: the five seed articles against tests/fixtures/expected.yml."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.extract import extract, load_rules
from builder.models import Extraction

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))
RULES = load_rules(ROOT / "site_config")


def _extract(name: str) -> Extraction:
    return extract((FIXTURES / "seeds" / name).read_text(encoding="utf-8"), RULES)


def _paragraphs(extraction: Extraction) -> list[str]:
    return [b.text for b in extraction.body if b.type == "paragraph"]


@pytest.fixture(params=sorted(EXPECTED), ids=lambda name: name[:3])
def seed(request: pytest.FixtureRequest) -> tuple[dict, Extraction]:
    return EXPECTED[request.param], _extract(request.param)


def test_title(seed: tuple[dict, Extraction]) -> None:
    expected, got = seed
    if expected["title"] is None:
        assert got.origins["title"] == "lead"
        assert got.title and len(got.title) <= 90
        assert expected["lead_starts"].startswith(got.title[:40])
    else:
        assert got.title == expected["title"]
        assert got.origins["title"] == "headline"


@pytest.mark.parametrize("field", ["publisher", "republished_by", "author", "dateline"])
def test_attribution_fields(seed: tuple[dict, Extraction], field: str) -> None:
    expected, got = seed
    assert getattr(got, field) == expected.get(field)


def test_paragraph_count_and_lead(seed: tuple[dict, Extraction]) -> None:
    expected, got = seed
    paragraphs = _paragraphs(got)
    assert len(paragraphs) == expected["body_paragraphs"]
    assert paragraphs[0].startswith(expected["lead_starts"])


def test_headings(seed: tuple[dict, Extraction]) -> None:
    expected, got = seed
    assert [b.text for b in got.body if b.type == "heading"] == expected["headings"]


def test_removed_text_not_in_body(seed: tuple[dict, Extraction]) -> None:
    expected, got = seed
    for prefix in expected["removed"]:
        assert not any(p.startswith(prefix) or p == prefix for p in _paragraphs(got)), prefix
    for text in (got.title or "", got.summary or ""):
        assert not any(text.startswith(prefix) for prefix in expected["removed"] if len(prefix) > 3)


def test_captions(seed: tuple[dict, Extraction]) -> None:
    expected, got = seed
    start = expected.get("caption_starts")
    if start:
        assert sum(c.startswith(start) for c in got.captions) == 1
        assert not (got.title or "").startswith(start)
        assert not (got.summary or "").startswith(start)


def test_every_line_accounted_for(seed: tuple[dict, Extraction]) -> None:
    """Each non-blank input line is in the title, evidence, body, captions or removed."""
    expected, got = seed
    name = next(n for n in EXPECTED if EXPECTED[n] is expected)
    text = (FIXTURES / "seeds" / name).read_text(encoding="utf-8")
    claimed = [r.text for r in (*got.removed, *got.evidence)] + list(got.captions)
    body = " ".join(b.text for b in got.body)
    for line in filter(None, (raw.strip() for raw in text.split("\n"))):
        assert line in claimed or line in body or _dateline_split(line, got, body), line


def _dateline_split(line: str, got: Extraction, body: str) -> bool:
    prefixes = [r.text for r in got.evidence if r.reason == "dateline"]
    return any(line.startswith(p) and line[len(p):].strip() in body for p in prefixes)


def test_date_stays_unproven_for_yonhap_seed() -> None:
    got = _extract("002_611522f5ae8394ba.txt")
    assert got.date is None
    assert any("Sept. 22" in note for note in got.notes.values())
