"""Stage 7, render: the key figures page, one row per distinct figure of an article.

An article that gives the same number several times ("10 defectors arrested", "the 10 North
Koreans held") has one row for it, naming everything it counts and linking to where it is
first given. Values read as a person would say them: "24 or more", "30–40".
On a phone each row becomes a small block, labelled, so no word is broken.
"""
from __future__ import annotations

from dataclasses import dataclass

from builder import warm
from builder.addresses import FIGURES, article_address
from builder.models import Article, Figure, Page
from builder.render.markup import document, html_text, md_text
from builder.resolve import Site

COLUMNS = ("Date", "Figure", "Count", "Article")
INTRO = ("Every count of people the articles report (detained, arrested, deported, returned, "
         "signatures gathered, ...), as the text states it, with a link to where the article gives it. "
         "A number an article repeats is one row. Click a column heading to sort.")


@dataclass(frozen=True)
class Row:
    article: Article
    stated: str
    value: str
    counts: tuple[str, ...]
    paragraph: int


def figure_value(figure: Figure) -> str:
    """"600", "30–40", "2,000 or more"."""
    if figure.high is None:
        return f"{figure.low:,} or more"
    return f"{figure.low:,}" if figure.high == figure.low else f"{figure.low:,}–{figure.high:,}"


def distinct_rows(article: Article) -> list[Row]:
    """One row per value (low, high) of an article, in the order first given."""
    rows: dict[tuple[int, int | None], Row] = {}
    for figure in article.knowledge.figures:
        key = (figure.low, figure.high)
        if key in rows:
            row = rows[key]
            if figure.counts not in row.counts:
                rows[key] = Row(article, row.stated, row.value, row.counts + (figure.counts,), row.paragraph)
            continue
        rows[key] = Row(article, figure.stated, figure_value(figure), (figure.counts,), figure.paragraph)
    return list(rows.values())


def figure_text(row: Row) -> str:
    """"Ten North Korean defectors arrested (also: held)": the first wording, then what else
    the article says happened to the same people."""
    first = row.counts[0]
    done = first.split()[-1] if first.split() else ""
    also = []
    for counts in row.counts[1:]:
        verb = counts.split()[-1] if counts.split() else ""
        if verb and verb != done and verb not in also:
            also.append(verb)
    return f"{row.stated} {first}" + (f" (also: {', '.join(also)})" if also else "")


def _rows(article: Article) -> str:
    """An article's rows of the table (the preview keeps them per file and address: builder.warm)."""
    return "".join("<tr>" + "".join(f'<td data-label="{label}">{cell}</td>' for label, cell in zip(COLUMNS, _cells(r)))
                   + "</tr>" for r in distinct_rows(article))


def _cells(row: Row) -> list[str]:
    article = row.article
    date = html_text(article.date.iso) if article.date else "undated"
    what = html_text(figure_text(row))
    link = f'<a href="{article_address(article.slug)}#p{row.paragraph}">{html_text(article.title)}</a>'
    return [date, what, html_text(row.value), link]


def figures_page(site: Site) -> Page:
    # each article's rows encoded as made: the table (8 MB at 10,000 articles) is held once, as bytes
    rows = [warm.remembered("figure rows", (a.slug, a.source.digest), lambda a=a: _rows(a)).encode("utf-8")
            for a in site.newest]
    head = "".join(f"<th>{h}</th>" for h in COLUMNS)
    table = (f'<table class="archive-sortable archive-figures"><thead><tr>{head}</tr></thead><tbody>'.encode("utf-8")
             + b"".join(rows) + b"</tbody></table>" if rows else "No figures found yet.")
    return Page(FIGURES, document({"title": "Key figures"}, ["# Key figures", md_text(INTRO), table]))
