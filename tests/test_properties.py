"""Property tests: for any Unicode text, the page shows exactly that text and nothing else.

Pages are rendered by the builder, then by Python-Markdown with the extensions mkdocs.yml
enables (the same step MkDocs runs), and parsed back.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings, strategies as st
from mkdocs.utils import yaml_load
from mkdocs.utils.meta import get_data

from builder.models import Article, Block, Header, RawDocument
from builder.render.article_page import article_meta, render_article
from builder.config import Settings
from builder.resolve import resolve
from builder.render.markup import clean_meta
from builder.text_safety import without_unsafe
from tests.conftest import ROOT

EXAMPLES = settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALLOWED = {"h1", "h2", "p", "a", "div", "ul", "li", "span", "strong", "em"}
# Text a curator may paste: any printable character, including markup look-alikes.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1, max_size=200,
).filter(lambda s: s.strip() and not all(c.isspace() or ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in s))
MARKUP = st.sampled_from(["<script>", "</p>", "<!--", "-->", "{{", "{%", "[x](javascript:y)", "==", "++", "~~",
                          "^^", "{: #id }", "!!! note", "# ", "> ", "| a |", "```", "&amp;", "*", "_", "\\", "---"])
HOSTILE = st.lists(st.one_of(TEXT, MARKUP), min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())


def _markdown() -> markdown.Markdown:
    """Python-Markdown set up with the extensions mkdocs.yml lists (as MkDocs does)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml_load(file)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        name = item if isinstance(item, str) else next(iter(item))
        names.append(name)
        if isinstance(item, dict):
            options[name] = item[name] or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


MD = _markdown()


def normalise(text: str) -> str:
    """Whitespace runs as one space; control characters, bidi controls and U+FFFE/U+FFFF (never shown) dropped."""
    text = re.sub(r"[\t\n\r]", " ", without_unsafe(text))
    visible = "".join(c for c in text if ord(c) >= 32 and not 0x7F <= ord(c) < 0xA0)
    return re.sub(r"\s+", " ", visible).strip()


class Parts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.h1, self.paragraphs, self._where = "", [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag == "p" and "archive-para" in (attrs.get("class") or "").split():  # the standfirst is one too
            self.paragraphs.append("")
        self._where.append((tag, attrs.get("class")))

    def handle_endtag(self, tag):
        while self._where and self._where.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if any(c in ("archive-para-link", "headerlink") for _, c in self._where):
            return
        if self._where and self._where[0][0] == "h1":
            self.h1 += data
        elif any("archive-para" in (c or "").split() for _, c in self._where):
            self.paragraphs[-1] += data


def article(title: str, paragraphs: list[str]) -> Article:
    raw = RawDocument(Path("a.txt"), "a.txt", "x", "utf-8", Header())
    body = tuple(Block("paragraph", p) for p in paragraphs)
    return Article(raw, "a", title, None, title, None, title, None, None, "en", paragraphs[0], body, (), (), {})


@EXAMPLES
@given(title=HOSTILE, paragraphs=st.lists(HOSTILE, min_size=1, max_size=3))
def test_page_text_equals_article_text(title, paragraphs):
    page = render_article(article(title, paragraphs), resolve([article(title, paragraphs)], Settings("Archive")))
    body, meta = get_data(page.content.decode("utf-8"))
    assert meta == clean_meta(article_meta(article(title, paragraphs)))  # bidi controls and U+FFFF out
    MD.reset()
    rendered = MD.convert(body)
    parts = Parts()
    parts.feed(rendered)
    assert parts.tags <= ALLOWED, parts.tags - ALLOWED
    assert "javascript:" not in re.sub(r">[^<]*<", "><", rendered)  # never inside a tag
    assert normalise(parts.h1) == normalise(title)
    assert [normalise(p) for p in parts.paragraphs] == [normalise(p) for p in paragraphs]


@EXAMPLES
@given(value=TEXT)
def test_front_matter_round_trips_any_text(value):
    meta = article_meta(article(value, [value]))
    site = resolve([article(value, [value])], Settings("A"))
    body, parsed = get_data(render_article(site.articles[0], site).content.decode("utf-8"))
    assert parsed == clean_meta(meta)
    assert parsed["title"] in (without_unsafe(value).strip(), without_unsafe(value))
