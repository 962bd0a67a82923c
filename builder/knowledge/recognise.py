"""People, organisations and places recognised in an article's text, beyond the vocabulary.

Each candidate name (spans.py) collects evidence from the words around each of its
mentions; the evidence of one name adds up over the article, and the kind with most
evidence wins when it reaches the threshold of recognition.yml. Then, per article:
a lone surname joins the full name ("Blair" -> "Tony Blair"), a lone first word or an
acronym joins its organisation, and names a curator rejected are dropped. Organisation
and place evidence always beats a person's.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from builder.kinds import ENTITY_KINDS as KINDS
from builder.knowledge.evidence import WordEvidence
from builder.knowledge.heuristics import AttributionRules, RecognitionRules
from builder.knowledge.lexicon import Gazetteer, fold
from builder.knowledge.spans import Mention, mentions
SCORE = re.compile(r"^\d+-\d+$")
AGE = re.compile(r"^\d{1,2}$")
WORD = re.compile(r"[a-z][a-z-]*")
POSSESSIVE_WORD = re.compile(r"['’]s$")
POSSESSIVE_ENDINGS = ("'s", "’s")
SPELLINGS_KEPT = 100_000  # names as written remembered with their key
SPORT_WORDS = 4  # an article with this many different sports words is a sports report
SURNAME_AGAIN = 3.5  # evidence for "Tiger Woods" when the article says "Woods" alone
APPOSITION_WORDS = 6  # how far after "NAME, a ..." its role noun may be
CLAUSE_STOPS = frozenset({",", ".", ";", ":", "of", "in", "at", "for", "with", "who", "which", "and", "on", "from", "to", "since"})
ARTICLES = frozenset({"a", "an", "the", "its", "his", "her", "their", "one"})
ADVERBS = frozenset({"also", "later", "then", "has", "had", "have", "was", "is", "quickly", "earlier", "previously", "recently"})
_NO_EVIDENCE = dict.fromkeys(KINDS, 0.0)  # copied for each new name (a bound copy is quicker than a lambda)


@dataclass(slots=True)  # made for every name of every article: slots make it quicker
class Name:
    """One candidate name in one article, with the evidence of all its mentions."""

    key: str
    spelling: str
    words: int
    score: dict[str, float] = field(default_factory=_NO_EVIDENCE.copy)  # from the mentions' context
    own: dict[str, float] = field(default_factory=_NO_EVIDENCE.copy)  # from its words, counted once
    count: int = 0
    honorific: bool = False
    first_name: bool = False
    blocked: bool = False  # a word that never belongs to a person's name
    team: bool = False  # named in a sports result: a town there is its club
    region: bool = False  # a country, continent or region by the gazetteer
    never: bool = False  # an event, an adjective or a lone common word: not a name of any kind
    town: bool = False  # a town of the gazetteer (not a country or region)
    located: bool = False  # once after "in", "at", "near", ...
    shaped: bool = False  # two or three title-case words inside a sentence, like most people's names
    lowercase: bool = False  # its first word is also written in lower case in the article ("Time Warner", "time")


class Recogniser:
    """Built once per vocabulary; `recognise(paragraphs)` -> {kind: [names]} for one article."""

    def __init__(self, rules: RecognitionRules, attribution: AttributionRules, outlets: Sequence[str] = ()) -> None:
        self.rules = rules
        self.attribution = attribution
        self.words = WordEvidence(rules, attribution, outlets)
        self.places: Gazetteer = self.words.places
        self.speech = attribution.speech_verbs
        self.roles = rules.person_roles | {" ".join(r) for r in attribution.roles if len(r) == 1}
        self.function_words = attribution.function_words
        self.never_alone = frozenset(fold(w) for w in rules.common_words | rules.demonyms | attribution.not_name_words
                                     | rules.organization_suffixes | rules.place_suffixes | rules.honorifics)
        self._runs: dict = {}  # what each run of capitalised words makes (spans.mentions)
        self._spellings: dict[str, tuple[str, bool]] = {}  # a name as written -> (its key, a region?)

    def recognise(self, paragraphs: Sequence[str], dateline_places: Iterable[str] = (),
                  speakers: Iterable[str] = ()) -> dict[str, list[str]]:
        """{kind: names} in one article; dateline_places and speakers (people found beside a
        speech verb or a role) count as evidence."""
        names: dict[str, Name] = {}
        seen: set[str] = set()  # every word of the article's paragraphs
        answer: list[bool] = []  # whether it is a sports report: asked only for a town alone

        def sports() -> bool:  # worked out once (a closure costs less than a functools.cache per article)
            if not answer:
                answer.append(self._is_sports(paragraphs))
            return answer[0]
        for place in dateline_places:
            self._name(names, place).score["places"] += 5
        for speaker in speakers:
            name = self._name(names, speaker)
            name.score["people"] += 3
            name.blocked = name.blocked or self.words.never_person([fold(w).rstrip(".") for w in speaker.split()])
        weigh, name_of = self._weigh, self._name
        for text in paragraphs:
            for mention in mentions(text, self.rules, self.function_words, seen, self.words.given, self._runs):
                if len(mention.words) == 1:  # nothing to split
                    weigh(mention, name_of(names, mention.words[0], 1))
                    continue
                for part in self._split_owner(mention):
                    weigh(part, name_of(names, part.text, len(part.words)))
        for name in names.values():
            first = name.key.split()[0]
            name.lowercase = (first in seen and first[:1].islower()) or first in self.words.english
            name.blocked = name.blocked or (name.lowercase and not name.first_name and not name.honorific)
        return self._resolve(names, sports)

    def _split_owner(self, m: Mention) -> tuple[Mention, ...]:
        """"Chile's Ministry of Mines" -> "Chile" and "Ministry of Mines": a place owns it."""
        for k, word in enumerate(m.words[:-1]):
            if not word.endswith(POSSESSIVE_ENDINGS):  # what POSSESSIVE_WORD finds, as a quicker test
                continue
            owner = POSSESSIVE_WORD.sub("", " ".join(m.words[:k + 1]))
            if self.places.strength(owner):
                return (dataclasses.replace(m, words=tuple(owner.split()), end=m.first + k + 1, possessive=True),
                        dataclasses.replace(m, words=m.words[k + 1:], initial=False, title=None))
        return (m,)

    def _is_sports(self, paragraphs: Sequence[str]) -> bool:
        words = set()
        for text in paragraphs:
            words.update(WORD.findall(text.lower()))
        return len(words & self.rules.sport_words) >= SPORT_WORDS

    def _name(self, names: dict[str, Name], text: str, words: int = 0) -> Name:
        known = self._spellings.get(text)
        if known is None:
            if len(self._spellings) > SPELLINGS_KEPT:
                self._spellings.clear()
            known = self._spellings[text] = (fold(text.replace(".", "")), self.places.is_region(text))
        key, region = known
        name = names.get(key)
        if name is None:
            name = names[key] = Name(key, text, words or len(text.split()))
        elif len(text) > len(name.spelling) and not text.isupper():
            name.spelling = text
        if region:
            name.region = True
        return name

    # -- evidence of one mention ------------------------------------------------------------

    def _weigh(self, m: Mention, name: Name) -> None:
        name.count += 1
        if m.suffix:
            return  # "Hong Kong-based group": the name is a firm's home, no evidence either way
        fixed = self.words.of(m.words)
        score, rules = name.score, self.rules
        tokens, end = m.tokens, m.end
        written_before = tokens[m.first - 1] if m.first >= 1 else ""
        written_after = tokens[end] if end < len(tokens) else ""
        before, after = written_before.lower(), written_after.lower()
        second = tokens[end + 1] if end + 1 < len(tokens) else ""  # the word after the next
        if fixed.blocked:
            name.blocked = True
        if fixed.never:
            name.never = True
        if fixed.town:
            name.town = True
        if fixed.shaped and not m.initial:
            name.shaped = True
        if before in rules.place_prepositions:
            name.located = True
            score["places"] += 1
        if not name.team and (before in rules.team_words or after in rules.team_words
                              or (after[:1].isdigit() and SCORE.match(after))):
            name.team = True
        if m.title:
            name.honorific = True
            score["people"] += 3
        if fixed.first_name:
            name.first_name = True
            score["people"] += 3
        if before in self.roles or after == "," and AGE.match(second) and m.after(3) in (",", ")"):
            score["people"] += 3
        spoke = before in self.speech or after in self.speech or (after in ADVERBS and second in self.speech)
        if spoke:
            score["people"] += 1.5
        if before in rules.demonyms and len(m.words) >= 2:
            score["people"] += 1
        if after == ",":
            self._apposition(m, score)
        own = name.own
        if fixed.organization > own["organizations"]:
            own["organizations"] = fixed.organization
        if fixed.acronym:
            score["organizations"] += 3.5 if spoke else 3 if before == "(" and after == ")" else 2  # "(OSCE)"
        if before in rules.organization_nouns and written_before == before or before.endswith("-based"):
            score["organizations"] += 3
        if not m.possessive and (after in rules.organization_nouns
                                 or (after.isalpha() and after.islower() and second in rules.organization_nouns)):
            score["organizations"] += 3  # "Gazeta Nowa daily", "the Kiosko newsstand chain"; not "Charlton's side"
        if fixed.place > own["places"]:
            own["places"] = fixed.place
        if written_after in rules.place_nouns and not m.possessive:
            score["places"] += 3  # "Charles de Gaulle airport"

    def _apposition(self, m: Mention, score: dict[str, float]) -> None:
        """"NAME, a bank holding company," / "NAME, banking analyst at ...": the head noun decides
        (called when a comma follows the name)."""
        head = None
        tokens, end = m.tokens, m.end
        for k in range(2, 2 + APPOSITION_WORDS):
            written = tokens[end + k - 1] if end + k - 1 < len(tokens) else ""
            word = written.lower()
            if not word or word in CLAUSE_STOPS:
                break
            if word in ARTICLES:
                if k == 2:
                    continue
                return  # "NAME, took a group ...": a clause, not an apposition
            if not word.isalpha() or written[:1].isupper():
                break
            head = word
        if head in self.rules.organization_nouns:
            score["organizations"] += 3
        elif head in self.roles:
            score["people"] += 3

    # -- one decision per article ---------------------------------------------------------

    def _resolve(self, names: dict[str, Name], sports: Callable[[], bool]) -> dict[str, list[str]]:
        kinds: dict[str, str] = {}
        singles = {key for key, name in names.items() if name.words == 1}
        for name in sorted(names.values(), key=lambda n: -n.words):
            if name.words >= 2:
                if name.shaped and name.key.split()[-1] in singles:
                    name.score["people"] += SURNAME_AGAIN  # "Tiger Woods ... Woods": a person named again
                kind = self._decide(name)
                if kind:
                    kinds[name.key] = kind
        owners = self._owners(names, kinds)
        found: dict[str, dict[str, str]] = {k: {} for k in KINDS}
        for name in names.values():
            kind = kinds.get(name.key)
            if kind is None and name.words == 1:
                kind = self._decide(name, alone=True)
                if kind == "places" and name.town and not name.located and name.count >= 2 and sports():
                    kind = "organizations"  # "Essex reached 372": a club
                owner = owners.get(name.key)
                if owner is not None and (kind in (None, kinds[owner]) or kinds[owner] == "people" and not name.region):
                    continue  # "Blair" is Tony Blair, "Mercantile" is Mercantile Bancorp Inc.
            if kind:
                found[kind].setdefault(name.key, name.spelling)
        return {kind: sorted(spellings.values()) for kind, spellings in found.items()}

    def _owners(self, names: dict[str, Name], kinds: dict[str, str]) -> dict[str, str]:
        """One-word keys that belong to a longer name of the article: surnames, first words, acronyms."""
        owners: dict[str, str] = {}
        for key, kind in kinds.items():
            parts = key.split()
            if kind == "people":
                owners.setdefault(parts[-1], key)
                owners.setdefault(parts[0], key)
            else:
                owners.setdefault(parts[0], key)
                initials = "".join(p[0] for p in parts if p not in ("of", "for", "the", "and", "&"))
                owners.setdefault(initials, key)
        return owners

    def _decide(self, name: Name, alone: bool = False) -> str | None:
        threshold, context, own = self.rules.threshold, name.score, name.own
        people = context["people"] + own["people"]
        organizations = context["organizations"] + own["organizations"]
        places = context["places"] + own["places"]
        if name.key in self.words.known_organizations:
            return "organizations"
        if name.never or (alone and name.key in self.never_alone):
            return None
        if name.team and not name.region and people < threshold and places >= 2:
            return "organizations"  # "Blackburn beat Southampton": clubs
        if organizations >= threshold and organizations >= places and not name.region:
            if people >= threshold and not name.blocked and organizations - people < 1:
                return None  # as much a person as an organisation: unsure, so nothing
            return "organizations"
        if alone and name.honorific and not name.region and not name.lowercase:
            return "people"  # "Mr Blair", "President Clinton"; not "General Election"
        if places >= threshold:
            return "places"
        if name.blocked or alone or organizations >= 2 or places >= 2:
            return None
        return "people" if people >= threshold else None
