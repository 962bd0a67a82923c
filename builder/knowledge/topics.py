"""Automatic topics: weighted terms and patterns scored against a threshold per topic."""
from __future__ import annotations

import re
from typing import Sequence

from builder.knowledge.phrases import PhraseMatcher, Tokens, parse_phrase, tokenize
from builder.knowledge.schema import Topic

MAX_HITS_PER_TERM = 3  # a term repeated ten times is not ten times the evidence
TITLE_WEIGHT = 2  # a term in the title counts this many times
REFERENCE_WORDS = 200  # thresholds hold up to this length; longer articles need sqrt(words / 200) times more
MIN_TERMS = 2  # a topic needs at least this many different terms or patterns found: one word is not evidence
NAMES_KEPT = 50_000  # short texts (people's names) remembered with the hits inside them


class TopicMatcher:
    """All topics' terms in one PhraseMatcher, all their patterns in one regular expression."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = tuple(topics)
        self._term_topics: list[list[tuple[int, float]]] = []  # term index -> (topic, weight)
        index_of: dict[str, int] = {}
        phrases = []
        for topic_index, topic in enumerate(self.topics):
            for term, weight in topic.terms:
                phrase = parse_phrase(term, len(self._term_topics))
                if phrase is None:
                    continue
                if phrase.key not in index_of:
                    index_of[phrase.key] = len(self._term_topics)
                    self._term_topics.append([])
                    phrases.append(phrase)
                self._term_topics[index_of[phrase.key]].append((topic_index, weight))
        self._terms = PhraseMatcher(phrases)
        self._pattern_topics: list[tuple[int, float]] = []
        alternatives = []
        for topic_index, topic in enumerate(self.topics):
            for pattern, weight in topic.patterns:
                alternatives.append(f"(?P<p{len(self._pattern_topics)}>{pattern})")
                self._pattern_topics.append((topic_index, weight))
        self._patterns = re.compile("|".join(alternatives)) if alternatives else None
        self._inside: dict[str, tuple[tuple[tuple[str, int], int], ...]] = {}

    def count_hits(self, tokens: Tokens, text: str, counts: dict[tuple[str, int], int], times: int = 1) -> None:
        """Add this text's term and pattern hits to counts, keyed ("t"|"p", index)."""
        for _, _, term in self._terms.find(tokens):
            counts[("t", term)] = counts.get(("t", term), 0) + times
        if self._patterns is not None:
            lowered = text.lower()
            for match in self._patterns.finditer(lowered):
                if match.start() and lowered[match.start() - 1].isalnum():
                    continue  # patterns start on a word boundary
                key = ("p", int((match.lastgroup or "p0")[1:]))
                counts[key] = counts.get(key, 0) + times

    def hits_inside(self, text: str) -> tuple[tuple[tuple[str, int], int], ...]:
        """count_hits of a short text such as a person's name, as (key, hits) pairs (remembered:
        the same names come back in article after article)."""
        hits = self._inside.get(text)
        if hits is None:
            if len(self._inside) > NAMES_KEPT:
                self._inside.clear()
            counts: dict[tuple[str, int], int] = {}
            self.count_hits(tokenize(text), text, counts)
            hits = self._inside[text] = tuple(counts.items())
        return hits

    def matched(self, counts: dict[tuple[str, int], int], words: int = 0) -> list[int]:
        """Indexes of the topics whose score reaches their threshold, in topics.yml order.

        A long article mentions every term more often, so its thresholds grow with the
        square root of its length beyond REFERENCE_WORDS words.
        """
        scale = max(1.0, (words / REFERENCE_WORDS) ** 0.5)
        scores = self._score_list(counts)
        terms = [0] * len(self.topics)
        for key in counts:
            for topic_index in self._owners(key):
                terms[topic_index] += 1
        return [i for i, topic in enumerate(self.topics)
                if scores[i] >= topic.threshold * scale and terms[i] >= MIN_TERMS]

    def _owners(self, key: tuple[str, int]) -> set[int]:
        kind, index = key
        return {t for t, _ in self._term_topics[index]} if kind == "t" else {self._pattern_topics[index][0]}

    def scores(self, counts: dict[tuple[str, int], int]) -> dict[str, float]:
        """Score per topic name (for explaining a topic choice, and for tests)."""
        return dict(zip((t.name for t in self.topics), self._score_list(counts)))

    def _score_list(self, counts: dict[tuple[str, int], int]) -> list[float]:
        scores = [0.0] * len(self.topics)
        for (kind, index), hits in counts.items():
            weighted = self._term_topics[index] if kind == "t" else [self._pattern_topics[index]]
            for topic_index, weight in weighted:
                scores[topic_index] += weight * min(hits, MAX_HITS_PER_TERM)
        return scores
