"""A quick test at the end of a line: the branches of a pattern that cannot end there are left out.

Most line patterns end with `$` ("(reporter|editor)$", ".{0,60}newsletters?$"): such a branch
can only match a line whose last character is one the branch can end with, and prose lines end
in "." where almost none of them can. For each last character the branches of a pattern that
can end there are joined again into a smaller pattern (built on first use, remembered per rules),
and a pattern none of whose branches can end there is skipped. Branches whose end this cannot
tell (no `$` at their end, a non-ASCII or negated character class there) are always kept, and a
line that ends in a non-ASCII character or a newline is tried with the whole pattern: the answer
is always the one the whole pattern gives.

    for rule, pattern in boilerplate_plan(rules, line):
        if pattern.match(line): ...
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from builder.extract.rules import LineRule, Rules

try:  # the parser of the standard `re` module (its syntax tree; private, so used with care)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another Python: every pattern is used whole
    _sre = _sre_parse = None

_ENDS = None if _sre is None else ((_sre.AT, _sre.AT_END), (_sre.AT, _sre.AT_END_STRING))
Chars = frozenset[str] | None  # the characters a branch may end with; None: any character
_PLANS: dict[int, tuple[Rules, dict[str, tuple]]] = {}
_JOINED: dict[tuple[str, int], re.Pattern[str]] = {}  # the smaller patterns (the same few for many characters)
ASCII = tuple(chr(c) for c in range(0x20, 0x7F))  # prepare() builds the plans of lines ending in these


def boilerplate_plan(rules: Rules, line: str) -> tuple[tuple[LineRule, re.Pattern[str]], ...]:
    """(group, the part of its pattern that can match this line) for the boilerplate groups, in order."""
    return _plan(rules, line)[0]


def credit_pattern(rules: Rules, line: str) -> re.Pattern[str] | None:
    """The part of rules.credit_line that can match this line (None: no part can)."""
    return _plan(rules, line)[1]


def chrome_plan(rules: Rules, line: str) -> tuple[re.Pattern[str], ...]:
    """Those of rules.chrome_outlets (whole, in order) that can match this line."""
    return _plan(rules, line)[2]


def prepare(rules: Rules, every_ending: bool = False) -> None:
    """Read the branches' endings now; with `every_ending` also build the plans for lines ending
    in any printable ASCII character (in a process about to fork workers, which then find them)."""
    for pattern in (*(rule.pattern for rule in rules.boilerplate), rules.credit_line, *rules.chrome_outlets):
        for source in rules.branches.get(pattern.pattern, (pattern.pattern,)):
            ending_chars(source, pattern.flags)
    for last in ASCII if every_ending else ():
        _plan(rules, last)


def _plan(rules: Rules, line: str) -> tuple:
    kept = _PLANS.get(id(rules))
    if kept is None or kept[0] is not rules:
        kept = rules, {}
        _PLANS[id(rules)] = kept
    last = line[-1:] if line[-1:] < "\x80" and line[-1:] != "\n" else ""  # "": the whole patterns
    plan = kept[1].get(last)
    if plan is None:
        groups = tuple((rule, part) for rule in rules.boilerplate
                       if (part := _part(rules, rule.pattern, last)) is not None)
        chrome = tuple(pattern for pattern in rules.chrome_outlets if _part(rules, pattern, last) is not None)
        plan = kept[1][last] = groups, _part(rules, rules.credit_line, last), chrome
    return plan


def _part(rules: Rules, pattern: re.Pattern[str], last: str) -> re.Pattern[str] | None:
    branches = rules.branches.get(pattern.pattern, (pattern.pattern,))  # a pattern not joined is one branch
    if not last or not branches:
        return pattern
    kept = [source for source in branches if (ends := ending_chars(source, pattern.flags)) is None or last in ends]
    if len(kept) == len(branches):
        return pattern
    if not kept:
        return None
    joined = "|".join(f"(?:{source})" for source in kept)
    found = _JOINED.get((joined, pattern.flags))
    if found is None:
        found = _JOINED[joined, pattern.flags] = re.compile(joined, pattern.flags)
    return found


@lru_cache(maxsize=4096)
def ending_chars(source: str, flags: int) -> Chars:
    """The ASCII characters (both cases) a match of the pattern may end with, when it ends
    with `$`; None when that cannot be told."""
    if _sre_parse is None or flags & (re.MULTILINE | re.VERBOSE):
        return None
    try:
        parsed = _sre_parse.parse(source, flags)
    except re.error:
        return None
    if parsed.state.flags & re.MULTILINE:  # "(?m)" in the pattern: `$` ends any line inside it
        return None
    items = list(parsed)
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        found: set[str] = set()
        for branch in items[0][1][1]:
            ends = _anchored_end(list(branch))
            if ends is None:
                return None
            found |= ends
        return frozenset(found)
    return _anchored_end(items)


def _anchored_end(items: list) -> Chars:
    if not items or items[-1] not in _ENDS:
        return None
    return _last_of(items[:-1])[0]


def _last_of(items: Iterable) -> tuple[Chars, bool]:
    """(characters the sequence's last consumed character may be, whether it may consume nothing)."""
    found: set[str] = set()
    for op, value in reversed(list(items)):
        chars, empty = _last_of_item(op, value)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _last_of_item(op, value) -> tuple[Chars, bool]:
    if op is _sre.LITERAL:
        return _both_cases((chr(value),)), False
    if op is _sre.IN:
        return _both_cases(_class_chars(value)), False
    if op is _sre.SUBPATTERN:
        return _last_of(value[3])
    if op is _sre.ATOMIC_GROUP:
        return _last_of(value)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        chars, empty = _last_of(value[2])
        return chars, empty or value[0] == 0
    if op is _sre.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in value[1]:
            chars, branch_empty = _last_of(branch)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or branch_empty
        return frozenset(found), empty
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return frozenset(), True  # consumes nothing
    return None, False  # any character, a back-reference, something unknown


def _class_chars(items) -> list[str] | None:
    chars: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL:
            chars.append(chr(value))
        elif op is _sre.RANGE and value[1] < 0x80:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:  # negated, a category (\w, \s), a range beyond ASCII
            return None
    return chars


def _both_cases(chars) -> Chars:
    """The characters in both cases; None beyond ASCII (case-insensitive matching there has
    more pairs than lower() and upper() tell)."""
    if chars is None or any(c >= "\x80" for c in chars):
        return None
    return frozenset(c.lower() for c in chars) | frozenset(c.upper() for c in chars)
