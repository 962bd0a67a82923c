"""Stage 2, extract, for saved web pages: HTML -> Extraction, through trafilatura.

    extraction, text = read_page(html_source, rules)

trafilatura finds the article's paragraphs and subheadings in the page's structure;
page_meta reads what the page states about itself (og:title, JSON-LD, meta tags), each
value with the evidence named in `origins`. Only text leaves this module: the page's
markup, scripts and styles are dropped here. A page that is not an article (a section
front, a login or error page) raises NotAnArticle.
"""
from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from builder.extract.dateline import read_dateline
from builder.extract.page_meta import PageMeta, clean_text, read_meta
from builder.extract.rules import Rules
from builder.extract.text import first_sentence
from builder.models import Block, Extraction, Removed
from builder.text_safety import without_unsafe

MIN_ARTICLE_WORDS = 80  # less article text than this on a page: not an article
MIN_DECLARED_ARTICLE_WORDS = 20  # ... unless the page declares itself an article (a paywall's teaser)
LOGIN_FORM = "//input[@type='password']"
ERROR_TITLE = re.compile(r"\b(?:404|403|page not found|not found|access denied|error)\b", re.IGNORECASE)
LEAF_BLOCKS = {"p": "paragraph", "head": "heading", "item": "paragraph", "quote": "paragraph", "row": "paragraph"}
CONTAINERS = frozenset({"list", "table", "div", "body", "cell"})
CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));")
CAPTION_PATH = "//figure//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"


class NotAnArticle(ValueError):
    """A page that is not one article: the reason says what it looks like."""


def read_page(source: str, rules: Rules) -> tuple[Extraction, str]:
    """(what the page says, the page's readable text) for one saved page's HTML."""
    tree = _parse(source)
    meta = read_meta(tree, source, rules)
    captions = _captions(tree)
    blocks = _body(tree, meta, captions)
    _check_article(tree, meta, blocks)
    paragraphs = [b.text for b in blocks]
    dateline = read_dateline(blocks[0].text, rules) if blocks and blocks[0].type == "paragraph" else None
    evidence = []
    if dateline is not None:
        blocks[0] = Block("paragraph", blocks[0].text[len(dateline.prefix):])
        evidence.append(Removed(dateline.prefix.strip(), "dateline"))
    body = tuple(blocks)
    lead = next((b.text for b in body if b.type == "paragraph"), None)
    title = meta.title.value if meta.title else None
    extraction = Extraction(
        title=_without_site_tail(title, meta) if title else None,
        summary=first_sentence(lead) if lead else None,
        publisher=_value(meta.publisher),
        author=_value(meta.author),
        dateline=dateline.place if dateline else None,
        date=_value(meta.date),
        url=_value(meta.url),
        body=body,
        captions=tuple(captions),
        evidence=tuple(evidence),
        origins=_origins(meta, dateline is not None, lead is not None),
        notes=_notes(meta),
    )
    return extraction, "\n\n".join(([title] if title else []) + paragraphs) + "\n"


def _trafilatura():
    """trafilatura, imported when a saved page is first read (a third of a second: an archive of
    text articles, or a build that finds every page in its cache, never needs it)."""
    import trafilatura

    return trafilatura


def _parse(source: str) -> lxml_html.HtmlElement:
    source = CONTROL_REFERENCE.sub("", without_unsafe(source))  # lxml drops a page holding one
    tree = _trafilatura().load_html(source)  # lxml, with trafilatura's own repairs of broken pages
    if tree is None:
        raise NotAnArticle("the page's HTML cannot be read")
    return tree


def _captions(tree) -> list[str]:
    found = []
    for element in tree.xpath(CAPTION_PATH):
        text = clean_text(" ".join(element.itertext()))
        if text and text not in found:
            found.append(text)
    return found


def _body(tree, meta: PageMeta, captions: list[str]) -> list[Block]:
    """The article's paragraphs and subheadings in reading order (not the title, not captions)."""
    found = _trafilatura().bare_extraction(copy.deepcopy(tree), include_comments=False, include_tables=True,
                                            include_images=False, include_links=False, with_metadata=False)
    if found is None or found.body is None:
        return []
    skip = {_key(c) for c in captions}
    leading = {_key(t) for t in (str(meta.title.value) if meta.title else "", meta.headline or "") if t}
    blocks: list[Block] = []
    for kind, text in _flatten(found.body):
        if _key(text) in skip or (not blocks and _key(text) in leading):
            continue
        blocks.append(Block(kind, text))
    return blocks


def _flatten(element) -> list[tuple[str, str]]:
    """trafilatura's tree -> (kind, text) blocks; loose text between blocks is a paragraph too."""
    out: list[tuple[str, str]] = []
    loose: list[str] = []

    def flush() -> None:
        text = clean_text(" ".join(loose))
        if text:
            out.append(("paragraph", text))
        loose.clear()

    def walk(node) -> None:
        has_blocks = any(child.tag in LEAF_BLOCKS or child.tag in CONTAINERS for child in node)
        if node.tag in LEAF_BLOCKS and not has_blocks:
            flush()
            loose.append(" ".join(node.itertext()))
            kind = LEAF_BLOCKS[node.tag]
            text = clean_text(" ".join(loose))
            loose.clear()
            if text:
                out.append((kind, text))
        elif node.tag in LEAF_BLOCKS or node.tag in CONTAINERS:
            flush()
            loose.append(node.text or "")
            for child in node:
                walk(child)
            flush()
        else:  # inline (hi, ref, lb, ...): its text joins the paragraph around it
            loose.append(" ".join(node.itertext()))
        loose.append(node.tail or "")

    loose.append(element.text or "")
    for child in element:
        walk(child)
    flush()
    return out


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _check_article(tree, meta: PageMeta, blocks: list[Block]) -> None:
    words = sum(len(b.text.split()) for b in blocks if b.type == "paragraph")
    if words >= (MIN_DECLARED_ARTICLE_WORDS if meta.is_article else MIN_ARTICLE_WORDS):
        return
    if tree.xpath(LOGIN_FORM):
        raise NotAnArticle("a login or subscription page (it asks for a password), not an article: "
                           "save the page while logged in, or paste the article's text into a .txt file")
    title = meta.document_title or ""
    if ERROR_TITLE.search(title):
        raise NotAnArticle(f"an error page ({title!r}), not an article: check the address and save it again")
    raise NotAnArticle(f"not an article: the page has only {words} words of article text (a section front, "
                       "a list of links or a paywall?). Paste the article's text into a .txt file instead")


def _without_site_tail(title: str, meta: PageMeta) -> str:
    """'Headline | Site' -> 'Headline' when the tail is the site's own name."""
    site = str(meta.publisher.value) if meta.publisher else ""
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(separator)
        if head and site and _key(tail) == _key(site):
            return head.strip()
    return title


def _value(stated):
    return stated.value if stated else None


def _origins(meta: PageMeta, dateline: bool, lead: bool) -> dict[str, str]:
    origins = {name: getattr(meta, name).origin for name in ("title", "date", "publisher", "author", "url")
               if getattr(meta, name) is not None}
    if dateline:
        origins["dateline"] = "dateline"
    if lead:
        origins["summary"] = "lead"
    return origins


def _notes(meta: PageMeta) -> dict[str, str]:
    """What the curator should know: fields the page does not state, and metadata that
    disagrees with the visible headline (the metadata wins: it is the page's own statement)."""
    notes = {}
    for name, what in (("date", "a publication date"), ("publisher", "a site name"), ("author", "an author")):
        if getattr(meta, name) is None:
            notes[name] = f"the page does not state {what} in its metadata"
    if meta.title and meta.headline and meta.title.origin != "h1":
        stated, shown = _key(str(meta.title.value)), _key(meta.headline)
        if stated not in shown and shown not in stated:
            notes["title"] = (f"the page's {meta.title.origin} ({meta.title.value!r}) differs from its visible "
                              f"headline ({meta.headline!r}); the {meta.title.origin} is used, as the page's own "
                              "statement of its title: put 'title:' in the .yml beside the page to choose")
    return notes
