"""Wire datelines: "SEOUL, Sept. 22 (Yonhap) -- ...", "GENEVA (22 September 2023) – ...".

The place goes to `dateline`, the agency (by its full name from the outlet data)
is a publisher candidate, the month-day or date is date evidence, and the prefix
is cut from the first paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import dates
from builder.extract.rules import Rules
from builder.models import PartialDate

_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,3}"
    r"(?:,[ \t]*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?)"
    r"(?:,[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?))?"
    r"[ \t]*(?:\((?P<paren>[^()\n]{1,40})\))?"
    r"[ \t]*(?P<dash>--|[—–―-]|:)[ \t]+"
)


@dataclass(frozen=True)
class Dateline:
    place: str
    prefix: str  # the text cut from the paragraph
    agency: str | None = None  # full name
    date: PartialDate | None = None  # a full date printed in the dateline
    month_day: tuple[int, int] | None = None  # a month-day printed without a year


def read_dateline(paragraph: str, rules: Rules) -> Dateline | None:
    """The dateline at the start of the first paragraph, or None."""
    match = _DATELINE.match(paragraph[:160])
    if not match:
        return None
    place, paren, printed = match["place"], match["paren"], match["date"]
    agency = rules.agency_index.get(paren.strip().lower()) if paren else None
    paren_date = dates.find_date(paren, rules) if paren and not agency else None
    if paren and not agency and not paren_date:
        return None  # "(Photo)", "(L)": not a dateline
    if match["dash"] == ":" and not (agency or paren_date):
        return None
    month_day = dates.month_day(printed, rules) if printed else None
    if printed and month_day is None:
        return None  # "Kim, Friday -": not a month
    letters = [c for c in place if c.isalpha()]
    if not (agency or paren_date or month_day) and not all(c.isupper() for c in letters):
        return None  # an ordinary sentence with a dash
    full = dates.find_date(printed, rules) if printed else paren_date
    return Dateline(
        place=place.strip(),
        prefix=match.group(0),
        agency=agency,
        date=full or paren_date,
        month_day=None if full else month_day,
    )
