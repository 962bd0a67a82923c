"""Stage 7, render: the files around the pages: the texts as received, redirects from old
addresses, "removed from the archive" notices."""
from __future__ import annotations

from typing import Iterator

from builder.addresses import TIMELINE, article_address, article_page, link, source_file
from builder.models import Page
from builder.render.markup import document, html_text, md_text
from builder.resolve import Site

REDIRECT_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<script>location.replace("{target}" + location.hash);</script>
<meta http-equiv="refresh" content="0; url={target}">
</head><body><p>This article has moved to <a href="{target}">{title}</a>.</p></body></html>
"""


BROWSE = f"Browse the [timeline](../{TIMELINE}) or search for other coverage."
REMOVED_TEXT = "This article has been removed from the archive. " + BROWSE
AWAY_TEXT = "This article is not published at the moment; its page will be back. " + BROWSE


def iter_source_files(site: Site) -> Iterator[Page]:
    """The article text exactly as received (below the curator's header), as UTF-8 plain text."""
    for article in site.articles:
        yield Page(source_file(article.slug), article.source.text.encode("utf-8"))


def iter_redirects(site: Site) -> Iterator[Page]:
    """Old addresses of renamed articles: a page that forwards, keeping #pN."""
    for article in site.articles:
        for old in article.previous_slugs:
            target = link(article_address(article.slug), article_address(old))
            html = REDIRECT_HTML.format(title=html_text(article.title), target=target)
            yield Page(article_address(old), html.encode("utf-8"))


def iter_removed(site: Site) -> Iterator[Page]:
    """Addresses of articles that left the archive say so, instead of "not found"; those of an
    article whose file is there but not published (a draft, an error) say it is away for now."""
    live, registry = {a.source.rel_path for a in site.articles}, site.registry
    notices = [(e, REMOVED_TEXT) for e in registry.removed]
    notices += [(e, AWAY_TEXT) for rel, e in registry.articles.items() if rel not in live]
    shown = {s for a in site.articles for s in (a.slug, *a.previous_slugs)}
    for slug, title, text in sorted((s, e.title, t) for e, t in notices for s in e.slugs()):
        if not slug or slug in shown:  # an address is one page, whatever a hand-edited record says
            continue
        shown.add(slug)
        lines = [f"# {md_text(title or 'Removed article')}", text]
        meta = {"title": title or "Removed article", "search": {"exclude": True}, "removed": True}
        yield Page(article_page(slug), document(meta, lines))
