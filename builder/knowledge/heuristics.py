"""figures.yml and attribution.yml: the word lists behind key figures, people discovery and quotes.

Both files are optional in a site's config folder: the builder's defaults ship inside the
package, and a site's file overrides them key by key (builder.settings.read).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.knowledge.checks import Problems, check_mapping, check_number, check_texts

FIGURES_FILE = "figures.yml"
ATTRIBUTION_FILE = "attribution.yml"
APPROXIMATOR_KINDS = ("about", "at_least", "at_most")
Words = tuple[str, ...]  # a phrase as lowercase words


@dataclass(frozen=True)
class FigureRules:
    counted_nouns: frozenset[str]
    describing_words: frozenset[str]
    counted_verbs: tuple[tuple[str, tuple[Words, ...]], ...]  # (label, forms), preferred first
    approximators: dict[Words, str]  # words -> "about" | "at_least" | "at_most"
    range_words: frozenset[str]
    number_words: dict[Words, int]
    multipliers: dict[str, int]
    vague_quantities: dict[Words, int]
    back_references: frozenset[Words]
    minimum_count: int


@dataclass(frozen=True)
class AttributionRules:
    speech_verbs: frozenset[str]
    person_verbs: frozenset[str]
    roles: frozenset[Words]
    titles: frozenset[str]
    relations: frozenset[str]
    function_words: frozenset[str]
    not_name_words: frozenset[str]
    minimum_quote_words: int


def words(text: str) -> Words:
    return tuple(text.lower().split())


def _word_set(data: dict[str, Any], key: str, where: str, problems: Problems) -> frozenset[str]:
    return frozenset(t.lower() for t in check_texts(data.get(key), f"{where}.{key}", problems))


def _phrase_set(data: dict[str, Any], key: str, where: str, problems: Problems) -> frozenset[Words]:
    return frozenset(words(t) for t in check_texts(data.get(key), f"{where}.{key}", problems))


def _numbers(data: dict[str, Any], key: str, where: str, problems: Problems) -> dict[Words, int]:
    table = data.get(key) or {}
    if not isinstance(table, dict):
        problems.add(f"{where}.{key}", "expected a mapping of words: number")
        return {}
    numbers = {}
    for name, value in table.items():
        number = check_number(value, f"{where}.{key}.{name}", problems, minimum=1)
        if number is not None:
            numbers[words(str(name))] = int(number)
    return numbers


def _grouped(data: dict[str, Any], key: str, where: str, problems: Problems) -> dict[str, tuple[Words, ...]]:
    table = data.get(key) or {}
    if not isinstance(table, dict):
        problems.add(f"{where}.{key}", "expected a mapping of label: [words]")
        return {}
    return {
        str(label): tuple(words(t) for t in check_texts(forms, f"{where}.{key}.{label}", problems))
        for label, forms in table.items()
    }


def read_figure_rules(data: Any, label: str, problems: Problems) -> FigureRules:
    keys = tuple(FigureRules.__dataclass_fields__)
    fields = check_mapping(data, label, problems, keys) or {}
    approximators: dict[Words, str] = {}
    for kind, forms in _grouped(fields, "approximators", label, problems).items():
        if kind not in APPROXIMATOR_KINDS:
            problems.add(f"{label}.approximators", f"unknown kind {kind!r} (expected one of: {', '.join(APPROXIMATOR_KINDS)})")
        approximators.update((form, kind) for form in forms)
    minimum = check_number(fields.get("minimum_count", 2), f"{label}.minimum_count", problems, 1)
    return FigureRules(
        counted_nouns=_word_set(fields, "counted_nouns", label, problems),
        describing_words=_word_set(fields, "describing_words", label, problems),
        counted_verbs=tuple(_grouped(fields, "counted_verbs", label, problems).items()),
        approximators=approximators,
        range_words=_word_set(fields, "range_words", label, problems),
        number_words=_numbers(fields, "number_words", label, problems),
        multipliers={k[0]: v for k, v in _numbers(fields, "multipliers", label, problems).items()},
        vague_quantities=_numbers(fields, "vague_quantities", label, problems),
        back_references=_phrase_set(fields, "back_references", label, problems),
        minimum_count=int(minimum or 2),
    )


def read_attribution_rules(data: Any, label: str, problems: Problems) -> AttributionRules:
    keys = tuple(AttributionRules.__dataclass_fields__)
    fields = check_mapping(data, label, problems, keys) or {}
    minimum = check_number(fields.get("minimum_quote_words", 4), f"{label}.minimum_quote_words", problems, 1)
    return AttributionRules(
        speech_verbs=_word_set(fields, "speech_verbs", label, problems),
        person_verbs=_word_set(fields, "person_verbs", label, problems),
        roles=_phrase_set(fields, "roles", label, problems),
        titles=_word_set(fields, "titles", label, problems),
        relations=_word_set(fields, "relations", label, problems),
        function_words=_word_set(fields, "function_words", label, problems),
        not_name_words=_word_set(fields, "not_name_words", label, problems),
        minimum_quote_words=int(minimum or 4),
    )


RECOGNITION_FILE = "recognition.yml"


@dataclass(frozen=True)
class RecognitionRules:
    """recognition.yml: the evidence that makes a capitalised name a person, organisation or place."""

    threshold: float
    organization_suffixes: frozenset[str]
    organization_heads: frozenset[str]
    organization_nouns: frozenset[str]
    place_suffixes: frozenset[str]
    place_heads: frozenset[str]
    place_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    team_words: frozenset[str]
    event_suffixes: frozenset[str]
    sport_words: frozenset[str]
    places: tuple[str, ...]  # as written
    person_roles: frozenset[str]
    honorifics: frozenset[str]
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    demonyms: frozenset[str]
    common_words: frozenset[str]


def read_recognition_rules(data: Any, label: str, problems: Problems) -> RecognitionRules:
    keys = tuple(RecognitionRules.__dataclass_fields__)
    fields = check_mapping(data, label, problems, keys) or {}
    threshold = check_number(fields.get("threshold", 3), f"{label}.threshold", problems, 0.5)
    named = ("places",)
    sets = {key: _word_set(fields, key, label, problems) for key in keys if key not in ("threshold", *named)}
    names = {key: check_texts(fields.get(key), f"{label}.{key}", problems) for key in named}
    return RecognitionRules(threshold=float(threshold or 3), **names, **sets)


EXTRACTION_FILE = "extraction.yml"


def read_outlet_names(data: Any) -> tuple[str, ...]:
    """The names and aliases of extraction.yml's `outlets` (checked where extraction reads them)."""
    outlets = data.get("outlets") if isinstance(data, dict) else None
    names: list[str] = []
    for outlet in outlets if isinstance(outlets, list) else ():
        if isinstance(outlet, dict):
            aliases = outlet.get("aliases") if isinstance(outlet.get("aliases"), list) else []
            names.extend(str(n) for n in [outlet.get("name"), *aliases] if isinstance(n, str) and n.strip())
    return tuple(names)
