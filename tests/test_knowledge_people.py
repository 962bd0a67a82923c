"""People discovery beyond the vocabulary, and quote attribution: tables of (text, expected)."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.knowledge import enrich, load_vocabulary

CONFIG = Path(__file__).resolve().parents[1] / "site_config"
VOCAB = load_vocabulary(CONFIG)
NO_PEOPLE = VOCAB.without_kind("people")

DISCOVERY = [
    # (paragraph, people detected with the people vocabulary emptied)
    # a word before a title is part of the title; company and event names are nobody
    ("The cuts were announced, said Agriculture Minister Adamu Bello on Monday.", ["Adamu Bello"]),
    ("Albanian Prime Minister Fatos Nano said the talks would continue next week.", ["Fatos Nano"]),
    ("\"We will not stop,\" said Agent Simon Beresford, who led the inquiry.", ["Simon Beresford"]),
    ("Zurich Financial said profits rose, according to a statement on Monday.", []),
    ("Air Deccan said it would add 10 planes, a spokesman for the airline said.", []),
    ("Age Concern said pensioners would lose out, the charity said in a statement.", []),
    ("They will be executed, said Kim Young-ja, secretary-general of the group.", ["Kim Young-ja"]),
    ("“We can’t do anything,” said Lee Seung Joo, one of the defectors.", ["Lee Seung Joo"]),
    ("Koo Byoung-sam, a spokeswoman for South Korea's Unification Ministry, stated", ["Koo Byoung-sam"]),
    ("Wang Wenbin, a spokeswoman for the Chinese ministry, said China had", ["Wang Wenbin"]),
    ("said Cho Byung-je, a spokesman for the South Korean Foreign Ministry in Seoul", ["Cho Byung-je"]),
    ("Lee Kyu Hyung, South Korean ambassador to China, told reporters", ["Lee Kyu Hyung"]),
    ("Cha In Pyo, a South Korean film star who starred in “Crossing,”", ["Cha In Pyo"]),
    ("Kim Il Sim defected to South Korea via China in 2009.", ["Kim Il Sim"]),
    ("CSW Chief Executive Merwyn Thomas said in a statement.", ["Merwyn Thomas"]),
    ("In an open letter to Chinese President Xi Jinping, the activists said", ["Xi Jinping"]),
    ("The defector, Kim Hyuk, told Reuters that his cousin, Kim Cheol-ok, had called", ["Kim Cheol-ok", "Kim Hyuk"]),
    ("a 26-year-old North Korean defector named Grace Jo, who explained", ["Grace Jo"]),
    ("said Kim Eun Young, program officer with Citizens’ Alliance", ["Kim Eun Young"]),
    # a known first name is evidence enough
    ("Grace Jo spoke at Chinese Community Church in Washington.", ["Grace Jo"]),
    # negatives: places, nationalities, organisations, lone surnames, people without a role, verb or first name
    ("The rally was held in Seoul, in front of the embassy.", []),
    ("Chinese officials said the defectors were migrants.", []),
    ("Human Rights Watch said that more than 500 were returned.", []),
    ("South Korea said it protested to China.", []),
    ("Kim said the talks went well.", []),
    ("“We’re trying,” said one teenage defector, Kang.", []),
    ("Park Jin spoke at Chinese Community Church in Washington.", []),
    ("Korea JoongAng Daily reported Thursday that", []),
    ("On Friday, Seoul Beijing said nothing.", []),
    ("Open Doors USA's 2017 World Watch List", []),
]


@pytest.mark.parametrize(("text", "expected"), DISCOVERY)
def test_people_discovery(text: str, expected: list[str]) -> None:
    found = enrich("", [text], [], NO_PEOPLE)
    assert list(found.detected_people) == expected
    assert set(expected) <= set(found.people)


def test_a_discovered_person_in_the_vocabulary_is_not_detected() -> None:
    found = enrich("", ["said Kim Young-ja, secretary-general of the group."], [], VOCAB)
    assert found.people == ("Kim Young-ja",) and found.detected_people == ()


def test_spellings_of_a_detected_person_merge() -> None:
    paragraphs = ["said Park Ji-hyun, an activist.", "Park Ji Hyun, a defector, said more."]
    assert enrich("", paragraphs, [], NO_PEOPLE).detected_people == ("Park Ji-hyun",)


Q = "“We can’t storm the Chinese embassy and force them to do anything,”"
QUOTES = [
    # (paragraphs, expected (speaker, paragraph) of each attributed quote, in order)
    ([f"{Q} said Lee Seung Joo, one of the defectors."], [("Lee Seung Joo", 1)]),
    ([f"{Q} Lee Seung Joo said."], [("Lee Seung Joo", 1)]),
    ([f"{Q} Lee Kyu Hyung, South Korean ambassador to China, told reporters."], [("Lee Kyu Hyung", 1)]),
    ([f"Lee Seung Joo said: {Q}"], [("Lee Seung Joo", 1)]),
    (['"Forcibly repatriating North Koreans violates the principle," CSW Chief Executive Merwyn Thomas said.'], [("Merwyn Thomas", 1)]),
    ([f"{Q} said Kim Jong Un."], [("Kim Jong-un", 1)]),
    ([f"{Q} said Lee Seung Joo.", "“We need to come together and let people know,” he said."],
     [("Lee Seung Joo", 1), ("Lee Seung Joo", 2)]),
    ([f"{Q} said Kim Eun Young.", "“More defectors are paying attention now,” she said. “They can hear their relatives’ voices.”"],
     [("Kim Eun Young", 1), ("Kim Eun Young", 2), ("Kim Eun Young", 2)]),
    (["Cha In Pyo, a film star, is recruiting celebrities.", "“They defected because they had nothing to eat,” said Cha in an interview."],
     [("Cha In Pyo", 2)]),
    ([f"{Q} said Lee Seung Joo. “I know there are more people who are interested.”"],
     [("Lee Seung Joo", 1), ("Lee Seung Joo", 1)]),
    # negatives: no speaker, a speaker who is not a person, scare quotes, pronouns too far back
    ([f"{Q} said one teenage defector, who asked to be named only by his surname, Kang."], []),
    (["One defector, writing on the web portal Daum, wrote, “How can we urge the world to act?”"], []),
    (["The convention states: “No contracting state shall expel or return a refugee.”"], []),
    (['China had always handled the situation "properly" in accordance with law, said Wang Wenbin.'], []),
    (['Returnees were "gravely at risk" of being held in camps.'], []),
    ([f"{Q} Human Rights Watch said."], []),
    ([f"{Q} said Seoul officials."], []),
    ([f"{Q} said Kim."], []),
    ([f"{Q} said Lee Seung Joo.", "Nothing.", "“We need to come together and be heard,” he said."], [("Lee Seung Joo", 1)]),
    (["In an open letter to Chinese President Hu Jintao, she wrote, “Everything becomes meaningless to me now.”"], []),
    (["“This quotation has no attribution at all.”"], []),
    ([f"{Q} said Lee Seung Joo. “Another one for you all,” said Kim Eun Young, an officer. “And a third with nobody.”"],
     [("Lee Seung Joo", 1), ("Kim Eun Young", 1)]),
]


@pytest.mark.parametrize(("paragraphs", "expected"), QUOTES)
def test_quote_attribution(paragraphs: list[str], expected: list[tuple[str, int]]) -> None:
    quotes = enrich("", paragraphs, [], VOCAB).quotes
    assert [(q.speaker, q.paragraph) for q in quotes] == expected


def test_quote_text_loses_the_handover_comma() -> None:
    (quote,) = enrich("", [f"{Q} said Lee Seung Joo."], [], VOCAB).quotes
    assert quote.text == "We can’t storm the Chinese embassy and force them to do anything"
