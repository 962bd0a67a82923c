"""Stage 7, render: why two articles are related, in words a reader understands:
"Also about Shenyang and Grace Jo · same topic: Arrests and detention in China".

The reason names what the two share, rarest first (a name few articles carry says more
than one most of them carry), as the ranking in knowledge/related.py weighs it.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from builder.knowledge.related import features
from builder.models import Article
from builder.resolve import ALL, mention_counts  # noqa: F401  (the counts the Site holds)

NAMES_SHOWN = 2  # people, organisations, places named in a reason
TOPICS_SHOWN = 1


def reason(article: Article, other: Article, counts: Mapping[tuple[str, str], int]) -> str:
    """What the two share, rarest first ('' when nothing is shared)."""
    return _reason(features(article.knowledge), other, counts)


def reasons(article: Article, others: Iterable[Article], counts: Mapping[tuple[str, str], int]) -> tuple[str, ...]:
    """reason(article, other) of each of the others (the article's names gathered once)."""
    carried = features(article.knowledge)
    return tuple(_reason(carried, other, counts) for other in others)


def _reason(carried: set, other: Article, counts: Mapping[tuple[str, str], int]) -> str:
    everywhere = counts.get(ALL, 0)  # what every article carries tells nothing
    shared = sorted((f for f in carried & features(other.knowledge)
                     if everywhere < 3 or counts.get(f, 0) < everywhere),
                    key=lambda f: (counts.get(f, 0), f[1].casefold()))
    names = [name for kind, name in shared if kind != "topics"][:NAMES_SHOWN]
    topics = [name for kind, name in shared if kind == "topics"][:TOPICS_SHOWN]
    parts = []
    if names:
        parts.append("Also about " + " and ".join(names))
    if topics:
        parts.append(("same topic: " if names else "Same topic: ") + ", ".join(topics))
    return " · ".join(parts)
