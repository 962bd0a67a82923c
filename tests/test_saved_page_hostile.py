"""A hostile saved page publishes its text and nothing of its markup: checked in the
generated files and in Chromium."""
from __future__ import annotations

import re

import pytest

from tests.browser_support import browser, build, close_page, open_page, serve  # noqa: F401 - fixtures
from tests.test_saved_pages import PARAGRAPHS

MARKER = "PWNED"  # appears in every hostile piece of markup, never in the article's text
SHOWN_AS_TEXT = "The leaflet quoted <script>alert(1)</script> and <b>bold</b> as plain words."
HOSTILE_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<base href="https://{MARKER.lower()}.example/">
<title>Hostile page</title>
<meta property="og:title" content="Rally in Seoul &lt;img src=x onerror=alert(2)&gt;">
<meta property="og:site_name" content="Example News">
<style>body {{ background: url(https://{MARKER.lower()}.example/bg.png) }}</style>
<script>window.{MARKER} = 1; alert('{MARKER}');</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2012-02-14"}}</script>
</head><body onload="alert('{MARKER}')">
<nav><a href="javascript:alert('{MARKER}')">Home</a></nav>
<article><h1>Rally in Seoul</h1>
<p onclick="alert('{MARKER}')">{PARAGRAPHS[0]} <a href="javascript:alert('{MARKER}')">More</a></p>
<iframe src="https://{MARKER.lower()}.example/frame"></iframe>
<p>{PARAGRAPHS[1]}<img src="https://{MARKER.lower()}.example/pixel.gif" width="1" height="1"></p>
<form action="https://{MARKER.lower()}.example/post"><input name="q" value="{MARKER}"></form>
<p>{PARAGRAPHS[2]}</p>
<p>{SHOWN_AS_TEXT.replace("<", "&lt;").replace(">", "&gt;")}</p>
<svg onload="alert('{MARKER}')"><script>alert('{MARKER}')</script></svg>
</article>
<script src="https://{MARKER.lower()}.example/track.js"></script>
<img src="https://{MARKER.lower()}.example/pixel2.gif">
</body></html>"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    served = serve(tmp_path_factory.mktemp("hostile-page"))
    (served.content / "articles").mkdir(parents=True)
    (served.content / "articles" / "hostile.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    build(served)
    yield served
    served.stop()


def article_html(served) -> str:
    [path] = [p for p in (served.site / "articles").glob("*.html")]
    return path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_no_markup_of_the_page_reaches_the_site(hostile):
    for path in hostile.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".md", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert MARKER not in text and MARKER.lower() not in text, path  # no script, handler, base, frame, pixel
    for path in hostile.docs.rglob("*.md"):
        assert MARKER not in path.read_text(encoding="utf-8"), path
    page = article_html(hostile)
    article = page[page.index('<article class="md-content__inner'):page.index("</article>")]
    assert not re.search(r"<(?:script|iframe|form|base|img|style|svg)\b", article)
    assert not re.search(r"<[^>]+\son\w+=", article)
    assert "javascript:" not in article
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article  # text about markup stays text
    assert "&lt;img src=x onerror=" in page  # the hostile og:title is shown as text


@pytest.mark.browser
def test_chromium_runs_nothing_from_the_page(hostile, browser):  # noqa: F811 - fixture
    visit = open_page(browser)
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        [path] = [p.relative_to(hostile.site).as_posix() for p in (hostile.site / "articles").glob("*.html")]
        visit.page.goto(hostile.url(path))
        visit.page.wait_for_load_state("networkidle")
        assert dialogs == []
        assert visit.page.evaluate(f"typeof window.{MARKER}") == "undefined"
        assert visit.page.locator("article iframe, article form, article img, base").count() == 0
        assert not [u for u in visit.foreign if MARKER.lower() in u]  # no pixel, frame or script was asked for
        text = visit.page.inner_text("article")
        assert SHOWN_AS_TEXT in text and PARAGRAPHS[1][:40] in text
    finally:
        close_page(visit)
