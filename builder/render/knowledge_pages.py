"""Stage 7, render: what readers ask of the whole archive: who said what (quotes on person
pages), how many (the key figures page), and the data behind it all (JSON and CSV)."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from builder.addresses import DATA_CSV, DATA_JSON, FIGURES, article_address, article_page
from builder.kinds import KNOWLEDGE_KINDS
from builder.models import Article, Figure, Page
from builder.render.markup import document, html_text, md_link, md_text
from builder.resolve import Site, sort_newest_first

DATA_FIELDS = ("slug", "title", "date", "date_precision", "publisher", "republished_by", "author", "dateline",
               "url", "page", "summary", *KNOWLEDGE_KINDS, "discovered", "figures", "source_file")
FIGURE_COLUMNS = ("Date", "As stated", "Value", "What is counted", "Article")
DETECTED_NOTE = ("Found in the text as {what}, but not yet described in the archive's vocabulary "
                 "(site_config/entities.yml).")


def figure_value(figure: Figure) -> str:
    """The normalised value: "600", "30–40", "over 2,000"."""
    if figure.high is None:
        return f"over {figure.low:,}"
    return f"{figure.low:,}" if figure.high == figure.low else f"{figure.low:,}–{figure.high:,}"


def quotes_section(person: str, articles: list[Article], up: str = "../") -> list[str]:
    """The person's direct quotations, each linked to its paragraph."""
    lines = []
    for article in sort_newest_first(articles):
        for quote in article.knowledge.quotes:
            if quote.speaker == person:
                target = f"{up}{article_page(article.slug)}#p{quote.paragraph}"
                lines.append(f"- “{md_text(quote.text)}”  \n  {md_link(article.title, target)}"
                             f" (paragraph {quote.paragraph})")
    return ["## Quotations", *lines] if lines else []


def figure_line(article: Article) -> str:
    """One line of an article's key figures, for the timeline."""
    shown = [f"{md_text(f.stated)} {md_text(f.counts)}" for f in article.knowledge.figures]
    return "  \n  Key figures: " + "; ".join(shown) if shown else ""


def figures_page(site: Site) -> Page:
    intro = ("Every count of people the articles report (detained, arrested, deported, returned, "
             "signatures gathered, ...), as the text states it, with a link to its paragraph. "
             "Click a column heading to sort.")
    rows = []
    for article in site.newest:
        for figure in article.knowledge.figures:
            cells = [article.date.iso if article.date else "", figure.stated, figure_value(figure), figure.counts]
            link = f'<a href="{article_address(article.slug)}#p{figure.paragraph}">{html_text(article.title)}</a>'
            rows.append("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in cells) + f"<td>{link}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in FIGURE_COLUMNS)
    table = (f'<table class="archive-sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
             if rows else "No figures found yet.")
    return Page(FIGURES, document({"title": "Key figures"}, ["# Key figures", md_text(intro), table]))


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
    records = [data_record(a) for a in site.newest]
    # One article per line: readable, diff-friendly, and made by json's fast C encoder.
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    as_json = '{"articles": [\n' + lines + ("\n" if records else "") + "]}\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=DATA_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _cell(value) for key, value in record.items()})
    yield Page(DATA_JSON, as_json.encode("utf-8"))
    yield Page(DATA_CSV, buffer.getvalue().encode("utf-8"))


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
