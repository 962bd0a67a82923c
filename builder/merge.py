"""Stage 3, merge: the curator's header over what extraction found, each value with its origin.

Precedence for every field: header > extraction > nothing. Extraction never invents:
a field it could not find stays empty and the build report says so.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from builder.models import Article, Extraction, Message, RawDocument

DEFAULT_LANGUAGE = "en"
MERGED_FIELDS = ("title", "date", "publisher", "author")
REPORTED_WHEN_MISSING = ("date", "publisher")


def merge(raw: RawDocument, found: Extraction) -> Article:
    """Build the Article (slug still empty: slugs are given out across the whole archive)."""
    header = raw.header
    origins = {k: v for k, v in found.origins.items() if getattr(found, k, None) not in (None, (), "")}
    values = {}
    for name in MERGED_FIELDS:
        curated = getattr(header, name)
        if curated is not None:
            values[name], origins[name] = curated, "header"
        else:
            values[name] = getattr(found, name)
    if header.publisher is not None and found.republished_by is None:
        origins.pop("republished_by", None)
    if header.url:
        origins["url"] = "header"
    title = values["title"] or _title_from_filename(raw.rel_path)
    if not values["title"]:
        origins["title"] = "filename"
    return Article(
        source=raw,
        slug="",
        title=title,
        date=values["date"],
        publisher=values["publisher"],
        republished_by=found.republished_by,
        author=values["author"],
        dateline=found.dateline,
        url=header.url or found.url,
        language=header.language or DEFAULT_LANGUAGE,
        summary=found.summary,
        body=found.body,
        captions=found.captions,
        removed=found.removed,
        origins=dict(sorted(origins.items())),
        header_topics=header.topics,
        messages=raw.messages + _report(raw, found, values),
    )


def _title_from_filename(rel_path: str) -> str:
    return PurePosixPath(rel_path).stem.replace("_", " ").replace("-", " ").strip() or rel_path


def _report(raw: RawDocument, found: Extraction, values: dict) -> tuple[Message, ...]:
    """What the curator should know: fields nobody could fill, and extraction's own doubts."""
    settled = {name for name in MERGED_FIELDS if getattr(raw.header, name) is not None}
    settled |= {name for name in REPORTED_WHEN_MISSING if values[name] is None}  # warned below
    messages = [Message("info", note) for name, note in found.notes.items() if name not in settled]
    where = "the header" if raw.kind == "text" else f"{PurePosixPath(raw.rel_path).stem}.yml beside the page"
    if not values["title"]:
        messages.append(Message("warning", f"no title found in the text: the file name is used; add 'title:' to {where}"))
    for name in REPORTED_WHEN_MISSING:
        if values[name] is None:
            messages.append(Message("warning", f"no {name} found in the text; add '{name}:' to {where}"))
    if not found.body:
        messages.append(Message("warning", "no article paragraphs were found in the text"))
    return tuple(messages)


LISTED_WHEN_MISSING = ("title", "date", "publisher")
DERIVED_TITLE_ORIGINS = ("lead", "filename")


def missing_fields(articles: list[Article]) -> list[str]:
    """One note per field that some articles lack (a title cut from the lead or the file
    name counts as missing): which files to give a header value."""
    notes = []
    for name in LISTED_WHEN_MISSING:
        if name == "title":
            files = [a.source.rel_path for a in articles if a.origins.get("title") in DERIVED_TITLE_ORIGINS]
            label = "no headline found (title cut from the lead or the file name)"
        else:
            files = [a.source.rel_path for a in articles if getattr(a, name) is None]
            label = f"no {name} found"
        if files:
            notes.append(f"{label} in {len(files)} article(s); add '{name}:' to their header: {', '.join(sorted(files))}")
    return notes
