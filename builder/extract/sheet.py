"""What line classification fills in: a `Sheet` of lines with a `Mark` per claimed line,
and the `Signals` (outlets, names, dates) collected on the way for the field cascades.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from builder.extract import dates
from builder.models import PartialDate


@dataclass(frozen=True)
class Mark:
    dest: str  # "title" | "evidence" | "caption" | "removed"
    reason: str  # rule name (removed), field name (evidence), "caption"/"alt-text"


@dataclass
class Signals:
    """Evidence for the field cascades, in reading order."""

    attribution: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)
    copyright: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    bylines: list[tuple[int, str]] = field(default_factory=list)
    follows: list[str] = field(default_factory=list)
    dates: list[tuple[int, PartialDate, bool]] = field(default_factory=list)
    text: str = ""
    _order: list[str | None] = field(default_factory=list)

    def order(self) -> str | None:
        """How the page writes numeric dates: "dmy", "mdy" or unknown (read on first use)."""
        if not self._order:
            self._order.append(dates.numeric_order(self.text))
        return self._order[0]


@dataclass
class Sheet:
    lines: list[str]
    marks: list[Mark | None]
    signals: Signals = field(default_factory=Signals)

    def free(self, i: int) -> bool:
        """A non-blank line no rule has claimed yet."""
        return bool(self.lines[i]) and self.marks[i] is None

    def next_nonblank(self, i: int) -> int | None:
        for j in range(i + 1, len(self.lines)):
            if self.lines[j]:
                return j
        return None
