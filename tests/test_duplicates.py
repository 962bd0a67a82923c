"""Syndicated copies: (bodies, expected copies) tables."""
import pytest

from builder.syndication import fingerprint, syndicated

STORY = [
    "Ten North Korean defectors are facing the threat of being sent back after they were arrested in "
    "northern China last weekend, a human rights group said on Thursday.",
    "The group said the defectors, among them a three-year-old child, were being held at a police "
    "station and could be repatriated within days.",
    "Rights activists have long urged Beijing to treat those who cross the border as refugees rather "
    "than economic migrants, and to let them travel on to South Korea.",
]
OTHER = [
    "Lawmakers in Seoul passed a resolution on Tuesday calling on the government to raise the issue of "
    "forced repatriation at the United Nations Human Rights Council.",
    "The resolution was adopted with broad support from both the ruling and opposition parties, "
    "officials said after the vote in the National Assembly.",
]


@pytest.mark.parametrize("bodies, expected", [
    ({"a": STORY, "b": STORY[:2] + ["Follow us on Twitter for more news from the region."]},
     {"a": ("b",), "b": ("a",)}),
    ({"a": STORY, "b": [p.upper() for p in STORY]}, {"a": ("b",), "b": ("a",)}),  # case does not matter
    ({"a": STORY, "b": ["SEOUL, Nov. 9 (Yonhap) -- " + STORY[0]] + STORY[1:]}, {"a": ("b",), "b": ("a",)}),
    ({"a": STORY, "b": OTHER}, {}),
    ({"a": STORY, "b": STORY[:1]}, {}),  # one paragraph in common is quoting, not the same story
    ({"a": STORY, "b": STORY, "c": STORY}, {"a": ("b", "c"), "b": ("a", "c"), "c": ("a", "b")}),
    ({"a": STORY, "b": OTHER, "c": OTHER + ["Reporting by a correspondent in Seoul."]},
     {"b": ("c",), "c": ("b",)}),
    ({"a": [], "b": []}, {}),
    ({"a": ["Short."], "b": ["Short."]}, {}),
])
def test_syndicated(bodies, expected):
    assert syndicated({key: fingerprint(body) for key, body in bodies.items()}) == expected


def test_fingerprints_ignore_punctuation_and_case():
    text = "One, two; three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen! " * 2 + STORY[0]
    assert fingerprint([text]) == fingerprint([text.lower().replace(",", "").replace(";", "").replace("!", "")])
    assert fingerprint([text])  # some shingles are sampled


def test_fingerprints_ignore_typographic_punctuation():
    plain = "The minister said the deal was worth 5 million pounds and would be signed on Friday in Seoul " * 2
    typographic = "The minister said “the deal” was worth £5 million pounds — and would be signed on Friday in Seoul… " * 2
    assert fingerprint([typographic]) == fingerprint([plain])


@pytest.mark.parametrize("words", [
    "Le café de la gare ouvre à sept heures et ferme à minuit tous les jours de la semaine. Les réfugiés arrêtés "
    "près de la frontière ont été conduits au poste de police, où leurs familles n'ont pas pu les voir. Une "
    "association a demandé au gouvernement d'intervenir avant la fin du mois, faute de quoi ils seraient renvoyés.",
    "탈북자 열 명이 중국 북부에서 체포된 뒤 강제 송환될 위기에 처했다고 인권 단체가 목요일 밝혔다. 단체는 세 살 "
    "아이를 포함한 탈북자들이 경찰서에 구금돼 있으며 며칠 안에 북한으로 돌려보내질 수 있다고 말했다. 활동가들은 "
    "국경을 넘은 사람들을 난민으로 대우하고 한국으로 갈 수 있게 해 달라고 오랫동안 요구해 왔다.",
])
def test_letters_beyond_ascii_are_part_of_words(words):
    split = words.replace("é", "e é").replace("à", "a à").replace("다", " 다")
    assert fingerprint([words]) and fingerprint([words]) != fingerprint([split])
    assert syndicated({"a": fingerprint([words] * 3), "b": fingerprint([words] * 3)}) == {"a": ("b",), "b": ("a",)}
