"""Issue 4 acceptance on the five seed articles, and related articles."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.knowledge import enrich, load_vocabulary, related_articles
from builder.knowledge.related import MIN_SCORE
from builder.models import Knowledge

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
VOCAB = load_vocabulary(ROOT / "site_config")
LINE_SPLIT = ("002", "003")  # seeds without blank lines between paragraphs


def paragraphs(number: str) -> list[str]:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    text = path.read_text(encoding="utf-8")
    pieces = text.split("\n") if number in LINE_SPLIT else re.split(r"\n\s*\n", text)
    return [p.strip() for p in pieces if p.strip()]


def seed(number: str, vocab=VOCAB) -> Knowledge:
    return enrich("", paragraphs(number), [], vocab)


ALL = ("000", "001", "002", "003", "004")


def test_one_kim_jong_un_never_merged_with_kim_jong_il() -> None:
    assert "Kim Jong-un" in seed("000").people and "Kim Jong-un" in seed("004").people
    assert "Kim Jong Il" in seed("001").people and "Kim Jong-un" not in seed("001").people
    assert not any(p.startswith("Kim Jong") and p not in ("Kim Jong-un", "Kim Jong Il") for n in ALL for p in seed(n).people)


@pytest.mark.parametrize(("number", "kind", "name", "present"), [
    ("000", "places", "Shenyang", True),
    ("004", "places", "Shenyang", True),
    ("001", "places", "Shenyang", False),
    ("003", "organizations", "Human Rights Watch", True),
    ("004", "organizations", "Human Rights Watch", True),
    ("004", "organizations", "Christian Solidarity Worldwide", True),
    ("001", "organizations", "UNHCR", True),
])
def test_entities_of_the_seeds(number: str, kind: str, name: str, present: bool) -> None:
    assert (name in getattr(seed(number), kind)) is present


def test_lee_seung_joo_quotation_with_its_paragraph() -> None:
    quotes = [q for q in seed("001").quotes if q.speaker == "Lee Seung Joo"]
    assert quotes[0].text.startswith("We can’t storm the Chinese embassy")
    assert paragraphs("001")[quotes[0].paragraph - 1].startswith("“We can’t storm")


def test_discovery_without_the_people_vocabulary() -> None:
    no_people = VOCAB.without_kind("people")
    found = {p for n in ALL for p in seed(n, no_people).detected_people}
    assert {"Kim Young-ja", "Lee Seung Joo", "Koo Byoung-sam", "Wang Wenbin"} <= found
    assert not {p for p in found if "Seoul" in p or "Chinese" in p}


@pytest.mark.parametrize("number", ALL)
def test_every_seed_has_two_topics_and_forced_repatriation(number: str) -> None:
    topics = seed(number).topics
    assert len(topics) >= 2 and "Forced repatriation" in topics


@pytest.mark.parametrize(("number", "low", "high", "counted"), [
    ("001", 30, 40, "held"),
    ("002", 2000, None, "held"),
    ("003", 600, 600, "deported"),
    ("003", 500, None, "returned"),
    ("004", 10, 10, "arrested"),
    ("004", 41, None, "cases"),
    ("001", 130000, None, "signatures"),
    ("000", 10, 10, "people"),
])
def test_key_figures_of_the_seeds(number: str, low: int, high: int | None, counted: str) -> None:
    figures = seed(number).figures
    assert any(f.low == low and f.high == high and counted in f.counts for f in figures), figures


def test_related_articles_on_the_seeds() -> None:
    items = {n: seed(n) for n in ALL}
    related = related_articles(items)
    assert set(related) == set(ALL)
    assert "004" in related["000"]  # Shenyang arrests, Kim Jong-un, detention...
    assert all(n not in others for n, others in related.items())
    assert related == related_articles(dict(reversed(list(items.items()))))


def test_related_articles_rank_by_rarity_and_break_ties_by_slug() -> None:
    rare = Knowledge(topics=("Forced repatriation",), places=("Dandong", "Yanji"))
    items = {
        "a": rare,
        "c": rare,
        "b": rare,
        "d": Knowledge(topics=("Forced repatriation",), places=("Yanji",)),
        "e": Knowledge(topics=("Forced repatriation",)),
        "f": Knowledge(places=("Seoul",)),
    }
    related = related_articles(items, limit=2)
    assert related["a"] == ("b", "c")
    assert related["e"] == ()  # one common topic is below the minimum score
    assert MIN_SCORE > 0


def test_what_every_article_carries_relates_nothing() -> None:
    common = ("Forced repatriation", "Punishment after return", "Arrests", "Protests", "Diplomacy")
    items = {"a": Knowledge(topics=common, places=("China",)), "b": Knowledge(topics=common, places=("China",)),
             "c": Knowledge(topics=common, places=("China", "Seoul"))}
    assert related_articles(items) == {"a": (), "b": (), "c": ()}


def test_related_articles_scale() -> None:
    items = {f"a{i:05d}": Knowledge(topics=("Forced repatriation",), places=(f"P{i % 500}", "China"))
             for i in range(10_000)}
    related = related_articles(items)  # its speed is measured by the benchmarks, not here
    assert related["a00000"] == ("a00500", "a01000", "a01500", "a02000", "a02500")
