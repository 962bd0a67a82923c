"""Where things are, and the archive-wide settings in site_config/builder.yml."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from builder.errors import ConfigError
from builder.progress import Progress
from builder.settings import Problems, problem, read, unknown_key

BUILDER_FILE = "builder.yml"
KIND_WORDS = {str: "text", int: "a whole number"}  # how a setting's kind is named to a curator


@dataclass(frozen=True)
class Settings:
    """The keys of site_config/builder.yml, with their defaults."""

    archive_name: str = "Press archive"
    archive_description: str = ""
    latest_count: int = 10  # articles listed on the home page
    feed_count: int = 50  # articles in the RSS and JSON feeds


@dataclass(frozen=True)
class Paths:
    content: Path = Path("content")
    config: Path = Path("site_config")
    docs: Path = Path("docs")
    site: Path = Path("site")
    mkdocs_file: Path = Path("mkdocs.yml")
    cache: Path | None = None  # default: .cache/ beside the docs folder
    registry: Path | None = None  # default: permalinks.yml in the content folder
    published_registry: Path | None = None  # the permalinks.yml the website published, merged in

    @property
    def registry_file(self) -> Path:
        return self.registry if self.registry is not None else self.content / "permalinks.yml"

    @property
    def cache_dir(self) -> Path:
        return self.cache if self.cache is not None else self.docs.resolve().parent / ".cache"


@dataclass(frozen=True)
class BuildOptions:
    paths: Paths = field(default_factory=Paths)
    strict: bool = False
    run_mkdocs: bool = True  # publish site/ after generating docs/
    engine: str = "mkdocs"  # or "zensical" (builder/engine.py)
    jobs: int = 1  # processes reading articles out
    progress: Progress | None = None  # shown on a terminal only


def default_config_dir() -> Path:
    """site_config/ in the current folder (the builder's defaults fill in what it leaves out)."""
    return Path("site_config")


def load_settings(config_dir: Path) -> Settings:
    """Read builder.yml; every problem names the file, line and key (builder.settings)."""
    problems = Problems()
    document = read(config_dir, BUILDER_FILE, problems)
    problems.raise_if_any()
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        raise ConfigError(problem(document, "", "expected 'key: value' lines"))
    values = {}
    defaults = {f.name: f.default for f in fields(Settings)}
    for key, value in data.items():
        if key not in defaults:
            problems.lines.append(problem(document, str(key), unknown_key(key, tuple(defaults))))
        elif type(value) is not type(defaults[key]):
            problems.lines.append(problem(document, key, f"expected {KIND_WORDS[type(defaults[key])]}, got {value!r}"))
        else:
            values[key] = value
    problems.raise_if_any()
    return Settings(**values)
