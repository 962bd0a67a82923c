"""Author, publisher and republisher cascades from the collected signals.

Publisher, strongest first: an attribution line ("This post originally appeared at
X"), the outlet naming itself in its own chrome, a reporter's e-mail domain, a
masthead line, the wire agency in the dateline. An outlet the article merely cites
never reaches the signals, because only whole claimed lines are read.
"""
from __future__ import annotations

from dataclasses import dataclass

from builder.extract.dateline import Dateline
from builder.extract.lines import Signals
from builder.extract.rules import Rules
from builder.extract.text import name_case


@dataclass(frozen=True)
class Attribution:
    publisher: str | None = None
    publisher_origin: str | None = None
    republished_by: str | None = None
    author: str | None = None
    author_origin: str | None = None


def canonical_outlet(name: str, rules: Rules) -> str:
    """Full name for a known alias ("Yonhap" -> "Yonhap News Agency"), else as printed."""
    cleaned = name.strip().rstrip(".,;:")
    return rules.alias_index.get(cleaned.lower(), cleaned)


def _chrome_outlet(signals: Signals, rules: Rules) -> str | None:
    """The most specific self-named outlet ("Business Insider Australia" over "Business Insider")."""
    names = [canonical_outlet(n, rules) for n in signals.chrome]
    return max(names, key=len) if names else None


def _domain_outlet(signals: Signals, rules: Rules) -> str | None:
    for domain in signals.domains:
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            known = rules.domain_index.get(".".join(parts[start:]))
            if known:
                return known
    return None


def _publisher_candidates(signals: Signals, masthead: str | None, dateline: Dateline | None,
                          rules: Rules) -> list[tuple[str, str]]:
    attributed = [canonical_outlet(n, rules) for n in signals.attribution]
    return [(name, origin) for name, origin in (
        (attributed[0] if attributed else None, "attribution"),
        (_chrome_outlet(signals, rules), "chrome"),
        (_domain_outlet(signals, rules), "email-domain"),
        (masthead, "masthead"),
        (dateline.agency if dateline else None, "dateline"),
    ) if name]


def read_attribution(signals: Signals, masthead: str | None, dateline: Dateline | None,
                     rules: Rules) -> Attribution:
    candidates = _publisher_candidates(signals, masthead, dateline, rules)
    publisher, origin = candidates[0] if candidates else (None, None)
    republished_by = None
    if origin == "attribution":
        hosts = [name for name, source in candidates[1:] if source in ("chrome", "masthead")]
        republished_by = next((h for h in hosts if h != publisher), None)
    author, author_origin = _author(signals)
    return Attribution(publisher, origin, republished_by, author, author_origin)


def _author(signals: Signals) -> tuple[str | None, str | None]:
    """A byline first, then a reporter's social "Follow NAME" line."""
    if signals.bylines:
        return name_case(signals.bylines[0][1].strip()), "byline"
    if signals.follows:
        return name_case(signals.follows[0].strip()), "social"
    return None, None
