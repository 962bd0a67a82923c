"""What the builder reads out of one article, as a plain dict (for `builder explain --json`)."""
from __future__ import annotations

from dataclasses import asdict

from builder.kinds import KNOWLEDGE_KINDS
from builder.models import Article
from builder.text_safety import shown


def article_summary(article: Article) -> dict:
    k = article.knowledge
    origins = article.origins
    return {
        "file": str(article.source.path),
        "encoding": article.source.encoding,
        "title": article.title,
        "title_origin": origins.get("title"),
        "publisher": article.publisher,
        "publisher_origin": origins.get("publisher"),
        "republished_by": article.republished_by,
        "author": article.author,
        "author_origin": origins.get("author"),
        "dateline": article.dateline,
        "date": article.date.iso if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "date_origin": origins.get("date"),
        "summary": article.summary,
        "body": [{"type": b.type, "text": b.text} for b in article.body],
        "captions": list(article.captions),
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        **{kind: list(getattr(k, kind)) for kind in KNOWLEDGE_KINDS},
        "detected_people": list(k.detected_people),
        "detected_organizations": list(k.detected_organizations),
        "detected_places": list(k.detected_places),
        "quotes": [asdict(q) for q in k.quotes],
        "figures": [asdict(f) for f in k.figures],
        "slug": article.slug,
        "url": article.url,
        "language": article.language,
        "origins": dict(origins),
        "messages": [m.text for m in article.messages],
    }


def as_text(summary: dict) -> str:
    """A short human-readable account for the terminal."""
    lines = []
    for key in ("title", "publisher", "republished_by", "author", "dateline", "date", "slug", "url"):
        value = summary[key]
        origin = summary["origins"].get(key)
        printed = value if value is not None else "(not found)"
        lines.append(f"{key:15} {printed}" + (f"   [from {origin}]" if origin and value is not None else ""))
    paragraphs = sum(1 for b in summary["body"] if b["type"] == "paragraph")
    headings = [b["text"] for b in summary["body"] if b["type"] == "heading"]
    lines.append(f"{'body':15} {paragraphs} paragraphs" + (f", headings: {headings}" if headings else ""))
    lines.append(f"{'summary':15} {summary['summary'] or '(none)'}")
    for key in ("captions", *KNOWLEDGE_KINDS):
        lines.append(f"{key:15} {', '.join(summary[key]) or '(none)'}")
    lines.append(f"{'removed':15} {len(summary['removed'])} lines")
    for item in summary["removed"]:
        lines.append(f"    [{shown(item['reason'])}] {shown(item['text'][:80])}")
    lines += _reading_text(summary.get("reading"))
    for message in summary["messages"]:
        lines.append(f"note: {message}")
    return "\n".join(lines)


def _reading_text(reading: dict | None) -> list[str]:
    """Where the article lies in the text and which headline candidates were weighed."""
    if not reading:
        return []
    extent = reading.get("extent")
    if extent is None:
        lines = [f"{'article':15} no running text found: the whole text was read as the article"]
    else:
        lines = [f"{'article':15} lines {extent['first_line']}-{extent['last_line']}",
                 f"    starts  line {extent['first_line']}: {extent['first'][:70]}",
                 f"            because {extent['why_first']}",
                 f"    ends    line {extent['last_line']}: {extent['last'][:70]}",
                 f"            because {extent['why_last']}"]
    candidates = reading.get("title_candidates", [])
    lines.append(f"{'headline':15} {len(candidates)} candidates" + (" (best first)" if candidates else ""))
    for c in candidates[:5]:
        lines.append(f"    {c['score']:5.1f}  line {c['line']}: {c['text'][:60]}  [{'; '.join(c['reasons'])}]")
    return lines
