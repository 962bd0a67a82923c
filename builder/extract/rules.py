"""Load and validate `site_config/extraction.yml` into compiled, typed rules.

All problems are collected first and raised once as a ConfigError that names the
file and the key of each problem (as MkDocs' Config.validate does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.errors import ConfigError
from builder.extract.outlets import Outlet, outlet_indexes
from builder.settings import Document, Problems, problem, read, unknown_key

RULES_FILE = "extraction.yml"

# Placeholders a curator may use inside patterns. Bounded repeats, no nesting:
# safe on very long lines.
_UPPER = "(?-i:[A-Z])"
_OUTLET_WORD = rf"{_UPPER}[\w&'’-]*(?:\.[\w&'’-]+)*"  # "Insider", "N.K" (no final dot)
_OUTLET = rf"(?:the )?{_OUTLET_WORD}(?: (?:of|for|and|the|on|&|{_OUTLET_WORD})){{0,6}}"
_NAME = rf"{_UPPER}[\w'’.-]*(?:[ \t]+(?:de |van |von |bin |al-)?{_UPPER}[\w'’.-]*){{1,3}}"
_PLACEHOLDERS = {"{outlet}": _OUTLET, "{name}": _NAME}
_CAPTURES = {"{outlet}": f"(?P<outlet>{_OUTLET})", "{name}": f"(?P<name>{_NAME})"}

LIMIT_DEFAULTS = {
    "headline_min_words": 4,
    "headline_max_words": 30,
    "heading_max_words": 12,
    "sentence_heading_max_words": 9,
    "standfirst_max_words": 45,
    "title_max_chars": 90,
    "trailing_list_min_lines": 3,
    "rule_max_chars": 1000,
    "boilerplate_max_chars": 400,
}
EXTENT_DEFAULTS = {  # evidence weights for locating the article (extent.py)
    "short_line_cost": 8,
    "removed_line_cost": 4,
    "list_title_cost": 12,
    "teaser_share": 0.3,
    "prose_min_words": 8,
    "prose_cap_words": 80,
    "head_lines": 12,
    "inline_list_min_lines": 3,
}


@dataclass(frozen=True)
class LineRule:
    """A named group of boilerplate patterns (the name is the removal reason)."""

    name: str
    pattern: re.Pattern[str]
    continues: re.Pattern[str] | None = None
    ends_article: bool = False
    stops_article: bool = False  # the article never runs on past this line (comment threads)
    ends_story: bool = False  # the story ends here even when paragraph-like lines follow (wire end marks)
    may_be_headline: bool = False  # a short line of this group may be the headline (section labels)


@dataclass(frozen=True)
class Rules:
    """Every heuristic vocabulary extraction uses, compiled once."""

    boilerplate: tuple[LineRule, ...]
    credit_line: re.Pattern[str]
    caption_leading: re.Pattern[str]
    caption_trailing: re.Pattern[str]
    caption_phrase: re.Pattern[str]
    alt_text_max_words: int
    attribution: tuple[re.Pattern[str], ...]
    chrome_outlets: tuple[re.Pattern[str], ...]
    copyright_outlets: tuple[re.Pattern[str], ...]
    owner_words: frozenset[str]
    not_publishers: frozenset[str]
    social_follow: re.Pattern[str]
    outlet_words: frozenset[str]
    bylines: tuple[re.Pattern[str], ...]
    organisation_bylines: tuple[re.Pattern[str], ...]
    head_bylines: tuple[re.Pattern[str], ...]
    byline_affiliations: re.Pattern[str]
    clause_verbs: frozenset[str]
    question_words: frozenset[str]
    title_tags: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    date_labels: tuple[str, ...]
    date_published_labels: tuple[str, ...]
    outlets: tuple[Outlet, ...]
    limits: dict[str, int]
    extent: dict[str, float]
    list_title_reasons: frozenset[str]  # boilerplate groups that end the article (list titles)
    stop_reasons: frozenset[str]  # boilerplate groups the article never runs past
    story_end_reasons: frozenset[str]  # boilerplate groups after which nothing is the story
    headline_reasons: frozenset[str]  # boilerplate groups whose short lines may be the headline
    alias_index: dict[str, str] = field(default_factory=dict)  # lower alias -> name
    agency_index: dict[str, str] = field(default_factory=dict)  # lower alias -> name
    domain_index: dict[str, str] = field(default_factory=dict)  # domain -> name
    branches: dict[str, tuple[str, ...]] = field(default_factory=dict)  # joined pattern -> its patterns (endings.py)


class _Loader:
    """Reads one YAML mapping and records every problem with its key."""

    def __init__(self, document: Document, data: dict[str, Any]):
        self.document, self.data, self.problems, self.branches = document, data, [], {}

    def fail(self, key: str, message: str) -> None:
        self.problems.append(problem(self.document, key, message))

    def strings(self, key: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            self.fail(key, "expected a list of strings")
            return []
        return [str(v) for v in value]

    def compile(self, key: str, source: str, capture: bool) -> re.Pattern[str] | None:
        expanded = source
        for holder, text in (_CAPTURES if capture else _PLACEHOLDERS).items():
            expanded = expanded.replace(holder, text, 1 if capture else -1)
        try:
            return re.compile(expanded, re.IGNORECASE)
        except re.error as error:
            self.fail(key, f"bad regular expression {source!r}: {error}")
            return None

    def alternation(self, key: str, sources: list[str]) -> re.Pattern[str]:
        parts = tuple(p.pattern for i, s in enumerate(sources) if (p := self.compile(f"{key}[{i}]", s, capture=False)))
        joined = "|".join(f"(?:{part})" for part in parts) or r"(?!)"
        self.branches[joined] = parts  # endings.py joins again the parts that can end a line
        return re.compile(joined, re.IGNORECASE)

    def pattern_list(self, key: str) -> tuple[re.Pattern[str], ...]:
        sources = self.strings(key, self.data.get(key, []))
        compiled = (self.compile(f"{key}[{i}]", s, capture=True) for i, s in enumerate(sources))
        return tuple(p for p in compiled if p is not None)

    def section(self, key: str) -> dict[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            self.fail(key, "expected a mapping")
            return {}
        return value


def _boilerplate(loader: _Loader) -> tuple[LineRule, ...]:
    groups = loader.data.get("boilerplate", [])
    if not isinstance(groups, list):
        loader.fail("boilerplate", "expected a list of groups")
        return ()
    rules = []
    for i, group in enumerate(groups):
        key = f"boilerplate[{i}]"
        if not isinstance(group, dict) or not isinstance(group.get("name"), str):
            loader.fail(key, "expected a mapping with a 'name'")
            continue
        known = ("name", "patterns", "continues", "ends_article", "stops_article", "ends_story", "may_be_headline")
        for unknown in sorted(set(group) - set(known), key=str):
            loader.fail(f"{key}.{unknown}", unknown_key(unknown, known))
        patterns = loader.strings(f"{key}.patterns", group.get("patterns", []))
        continues = loader.strings(f"{key}.continues", group.get("continues", []))
        rules.append(LineRule(
            name=group["name"],
            pattern=loader.alternation(f"{key}.patterns", patterns),
            continues=loader.alternation(f"{key}.continues", continues) if continues else None,
            ends_article=bool(group.get("ends_article", False)),
            stops_article=bool(group.get("stops_article", False)),
            ends_story=bool(group.get("ends_story", False)),
            may_be_headline=bool(group.get("may_be_headline", False)),
        ))
    return tuple(rules)


def _numbered_words(loader: _Loader, key: str, low: int, high: int) -> dict[str, int]:
    index: dict[str, int] = {}
    for number, words in loader.section(key).items():
        if not isinstance(number, int) or not low <= number <= high:
            loader.fail(f"{key}.{number}", f"expected a number from {low} to {high}")
            continue
        for word in loader.strings(f"{key}.{number}", words):
            index[word.lower()] = number
    return index


def _outlets(loader: _Loader) -> tuple[Outlet, ...]:
    entries = loader.data.get("outlets", [])
    if not isinstance(entries, list):
        loader.fail("outlets", "expected a list")
        return ()
    outlets = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            loader.fail(f"outlets[{i}]", "expected a mapping with a 'name'")
            continue
        outlets.append(Outlet(
            name=entry["name"],
            aliases=tuple(loader.strings(f"outlets[{i}].aliases", entry.get("aliases", []))),
            domains=tuple(loader.strings(f"outlets[{i}].domains", entry.get("domains", []))),
            agency=bool(entry.get("agency", False)),
        ))
    return tuple(outlets)


def _numbers(loader: _Loader, section: str, defaults: dict, kind: type) -> dict:
    """A section of named positive numbers (whole numbers when `kind` is int)."""
    numbers = dict(defaults)
    for key, value in loader.section(section).items():
        if key not in defaults:
            loader.fail(f"{section}.{key}", unknown_key(key, tuple(defaults)))
        elif not isinstance(value, (int, kind)) or isinstance(value, bool) or value <= 0:
            loader.fail(f"{section}.{key}", f"expected a positive {'whole ' if kind is int else ''}number, got {value!r}")
        else:
            numbers[key] = value
    return numbers


def _caption_group(loader: _Loader, captions: dict[str, Any], key: str) -> re.Pattern[str]:
    name = f"captions.{key}"
    return loader.alternation(name, loader.strings(name, captions.get(key, [])))


def _word_set(loader: _Loader, section: str, key: str) -> frozenset[str]:
    words = loader.strings(f"{section}.{key}", loader.section(section).get(key, []))
    return frozenset(w.lower() for w in words)


def _top_words(loader: _Loader, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in loader.strings(key, loader.data.get(key, [])))


def _byline_rules(loader: _Loader) -> dict[str, Any]:
    social = loader.data.get("social_follow", "(?!)")
    return {
        "social_follow": loader.compile("social_follow", str(social), capture=True) or re.compile("(?!)"),
        "outlet_words": _top_words(loader, "outlet_words"),
        "bylines": loader.pattern_list("bylines"),
        "organisation_bylines": loader.pattern_list("organisation_bylines"),
        "head_bylines": loader.pattern_list("head_bylines"),
        "byline_affiliations": loader.alternation("byline_affiliations", loader.strings(
            "byline_affiliations", loader.data.get("byline_affiliations", []))),
    }


def _build(loader: _Loader) -> Rules:
    captions = loader.section("captions")
    outlets = _outlets(loader)
    aliases, agencies, domains = outlet_indexes(outlets)
    labels = loader.strings("date_labels", loader.data.get("date_labels", []))
    published = loader.strings("date_published_labels", loader.data.get("date_published_labels", []))
    boilerplate = _boilerplate(loader)
    return Rules(
        boilerplate=boilerplate,
        credit_line=_caption_group(loader, captions, "credit_lines"),
        caption_leading=_caption_group(loader, captions, "leading"),
        caption_trailing=_caption_group(loader, captions, "trailing"),
        caption_phrase=_caption_group(loader, captions, "phrases"),
        alt_text_max_words=int(captions.get("alt_text_max_words", 8)),
        attribution=loader.pattern_list("attribution"),
        chrome_outlets=loader.pattern_list("chrome_outlets"),
        copyright_outlets=loader.pattern_list("copyright_outlets"),
        owner_words=_top_words(loader, "owner_words"),
        not_publishers=_top_words(loader, "not_publishers"),
        **_byline_rules(loader),
        clause_verbs=_word_set(loader, "subheadings", "clause_verbs"),
        question_words=_word_set(loader, "subheadings", "question_words"),
        title_tags=loader.alternation("title_tags", loader.strings(
            "title_tags", loader.data.get("title_tags", []))),
        months=_numbered_words(loader, "months", 1, 12),
        weekdays=_numbered_words(loader, "weekdays", 0, 6),
        date_labels=tuple(sorted((w.lower() for w in labels), key=len, reverse=True)),
        date_published_labels=tuple(w.lower() for w in published),
        outlets=outlets,
        limits=_numbers(loader, "limits", LIMIT_DEFAULTS, int),
        extent=_numbers(loader, "extent", EXTENT_DEFAULTS, float),
        list_title_reasons=frozenset(rule.name for rule in boilerplate if rule.ends_article),
        stop_reasons=frozenset(rule.name for rule in boilerplate if rule.stops_article),
        story_end_reasons=frozenset(rule.name for rule in boilerplate if rule.ends_story),
        headline_reasons=frozenset(rule.name for rule in boilerplate if rule.may_be_headline),
        alias_index=aliases,
        agency_index=agencies,
        domain_index=domains, branches=loader.branches,
    )


def load_rules(config_dir: Path) -> Rules:
    """Read `config_dir/extraction.yml` over the builder's default; raise ConfigError listing every problem."""
    problems = Problems()
    document = read(Path(config_dir), RULES_FILE, problems)
    problems.raise_if_any()
    data = document.data or {}
    if not isinstance(data, dict):
        raise ConfigError(problem(document, "", "expected a mapping of rule groups at the top level"))
    loader = _Loader(document, data)
    rules = _build(loader)
    if loader.problems:
        raise ConfigError("\n".join(loader.problems))
    return rules
