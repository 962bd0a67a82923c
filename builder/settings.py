"""Every file in site_config/: found, read safely, and checked with one message format.

An archive's site_config/ holds its own settings (builder.yml, topics.yml, entities.yml)
and may hold any of the builder's defaults, which ship inside the package (DEFAULTS_DIR):
the rules for reading articles (extraction.yml, figures.yml, attribution.yml,
recognition.yml) and the website's theme. A top-level key in the archive's file replaces
the default's key of that name; keys it leaves out keep the default's value.

Every problem reads `file, line N: key: what is wrong (what to write instead)`, and one
load collects all of them before stopping (as MkDocs' Config.validate does).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from builder.errors import ConfigError
from builder.safe_yaml import SafeLoader, UnsafeYAML, load_settings_yaml
from builder.text_safety import without_unsafe

DEFAULTS_DIR = Path(__file__).resolve().parent / "defaults"
THEME_DIR = DEFAULTS_DIR / "theme"


@dataclass(frozen=True)
class Document:
    """One settings file as read: its data and the file and line of every key."""

    label: str  # how messages name the file: site_config/topics.yml
    data: Any = None
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)  # "a.b[0]" -> (file, line)

    def locate(self, key: str) -> tuple[str, int | None]:
        """The file and line of `key`, else of the nearest enclosing key that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = _enclosing(key)
        return self.label, None


class Problems:
    """The problems of one load, each as `file, line N: key: message`."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.documents: list[Document] = []

    def watch(self, document: Document) -> Document:
        """Name the lines of `document`'s keys in the problems found in it."""
        self.documents.append(document)
        return document

    def add(self, where: str, message: str) -> None:
        """`where` is a file label, then the key: 'site_config/topics.yml: topics[0].name'."""
        self.lines.append(self.message(where, message))

    def message(self, where: str, message: str) -> str:
        for document in sorted(self.documents, key=lambda d: len(d.label), reverse=True):
            rest = where[len(document.label):] if where.startswith(document.label) else ","
            if rest[:1] in ("", ":", "."):
                return problem(document, rest.lstrip(":. "), message)
        return f"{where}: {message}"

    def raise_if_any(self) -> None:
        if self.lines:
            raise ConfigError("\n".join(self.lines))


def problem(document: Document, key: str, message: str) -> str:
    """The one message format: `file, line N: key: message` (no line when none is known)."""
    label, line = document.locate(key)
    where = f"{label}, line {line}" if line else label
    return f"{where}: {key}: {message}" if key else f"{where}: {message}"


def unknown_key(key: Any, known: tuple[str, ...] | list[str]) -> str:
    """'unknown key ...' naming the key meant, when one is close, and the keys allowed."""
    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.7)
    hint = f"write '{close[0]}' instead; " if close else ""
    return f"unknown key {key!r} ({hint}expected one of: {', '.join(known)})"


def config_file(config_dir: Path, name: str) -> Path:
    """The archive's own file, else the builder's default."""
    path = Path(config_dir) / name
    return path if path.is_file() or not (DEFAULTS_DIR / name).is_file() else DEFAULTS_DIR / name


def read(config_dir: Path, name: str, problems: Problems) -> Document:
    """`name` from the archive's config folder over the builder's default; problems go to `problems`."""
    own = read_file(Path(config_dir) / name, problems)
    default_path = DEFAULTS_DIR / name
    if not default_path.is_file() or default_path.resolve() == (Path(config_dir) / name).resolve():
        return own
    default = read_file(default_path, problems)
    if own.data is None:
        return default
    if not (isinstance(own.data, dict) and isinstance(default.data, dict)):
        return own
    lines = {k: v for k, v in default.lines.items() if _top(k) not in own.data}
    return problems.watch(Document(own.label, {**default.data, **own.data}, {**lines, **own.lines}))


def read_file(path: Path, problems: Problems) -> Document:
    """One file (data None when missing or unreadable; then the problem is recorded)."""
    label = f"{path.parent.name}/{path.name}"
    if not path.is_file():
        return Document(label)
    try:
        source = path.read_text(encoding="utf-8")
        data = load_settings_yaml(source)
    except UnsafeYAML as error:
        problems.add(f"{label}, line {error.line}", error.reason)
    except (OSError, UnicodeDecodeError) as error:
        problems.add(label, f"cannot read: {getattr(error, 'strerror', None) or error}")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{label}, line {mark.line + 1}" if mark is not None else label
        problems.add(where, f"not valid YAML: {getattr(error, 'problem', None) or error}")
    else:
        return problems.watch(Document(label, data, key_lines(source, label)))
    return Document(label)


def key_lines(source: str, label: str) -> dict[str, tuple[str, int]]:
    """Every key path of the YAML text ('a.b[0].c') with the line it starts on."""
    lines: dict[str, tuple[str, int]] = {}
    node = yaml.compose(without_unsafe(source), Loader=SafeLoader)

    def walk(node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                child = f"{path}.{key_node.value}" if path else str(key_node.value)
                lines[child] = (label, key_node.start_mark.line + 1)
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = f"{path}[{index}]"
                lines[child] = (label, item.start_mark.line + 1)
                walk(item, child)

    if node is not None:
        walk(node, "")
    return lines


def _enclosing(key: str) -> str:
    cut = max(key.rfind("."), key.rfind("["))
    return key[:cut] if cut > 0 else ""


def _top(key: str) -> str:
    return key.split(".")[0].split("[")[0]
