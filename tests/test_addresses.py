"""An address belongs to its article for as long as the article exists: through header errors,
drafts, moves and renames, unreadable moments and delete-then-restore (real MkDocs builds)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from builder import sources
from tests.conftest import folders, make_content, run_cli


def story(title: str, n: int = 4, header: str = "") -> str:
    """An article with a header (date, publisher) and n paragraphs."""
    paragraphs = "\n\n".join(f"Paragraph {i} of the report on {title.lower()} says something new about it."
                             for i in range(1, n + 1))
    return f"---\ntitle: \"{title}\"\ndate: 2023-10-13\npublisher: Example News\n{header}---\n{paragraphs}\n"


RALLY = "articles/rally.txt"
FILES = {RALLY: story("Seoul rally against deportations"), "articles/other.txt": story("Families wait in Seoul")}
SLUG = "seoul-rally-against-deportations"


def build(root: Path, expect: int | None = 0):
    return run_cli("build", *folders(root), "--site", root / "site", expect=expect)


def registry(root: Path) -> dict:
    return yaml.safe_load((root / "content" / "permalinks.yml").read_text(encoding="utf-8"))


def page(root: Path, slug: str) -> str:
    return (root / "site" / "articles" / f"{slug}.html").read_text(encoding="utf-8")


@pytest.fixture
def archive(tmp_path) -> Path:
    make_content(tmp_path, FILES)
    build(tmp_path)
    assert registry(tmp_path)["articles"][RALLY]["slug"] == SLUG
    return tmp_path


def test_a_header_typo_for_one_build_never_loses_the_address(archive):
    rally = archive / "content" / RALLY
    good = rally.read_text(encoding="utf-8")
    rally.write_text(good.replace('title: "Seoul rally against deportations"', "title: Seoul: a rally"),
                     encoding="utf-8")
    result = build(archive, expect=1)
    assert "not valid YAML" in result.output
    assert registry(archive)["removed"] == [] and registry(archive)["articles"][RALLY]["slug"] == SLUG
    assert "not published at the moment" in page(archive, SLUG)
    assert "removed from the archive" not in page(archive, SLUG)
    rally.write_text(good.replace("Seoul rally against deportations", "Seoul: a rally"), encoding="utf-8")
    build(archive)
    entry = registry(archive)["articles"][RALLY]
    assert entry["slug"] == "seoul-a-rally" and entry["previous"] == [SLUG]
    assert 'location.replace("seoul-a-rally.html" + location.hash)' in page(archive, SLUG)


def test_a_draft_keeps_its_address_until_it_is_published_again(archive):
    rally = archive / "content" / RALLY
    good = rally.read_text(encoding="utf-8")
    rally.write_text(good.replace("publisher:", "draft: true\npublisher:"), encoding="utf-8")
    build(archive)
    assert "not published at the moment" in page(archive, SLUG)
    rally.write_text(good, encoding="utf-8")
    build(archive)
    assert registry(archive)["articles"][RALLY]["slug"] == SLUG and registry(archive)["removed"] == []
    assert "Paragraph 3 of the report" in page(archive, SLUG)


def test_a_moved_and_renamed_file_keeps_its_address(archive):
    target = archive / "content" / "2023" / "october" / "seoul.txt"
    target.parent.mkdir(parents=True)
    shutil.move(archive / "content" / RALLY, target)
    result = build(archive)
    assert "No such file" not in result.output
    data = registry(archive)
    assert RALLY not in data["articles"] and data["removed"] == []
    assert data["articles"]["2023/october/seoul.txt"]["slug"] == SLUG
    assert "Paragraph 3 of the report" in page(archive, SLUG)


def test_deleted_then_restored_gets_its_address_back(archive):
    rally = archive / "content" / RALLY
    saved = rally.read_bytes()
    rally.unlink()
    build(archive)
    assert [e["slug"] for e in registry(archive)["removed"]] == [SLUG]
    assert "removed from the archive" in page(archive, SLUG)
    (archive / "content" / "restored.txt").write_bytes(saved)
    build(archive)
    assert registry(archive)["articles"]["restored.txt"]["slug"] == SLUG and registry(archive)["removed"] == []
    assert "Paragraph 3 of the report" in page(archive, SLUG)


def test_an_unreadable_file_keeps_its_address_and_a_gone_one_is_not_retired_meanwhile(archive, monkeypatch):
    (archive / "content" / "articles" / "other.txt").unlink()
    real = sources.read_bytes

    def unreadable(path, rel):
        if rel == RALLY:
            raise sources.SourceError(rel, "cannot be read: input/output error")
        return real(path, rel)

    monkeypatch.setattr("builder.process.read_bytes", unreadable)
    result = build(archive, expect=1)
    assert "no address was retired" in result.output
    data = registry(archive)
    assert data["removed"] == [] and set(data["articles"]) == {RALLY, "articles/other.txt"}
    monkeypatch.setattr("builder.process.read_bytes", real)
    build(archive)
    data = registry(archive)
    assert data["articles"][RALLY]["slug"] == SLUG
    assert [e["path"] for e in data["removed"]] == ["articles/other.txt"]  # now confirmed gone


def test_an_over_long_slug_is_an_error_naming_the_file_in_check_and_build(tmp_path):
    make_content(tmp_path, {"long.txt": story("Long", header=f"slug: {'-'.join(['word'] * 66)}\n")})
    checked = run_cli("check", "--content", tmp_path / "content", expect=1)
    built = build(tmp_path, expect=1)
    for output in (checked.output, built.output):
        assert "long.txt" in output and "at most 150" in output
    assert "File name too long" not in built.output


def test_links_are_what_relpath_gives():
    """link() works relative paths out itself (relpath asks the system for the current folder)."""
    import posixpath
    import random

    from builder.addresses import link

    parts = ["a", "b", "index.md", "x.html", ".", "", "..", "topics"]
    pick = random.Random(3)
    for _ in range(5_000):
        target, page = ("/".join(pick.choice(parts) for _ in range(pick.randint(1, 4))) for _ in range(2))
        try:
            expected = posixpath.relpath(target, posixpath.dirname(page) or ".")
        except ValueError:
            continue
        assert link(target, page) == expected, (target, page)
