"""Entity matching and alias merging, and topic terms: tables of (text, expected)."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.knowledge import enrich, load_vocabulary
from builder.knowledge.phrases import PhraseMatcher, parse_phrase, tokenize

CONFIG = Path(__file__).resolve().parents[1] / "site_config"
VOCAB = load_vocabulary(CONFIG)


def entities(text: str) -> set[str]:
    found = enrich("", [text], [], VOCAB)
    return {*found.people, *found.organizations, *found.places} - set(found.detected_people)


MATCHING = [
    # (text, names that must be found, names that must not be found)
    ("Kim Jong-un vowed vengeance.", {"Kim Jong-un"}, {"Kim Jong Il"}),
    ("Kim Jong Un took power in Pyongyang.", {"Kim Jong-un", "Pyongyang"}, set()),
    ("Kim Jong-Un spoke.", {"Kim Jong-un"}, set()),
    ("KIM JONG UN spoke.", {"Kim Jong-un"}, set()),
    ("after Kim Jong Un’s strict ordinance", {"Kim Jong-un"}, set()),
    ("mourning for Kim Jong Il’s death", {"Kim Jong Il"}, {"Kim Jong-un"}),
    ("Kim Jong-il died in 2011.", {"Kim Jong Il"}, {"Kim Jong-un"}),
    ("Kim said nothing.", set(), {"Kim Jong-un", "Kim Jong Il", "Kim Il Sung"}),
    ("the Kim regime typically imprisons", set(), {"Kim Jong-un", "Kim Jong Il"}),
    ("Human Rights Watch (HRW) said", {"Human Rights Watch"}, set()),
    ("according to HRW, the returnees", {"Human Rights Watch"}, set()),
    ("hrw is lower case here", set(), {"Human Rights Watch"}),
    ("through the United Nations Refugee Agency", {"UNHCR"}, {"United Nations"}),
    ("the UN Refugee Agency said", {"UNHCR"}, {"United Nations"}),
    ("UNHCR has no access", {"UNHCR"}, set()),
    ("According to CSW, which has", {"Christian Solidarity Worldwide"}, set()),
    ("Christian Solidarity Worldwide is calling", {"Christian Solidarity Worldwide"}, set()),
    ("a U.N. Convention on refugees", {"United Nations"}, set()),
    ("Kim Jong Un met officials", {"Kim Jong-un"}, {"United Nations"}),
    ("a United Nations Commission of Inquiry report", {"UN Commission of Inquiry on North Korea"}, {"United Nations"}),
    ("North Korean defectors", set(), {"North Korea"}),
    ("fled North Korea in 2001", {"North Korea"}, set()),
    ("the frozen Tumen river separating", {"Tumen River"}, {"Tumen"}),
    ("the Chinese border city of Tumen, China", {"Tumen", "China"}, {"Tumen River"}),
    ("the Seoul-based group", {"Seoul"}, set()),
    ("Chinese officials in Jilin province", {"Jilin"}, {"China"}),
    ("Citizens’ Alliance for North Korean Human Rights", {"Citizens' Alliance for North Korean Human Rights"}, {"North Korea"}),
    ("Washington, D.C.", {"Washington, D.C."}, set()),
    ("Lee Seung-joo joined the rally", {"Lee Seung Joo"}, set()),
    ("Lee Seung Joo joined the rally", {"Lee Seung Joo"}, set()),
    ("Chinese", set(), {"China"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), MATCHING)
def test_entity_matching(text: str, present: set[str], absent: set[str]) -> None:
    found = entities(text)
    assert present <= found
    assert not (absent & found)


ALIASES = [
    # (alias as the curator wrote it, text, matches?)
    ("Kim Jong-un", "Kim Jong Un", True),
    ("Kim Jong-un", "kim jong-un", True),
    ("Kim Jong-un", "Kim  Jong - un", True),
    ("Kim Jong-un", "Kim Jong", False),
    ("Kim Jong-un", "Kim Jong Il", False),
    ("Kim Jong-un", "Kim Jong Unification", False),
    ("HRW", "HRW", True),
    ("HRW", "Hrw", False),
    ("UN", "Kim Jong Un", False),
    ("U.N.", "U.N.", True),
    ("U.N.", "U N", False),
    ("Citizens' Alliance", "Citizens’ Alliance", True),
    ("South Korea's parliament", "South Korea’s parliament", True),
    ("repatriat*", "repatriated", True),
    ("repatriat*", "repatriation", True),
    ("repatriat*", "expatriate", False),
    ("forcibly repatriat*", "forcibly repatriated", True),
    ("forcibly repatriat*", "forcibly returned", False),
    ("North Korea", "North. Korea", False),
    ("Washington, D.C.", "Washington D.C.", False),
]


@pytest.mark.parametrize(("alias", "text", "expected"), ALIASES)
def test_alias_merging(alias: str, text: str, expected: bool) -> None:
    phrase = parse_phrase(alias, 7)
    assert phrase is not None
    tokens = tokenize(text)
    whole = PhraseMatcher([phrase]).find(tokens) == [(0, len(tokens.words), 7)]
    assert whole is expected


@pytest.mark.parametrize(("text", "words"), [
    ("Some 2,000 people, 1,000,000 fled; 3,00 x a,000 5,0001,",
     ["some", "2,000", "people", "1,000,000", "fled", "3", "00", "x", "a,000", "5,000", "1"]),
    ("Kim Jong-un, said: 'no'.,", ["kim", "jong", "un", "said", "no"]),
    (",,a_b,, ,", ["a", "b"]),
    ("Zoë, 2,000 ans", ["zoë", "2,000", "ans"]),
    ("", []),
])
def test_words_of_a_text(text: str, words: list[str]) -> None:
    assert tokenize(text).lower == words


def test_longest_alias_wins() -> None:
    phrases = [parse_phrase("Tumen", 1), parse_phrase("Tumen River", 2)]
    matcher = PhraseMatcher([p for p in phrases if p])
    assert matcher.find(tokenize("the Tumen River and Tumen")) == [(1, 3, 2), (4, 5, 1)]


TOPICS = [
    # (text, topic expected, matched?)
    ("They were forcibly repatriated and deported back to North Korea.", "Forced repatriation", True),
    ("urging Beijing not to send the defectors back, or to stop deportations", "Forced repatriation", True),
    ("a convention that prohibits refoulement and deportation", "Forced repatriation", True),
    ("The defectors were arrested and are being held at a police station.", "Arrests and detention in China", True),
    ("Protesters held a rally and delivered an open letter.", "Protests and advocacy", True),
    ("China says they are economic migrants, not refugees, and denies them asylum.", "Refugee law and non-refoulement",
     True),
    ("They face torture and labor camps.", "Punishment after return", True),
    ("The Unification Ministry summoned the ambassador.", "South Korea–China diplomacy", True),
    ("The UNHCR and the Commission of Inquiry", "The UN and international bodies", True),
    ("Kim Jong Un met Kim Jong Un", "The UN and international bodies", False),
    ("Her younger brother and her daughter stayed behind.", "Families and personal stories", True),
    ("A missionary and his church helped them.", "Religion, churches and missionaries", True),
    ("They crossed the border with a broker.", "Escape routes and the border", True),
    ("The weather in Seoul was grey.", "Forced repatriation", False),
    ("A rally.", "Protests and advocacy", False),
    # one word, however often, is not evidence; nor is a word inside a person's name
    ("The church, the church hall and the church garden were full.", "Religion, churches and missionaries", False),
    ("A prize named after Hans Christian Andersen went to a writer who visits a church.",
     "Religion, churches and missionaries", False),
]


@pytest.mark.parametrize(("text", "topic", "expected"), TOPICS)
def test_topic_matching(text: str, topic: str, expected: bool) -> None:
    assert (topic in enrich("", [text], [], VOCAB).topics) is expected


def test_header_topics_come_first_in_file_order_and_deduplicate() -> None:
    found = enrich("", ["They were deported and forcibly repatriated."], ["punishment after return", "Forced Repatriation"], VOCAB)
    assert found.topics == ("Forced repatriation", "Punishment after return")


def test_unknown_header_topic_is_kept_last() -> None:
    assert enrich("", ["Nothing here."], ["Sanctions"], VOCAB).topics == ("Sanctions",)


def test_title_counts_double() -> None:
    assert "Forced repatriation" in enrich("Repatriation feared", ["They may be deported."], [], VOCAB).topics


def test_long_articles_need_more_evidence_for_a_topic() -> None:
    mentions = "Police arrested two defectors. They were detained at a police station."
    filler = "The weather in the city was mild and the markets were busy that week."
    short = enrich("A title", [mentions], [], VOCAB).topics
    long = enrich("A title", [mentions] + [filler] * 120, [], VOCAB).topics
    assert "Arrests and detention in China" in short
    assert "Arrests and detention in China" not in long
