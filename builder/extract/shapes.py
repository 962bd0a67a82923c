"""Shapes of lines that tell what a stretch of a pasted page is, for locating the article:
tables, numbered lists the article introduces, and lines the page prints twice.

    table = table_rows(sheet)           # rows of tab-separated tables
    items = introduced_list(sheet, f)   # a numbered list after a line f() accepts
    repeated = repeated_lines(sheet)    # teasers and share texts printed twice
"""
from __future__ import annotations

import re
from typing import Callable

from builder.extract.lines import Sheet

TABLE_MIN_ROWS = 3
LIST_MIN_ITEMS = 3
LIST_ITEM_GAP = 6  # lines from one numbered item to the next (a link or a note may sit between)
REPEAT_MIN_CHARS = 25  # shorter lines repeat by chance ("Share", "Read more")
_ITEM = re.compile(r"^\(?(\d{1,2})[.)]\s+\S")
_ITEM_START = "(0123456789"


def is_item(line: str) -> bool:
    """"1) ...", "2. ...", "(3) ...": a numbered list's item."""
    return _ITEM.match(line) is not None


def introduced_list(sheet: Sheet, introduces: Callable[[str], bool]) -> set[int]:
    """Lines of a numbered list (1, 2, 3 ... in order, LIST_MIN_ITEMS or more) whose first
    item follows a line that `introduces` it (running text ending in a colon), with the
    lines between its items (a link, a price)."""
    numbered = [(i, int(m[1])) for i, line in enumerate(sheet.lines)
                if line[:1] in _ITEM_START and (m := _ITEM.match(line))]
    items: set[int] = set()
    run: list[int] = []
    for i, number in [*numbered, (len(sheet.lines) + LIST_ITEM_GAP + 1, 0)]:
        if run and number == len(run) + 1 and i - run[-1] <= LIST_ITEM_GAP:
            run.append(i)
            continue
        if len(run) >= LIST_MIN_ITEMS:
            items.update(range(run[0], run[-1] + 1))
        above = next((sheet.lines[k] for k in range(i - 1, -1, -1) if sheet.lines[k]), "") if number == 1 else ""
        run = [i] if above and introduces(above) else []
    return items


def table_rows(sheet: Sheet) -> set[int]:
    """Lines of a table: runs of TABLE_MIN_ROWS or more non-blank lines with the same
    number (two or more) of tab-separated cells."""
    rows: set[int] = set()
    if not any("\t" in line for line in sheet.lines):
        return rows
    run: list[int] = []
    cells = 0
    for i, line in enumerate([*sheet.lines, "end"]):
        if not line:
            continue
        tabs = line.count("\t")
        if tabs >= 2 and tabs == cells:
            run.append(i)
            continue
        if len(run) >= TABLE_MIN_ROWS:
            rows.update(run)
        run, cells = ([i], tabs) if tabs >= 2 else ([], 0)
    return rows


def repeated_lines(sheet: Sheet) -> set[int]:
    """Lines printed at least twice in the page, not next to each other (teasers, share texts)."""
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(sheet.lines):
        if len(line) >= REPEAT_MIN_CHARS:
            seen.setdefault(line, []).append(i)
    repeated = set()
    for places in seen.values():
        if len(places) > 1 and any(b - a > 3 for a, b in zip(places, places[1:])):
            repeated.update(places)
    return repeated


def runs(positions: list[int], gap: int) -> list[list[int]]:
    """Sorted positions grouped where each lies within `gap` of the one before."""
    grouped: list[list[int]] = []
    for n in positions:
        if grouped and n - grouped[-1][-1] <= gap:
            grouped[-1].append(n)
        else:
            grouped.append([n])
    return grouped
