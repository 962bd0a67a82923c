"""People beyond the vocabulary: names next to a speech verb, a role, a title or a relation.

"said Lee Seung Joo", "Wang Wenbin, a spokeswoman for ...", "CSW Chief Executive Merwyn
Thomas said", "his cousin, Kim Cheol-ok": the word lists are in attribution.yml. A candidate
needs two capitalised words, none of them a word that never names a person ("Chinese",
"Seoul", months...), and must not be an organisation or place of the vocabulary.
"""
from __future__ import annotations

import functools

import re
from typing import Sequence

from builder.knowledge.heuristics import AttributionRules
from builder.knowledge.phrases import PhraseMatcher, tokenize
from builder.knowledge.schema import Entity

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# One capitalised name word: "Lee", "Young-ja", "Byoung-sam", "O'Brien", "McCain"; not "CSW", not "Un's".
NAME_WORD = rf"[{_UPPER}](?:['’][{_UPPER}])?[{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}{_LOWER}]+)*"
# Up to five name words separated by single spaces.
NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{0,4}}")
# Like NAME_RUN but also takes acronyms and titles: "CSW Chief Executive Merwyn Thomas".
SPEAKER_RUN = rf"(?:[{_UPPER}][\w'’.-]*)(?:[ \u00a0][{_UPPER}][\w'’.-]*){{0,5}}"
CONTEXT_CHARS = 80  # how far before and after a name its role or verb may be
MIN_NAME_WORDS = 2  # "Kim" alone is nobody


def _alternatives(phrases: Sequence[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"


def _reversed(phrases: Sequence[str]) -> str:
    """_alternatives of the phrases written backwards: "said" -> "dias"."""
    return _alternatives([p[::-1] for p in phrases])


class PeopleFinder:
    """Detects people in a paragraph and turns a speaker's words into a person's name."""

    def __init__(self, rules: AttributionRules, entities: Sequence[Entity], matcher: PhraseMatcher) -> None:
        self.rules = rules
        self._entities = entities
        self._matcher = matcher
        verbs = _alternatives(sorted(rules.speech_verbs | rules.person_verbs))
        speech = _alternatives(sorted(rules.speech_verbs))
        roles = _alternatives([" ".join(r) for r in rules.roles])
        self.speech_verbs = speech
        self._skipped = rules.not_name_words | rules.function_words  # taken off the front of a name
        self._verb_after = re.compile(rf",?\s+(?:{verbs})\b", re.IGNORECASE)
        # The words before a name are matched backwards from the name: the reversed text
        # matched at its start finds what "\b(?:verbs)\s+$" searched for at every position.
        self._verb_before = re.compile(rf"\s+(?:{_reversed(sorted(rules.speech_verbs))})\b", re.IGNORECASE)
        self._role_after = re.compile(
            rf",\s+(?:(?:a|an|the|its|his|her)\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{roles})\b", re.IGNORECASE
        )
        self._relation_before = re.compile(rf"\s+,?(?:{_reversed(sorted(rules.relations))})\b", re.IGNORECASE)

    def discover(self, text: str) -> list[str]:
        """Names of people detected in one paragraph (canonical when in the vocabulary)."""
        found = []
        for match in NAME_RUN.finditer(text):
            if " " not in match.group() and "\u00a0" not in match.group():
                continue  # one word is never a new person
            words, titled = self.strip_titles(match.group().split())
            if len(words) < MIN_NAME_WORDS:
                continue
            before = text[max(0, match.start() - CONTEXT_CHARS) : match.start()]
            after = text[match.end() : match.end() + CONTEXT_CHARS]
            if not (titled or self._has_context(before, after)):
                continue
            name = self.person_name(words)
            if name is not None:
                found.append(name)
        return found

    def _has_context(self, before: str, after: str) -> bool:
        return bool(
            self._verb_after.match(after)
            or self._role_after.match(after)
            or self._verb_before.match(before[::-1])
            or self._relation_before.match(before[::-1])
        )

    def strip_titles(self, words: list[str]) -> tuple[list[str], bool]:
        """Leading titles, acronyms and non-name words off: (rest, whether a title was there)."""
        titled = False
        skipped = self._skipped
        while words and (self._is_title(words[0]) or words[0].lower() in skipped or self._qualifies_title(words)):
            titled = titled or self._is_title(words[0])
            words = words[1:]
        return words, titled

    def _qualifies_title(self, words: list[str]) -> bool:
        """"Agriculture" in "Agriculture Minister Adamu Bello": a word just before a title."""
        return len(words) > 2 and words[0][:1].isupper() and self._is_title(words[1])

    def _is_title(self, word: str) -> bool:
        return word.rstrip(".").lower() in self.rules.titles or (len(word) > 1 and word.isupper())

    def person_name(self, words: list[str]) -> str | None:
        """The person these words name, canonical when in the vocabulary; None if not a person."""
        if len(words) < MIN_NAME_WORDS:
            return None
        text = " ".join(words)
        target = self._matcher.full_match(text)
        if target is not None:
            entity = self._entities[target]
            return entity.name if entity.kind == "people" else None
        if any(w.lower() in self.rules.not_name_words for w in words) or words[-1].lower() in self.rules.function_words:
            return None
        if any(not (w[:1].isupper() and any(c.islower() for c in w)) for w in words):
            return None
        return text if not self._contains_entity(text) else None

    def _contains_entity(self, text: str) -> bool:
        """True when part of the name is an organisation or place ("Seoul Kim" is not a name)."""
        hits = self._matcher.find(tokenize(text))
        return any(self._entities[t].kind != "people" for _, _, t in hits)

    def resolve(self, words: list[str], known: Sequence[str]) -> str | None:
        """A speaker's words as a person: a full name, or a surname of a person already named."""
        words, _ = self.strip_titles(words)
        if len(words) == 1:
            return resolve_surname(words[0], known)
        return self.person_name(words)


def resolve_surname(word: str, known: Sequence[str]) -> str | None:
    """'Cha' -> 'Cha In Pyo' when exactly one known person starts or ends with that word."""
    lowered = word.lower()
    matches = {n for n in known if (parts := n.lower().split()) and lowered in (parts[0], parts[-1])}
    return matches.pop() if len(matches) == 1 else None


@functools.lru_cache(maxsize=65_536)  # the same names come back in article after article
def name_key(name: str) -> str:
    """'Kim Young-ja' and 'Kim Young Ja' are one person."""
    return " ".join(tokenize(name).lower)
