"""Stage 7, render: what readers ask of the whole archive: who said what (quotes on person
pages), how many (the key figures page), and the data behind it all (JSON and CSV)."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from builder import warm
from builder.addresses import DATA_CSV, DATA_JSON, article_address
from builder.kinds import KNOWLEDGE_KINDS
from builder.models import Article, Page
from builder.render.figures_table import distinct_rows, figure_text
from builder.render import listing_html
from builder.resolve import Site, sort_newest_first

DATA_FIELDS = ("slug", "title", "date", "date_precision", "publisher", "republished_by", "author", "dateline",
               "url", "page", "summary", *KNOWLEDGE_KINDS, "discovered", "figures", "source_file")
DETECTED_NOTE = ("Found in the text as {what}, but not yet described in the archive's vocabulary "
                 "(site_config/entities.yml).")


def quotes_section(person: str, articles: list[Article], up: str = "../") -> list[str]:
    """The person's direct quotations, each linked to its paragraph."""
    lines = []
    for article in sort_newest_first(articles):
        for quote in article.knowledge.quotes:
            if quote.speaker == person:
                lines.append(listing_html.quote(quote.text, article, quote.paragraph, up))
    return ["## Quotations", listing_html.block(lines)] if lines else []


def figure_line(article: Article) -> list[str]:
    """The line of an article's key figures (plain text), for the timeline: none without figures."""
    shown = [figure_text(row) for row in distinct_rows(article)]  # a repeated number once
    return ["Key figures: " + "; ".join(shown)] if shown else []


def data_record(article: Article) -> dict:
    k = article.knowledge
    return {
        "slug": article.slug, "title": article.title,
        "date": article.date.iso if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "publisher": article.publisher, "republished_by": article.republished_by,
        "author": article.author, "dateline": article.dateline, "url": article.url,
        "page": article_address(article.slug), "summary": article.summary,
        **{kind: list(getattr(k, kind)) for kind in KNOWLEDGE_KINDS},
        "discovered": sorted({*k.detected_people, *k.detected_organizations, *k.detected_places}),
        "figures": [{"stated": f.stated, "low": f.low, "high": f.high, "counts": f.counts,
                     "paragraph": f.paragraph} for f in k.figures],
        "source_file": article.source.rel_path,
    }


def iter_data_pages(site: Site) -> Iterator[Page]:
    """data/articles.json and data/articles.csv: every article's metadata for reuse."""
    # the preview keeps each article's lines made for the same file and address (builder.warm)
    # (each line encoded as made: the two files, 24 MB at 10,000 articles, are never held as text)
    lines = [warm.remembered("data lines", (a.slug, a.source.digest), lambda a=a: _data_lines(a)) for a in site.newest]
    # One article per line: readable, diff-friendly, and made by json's fast C encoder.
    yield Page(DATA_JSON, b'{"articles": [\n' + b",\n".join(j for j, _ in lines) + (b"\n" if lines else b"") + b"]}\n")
    yield Page(DATA_CSV, _csv_row(None).encode("utf-8") + b"".join(c for _, c in lines))


def _data_lines(article: Article) -> tuple[bytes, bytes]:
    """The article's line of articles.json and its row of articles.csv (UTF-8)."""
    record = data_record(article)
    return json.dumps(record, ensure_ascii=False).encode("utf-8"), _csv_row(record).encode("utf-8")


def _csv_row(record: dict | None) -> str:
    """One row of articles.csv (None: the header)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=DATA_FIELDS, lineterminator="\n")
    if record is None:
        writer.writeheader()
    else:
        writer.writerow({key: _cell(value) for key, value in record.items()})
    return buffer.getvalue()


# A spreadsheet would run a cell starting with one of these as a formula (OWASP's rule).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """Lists become "a; b"; figures "more than 500 North Koreans returned (p8)".

    A cell that a spreadsheet would take for a formula gets a leading apostrophe.
    """
    if isinstance(value, list):
        value = "; ".join(f"{v['stated']} {v['counts']} (p{v['paragraph']})" if isinstance(v, dict) else str(v)
                          for v in value)
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")  # a lone CR would end the row
