"""A listing's entries (topic, person, ... pages, author pages, the timeline; the quotations on
a person's page) as one raw HTML list, which Python-Markdown passes through as it is.

Written as Markdown, a page of 100 entries cost about 65 ms of Python-Markdown (inline
patterns over every entry, a loose list parsed item by item); as one HTML block it costs
about 20 ms, and the reader sees the same list, the HTML Markdown made of the same entries:
each entry a list item, its title a bold link, then the date and publisher, then the
summary, each on a line of its own; the lines are one paragraph when the list has more than
one entry (Markdown's loose list), bare in the item when it has one (a tight list). Every
text is escaped with html_text; the links are pages the builder made, given as their
published .html addresses (mkdocs.yml sets use_directory_urls: false; the home page's cards
rely on it too).
"""
from __future__ import annotations

from typing import Iterable

from builder.addresses import article_address
from builder.models import Article
from builder.render.markup import html_text

LINE_BREAK = "<br>\n"


def entry(article: Article, up: str = "../", more: Iterable[str] = ()) -> str:
    """The lines of one entry: title link, then date and publisher, then the summary, then
    `more` (lines of plain text, escaped here)."""
    facts = [html_text(article.date.human) if article.date else "Undated"]
    if article.publisher:
        facts.append(html_text(article.publisher))
    lines = [f'<strong><a href="{html_text(up + article_address(article.slug))}">{html_text(article.title)}</a></strong>',
             " · ".join(facts)]
    if article.summary:
        lines.append(html_text(article.summary))
    lines.extend(html_text(line) for line in more)
    return LINE_BREAK.join(lines)


def quote(text: str, article: Article, paragraph: int, up: str = "../") -> str:
    """The lines of one quotation on a person's page: the quote, then a link to its paragraph."""
    href = html_text(f"{up}{article_address(article.slug)}#p{paragraph}")
    return f'“{html_text(text)}”{LINE_BREAK}<a href="{href}">{html_text(article.title)}</a> (paragraph {paragraph})'


def block(entries: Iterable[str]) -> str:
    """The entries as one list ('' when there is none): a block of its own in the page."""
    entries = list(entries)
    if len(entries) == 1:
        return f"<ul>\n<li>{entries[0]}</li>\n</ul>"
    return "<ul>\n" + "\n".join(f"<li>\n<p>{e}</p>\n</li>" for e in entries) + "\n</ul>" if entries else ""
