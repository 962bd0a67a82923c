"""Stage 7, render: one Article -> its Markdown page, with front matter MkDocs and search read."""
from __future__ import annotations

import html

from builder.addresses import absolute, article_address, article_page, source_file
from builder.kinds import KINDS, KNOWLEDGE_KINDS
from builder.models import Article, Page
from builder.render.cite import bibtex_entry
from builder.resolve import Site
from builder.render.markup import document, html_text, md_link, md_text


def article_meta(article: Article) -> dict:
    """The front matter: every field a reader, MkDocs or a script may want, with its origin."""
    k = article.knowledge
    meta = {
        "title": article.title,
        "description": article.summary or "",
        "slug": article.slug,
        "date": article.date.iso if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "publisher": article.publisher,
        "republished_by": article.republished_by,
        "author": article.author,
        "dateline": article.dateline,
        "url": article.url,
        "language": article.language,
        "source_file": article.source.rel_path,
        # topics: the tags plugin reads this key (mkdocs.yml); search does not
        **{kind: list(getattr(k, kind)) for kind in KNOWLEDGE_KINDS},
        "origins": dict(article.origins),
    }
    return {key: value for key, value in meta.items() if value not in (None, "", [], {})}


def render_article(article: Article, site: Site) -> Page:
    lines = [
        f"# {md_text(article.title)}",
        _meta_line(article, site),
        *_body(article),
        _captions(article),
        _entities(article, site),
        _related(article, site),
        _source_box(article),
        _citation(article, site),
    ]
    return Page(article_page(article.slug), document(article_meta(article), lines))


def _meta_line(article: Article, site: Site) -> str:
    parts = []
    if article.date:
        parts.append(md_text(article.date.human))
    if article.publisher:
        parts.append(md_link(article.publisher, "../" + site.entry("publishers", article.publisher).path))
    if article.author:
        parts.append("By " + md_text(article.author))
    if article.dateline:
        parts.append("Dateline: " + md_text(article.dateline))
    return " · ".join(parts) + "\n{ .archive-meta }" if parts else ""


def _body(article: Article) -> list[str]:
    blocks, number = [], 0
    for block in article.body:
        if block.type == "heading":
            blocks.append(f"## {md_text(block.text)}")
            continue
        number += 1
        anchor = f"p{number}"
        blocks.append(
            f'<p id="{anchor}" class="archive-para">{html_text(block.text)} '
            f'<a class="archive-para-link" href="#{anchor}" data-search-exclude '
            f'title="Link to this paragraph" aria-label="Link to paragraph {number}">¶</a></p>'
        )
    return blocks


def _captions(article: Article) -> str:
    if not article.captions:
        return ""
    items = "".join(f"<li>{html_text(c)}</li>" for c in article.captions)
    return f'<div class="archive-captions" data-search-exclude><p class="archive-label">Photo captions in the original</p><ul>{items}</ul></div>'


def _entities(article: Article, site: Site) -> str:
    k = article.knowledge
    rows = []
    for kind in KNOWLEDGE_KINDS:
        names = getattr(k, kind)
        if names:
            links = ", ".join(md_link(n, "../" + site.entry(kind, n).path) for n in names)
            rows.append(f"- **{KINDS[kind].title}:** {links}")
    return "\n".join(["## In this article", *rows]) if rows else ""


def _related(article: Article, site: Site) -> str:
    rows = []
    for other in site.also_published.get(article.slug, ()):
        rows.append(f"- Also published as: {md_link(other.title, '../' + article_page(other.slug))}")
    for other in site.related.get(article.slug, ()):
        when = f" ({md_text(other.date.human)})" if other.date else ""
        rows.append(f"- {md_link(other.title, '../' + article_page(other.slug))}{when}")
    # Other articles' titles are navigation here, not this article's text: kept out of search.
    return "\n".join(["## Related articles { data-search-exclude }", *rows]) if rows else ""


def _source_box(article: Article) -> str:
    rows = []
    if article.url:
        safe = html_text(article.url)
        rows.append(f'<li>Original: <a href="{safe}" rel="noopener">{safe}</a></li>')
    if article.publisher:
        rows.append(f"<li>Publisher: {html_text(article.publisher)}</li>")
    if article.republished_by:
        rows.append(f"<li>Republished by: {html_text(article.republished_by)}</li>")
    rows.append(f'<li><a href="../{source_file(article.slug)}">The text as received</a> (plain text)</li>')
    return f'<div class="archive-source" data-search-exclude><p class="archive-label">Source</p><ul>{"".join(rows)}</ul></div>'


def citation_text(article: Article, site: Site) -> str:
    parts = []
    if article.author:
        parts.append(f"{article.author}.")
    parts.append(f"“{article.title}.”")
    origin = ", ".join(p for p in (article.publisher, article.date.human if article.date else "n.d.") if p)
    parts.append(f"{origin}.")
    if article.url:
        parts.append(f"{article.url}.")
    parts.append(f"Archived in {site.name}, {absolute(article_address(article.slug), site.url)}.")
    return " ".join(parts)


def _citation(article: Article, site: Site) -> str:
    return (
        f'<div class="archive-cite" data-search-exclude><p class="archive-label">Cite this article</p>'
        f"<p>{html_text(citation_text(article, site))}</p>"
        f'<p class="archive-label">BibTeX</p>'
        f'<div class="archive-bibtex">{_escape_lines(bibtex_entry(article, site.name, site.url))}</div></div>'
    )


def _escape_lines(text: str) -> str:
    """Multi-line text for a raw HTML block: each line escaped, line breaks kept (CSS shows them)."""
    return "\n".join(html.escape(line, quote=True) for line in text.splitlines())
