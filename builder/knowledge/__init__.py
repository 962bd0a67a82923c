"""Stage 4, enrich: topics, entities, people, quotes, key figures and related articles.

    vocab = load_vocabulary(config_dir)          # site_config/*.yml, validated and compiled once
    found = enrich(title, paragraphs, header_topics, vocab)   # -> models.Knowledge
    related = related_articles({slug: knowledge, ...})        # -> {slug: (slug, ...)}

Modules: checks/schema/heuristics (reading the YAML), vocabulary (the compiled Vocabulary),
phrases (whole-word matching), topics, people (discovery), quotes, figures, related, enrich.
"""
from builder.knowledge.enrich import enrich
from builder.knowledge.related import related_articles
from builder.knowledge.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Vocabulary", "enrich", "load_vocabulary", "related_articles"]
