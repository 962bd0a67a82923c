"""Stage 1, read: find the article files under content/ and decode them into RawDocuments.

Every file found ends as a RawDocument or as a Skip with a reason: nothing is dropped silently.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from builder import saved_pages
from builder.decoding import decode
from builder.errors import SourceError
from builder.header import read_header
from builder.models import Message, RawDocument
from builder.text_safety import BIDI_CONTROLS, without_unsafe
from builder.write import MANIFEST

ARTICLE_SUFFIXES = (".txt", ".md") + saved_pages.PAGE_SUFFIXES
MAX_ARTICLE_BYTES = 5_000_000  # far above any news article; larger files are not articles
BUILDER_FILES = ("permalinks.yml",)  # files the builder itself keeps in content/
NOT_TEXT_NAME = "its name (or its folder's) is not UTF-8 text, so no address can be made from it: rename it"
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))  # C0 controls but tab and newline
# Every character the two cleanings below remove: most texts have none and skip both.
_TO_CLEAN = re.compile("[" + BIDI_CONTROLS + r"\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Skip:
    """An input file that does not become a page, and why."""

    rel_path: str
    reason: str
    level: str = "skipped"  # "skipped" (not an article) | "error" (an article that failed)
    line: int | None = None


def discover(content_dir: Path, outputs: tuple[Path, ...] = ()) -> tuple[list[tuple[Path, str]], list[Skip]]:
    """Article files (path, relative POSIX path) in a stable order, and the files passed over.

    outputs: the builder's own folders (docs/, site/, .cache/), never read as articles.
    """
    found: list[tuple[Path, str]] = []
    skipped: list[Skip] = []
    root = content_dir.resolve()
    excluded = {p.resolve() for p in outputs}

    def unreadable(exc: OSError) -> None:
        rel = Path(exc.filename).relative_to(content_dir).as_posix() if exc.filename else "."
        skipped.append(Skip(rel, f"this folder cannot be read: {exc.strerror or exc}", "error"))

    for folder, dirs, files in os.walk(content_dir, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not saved_pages.is_companion_folder(d, files))  # a page's NAME_files/
        for name in list(dirs):
            reason = _folder_reason(Path(folder) / name, name, root, excluded)
            if reason:
                dirs.remove(name)
                skipped.append(Skip((Path(folder) / name).relative_to(content_dir).as_posix(), reason))
        for name in sorted(files) + [d for d in dirs if d.endswith(ARTICLE_SUFFIXES)]:
            path = Path(folder) / name
            rel = path.relative_to(content_dir).as_posix()
            reason, level = _skip_reason(path, name, root) if _is_text(rel) else (NOT_TEXT_NAME, "skipped")
            if reason == "":
                continue
            if reason:
                skipped.append(Skip(rel, reason, level))
            else:
                found.append((path, rel))
    return found, skipped


def _folder_reason(path: Path, name: str, root: Path, excluded: set[Path]) -> str | None:
    """Why a folder under content/ is not walked (None: it is)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a link to a folder that does not exist (or leads back to itself); remove it"
        if _inside(target, root):
            return (f"a link to the folder {target.relative_to(root).as_posix() or '.'} inside the content "
                    "folder: its articles are read there, once")
        return "a link to a folder outside the content folder; move or copy the folder in instead"
    if path.resolve() in excluded or _made_by_builder(path):
        return "a folder the builder writes (its pages or website): never read as articles"
    if name.startswith("."):
        return "hidden folder (its name starts with a dot): not read"
    return None


def _is_text(rel: str) -> bool:
    """False for a name with bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _made_by_builder(folder: Path) -> bool:
    """A docs/ folder (its manifest) or a built website (sitemap and search index)."""
    return (folder / MANIFEST).is_file() or ((folder / "sitemap.xml").is_file() and any(
        (folder / "search" / index).is_file() for index in ("index.js", "search_index.json")))


def _skip_reason(path: Path, name: str, root: Path) -> tuple[str | None, str]:
    """(None, _) for an article file; ('', _) for a builder file; otherwise why it is passed
    over, and whether that is an error."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that leads back to itself (a loop); remove it", "error"
        if path.is_symlink():
            return "a link to a file that does not exist; remove it", "error"
        return f"cannot be read: {exc.strerror or exc}", "error"
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file", "skipped"
    if not stat.S_ISREG(mode):
        return "not a file but a pipe, socket or device: not read", "skipped"
    if name in BUILDER_FILES and path.parent.resolve() == root:
        return "", "skipped"
    if name.startswith("."):
        return "hidden file (its name starts with a dot); rename it to publish it", "skipped"
    if saved_pages.page_of_sidecar(path):
        return "", "skipped"  # a saved page's curated values, read with the page
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        if name.endswith(saved_pages.SIDECAR_SUFFIX):
            return ("a .yml file with no saved page of the same name beside it (NAME.yml goes with NAME.html)",
                    "skipped")
        return f"not an article file: only {', '.join(ARTICLE_SUFFIXES)} files are read", "skipped"
    if path.is_symlink() and not _inside(path.resolve(), root):
        return "a link to a file outside the content folder; copy the file in instead", "skipped"
    return None, "skipped"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def read(path: Path, rel_path: str) -> RawDocument:
    """Decode one file and split off its header; raise SourceError when it cannot be an article."""
    return parse(read_bytes(path, rel_path), path, rel_path)


def parse(data: bytes, path: Path, rel_path: str) -> RawDocument:
    """The bytes of one file -> RawDocument; raise SourceError when it cannot be an article."""
    if not data.strip():
        raise SourceError(rel_path, "the file is empty")
    if saved_pages.is_page(rel_path):
        return _parse_page(data, path, rel_path)
    data, stray = _without_stray_nul_bytes(data)
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        raise SourceError(rel_path, f"not readable as text: {exc}") from None
    text = unicodedata.normalize("NFC", text)
    text = without_unsafe(text.translate(_CONTROL)) if _TO_CLEAN.search(text) else text
    header, body, header_lines, warnings = read_header(text, rel_path)
    if not body.strip():
        raise SourceError(rel_path, "the file has a header but no article text below it")
    messages: list[Message] = list(warnings)
    if stray:
        messages.append(Message("warning", f"{stray} NUL bytes (invisible, from a broken copy) were removed"))
    if encoding not in ("utf-8", "ascii"):
        messages.append(Message("info", f"read as {encoding}"))
    return RawDocument(path, rel_path, body, encoding, header, header_lines, tuple(messages))


def _parse_page(data: bytes, path: Path, rel_path: str) -> RawDocument:
    """A saved web page: its HTML (read out in the extract stage) and its NAME.yml values."""
    try:
        text, encoding = saved_pages.decode_page(data, rel_path)
    except ValueError as exc:
        raise SourceError(rel_path, f"not readable as a web page: {exc}") from None
    header, warnings = saved_pages.read_sidecar(path, rel_path)
    return RawDocument(path, rel_path, text, encoding, header, 0, tuple(warnings), kind="page")


def _without_stray_nul_bytes(data: bytes) -> tuple[bytes, int]:
    """UTF-8 text with a few NUL bytes in it is text; anything else with NULs is left to decode()."""
    count = data.count(b"\0")
    if not count or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data, 0
    cleaned = data.replace(b"\0", b"")
    try:
        cleaned.decode("utf-8")
    except UnicodeDecodeError:
        return data, 0
    return cleaned, count


def read_bytes(path: Path, rel_path: str) -> bytes:
    """The file's bytes; opened without waiting, so a pipe put in its place never hangs the build."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise SourceError(rel_path, "cannot be read: permission denied (check the file's permissions)") from None
    except OSError as exc:
        raise SourceError(rel_path, f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(rel_path, "not a file but a pipe, socket or device: not read")
        if info.st_size > MAX_ARTICLE_BYTES:
            raise SourceError(rel_path, f"too large to be an article ({info.st_size / 1e6:.1f} MB; the limit is "
                                        f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB): split it or remove it")
        try:
            return file.read()
        except OSError as exc:
            raise SourceError(rel_path, f"cannot be read: {exc.strerror or exc}") from None
