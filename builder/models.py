"""The typed objects passed between pipeline stages.

RawDocument (read) -> Extraction (extract) + Header (read) -> Article (merge)
-> Knowledge attached (enrich) -> slug given (address) -> resolve.Site (resolve)
-> Page (render) -> files in docs/ (write).
Value objects only: no I/O, no heuristics.
"""
from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass, field
from pathlib import Path

DATE_PRECISIONS = ("year", "month", "day")


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Dates sort by their first possible day; a less precise date sorts before a more
    precise one of the same period ("2012" < "2012-02" < "2012-02-14").
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is out of range")

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        """"2012", "2012-02" or "2012-02-14"."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def human(self) -> str:
        """"2012", "February 2012" or "14 February 2012"."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    @classmethod
    def parse_iso(cls, text: str) -> "PartialDate":
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError otherwise."""
        pieces = text.strip().split("-")
        if not 1 <= len(pieces) <= 3 or not all(p.isdigit() for p in pieces):
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        if len(pieces[0]) != 4 or any(len(p) != 2 for p in pieces[1:]):
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        numbers = [int(p) for p in pieces] + [None] * (3 - len(pieces))
        return cls(numbers[0], numbers[1], numbers[2])


@dataclass(frozen=True)
class Message:
    """One line of the build report about one input file."""

    level: str  # "warning" | "error" | "info"
    text: str
    line: int | None = None  # 1-based line in the input file, when known


@dataclass(frozen=True)
class Header:
    """The curator's YAML header, validated. None means "not given"."""

    title: str | None = None
    date: PartialDate | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    topics: tuple[str, ...] = ()
    slug: str | None = None
    language: str | None = None
    draft: bool = False
    key_lines: tuple[tuple[str, int], ...] = ()  # (key, line in the file) for messages

    def line_of(self, key: str) -> int | None:
        return dict(self.key_lines).get(key)


@dataclass(frozen=True)
class RawDocument:
    """One input file, decoded: the header split off, the text normalised (NFC, \\n)."""

    path: Path  # as given on disk
    rel_path: str  # relative to the content folder, POSIX style
    text: str  # the article text below the header
    encoding: str  # what the bytes were decoded from
    header: Header = field(default_factory=Header)
    header_line_count: int = 0  # lines taken by the header, to map text lines to file lines
    messages: tuple[Message, ...] = ()
    digest: str = ""  # fingerprint of the file's path and bytes (the cache key)
    kind: str = "text"  # "text" (pasted text) | "page" (a saved web page: text is its HTML until extracted)


@dataclass(frozen=True)
class Block:
    """One body element, in reading order."""

    type: str  # "paragraph" | "heading"
    text: str


@dataclass(frozen=True)
class Removed:
    """A line taken out of the body, and the named rule that took it."""

    text: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    """What the text alone says. Empty fields mean "not found"; origins name the evidence."""

    title: str | None = None
    summary: str | None = None
    publisher: str | None = None
    republished_by: str | None = None
    author: str | None = None
    dateline: str | None = None
    date: PartialDate | None = None
    url: str | None = None  # the page's own address (saved pages: canonical link, og:url, ...)
    body: tuple[Block, ...] = ()
    captions: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    evidence: tuple[Removed, ...] = ()  # lines consumed as title/byline/dateline/date evidence
    origins: dict[str, str] = field(default_factory=dict)  # field -> "headline", "lead", ...
    notes: dict[str, str] = field(default_factory=dict)  # field -> what extraction was unsure about


@dataclass(frozen=True)
class Quote:
    speaker: str  # canonical person name
    text: str
    paragraph: int  # 1-based paragraph number (the #pN anchor)


@dataclass(frozen=True)
class Figure:
    stated: str  # the number as the text states it: "more than 500"
    low: int
    high: int | None  # None: open-ended ("over 2,000"); equal to low when exact
    counts: str  # what is counted: "North Koreans deported"
    paragraph: int


@dataclass(frozen=True)
class Knowledge:
    """What the vocabularies (and discovery) find in one article."""

    topics: tuple[str, ...] = ()  # topic names, canonical
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    detected_people: tuple[str, ...] = ()  # people found outside the vocabulary (also in people)
    detected_organizations: tuple[str, ...] = ()  # likewise (also in organizations)
    detected_places: tuple[str, ...] = ()  # likewise (also in places)
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article as the site publishes it: header values over extracted ones."""

    source: RawDocument
    slug: str
    title: str
    date: PartialDate | None
    publisher: str | None
    republished_by: str | None
    author: str | None
    dateline: str | None
    url: str | None
    language: str
    summary: str | None
    body: tuple[Block, ...]
    captions: tuple[str, ...]
    removed: tuple[Removed, ...]
    origins: dict[str, str]  # field -> "header", "headline", "lead", "dateline", ...
    header_topics: tuple[str, ...] = ()
    knowledge: Knowledge = field(default_factory=Knowledge)
    previous_slugs: tuple[str, ...] = ()
    messages: tuple[Message, ...] = ()
    fingerprint: bytes = b""  # sampled shingle hashes of the body (syndication.values), to find copies

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.body if b.type == "paragraph")


@dataclass(frozen=True)
class Page:
    """One generated file, relative to docs/."""

    path: str  # POSIX path below docs/, e.g. "articles/x.md"
    content: bytes
