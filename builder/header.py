"""The curated YAML header on top of an article file: split it off and validate it.

Values from the header always win over extraction. Every problem names the key and
the file line, so a curator can find it.

The header is read safely and literally: anchors and aliases (`&a`, `*a`) are refused,
so a few hundred bytes cannot expand into gigabytes; its size and nesting are bounded;
and every value is the text as typed: `title: 1:20` is "1:20", `010` stays "010"
(YAML 1.1 would read them as the numbers 80 and 8).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

from builder.errors import SourceError
from builder.models import Header, Message, PartialDate
from builder.safe_yaml import ALIAS_REASON, UnsafeYAML, check_shape
from builder.text_safety import shown

try:  # libyaml is 5-8x faster; fall back to the pure-Python classes without it
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

FENCE = re.compile(r"^---[ \t]*$")
STRING_KEYS = ("title", "publisher", "author", "url", "slug", "language")
KNOWN_KEYS = (*STRING_KEYS, "date", "topics", "draft")
SLUG_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_RULE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")  # BCP 47: en, ko, zh-Hant, pt-BR
# Bounds: a header is a handful of short lines.
MAX_HEADER_CHARS = 65_536
MAX_DEPTH = 3  # the header mapping, a list of topics, nothing deeper
MAX_EVENTS = 5_000
# The first line of a header (below its '---'), to notice one that follows blank lines.
KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:(\s|$)")
WEB_SCHEMES = ("http", "https")
# Tags the YAML resolver gives plain values; any other (!!python/..., !!binary, !x) is refused.
YAML = "tag:yaml.org,2002:"
PLAIN_TAGS = {YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge", "value")}
NULLS = ("", "~", "null", "Null", "NULL")
TRUE, FALSE = ("true", "yes", "on"), ("false", "no", "off")


def split_header(text: str, rel_path: str) -> tuple[str | None, str, int]:
    """(header YAML or None, the text below it, lines the header took).

    A header may follow blank lines (read_header warns about them); the YAML is given
    with those lines in front, so error lines still count from the top of the file.
    """
    lines = text.split("\n")
    start = _header_start(lines)
    if start is None:
        return None, text, 0
    for index in range(start + 1, len(lines)):
        if FENCE.match(lines[index]):
            return "\n" * start + "\n".join(lines[start + 1:index]), "\n".join(lines[index + 1:]), index + 1
    raise SourceError(
        rel_path,
        "the header that starts with '---' is never closed: add a line '---' below its last key",
        line=start + 1,
    )


def _header_start(lines: list[str]) -> int | None:
    """The index of the header's opening '---': the first line, or the first after blank lines
    when the next line reads like 'key: value'."""
    if lines and FENCE.match(lines[0]):
        return 0
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first and FENCE.match(lines[first]) and first + 1 < len(lines) and KEY_LINE.match(lines[first + 1]):
        if any(FENCE.match(line) for line in lines[first + 1:]):
            return first
    return None


def read_header(text: str, rel_path: str) -> tuple[Header, str, int, list[Message]]:
    """Split and validate: (header, text below it, lines the header took, warnings)."""
    source, body, header_lines = split_header(text, rel_path)
    header, warnings = parse_header(source, rel_path)
    blank = len(source) - len(source.lstrip("\n")) if source and not text.startswith("---") else 0
    if blank:
        warnings.insert(0, Message("warning", f"the header starts on line {blank + 1}, below {blank} blank "
                                              "line(s); it was read as the header, but put '---' on the first "
                                              "line of the file so every tool sees it", blank + 1))
    return header, body, header_lines, warnings


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
    lines: list[tuple[str, int]] = []
    for key_node, value_node in nodes.value:
        line = key_node.start_mark.line + first_line
        if not isinstance(key_node, yaml.ScalarNode):
            raise SourceError(rel_path, "the header must be a list of 'key: value' lines", line)
        key = key_node.value
        if key in values:
            raise SourceError(rel_path, f"header key '{shown(key)}' is given twice", line)
        if key not in KNOWN_KEYS:
            known = ", ".join(KNOWN_KEYS)
            warnings.append(Message("warning", f"unknown header key '{shown(key)}' is ignored (known keys: {known})",
                                    line))
            values[key] = None
            continue
        values[key] = _check(key, value_node, rel_path, line)
        lines.append((key, line))
    return _header(values, tuple(lines)), warnings


def _compose(source: str, rel_path: str, first_line: int) -> yaml.MappingNode:
    if len(source) > MAX_HEADER_CHARS:
        raise SourceError(rel_path, f"the header is too long ({len(source):,} characters; the limit is "
                                    f"{MAX_HEADER_CHARS:,}): a header holds a few short "
                                    "'key: value' lines", first_line - 1 or 1)
    try:
        _check_shape(source, rel_path, first_line)
        node = yaml.compose(source, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = f"the header is not valid YAML: {exc.problem or 'unreadable'}"
        if "nesting depth" in problem:
            problem = "the header has lists or keys nested too deeply: a header is a few 'key: value' lines"
        if "mapping values are not allowed" in problem:
            problem += " (a value that contains ': ' must be put in quotes)"
        if "cannot start any token" in problem and "\t" in source:
            problem += " (indent with spaces, not tabs)"
        raise SourceError(rel_path, problem, line) from None
    except yaml.YAMLError:
        raise SourceError(rel_path, "the header is not valid YAML", first_line - 1 or 1) from None
    if node is None:
        return yaml.MappingNode(YAML + "map", [])
    if not isinstance(node, yaml.MappingNode):
        raise SourceError(rel_path, "the header must be a list of 'key: value' lines", first_line)
    return node


def _check_shape(source: str, rel_path: str, first_line: int) -> None:
    try:
        check_shape(source, MAX_DEPTH, MAX_EVENTS)
    except UnsafeYAML as exc:
        reason = exc.reason
        if reason != ALIAS_REASON:
            reason += ": a header is a few 'key: value' lines (topics may be a list)"
        raise SourceError(rel_path, "the header " + reason, exc.line + first_line - 1) from None


def _text(node: yaml.Node) -> str | None:
    """A scalar exactly as typed (None when empty or null); anything else raises _NotText."""
    if not isinstance(node, yaml.ScalarNode) or node.tag not in PLAIN_TAGS:
        raise _NotText(node)
    if not node.style and node.value in NULLS:  # plain (unquoted) empty, ~ or null
        return None
    return node.value


class _NotText(Exception):
    def __init__(self, node: yaml.Node):
        super().__init__()
        self.node = node


def _describe(node: yaml.Node) -> str:
    """What the curator wrote, in their words: "['a', 'b']", "5", "a value tagged !!binary"."""
    if node.tag not in PLAIN_TAGS:
        return f"a value tagged {shown(node.tag.replace(YAML, '!!'))} (tags are not allowed)"
    if isinstance(node, yaml.SequenceNode):
        return "[" + ", ".join(repr(shown(n.value)) if isinstance(n, yaml.ScalarNode) else "[...]"
                               for n in node.value[:5]) + "]"
    if isinstance(node, yaml.MappingNode):
        return "a group of 'key: value' lines"
    return shown(node.value)


def _check(key: str, node: yaml.Node, rel_path: str, line: int) -> object:
    def fail(expected: str) -> SourceError:
        return SourceError(rel_path, f"header key '{key}': expected {expected}, got {_describe(node)}", line)

    try:
        if key == "topics":
            return _check_topics(node, fail)
        value = _text(node)
    except _NotText:
        raise fail("a list of topic names" if key == "topics" else "true or false" if key == "draft"
                   else "a date written YYYY, YYYY-MM or YYYY-MM-DD" if key == "date" else "text") from None
    if value is None:
        return None
    if key in STRING_KEYS:
        text = value.strip()
        if key == "slug" and not SLUG_RULE.match(text):
            raise fail("lowercase ASCII words joined by hyphens, like 'rally-in-seoul'")
        if key == "language" and not LANGUAGE_RULE.match(text):
            raise fail("a language code such as 'en', 'ko' or 'zh-Hant'")
        if key == "url" and text and not web_address(text):
            raise SourceError(rel_path, "header key 'url': expected the web address of the original article, "
                                        f"starting with http:// or https://, got {address_kind(text)}", line)
        return text or None
    if key == "date":
        return _check_date(value, fail)
    if value.strip().lower() in TRUE + FALSE:  # draft
        return value.strip().lower() in TRUE
    raise fail("true or false")


def _check_topics(node: yaml.Node, fail) -> tuple[str, ...] | None:
    items = node.value if isinstance(node, yaml.SequenceNode) and node.tag in PLAIN_TAGS else [node]
    names = []
    for item in items:
        name = _text(item)
        if item.tag != YAML + "str" or not name or not name.strip():
            raise fail("a list of topic names")
        names.append(name.strip())
    return tuple(names)


def web_address(text: str) -> bool:
    """An http or https address with a host, and no spaces or control characters."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def address_kind(text: str) -> str:
    """How a refused address starts, without repeating it: "an address starting with 'javascript:'"."""
    scheme = re.match(r"^\s*([A-Za-z][A-Za-z0-9+.-]{0,20}):", text)
    if scheme and scheme.group(1).lower() not in WEB_SCHEMES:
        return f"an address starting with '{scheme.group(1).lower()}:'"
    if scheme:
        return "an address with spaces, control characters or no host name"
    return "text that is not a web address"


def _check_date(value: str, fail) -> PartialDate:
    text = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}[Tt ]\d", text):  # a timestamp: its day counts
        text = text[:10]
    try:
        return PartialDate.parse_iso(text)
    except ValueError:
        raise fail("a date written YYYY, YYYY-MM or YYYY-MM-DD") from None


def _header(values: dict[str, object], lines: tuple[tuple[str, int], ...] = ()) -> Header:
    known = {k: v for k, v in values.items() if k in KNOWN_KEYS and v is not None}
    known["key_lines"] = lines
    if "topics" not in known:
        known["topics"] = ()
    return Header(**known)  # type: ignore[arg-type]
