"""Article text is data: what markup.py makes of it renders as the same visible text."""
import html
import re

import markdown
import pytest
from mkdocs.utils.meta import get_data

from builder.render.markup import front_matter, html_text, md_text

EXTENSIONS = ["attr_list", "toc", "pymdownx.mark", "pymdownx.keys", "pymdownx.tilde", "pymdownx.caret"]
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=//evil></iframe>",
    "[click](javascript:alert(1))",
    "<!-- hidden -->",
    "# not a heading",
    "- not a list",
    "| a | b |",
    "```python",
    "!!! note",
    "==mark== ++ctrl+alt++ ~~gone~~ ^^up^^",
    "{ #id .class }",
    "{{ config.site_name }} {% raw %}",
    "&amp; &lt; &#42;",
    "> quoted",
    "*emph* _emph_ **strong** `code`",
    "Kim Jong-un: “We’re here” — 북한 이탈주민 العربية 🙂",
    "zero\u200bwidth\u200djoin",
    "1. not a list",
    "2024. A year",
    "N.K. rights groups; \"quoted\", 'single' / slash?",
]


def visible(rendered: str) -> str:
    assert "<script" not in rendered and "<iframe" not in rendered and "<img" not in rendered
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_context_shows_text_literally(text):
    rendered = markdown.markdown("## " + md_text(text), extensions=EXTENSIONS)
    assert rendered.startswith("<h2") and rendered.count("<") == 2
    assert visible(rendered) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_paragraph_context_shows_text_literally(text):
    rendered = markdown.markdown(md_text(text), extensions=EXTENSIONS)
    assert rendered.startswith("<p>") and rendered.count("<") == 2
    assert visible(rendered) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_raw_html_paragraph_shows_text_literally(text):
    rendered = markdown.markdown(f'<p id="p1">{html_text(text)}</p>', extensions=EXTENSIONS)
    assert rendered.count("<") == 2
    assert visible(rendered) == text


@pytest.mark.parametrize("value", ["no", "null", "Seoul: rally", "---", "- a", "'quoted'", "#hash", "2012-02", "2012",
                                   "yes", "~", "@at", "%pct", "multi\nline", "  padded  ", "北韓", ""])
def test_front_matter_round_trips_through_mkdocs(value):
    meta = {"title": value, "tags": [value], "nested": {"a": value}}
    body, parsed = get_data(front_matter(meta) + "\nbody\n")
    assert parsed == meta
    assert body.strip() == "body"
