"""Key figures: "[approximator] NUMBER [range] [describing words] COUNTED NOUN" and what happened to them.

Works on the words enrich() already split (phrases.tokenize); the word lists are figures.yml.
The verb of a figure is searched, in order: right before the number ("deported some 600"),
just after the noun ("protesters gathered", "defectors are being held"), a few words before
the number ("the arrest of the 10"), then anywhere after the noun in the sentence,
preferring the verbs listed first in figures.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count
from operator import or_
from typing import Sequence

from builder.knowledge.heuristics import FigureRules, Words
from builder.knowledge.phrases import Tokens, gap_core
from builder.models import Figure

MAX_DESCRIBING_WORDS = 4  # "10 North Korean defectors" has two
VERB_AFTER_REACH = 6  # words after the noun searched first for its verb
VERB_BEFORE_REACH = 4  # words before the number searched next
MAX_PHRASE_WORDS = 3  # longest number word, vague quantity or approximator
DASHES = ("-", "\u2013")
SENTENCE_ENDS = (".", "?", "!")
_DIGIT = re.compile(r"\d")
ARTICLES = ("a", "an")  # "a dozen", "a hundred": part of the number as stated


@dataclass(frozen=True)
class _Quantity:
    start: int  # first word of the statement (approximator included)
    end: int  # word after the number
    low: int
    high: int | None
    vague: bool


class FigureFinder:
    def __init__(self, rules: FigureRules) -> None:
        self.rules = rules
        self._verbs: dict[Words, tuple[int, str]] = {}
        for rank, (label, forms) in enumerate(rules.counted_verbs):
            for form in forms:
                self._verbs.setdefault(form, (rank, label))
        firsts = [*rules.number_words, *rules.vague_quantities]
        self._first_words = frozenset(w[0] for w in firsts)

    def find(self, paragraphs: Sequence[Tokens]) -> list[Figure]:
        figures: list[Figure] = []
        seen: set[tuple[int, int | None, str]] = set()
        for number, tokens in enumerate(paragraphs, start=1):
            for figure in self._in_paragraph(tokens, number):
                if (figure.low, figure.high, figure.counts) not in seen:
                    seen.add((figure.low, figure.high, figure.counts))
                    figures.append(figure)
        return figures

    def _in_paragraph(self, tokens: Tokens, paragraph: int) -> list[Figure]:
        found: list[Figure] = []
        firsts, done, lower = self._first_words, 0, tokens.lower
        if self.rules.counted_nouns.isdisjoint(lower):
            return found  # a figure counts a noun of the list, after its number or earlier in its sentence
        if firsts.isdisjoint(lower) and not _DIGIT.search(tokens.text):
            return found
        # the words that may start a number: a number word, or a digit (words are letters and
        # digits, so w < ":" is w[0] <= "9"), found in C
        candidates = compress(count(), map(or_, map(firsts.__contains__, lower), map(":".__gt__, lower)))
        for i in candidates:
            if i < done or not (tokens.lower[i][0].isdigit() or tokens.lower[i] in firsts):
                continue
            quantity = self._quantity(tokens, i)
            if quantity is None:
                continue
            figure = self._figure(tokens, quantity, paragraph)
            if figure is not None:
                found.append(figure)
            done = quantity.end
        return found

    # -- the number ----------------------------------------------------------------
    def _quantity(self, tokens: Tokens, i: int) -> _Quantity | None:
        value = self._number_at(tokens, i)
        if value is None:
            return None
        low, end, vague = value
        high: int | None = low
        second = self._range_end(tokens, end)
        if second is not None and not vague and second[0] > low:
            high, end = second
        start, kind = self._approximator(tokens, i, ranged=high != low)
        if kind == "at_least" or vague:
            high = None
        elif kind == "at_most":
            low, high = 0, low
        return _Quantity(start, end, low, high, vague)

    def _number_at(self, tokens: Tokens, i: int) -> tuple[int, int, bool] | None:
        """(value, end, vague) of a number starting at word i."""
        word = tokens.lower[i]
        if word.replace(",", "").isdigit() and len(word) <= 11:
            value, end = int(word.replace(",", "")), i + 1
        else:
            found = self._phrase(tokens, i, self.rules.vague_quantities)
            if found is not None:
                return found[0], found[1], True
            found = self._phrase(tokens, i, self.rules.number_words)
            if found is None:
                return None
            value, end = found
        if end < len(tokens.lower) and tokens.lower[end] in self.rules.multipliers and _joined(tokens, end):
            value, end = value * self.rules.multipliers[tokens.lower[end]], end + 1
        return value, end, False

    def _phrase(self, tokens: Tokens, i: int, table: dict[Words, int]) -> tuple[int, int] | None:
        for size in range(MAX_PHRASE_WORDS, 0, -1):
            words = tuple(tokens.lower[i : i + size])
            if len(words) == size and words in table and all(_joined(tokens, k) for k in range(i + 1, i + size)):
                return table[words], i + size
        return None

    def _range_end(self, tokens: Tokens, end: int) -> tuple[int, int] | None:
        """'30 and 40', '30 to 40', '30-40': (second number, end)."""
        if end >= len(tokens.lower):
            return None
        if tokens.lower[end] in self.rules.range_words and end + 1 < len(tokens.lower):
            second = self._number_at(tokens, end + 1)
        elif any(d in tokens.gaps[end] for d in DASHES) and gap_core(tokens.gaps[end]) == "":
            second = self._number_at(tokens, end)
        else:
            return None
        return (second[0], second[1]) if second is not None and not second[2] else None

    def _approximator(self, tokens: Tokens, i: int, ranged: bool) -> tuple[int, str | None]:
        if ranged and i >= 1 and tokens.lower[i - 1] == "between" and _joined(tokens, i):
            return i - 1, None
        for size in range(MAX_PHRASE_WORDS, 0, -1):
            words = tuple(tokens.lower[max(0, i - size) : i])
            if len(words) == size and words in self.rules.approximators:
                if all(_joined(tokens, k) for k in range(i - size + 1, i + 1)):
                    return i - size, self.rules.approximators[words]
        if i >= 1 and tokens.lower[i - 1] in ARTICLES and _joined(tokens, i):
            return i - 1, None
        return i, None

    # -- what is counted -------------------------------------------------------------
    def _figure(self, tokens: Tokens, quantity: _Quantity, paragraph: int) -> Figure | None:
        if max(quantity.low, quantity.high or 0) < self.rules.minimum_count:
            return None
        noun = self._noun_after(tokens, quantity.end, quantity.vague)
        if noun is None:
            noun = self._back_reference(tokens, quantity)
        if noun is None:
            return None
        first, last = noun
        verb = self._verb(tokens, quantity.start, last)
        counts = self._noun_text(tokens, first, last + 1) + (f" {verb}" if verb else "")
        stated = _text_between(tokens, quantity.start, quantity.end)
        return Figure(stated, quantity.low, quantity.high, counts, paragraph)

    def _noun_text(self, tokens: Tokens, first: int, end: int) -> str:
        """'documented cases of North Koreans': common words in lower case, names as written."""
        common = self.rules.counted_nouns | self.rules.describing_words | {"of"}
        words = tokens.words[first:end]
        return " ".join(
            w.lower() if w.lower() in common and not (k and words[k - 1][0].isupper()) else w
            for k, w in enumerate(words)
        )

    def _noun_after(self, tokens: Tokens, j: int, vague: bool) -> tuple[int, int] | None:
        """(first, last) word of the counted noun phrase starting at word j."""
        if vague and j < len(tokens.lower) and tokens.lower[j] == "of" and _joined(tokens, j):
            j += 1
        start = j
        while j < len(tokens.lower) and j - start <= MAX_DESCRIBING_WORDS and _joined(tokens, j):
            word = tokens.lower[j]
            if word in self.rules.counted_nouns:
                return start, self._of_phrase(tokens, j)
            if not (word in self.rules.describing_words or tokens.words[j][0].isupper()):
                return None
            j += 1
        return None

    def _of_phrase(self, tokens: Tokens, last: int) -> int:
        """'cases of North Koreans': extend the noun over an 'of' + counted noun."""
        after = last + 1
        if after < len(tokens.lower) and tokens.lower[after] == "of" and _joined(tokens, after):
            nested = self._noun_after(tokens, after + 1, vague=False)
            if nested is not None:
                return nested[1]
        return last

    def _back_reference(self, tokens: Tokens, quantity: _Quantity) -> tuple[int, int] | None:
        """'between 30 and 40 of them': the nearest counted noun earlier in the sentence."""
        end = quantity.end
        if not any(tuple(tokens.lower[end : end + len(r)]) == r for r in self.rules.back_references):
            return None
        for j in range(quantity.start - 1, _sentence_start(tokens, quantity.start) - 1, -1):
            if tokens.lower[j] in self.rules.counted_nouns:
                return j, j
        return None

    def _verb(self, tokens: Tokens, start: int, last: int) -> str | None:
        if start and _joined(tokens, start) and (found := self._verb_at(tokens, start - 1)) is not None:
            return found[1]  # "deported some 600", "arrested 12 defectors"
        end = _sentence_end(tokens, last)
        for j in range(last + 1, min(end, last + 1 + VERB_AFTER_REACH)):
            if (found := self._verb_at(tokens, j)) is not None:
                return found[1]
        for j in range(start - 1, max(_sentence_start(tokens, start), start - VERB_BEFORE_REACH) - 1, -1):
            if (found := self._verb_at(tokens, j)) is not None:
                return found[1]
        later = [v for j in range(last + 1, end) if (v := self._verb_at(tokens, j)) is not None]
        return min(later)[1] if later else None

    def _verb_at(self, tokens: Tokens, j: int) -> tuple[int, str] | None:
        two = tuple(tokens.lower[j : j + 2])
        return self._verbs.get(two) or self._verbs.get(two[:1])


def _joined(tokens: Tokens, k: int) -> bool:
    """True when word k follows word k-1 within a phrase (no comma, full stop...)."""
    return gap_core(tokens.gaps[k]) in ("", "'")


def _sentence_start(tokens: Tokens, i: int) -> int:
    while i > 0 and not _ends_sentence(tokens, i):
        i -= 1
    return i


def _sentence_end(tokens: Tokens, i: int) -> int:
    i += 1
    while i < len(tokens.lower) and not _ends_sentence(tokens, i):
        i += 1
    return i


def _ends_sentence(tokens: Tokens, i: int) -> bool:
    """True when the gap before word i closes a sentence."""
    gap = tokens.gaps[i]
    return any(e in gap for e in SENTENCE_ENDS) and (tokens.words[i][:1].isupper() or tokens.words[i][:1].isdigit())


def _text_between(tokens: Tokens, first: int, end: int) -> str:
    pieces = [tokens.words[first]]
    for k in range(first + 1, end):
        pieces.append(tokens.gaps[k].replace("\u00a0", " "))
        pieces.append(tokens.words[k])
    return "".join(pieces)
