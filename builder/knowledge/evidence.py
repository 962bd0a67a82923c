"""What the words of a candidate name say by themselves, wherever it is written.

"Brandholt Industries Inc." ends like a firm, "Kessel River" like a place, "Nairobi" is in
the gazetteer, "Olga Brandtmeier" starts with a first name, "Iraqi National Congress" can
be nobody's name. Computed once per name and remembered (names come back in article
after article); recognise.py adds the evidence of the words around each mention.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, NamedTuple, Sequence

from builder.knowledge.heuristics import AttributionRules, RecognitionRules
from builder.knowledge.lexicon import english_words, first_names, fold, gazetteer
from builder.knowledge.spans import is_acronym

ROMAN = re.compile(r"^[IVXLC]+$")
PLURAL = re.compile(r"[a-z][^su]s$")  # "Marlins", "Reds"; not "Vargas", "Thomas", "Paris"
CACHE = 50_000  # names whose own evidence is remembered


class Static(NamedTuple):  # a tuple: made for every new name, and quicker to make than a frozen dataclass
    """The evidence of a name's own words (see WordEvidence)."""

    blocked: bool
    never: bool
    first_name: bool
    shaped: bool
    town: bool
    acronym: bool
    organization: float
    place: float


class WordEvidence:
    """The word lists and packages' data behind a name's own evidence; `of(words)` is cached."""

    def __init__(self, rules: RecognitionRules, attribution: AttributionRules, outlets: Sequence[str] = ()) -> None:
        self.rules = rules
        self.places = gazetteer(rules.places)
        self.given = first_names()  # every first name of the lists
        self.first_names = self.given - {fold(w) for w in rules.common_words | rules.demonyms}  # ones that are evidence
        self.not_person = (rules.demonyms | attribution.not_name_words) - rules.honorifics
        self.common = rules.common_words - rules.honorifics
        self.not_last = rules.organization_suffixes | rules.place_suffixes
        self.not_first = rules.organization_heads | rules.place_heads
        self.known_organizations = frozenset(fold(n.replace(".", "")) for n in outlets)
        self.english = english_words() - self.first_names
        keys = self.places.countries | self.places.regions
        # the first words of the regions' keys: a span whose first word is none of these is no region
        self.region_firsts = None if "" in keys else frozenset(k.split(" ", 1)[0] for k in keys)
        self.of = functools.lru_cache(maxsize=CACHE)(self._evidence)

    def _evidence(self, written: tuple[str, ...]) -> Static:
        """What the words of a name say by themselves, wherever they are (cached)."""
        rules, places = self.rules, self.places
        words = [w.rstrip(".").lower() for w in written]
        text = " ".join(written)
        region = places.is_region(text)
        strength = places.strength(text if is_acronym(text) else text.replace(".", ""))
        acronym = len(words) == 1 and is_acronym(written[0]) and not ROMAN.match(written[0]) and not strength
        organization = 4.0 if len(words) >= 2 and (
            words[-1] in rules.organization_suffixes
            or (("of" in words or "for" in words)
                and any(w in rules.organization_heads and n in ("of", "for") for w, n in zip(words, words[1:])))) else 0.0
        organization += 5 if fold(text.replace(".", "")) in self.known_organizations else 0
        if len(words) >= 2 and PLURAL.search(written[-1]) and places.strength(" ".join(written[:-1])) == "major":
            organization += 4  # "Florida Marlins", "Cincinnati Reds": a town's team
        place = 5.0 if region else 4.0 if strength == "major" else 2.0 if strength == "minor" else 0.0
        if len(words) >= 2 and "&" not in words and (words[-1] in rules.place_suffixes or words[0] in rules.place_heads):
            place += 3.5
        return Static(
            blocked=self.never_person(words),
            never=words[-1] in rules.event_suffixes or words[-1].split("-")[0] in rules.demonyms,  # "English-language"
            first_name=len(words) >= 2 and fold(written[0]) in self.first_names
            and (not written[-1].isupper() or words[-1] in rules.name_suffixes or bool(ROMAN.match(written[-1]))),
            shaped=len(words) in (2, 3) and all(w[:1].isupper() and w[1:].islower() for w in written),
            town=len(words) == 1 and strength is not None and not region,
            acronym=acronym, organization=organization, place=place,
        )

    def never_person(self, words: list[str]) -> bool:
        """"Iraqi National Congress", "Grace Road", "Bank Negara", "First Chicago": not a person's name."""
        if words[0] in self.not_person or words[-1] in self.not_person or words[-1] in self.not_last \
                or words[0] in self.not_first or "&" in words or not self.rules.organization_suffixes.isdisjoint(words):
            return True
        inner = words[1:-1]
        if inner and not self.not_person.isdisjoint(inner) and any(w not in self.given for w in inner if w in self.not_person):
            return True  # "Tom Chinese Smith" is no name; "Hans Christian Andersen" is
        if words[0] in self.common or (words[-1] in self.common and not ROMAN.match(words[-1].upper())):
            return True  # "Elizabeth I" is a name
        if words[0] in self.first_names:
            return False
        return self.names_region(words)

    def names_region(self, words: list[str]) -> bool:
        """Whether a span of up to three of the words is a region's name ("Zorbek France")."""
        is_region, size = self.places.is_region, len(words)
        if size == 1:
            return is_region(words[0])  # the only span: no need to find where a region may start
        return any(is_region(" ".join(words[a:b])) for a in self._region_starts(words)
                   for b in range(a + 1, min(size, a + 3) + 1))

    def _region_starts(self, words: list[str]) -> Iterable[int]:
        """The positions where a region's name may start: its folded first word begins a region's key
        (fold() of words joined by spaces begins with the first word's own fold, when that is not empty)."""
        firsts = self.region_firsts
        if firsts is None:
            return range(len(words))
        return [a for a, word in enumerate(words) if not (key := fold(word)) or key.split(" ", 1)[0] in firsts]
