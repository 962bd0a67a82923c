"""One regex call instead of one per pattern: a quick test in front of each list of line patterns.

Classification tries several pattern lists of the rules (attributions, bylines, the
outlet named in a copyright line) on every line, and almost no line matches any of them.
A list's screen joins its patterns in one alternation with the captures left out: it
matches at the start of a line exactly when one of the list's patterns does, so a line
it rejects skips the list. Patterns that cannot be joined safely (back-references,
conditionals, flags of their own) get no screen and are tried one by one as before.

    found = first_match(rules.bylines, screens(rules)["bylines"], line)
"""
from __future__ import annotations

import re
from typing import Sequence

from builder.extract.rules import Rules

SCREENED = ("attribution", "bylines", "copyright_outlets")  # chrome_outlets: joined, they run slower
_CAPTURES = ("(?P<outlet>", "(?P<name>")  # what rules.py puts in for {outlet} and {name}
_UNJOINABLE = re.compile(r"\\\d|\(\?P=|\(\?\(|\\\(\?P<")  # numbered or named back-references, conditionals
_SCREENS: dict[int, tuple[Rules, dict[str, re.Pattern[str] | None]]] = {}


def screen(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches where any of `patterns` matches (None: they cannot be joined)."""
    sources = []
    for pattern in patterns:
        if pattern.flags != re.IGNORECASE | re.UNICODE or _UNJOINABLE.search(pattern.pattern):
            return None
        source = pattern.pattern
        for capture in _CAPTURES:
            source = source.replace(capture, "(?:")
        sources.append(f"(?:{source})")
    try:
        return re.compile("|".join(sources) or "(?!)", re.IGNORECASE)
    except re.error:  # a group name used twice, a flag that must come first
        return None


def screens(rules: Rules) -> dict[str, re.Pattern[str] | None]:
    """The screens of these rules' pattern lists, built on first use."""
    cached = _SCREENS.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = rules, {name: screen(getattr(rules, name)) for name in SCREENED}
        _SCREENS[id(rules)] = cached
    return cached[1]


def first_match(patterns: Sequence[re.Pattern[str]], screened: re.Pattern[str] | None,
                line: str) -> re.Match[str] | None:
    """The match of the first of `patterns` that matches the line's start."""
    if screened is not None and screened.match(line) is None:
        return None
    for pattern in patterns:
        if match := pattern.match(line):
            return match
    return None


def all_matches(patterns: Sequence[re.Pattern[str]], screened: re.Pattern[str] | None,
                line: str) -> list[re.Match[str]]:
    """The matches of every one of `patterns` that matches the line's start, in order."""
    if screened is not None and screened.match(line) is None:
        return []
    return [match for pattern in patterns if (match := pattern.match(line))]
