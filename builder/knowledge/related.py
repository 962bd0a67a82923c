"""Related articles: shared topics and entities, each weighted by how rare it is (IDF-like).

An inverted index maps each feature (topic, person, organisation, place) to its articles, so
an article is only compared with articles it shares something with. Features found in a
large share of a big archive ("China", "North Korea"), in more than COMMON_ARTICLES
articles, or in every article of a small one, are skipped: they relate everything to everything, and their long lists would
make the work quadratic.
"""
from __future__ import annotations

import heapq
import math
from typing import Mapping

from builder.kinds import KNOWLEDGE_KINDS
from builder.models import Knowledge

RELATED_LIMIT = 5
MIN_SCORE = 2.0  # below this, two articles are not related (one rare shared feature is ~2.1+)
COMMON_SHARE = 0.2  # in archives of COMMON_FROM or more articles, features in a larger share are skipped
COMMON_FROM = 50
COMMON_ARTICLES = 100  # and features of more articles than this, whatever the archive's size

Feature = tuple[str, str]  # (kind, name)


def features(knowledge: Knowledge) -> set[Feature]:
    return {(kind, name) for kind in KNOWLEDGE_KINDS for name in getattr(knowledge, kind)}


def feature_weights(postings: Mapping[Feature, list[str]], total: int) -> dict[Feature, float]:
    """ln(1 + N / df): a feature of two articles in a hundred weighs 3.9, one of all articles 0.7."""
    return {f: math.log(1 + total / len(slugs)) for f, slugs in postings.items()}


def related_articles(items: Mapping[str, Knowledge], limit: int = RELATED_LIMIT) -> dict[str, tuple[str, ...]]:
    """For each article slug, up to `limit` related slugs, best first (ties by slug)."""
    postings: dict[Feature, list[str]] = {}
    article_features: dict[str, list[Feature]] = {}
    for slug in sorted(items):
        found = sorted(features(items[slug]))
        article_features[slug] = found
        for feature in found:
            postings.setdefault(feature, []).append(slug)
    total = len(items)
    cutoff = min(COMMON_SHARE * total, COMMON_ARTICLES) if total >= COMMON_FROM else total
    weights = feature_weights(postings, total)
    result = {}
    for slug, found in article_features.items():
        scores: dict[str, float] = {}
        for feature in found:
            slugs = postings[feature]
            if len(slugs) < 2 or len(slugs) > cutoff or (len(slugs) == total and total > 2):
                continue
            weight = weights[feature]
            for other in slugs:
                scores[other] = scores.get(other, 0.0) + weight
        scores.pop(slug, None)
        ranked = heapq.nsmallest(limit, ((-round(s, 9), other) for other, s in scores.items() if s >= MIN_SCORE))
        result[slug] = tuple(other for _, other in ranked)
    return result
