"""A curator's own byline, attribution and copyright patterns claim the same lines whether or
not classification can test a whole list at once (screens.py): back-references, a flag of a
pattern's own and a capture of the curator's own keep working."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.extract import load_rules
from builder.extract.lines import classify
from builder.extract.screens import screen, screens

BYLINES = [
    r"(by|from)( staff)?[: ]+{name}",  # groups of its own: joined, they would renumber the next one's
    r"{name} (\w+) \2$",  # a back-reference (group 1 is the name): "Mara Quill staff staff"
    r"(?x) filed \s by \s {name}",  # a flag of its own (verbose)
]
LINES = {
    "By Mara Quill": "Mara Quill",
    "Mara Quill staff staff": "Mara Quill",
    "Filed by Mara Quill": "Mara Quill",
    "Mara Quill staff writer": None,
    "Nobody wrote this line at all": None,
}


def _rules(tmp_path: Path, bylines: list[str]):
    lines = "\n".join(f"  - '{p}'" for p in bylines)
    (tmp_path / "extraction.yml").write_text(f"bylines:\n{lines}\n", encoding="utf-8")
    return load_rules(tmp_path)


@pytest.mark.parametrize("line, name", LINES.items())
def test_curators_bylines_claim_their_lines(tmp_path: Path, line: str, name: str | None) -> None:
    found = [n for _, n in classify(line, _rules(tmp_path, BYLINES)).signals.bylines]
    assert found == ([name] if name else [])


@pytest.mark.parametrize("bylines", [BYLINES[:1], BYLINES[:2], BYLINES[:1] + BYLINES[2:]])
@pytest.mark.parametrize("line", LINES)
def test_same_byline_as_trying_each_pattern(tmp_path: Path, bylines: list[str], line: str) -> None:
    rules = _rules(tmp_path, bylines)
    one_by_one = next((m["name"] for p in rules.bylines if (m := p.match(line))), None)
    assert [n for _, n in classify(line, rules).signals.bylines] == ([one_by_one] if one_by_one else [])


def test_only_plain_lists_are_screened(tmp_path: Path) -> None:
    assert screens(_rules(tmp_path, BYLINES[:1]))["bylines"] is not None
    assert screens(_rules(tmp_path, BYLINES[:2]))["bylines"] is None  # the back-reference would point elsewhere
    assert screens(_rules(tmp_path, BYLINES[:1] + BYLINES[2:]))["bylines"] is None  # (?x) only leads a whole pattern
    assert screen(()) is not None and screen(()).match("anything") is None
