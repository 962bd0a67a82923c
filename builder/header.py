"""The curated YAML header on top of an article file: split it off and validate it.

Values from the header always win over extraction. Every problem names the key and
the file line, so a curator can find it.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

from builder.errors import SourceError
from builder.models import Header, Message, PartialDate

try:  # libyaml is 5-8x faster; fall back to the pure-Python classes without it
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

FENCE = re.compile(r"^---[ \t]*$")
STRING_KEYS = ("title", "publisher", "author", "url", "slug", "language")
KNOWN_KEYS = (*STRING_KEYS, "date", "topics", "draft")
SLUG_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def split_header(text: str, rel_path: str) -> tuple[str | None, str, int]:
    """(header YAML or None, the text below it, lines the header took)."""
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0]):
        return None, text, 0
    for index in range(1, len(lines)):
        if FENCE.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 1
    raise SourceError(
        rel_path,
        "the header that starts with '---' is never closed: add a line '---' below its last key",
        line=1,
    )


def parse_header(source: str | None, rel_path: str, first_line: int = 2) -> tuple[Header, list[Message]]:
    """Validate the header YAML; raise SourceError on the first error, return warnings.

    first_line: the file line of the YAML's first line (2 below a '---' fence; 1 in a
    saved page's .yml file), so that messages name the right line.
    """
    if source is None or not source.strip():
        return Header(), []
    nodes = _compose(source, rel_path, first_line)
    values: dict[str, object] = {}
    warnings: list[Message] = []
    for key_node, value_node in nodes.value:
        key, line = str(key_node.value), key_node.start_mark.line + first_line
        if key in values:
            raise SourceError(rel_path, f"header key '{key}' is given twice", line)
        if key not in KNOWN_KEYS:
            known = ", ".join(KNOWN_KEYS)
            warnings.append(Message("warning", f"unknown header key '{key}' is ignored (known keys: {known})", line))
            values[key] = None
            continue
        values[key] = _check(key, _construct(value_node), rel_path, line)
    return _header(values), warnings


def _compose(source: str, rel_path: str, first_line: int) -> yaml.MappingNode:
    try:
        node = yaml.compose(source, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = f"the header is not valid YAML: {exc.problem or exc}"
        if "mapping values are not allowed" in problem:
            problem += " (a value that contains ': ' must be put in quotes)"
        if "cannot start any token" in problem and "\t" in source:
            problem += " (indent with spaces, not tabs)"
        raise SourceError(rel_path, problem, line) from None
    except yaml.YAMLError as exc:
        raise SourceError(rel_path, f"the header is not valid YAML: {exc}", first_line - 1 or 1) from None
    if node is None:
        return yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(node, yaml.MappingNode):
        raise SourceError(rel_path, "the header must be a list of 'key: value' lines", first_line)
    return node


def _construct(node: yaml.Node) -> object:
    loader = SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        return _Unsupported(str(exc.problem or exc))
    except ValueError as exc:  # e.g. an impossible date such as 2012-02-30
        return _Unsupported(str(exc))
    finally:
        loader.dispose()


class _Unsupported:
    def __init__(self, reason: str):
        self.reason = reason


def _check(key: str, value: object, rel_path: str, line: int) -> object:
    def fail(expected: str) -> SourceError:
        shown = value.reason if isinstance(value, _Unsupported) else repr(value)
        return SourceError(rel_path, f"header key '{key}': expected {expected}, got {shown}", line)

    if value is None:
        return None
    if key in STRING_KEYS:
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise fail("text")
        text = str(value).strip()
        if key == "slug" and not SLUG_RULE.match(text):
            raise fail("lowercase ASCII words joined by hyphens, like 'rally-in-seoul'")
        return text or None
    if key == "date":
        return _check_date(value, fail)
    if key == "topics":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            raise fail("a list of topic names")
        return tuple(t.strip() for t in value)
    if not isinstance(value, bool):  # draft
        raise fail("true or false")
    return value


def _check_date(value: object, fail) -> PartialDate:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse_iso(value)
        except ValueError:
            pass
    raise fail("a date written YYYY, YYYY-MM or YYYY-MM-DD")


def _header(values: dict[str, object]) -> Header:
    known = {k: v for k, v in values.items() if k in KNOWN_KEYS and v is not None}
    if "topics" not in known:
        known["topics"] = ()
    return Header(**known)  # type: ignore[arg-type]
