"""Key figures: (sentence, expected (stated, low, high, counts)) and the negatives."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.knowledge import enrich, load_vocabulary

CONFIG = Path(__file__).resolve().parents[1] / "site_config"
VOCAB = load_vocabulary(CONFIG)

FIGURES = [
    ("there are believed to be between 30 and 40 of them, held in China.", None),  # no noun before: nothing
    ("The number of defectors being held in China is not known, but there are believed to be between 30 and 40 of them.",
     ("between 30 and 40", 30, 40, "defectors held")),
    ("the activists said over 2,000 North Korean defectors are being held in Chinese detention centers",
     ("over 2,000", 2000, None, "North Korean defectors held")),
    ("a report that Beijing had deported some 600 North Korean defectors this week",
     ("some 600", 600, 600, "North Korean defectors deported")),
    ("more than 500 North Koreans, mostly women, had been forcibly returned to China",
     ("more than 500", 500, None, "North Koreans returned")),
    ("Ten North Korean defectors are facing the threat of being sent back after they were arrested in China.",
     ("Ten", 10, 10, "North Korean defectors arrested")),
    ("The arrest of the 10 defectors was initially reported by a newspaper.", ("10", 10, 10, "defectors arrested")),
    ("there were at least 41 documented cases of North Koreans being detained by China",
     ("at least 41", 41, None, "documented cases of North Koreans detained")),
    ("the SaveMyFriend campaign has gathered more than 130,000 signatures.",
     ("more than 130,000", 130000, None, "signatures gathered")),
    ("In the most recent incident, ten people were seized at a bus terminal.", ("ten", 10, 10, "people seized")),
    ("One hundred protesters gathered outside the Chinese embassy.", ("One hundred", 100, 100, "protesters gathered")),
    ("China has expelled hundreds of South Korean missionaries.", ("hundreds", 200, None, "South Korean missionaries expelled")),
    ("China's detention of dozens of North Korean defectors", ("dozens", 24, None, "North Korean defectors detained")),
    ("Police arrested 30-40 refugees last month.", ("30-40", 30, 40, "refugees arrested")),
    ("up to 600 women were repatriated", ("up to 600", 0, 600, "women repatriated")),
    ("about 1,200 refugees were repatriated", ("about 1,200", 1200, 1200, "refugees repatriated")),
    ("a dozen activists were detained", ("a dozen", 12, 12, "activists detained")),
    ("Two million people signed", ("Two million", 2000000, 2000000, "people gathered")),
    # negatives
    ("The bus fare is 2,000 won per person.", None),
    ("Her cousin had spent 25 years living in China.", None),
    ("Among the 10 believed to be detained are a 3-year-old child.", None),
    ("One defector, writing on the web portal, wrote a letter.", None),
    ("Kim Il Sim defected to South Korea via China in 2009.", None),
    ("the 20th of its kind, runs until Saturday", None),
    ("It was recalled that five different border crossings were used.", None),
    ("24 teachers caught illegally selling exam questions", None),
    ("at 5 p.m. last Saturday, on Nov. 4", None),
    ("three generations of their families", None),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_number_extraction(text: str, expected: tuple[str, int, int | None, str] | None) -> None:
    figures = enrich("", [text], [], VOCAB).figures
    found = [(f.stated, f.low, f.high, f.counts) for f in figures]
    assert found == ([expected] if expected else [])


def test_figures_carry_their_paragraph_and_are_deduplicated() -> None:
    paragraphs = ["Nothing here.", "Ten people were arrested.", "Again, ten people were arrested."]
    figures = enrich("", paragraphs, [], VOCAB).figures
    assert [(f.low, f.paragraph) for f in figures] == [(10, 2)]


def test_two_figures_in_one_sentence() -> None:
    text = "Police arrested 12 defectors and deported 30 women."
    figures = enrich("", [text], [], VOCAB).figures
    assert [(f.low, f.counts) for f in figures] == [(12, "defectors arrested"), (30, "women deported")]
