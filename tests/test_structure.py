"""The site's shape is stated once: addresses in builder/addresses.py, index kinds in builder/kinds.py,
the pipeline's stages in the package's docstring."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import builder
from builder.kinds import INDEX_KEYS

PACKAGE = Path(builder.__file__).parent


def _modules(*skipped: str):
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel not in skipped:
            yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _built_addresses(tree: ast.AST) -> list[str]:
    """f-strings that spell out a page address: "articles/" or "<kind>/" right before a value."""
    folders = ("articles/", "sources/", "timeline/", *(f"{kind}/" for kind in INDEX_KEYS))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for part, following in zip(node.values, node.values[1:]):
                if isinstance(part, ast.Constant) and isinstance(following, ast.FormattedValue) \
                        and str(part.value).endswith(folders):
                    found.append(f"line {node.lineno}: {part.value!r}")
    return found


def test_only_the_addresses_module_builds_page_addresses():
    built = {rel: found for rel, tree in _modules("addresses.py") if (found := _built_addresses(tree))}
    assert built == {}


def _kind_lists(tree: ast.AST) -> list[int]:
    """Tuples or lists of two or more index kinds' names."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, (ast.Tuple, ast.List))
            and sum(isinstance(e, ast.Constant) and e.value in INDEX_KEYS for e in node.elts) >= 2]


def test_only_the_kinds_module_lists_the_index_kinds():
    listed = {rel: lines for rel, tree in _modules("kinds.py") if (lines := _kind_lists(tree))}
    assert listed == {}


def _package_stages() -> dict[int, str]:
    return {int(n): name for n, name in re.findall(r"^(\d)\. +(\w+)", builder.__doc__, re.M)}


def test_stages_are_named_and_numbered_as_the_package_docstring_says():
    stages = _package_stages()
    assert list(stages) == list(range(1, len(stages) + 1)) and len(stages) >= 8
    named = {rel: (int(n), name) for rel, tree in _modules()
             for n, name in re.findall(r"^Stages? (\d), (\w+)", ast.get_docstring(tree) or "")}
    assert len(named) >= 8 and {rel: s for rel, s in named.items() if stages.get(s[0]) != s[1]} == {}
    pipeline = (PACKAGE / "pipeline.py").read_text(encoding="utf-8")
    steps = re.findall(r"# (\d)\. (\w+)", pipeline)
    assert steps and all(stages[int(n)] == name for n, name in steps)
    told = ast.get_docstring(ast.parse(pipeline)).split("\n\n")[1]  # the pipeline in one sentence
    assert [told.index(name) for name in stages.values()] == sorted(told.index(name) for name in stages.values())
