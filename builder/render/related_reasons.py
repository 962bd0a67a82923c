"""Stage 5a, render: why two articles are related, in words a reader understands:
"Also about Shenyang and Grace Jo · same topic: Arrests and detention in China".

The reason names what the two share, rarest first (a name few articles carry says more
than one most of them carry), as the ranking in knowledge/related.py weighs it.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from builder.knowledge.related import features
from builder.models import Article

NAMES_SHOWN = 2  # people, organisations, places named in a reason
TOPICS_SHOWN = 1


ALL = ("", "")  # the key under which mention_counts keeps the number of articles


def mention_counts(articles: Iterable[Article]) -> Counter:
    """(kind, name) -> how many articles carry it; ALL -> how many articles there are."""
    counts: Counter = Counter()
    for article in articles:
        counts.update(features(article.knowledge))
        counts[ALL] += 1
    return counts


def reason(article: Article, other: Article, counts: Mapping[tuple[str, str], int]) -> str:
    """What the two share, rarest first ('' when nothing is shared)."""
    everywhere = counts.get(ALL, 0)  # what every article carries tells nothing
    shared = sorted((f for f in features(article.knowledge) & features(other.knowledge)
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
