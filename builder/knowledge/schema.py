"""topics.yml and entities.yml: their schema, read into typed objects with every problem named."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from builder.kinds import ENTITY_KINDS
from builder.knowledge.checks import (
    Problems,
    check_mapping,
    check_number,
    check_text,
    check_texts,
    check_weights,
)
from builder.knowledge.phrases import PREFIX_KEY, parse_phrase
from builder.slugs import slugify

TOPIC_KEYS = ("name", "description", "threshold", "terms", "patterns")
ENTITY_KEYS = ("name", "aliases", "description")
REJECTED_KEY = "rejected"  # names the builder finds in the text that a curator turned down
DEFAULT_THRESHOLD = 3.0  # a topic without `threshold` needs this score


@dataclass(frozen=True)
class Topic:
    name: str
    slug: str
    description: str
    threshold: float
    terms: tuple[tuple[str, float], ...]  # (term, weight)
    patterns: tuple[tuple[str, float], ...]  # (regular expression, weight)


@dataclass(frozen=True)
class Entity:
    kind: str  # one of ENTITY_KINDS
    name: str
    slug: str
    aliases: tuple[str, ...]  # the name first, then the curator's aliases
    description: str


def read_topics(data: Any, label: str, problems: Problems) -> tuple[Topic, ...]:
    root = check_mapping(data, label, problems, ("topics",)) if data is not None else None
    items = (root or {}).get("topics") or []
    if not isinstance(items, list):
        problems.add(f"{label}: topics", "expected a list of topics")
        return ()
    topics: list[Topic] = []
    for index, item in enumerate(items):
        topic = _read_topic(item, f"{label}: topics[{index}]", problems)
        if topic is None:
            continue
        if any(t.slug == topic.slug for t in topics):
            problems.add(f"{label}: topics[{index}].name", f"{topic.name!r} repeats an earlier topic")
            continue
        topics.append(topic)
    return tuple(topics)


def _read_topic(item: Any, where: str, problems: Problems) -> Topic | None:
    fields = check_mapping(item, where, problems, TOPIC_KEYS, required=("name", "description"))
    if fields is None:
        return None
    name = check_text(fields.get("name"), f"{where}.name", problems)
    description = check_text(fields.get("description"), f"{where}.description", problems)
    threshold = check_number(fields.get("threshold", DEFAULT_THRESHOLD), f"{where}.threshold", problems, 0.1)
    terms = check_weights(fields.get("terms"), f"{where}.terms", problems)
    patterns = check_weights(fields.get("patterns"), f"{where}.patterns", problems)
    for term, _ in terms:
        _check_term(term, f"{where}.terms", problems)
    for pattern, _ in patterns:
        _check_pattern(pattern, f"{where}.patterns", problems)
    if name is None or description is None or threshold is None:
        return None
    slug = slugify(name)
    if not slug:
        problems.add(f"{where}.name", f"{name!r} gives an empty slug")
        return None
    return Topic(name, slug, description, threshold, terms, patterns)


def _check_term(term: str, where: str, problems: Problems) -> None:
    phrase = parse_phrase(term, 0)
    if phrase is None:
        problems.add(where, f"{term!r} has no word to match")
    elif "*" in term[:-1]:
        problems.add(where, f"{term!r}: '*' is only allowed at the end of a term")
    elif phrase.prefix and len(phrase.lower[-1]) < PREFIX_KEY:
        problems.add(where, f"{term!r}: a prefix needs at least {PREFIX_KEY} letters before '*'")


def _check_pattern(pattern: str, where: str, problems: Problems) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        problems.add(where, f"bad regular expression {pattern!r}: {error}")
        return
    if compiled.groupindex:
        problems.add(where, f"{pattern!r}: use (?:...) groups, not named groups")


def read_entities(data: Any, label: str, problems: Problems) -> tuple[Entity, ...]:
    root = check_mapping(data, label, problems, (*ENTITY_KINDS, REJECTED_KEY)) if data is not None else None
    entities: list[Entity] = []
    owners: dict[str, Entity] = {}  # phrase key -> the entity that has it
    for kind in [k for k in (root or {}) if k in ENTITY_KINDS]:  # file order, for messages
        items = (root or {}).get(kind) or []
        if not isinstance(items, list):
            problems.add(f"{label}: {kind}", "expected a list")
            continue
        for index, item in enumerate(items):
            entity = _read_entity(item, kind, f"{label}: {kind}[{index}]", problems)
            if entity is not None and _claim_aliases(entity, owners, f"{label}: {kind}[{index}]", problems):
                entities.append(entity)
    return tuple(entities)


def read_rejected(data: Any, label: str, problems: Problems) -> tuple[str, ...]:
    """entities.yml `rejected:`: names never to show as people, organisations or places."""
    if not isinstance(data, dict):
        return ()
    return check_texts(data.get(REJECTED_KEY), f"{label}: {REJECTED_KEY}", problems)


def _read_entity(item: Any, kind: str, where: str, problems: Problems) -> Entity | None:
    fields = check_mapping(item, where, problems, ENTITY_KEYS, required=("name",))
    if fields is None:
        return None
    name = check_text(fields.get("name"), f"{where}.name", problems)
    aliases = check_texts(fields.get("aliases"), f"{where}.aliases", problems)
    description = fields.get("description", "")
    if description:
        description = check_text(description, f"{where}.description", problems)
    if name is None or description is None:
        return None
    slug = slugify(name)
    if not slug:
        problems.add(f"{where}.name", f"{name!r} gives an empty slug")
        return None
    return Entity(kind, name, slug, (name, *aliases), description)


def _claim_aliases(entity: Entity, owners: dict[str, Entity], where: str, problems: Problems) -> bool:
    """Record the entity's spellings; False (with a problem) when another entity has one."""
    fine = True
    for position, alias in enumerate(entity.aliases):
        key_where = f"{where}.name" if position == 0 else f"{where}.aliases"
        phrase = parse_phrase(alias, 0)
        if phrase is None or "*" in alias:
            problems.add(key_where, f"{alias!r} is not a name that can be matched")
            fine = False
            continue
        owner = owners.get(phrase.key)
        if owner is not None and owner is not entity:
            problems.add(key_where, f"{alias!r} is already an alias of {owner.name!r} ({owner.kind})")
            fine = False
        owners.setdefault(phrase.key, entity)
    return fine
