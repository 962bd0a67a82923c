"""Article text -> paragraphs and subheadings.

Handles blank-line separated text, one paragraph per line, and hard-wrapped text
(lines broken mid-sentence at a fixed width), which is re-joined.
"""
from __future__ import annotations

import re

from builder.extract.lines import Sheet
from builder.extract.dateline import read_dateline
from builder.extract.rules import Rules
from builder.extract.text import ends_with_terminal, is_title_case, starts_lowercase, word_count, words
from builder.models import Block

WRAP_MAX_WIDTH = 100  # wider lines are never hard-wrapped
WRAP_SLACK = 20  # a wrapped line is within this many characters of the width
_DASHES = "—–―-"
_CREDIT = re.compile(r"^[—–―-]\s+\S")  # "– Jo L.", "— Jo Lee (@jolee) May 4, 2019"
_HANDLE = re.compile(r"\(@\w{1,30}\)")
CREDIT_MAX_WORDS = 6  # a quote's credit is a name; an embedded post's (with its handle) also a date
EMBED_CREDIT_MAX_WORDS = 14


def body_blocks(sheet: Sheet) -> list[list[str]]:
    """Runs of consecutive free lines; blank and claimed lines end a run."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for i, line in enumerate(sheet.lines):
        if sheet.free(i):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def wrap_width(blocks: list[list[str]]) -> int | None:
    """The fixed width the text was hard-wrapped at, or None if it was not."""
    lengths = sorted(len(line) for block in blocks if len(block) > 1 for line in block)
    if len(lengths) < 4:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if n >= width - WRAP_SLACK)
    return width if width <= WRAP_MAX_WIDTH and near * 2 >= len(lengths) else None


def is_credit(line: str) -> bool:
    """A dash-led credit line: a quote's source ("– Jo L.") or an embedded post's author
    and date ("— Jo Lee (@jolee) May 4, 2019"); never a subheading."""
    if line[:1] not in _DASHES or not _CREDIT.match(line):
        return False
    limit = EMBED_CREDIT_MAX_WORDS if _HANDLE.search(line) else CREDIT_MAX_WORDS
    return word_count(line) <= limit


def _heading_like(line: str, rules: Rules) -> bool:
    return (2 <= word_count(line) <= rules.limits["heading_max_words"]
            and not ends_with_terminal(line) and (is_title_case(line) or line.isupper()))


def _short_heading(line: str, rules: Rules) -> bool:
    """A short sentence-case line that reads as a subheading, not as a clause that lost its
    full stop: "What happens to those sent back", "Why the talks stalled", "What happens next?"."""
    if not line[:1].isupper() or not 2 <= word_count(line) <= rules.limits["sentence_heading_max_words"]:
        return False
    if line.endswith("?"):
        return True
    if ends_with_terminal(line):
        return False
    tokens = [w.lower() for w in words(line)]
    return tokens[0] in rules.question_words or not any(w in rules.clause_verbs for w in tokens)


def _joins(before: str | None, a: str, b: str, width: int | None, rules: Rules) -> bool:
    """Does line b continue the paragraph that line a is part of? (`before` is the line above a)"""
    set_apart = before is None or ends_with_terminal(before)
    heading = _heading_like(a, rules) or set_apart and _short_heading(a, rules)
    if heading and not starts_lowercase(b) and read_dateline(a, rules) is None:  # a wire lead is no heading
        return False
    if width is not None:
        return not (len(a) < width - WRAP_SLACK and ends_with_terminal(a))
    return not ends_with_terminal(a) or starts_lowercase(b)


def split_paragraphs(block: list[str], width: int | None, rules: Rules) -> list[str]:
    paragraphs: list[list[str]] = [[block[0]]]
    for n, (previous, line) in enumerate(zip(block, block[1:])):
        if _joins(block[n - 1] if n else None, previous, line, width, rules):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [_join_lines(lines) for lines in paragraphs]


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and not text.endswith(" -") and line[:1].islower():
            text = text[:-1] + line  # a word hyphenated at the wrap
        else:
            text = f"{text} {line}"
    return text


def _full_paragraph(text: str, than: str) -> bool:
    return ends_with_terminal(text) and word_count(text) > word_count(than)


def _is_heading(paragraphs: list[str], n: int, rules: Rules) -> bool:
    """A title-case or all-caps line between paragraphs, or a short sentence-case line
    between two full paragraphs."""
    if not 0 < n < len(paragraphs) - 1:
        return False
    text = paragraphs[n]
    if is_credit(text) or "\t" in text:
        return False  # a credit line, a table's row
    if _heading_like(text, rules):
        return True
    return (_short_heading(text, rules) and _full_paragraph(paragraphs[n - 1], text)
            and _full_paragraph(paragraphs[n + 1], text))


def to_blocks(paragraphs: list[str], rules: Rules) -> tuple[Block, ...]:
    """Paragraphs, with subheadings between them as headings."""
    return tuple(Block("heading" if _is_heading(paragraphs, n, rules) else "paragraph", text)
                 for n, text in enumerate(paragraphs))
