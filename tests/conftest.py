"""Shared fixtures: throwaway content trees, the CLI, and one built seed site per session."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from builder.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _in_project_root(monkeypatch):
    """The CLI finds mkdocs.yml and site_config/ in the current folder, as a curator runs it."""
    monkeypatch.chdir(ROOT)


def run_cli(*args: str, expect: int | None = 0):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if expect is not None:
        assert result.exit_code == expect, result.output + str(result.exception or "")
    return result


def make_content(root: Path, files: dict[str, str | bytes]) -> Path:
    """A content/ folder with the given files (text is written as UTF-8)."""
    content = root / "content"
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    content.mkdir(parents=True, exist_ok=True)
    return content


def folders(root: Path) -> list[str]:
    return ["--content", str(root / "content"), "--docs", str(root / "docs")]


@pytest.fixture(scope="session")
def expected() -> dict:
    return yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The shipped archive, built once with real MkDocs + Material into a temp folder."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(ROOT / "content", root / "content")
    CliRunner().invoke(main, ["build", *folders(root), "--site", str(root / "site")], catch_exceptions=False)
    assert (root / "site" / "index.html").exists(), "the seed site did not build"
    return root


def search_file(path: Path) -> tuple[str, object]:
    """One file of the archive's search index: exactly one `__archiveSearch.receive(name, data)`
    call, whose arguments are JSON (so no text in it can end the script or run as code)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("__archiveSearch.receive(") and text.endswith(");\n"), path
    name, data = json.loads("[" + text.removeprefix("__archiveSearch.receive(").removesuffix(");\n") + "]")
    return name, data


def search_records(site: Path) -> list[dict]:
    """What each search result shows: {u: address, t: title, s: standfirst, p: paragraphs, ...}."""
    files = sorted((site / "search" / "d").glob("*.js"), key=lambda p: int(p.stem))
    packed = sorted((site / "search" / "l").glob("*.js"), key=lambda p: int(p.stem))  # listing pages, many a file
    return [search_file(p)[1] for p in files] + [record for p in packed for record in search_file(p)[1]]


def search_terms(site: Path) -> dict[str, object]:
    """term -> its postings, from every term file."""
    terms = {}
    for path in (site / "search" / "t").glob("*.js"):
        terms.update(search_file(path)[1])
    return terms
