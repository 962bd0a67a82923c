"""The Vocabulary: topics, entities and heuristics of one site, validated and compiled once."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from builder.knowledge.checks import Problems
from builder.knowledge.heuristics import (
    ATTRIBUTION_FILE,
    EXTRACTION_FILE,
    FIGURES_FILE,
    RECOGNITION_FILE,
    AttributionRules,
    FigureRules,
    RecognitionRules,
    read_attribution_rules,
    read_figure_rules,
    read_outlet_names,
    read_recognition_rules,
)
from builder.knowledge.lexicon import fold
from builder.knowledge.figures import FigureFinder
from builder.knowledge.people import PeopleFinder, name_key
from builder.knowledge.phrases import PhraseMatcher, parse_phrase
from builder.knowledge.quotes import QuoteFinder
from builder.knowledge.recognise import Recogniser
from builder.knowledge.schema import ENTITY_KINDS, Entity, Topic, read_entities, read_rejected, read_topics
from builder.knowledge.topics import TopicMatcher
from builder.settings import read
from builder.slugs import slugify

TOPICS_FILE = "topics.yml"
ENTITIES_FILE = "entities.yml"
LISTED_CACHE = 50_000  # names remembered as in entities.yml or not


class Vocabulary:
    """What enrich() matches against; build it with load_vocabulary()."""

    def __init__(
        self,
        topics: Sequence[Topic],
        entities: Sequence[Entity],
        figure_rules: FigureRules,
        attribution: AttributionRules,
        recognition: RecognitionRules,
        rejected: Sequence[str] = (),
        outlets: Sequence[str] = (),
    ) -> None:
        self.topics = tuple(topics)
        self.entities = tuple(entities)
        self.figure_rules = figure_rules
        self.attribution = attribution
        self.recognition = recognition
        self.rejected = tuple(rejected)
        self._rejected_keys = frozenset(fold(n.replace(".", "")) for n in self.rejected)
        self.outlets = tuple(outlets)
        self._listed: dict[str, bool] = {}
        self.recogniser = Recogniser(recognition, attribution, self.outlets)
        self.entity_matcher = PhraseMatcher(
            p for i, e in enumerate(self.entities) for p in (parse_phrase(a, i) for a in e.aliases) if p
        )
        self.topic_matcher = TopicMatcher(self.topics)
        self.people_finder = PeopleFinder(attribution, self.entities, self.entity_matcher)
        self.quote_finder = QuoteFinder(self.people_finder)
        self.figure_finder = FigureFinder(figure_rules)
        self._topic_by_slug = {t.slug: t for t in self.topics}
        self.people_keys = frozenset(name_key(e.name) for e in self.entities if e.kind == "people")
        self._entity_by_slug = {(e.kind, e.slug): e for e in self.entities}
        self._alias_keys: dict[str, list[tuple[int, int, str]]] = {}  # entity name -> (entity, alias, " word word " key)
        for i, e in enumerate(self.entities):
            self._alias_keys.setdefault(e.name, []).extend((i, j, f" {name_key(a)} ") for j, a in enumerate(e.aliases))

    def describe(self, kind: str, name: str) -> str | None:
        """The curator's description of a topic or entity, None when there is none."""
        slug = slugify(name)
        if kind == "topics":
            topic = self._topic_by_slug.get(slug)
            return topic.description if topic else None
        entity = self._entity_by_slug.get((kind, slug))
        return entity.description or None if entity else None

    def unknown_topics(self, names: Iterable[str]) -> list[str]:
        """Header topics that topics.yml does not define (compared by slug)."""
        return [name for name in names if slugify(name) not in self._topic_by_slug]

    def topic_named(self, name: str) -> Topic | None:
        return self._topic_by_slug.get(slugify(name))

    def is_listed(self, name: str) -> bool:
        """True when the whole name is a spelling of an entity of entities.yml."""
        listed = self._listed.get(name)
        if listed is None:
            if len(self._listed) > LISTED_CACHE:
                self._listed.clear()
            listed = self._listed[name] = self.entity_matcher.full_match(name) is not None
        return listed

    def spellings_of(self, names: Iterable[str]) -> list[str]:
        """Every alias of these entities, as ' word word ' keys, to find names inside them."""
        return [key for *_, key in sorted(k for name in set(names) for k in self._alias_keys.get(name, ()))]

    def is_rejected(self, name: str) -> bool:
        """True when a curator listed the name under `rejected:` in entities.yml."""
        return fold(name.replace(".", "")) in self._rejected_keys

    def entity(self, index: int) -> Entity:
        return self.entities[index]

    def without_kind(self, kind: str) -> "Vocabulary":
        """The same vocabulary with one entity kind emptied (for checking discovery)."""
        kept = [e for e in self.entities if e.kind != kind]
        return Vocabulary(self.topics, kept, self.figure_rules, self.attribution, self.recognition, self.rejected,
                          self.outlets)


def load_vocabulary(config_dir: Path) -> Vocabulary:
    """Read topics.yml, entities.yml, figures.yml and attribution.yml; raise ConfigError listing every problem."""
    problems = Problems()

    def read_one(name: str) -> tuple[object, str]:
        document = read(config_dir, name, problems)  # the site's file over the builder's default
        return document.data, document.label

    data, label = read_one(TOPICS_FILE)
    topics = read_topics(data, label, problems)
    data, label = read_one(ENTITIES_FILE)
    entities = read_entities(data, label, problems)
    rejected = read_rejected(data, label, problems)
    data, label = read_one(FIGURES_FILE)
    figure_rules = read_figure_rules(data, label, problems)
    data, label = read_one(ATTRIBUTION_FILE)
    attribution = read_attribution_rules(data, label, problems)
    data, label = read_one(RECOGNITION_FILE)
    recognition = read_recognition_rules(data, label, problems)
    outlets = read_outlet_names(read(config_dir, EXTRACTION_FILE, Problems()).data)
    problems.raise_if_any()
    return Vocabulary(topics, entities, figure_rules, attribution, recognition, rejected, outlets)


__all__ = ["ENTITY_KINDS", "Vocabulary", "load_vocabulary"]
