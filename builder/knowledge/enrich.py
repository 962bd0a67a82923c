"""enrich(): one article's topics, entities, people, quotes and key figures.

Each paragraph is split into words once; entity aliases, topic terms and figures all work
on those words, so the cost is one pass per matcher over the text.
"""
from __future__ import annotations

from typing import Sequence

from builder.knowledge.people import name_key
from builder.knowledge.phrases import Tokens, tokenize
from builder.knowledge.spans import dateline_places
from builder.knowledge.schema import ENTITY_KINDS
from builder.knowledge.topics import TITLE_WEIGHT
from builder.knowledge.vocabulary import Vocabulary
from builder.models import Knowledge
from builder.slugs import slugify

DATELINE_LINES = 2  # lines at the top of an article (removed or kept) that may be its dateline


def enrich(title: str, paragraphs: Sequence[str], header_topics: Sequence[str], vocab: Vocabulary,
           dateline: str | None = None, removed: Sequence[str] = ()) -> Knowledge:
    """What the vocabularies and discovery find in one article (paragraph numbers are 1-based).

    The dateline's place ("SEOUL"), or a dateline line extraction removed ("CHICAGO
    1996-08-30"), is a place of the article.
    """
    counts: dict[tuple[str, int], int] = {}
    found: dict[str, set[str]] = {kind: set() for kind in ENTITY_KINDS}
    title_tokens = tokenize(title)
    vocab.topic_matcher.count_hits(title_tokens, title, counts, TITLE_WEIGHT)
    _add_entities(vocab, title_tokens, found)
    paragraph_tokens = []
    for text in paragraphs:
        tokens = tokenize(text)
        paragraph_tokens.append(tokens)
        vocab.topic_matcher.count_hits(tokens, text, counts)
        _add_entities(vocab, tokens, found)
    speakers = _discover(paragraphs, vocab, found["people"])
    datelines = dateline_places([*removed[:DATELINE_LINES], *paragraphs[:DATELINE_LINES]], dateline)
    discovered = _recognise(paragraphs, vocab, found, speakers, datelines)
    people = sorted(found["people"] | set(discovered["people"]))
    _discount_names(vocab, counts, people, [title, *paragraphs])
    quotes = vocab.quote_finder.find(paragraphs, people)
    return Knowledge(
        topics=_topics(header_topics, vocab.topic_matcher.matched(counts, _words(paragraphs)), vocab),
        people=tuple(people),
        organizations=tuple(sorted(found["organizations"] | set(discovered["organizations"]))),
        places=tuple(sorted(found["places"] | set(discovered["places"]))),
        detected_people=tuple(sorted(discovered["people"])),
        detected_organizations=tuple(sorted(discovered["organizations"])),
        detected_places=tuple(sorted(discovered["places"])),
        quotes=tuple(quotes),
        figures=tuple(vocab.figure_finder.find(paragraph_tokens)),
    )


def _add_entities(vocab: Vocabulary, tokens: Tokens, found: dict[str, set[str]]) -> None:
    for _, _, target in vocab.entity_matcher.find(tokens):
        entity = vocab.entities[target]
        found[entity.kind].add(entity.name)


def _discover(paragraphs: Sequence[str], vocab: Vocabulary, known: set[str]) -> list[str]:
    """People detected outside the vocabulary, first spelling kept ('Kim Young-ja' = 'Kim Young Ja')."""
    vocabulary_people = vocab.people_keys
    detected: dict[str, str] = {}
    for text in paragraphs:
        for name in vocab.people_finder.discover(text):
            key = name_key(name)
            if name in known or key in vocabulary_people:
                known.add(name)
            else:
                detected.setdefault(key, name)
    return list(detected.values())


def _recognise(paragraphs: Sequence[str], vocab: Vocabulary, found: dict[str, set[str]],
               speakers: list[str], datelines: list[str]) -> dict[str, list[str]]:
    """Names recognised in the text that neither the vocabulary nor a curator's rejection covers."""
    recognised = vocab.recogniser.recognise(paragraphs, datelines, speakers)
    known = {name_key(n) for names in found.values() for n in names}
    spellings = "\n".join(vocab.spellings_of(n for names in found.values() for n in names))  # " word word " keys
    surnames = {part for n in found["people"] for part in (name_key(n).split()[0], name_key(n).split()[-1])}
    kept: dict[str, list[str]] = {}
    for kind, names in recognised.items():
        kept[kind] = [
            n for n in names
            if name_key(n) not in known and not vocab.is_listed(n) and not vocab.is_rejected(n)
            and f" {name_key(n)} " not in spellings  # part of a listed name
            and not (kind == "people" and " " not in n and name_key(n) in surnames)
        ]
    return kept


def _discount_names(vocab: Vocabulary, counts: dict[tuple[str, int], int], names: Sequence[str],
                    texts: Sequence[str]) -> None:
    """A topic term inside a person's name is no evidence: "Christian" in "Hans Christian Andersen"."""
    for name in names:
        inside = vocab.topic_matcher.hits_inside(name)
        if not inside:
            continue
        times = sum(text.count(name) for text in texts)
        for key, hits in inside:
            left = counts.get(key, 0) - hits * times
            if left > 0:
                counts[key] = left
            else:
                counts.pop(key, None)


def _words(paragraphs: Sequence[str]) -> int:
    return sum(text.count(" ") + 1 for text in paragraphs)


def _topics(header_topics: Sequence[str], matched: list[int], vocab: Vocabulary) -> tuple[str, ...]:
    """Header topics and matched ones in topics.yml order; header topics unknown to it last."""
    wanted = {vocab.topics[i].slug for i in matched}
    unknown: dict[str, str] = {}
    for name in header_topics:
        topic = vocab.topic_named(name)
        if topic is not None:
            wanted.add(topic.slug)
        elif slugify(name):
            unknown.setdefault(slugify(name), name.strip())
    ordered = [t.name for t in vocab.topics if t.slug in wanted]
    return tuple(ordered + list(unknown.values()))
