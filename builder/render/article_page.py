"""Stage 7, render: one Article -> its Markdown page, with front matter MkDocs and search read."""
from __future__ import annotations

import html

from builder.addresses import article_page, source_file
from builder.kinds import KNOWLEDGE_KINDS
from builder.models import Article, Page
from builder.render.article_parts import (
    CITE_ID, actions_line, aside_sections, byline, entities_section, standfirst, topics_line,
)
from builder.render.cite import archived_at, bibtex_entry
from builder.render.markup import document, html_text, md_link, md_text
from builder.render.related_reasons import reasons
from builder.resolve import Site


def article_meta(article: Article, aside: list[dict] | None = None) -> dict:
    """The front matter: every field a reader, MkDocs or a script may want, with its origin
    (aside: the side column's sections, when already made)."""
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
        # The page frame: no navigation column; the side column holds the article's names.
        "hide": ["navigation", "tags"],
        "aside": aside_sections(article) if aside is None else aside,
    }
    return {key: value for key, value in meta.items() if value not in (None, "", [], {})}


def render_article(article: Article, site: Site, why: tuple[str, ...] | None = None) -> Page:
    """The article's page; why: related_reasons.reasons of its related articles, when known."""
    lead, first_is_lead = standfirst(article)
    aside = aside_sections(article)  # the side column, and the same names at the page's foot
    lines = [
        f"# {md_text(article.title)}",
        byline(article) + topics_line(article) + actions_line(article),
        lead,
        *_body(article, first_is_lead),
        _captions(article),
        entities_section(article, aside),
        _related(article, site, why),
        _source_box(article),
        _citation(article, site),
    ]
    return Page(article_page(article.slug), document(article_meta(article, aside), lines))


def _body(article: Article, first_is_lead: bool = False) -> list[str]:
    blocks, number = [], 0
    for block in article.body:
        if block.type == "heading":
            blocks.append(f"## {md_text(block.text)}")
            continue
        number += 1
        anchor = f"p{number}"
        css = "archive-para archive-standfirst" if number == 1 and first_is_lead else "archive-para"
        blocks.append(
            f'<p id="{anchor}" class="{css}">{html_text(block.text)} '
            f'<a class="archive-para-link" href="#{anchor}" data-search-exclude '
            f'title="Link to this paragraph" aria-label="Link to paragraph {number}">¶</a></p>'
        )
    return blocks


def _captions(article: Article) -> str:
    if not article.captions:
        return ""
    items = "".join(f"<li>{html_text(c)}</li>" for c in article.captions)
    return f'<div class="archive-captions" data-search-exclude><p class="archive-label">Photo captions in the original</p><ul>{items}</ul></div>'


def _related(article: Article, site: Site, reasons_known: tuple[str, ...] | None = None) -> str:
    rows = []
    for other in site.also_published.get(article.slug, ()):
        rows.append(f"- Also published as: {md_link(other.title, '../' + article_page(other.slug))}")
    related = site.related.get(article.slug, ())
    said = reasons(article, related, site.mentions) if reasons_known is None else reasons_known
    for other, why in zip(related, said):
        facts = [md_text(f) for f in (other.publisher, other.date.human if other.date else "") if f]
        when = f" ({', '.join(facts)})" if facts else ""
        rows.append(f"- {md_link(other.title, '../' + article_page(other.slug))}{when}" +
                    (f"  \n  {md_text(why)}" if why else ""))
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
    """Author. “Title.” Publisher, date. Original. Archived in ..., address. (unknown parts left out)"""
    parts = []
    if article.author:
        parts.append(_sentence(article.author))
    parts.append(f"“{_sentence(article.title)}”")
    origin = ", ".join(p for p in (article.publisher, article.date.human if article.date else "undated") if p)
    parts.append(_sentence(origin[:1].upper() + origin[1:]))
    if article.url:
        parts.append(_sentence(article.url))
    if site.url:
        parts.append(_sentence(f"Archived in {site.name}, {archived_at(article.slug, site.url)}"))
    else:  # no published address is known: the page's path, said to be one
        parts.append(_sentence(f"Archived in {site.name} (page {archived_at(article.slug, '')})"))
    return " ".join(parts)


def _sentence(text: str) -> str:
    """The text ending in one full stop: "n.d." stays "n.d.", "Seoul" becomes "Seoul."."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _citation(article: Article, site: Site) -> str:
    return (
        f'<div class="archive-cite" id="{CITE_ID}" data-search-exclude><p class="archive-label">Cite this article</p>'
        f"<p>{html_text(citation_text(article, site))}</p>"
        f'<p class="archive-label">BibTeX</p>'
        f'<div class="archive-bibtex">{_escape_lines(bibtex_entry(article, site.name, site.url))}</div></div>'
    )


def _escape_lines(text: str) -> str:
    """Multi-line text for a raw HTML block: each line escaped, line breaks kept (CSS shows them)."""
    return "\n".join(html.escape(line, quote=True) for line in text.splitlines())
