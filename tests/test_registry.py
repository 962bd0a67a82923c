"""permalinks.yml is input like any other: damaged or hostile → a clear error naming the line and
nothing overwritten; two branches' records merged by git resolve themselves."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import folders, make_content, run_cli
from tests.test_addresses import story

GOOD = {"articles/rally.txt": story("Seoul rally against deportations")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("registry")
    make_content(root, GOOD)
    run_cli("generate", *folders(root))
    return root


def damaged(root: Path, text: str) -> Path:
    content = make_content(root, GOOD)
    (content / "permalinks.yml").write_text(text, encoding="utf-8")
    return content / "permalinks.yml"


ENTRY = "articles:\n  articles/rally.txt:\n    slug: {slug}\n    title: Rally\n"
# (name, file text, line named, words in the message)
DAMAGED = [
    ("empty", "", 1, "empty"),
    ("comments only", "# just a note\n", 1, "empty"),
    ("not YAML", "articles:\n  a.txt: {slug: [\n", 3, "not valid YAML"),
    ("a list", "- a\n- b\n", 1, "'key: value'"),
    ("unknown key", "articles: {}\nsurprise: 1\n", 2, "unknown key 'surprise'"),
    ("path outside", ENTRY.replace("articles/rally.txt", "../../etc/passwd").format(slug="x"), 2, "not a file inside"),
    ("absolute path", ENTRY.replace("articles/rally.txt", "/etc/passwd").format(slug="x"), 2, "not a file inside"),
    ("slug escapes", ENTRY.format(slug="../../index"), 3, "not an address"),
    ("slug a list", ENTRY.format(slug="[a, b]"), 3, "expected text"),
    ("slug a number", ENTRY.format(slug="12"), 3, "expected text"),
    ("NUL", ENTRY.format(slug='"a\\0b"'), 3, "not an address"),
    ("raw NUL", ENTRY.format(slug="a\0b"), 3, "NUL"),
    ("no slug", "articles:\n  articles/rally.txt:\n    title: Rally\n", 3, "without 'slug'"),
    ("twice", ENTRY.format(slug="a") + "  articles/rally.txt:\n    slug: b\n", 5, "given twice"),
    ("aliases", "articles:\n  a.txt: &x {slug: a}\n  b.txt: *x\n", 2, "aliases"),
    ("python tag", ENTRY.format(slug="!!python/object/apply:os.system [ls]"), 3, "expected text"),
]


@pytest.mark.parametrize("name, text, line, words", DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_damaged_record_is_an_error_naming_the_line(tmp_path, name, text, line, words):
    registry = damaged(tmp_path, text)
    for command in (["check", "--content", tmp_path / "content"], ["generate", *folders(tmp_path)]):
        result = run_cli(*command, expect=1)
        assert f"permalinks.yml, line {line}: " in result.output and words in result.output, result.output
    assert registry.read_text(encoding="utf-8") == text  # nothing overwritten
    assert not (tmp_path / "docs").exists()


def test_a_record_cut_short_is_refused_and_left_as_it_was(built, tmp_path):
    whole = (built / "content" / "permalinks.yml").read_text(encoding="utf-8")
    for cut in (len(whole) - 1, whole.index("slug:") + 12, whole.rindex("\n", 0, len(whole) - 1) + 1):
        registry = damaged(tmp_path, whole[:cut])
        result = run_cli("generate", *folders(tmp_path), expect=1)
        assert "permalinks.yml, line" in result.output and "cut short" in result.output, (cut, result.output)
        assert registry.read_text(encoding="utf-8") == whole[:cut]


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Curator", "GIT_AUTHOR_EMAIL": "c@example.org",
           "GIT_COMMITTER_NAME": "Curator", "GIT_COMMITTER_EMAIL": "c@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=check, capture_output=True, text=True)


def branch_with(repo: Path, name: str, rel: str, text: str) -> None:
    git(repo, "checkout", "-q", "-b", name, "main")
    make_content(repo, {rel: text})
    run_cli("generate", *folders(repo))
    git(repo, "add", "content")
    git(repo, "commit", "-q", "-m", f"add {rel}")


@pytest.mark.parametrize("first, second, conflict", [("a.txt", "b.txt", True), ("aaa.txt", "zzz.txt", False)])
def test_two_branches_adding_the_same_title_merge_by_themselves(tmp_path, first, second, conflict):
    repo = tmp_path
    git(repo, "init", "-q", "-b", "main")
    make_content(repo, {"articles/base.txt": story("An older report")})
    run_cli("generate", *folders(repo))
    git(repo, "add", "content")
    git(repo, "commit", "-q", "-m", "base")
    branch_with(repo, "one", f"articles/{first}", story("The same title", header="author: One\n"))
    branch_with(repo, "two", f"articles/{second}", story("The same title", header="author: Two\n"))
    merged = git(repo, "merge", "-q", "one", check=False)
    assert (merged.returncode != 0) == conflict, merged.stdout + merged.stderr
    checked = run_cli("check", "--content", repo / "content", expect=0)
    assert "two branches" in checked.output
    built = run_cli("build", *folders(repo), "--site", repo / "site", expect=0)
    assert "two branches" in built.output
    data = yaml.safe_load((repo / "content" / "permalinks.yml").read_text(encoding="utf-8"))
    slugs = {rel: entry["slug"] for rel, entry in data["articles"].items()}
    assert slugs[f"articles/{first}"] == "the-same-title" and slugs[f"articles/{second}"] == "the-same-title-2"
    for slug, author in (("the-same-title", "One"), ("the-same-title-2", "Two")):
        assert author in (repo / "site" / "articles" / f"{slug}.html").read_text(encoding="utf-8")
    assert "<<<<<<<" not in (repo / "content" / "permalinks.yml").read_text(encoding="utf-8")
    assert "two branches" not in run_cli("check", "--content", repo / "content", expect=0).output
