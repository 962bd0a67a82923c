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
