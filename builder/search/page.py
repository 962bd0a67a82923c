"""The search page, search.html: a form with the filters, and the result lists that
archive-search.js fills in. Its address takes the query: search.html?q=words&year=2017."""
from __future__ import annotations

from builder.models import Page
from builder.render.markup import document

PATH = "search.md"
FILTER_LABELS = (("year", "Year", "Any year"), ("publisher", "Publisher", "Any publisher"),
                 ("topic", "Topic", "Any topic"))


def search_page() -> Page:
    selects = "".join(
        f'<label class="archive-search-filter">{label} <select name="{name}" data-filter="{name}">'
        f'<option value="">{anything}</option></select></label>' for name, label, anything in FILTER_LABELS)
    form = (
        '<div id="archive-search" class="archive-search" data-search-exclude>'
        '<form class="archive-search-form" role="search" action="search.html">'
        '<label class="archive-search-label" for="archive-search-query">Words to find</label>'
        '<input id="archive-search-query" class="archive-search-query" type="search" name="q" autocomplete="off" '
        'spellcheck="false" placeholder="A name, a place, &quot;a phrase&quot;">'
        f'<div class="archive-search-filters">{selects}</div></form>'
        '<p class="archive-search-status" role="status" aria-live="polite">Search needs JavaScript.</p>'
        '<ul class="archive-search-pages"></ul>'
        '<ol class="archive-search-results"></ol>'
        '<button type="button" class="archive-search-more md-button" hidden>More results</button>'
        '</div>\n'
        '<script src="assets/javascripts/archive-search.js"></script>'
    )
    meta = {"title": "Search", "description": "Search the archive's articles", "hide": ["navigation", "toc"],
            "search": {"exclude": True}}
    return Page(PATH, document(meta, ["# Search", form]))
