"""`builder init DIR` starts an archive of its own; the shipped archive is one made this way."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from mkdocs.utils import yaml_load

from builder.new_archive import LAYOUT, STARTER_DIR
from tests.conftest import ROOT, run_cli

ARTICLE = """---
title: Floodwater Reaches The Old Town Square
publisher: The Valley Courier
date: 2024-06-02
---
Floodwater reached the old town square on Sunday after two days of rain, and volunteers filled sandbags outside the library.

The river rose faster than forecast, the town's mayor said, and the bridge to the market will stay closed until Tuesday.
"""
OURS = ("North Korea", "repatriation", "Pyongyang")  # words of the shipped archive, never in a new one


def seed_vocabulary() -> list[str]:
    """The names of the shipped archive's topics and entities."""
    topics = yaml.safe_load((ROOT / "site_config" / "topics.yml").read_text(encoding="utf-8"))["topics"]
    entities = yaml.safe_load((ROOT / "site_config" / "entities.yml").read_text(encoding="utf-8"))
    return [t["name"] for t in topics] + [e["name"] for kind in ("people", "organizations", "places")
                                          for e in entities.get(kind) or []]


def site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(site.rglob("*"))
                     if p.suffix in (".html", ".json", ".xml", ".csv", ".txt"))


def check_new_archive(site: Path, name: str) -> None:
    """The new archive's own name on its pages, its article in, nothing of ours anywhere."""
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{name}</title>" in home
    text = site_text(site)
    assert "Floodwater Reaches The Old Town Square" in text
    for word in OURS + tuple(seed_vocabulary()):
        assert word not in text, f"{word!r} of the shipped archive is in the new archive"


def test_init_writes_an_archive_of_its_own(tmp_path):
    folder = tmp_path / "flood-archive"
    output = run_cli("init", folder, "--name", "Valley Flood Archive", "--description", "Floods in the valley.").output
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert written == sorted(LAYOUT.values())
    assert "Valley Flood Archive" in output and "builder build" in output
    settings = yaml.safe_load((folder / "site_config" / "builder.yml").read_text(encoding="utf-8"))
    assert settings["archive_name"] == "Valley Flood Archive"
    assert settings["archive_description"] == "Floods in the valley."
    topics = yaml.safe_load((folder / "site_config" / "topics.yml").read_text(encoding="utf-8"))["topics"]
    assert topics and not {t["name"] for t in topics} & set(seed_vocabulary())


def test_the_new_archive_builds_from_its_own_folder(tmp_path, monkeypatch):
    folder = tmp_path / "valley"
    run_cli("init", folder, "--name", "Valley Flood Archive")
    (folder / "content" / "articles" / "floodwater.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(folder)
    run_cli("build")
    check_new_archive(folder / "site", "Valley Flood Archive")


def test_a_name_with_yaml_and_markup_stays_text(tmp_path, monkeypatch):
    name = 'Floods: "high" water & <b>rain</b> # 1'
    folder = tmp_path / "hostile"
    run_cli("init", folder, "--name", name)
    assert yaml_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == name
    assert yaml.safe_load((folder / "site_config" / "builder.yml").read_text(encoding="utf-8"))["archive_name"] == name


def test_the_name_defaults_to_the_folders(tmp_path):
    run_cli("init", tmp_path / "river-watch")
    settings = yaml.safe_load((tmp_path / "river-watch" / "site_config" / "builder.yml").read_text(encoding="utf-8"))
    assert settings["archive_name"] == "River watch press archive"


def test_init_never_overwrites(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("init", tmp_path / "busy", "--name", "X", expect=1)
    assert "not empty" in result.output and (tmp_path / "busy" / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("starter, shipped", [("mkdocs.yml", "mkdocs.yml"),
                                              ("builder.yml", "site_config/builder.yml")])
def test_the_shipped_archive_is_one_builder_init_makes(starter, shipped):
    """Only its name, description and short name (extra.short_name, for small screens) differ
    from what `builder init` writes (when this fails, make the same change in builder/starter/
    so new archives get it too)."""
    own = ("site_name", "site_description", "archive_name", "archive_description", "extra")
    template = (STARTER_DIR / starter).read_text(encoding="utf-8")
    for key in own:
        template = template.replace("{{" + key + "}}", '"x"')
    made, ours = yaml_load(template), yaml_load((ROOT / shipped).read_text(encoding="utf-8"))
    assert {k: v for k, v in made.items() if k not in own} == {k: v for k, v in ours.items() if k not in own}


def test_the_example_topics_need_evidence_not_one_word(tmp_path, monkeypatch):
    folder = tmp_path / "valley"
    run_cli("init", folder, "--name", "Valley Flood Archive")
    articles = folder / "content" / "articles"
    (articles / "one-word.txt").write_text(
        "---\ntitle: Town Council Meets\npublisher: The Valley Courier\ndate: 2024-06-02\n---\n"
        "The council met on Monday to discuss the budget for the coming year, and one protest sign hung outside.\n\n"
        "Members agreed to meet again next month to vote on the plan for the new school.\n", encoding="utf-8")
    (articles / "rally.txt").write_text(
        "---\ntitle: Residents Rally At The Dam\npublisher: The Valley Courier\ndate: 2024-06-03\n---\n"
        "Hundreds of residents joined a protest at the dam on Saturday, and the demonstrators marched to the "
        "town hall with a petition asking for new flood walls.\n\nOrganisers said the rally was the largest in "
        "the valley for a decade.\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    topics = {name: json.loads(run_cli("explain", articles / f"{name}.txt", "--json").output)["topics"]
              for name in ("one-word", "rally")}
    assert topics == {"one-word": [], "rally": ["Protests"]}


@pytest.mark.parametrize("direct_url, version, requirement, reachable", [
    (None, "0.3.1", "press-archive-builder==0.3.1", True),  # from a package index: that version
    ({"url": "https://github.com/example/press-builder", "vcs_info": {"vcs": "git", "commit_id": "ab12"}}, "0.3.1",
     "press-archive-builder @ git+https://github.com/example/press-builder@ab12", True),
    ({"url": "https://example.org/press_archive_builder-0.3.1.tar.gz", "archive_info": {}}, "0.3.1",
     "press-archive-builder @ https://example.org/press_archive_builder-0.3.1.tar.gz", True),
    ({"url": "file:///home/curator/builder", "dir_info": {"editable": True}}, "0.3.1", "press-archive-builder", False),
    ({"url": "https://example.org/a b\nevil", "archive_info": {}}, "0.3.1", "press-archive-builder", False),
    ({}, "0.3.1", "press-archive-builder", False),
    (None, None, "press-archive-builder", False),  # run from a source folder, not installed
])
def test_the_workflow_installs_the_builder_from_where_it_was_installed(direct_url, version, requirement, reachable):
    from builder.new_archive import builder_source

    source = builder_source(direct_url, version)
    assert (source.requirement, source.reachable) == (requirement, reachable)


def test_init_says_when_github_cannot_install_the_builder(tmp_path):
    """The tests run from an editable install: a folder GitHub's machines cannot reach."""
    folder = tmp_path / "flood-archive"
    output = run_cli("init", folder, "--name", "Valley Flood Archive", "--description", "Floods.").output
    lines = [line for line in (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines == ["press-archive-builder"]
    assert "GitHub cannot install from" in output and "requirements.txt" in output
