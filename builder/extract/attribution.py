"""Author, publisher and republisher cascades from the collected signals.

Publisher, strongest first: an attribution line ("This post originally appeared at
X"), the outlet naming itself in its own chrome, a reporter's e-mail domain, a
masthead line, the wire agency in the dateline. An outlet the article merely cites
never reaches the signals, because only whole claimed lines are read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract.dateline import Dateline
from builder.extract.lines import looks_like_person
from builder.extract.rules import Rules
from builder.extract.sheet import Signals
from builder.extract.text import name_case


MASTHEAD_LINES = 3  # a name standing alone in the page's first lines is its masthead
SIGNED_LINE_MAX_WORDS = 8  # "written by Jo", "Posted by Jo on May 4": a short line
LEGAL_FORMS = frozenset("llc inc ltd pty gmbh plc".split())  # the legal form after a company's name
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z]{2})")  # "Jo LeeNEWSDESK": a label glued to the name


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
    bare = cleaned[4:] if cleaned.lower().startswith("the ") else cleaned
    return rules.alias_index.get(cleaned.lower(), rules.alias_index.get(bare.lower(), cleaned))


def _usable(name: str, rules: Rules) -> bool:
    """Not a month, a weekday, a common word or a bare number."""
    lowered = name.lower().strip()
    first = lowered.split()[0] if lowered.split() else ""
    return (len(lowered) >= 2 and any(c.isalpha() for c in lowered) and lowered not in rules.not_publishers
            and lowered.removeprefix("the ") not in rules.not_publishers
            and (first == "the" or first not in rules.not_publishers) and first.rstrip(".") not in rules.months
            and first not in rules.weekdays)



def is_company(name: str, rules: Rules) -> bool:
    """"Example Communications Inc.", "Example Holdings": a corporate owner's name."""
    return any(word.strip(".,&").lower() in rules.owner_words for word in name.split()[1:])


def _self_named(signals: Signals, page: str, rules: Rules) -> str | None:
    """The name the publication calls itself most often: its chrome lines, and a copyright
    holder that is not a company (the page's own mentions of each name add up)."""
    held = [n for n in signals.copyright if not is_company(n, rules) and not _signer(n, page)]
    printed = signals.chrome + held + [brand for n in signals.copyright if (brand := _brand(n, rules))]
    authors = {name.lower() for _, name in signals.bylines}  # "More from Jo Lee": the author's page
    names = [n for n in printed if _usable(n, rules) and n.lower() not in authors]
    if not names:
        return None
    lowered = page.lower()
    top = {line.strip().lower() for line in page.splitlines()[:MASTHEAD_LINES]}
    best = max(names, key=lambda n: (n.lower() in top, lowered.count(n.lower()), len(n)))
    # The most specific form: "Example Post Australia" over "Example Post".
    return canonical_outlet(max((n for n in names if best.lower() in n.lower()), key=len), rules)


def _signer(holder: str, page: str) -> bool:
    """"© Jo" with no year, and "written by Jo" on the page: the author's own notice, not the publication's."""
    name = re.escape(holder)
    signed = re.compile(rf"(?:^|\s)by:?\s+{name}\b", re.I)
    dated = re.compile(rf"(?:©|\(c\)|copyright)\D{{0,40}}(?:19|20)\d\d\D{{0,40}}{name}|{name}\D{{0,20}}(?:19|20)\d\d", re.I)
    lines = page.splitlines()
    return (any(signed.search(line) and len(line.split()) <= SIGNED_LINE_MAX_WORDS for line in lines)
            and not any(dated.search(line) for line in lines))


def _brand(holder: str, rules: Rules) -> str | None:
    """"Example, LLC", "Example Pty Ltd": one word and a legal form only, a company named after
    its publication, which is that word ("Example Media, LLC" names no publication)."""
    words = holder.replace(",", " ").split()
    while len(words) > 1 and words[-1].strip(".").lower() in LEGAL_FORMS:
        words.pop()
    if len(words) == 1 and words[0] != holder and words[0].lower() not in rules.owner_words:
        return words[0]
    return None


def owner_named(signals: Signals, rules: Rules) -> str | None:
    """A company named only by the copyright line (the publication's owner, not the publication)."""
    owners = [n for n in signals.copyright if is_company(n, rules) and _usable(n, rules)]
    return owners[0] if owners else None


def _domain_outlet(signals: Signals, rules: Rules) -> str | None:
    for domain in signals.domains:
        parts = domain.split(".")
        for start in range(len(parts) - 1):
            known = rules.domain_index.get(".".join(parts[start:]))
            if known:
                return known
    return None


def _outlet_line(page: str, rules: Rules) -> str | None:
    """A known outlet's name as a line of its own (the masthead or the footer's logo), not an agency's
    (an agency's name alone is a credit, often on a page that republishes it)."""
    for line in page.splitlines():
        key = line.strip().lower()
        if key in rules.alias_index and key not in rules.agency_index:
            return rules.alias_index[key]
    return None


def _publisher_candidates(signals: Signals, masthead: str | None, dateline: Dateline | None,
                          rules: Rules, page: str) -> list[tuple[str, str]]:
    attributed = [canonical_outlet(n, rules) for n in signals.attribution if _usable(n, rules)]
    return [(name, origin) for name, origin in (
        (attributed[0] if attributed else None, "attribution"),
        (_self_named(signals, page, rules), "chrome"),
        (_domain_outlet(signals, rules), "email-domain"),
        (masthead, "masthead"),
        (_outlet_line(page, rules), "outlet-line"),
        (dateline.agency if dateline else None, "dateline"),
    ) if name]


def read_attribution(signals: Signals, masthead: str | None, dateline: Dateline | None,
                     rules: Rules, page: str = "", near: set[int] | None = None) -> Attribution:
    """Publisher and author; `near` (the lines of the headline cluster and the article's
    start and foot) limits where a byline may stand (None: anywhere)."""
    candidates = _publisher_candidates(signals, masthead, dateline, rules, page)
    publisher, origin = candidates[0] if candidates else (None, None)
    republished_by = None
    if origin == "attribution":
        hosts = [name for name, source in candidates[1:] if source in ("chrome", "masthead")]
        republished_by = next((h for h in hosts if h != publisher), None)
    author, author_origin = _author(signals, near, rules)
    return Attribution(publisher, origin, republished_by, author, author_origin)


def _author(signals: Signals, near: set[int] | None, rules: Rules) -> tuple[str | None, str | None]:
    """A byline near the headline or the article first (naming a person: "by Valley News Weekly"
    names an outlet), then a reporter's social "Follow NAME" line."""
    bylines = [name for i, name in signals.bylines if (near is None or i in near) and looks_like_person(name, rules)]
    if bylines:
        return name_case(_unglued(bylines[0].strip())), "byline"
    if signals.follows:
        return name_case(signals.follows[0].strip()), "social"
    return None, None


def _unglued(name: str) -> str:
    """The name without a label pasted onto its last word ("Jo LeeCNN" -> "Jo Lee")."""
    return _GLUED.split(name, 1)[0] if _GLUED.search(name) else name
