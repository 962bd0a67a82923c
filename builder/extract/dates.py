"""Publication dates: date lines near the headline, and dateline month-days.

A month-day without a year gets a year only when the text proves it: a weekday
named in the lead fits exactly one year within the bounds of the years the text
mentions. Otherwise the caller keeps the date null and writes a note.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Union

from builder.extract.rules import Rules
from builder.models import PartialDate

DATE_LINE_MAX_CHARS = 120
Order = Union[str, None, Callable[[], Union[str, None]]]  # "dmy", "mdy", unknown, or how to find out
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")  # every full or month-year date holds its year's four digits
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
_ZONE = re.compile(r"\b(?:[A-Z]{2,4}T|GMT|UTC|KST|HKT|JST|BST|CET|CEST|IST|ET|PT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b")
_RESIDUE = re.compile(r"[\W\d_]+|\b(?:at|on|the|of|th|st|nd|rd)\b", re.I)


@dataclass(frozen=True)
class DateFinder:
    """Date regexes built once from the month names in the rules."""

    full: re.Pattern[str]  # month-first or day-first with a year, or ISO
    month_year: re.Pattern[str]
    month_day: re.Pattern[str]
    weekday: re.Pattern[str]
    label: re.Pattern[str]


@lru_cache(maxsize=8)
def _finder(months: tuple[str, ...], weekdays: tuple[str, ...], labels: tuple[str, ...]) -> DateFinder:
    mon = "|".join(sorted(months, key=len, reverse=True))
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
    year_end = r"(?:(?=\d{1,2}:\d\d)|(?!\d))"  # a time may be glued to the year: "20194:29 AM"
    full = (rf"\b(?P<m1>{mon})\.?\s+{day.format('d1')},?\s+(?P<y1>\d{{4}}){year_end}"
            rf"|\b{day.format('d2')}\.?\s+(?:(?:of|de)\s+)?(?P<m2>{mon})\.?,?\s+(?:de\s+)?(?P<y2>\d{{4}}){year_end}"
            r"|\b(?P<y3>\d{4})[-./](?P<m3>[01]?\d)[-./](?P<d3>[0-3]?\d)(?!\d)"
            r"|(?P<y5>\d{4})\s*[년年]\s*(?P<m5>[01]?\d)\s*[월月]\s*(?P<d5>[0-3]?\d)\s*[일日]")
    return DateFinder(
        full=re.compile(full, re.I),
        month_year=re.compile(rf"\b(?P<m>{mon})\.?,?\s+(?P<y>\d{{4}})(?!\d)", re.I),
        month_day=re.compile(rf"\b(?P<m>{mon})\.?\s+{day.format('d')}\b", re.I),
        weekday=re.compile(rf"\b(?P<w>{'|'.join(sorted(weekdays, key=len, reverse=True))})\b\.?", re.I),
        label=re.compile(rf"^\s*(?:{'|'.join(re.escape(x) for x in labels)})\b\s*(?:on|at)?\s*:?\s*", re.I),
    )


# Numeric day and month in either order: "27/09/2018", "13.11.2019", "11/19/19".
_NUMERIC = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])")


def _numeric_matches(text: str):
    """Numeric dates not glued to a longer number on the left ("1.2.3.2019" is none)."""
    if "/" not in text and "." not in text:
        return
    for match in _NUMERIC.finditer(text):
        before = text[match.start() - 1:match.start()]
        if not (before.isdigit() or before == "."):
            yield match


def numeric_order(text: str) -> str | None:
    """"dmy" or "mdy" when the page's own numeric dates prove which comes first (one of
    them has a day above 12); dotted dates are day-first unless the page proves otherwise."""
    orders = set()
    for match in _numeric_matches(text):
        a, b = int(match["a"]), int(match["b"])
        if a > 12 >= b:
            orders.add("dmy")
        elif b > 12 >= a:
            orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def _numeric(text: str, order: Order) -> PartialDate | None:
    match = next(_numeric_matches(text), None)
    if not match:
        return None
    a, b, year = int(match["a"]), int(match["b"]), match["y"]
    if a <= 12 and b <= 12 and callable(order):
        order = order()  # the page's evidence is read only when a date needs it
    if len(year) == 2:
        if match["sep"] != "/":
            return None
        year = f"20{year}"
    if a > 12 >= b or (order == "dmy" and a <= 12 and b <= 12) or (order is None and match["sep"] == "." and b <= 12):
        day, month = a, b
    elif b > 12 >= a or (order == "mdy" and a <= 12 and b <= 12):
        day, month = b, a
    else:
        return None  # 05/06/2019 with nothing on the page to tell the order
    try:
        return PartialDate(int(year), month, day)
    except (TypeError, ValueError):
        return None


_FINDERS: dict[int, tuple[Rules, DateFinder]] = {}


def finder(rules: Rules) -> DateFinder:
    """The date regexes for these rules, built on first use."""
    cached = _FINDERS.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = rules, _finder(tuple(rules.months), tuple(rules.weekdays), rules.date_labels)
        _FINDERS[id(rules)] = cached
    return cached[1]


def _build(rules: Rules, year: str, month: str, day: str | None) -> PartialDate | None:
    number = int(month) if month.isdigit() else rules.months.get(month.lower().rstrip("."))
    try:
        return PartialDate(int(year), number, int(day) if day else None)
    except (TypeError, ValueError):
        return None


def find_date(text: str, rules: Rules, order: Order = None) -> PartialDate | None:
    """The first full (day-precision) or month-year date in the text; `order` ("dmy",
    "mdy" or None) says how to read a numeric date whose day and month are both 12 or less."""
    if not _DIGIT.search(text):
        return None
    found = finder(rules)
    has_year = _FOUR_DIGITS.search(text) is not None  # without one, the slow searches below cannot match
    match = found.full.search(text) if has_year else None
    numeric = next(_numeric_matches(text), None)
    if numeric and (match is None or numeric.start() < match.start()):
        if date := _numeric(text, order):
            return date
    if match:
        g = match.groupdict()
        for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", "d3", "y3"), ("m5", "d5", "y5")):
            if g[y]:
                return _build(rules, g[y], g[m], g[d])
    match = found.month_year.search(text) if has_year else None
    return _build(rules, match["y"], match["m"], None) if match else None


def parse_date_line(line: str, rules: Rules, order: Order = None) -> tuple[PartialDate, bool] | None:
    """A line that is only a date (with label, weekday, time): (date, is_publication)."""
    if len(line) > DATE_LINE_MAX_CHARS or not _DIGIT.search(line):
        return None
    found = finder(rules)
    label = found.label.match(line)
    rest = line[label.end():] if label else line
    date = find_date(rest, rules, order)
    if date is None:
        return None
    for pattern in (found.full, _NUMERIC, found.month_year, _TIME, _ZONE, found.weekday, found.label):
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"\b(?:updated|published|posted|modified|last|first)\b", " ", rest, flags=re.I)
    if len(_RESIDUE.sub("", rest)) > 2:
        return None
    labelled = re.sub(r"\s+(?:on|at)$", "", label.group(0).strip(" :").lower()) if label else ""
    return date, not labelled or labelled in rules.date_published_labels


def labelled_month_day(part: str, rules: Rules) -> tuple[int, int] | None:
    """(month, day) of "Posted Nov 19, 6:51 AM": a publication label, a month-day without a
    year and nothing more than a time, a zone or a weekday."""
    found = finder(rules)
    label = found.label.match(part)
    if not label or _YEAR.search(part):
        return None
    labelled = re.sub(r"\s+(?:on|at)$", "", label.group(0).strip(" :").lower())
    rest = part[label.end():]
    md = month_day(rest, rules)
    if labelled not in rules.date_published_labels or md is None:
        return None
    for pattern in (found.month_day, _TIME, _ZONE, found.weekday):
        rest = pattern.sub(" ", rest)
    return md if len(_RESIDUE.sub("", rest)) <= 2 else None


def full_date_years(text: str, rules: Rules) -> list[int]:
    """The years of the full dates a text prints ("May 4, 2019", "2019-05-04")."""
    return [int(next(y for y in (m["y1"], m["y2"], m["y3"], m["y5"]) if y))
            for m in finder(rules).full.finditer(text)]


def years_mentioned(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def prove_year(month: int, day: int, lead: str, text: str, rules: Rules) -> int | None:
    """The one year, within the text's year bounds, whose month-day falls on the lead's weekday."""
    weekdays = {rules.weekdays[m["w"].lower()] for m in finder(rules).weekday.finditer(lead)
                if len(m["w"]) >= 6}  # full names only: "sat" and "sun" are also words
    years = years_mentioned(text)
    if len(weekdays) != 1 or not years:
        return None
    weekday = weekdays.pop()
    fits = []
    for year in range(min(years), max(years) + 1):
        try:
            if datetime.date(year, month, day).weekday() == weekday:
                fits.append(year)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


def month_day(text: str, rules: Rules) -> tuple[int, int] | None:
    match = finder(rules).month_day.search(text)
    if not match:
        return None
    month = rules.months.get(match["m"].lower())
    day = int(match["d"])
    return (month, day) if month and 1 <= day <= 31 else None
