"""One loader for every file in site_config/: one message format, defaults inside the package."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from builder.config import load_settings
from builder.errors import ConfigError
from builder.extract import extract, load_rules
from builder.knowledge import load_vocabulary
from builder.settings import DEFAULTS_DIR, THEME_DIR
from tests.conftest import FIXTURES

ONE_FORMAT = re.compile(r"^site_config/[a-z]+\.yml, line \d+: [\w.\[\]]+: .+")


def config(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "site_config"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(load, folder: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load(folder)
    return str(caught.value).splitlines()


@pytest.mark.parametrize("load, name, text, wanted", [
    (load_settings, "builder.yml", "# name\narchive_name: A\nlatest_cuont: 5\n",
     "site_config/builder.yml, line 3: latest_cuont: unknown key 'latest_cuont' (write 'latest_count' instead;"),
    (load_settings, "builder.yml", "archive_name: A\n\nfeed_count: many\n",
     "site_config/builder.yml, line 3: feed_count: expected a whole number, got 'many'"),
    (load_rules, "extraction.yml", "limits:\n  headline_min_words: 4\n  titel_max_chars: 3\n",
     "site_config/extraction.yml, line 3: limits.titel_max_chars: unknown key 'titel_max_chars' "
     "(write 'title_max_chars' instead;"),
    (load_vocabulary, "topics.yml", "topics:\n  - name: Floods\n    description: Water.\n    terms: {flood: two}\n",
     "site_config/topics.yml, line 4: topics[0].terms.flood: expected a number of at least 0, got 'two'"),
    (load_vocabulary, "figures.yml", "counted_nouns: [people]\nminimum_cuont: 2\n",
     "site_config/figures.yml, line 2: minimum_cuont: unknown key 'minimum_cuont' (write 'minimum_count' instead;"),
])
def test_every_settings_file_names_file_line_key_and_what_to_write(tmp_path, load, name, text, wanted):
    found = problems(load, config(tmp_path, name, text))
    assert any(line.startswith(wanted) for line in found), found
    assert all(ONE_FORMAT.match(line) for line in found), found


def test_a_yaml_mistake_names_the_line_in_every_file(tmp_path):
    for load, name in ((load_settings, "builder.yml"), (load_rules, "extraction.yml"), (load_vocabulary, "topics.yml")):
        folder = config(tmp_path, name, "a: 1\nb: [unclosed\n")
        assert problems(load, folder)[0].startswith(f"site_config/{name}, line 3: not valid YAML"), name


def test_the_defaults_ship_inside_the_package():
    names = {p.name for p in DEFAULTS_DIR.iterdir()}
    assert {"extraction.yml", "figures.yml", "attribution.yml", "recognition.yml", "theme"} <= names
    assert (THEME_DIR / "main.html").is_file()
    assert not {"builder.yml", "topics.yml", "entities.yml"} & names  # an archive's own, never defaults
    assert DEFAULTS_DIR.parent == Path(load_rules.__code__.co_filename).resolve().parents[1]


def test_an_empty_config_folder_reads_with_the_defaults_and_no_vocabulary(tmp_path):
    folder = tmp_path / "site_config"
    folder.mkdir()
    vocabulary = load_vocabulary(folder)
    assert vocabulary.topics == () and vocabulary.entities == ()
    assert vocabulary.figure_rules == load_vocabulary(DEFAULTS_DIR).figure_rules
    assert load_settings(folder).archive_name == "Press archive"
    assert load_rules(folder).outlets == load_rules(DEFAULTS_DIR).outlets != ()


def test_an_archives_file_replaces_the_defaults_key_by_key(tmp_path):
    folder = config(tmp_path, "figures.yml", "minimum_count: 7\n")
    rules, defaults = load_vocabulary(folder).figure_rules, load_vocabulary(DEFAULTS_DIR).figure_rules
    assert rules.minimum_count == 7 != defaults.minimum_count
    assert rules.counted_nouns == defaults.counted_nouns != frozenset()


def test_the_code_knows_no_rule_group_by_its_name(tmp_path):
    """Renaming every boilerplate group of extraction.yml changes only the reasons shown."""
    data = yaml.safe_load((DEFAULTS_DIR / "extraction.yml").read_text(encoding="utf-8"))
    for group in data["boilerplate"]:
        group["name"] = "renamed " + group["name"]
    (tmp_path / "extraction.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    renamed, rules = load_rules(tmp_path), load_rules(DEFAULTS_DIR)
    texts = {p.name: p.read_text(encoding="utf-8") for p in [*(FIXTURES / "varied").glob("*.txt"),
                                                             *(FIXTURES / "seeds").glob("*.txt")]}
    texts["wire end mark, then another story"] = WIRE_END
    assert len(texts) > 10
    for name, text in texts.items():
        got, wanted = extract(text, renamed), extract(text, rules)
        assert (got.title, got.body, got.captions) == (wanted.title, wanted.body, wanted.captions), name
    assert len(extract(WIRE_END, renamed).body) == 2  # the story ends at the mark


WIRE_END = """Harbour Library Opens A New Reading Room For The Town

SEOUL, March 5 (Yonhap) -- Volunteers opened a reading room in the harbour library on Tuesday, with shelves \
of donated books and a long table for readers.

The room is open every afternoon, and the volunteers said they hoped to add a children's corner soon.

(END)

In other news, the city council approved a budget for new roads on Monday after a long debate among members.

The council will meet again next week to discuss the plan for the new school building in the north.
"""
