"""content/permalinks.yml, the record of every address: read as validated input, written back.

The file is checked like any other input: a damaged, cut-short or hostile record stops the
build with a message naming the line, before anything is written. Two branches' records
merged by git resolve themselves: conflict markers are read as the two sides and combined,
and an address claimed by two articles stays with one of them (a note says which).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from builder import warm
from builder.addresses import article_address
from builder.errors import ConfigError
from builder.header import SLUG_RULE

try:  # libyaml: the registry of a large archive is read and written on every build
    from yaml import CSafeDumper as SafeDumper, CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]

REGISTRY_PAGE = "permalinks.yml"  # the record, published at the website's root
MAX_SLUG_LENGTH = 150  # characters: the page file (SLUG.html) must fit a file name on any disk
FIRST_LINE = "# Every address each article has been published under (record format 2).\n"
NOTE = FIRST_LINE + """\
# Written by the builder: review its changes in git. An old slug listed under
# 'previous' redirects to the article's page; a slug under 'removed' shows a
# "removed from the archive" page. 'text' is a fingerprint of the article's text:
# a moved or restored file is recognised by it and keeps its address.
"""
END = "# end of the record (a file without this line was cut short)\n"
RESTORE = "restore it from git (git checkout -- FILE) or correct that line; nothing was written"
CONFLICT = re.compile(r"^(<{7}|={7}|\|{7}|>{7})( |$)")


@dataclass
class Entry:
    slug: str
    title: str
    previous: list[str] = field(default_factory=list)
    text: str = ""  # fingerprint of the article's text ("" when not known)
    path: str = ""  # the file it came from (kept for removed articles)

    def slugs(self) -> list[str]:
        return [self.slug, *self.previous]


@dataclass
class Registry:
    articles: dict[str, Entry] = field(default_factory=dict)  # source path -> entry
    removed: list[Entry] = field(default_factory=list)  # articles that left the archive

    def reserved(self) -> set[str]:
        slugs = {s for e in self.removed for s in e.slugs()}
        for entry in self.articles.values():
            slugs.update(entry.slugs())
        return slugs


def load_with_published(path: Path, published: Path | None) -> tuple[Registry, list[str]]:
    """The registry, with the one the last deploy published (a copy of its permalinks.yml)
    merged in: an address the website published is never given up."""
    registry, notes = load_registry(path)
    if published is None:
        return registry, notes
    if not published.exists():
        return registry, notes + [f"{published}: no published record of addresses (a first deploy)"]
    online, online_notes = load_registry(published)
    merged = merge(online, registry, first_wins=True)
    return merged, notes + online_notes + resolve_claims(merged, path)


def load_registry(path: Path) -> tuple[Registry, list[str]]:
    """The registry and notes on what was resolved; ConfigError naming the line when damaged."""
    if not path.exists():
        return Registry(), []
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc}); {RESTORE.replace('FILE', str(path))}") from None
    sides = _conflict_sides(text)
    if sides is None:
        registry = parse(text, path)
        notes = []
    else:
        (ours, ours_lines), (theirs, theirs_lines) = sides
        registry = merge(parse(ours, path, ours_lines), parse(theirs, path, theirs_lines))
        notes = [f"{path}: two branches' versions (git conflict markers) were combined; "
                 "the build writes the combined file: commit it"]
    return registry, notes + resolve_claims(registry, path)


def parse(text: str, path: Path, lines: list[int] | None = None) -> Registry:
    """Text of one registry file -> Registry, every value checked."""
    def fail(line: int, problem: str) -> ConfigError:
        shown = lines[line - 1] if lines and 0 < line <= len(lines) else line
        return ConfigError(f"{path}, line {shown}: {problem}; {RESTORE.replace('FILE', str(path))}")

    if "\0" in text:
        raise fail(text[:text.index("\0")].count("\n") + 1, "a NUL byte (the file is damaged)")
    if not re.search(r"^[^#\s]", text, re.M):
        raise fail(1, "the file is empty (delete it only to start every address afresh)")
    if text.startswith(FIRST_LINE) and not text.endswith(END):  # this builder wrote it; it was cut
        raise fail(text.count("\n") + 1, "the file was cut short (its last line is missing)")
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise fail(mark.line + 1 if mark else 1, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    return _Reader(fail).registry(root)


class _Reader:
    """Walks the YAML nodes, so every problem is reported with its line."""

    def __init__(self, fail):
        self.fail, self.seen = fail, set()

    def registry(self, root) -> Registry:
        top = self.mapping(root, "the record", {"articles", "removed"})
        articles = {}
        for key_node, node in self.pairs(top.get("articles"), "'articles'"):
            rel = self.path(key_node)
            articles[rel] = self.entry(node, with_path=False)
        removed = [self.entry(node, with_path=True) for node in self.items(top.get("removed"), "'removed'")]
        return Registry(articles, removed)

    def entry(self, node, with_path: bool) -> Entry:
        allowed = {"slug", "title", "previous", "text"} | ({"path"} if with_path else set())
        fields = self.mapping(node, "an entry", allowed)
        if "slug" not in fields:
            raise self.fail(node.start_mark.line + 1, "an entry without 'slug'")
        previous = [self.slug(n) for n in self.items(fields.get("previous"), "'previous'")]
        text = self.text(fields["text"]) if "text" in fields else ""
        if text and not re.fullmatch(r"[0-9a-f]{16}", text):
            raise self.fail(fields["text"].start_mark.line + 1, f"'text' must be a fingerprint, got {text!r}")
        title = self.text(fields["title"], any_scalar=True) if "title" in fields else ""
        return Entry(self.slug(fields["slug"]), title, previous, text,
                     self.path(fields["path"]) if "path" in fields else "")

    def mapping(self, node, what: str, allowed: set[str]) -> dict:
        found = {}
        for key_node, value in self.pairs(node, what, allow_empty=False):
            key = self.text(key_node)
            if key not in allowed:
                raise self.fail(key_node.start_mark.line + 1, f"unknown key {key!r} in {what}")
            found[key] = value
        return found

    def pairs(self, node, what: str, allow_empty: bool = True):
        if node is None or (allow_empty and _is_null(node)):
            return []
        self.once(node)
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node.start_mark.line + 1, f"{what} must be 'key: value' lines")
        keys: dict[str, int] = {}
        for key_node, _value in node.value:
            key = self.text(key_node)
            if key in keys:
                raise self.fail(key_node.start_mark.line + 1, f"{key!r} is given twice (also line {keys[key]})")
            keys[key] = key_node.start_mark.line + 1
        return node.value

    def items(self, node, what: str) -> list:
        if node is None or _is_null(node):
            return []
        self.once(node)
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node.start_mark.line + 1, f"{what} must be a list")
        return node.value

    def once(self, node) -> None:
        if id(node) in self.seen:
            raise self.fail(node.start_mark.line + 1, "YAML aliases (& and *) are not allowed here")
        self.seen.add(id(node))

    def text(self, node, any_scalar: bool = False) -> str:
        if not isinstance(node, yaml.ScalarNode) or (not any_scalar and node.tag != "tag:yaml.org,2002:str"):
            raise self.fail(node.start_mark.line + 1, "expected text here")
        return node.value

    def slug(self, node) -> str:
        slug = self.text(node)
        if not SLUG_RULE.match(slug) or len(slug) > MAX_SLUG_LENGTH:
            raise self.fail(node.start_mark.line + 1, f"{slug[:60]!r} is not an address (lowercase ASCII words "
                                                      f"joined by hyphens, at most {MAX_SLUG_LENGTH} characters)")
        return slug

    def path(self, node) -> str:
        rel = self.text(node)
        pure = PurePosixPath(rel)
        if not rel or pure.is_absolute() or ".." in pure.parts or "\\" in rel or pure.as_posix() != rel:
            raise self.fail(node.start_mark.line + 1, f"{rel[:60]!r} is not a file inside the content folder")
        return rel


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _conflict_sides(text: str):
    """Git conflict markers -> (our text, line numbers), (their text, line numbers); None without them."""
    lines = text.splitlines(keepends=True)
    if not any(CONFLICT.match(line) for line in lines):
        return None
    sides: tuple[list[str], list[str]] = ([], [])
    numbers: tuple[list[int], list[int]] = ([], [])
    state = "both"
    for number, line in enumerate(lines, 1):
        marker = CONFLICT.match(line)
        if marker:
            state = {"<": "ours", "|": "base", "=": "theirs", ">": "both"}[marker.group(1)[0]]
            continue
        for side in ({"both": (0, 1), "ours": (0,), "theirs": (1,)}.get(state, ())):
            sides[side].append(line)
            numbers[side].append(number)
    return ("".join(sides[0]), numbers[0]), ("".join(sides[1]), numbers[1])


def merge(first: Registry, second: Registry, first_wins: bool = False) -> Registry:
    """Both records in one: an article known to both keeps every address either gave it.

    first_wins: an address the first gives to one file is taken from any other in the second
    (the published record against the one in git).
    """
    articles = dict(first.articles)
    owners = {s: rel for rel, e in first.articles.items() for s in e.slugs()} if first_wins else {}
    for rel, entry in second.articles.items():
        if first_wins:
            entry = _without(entry, {s for s in entry.slugs() if owners.get(s, rel) != rel})
        mine = articles.get(rel)
        if mine is None:
            articles[rel] = entry
            continue
        previous = [s for s in dict.fromkeys([*mine.previous, *entry.slugs()]) if s != mine.slug]
        articles[rel] = Entry(mine.slug, mine.title, previous, mine.text or entry.text)
    live = {s for e in articles.values() for s in e.slugs()}
    removed, seen = [], set()
    for entry in [*first.removed, *second.removed]:
        key = tuple(entry.slugs())
        if key not in seen and not set(key) & live:
            seen.add(key)
            removed.append(entry)
    return Registry(articles, removed)


def _without(entry: Entry, slugs: set[str]) -> Entry:
    return Entry("" if entry.slug in slugs else entry.slug, entry.title,
                 [s for s in entry.previous if s not in slugs], entry.text, entry.path)


def resolve_claims(registry: Registry, path: Path) -> list[str]:
    """An address claimed by two articles (after a merge) stays with one; the other loses it."""
    owner: dict[str, str] = {}
    notes = []
    claims = [(rel, e.slug, 0) for rel, e in registry.articles.items()]
    claims += [(rel, s, 1) for rel, e in registry.articles.items() for s in e.previous]
    for rel, slug, _rank in sorted(claims, key=lambda c: (c[2], c[0])):
        if slug not in owner:
            owner[slug] = rel
            continue
        entry = registry.articles[rel]
        notes.append(f"{path}: {article_address(slug)} was recorded for both {owner[slug]} and {rel} "
                     f"(two branches merged); it stays with {owner[slug]}, {rel} gets another address")
        if entry.slug == slug:
            entry.slug = ""  # given a new address by assign_slugs
        else:
            entry.previous.remove(slug)
    registry.removed = [e for e in registry.removed if not set(e.slugs()) & set(owner)]
    return notes


def dump_registry(registry: Registry) -> bytes:
    removed = [_fields(e, with_path=True) for e in sorted(registry.removed, key=lambda e: e.slug)]
    if warm.active() and registry.articles:  # the preview: each entry's lines as made before (the same text)
        articles = "".join(warm.remembered("registry entry", (rel, repr(e)), lambda r=rel, e=e: _dump(
            {"articles": {r: _fields(e, with_path=False)}}).removeprefix("articles:\n"))
            for rel, e in sorted(registry.articles.items()))
        return (NOTE + "articles:\n" + articles + _dump({"removed": removed}) + END).encode("utf-8")
    articles = {rel: _fields(e, with_path=False) for rel, e in sorted(registry.articles.items())}
    return (NOTE + _dump({"articles": articles, "removed": removed}) + END).encode("utf-8")


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=1000)


def _fields(entry: Entry, with_path: bool) -> dict:
    data: dict = {"slug": entry.slug, "title": entry.title}
    if entry.text:
        data["text"] = entry.text
    if with_path and entry.path:
        data["path"] = entry.path
    if entry.previous:
        data["previous"] = list(entry.previous)
    return data
