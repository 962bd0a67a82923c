"""The extraction benchmark's scoring rules (benchmarks/extraction_score.py), on invented records."""
import pytest

from benchmarks.extraction_score import (
    body_match, score_author, score_date, score_page, score_publisher, score_title,
)

GOLD = {"title": ["Rivers rise after a week of rain | Valley Post"], "date": ["2021-03-04"],
        "date_plausible": ["2021-03-04", "2021-03-05"], "publisher": ["The Valley Post"],
        "publisher_aliases": ["valleypost"], "author": ["Mara Quill, Valley Post"],
        "body": "The river rose two metres overnight. Farmers moved their animals to higher ground."}


@pytest.mark.parametrize("value, origin, expected", [
    ("Rivers rise after a week of rain", "headline", "correct"),
    ("Rivers rise after a week", "headline", "correct"),          # cut short, more than half
    ("Live: Rivers rise after a week of rain", "headline", "correct"),  # a kicker, under 20 % more
    ("Rivers rise", "headline", "WRONG"),                          # less than half
    ("Sign in", "headline", "WRONG"),
    ("The river rose two metres overnight", "lead", "missing"),   # derived: not a claim
    (None, None, "missing"),
])
def test_title(value, origin, expected):
    assert score_title(value, origin, GOLD["title"]) == expected


@pytest.mark.parametrize("value, expected", [
    ("2021-03-04", "correct"), ("2021-03-05", "correct"), ("2021-03-09", "WRONG"),
    ("2021-03", "partial"), ("2020", "WRONG"), (None, "missing"),
])
def test_date(value, expected):
    assert score_date(value, GOLD["date"], GOLD["date_plausible"]) == expected


@pytest.mark.parametrize("value, expected", [
    ("Valley Post", "correct"), ("valleypost.com", "correct"), ("VP", "correct"),
    ("Hillside Holdings Inc", "WRONG"), ("November", "WRONG"), (None, "missing"),
])
def test_publisher(value, expected):
    assert score_publisher(value, None, GOLD["publisher"], GOLD["publisher_aliases"]) == expected


@pytest.mark.parametrize("value, expected", [
    ("Mara Quill", "correct"), ("By Mara Quill and Tom Reed", "correct"), ("Quill", "WRONG"),
    ("Customer Service", "WRONG"), (None, "missing"),
])
def test_author(value, expected):
    assert score_author(value, GOLD["author"]) == expected


def test_unstated_field_given_is_wrong_and_empty_is_none():
    assert score_author("Mara Quill", []) == "WRONG"
    assert score_author(None, []) == "none"


def test_body_shingles_count_extra_text_against_precision():
    exact = body_match(GOLD["body"], GOLD["body"])
    padded = body_match(GOLD["body"], "Home News Sport Weather Sign in now. " + GOLD["body"])
    assert exact == (1.0, 0.0, 0.0)
    assert padded[1] > 0 and padded[2] == 0


def test_score_page_reads_an_explain_summary():
    result = {"title": "Rivers rise after a week of rain", "title_origin": "headline", "date": "2021-03-04",
              "publisher": "Valley Post", "author": "Mara Quill",
              "body": [{"type": "paragraph", "text": GOLD["body"]}]}
    score = score_page(result, GOLD, "p1")
    assert score.f1 == 1.0 and score.wrong == []
    assert set(score.fields.values()) == {"correct"}
    assert score.stated == {"title", "date", "publisher", "author"}


def test_dates_correct_counts_only_pages_that_state_a_date():
    from benchmarks.extraction import summary
    result = {"title": "Rivers rise after a week of rain", "title_origin": "headline", "date": "2021-03-04",
              "body": [{"type": "paragraph", "text": GOLD["body"]}]}
    stating = score_page(result, GOLD, "p1")
    silent = score_page(result, {**GOLD, "date": [], "date_plausible": []}, "p2")
    totals = summary([stating, silent])
    assert silent.fields["date"] == "WRONG"
    assert totals["dates_correct_where_stated"] == 1.0 and totals["dates_given_where_none_stated"] == 1
