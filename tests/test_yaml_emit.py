"""Front matter written by builder/render/yaml_emit.py: the same bytes PyYAML writes, and
read back as the same values, whatever the text holds."""
from __future__ import annotations

import random

import pytest
import yaml

from builder.render import yaml_emit

HOSTILE = [
    "", " ", "a ", " a", "a  b", "a: b", "a:", ":a", "x #y", "#x", "- a", "-a", "a-", "? a", "?a", "it's", "'q",
    '"q', 'x"y', "a\\b", "£5", "$1m payoff", "(a) b", "é", "Kim Jong-un", "a\u00a0b", "a\tb", "a\nb", "a\rb",
    "People: Kim Jong-un", "a: b: c", "it's: x", "a:  b", "a: ", "on: x", "1: 2", "a: #b", "a: -", "a:b c: d",
    "a\u2028b", "\ufeffa", "a\x85b", "@x", "%x", "`x", "!x", "&x", "*x", "|x", ">x", "[x", "x]", "{x", "x}", "x,y",
    "on", "off", "Yes", "no", "true", "False", "null", "Null", "~", "1", "012", "0x1f", "1e3", "1.5", ".5", "-1",
    "+1", "1_000", ".inf", ".NaN", "2004-01-02", "2004-01-02 10:00:00", "12:30", "1:2", "<<", "=", "a=b",
    "...", "...a", "../people/x.html", "./x", ".x", "---", "--- a", "a # b", "a#b", "x" * 3_000, "word " * 2_500,
    "<script>alert(1)</script>",
    "{{ config }}", "${HOME}", "'; DROP TABLE", "🙂 emoji", "탈북자", "a\x00b", "\u202eb", "0o17", "0b101",
]
SHAPES = [
    lambda s: {"title": s},
    lambda s: {"title": "T", "people": [s, "Kim Jong-un"], "count": 3, "draft": False, "none": None},
    lambda s: {"aside": [{"title": s, "links": [{"name": s, "href": "../people/x.html"}]}], "hide": ["navigation"]},
    lambda s: {"origins": {"summary": s, "title": "headline"}, "empty": [], "nothing": {}},
    lambda s: {s or "k": "value"},
    lambda s: {"nested": [[s]], "float": 1.5},
]


def expected(meta: dict) -> str:
    return yaml.dump(meta, **yaml_emit.DUMP_OPTIONS)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("shape", range(len(SHAPES)))
def test_same_bytes_as_pyyaml_and_reads_back(text, shape):
    meta = SHAPES[shape](text)
    written = yaml_emit.dump(meta)
    assert written == expected(meta)
    assert yaml.safe_load(written) == meta


def test_random_text_from_awkward_characters():
    alphabet = "aZ09 : .,:;#-?!'\"()[]{}&*%@`|>=$£é\t\n\u00a0\u2028\ufeff_/\\+~"
    pick = random.Random(7)
    for _ in range(3_000):
        text = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 12)))
        meta = {"title": text, "list": [text], "map": {"name": text}}
        assert yaml_emit.dump(meta) == expected(meta), repr(text)


def test_empty_front_matter():
    assert yaml_emit.dump({}) == expected({})


@pytest.mark.parametrize("text", HOSTILE + ["a\u202eb\u2066", "\ufffe", "\ud800x", "x\x07"])
@pytest.mark.parametrize("shape", range(len(SHAPES)))
def test_cleaned_front_matter_is_the_cleaned_values_written(text, shape):
    """dump_cleaned writes what dump writes of the values with unsafe characters taken out
    (markup.clean_meta: tuples become lists), or leaves the shape to PyYAML (None)."""
    from builder.render.markup import clean_meta

    meta = {**SHAPES[shape](text), "tuple": (text, "b"), "none_yet": ()}
    written = yaml_emit.dump_cleaned(meta)
    assert written in (None, yaml_emit.dump(clean_meta(meta)))


def test_cleaned_front_matter_of_plain_shapes_is_written_here():
    meta = {"title": "Kim\u202e Jong-un", "people": ("Kim", "Lee"), "empty": (), "aside": [{"title": "x\x07"}]}
    assert yaml_emit.dump_cleaned(meta) == "title: Kim Jong-un\npeople:\n- Kim\n- Lee\nempty: []\naside:\n- title: x\n"
