"""Reading YAML a person wrote, safely: no anchors or aliases, bounded nesting and size.

An alias repeats a value by reference, so a few hundred bytes of them ("billion laughs")
expand into gigabytes; nesting thousands deep exhausts the stack. Both are refused while
only the YAML events are read, before any value is built.
"""
from __future__ import annotations

import yaml

from builder.text_safety import without_unsafe

try:  # libyaml is 5-8x faster; fall back to the pure-Python classes without it
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

SETTINGS_DEPTH = 12  # the deepest site_config/ file (rules: list of maps of lists) is far below
SETTINGS_EVENTS = 2_000_000


class UnsafeYAML(ValueError):
    """The text uses an alias, or nests or repeats too much; line is 1-based within the text."""

    def __init__(self, reason: str, line: int):
        super().__init__(reason)
        self.reason, self.line = reason, line


ALIAS_REASON = ("uses a YAML anchor or alias ('&' or '*' before a name): write each value out in full "
                "(put a value starting with & or * in quotes)")


def check_shape(source: str, max_depth: int, max_events: int) -> None:
    """Walk the YAML events (no values built); raise UnsafeYAML or yaml.YAMLError."""
    depth = 0
    for count, event in enumerate(yaml.parse(source, Loader=SafeLoader)):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise UnsafeYAML(ALIAS_REASON, line)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > max_depth:
                raise UnsafeYAML("has lists or keys nested too deeply", line)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if count > max_events:
            raise UnsafeYAML("holds too many values", line)


def load_settings_yaml(source: str):
    """yaml.safe_load for a settings file, after check_shape; raises UnsafeYAML or yaml.YAMLError.

    Strings come back without bidi controls or characters XML forbids (see text_safety).
    """
    source = without_unsafe(source)
    check_shape(source, SETTINGS_DEPTH, SETTINGS_EVENTS)
    return _clean(yaml.load(source, Loader=SafeLoader))


def _clean(value):
    if isinstance(value, str):
        return without_unsafe(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
