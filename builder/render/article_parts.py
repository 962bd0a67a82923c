"""Stage 7, render: the parts of an article page a reader looks for first: the byline line
(author · publisher · date), the topics as links, the way to the original and the citation,
the standfirst, and the side column (the article's people, organisations, places, figures).

Every value is article data: escaped with html_text, links point at pages the builder made.
"""
from __future__ import annotations

from builder.addresses import author_page, index_page, name_slug, page_address, source_file
from builder.kinds import ENTITY_KINDS, KINDS
from builder.models import Article
from builder.render.markup import html_text, one_line

ASIDE_LIMIT = 12  # names per group in the side column; the rest are on the page's foot
CITE_ID = "cite"  # the citation box's anchor


def page_link(kind: str, name: str, up: str = "../") -> str:
    """The published (.html) address of a topic, person, ... page, relative to an article."""
    return up + page_address(index_page(kind, name_slug(name)))


def _link(href: str, text: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f'<a href="{html_text(href)}"{cls}>{html_text(text)}</a>'


def byline(article: Article) -> str:
    """'By Samuel Smith · The Christian Post · November 2017 · Dateline: SEOUL' ('' if none known)."""
    parts = []
    if article.author:
        href = "../" + page_address(author_page(article.author))
        parts.append(f'<span class="archive-author">By {_link(href, article.author)}</span>')
    if article.publisher:
        parts.append(_link(page_link("publishers", article.publisher), article.publisher, "archive-publisher"))
    if article.date:
        parts.append(f'<time datetime="{article.date.iso}">{html_text(article.date.human)}</time>')
    else:
        parts.append('<span class="archive-undated">Date unknown</span>')
    if article.dateline:
        parts.append(f"<span>Dateline: {html_text(article.dateline)}</span>")
    return f'<p class="archive-meta archive-byline">{" · ".join(parts)}</p>'


def topics_line(article: Article) -> str:
    """The topics, once, as links to their pages."""
    topics = article.knowledge.topics
    if not topics:
        return ""
    links = "".join(f"<li>{_link(page_link('topics', t), t, 'archive-topic')}</li>" for t in topics)
    return f'<nav class="archive-topics" aria-label="Topics"><ul>{links}</ul></nav>'


def actions_line(article: Article) -> str:
    """The original's link and the way to the citation, right under the byline."""
    parts = []
    if article.url:
        where = f"Read the original at {article.publisher}" if article.publisher else "Read the original"
        parts.append(f'<a href="{html_text(article.url)}" rel="noopener">{html_text(where)}</a>')
    parts.append(f'<a href="#{CITE_ID}">Cite this article</a>')
    parts.append(f'<a href="../{source_file(article.slug)}">Text as received</a>')
    return f'<p class="archive-actions" data-search-exclude>{" · ".join(parts)}</p>'


def standfirst(article: Article) -> tuple[str, bool]:
    """(a standfirst paragraph, whether the first paragraph is the standfirst itself).

    A summary that is the article's own lead marks the first paragraph; one from elsewhere
    (the page's description) is shown above the text.
    """
    summary = one_line(article.summary or "")
    paragraphs = article.paragraphs
    if not summary:
        return "", False
    if paragraphs and _same_start(summary, one_line(paragraphs[0])):
        return "", True
    return f'<p class="archive-standfirst" data-search-exclude>{html_text(summary)}</p>', False


def _same_start(summary: str, first: str) -> bool:
    short = summary.rstrip(".… ")
    return bool(short) and first.startswith(short[: max(40, len(short) // 2)])


def aside_sections(article: Article) -> list[dict]:
    """The side column's content, for the page template: [{title, links: [{name, href}]}]."""
    k = article.knowledge
    sections = []
    for kind in ENTITY_KINDS:
        title = KINDS[kind].title
        names = getattr(k, kind)
        if names:
            sections.append({"title": title, "links": [{"name": n, "href": page_link(kind, n, up="../")}
                                                       for n in names[:ASIDE_LIMIT]]})
    figures = [{"name": f"{f.stated} {f.counts}", "href": f"#p{f.paragraph}"} for f in _distinct_figures(article)]
    if figures:
        sections.append({"title": "Key figures", "links": figures})
    return sections


def _distinct_figures(article: Article):
    seen, kept = set(), []
    for figure in article.knowledge.figures:
        key = (figure.low, figure.high, figure.counts)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def entities_section(article: Article, aside: list[dict] | None = None) -> str:
    """The same groups at the page's foot, for screens too narrow for a side column
    (aside: aside_sections(article), when already made)."""
    rows = []
    for section in aside_sections(article) if aside is None else aside:
        links = ", ".join(_link(link["href"], link["name"]) for link in section["links"])
        rows.append(f"<li><strong>{section['title']}:</strong> {links}</li>")
    if not rows:
        return ""
    return ('<div class="archive-entities"><p class="archive-label">In this article</p>'
            f'<ul>{"".join(rows)}</ul></div>')
