"""Loading and validating the vocabularies: every problem reported at once, naming file and key."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import ConfigError
from builder.knowledge import load_vocabulary

CONFIG = Path(__file__).resolve().parents[1] / "site_config"


def write_config(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "site_config"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_vocabulary(write_config(tmp_path, files))
    return str(caught.value).splitlines()


TOPIC = "topics:\n  - name: Forced repatriation\n    description: Sent back.\n    terms: {deport*: 2}\n"


def test_the_archive_vocabulary_loads() -> None:
    vocab = load_vocabulary(CONFIG)
    assert len(vocab.topics) == 10
    assert vocab.topics[0].name == "Forced repatriation" and vocab.topics[0].slug == "forced-repatriation"
    assert all(t.description for t in vocab.topics)
    names = {e.name for e in vocab.entities}
    for wanted in ("UNHCR", "Human Rights Watch", "Christian Solidarity Worldwide", "Amnesty International",
                   "Kim Jong-un", "Kim Jong Il", "Xi Jinping", "Hu Jintao", "Seoul", "Beijing", "Shenyang",
                   "Pyongyang", "Jilin", "Tumen River"):
        assert wanted in names


def test_describe_and_unknown_topics() -> None:
    vocab = load_vocabulary(CONFIG)
    assert vocab.describe("places", "Shenyang", ).startswith("Capital of Liaoning")
    assert vocab.describe("topics", "forced repatriation") == vocab.topics[0].description
    assert vocab.describe("people", "Nobody Known") is None
    assert vocab.describe("people", "Seoul") is None  # a place, not a person
    assert vocab.unknown_topics(["Forced Repatriation", "Sanctions", "arrests-and-detention-in-china"]) == ["Sanctions"]


def test_missing_files_make_an_empty_vocabulary(tmp_path: Path) -> None:
    vocab = load_vocabulary(write_config(tmp_path, {}))
    assert vocab.topics == () and vocab.entities == ()


def test_duplicate_alias_across_entities(tmp_path: Path) -> None:
    entities = (
        "organizations:\n  - name: Human Rights Watch\n    aliases: [HRW]\n"
        "people:\n  - name: A\n  - name: B\n  - name: C\n  - name: Harry Wu\n    aliases: [HRW]\n"
    )
    assert problems(tmp_path, {"entities.yml": entities}) == [
        "site_config/entities.yml, line 9: people[3].aliases: 'HRW' is already an alias of 'Human Rights Watch' (organizations)"
    ]


def test_spelling_variants_count_as_the_same_alias(tmp_path: Path) -> None:
    entities = "people:\n  - name: Kim Jong-un\n  - name: Kim Jong Un\n"
    assert problems(tmp_path, {"entities.yml": entities}) == [
        "site_config/entities.yml, line 3: people[1].name: 'Kim Jong Un' is already an alias of 'Kim Jong-un' (people)"
    ]


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    topics = (
        "topics:\n  - name: Forced repatriation\n    description: x\n    treshold: 3\n"
        "    patterns: {'sen(d': 2}\n  - name: Arrests\n    description: y\n    threshold: low\n"
        "    terms: {a*b: 1, '*': 2}\n"
    )
    entities = "places:\n  - name: Seoul\n    aliases: Seoul City\n    wiki: x\n  - description: no name\n"
    found = problems(tmp_path, {"topics.yml": topics, "entities.yml": entities})
    assert found == [
        "site_config/topics.yml, line 4: topics[0].treshold: unknown key 'treshold' "
        "(write 'threshold' instead; expected one of: name, description, threshold, terms, patterns)",
        "site_config/topics.yml, line 5: topics[0].patterns: bad regular expression 'sen(d': missing ), "
        "unterminated subpattern at position 3",
        "site_config/topics.yml, line 8: topics[1].threshold: expected a number of at least 0.1, got 'low'",
        "site_config/topics.yml, line 9: topics[1].terms: 'a*b': '*' is only allowed at the end of a term",
        "site_config/topics.yml, line 9: topics[1].terms: '*' has no word to match",
        "site_config/entities.yml, line 4: places[0].wiki: unknown key 'wiki' (expected one of: name, aliases, description)",
        "site_config/entities.yml, line 3: places[0].aliases: expected a list, got a text",
        "site_config/entities.yml, line 5: places[1]: missing key 'name'",
        "site_config/entities.yml, line 5: places[1].name: expected a non-empty text, got nothing",
    ]


def test_wrong_top_level(tmp_path: Path) -> None:
    found = problems(tmp_path, {"topics.yml": "- a\n- b\n", "entities.yml": "persons: []\n"})
    assert found == [
        "site_config/topics.yml: expected a mapping, got a list",
        "site_config/entities.yml, line 1: persons: unknown key 'persons' (expected one of: people, organizations, places, rejected)",
    ]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    found = problems(tmp_path, {"topics.yml": TOPIC, "entities.yml": "people:\n  - name: [unclosed\n"})
    assert len(found) == 1 and found[0].startswith("site_config/entities.yml, line 3: not valid YAML")


def test_repeated_topic(tmp_path: Path) -> None:
    found = problems(tmp_path, {"topics.yml": TOPIC + TOPIC.replace("topics:\n", "")})
    assert found == ["site_config/topics.yml, line 5: topics[1].name: 'Forced repatriation' repeats an earlier topic"]


def test_heuristics_files_are_checked(tmp_path: Path) -> None:
    found = problems(tmp_path, {"figures.yml": "counted_nouns: [people]\napproximators: {roughly: [about]}\nnumber_words: {two: many}\n"})
    assert "site_config/figures.yml, line 2: approximators: unknown kind 'roughly' (expected one of: about, at_least, at_most)" in found
    assert "site_config/figures.yml, line 3: number_words.two: expected a number of at least 1, got 'many'" in found


def test_heuristics_default_to_the_builder_files(tmp_path: Path) -> None:
    vocab = load_vocabulary(write_config(tmp_path, {"topics.yml": TOPIC}))
    assert "defectors" in vocab.figure_rules.counted_nouns
    assert "said" in vocab.attribution.speech_verbs
