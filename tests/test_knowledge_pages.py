"""The knowledge pages of the seed archive, as a reader opens them in the built site."""
from __future__ import annotations

import csv
import html
import json
import re

import pytest

from tests.conftest import run_cli, search_records

pytestmark = pytest.mark.slow


def text(page) -> str:
    """The visible text of a built page (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


def article_links(page) -> set[str]:
    return set(re.findall(r'href="\.\./articles/([^".#]+)\.html', page.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def site(seed_site):
    return seed_site / "site"


@pytest.fixture(scope="module")
def by_date(site):
    records = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    return {r["date"]: r["slug"] for r in records}


def test_one_page_for_kim_jong_un_apart_from_kim_jong_il(site):
    people = {p.stem for p in (site / "people").glob("*.html")}
    assert "kim-jong-un" in people and "kim-jong-il" in people
    assert not {p for p in people if p.startswith("kim-jong-un-") or p == "kim-jong-un-s"}
    assert len(article_links(site / "people" / "kim-jong-un.html")) >= 1


def test_shenyang_lists_the_2012_and_2017_articles(site, by_date):
    assert article_links(site / "places" / "shenyang.html") == {by_date["2012-02"], by_date["2017-11"]}


def test_human_rights_watch_lists_2017_and_october_2023(site, by_date):
    assert article_links(site / "organizations" / "human-rights-watch.html") == {by_date["2017-11"], by_date["2023-10"]}


def test_person_page_quotes_link_to_their_paragraph(site, by_date):
    page = (site / "people" / "lee-seung-joo.html").read_text(encoding="utf-8")
    assert "Quotations" in page
    assert f'../articles/{by_date["2012-03"]}.html#p3' in page
    assert "We can’t storm the Chinese embassy" in html.unescape(page)
    article = (site / "articles" / f"{by_date['2012-03']}.html").read_text(encoding="utf-8")
    assert re.search(r'<p id="p3" class="archive-para">“We can’t storm', html.unescape(article))


@pytest.mark.parametrize("stated, counted", [
    ("between 30 and 40", "held"), ("over 2,000", "held"), ("some 600", "deported"),
    ("more than 500", "returned"), ("10", "arrested"), ("at least 41", "cases"), ("130,000", "signatures"),
])
def test_key_figures_page(site, stated, counted):
    rows = [r for r in text(site / "figures.html").split("\n") if stated.lower() in r.lower()]
    figures = (site / "figures.html").read_text(encoding="utf-8")
    assert 'class="archive-sortable' in figures
    assert any(counted in r for r in rows) or re.search(
        rf"{re.escape(stated)}.{{0,200}}{counted}", html.unescape(re.sub(r"<[^>]+>", " ", figures)), re.I | re.S
    ), (stated, counted)


def test_key_figures_link_to_paragraphs(site):
    links = re.findall(r'href="articles/[^"#]+\.html#p(\d+)"', (site / "figures.html").read_text(encoding="utf-8"))
    assert len(links) >= 7


def test_every_seed_has_two_topics_and_forced_repatriation_lists_all(site, by_date):
    assert article_links(site / "topics" / "forced-repatriation.html") == set(by_date.values())
    records = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    assert all(len(r["topics"]) >= 2 for r in records)


def test_article_pages_link_topics_entities_and_related(site, by_date):
    page = (site / "articles" / f"{by_date['2012-02']}.html").read_text(encoding="utf-8")
    assert "../places/shenyang.html" in page and "../topics/forced-repatriation.html" in page
    assert "Related articles" in page


def test_data_downloads(site):
    records = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    assert len(records) == 5
    assert {"title", "date", "publisher", "topics", "people", "figures", "page"} <= set(records[0])
    rows = list(csv.DictReader((site / "data" / "articles.csv").open(encoding="utf-8")))
    assert [r["slug"] for r in rows] == [r["slug"] for r in records]
    assert "data/articles.json" in (site / "index.html").read_text(encoding="utf-8")


def test_timeline_shows_key_figures(site):
    assert "Key figures:" in text(site / "timeline.html")


def test_searching_a_person_finds_the_article(site, by_date):
    hits = {r["u"] for r in search_records(site) if "Wang Wenbin" in " ".join(r.get("p", []))}
    assert f"articles/{by_date['2023-10']}.html" in hits


def test_check_lists_detected_people_as_candidates(tmp_path):
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    (content / "a.txt").write_text(
        "Aid worker speaks out\n\n\"We will not stop helping them,\" said Park Min-jae, a spokesman for "
        "a church group in Seoul.\n", encoding="utf-8")
    output = run_cli("check", "--content", tmp_path / "content").output
    assert "Park Min-jae" in output and "entities.yml" in output
