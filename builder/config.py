"""Where things are, and the archive-wide settings in site_config/builder.yml."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from builder.errors import ConfigError
from builder.progress import Progress
from builder.safe_yaml import UnsafeYAML, load_settings_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
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
    """site_config/ in the current folder, else the one shipped beside the builder."""
    local = Path("site_config")
    return local if local.is_dir() else PROJECT_ROOT / "site_config"


def load_settings(config_dir: Path) -> Settings:
    """Read builder.yml; every problem names the file and key."""
    path = config_dir / BUILDER_FILE
    if not path.exists():
        return Settings()
    try:
        data = load_settings_yaml(path.read_text(encoding="utf-8")) or {}
    except UnsafeYAML as exc:
        raise ConfigError(f"{path}, line {exc.line}: {exc.reason}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid YAML: {getattr(exc, 'problem', None) or 'unreadable'}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected 'key: value' lines")
    problems, values = [], {}
    defaults = {f.name: f.default for f in fields(Settings)}
    for key, value in data.items():
        if key not in defaults:
            problems.append(f"{path}: unknown key '{key}' (known keys: {', '.join(defaults)})")
        elif type(value) is not type(defaults[key]):
            problems.append(f"{path}: key '{key}': expected {KIND_WORDS[type(defaults[key])]}, got {value!r}")
        else:
            values[key] = value
    if problems:
        raise ConfigError("\n".join(problems))
    return Settings(**values)
