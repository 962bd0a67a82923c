"""Front matter written without PyYAML's per-node machinery, byte for byte as PyYAML writes it.

A page's front matter has a few simple shapes: mappings of plain keys to text, whole
numbers, true/false, null, lists and mappings of those. Text that is safe to write as it is
(letters, digits, common punctuation, no YAML meaning) is written here directly; any other
text goes through PyYAML alone, and any other shape makes the whole document go through
PyYAML. tests/test_yaml_emit.py checks the bytes against PyYAML's on hostile strings.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

import yaml

from builder.text_safety import without_unsafe

try:
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper  # type: ignore[assignment]

DUMP_OPTIONS = {"Dumper": SafeDumper, "sort_keys": False, "allow_unicode": True, "width": 10_000}
# Text written as it is: a letter, digit or one of ( . $ £ first (not '...'); then letters,
# digits, single spaces and punctuation that means nothing inside a plain YAML value; short
# enough never to be folded. Keys: names like `source_file`.
_WORD = r"[A-Za-z0-9().,;'/&+_$£-]"
_PLAIN = re.compile(rf"(?!\.\.\.)[A-Za-z0-9(.$£](?:{_WORD}| (?={_WORD}))*\Z")
# The same with ": " inside: never plain, so PyYAML writes it in single quotes ('People: Kim').
_QUOTED = re.compile(rf"(?!\.\.\.)[A-Za-z0-9(.$£](?:{_WORD}| (?={_WORD})|: (?={_WORD}))*\Z")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PLAIN_LENGTH = 2_000
TEXTS_REMEMBERED = 50_000  # the same names and addresses recur on many pages
_RESOLVERS = SafeDumper.yaml_implicit_resolvers  # text a reader would take for a number, date, bool, null
_LINE_BREAK = re.compile("[\r\n\x85\u2028\u2029]")
_STR = "tag:yaml.org,2002:str"


class _Other(Exception):
    """A shape or value this module leaves to PyYAML."""


def dump(meta: dict) -> str:
    """The YAML PyYAML's yaml.dump(meta, **DUMP_OPTIONS) writes."""
    written = _written(meta, _Texts(_text, list))
    return yaml.dump(meta, **DUMP_OPTIONS) if written is None else written


def dump_cleaned(meta: dict) -> str | None:
    """dump(markup.clean_meta(meta)) without the copy: each text without bidi controls and
    characters XML forbids (text_safety), tuples as lists; None: a shape left to PyYAML."""
    return _written(meta, _Texts(_clean_text, (list, tuple)))


class _Texts(NamedTuple):
    text: Callable[[str], str]  # a text as written
    sequences: type | tuple[type, ...]  # what is written as a list


def _written(meta: dict, texts: _Texts) -> str | None:
    if meta:
        try:
            lines: list[str] = []
            _mapping(meta, "", lines, texts)
            return "\n".join(lines) + "\n"
        except _Other:
            pass
    return None


def _mapping(value: dict, indent: str, lines: list[str], texts: _Texts) -> None:
    text = texts.text
    for key, item in value.items():
        name = _plain_key(key)
        if type(item) is str:  # most values: written here, without _scalar's tests
            lines.append(f"{indent}{name}: {text(item)}")
        elif isinstance(item, dict) and item:
            lines.append(f"{indent}{name}:")
            _mapping(item, indent + "  ", lines, texts)
        elif isinstance(item, texts.sequences) and item:
            lines.append(f"{indent}{name}:")
            _sequence(item, indent, lines, texts)
        else:
            lines.append(f"{indent}{name}: {_scalar(item, texts)}")


def _sequence(value: list, indent: str, lines: list[str], texts: _Texts) -> None:
    text = texts.text
    for item in value:
        if type(item) is str:
            lines.append(f"{indent}- {text(item)}")
        elif isinstance(item, dict) and item:
            first = len(lines)
            _mapping(item, indent + "  ", lines, texts)
            lines[first] = f"{indent}- " + lines[first][len(indent) + 2:]
        elif isinstance(item, texts.sequences) and item:
            raise _Other
        else:
            lines.append(f"{indent}- {_scalar(item, texts)}")


def _plain_key(key) -> str:
    if isinstance(key, str) and _is_key(key):
        return key
    raise _Other


@lru_cache(maxsize=TEXTS_REMEMBERED)
def _is_key(key: str) -> bool:  # a few dozen keys, on every page
    return bool(_KEY.match(key)) and _is_plain(key)


def _scalar(value, texts: _Texts) -> str:
    if isinstance(value, str):
        return texts.text(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, texts.sequences) and not value:
        return "[]"
    if value == {}:
        return "{}"
    raise _Other


@lru_cache(maxsize=TEXTS_REMEMBERED)
def _text(text: str) -> str:
    if _is_plain(text):
        return text
    if len(text) <= _PLAIN_LENGTH and _QUOTED.match(text):
        return "'" + text.replace("'", "''") + "'"
    return _by_pyyaml(text)


@lru_cache(maxsize=TEXTS_REMEMBERED)
def _clean_text(text: str) -> str:
    return _text(without_unsafe(text))


def _is_plain(text: str) -> bool:
    if len(text) > _PLAIN_LENGTH or not _PLAIN.match(text):
        return False
    return not any(tag != _STR and pattern.match(text) for tag, pattern in _RESOLVERS.get(text[0], ()))


def _by_pyyaml(text: str) -> str:
    """One value as PyYAML writes it on one line; text it would spread over lines is _Other."""
    written = yaml.dump({"k": text}, **DUMP_OPTIONS)
    value = written[3:-1]
    if not written.startswith("k: ") or not written.endswith("\n") or _LINE_BREAK.search(value):
        raise _Other
    return value
