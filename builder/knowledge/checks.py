"""Reading YAML vocabularies and checking their shape, collecting every problem.

Each check records a problem (builder.settings: "file, line N: key: message") and returns
None for a bad value, so one run reports all problems at once and raises once.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from builder.settings import Problems, read_file, unknown_key


def read_yaml(path: Path, label: str, problems: Problems) -> Any:
    """The parsed file; None when it is missing, empty or unreadable (then a problem)."""
    return read_file(path, problems).data


def check_mapping(
    value: Any, where: str, problems: Problems, allowed: tuple[str, ...], required: tuple[str, ...] = ()
) -> dict[str, Any] | None:
    """A mapping with only allowed keys and every required key present."""
    if not isinstance(value, dict):
        problems.add(where, f"expected a mapping, got {_kind(value)}")
        return None
    for key in value:
        if key not in allowed:
            problems.add(f"{where}.{key}", unknown_key(key, allowed))
    for key in required:
        if key not in value:
            problems.add(where, f"missing key {key!r}")
    return value


def check_text(value: Any, where: str, problems: Problems) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    problems.add(where, f"expected a non-empty text, got {_kind(value)}")
    return None


def check_texts(value: Any, where: str, problems: Problems) -> tuple[str, ...]:
    """A list of non-empty texts (numbers are taken as text: YAML reads `- 10` as 10)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add(where, f"expected a list, got {_kind(value)}")
        return ()
    texts = []
    for index, item in enumerate(value):
        item = str(item) if isinstance(item, (int, float)) and not isinstance(item, bool) else item
        text = check_text(item, f"{where}[{index}]", problems)
        if text is not None:
            texts.append(text)
    return tuple(texts)


def check_number(value: Any, where: str, problems: Problems, minimum: float = 0) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= minimum:
        return float(value)
    problems.add(where, f"expected a number of at least {minimum:g}, got {value!r}")
    return None


def check_weights(value: Any, where: str, problems: Problems) -> tuple[tuple[str, float], ...]:
    """A mapping of text -> positive number (terms and their weights)."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.add(where, f"expected a mapping of term: weight, got {_kind(value)}")
        return ()
    pairs = []
    for key, weight in value.items():
        number = check_number(weight, f"{where}.{key}", problems, minimum=0)
        if isinstance(key, str) and key.strip() and number is not None:
            pairs.append((key.strip(), number))
        elif not (isinstance(key, str) and key.strip()):
            problems.add(where, f"expected a text term, got {key!r}")
    return tuple(pairs)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    names = {dict: "a mapping", list: "a list", str: "a text", bool: "true/false"}
    return names.get(type(value), f"{type(value).__name__} {value!r}")
