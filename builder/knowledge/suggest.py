"""`builder suggest`: the names found in the text that entities.yml does not list yet.

For each kind, the discovered names with the number of articles naming them and one
example sentence each, most frequent first; then a YAML snippet a curator pastes into
site_config/entities.yml. A wrong name goes under `rejected:` there and is never shown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import yaml

from builder.knowledge.schema import ENTITY_KINDS, REJECTED_KEY
from builder.models import Article

DISCOVERED = {"people": "detected_people", "organizations": "detected_organizations", "places": "detected_places"}
EXAMPLE_CHARS = 160  # an example sentence is cut to about this length
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
HEADINGS = {"people": "People", "organizations": "Organisations", "places": "Places"}


@dataclass
class Suggestion:
    kind: str
    name: str
    articles: list[str] = field(default_factory=list)  # rel paths
    example: str = ""

    def as_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "articles": len(self.articles),
                "files": self.articles, "example": self.example}


def suggestions(articles: Iterable[Article], minimum: int = 1) -> list[Suggestion]:
    """Discovered names of every kind, most articles first, then by name."""
    found: dict[tuple[str, str], Suggestion] = {}
    for article in articles:
        for kind in ENTITY_KINDS:
            for name in getattr(article.knowledge, DISCOVERED[kind]):
                item = found.setdefault((kind, name), Suggestion(kind, name))
                item.articles.append(article.source.rel_path)
                item.example = item.example or example_sentence(name, article.paragraphs)
    kept = [s for s in found.values() if len(s.articles) >= minimum]
    return sorted(kept, key=lambda s: (ENTITY_KINDS.index(s.kind), -len(s.articles), s.name.lower()))


def example_sentence(name: str, paragraphs: Iterable[str]) -> str:
    """The first paragraph that contains the name, cut around it at word boundaries."""
    for text in paragraphs:
        at = text.find(name)
        if at >= 0:
            return _around(CONTROL.sub(" ", text), at)
    return ""


def _around(text: str, at: int) -> str:
    if len(text) <= EXAMPLE_CHARS:
        return text
    start = max(0, min(at - EXAMPLE_CHARS // 3, len(text) - EXAMPLE_CHARS))
    end = start + EXAMPLE_CHARS
    if start:
        start = text.find(" ", start, at) + 1 or start
    if end < len(text):
        end = text.rfind(" ", at, end) if text.rfind(" ", at, end) > at else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def as_text(items: list[Suggestion], limit: int) -> str:
    """The listing and the YAML snippet, for the terminal."""
    if not items:
        return "No names found in the text that site_config/entities.yml does not already list."
    lines = []
    for kind in ENTITY_KINDS:
        mine = [s for s in items if s.kind == kind]
        if not mine:
            continue
        lines.append(f"{HEADINGS[kind]} found in the text ({len(mine)}):")
        for item in mine[:limit]:
            count = len(item.articles)
            lines.append(f"  {item.name}  ({count} article{'s' if count != 1 else ''}, e.g. {item.articles[0]})")
            if item.example:
                lines.append(f"      “{item.example}”")
        if len(mine) > limit:
            lines.append(f"  ... and {len(mine) - limit} more (see --limit)")
        lines.append("")
    lines += [
        "To give a name its own page with a description, paste it into site_config/entities.yml",
        "under the right heading. To hide a wrong name for good, put it under `rejected:`.",
        "",
        snippet(items, limit),
    ]
    return "\n".join(lines)


def snippet(items: list[Suggestion], limit: int) -> str:
    """YAML in the shape of entities.yml (names quoted as YAML needs, never interpreted)."""
    data: dict[str, list] = {}
    for kind in ENTITY_KINDS:
        names = [s.name for s in items if s.kind == kind][:limit]
        if names:
            data[kind] = [{"name": n, "description": ""} for n in names]
    data[REJECTED_KEY] = []
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000).rstrip()
