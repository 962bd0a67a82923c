"""Small pieces of evidence around a headline candidate (used by title.py).

- widget lines between a headline and its byline (share counts, "New, 15 comments") and
  lines the rules removed (share bars) do not separate the headline from its cluster;
- a bare name line ("Jo Lee") under a headline is a byline when a date, the same name or
  the article follows it; a short line with a clock time ("Monday 6:30PM") is a time stamp;
- a line printed three times or more as a whole line is a label of a repeated block
  ("Post-workout meal"), not a headline;
- items of a teaser list repeat one shape (section, headline, date; section, headline,
  date; ...): a candidate whose lines around it repeat the shape of the lines above is one
  item of such a list, and the date under it is the item's own.
"""
from __future__ import annotations

import re

from builder.extract import dates
from builder.extract.lines import Sheet, looks_like_person
from builder.extract.rules import Rules
from builder.extract.text import word_count

# "858", "4.9K", "New, 15 comments", "1.2K shares": a widget's count.
_COUNTER = re.compile(r"[\W_]*(?:[^\W\d_]+,?\s+)?\d[\d.,]*\s*[KkMm]?\+?(?:\s+[^\W\d_]+)?[\W_]*")
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}"
_NAME_PAIR = re.compile(rf"{_NAME},? and {_NAME}(?: [A-Z][\w'’.-]*)*")  # "Jo Lee and Sam Park Example Herald"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?", re.I)
STAMP_MAX_WORDS = 6  # "Monday 6:30PM", "Friday 11:40 AM EST"
NAME_MAX_WORDS = 3  # a bare name line has two or three words
LABEL_MIN_LINES = 3  # printed this often as a whole line: a label of a repeated block
PERIODS = (2, 3, 4)  # lines per teaser-list item
LIST_ITEMS = 3  # items of the same shape make a list


def is_counter(line: str) -> bool:
    return word_count(line) <= 3 and bool(_COUNTER.fullmatch(line))


def skipped(sheet: Sheet, i: int) -> bool:
    """A line the rules removed (share bars, widgets) or a widget's count."""
    mark = sheet.marks[i]
    return (mark is not None and mark.dest == "removed") or is_counter(sheet.lines[i])


def near_lines(sheet: Sheet, index: int, step: int, count: int) -> list[int]:
    """The next `count` non-blank lines from `index` in direction `step`, over skipped lines."""
    found, i = [], index + step
    while 0 <= i < len(sheet.lines) and len(found) < count:
        if sheet.lines[i] and not skipped(sheet, i):
            found.append(i)
        i += step
    return found


def bare_name(line: str, rules: Rules) -> str | None:
    """"Jo Lee", "Jo Lee in Seoul": the name, when the line is nothing but a person's name."""
    for pattern in rules.head_bylines:
        match = pattern.match(line)
        if (match and word_count(match["name"]) <= NAME_MAX_WORDS and looks_like_person(match["name"], rules)
                and not any(w.lower() in rules.not_publishers for w in match["name"].split())):
            return match["name"]
    return None


def is_name_pair(line: str) -> bool:
    """Two names and nothing but capitalised words: a byline without "By"."""
    return bool(_NAME_PAIR.fullmatch(line))


def is_time_stamp(line: str) -> bool:
    return word_count(line) <= STAMP_MAX_WORDS and bool(_CLOCK.search(line))


def byline_name_at(sheet: Sheet, i: int, rules: Rules, is_dated) -> bool:
    """A bare name line followed right away by a date or time line, or by the same name again."""
    if not sheet.free(i) or bare_name(sheet.lines[i], rules) is None:
        return False
    following = plain_lines(sheet, i, 1, 1)
    return bool(following) and (sheet.lines[following[0]] == sheet.lines[i] or is_dated(following[0]))


def printed_as_label(sheet: Sheet, index: int) -> bool:
    """The line stands alone on the page at least LABEL_MIN_LINES times (its repeat right below aside)."""
    line = sheet.lines[index]
    whole = sum(1 for other in sheet.lines if other == line)
    following = sheet.next_nonblank(index)
    if following is not None and sheet.lines[following] == line:
        whole -= 1
    return whole >= LABEL_MIN_LINES


def _shape(sheet: Sheet, i: int, rules: Rules, headline_shaped) -> str:
    line, mark = sheet.lines[i], sheet.marks[i]
    if mark is not None and mark.reason == "date":
        return "date"
    if dates.find_date(line, rules, sheet.signals.order) is not None or is_time_stamp(line):
        return "date"
    if word_count(line) < rules.limits["headline_min_words"]:
        return "short"
    return "headline" if headline_shaped(line) else "text"


def in_repeating_list(sheet: Sheet, index: int, start: int, rules: Rules, headline_shaped,
                      cache: dict[int, str] | None = None) -> bool:
    """The candidate and the line under it lie in a run of at least LIST_ITEMS items of one
    shape (lines per item: a period), each holding a date: one item of a list of dated teasers."""
    reach = max(PERIODS) * LIST_ITEMS
    above = list(reversed(plain_lines(sheet, index, -1, reach)))
    below = [i for i in plain_lines(sheet, index, 1, reach) if i < start]
    if not below:
        return False
    cache = {} if cache is None else cache  # line -> shape, kept by a caller that asks about many lines
    shapes = [cache[i] if i in cache else cache.setdefault(i, _shape(sheet, i, rules, headline_shaped))
              for i in above + [index] + below]
    here = len(above)  # the candidate's position in `shapes`
    return any(_periodic_around(shapes, here, period) for period in PERIODS)


def _periodic_around(shapes: list[str], here: int, period: int) -> bool:
    same = [k >= period and shapes[k] == shapes[k - period] for k in range(len(shapes))]
    if not same[here + 1] and not (here + 1 + period < len(shapes) and same[here + 1 + period]):
        return False
    right = here + 1 if same[here + 1] else here + 1 + period  # a run of equal shapes through the item
    while right + 1 < len(shapes) and same[right + 1]:
        right += 1
    left = right
    while left - 1 >= 0 and same[left - 1]:
        left -= 1
    first = left - period  # the run's first line
    item = shapes[here - (here - first) % period: here - (here - first) % period + period]
    return first <= here and right - first + 1 >= period * LIST_ITEMS and "date" in item and "headline" in item


def plain_lines(sheet: Sheet, index: int, step: int, count: int) -> list[int]:
    """The next `count` non-blank lines from `index` in direction `step`, over widget counts."""
    found, i = [], index + step
    while 0 <= i < len(sheet.lines) and len(found) < count:
        if sheet.lines[i] and not is_counter(sheet.lines[i]):
            found.append(i)
        i += step
    return found
