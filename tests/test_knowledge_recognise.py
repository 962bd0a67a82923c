"""People, organisations and places recognised in the text: one table row per candidate shape.

Every sentence here is invented for the test. Each row gives paragraphs, then the names
that must be found (kind: names) and names that must not be found as any kind.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from builder.knowledge import enrich, load_vocabulary
from builder.knowledge.spans import dateline_places, tokenize
from builder.models import Knowledge
from tests.conftest import make_content, run_cli

ROOT = Path(__file__).resolve().parents[1]
VOCAB = load_vocabulary(ROOT / "site_config")
KINDS = ("people", "organizations", "places")


def found(*paragraphs: str, vocab=VOCAB) -> Knowledge:
    return enrich("", list(paragraphs), [], vocab)


def everything(knowledge: Knowledge) -> set[str]:
    return {name for kind in KINDS for name in getattr(knowledge, kind)}


SHAPES = [
    # people: titles, roles, apposition, age, first names, particles, regnal numbers
    (["Finance Minister Olga Brandtmeier said the budget was final."], {"people": ["Olga Brandtmeier"]}, []),
    (["The cut was welcomed, said economist Zorbek Malunde of the institute."], {"people": ["Zorbek Malunde"]}, []),
    (["Dravik Olsund, a spokesman for the port authority, declined to comment."], {"people": ["Dravik Olsund"]}, []),
    (["Quenby Tarrow, 34, was arrested at her home."], {"people": ["Quenby Tarrow"]}, []),
    (["Australian Tom Brackley took four wickets before lunch."], {"people": ["Tom Brackley"]}, ["Australian"]),
    (["Tom Brackley took four wickets.", "Brackley said he was tired."], {"people": ["Tom Brackley"]}, ["Brackley"]),
    (["Dutch striker Pieter van der Molen scored twice."], {"people": ["Pieter van der Molen"]}, []),
    (["The portrait shows King Henry VIII in his last years."], {"people": ["Henry VIII"]}, []),
    (["Mr Trevannick said the vote would wait."], {"people": ["Trevannick"]}, []),
    (["Veteran Canadian Paul Dorrance won the stage."], {"people": ["Paul Dorrance"]}, ["Canadian"]),
    (["Portraits of Queen Elizabeth I hang in the hall."], {"people": ["Elizabeth I"]}, []),
    # organisations: suffixes, heads with "of", nouns around the name, acronyms in brackets
    (["Brandholt Industries Inc. said profits rose."], {"organizations": ["Brandholt Industries Inc."]}, []),
    (["The Bank of Ruritania raised its rates on Monday."], {"organizations": ["Bank of Ruritania"]}, []),
    (["Mineral water firm Zelkova said sales fell."], {"organizations": ["Zelkova"]}, []),
    (["The Northern Fishing Council (NFC) met in private.", "The NFC said nothing."],  # one organisation
     {"organizations": ["Northern Fishing Council"]}, ["NFC"]),
    (["Gellmark's Orvane Holdings Ltd. bought the mill."], {"organizations": ["Gellmark's Orvane Holdings Ltd."]}, []),
    # places: gazetteer, place words, dateline
    (["Talks were held in Nairobi and later in Montevideo."], {"places": ["Montevideo", "Nairobi"]}, []),
    (["Fishing boats sailed up the Kessel River at dawn."], {"places": ["Kessel River"]}, []),
    (["LISBON 2003-05-01", "Talks began on Thursday."], {"places": ["Lisbon"]}, []),
    # negatives: organisations and places that look like names, names that look like organisations
    (["Morgan Whitby Holdings said it would cut 300 jobs."], {"organizations": ["Morgan Whitby Holdings"]},
     ["Morgan Whitby"]),
    (["Passengers were stranded at Charles de Gaulle airport overnight."], {"places": ["Charles de Gaulle"]}, []),
    (["Silver Lake Partners said on Friday it had sold the stake."], {"organizations": ["Silver Lake Partners"]},
     ["Silver Lake"]),
    (["Yesterday the rain stopped. Polish officials said the road was open."], {}, ["Yesterday", "Polish"]),
    (["The veterans of the Gulf War marched in the capital."], {}, ["Gulf War", "Gulf"]),
    (["After the General Election, parliament met again."], {}, ["Election", "General Election"]),
    (["Hong Kong-based group Tesmar Pacific said it would buy the line."], {}, ["Hong Kong"]),
    (["Brackley & Sons Ltd. said the order was cancelled.", "Brackley said it had no comment."],
     {"organizations": ["Brackley & Sons Ltd."]}, ["Brackley"]),
]


@pytest.mark.parametrize(("paragraphs", "wanted", "unwanted"), SHAPES)
def test_candidate_shapes(paragraphs: list[str], wanted: dict[str, list[str]], unwanted: list[str]) -> None:
    knowledge = found(*paragraphs)
    for kind, names in wanted.items():
        assert set(names) <= set(getattr(knowledge, kind)), (kind, getattr(knowledge, kind))
    assert not set(unwanted) & everything(knowledge)


def test_an_organisation_or_place_is_never_a_person() -> None:
    assert "Charles de Gaulle" not in found("Passengers were stranded at Charles de Gaulle airport.").people
    knowledge = found("Ostmark Bank said on Tuesday that profits rose, Ostmark Bank's chairman said.",
                      "The talks in Geneva ended, Geneva officials said.")
    assert not {"Ostmark Bank", "Geneva"} & set(knowledge.people)


def test_discovered_names_are_marked_as_discovered() -> None:
    knowledge = found("Brandholt Industries Inc. said profits in Nairobi rose, said Olga Brandtmeier.")
    assert "Brandholt Industries Inc." in knowledge.detected_organizations
    assert "Nairobi" in knowledge.detected_places
    assert "Olga Brandtmeier" in knowledge.detected_people


def test_vocabulary_names_are_canonical_and_not_discovered() -> None:
    knowledge = found("Human Rights Watch said the UNHCR office in Seoul was closed.")
    assert "Human Rights Watch" in knowledge.organizations and "Seoul" in knowledge.places
    assert not knowledge.detected_organizations and not knowledge.detected_places


def test_part_of_a_listed_name_is_not_a_second_name() -> None:
    knowledge = found("Kim Young-ja of the Citizens' Alliance for North Korean Human Rights spoke.",
                      "Staff of Chile's Ministry of Mines said nothing.")
    assert not {"Citizens' Alliance"} & everything(knowledge)
    assert "Ministry of Mines" in knowledge.organizations and "Chile" in knowledge.places


def test_a_rejected_name_stays_rejected(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    (tmp_path / "entities.yml").write_text("rejected: [Brandholt Industries Inc., nairobi]\n", encoding="utf-8")
    vocab = load_vocabulary(tmp_path)
    knowledge = found("Brandholt Industries Inc. said profits in Nairobi rose.", vocab=vocab)
    assert not {"Brandholt Industries Inc.", "Nairobi"} & everything(knowledge)
    assert everything(found("Brandholt Industries Inc. said profits in Nairobi rose.")) >= {"Nairobi"}


def test_a_wrong_rejected_list_is_named(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("topics: []\n", encoding="utf-8")
    (tmp_path / "entities.yml").write_text("rejected: {a: 1}\n", encoding="utf-8")
    with pytest.raises(Exception, match="rejected"):
        load_vocabulary(tmp_path)


@pytest.mark.parametrize(("paragraphs", "expected"), [
    (["NEW YORK 1999-04-02", "Shares fell."], ["New York"]),
    (["SEOUL, Sept. 22 (Yonhap) -- Rights groups rallied."], ["Seoul"]),
    (["Shares fell in NEW YORK on Friday."], []),
    (["The report", "PARIS IS BURNING was shown again"], []),
])
def test_dateline_places(paragraphs: list[str], expected: list[str]) -> None:
    assert dateline_places(paragraphs) == expected


@pytest.mark.parametrize(("text", "tokens"), [
    ("Mr. Blair met U.S. envoys", ["Mr", ".", "Blair", "met", "U.S.", "envoys"]),
    ("Kim Young-ja's 2,000.50 yen\t(about $19)", ["Kim", "Young-ja's", "2,000.50", "yen", "(", "about", "$", "19", ")"]),
    ("Minneapolis-based firm\x1cO’Brien, 1996-08-30:", ["Minneapolis-based", "firm", "O’Brien", ",", "1996-08-30", ":"]),
    ("Zoë said\u00a0«non»  x_1 5", ["Zoë", "said", "«", "non", "»", "x_1", "5"]),
    ("", []),
])
def test_tokens_of_a_paragraph(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


def test_the_dateline_extraction_found_or_removed_is_a_place() -> None:
    assert dateline_places([], "SEOUL") == ["Seoul"] and dateline_places([], "New York") == ["New York"]
    knowledge = enrich("", ["Shares fell on Friday."], [], VOCAB, removed=["HELSINKI 1999-04-02"])
    assert "Helsinki" in knowledge.places


def test_suggest_lists_discovered_names_with_examples_and_yaml(tmp_path: Path) -> None:
    content = make_content(tmp_path, {
        "articles/a.txt": "Mill sold\n\nBrandholt Industries Inc. bought the mill in Nairobi, said Olga Brandtmeier.\n",
        "articles/b.txt": "Mill reopens\n\nOlga Brandtmeier said the mill would reopen: \"key: [value]\" was the plan.\n",
    })
    output = run_cli("suggest", "--content", content, "--config", ROOT / "site_config").output
    assert "Olga Brandtmeier  (2 articles" in output and "Brandholt Industries Inc." in output
    assert "bought the mill in Nairobi" in output
    pasted = yaml.safe_load(output[output.index("people:"):])
    assert pasted["people"] == [{"name": "Olga Brandtmeier", "description": ""}]
    assert pasted["places"][0]["name"] == "Nairobi" and pasted["rejected"] == []
    listed = run_cli("suggest", "--content", content, "--config", ROOT / "site_config", "--json",
                     "--min-articles", "2").output
    assert [i["name"] for i in json.loads(listed)] == ["Olga Brandtmeier"]


def test_discovered_names_are_marked_on_their_pages_and_in_the_data(tmp_path: Path) -> None:
    content = make_content(tmp_path, {
        "articles/a.txt": "Mill sold\n\nBrandholt Industries Inc. bought the mill in Nairobi, said Olga Brandtmeier.\n",
    })
    docs = tmp_path / "docs"
    run_cli("generate", "--content", content, "--docs", docs, "--config", ROOT / "site_config")
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    org = next(text for path, text in pages.items() if path.startswith("organizations/brandholt"))
    place = next(text for path, text in pages.items() if path.startswith("places/nairobi"))
    assert "Found in the text as an organisation" in org and "Found in the text as a place" in place
    record = json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8"))["articles"][0]
    assert set(record["discovered"]) == {"Brandholt Industries Inc.", "Nairobi", "Olga Brandtmeier"}
