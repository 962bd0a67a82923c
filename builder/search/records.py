"""What the search knows of each page: one record per article and per listing page
(topic, person, organisation, place, publisher), with the text of each field."""
from __future__ import annotations

from dataclasses import dataclass, field

from builder.addresses import article_address, index_page
from builder.kinds import ENTITY_KINDS, INDEX_KINDS
from builder.models import Article
from builder.resolve import Site, sort_newest_first

LISTING_LABELS = {kind.key: kind.singular.capitalize() for kind in INDEX_KINDS}  # "Person", "Topic"
FILTER_KINDS = ("year", "publisher", "topic")


@dataclass(frozen=True)
class Record:
    url: str  # relative to the site's root
    title: str
    label: str  # "" for an article, else the kind of listing page
    fields: dict[str, list[str]]  # field name -> its texts
    shown: dict = field(default_factory=dict)  # what a result shows: meta line, standfirst, paragraphs
    filters: tuple[str, ...] = ()  # "year:2017", "publisher:BBC News", "topic:Forced repatriation"


def html_address(path: str) -> str:
    return path.removesuffix(".md") + ".html"


def spellings(vocabulary) -> dict[tuple[str, str], tuple[str, ...]]:
    """(kind, name) -> every spelling the vocabulary lists for that entity (its name first)."""
    return {(e.kind, e.name): tuple(e.aliases) for e in getattr(vocabulary, "entities", ())}


def article_records(articles: list[Article], names: dict) -> list[Record]:
    """Newest first: record numbers follow the date, so filtered lists read newest first."""
    return [article_record(a, names) for a in sort_newest_first(articles)]


def article_record(article: Article, names: dict) -> Record:
    k = article.knowledge
    carried = [s for kind in ENTITY_KINDS for n in getattr(k, kind) for s in names.get((kind, n), (n,))]
    carried += [*k.topics, *([article.publisher] if article.publisher else [])]
    meta = " · ".join(p for p in (article.date.human if article.date else "", article.publisher or "") if p)
    texts = [b.text for b in article.body]
    return Record(
        url=article_address(article.slug),
        title=article.title,
        label="",
        fields={"title": [article.title], "standfirst": [article.summary or ""], "names": carried, "text": texts},
        shown={"m": meta, "s": article.summary or "", "n": " · ".join(dict.fromkeys(carried)),
               "p": list(article.paragraphs)},
        filters=tuple(_filters(article)),
    )


def _filters(article: Article):
    if article.date:
        yield f"year:{article.date.iso[:4]}"
    if article.publisher:
        yield f"publisher:{article.publisher}"
    for topic in article.knowledge.topics:
        yield f"topic:{topic}"


def listing_records(site: Site, names: dict) -> list[Record]:
    """A listing page is found by its own name (and the name's other spellings) only."""
    records = []
    for kind, label in LISTING_LABELS.items():
        for entry in sorted(site.index.get(kind, ()), key=lambda e: (e.name.casefold(), e.name)):
            count = f"{len(entry.articles)} article" + ("" if len(entry.articles) == 1 else "s")
            records.append(Record(url=html_address(index_page(kind, entry.slug)), title=entry.name, label=label,
                                  fields={"title": [entry.name], "names": list(names.get((kind, entry.name),
                                                                                         (entry.name,)))},
                                  shown={"m": f"{label} · {count}"}))
    return records


def filter_values(articles: list[Article]) -> dict[str, list[list]]:
    """Each filter's values with their number of articles: years newest first, others by name."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in FILTER_KINDS}
    for article in articles:
        for key in _filters(article):
            kind, value = key.split(":", 1)
            counts[kind][value] = counts[kind].get(value, 0) + 1
    ordered = {"year": sorted(counts["year"].items(), reverse=True)}
    for kind in ("publisher", "topic"):
        ordered[kind] = sorted(counts[kind].items(), key=lambda item: (item[0].casefold(), item[0]))
    return {kind: [list(item) for item in items] for kind, items in ordered.items()}

