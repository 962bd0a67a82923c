"""A listing's entries are one raw HTML list: the reader sees each article's title (a link to
its page), date, publisher and summary exactly as written, and no text becomes markup."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

from builder.models import Article, Header, PartialDate, RawDocument
from builder.render.listing_html import block, entry, quote
from builder.render.markup import md_link, md_text
from tests.test_properties import EXAMPLES, HOSTILE, MD, normalise

LISTING_TAGS = {"ul", "li", "p", "strong", "a", "br"}


def article(title="Rally in Seoul", date=PartialDate(2017, 3, 5), publisher="Yonhap", summary="Refugees held.",
            slug="rally-in-seoul") -> Article:
    raw = RawDocument(Path("a.txt"), "a.txt", "x", "utf-8", Header())
    return Article(raw, slug, title, date, publisher, None, None, None, None, "en", summary, (), (), (), {})


class Entries(HTMLParser):
    """Each list item's links and its lines of text (split at <br>), as a browser shows them;
    and the page as a browser's tree has it (tags, attributes, text), for comparing two pages."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.items: list[dict] = []
        self.tree: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.tree.append(("<", tag, sorted(attrs)))
        if tag == "li":
            self.items.append({"links": [], "lines": [""]})
        elif tag == "a" and self.items:
            self.items[-1]["links"].append(dict(attrs).get("href"))
        elif tag == "br" and self.items:
            self.items[-1]["lines"].append("")

    def handle_endtag(self, tag):
        if tag != "br":  # <br /> and <br> are one element
            self.tree.append((">", tag))

    def handle_data(self, data):
        if data.strip():
            self.tree.append(("text", " ".join(data.split())))
        if self.items:
            self.items[-1]["lines"][-1] += data


def shown(markdown_text: str) -> Entries:
    MD.reset()
    parsed = Entries()
    parsed.feed(MD.convert(markdown_text))
    return parsed


def published(tree: list[tuple]) -> list[tuple]:
    """The tree with its .md links made .html, as MkDocs publishes them."""
    return [(*part[:2], [(k, v.replace(".md", ".html")) for k, v in part[2]]) if part[0] == "<" else part
            for part in tree]


def markdown_entry(made: Article) -> str:
    """The same entry as a Markdown list item (as listings were written before)."""
    facts = [md_text(made.date.human) if made.date else "Undated"] + ([md_text(made.publisher)] if made.publisher else [])
    line = f"- **{md_link(made.title, '../articles/' + made.slug + '.md')}**  \n  " + " · ".join(facts)
    return line + ("  \n  " + md_text(made.summary) if made.summary else "")


@pytest.mark.parametrize("made, more, lines", [
    (article(), (), ["Rally in Seoul", "5 March 2017 · Yonhap", "Refugees held."]),
    (article(date=None, publisher=None, summary=None), (), ["Rally in Seoul", "Undated"]),
    (article(date=PartialDate(2017, 3)), ["Key figures: 3 people returned"],
     ["Rally in Seoul", "March 2017 · Yonhap", "Refugees held.", "Key figures: 3 people returned"]),
    (article(title="<script>alert(1)</script>", publisher="**Bold** & [x](javascript:y)", summary="</p></li></ul><h1>x"),
     (), ["<script>alert(1)</script>", "5 March 2017 · **Bold** & [x](javascript:y)", "</p></li></ul><h1>x"]),
    (article(title="1. # Not a list {: #id }", summary="<!-- not a comment -->  `code` &amp; \\*"), ("==mark== ~~del~~",),
     ["1. # Not a list {: #id }", "5 March 2017 · Yonhap", "<!-- not a comment --> `code` &amp; \\*", "==mark== ~~del~~"]),
    (article(title="Line\nbreak\u202e and\tbidi", summary="\x02wzxhzdk:0\x03 placeholder"), (),
     ["Line break and bidi", "5 March 2017 · Yonhap", "wzxhzdk:0 placeholder"]),
])
def test_entry_shows_each_text_as_written(made, more, lines):
    for count in (1, 2):  # a list of one entry, and of more
        parsed = shown(block([entry(made, "../", more)] * count))
        assert parsed.tags == LISTING_TAGS - ({"p"} if count == 1 else set())
        assert [[line.strip() for line in item["lines"]] for item in parsed.items] == [lines] * count
        assert [item["links"] for item in parsed.items] == [["../articles/rally-in-seoul.html"]] * count


@pytest.mark.parametrize("count", [1, 2, 5])
def test_the_list_is_the_one_markdown_made_of_the_same_entries(count):
    """Each entry a list item; its lines one paragraph in a list of several entries (Markdown's
    loose list), bare in a list of one (a tight list): the page looks as it did."""
    made = [article(title=f"Rally {n} <b>&amp;</b> [x]", slug=f"rally-{n}", date=[PartialDate(2017, 3, 5), None][n % 2],
                    summary=[None, "Said: *no* - ok."][n % 2 == 0]) for n in range(count)]
    as_markdown = shown("\n\n".join(markdown_entry(a) for a in made))
    as_html = shown(block(entry(a) for a in made))
    assert as_html.tree == published(as_markdown.tree)


@pytest.mark.parametrize("count", [1, 3])
def test_quotations_are_the_list_markdown_made_of_them(count):
    made = article(title="Rally <i>in</i> [Seoul]")
    said = ["We can’t *storm* the <embassy>", "1. Not a list &amp; {: #id }", "[x](javascript:y)"][:count]
    as_markdown = shown("\n\n".join(f"- “{md_text(q)}”  \n  {md_link(made.title, f'../articles/{made.slug}.md#p{n}')}"
                                    f" (paragraph {n})" for n, q in enumerate(said, 1)))
    as_html = shown(block(quote(q, made, n) for n, q in enumerate(said, 1)))
    assert as_html.tree == published(as_markdown.tree)
    assert [item["links"] for item in as_html.items] == [[f"../articles/rally-in-seoul.html#p{n}"] for n in range(1, count + 1)]


def test_block_is_one_list_in_the_page_order():
    page = "# Topic\n\n" + block(entry(article(title=t, slug=t.lower()), "../") for t in ("B", "A", "C")) + "\n\nAfter."
    MD.reset()
    html = MD.convert(page)
    assert html.count("<ul>") == 1 and "<p>After.</p>" in html
    assert [i["links"][0] for i in shown(page).items] == ["../articles/b.html", "../articles/a.html", "../articles/c.html"]
    assert block([]) == ""


@settings(EXAMPLES, max_examples=300)
@given(title=HOSTILE, publisher=HOSTILE, summary=HOSTILE)
def test_entry_never_turns_text_into_markup(title, publisher, summary):
    made = block([entry(article(title=title, publisher=publisher, summary=summary), "../")] * 2)
    MD.reset()
    rendered = MD.convert(made)
    parsed = shown(made)
    assert parsed.tags == LISTING_TAGS
    assert "javascript:" not in re.sub(r">[^<]*<", "><", rendered)  # never inside a tag
    assert [normalise(line) for line in parsed.items[0]["lines"]] == \
           [normalise(title), normalise(f"5 March 2017 · {publisher}"), normalise(summary)]
    assert parsed.items[0]["links"] == ["../articles/rally-in-seoul.html"]
