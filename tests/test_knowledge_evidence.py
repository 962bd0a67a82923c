"""A name's own evidence: the quick test of where a region's name may start inside it gives
the answer of trying every span (the names here are built from the gazetteer's own keys)."""
from __future__ import annotations

import random
from pathlib import Path

from builder.knowledge import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
WORDS = load_vocabulary(ROOT / "site_config").recogniser.words


def _every_span_is_region(words: list[str]) -> bool:
    size = len(words)
    return any(WORDS.places.is_region(" ".join(words[a:b])) for a in range(size) for b in range(a + 1, min(size, a + 3) + 1))


def _quick(words: list[str]) -> bool:
    return WORDS.names_region(words)


def test_region_starts_give_the_answer_of_every_span() -> None:
    keys = sorted(WORDS.places.countries | WORDS.places.regions)
    others = ["john", "bank", "of", "&", "-", "new", "são", "côte", "d’ivoire", "x-ray", "north", "the"]
    chance = random.Random(7)
    names = [key.split() for key in keys]
    names += [key.replace(" ", "-").split() for key in keys if " " in key]  # "hong-kong": one word, two in the key
    for _ in range(3000):
        words = chance.sample(others, chance.randint(0, 2))
        if chance.random() < 0.7:
            words.insert(chance.randint(0, len(words)), chance.choice(keys))
        names.append(" ".join(words).split())
    names = [n for n in names if n]
    assert sum(map(_every_span_is_region, names)) > len(keys)  # the regions are there to be found
    assert [_quick(n) for n in names] == [_every_span_is_region(n) for n in names]
    assert WORDS.never_person(["zorbek", "france"]) and not WORDS.never_person(["zorbek", "malunde"])
