"""Saved web pages as articles: each form a browser saves, the page's own metadata with its
evidence, the curator's NAME.yml, and pages that are not articles. Small invented pages."""
from __future__ import annotations

import json
from html import escape
import pytest

from builder.extract import load_rules
from builder.extract.page import NotAnArticle, read_page
from builder.pipeline import explain
from tests.conftest import ROOT, make_content, run_cli

PARAGRAPHS = [
    "Activists gathered outside the Chinese embassy in Seoul on Friday, urging Beijing to stop sending "
    "North Korean defectors back across the border, where they face prison camps or worse.",
    "The groups said hundreds of people were being held in detention centres near the border and that "
    "families had not heard from their relatives for months, despite repeated appeals to the authorities.",
    "A spokeswoman for the coalition said the protest would continue every week until the detainees were "
    "released, and called on the United Nations to send observers to the region without delay.",
]
TITLE = "Rights groups urge China to stop deportations"


def page(head: str = "", body_top: str = "", paragraphs=PARAGRAPHS, extra: str = "") -> str:
    """A small news page: menus and a footer around one article."""
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE} | Example News</title>{head}</head>"
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
            "<li><a href='/sport'>Sport</a></li></ul></nav>"
            f"<main><article><h1>{TITLE}</h1>{body_top}{text}{extra}</article></main>"
            "<footer><p>Copyright Example News. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
            "</body></html>")


OG = ("<meta property='og:title' content='Rights groups urge China to stop deportations'>"
      "<meta property='og:site_name' content='Example News'>"
      "<meta property='article:published_time' content='2012-02-14T09:30:00+09:00'>"
      "<meta name='author' content='Kim Min-ji'>"
      "<link rel='canonical' href='https://news.example.org/2012/02/rights-groups'>")
LD = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Groups urge China to halt deportations",
                 "datePublished": "2012-02-13", "author": [{"@type": "Person", "name": "Lee Ji-ho"},
                                                          {"@type": "Person", "name": "Park Soo"}],
                 "publisher": {"@type": "Organization", "name": "Example Daily"}})

# (id, head, expected values, expected origins)
METADATA = [
    ("open-graph", OG,
     {"title": TITLE, "date": "2012-02-14", "publisher": "Example News", "author": "Kim Min-ji",
      "url": "https://news.example.org/2012/02/rights-groups"},
     {"title": "og:title", "date": "article:published_time", "publisher": "og:site_name", "author": "meta author",
      "url": "canonical link"}),
    ("json-ld", f"<script type='application/ld+json'>{LD}</script>",
     {"title": "Groups urge China to halt deportations", "date": "2012-02-13", "publisher": "Example Daily",
      "author": "Lee Ji-ho and Park Soo", "url": None},
     {"title": "json-ld headline", "date": "json-ld datePublished", "publisher": "json-ld publisher",
      "author": "json-ld author"}),
    ("headline-only", "",
     {"title": TITLE, "date": None, "publisher": None, "author": None, "url": None},
     {"title": "h1"}),
    ("impossible-date", "<meta property='article:published_time' content='0001-01-01T00:00:00Z'>",
     {"date": None}, {}),
    ("byline-meta", "<meta name='byl' content='By Choi Eun-young'>", {"author": "Choi Eun-young"},
     {"author": "meta byl"}),
    ("saved-from-comment", "", {"url": "https://news.example.org/saved"}, {"url": "saved-from comment"}),
    ("date-in-words", "<meta property='article:published_time' content='February 14, 2012, 07:47 PM EST'>",
     {"date": "2012-02-14"}, {"date": "article:published_time"}),
    ("json-ld-graph-references", "<script type='application/ld+json'>" + json.dumps({"@graph": [
        {"@type": "WebPage", "@id": "#page", "datePublished": "2012-02-12T23:00:00-05:00",
         "author": {"@id": "#kim"}},
        {"@type": "Person", "@id": "#kim", "name": "Kim Min-ji"}]}) + "</script>",
     {"date": "2012-02-12", "author": "Kim Min-ji"}, {"date": "json-ld datePublished", "author": "json-ld author"}),
    ("microdata-author", "", {"author": "Choi Eun-young"}, {"author": "itemprop author"}),
    ("author-as-address", "<meta property='article:author' content='https://social.example/kim'>",
     {"author": None}, {}),
]
MICRODATA = ("<div itemprop='author' itemscope itemtype='https://schema.org/Person'>By "
             "<span itemprop='name'>Choi Eun-young</span></div>")


def read_out(html: str) -> dict:
    extraction, _ = read_page(html, load_rules(ROOT / "site_config"))
    values = {"title": extraction.title, "date": extraction.date.iso if extraction.date else None,
              "publisher": extraction.publisher, "author": extraction.author, "url": extraction.url}
    return {"values": values, "origins": extraction.origins, "extraction": extraction}


@pytest.mark.parametrize("name, head, values, origins", METADATA, ids=[m[0] for m in METADATA])
def test_metadata_names_its_evidence(name, head, values, origins):
    html = page(head)
    if name == "saved-from-comment":
        html = "<!-- saved from url=(0030)https://news.example.org/saved -->\n" + html
    if name == "microdata-author":
        html = page(head, body_top=MICRODATA)
    found = read_out(html)
    for key, value in values.items():
        assert found["values"][key] == value, key
        if value is not None:
            assert found["origins"][key] == origins[key], key
        else:
            assert key not in found["origins"], key


def test_body_keeps_paragraphs_and_subheadings_not_menus_or_captions():
    extra = ("<h2>Appeal to the United Nations</h2><p>" + PARAGRAPHS[2] + " Observers have been refused.</p>"
             "<figure><img src='a.jpg'><figcaption>Protesters outside the embassy in Seoul.</figcaption></figure>")
    extraction = read_out(page(OG, extra=extra))["extraction"]
    kinds = [(b.type, b.text[:20]) for b in extraction.body]
    assert kinds[:3] == [("paragraph", PARAGRAPHS[0][:20]), ("paragraph", PARAGRAPHS[1][:20]),
                         ("paragraph", PARAGRAPHS[2][:20])]
    assert ("heading", "Appeal to the United") in kinds
    text = " ".join(b.text for b in extraction.body)
    assert "Home" not in text and "Copyright" not in text and "Protesters outside" not in text
    assert TITLE not in text  # the headline is the title, not the first paragraph
    assert extraction.captions == ("Protesters outside the embassy in Seoul.",)


def test_metadata_title_that_differs_from_the_headline_is_noted():
    head = "<meta property='og:title' content='Share this: the world reacts'>"
    extraction = read_out(page(head))["extraction"]
    assert extraction.title == "Share this: the world reacts" and extraction.origins["title"] == "og:title"
    assert "differs from its visible headline" in extraction.notes["title"]


NOT_ARTICLES = [
    ("login", "<form><input name='user'><input type='password' name='pw'><button>Sign in</button></form>",
     "login"),
    ("error", "<p>Sorry, we could not find that page.</p>", "error page"),
    ("section-front", "".join(f"<li><a href='/s/{i}'>Story number {i} of today</a></li>" for i in range(12)),
     "not an article"),
]


@pytest.mark.parametrize("name, body, reason", NOT_ARTICLES, ids=[n[0] for n in NOT_ARTICLES])
def test_pages_that_are_not_articles_say_what_they_are(name, body, reason):
    title = "404 Page not found" if name == "error" else "Example News"
    html = f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>{body}</body></html>"
    with pytest.raises(NotAnArticle, match=reason):
        read_out(html)


MHTML = """From: <Saved by Blink>
Snapshot-Content-Location: https://news.example.org/2012/02/mhtml-story
Subject: Rights groups
MIME-Version: 1.0
Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY----"

------BOUNDARY----
Content-Type: text/html
Content-ID: <frame-1@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: https://news.example.org/2012/02/mhtml-story

{html}
------BOUNDARY----
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Location: https://news.example.org/a.png

iVBORw0KGgo=
------BOUNDARY------
"""


def quoted_printable(text: str) -> str:
    import quopri
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


# (id, files, the page's path): every form a browser saves
FORMS = [
    ("html-only", {"articles/story.html": page(OG)}, "articles/story.html"),
    ("htm", {"articles/story.htm": page(OG)}, "articles/story.htm"),
    ("complete", {"articles/story.html": page(OG), "articles/story_files/style.css": "p{}",
                  "articles/story_files/app.js": "alert(1)", "articles/story_files/a.png": b"\x89PNG"},
     "articles/story.html"),
    ("mhtml", {"articles/story.mhtml": MHTML.replace("{html}", quoted_printable(page()))}, "articles/story.mhtml"),
    ("latin-1", {"articles/story.html": page().replace("utf-8", "iso-8859-1").replace(
        "Seoul", "S\u00e9oul").encode("latin-1")}, "articles/story.html"),
]


@pytest.mark.parametrize("name, files, rel", FORMS, ids=[f[0] for f in FORMS])
def test_each_saved_form_becomes_one_article(tmp_path, name, files, rel):
    content = make_content(tmp_path, files)
    report = json.loads(run_cli("check", "--content", content, "--json").output)
    entries = {f["path"]: f for f in report["files"]}
    assert list(entries) == [rel], entries  # the NAME_files/ folder is part of the page, not stray files
    assert entries[rel]["status"] in ("ok", "warning")
    article = explain(content / rel, ROOT / "site_config")
    assert article.title == TITLE
    assert [p[:30] for p in article.paragraphs] == [p[:30] for p in PARAGRAPHS]
    if name == "mhtml":
        assert article.url == "https://news.example.org/2012/02/mhtml-story"
    if name == "latin-1":
        assert "S\u00e9oul" in article.paragraphs[0]
    assert "<" not in article.source.text  # only the page's text travels on, never its markup


def test_sidecar_values_win_and_are_validated(tmp_path):
    content = make_content(tmp_path, {"articles/story.html": page(OG),
                                      "articles/story.yml": "title: Curated title\ndate: 2012-02-15\n"})
    article = explain(content / "articles/story.html", ROOT / "site_config")
    assert (article.title, article.date.iso) == ("Curated title", "2012-02-15")
    assert article.origins["title"] == "header" and article.origins["publisher"] == "og:site_name"
    (content / "articles/story.yml").write_text("title: Fine\ndate: 2012-02-30\n", encoding="utf-8")
    result = run_cli("check", "--content", content, expect=1)
    assert "articles/story.yml" in result.output and "line 2" in result.output and "date" in result.output


def test_sidecar_without_a_page_is_reported(tmp_path):
    content = make_content(tmp_path, {"articles/story.txt": TITLE + "\n\n" + "\n\n".join(PARAGRAPHS),
                                      "articles/orphan.yml": "title: x\n"})
    report = json.loads(run_cli("check", "--content", content, "--json").output)
    orphan = next(f for f in report["files"] if f["path"] == "articles/orphan.yml")
    assert orphan["status"] == "skipped" and "no saved page" in orphan["messages"][0]


def test_folder_named_files_without_its_page_is_still_reported(tmp_path):
    content = make_content(tmp_path, {"articles/other_files/app.js": "alert(1)",
                                      "articles/story.html": page(OG)})
    report = json.loads(run_cli("check", "--content", content, "--json").output)
    assert "articles/other_files/app.js" in {f["path"] for f in report["files"]}


def test_not_an_article_is_reported_not_published(tmp_path):
    login = "<html><head><title>Sign in</title></head><body><form><input type='password'></form></body></html>"
    content = make_content(tmp_path, {"articles/login.html": login, "articles/story.html": page(OG)})
    report = json.loads(run_cli("check", "--content", content, "--json").output)
    entries = {f["path"]: f for f in report["files"]}
    assert entries["articles/login.html"]["status"] == "skipped"
    assert "login" in " ".join(entries["articles/login.html"]["messages"])
    assert report["summary"]["articles"] == 1


def test_explain_shows_the_evidence(tmp_path):
    content = make_content(tmp_path, {"articles/story.html": page(OG)})
    output = run_cli("explain", content / "articles/story.html").output
    assert "[from og:title]" in output and "[from article:published_time]" in output
    assert "[from canonical link]" in output


def test_a_saved_page_and_a_pasted_text_of_one_story_are_syndicated_copies(tmp_path):
    seed = ROOT / "content" / "articles" / "000_286fbaeb4abc4cfc.txt"
    story = explain(seed, ROOT / "site_config").paragraphs
    html = page("<meta property='og:site_name' content='Example Wire'>", paragraphs=[escape(p) for p in story])
    content = make_content(tmp_path, {"articles/pasted.txt": seed.read_bytes(), "articles/saved.html": html,
                                      "articles/other.txt": TITLE + "\n\n" + "\n\n".join(PARAGRAPHS)})
    report = json.loads(run_cli("check", "--content", content, "--json").output)
    notes = {f["path"]: " ".join(f["messages"]) for f in report["files"]}
    assert "the same story is also in articles/pasted.txt" in notes["articles/saved.html"]
    assert "the same story is also in articles/saved.html (Example Wire)" in notes["articles/pasted.txt"]
    assert "the same story" not in notes["articles/other.txt"]


def test_a_title_tag_that_is_only_the_site_name_is_passed_over():
    head = "<meta property='og:title' content='Example News'><meta property='og:site_name' content='Example News'>"
    found = read_out(page(head))
    assert (found["values"]["title"], found["origins"]["title"]) == (TITLE, "h1")


def test_explain_names_a_page_that_is_not_an_article(tmp_path):
    login = "<html><head><title>Sign in</title></head><body><form><input type='password'></form></body></html>"
    content = make_content(tmp_path, {"articles/login.html": login})
    result = run_cli("explain", content / "articles/login.html", expect=1)
    assert "login.html: not published: a login or subscription page" in result.output


def test_bidi_controls_and_forbidden_characters_are_dropped_as_in_text_articles():
    head = "<meta property='og:title' content='Rally &#x202E;in Seoul'>"
    extraction = read_out(page(head, paragraphs=[PARAGRAPHS[0] + " &#x202E;reversed&#x1; tail"] + PARAGRAPHS[1:]))
    assert extraction["values"]["title"] == "Rally in Seoul"
    assert "\u202e" not in extraction["extraction"].body[0].text and "\x01" not in extraction["extraction"].body[0].text
