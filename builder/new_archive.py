"""`builder init DIR`: a new archive of its own, ready to build.

The files come from builder/starter/ (package data): mkdocs.yml, site_config/ with the
archive's name and description and a small example topic vocabulary, the GitHub Pages
workflow, a README for curators and one example article. The builder's defaults (rules
for reading articles, the theme) stay in the package, so the new archive holds only what
is its own. Nothing that exists is ever overwritten.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from builder.errors import ConfigError, WriteError

STARTER_DIR = Path(__file__).resolve().parent / "starter"
# Where each starter file goes in the new archive.
LAYOUT = {
    "mkdocs.yml": "mkdocs.yml",
    "builder.yml": "site_config/builder.yml",
    "topics.yml": "site_config/topics.yml",
    "entities.yml": "site_config/entities.yml",
    "example-article.txt": "content/articles/example-article.txt",
    "README.md": "README.md",
    "pages.yml": ".github/workflows/pages.yml",
    "requirements.txt": "requirements.txt",
    "gitignore": ".gitignore",
}
YAML_FILES = (".yml",)
PACKAGE = "press-archive-builder"  # the builder's distribution name (pyproject.toml)
PACKAGE_DIRS = {"site-packages", "dist-packages"}  # where an install from a package index lives
REMOTE_SCHEMES = ("https://", "http://", "ssh://", "git@")  # addresses GitHub's machines can install from
DEFAULT_DESCRIPTION = "Press coverage collected, kept as published, and searchable down to the paragraph."
NAME_LIMIT = 200
DESCRIPTION_LIMIT = 2000


@dataclass(frozen=True)
class NewArchive:
    folder: Path
    files: tuple[str, ...]  # as written, relative to the folder
    builder: BuilderSource


@dataclass(frozen=True)
class BuilderSource:
    """Where the publishing workflow installs this builder from: a line of requirements.txt."""
    requirement: str
    reachable: bool  # False: a folder on this computer, which GitHub's machines cannot reach
    installed_from: str = ""


def builder_source(direct_url: dict | None, version: str | None) -> BuilderSource:
    """This builder as installed, as a requirement (PEP 610 `direct_url.json`; None: from a package index)."""
    if version is None:  # not installed: run from a source folder
        return BuilderSource(PACKAGE, False)
    if direct_url is None:
        return BuilderSource(f"{PACKAGE}=={version}", True)
    url = str(direct_url.get("url", ""))
    if any(ch.isspace() for ch in url) or not url.startswith(REMOTE_SCHEMES):
        return BuilderSource(PACKAGE, False, url.removeprefix("file://"))
    vcs = direct_url.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") and vcs.get("commit_id"):
        return BuilderSource(f"{PACKAGE} @ {vcs['vcs']}+{url}@{vcs['commit_id']}", True, url)
    return BuilderSource(f"{PACKAGE} @ {url}", True, url)


def installed_builder() -> BuilderSource:
    """Where the running builder came from: the install record that names an address, else its folder."""
    versions = []
    for dist in metadata.distributions(name=PACKAGE):  # a source folder's own .egg-info may come first
        versions.append(dist.version)
        try:
            direct_url = json.loads(dist.read_text("direct_url.json") or "null")
        except ValueError:
            direct_url = {}
        if direct_url is not None:
            return builder_source(direct_url if isinstance(direct_url, dict) else {}, dist.version)
    if versions and PACKAGE_DIRS & set(STARTER_DIR.parts):
        return builder_source(None, versions[0])
    return BuilderSource(PACKAGE, False, str(STARTER_DIR.parent.parent))


def default_name(folder: Path) -> str:
    """'flood-coverage' -> 'Flood coverage press archive'."""
    words = re.sub(r"[-_.\s]+", " ", folder.resolve().name).strip()
    return f"{words[:1].upper()}{words[1:]} press archive" if words else "Press archive"


def create(folder: Path, name: str, description: str = DEFAULT_DESCRIPTION) -> NewArchive:
    """Write a new archive into `folder` (missing or empty)."""
    name, description = _one_line(name, "name", NAME_LIMIT), _one_line(description, "description", DESCRIPTION_LIMIT)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ConfigError(f"{folder}: already exists and is not empty; choose a new folder name")
    builder = installed_builder()
    values = {"site_name": name, "archive_name": name, "site_description": description,
              "archive_description": description, "builder_requirement": builder.requirement}
    written = []
    try:
        for source, target in LAYOUT.items():
            path = folder / target
            path.parent.mkdir(parents=True, exist_ok=True)
            text = _fill((STARTER_DIR / source).read_text(encoding="utf-8"), values, source.endswith(YAML_FILES))
            path.write_text(text, encoding="utf-8")
            written.append(target)
    except OSError as exc:
        raise WriteError(f"cannot write the new archive in {folder}: {exc.strerror or exc}") from None
    return NewArchive(folder, tuple(written), builder)


def _one_line(text: str, what: str, limit: int) -> str:
    text = " ".join(str(text).split())
    if not text:
        raise ConfigError(f"the archive's {what} is empty; give one with --{what}")
    if len(text) > limit:
        raise ConfigError(f"the archive's {what} is longer than {limit} characters; shorten it")
    return text


def _fill(template: str, values: dict[str, str], yaml: bool) -> str:
    """Put the values in; in YAML as quoted strings, so any text stays text."""
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", json.dumps(value, ensure_ascii=False) if yaml else value)
    return template
