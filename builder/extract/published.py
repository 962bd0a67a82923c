"""Which date is the publication date: the dates printed near the article, not the page's.

Near means the head cluster (from a few lines above the headline to the first lines of
the article) and, failing that, the few lines after the article's last line ("First
published on ..."). A masthead's "today", an archive sidebar month or a related item's
date lies elsewhere and is never taken. An "Updated" date is not the publication date.
"""
from __future__ import annotations

import re
from typing import Callable

from builder.extract import dates
from builder.extract.extent import Extent
from builder.extract.lines import Sheet
from builder.extract.rules import Rules
from builder.extract.text import ends_sentence, word_count
from builder.models import PartialDate

ABOVE_HEADLINE = 3  # non-blank lines above the headline that still belong to its cluster
INTO_ARTICLE = 8  # non-blank lines of the article's start that may hold its byline or date
AFTER_ARTICLE = 6  # non-blank lines after the article's end ("First published on ...")
SHORT_LINE_CHARS = 160
FREE_LINE_MAX_WORDS = 15  # a date inside a longer line is the article's text, not its date
RUN_GAP = 8  # dated teaser items lie at most this many lines apart ...
RUN_STEP_SLACK = 1  # ... at an even step (give or take a line)
_EMBED = re.compile(r"\(@\w+\)")
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited|수정)\b", re.I)
_SEGMENT = re.compile(r"\s*[;·•|]\s*")  # "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM"
_COPYRIGHT_REASON = "copyright"


def _steps(sheet: Sheet, start: int, step: int, count: int) -> list[int]:
    found, i = [], start
    while 0 <= i < len(sheet.lines) and len(found) < count:
        if sheet.lines[i]:
            found.append(i)
        i += step
    return found


def head_cluster(sheet: Sheet, extent: Extent, title_at: int | None, head_lines: int) -> list[int]:
    """Line indexes from just above the headline (or the head window) into the article."""
    top = title_at if title_at is not None else extent.first
    above = _steps(sheet, top - 1, -1, ABOVE_HEADLINE if title_at is not None else head_lines)
    first = min(above) if above else top
    into = [i for i in _steps(sheet, extent.first, 1, INTO_ARTICLE) if i <= extent.last]
    return list(range(first, (max(into) if into else extent.first) + 1))


def _foot(sheet: Sheet, extent: Extent, rules: Rules) -> list[int]:
    """The few lines after the article, up to a list title ("Most read") or a comment thread."""
    foot = []
    for i in _steps(sheet, extent.last + 1, 1, AFTER_ARTICLE):
        mark = sheet.marks[i]
        if mark is not None and mark.reason in rules.list_title_reasons:
            break
        foot.append(i)
    return foot


def near_lines(sheet: Sheet, extent: Extent | None, title_at: int | None, rules: Rules) -> set[int] | None:
    """The head cluster and the lines just after the article (None when no extent was found)."""
    if extent is None:
        return None
    window = head_cluster(sheet, extent, None, int(rules.extent["head_lines"]))
    cluster = head_cluster(sheet, extent, title_at, int(rules.extent["head_lines"]))
    return set(window) | set(cluster) | set(_foot(sheet, extent, rules))


def _printed_date(sheet: Sheet, i: int, rules: Rules, order: str | None) -> PartialDate | None:
    """The date a short line near the headline prints (not inside a sentence, an embedded
    post's credit or an "Updated" part of the line)."""
    line = sheet.lines[i]
    if not line or len(line) > SHORT_LINE_CHARS:
        return None
    if sheet.free(i) and (ends_sentence(line) or word_count(line) > FREE_LINE_MAX_WORDS):
        return None  # a sentence of the article that mentions a date
    if _EMBED.search(line):
        return None  # an embedded post's credit: "— Jo Lee (@jolee) May 4, 2019"
    for part in _SEGMENT.split(line):
        if part and not _UPDATED.match(part) and (date := dates.find_date(part, rules, order)):
            return date
    return None


def _in_teaser_run(sheet: Sheet, i: int, date_at: Callable[[int], PartialDate | None]) -> bool:
    """Line i is one of three dated lines in a row set at an even step, not all of one day
    (a page printing its own date again is no list): a teaser list's dates."""
    span = range(max(0, i - 2 * RUN_GAP), min(len(sheet.lines), i + 2 * RUN_GAP + 1))
    found = {k: date_at(k) for k in span}
    dated = [k for k in span if k == i or found[k] is not None]
    at = dated.index(i)
    for a in range(max(0, at - 2), min(at, len(dated) - 3) + 1):
        first, second = dated[a + 1] - dated[a], dated[a + 2] - dated[a + 1]
        days = {found[k] for k in dated[a:a + 3]}
        if max(first, second) <= RUN_GAP and abs(first - second) <= RUN_STEP_SLACK and len(days) > 1:
            return True
    return False


def _candidates(sheet: Sheet, lines: list[int], rules: Rules, order: str | None) -> list[tuple[int, PartialDate]]:
    signalled = {i: (date, published) for i, date, published in sheet.signals.dates}
    printed: dict[int, PartialDate | None] = {}

    def date_at(k: int) -> PartialDate | None:
        if k not in printed:
            printed[k] = _printed_date(sheet, k, rules, order)
        return printed[k]

    found = []
    for i in lines:
        if i in signalled:
            date, published = signalled[i]
            if published and not _in_teaser_run(sheet, i, date_at):
                found.append((i, date))
            continue
        if (date := date_at(i)) and not _in_teaser_run(sheet, i, date_at):
            found.append((i, date))
    return found


def copyright_year(sheet: Sheet) -> int | None:
    """The latest year in the page's own copyright notice ("© 2005-2019 Name")."""
    years = [y for i, mark in enumerate(sheet.marks) if mark is not None and mark.reason == _COPYRIGHT_REASON
             for y in dates.years_mentioned(sheet.lines[i])]
    return max(years) if years else None


def posted_day(sheet: Sheet, extent: Extent | None, title_at: int | None,
               rules: Rules) -> tuple[PartialDate | None, int | None]:
    """("Posted Nov 19" near the headline, in the copyright's year, its line), when the page
    prints no full date later than that year (else the notice may be stale)."""
    year = copyright_year(sheet) if extent is not None else None
    if year is None:
        return None, None
    for i in head_cluster(sheet, extent, title_at, int(rules.extent["head_lines"])):
        for part in _SEGMENT.split(sheet.lines[i]) if len(sheet.lines[i]) <= SHORT_LINE_CHARS else ():
            if (found := dates.labelled_month_day(part, rules)) is None:
                continue
            if max(dates.full_date_years(sheet.signals.text, rules), default=year) > year:
                return None, None
            try:
                return PartialDate(year, *found), i
            except ValueError:
                return None, None
    return None, None


def updated_line(sheet: Sheet, extent: Extent | None, title_at: int | None, rules: Rules) -> str | None:
    """The "Updated ..." line of the head cluster, if that is the only date there."""
    if extent is None:
        return None
    cluster = head_cluster(sheet, extent, title_at, int(rules.extent["head_lines"]))
    return next((sheet.lines[i] for i in cluster if _UPDATED.match(sheet.lines[i])
                 and dates.find_date(sheet.lines[i], rules, sheet.signals.order)), None)


def publication_date(sheet: Sheet, extent: Extent | None, title_at: int | None,
                     rules: Rules, order: str | None) -> tuple[PartialDate | None, int | None]:
    """(the publication date, its line) from the head cluster, else from the article's foot."""
    if extent is None:
        found = sorted(sheet.signals.dates, key=lambda d: (not d[2], d[0]))
        return (found[0][1], found[0][0]) if found and found[0][2] else (None, None)
    cluster = head_cluster(sheet, extent, title_at, int(rules.extent["head_lines"]))
    anchor = title_at if title_at is not None else extent.first
    found = _candidates(sheet, cluster, rules, order)
    if not found:
        found = _candidates(sheet, _foot(sheet, extent, rules), rules, order)
    if not found:
        return None, None
    index, date = min(found, key=lambda f: (f[1].day is None, abs(f[0] - anchor)))
    return date, index
