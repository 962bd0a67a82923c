"""The kinds of index the archive is browsed by: topics, people, organisations, places,
publishers. Every module that lists kinds reads this one list; adding a kind touches it
and a template.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndexKind:
    key: str  # the folder of its pages, its front-matter key, its field of Knowledge
    title: str  # "Organisations": the index page's title and the label beside an article
    singular: str  # "organisation": "browse by organisation"
    entity: str = ""  # an entity of entities.yml: "an organisation" (found in the text as ...)
    found_in_text: bool = True  # read out of the article by knowledge (the publisher is not)


INDEX_KINDS = (
    IndexKind("topics", "Topics", "topic"),
    IndexKind("people", "People", "person", entity="a person"),
    IndexKind("organizations", "Organisations", "organisation", entity="an organisation"),
    IndexKind("places", "Places", "place", entity="a place"),
    IndexKind("publishers", "Publishers", "publisher", found_in_text=False),
)
KINDS = {kind.key: kind for kind in INDEX_KINDS}
INDEX_KEYS = tuple(KINDS)  # every kind, in the order the site shows them
KNOWLEDGE_KINDS = tuple(k.key for k in INDEX_KINDS if k.found_in_text)  # topics and the entity kinds
ENTITY_KINDS = tuple(k.key for k in INDEX_KINDS if k.entity)  # people, organizations, places
