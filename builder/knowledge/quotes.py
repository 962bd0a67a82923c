"""Direct quotations and who said them.

A quotation is text in double quotes of at least `minimum_quote_words` words. Its speaker is,
in order of evidence:
  1. a name next to a speech verb right after it:  ..." said Lee Seung Joo  /  ..." Merwyn Thomas said
  2. a name with a speech verb right before it:    Lee Kyu Hyung said: "...
  3. "he said" / "she said": the speaker of the quotation just before (same or previous paragraph)
  4. another quotation of the same paragraph with exactly one speaker
A quotation with none of these ("said one teenage defector", "The convention states:") is
not attributed: better no speaker than a wrong one.
"""
from __future__ import annotations

import re
from typing import Sequence

from builder.knowledge.people import SPEAKER_RUN, PeopleFinder
from builder.models import Quote

QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
AFTER_CHARS = 140  # attribution after a quotation is found within this many characters
BEFORE_CHARS = 160
PRONOUNS = r"(?:he|she)"
PRONOUN_REACH = 1  # "he said" refers back at most this many paragraphs


class QuoteFinder:
    def __init__(self, people: PeopleFinder) -> None:
        self._people = people
        verbs = people.speech_verbs
        appositive = r"(?:,[^,“”\"]{1,90},)?"  # ", South Korean ambassador to China,"
        self._name_after = re.compile(
            rf"\s*,?\s*(?:(?:{verbs})\s+(?P<a>{SPEAKER_RUN})|(?P<b>{SPEAKER_RUN}){appositive}\s+(?:{verbs})\b)"
        )
        self._pronoun_after = re.compile(rf"\s*,?\s*(?:{PRONOUNS}\s+(?:{verbs})|(?:{verbs})\s+{PRONOUNS})\b")
        self._name_before = re.compile(
            rf"(?P<b>{SPEAKER_RUN}){appositive}\s+(?:{verbs})(?:\s+\w+){{0,2}}?\s*[,:]?\s*$"
        )
        self._pronoun_before = re.compile(rf"\b{PRONOUNS}\s+(?:{verbs})\s*[,:]?\s*$", re.IGNORECASE)

    def find(self, paragraphs: Sequence[str], known: Sequence[str]) -> list[Quote]:
        """Attributed quotations of an article, in reading order; known: its people so far."""
        quotes: list[Quote] = []
        last_speaker, last_paragraph = None, -PRONOUN_REACH - 1
        for number, text in enumerate(paragraphs, start=1):
            found: list[tuple[str, str | None]] = []  # (quotation, speaker)
            for match in QUOTED.finditer(text):
                words = (match.group(1) or match.group(2) or "").strip()
                if len(words.split()) < self._people.rules.minimum_quote_words:
                    continue
                speaker = self._explicit(text, match, known)
                if speaker is None and self._refers_back(text, match):
                    speaker = last_speaker if number - last_paragraph <= PRONOUN_REACH else None
                found.append((_clean(words), speaker))
                if speaker is not None:
                    last_speaker, last_paragraph = speaker, number
            speakers = {s for _, s in found if s is not None}
            only = speakers.pop() if len(speakers) == 1 else None
            quotes.extend(Quote(s or only or "", q, number) for q, s in found if s or only)
        return quotes

    def _explicit(self, text: str, match: re.Match[str], known: Sequence[str]) -> str | None:
        after = self._name_after.match(text[match.end() : match.end() + AFTER_CHARS])
        if after is not None:
            speaker = self._people.resolve((after.group("a") or after.group("b")).split(), known)
            if speaker is not None:
                return speaker
        before = self._name_before.search(text[max(0, match.start() - BEFORE_CHARS) : match.start()])
        if before is not None:
            return self._people.resolve(before.group("b").split(), known)
        return None

    def _refers_back(self, text: str, match: re.Match[str]) -> bool:
        after = text[match.end() : match.end() + AFTER_CHARS]
        before = text[max(0, match.start() - BEFORE_CHARS) : match.start()]
        return bool(self._pronoun_after.match(after) or self._pronoun_before.search(before))


def _clean(words: str) -> str:
    """The quotation without the comma that hands over to the attribution."""
    return words.rstrip(",").strip()
