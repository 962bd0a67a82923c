"""Stage 8, write: put the generated pages into docs/ safely.

- Nothing is written outside the output folder; two pages never claim one path.
- A file is rewritten only when its bytes change; stale files the builder made are removed,
  hand-written files are kept (a manifest lists what the builder made).
- The new tree is assembled beside the old one and swapped in whole (builder.safety), so an
  interrupted build leaves the previous docs/ as it was.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from builder.errors import WriteError
from builder.models import Page
from builder.safety import remove, swap_in
from builder.safety import stage as staged_folder

MANIFEST = ".generated"  # one path per line: the files the builder wrote last time
# A path of plain names ("articles/x.md"): relative, inside the folder, never "." or ".."
_PLAIN_PATH = re.compile(r"(?:[\w-][\w.-]*/)*[\w-][\w.-]*\Z")


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


@dataclass(frozen=True)
class StagedPage:
    """A page its maker already put into the folder being assembled (see written_where_made)."""

    path: str
    written: bool  # False: its bytes were already in the output folder


def check_page(page: Page | StagedPage, seen: set[str]) -> None:
    """Refuse a path outside the folder, or one claimed twice."""
    _check_path(page.path)
    if page.path in seen:
        raise WriteError(f"two pages claim the same file {page.path!r}")
    seen.add(page.path)


def _check_path(rel: str) -> None:
    if not _PLAIN_PATH.match(rel):
        path = PurePosixPath(rel)
        if path.is_absolute() or ".." in path.parts or not path.parts or rel == MANIFEST:
            raise WriteError(f"refusing to write {rel!r}: outside the output folder")


class _Stage:
    """The folder being assembled beside out_dir, and how a page gets into it."""

    def __init__(self, out_dir: Path, stage: Path):
        self.folder, self.staging = os.fspath(out_dir), os.fspath(stage)
        self.compare = _has_files(self.folder)  # a first build into an empty folder compares nothing
        self.made: set[str] = set()  # folders of stage/ already made (one mkdir per folder, not per page)

    def put(self, page: Page) -> bool:
        """Write the page into stage/ unless out_dir has its bytes (False)."""
        if self.compare and _same_file(os.path.join(self.folder, page.path), page.content):
            return False
        _write_new(os.path.join(self.staging, page.path), page.content, self.made)
        return True


_assembling: list[_Stage] = []  # the stage write_tree is filling (inherited by a forked helper)


def written_where_made(pages: Iterable[Page]) -> Iterator[Page | StagedPage]:
    """While write_tree assembles a folder, each page is written into it here, by the process
    that made it (a forked helper writes its own files: only their paths go back to the
    writer), and a StagedPage stands for it; at any other time, the pages as they are."""
    for page in pages:
        stage = _assembling[-1] if _assembling else None
        if stage is None:
            yield page
        else:
            _check_path(page.path)
            yield StagedPage(page.path, stage.put(page))


def write_tree(pages: Iterable[Page], out_dir: Path, *, swap: bool = True,
               known: dict[str, bytes] | None = None) -> WriteStats:
    """Write the pages (any iterable: they are handled one at a time, never all held).
    known (in place only): path -> the bytes known to be in out_dir, kept up to date here, so
    a page with those same bytes is neither checked again nor compared on disk (the preview)."""
    old_manifest = _read_manifest(out_dir)
    if not swap:
        return _write_in_place(pages, out_dir, old_manifest, {} if known is None else known)
    stage = staged_folder(out_dir, "new")
    _remove(stage)
    try:
        staged = _stage_changes(pages, out_dir, stage)
        _close(pages)  # a helper still writing into stage/ stops first
        stats = _stats(staged, out_dir, old_manifest)
        if stats.written or stats.removed or staged.paths != old_manifest:
            _complete(staged, out_dir, stage, old_manifest)
            swap_in(stage, out_dir)
        else:
            _remove(stage)  # everything is already there: nothing to swap
    except OSError as exc:
        _close(pages)
        _remove(stage)
        raise WriteError(f"cannot write {out_dir}: {exc.strerror or exc}") from None
    except BaseException:  # Ctrl-C: the half-assembled copy goes, the previous tree stays
        _close(pages)
        _remove(stage)
        raise
    return stats


def _close(pages: Iterable) -> None:
    close = getattr(pages, "close", None)
    if close is not None:
        close()


@dataclass
class _Staged:
    paths: set[str]  # every page's path
    unchanged: list[str]  # pages whose bytes are already in out_dir
    written: int


def _stage_changes(pages: Iterable[Page], out_dir: Path, stage: Path) -> _Staged:
    """Write the pages that differ from out_dir's files into stage/ (into an empty or missing
    out_dir, a first build, every page is new: nothing is compared)."""
    staged = _Staged(set(), [], 0)
    _assembling.append(_Stage(out_dir, stage))
    try:
        for page in pages:
            check_page(page, staged.paths)
            written = page.written if isinstance(page, StagedPage) else _assembling[-1].put(page)
            if written:
                staged.written += 1
            else:
                staged.unchanged.append(page.path)
    finally:
        _assembling.pop()
    return staged


def _has_files(folder: str) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except OSError:
        return False


def _write_new(target: str, content: bytes, made: set[str]) -> None:
    """A new file in a folder the build is making (straight system calls: ~34,000 files at
    10,000 articles, where Python's file objects cost more than the writing)."""
    parent = os.path.dirname(target)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _stats(staged: _Staged, out_dir: Path, old_manifest: set[str]) -> WriteStats:
    removed = len({p for p in old_manifest if (out_dir / p).exists()} - staged.paths)
    return WriteStats(staged.written, len(staged.unchanged), removed)


def _complete(staged: _Staged, out_dir: Path, stage: Path, old_manifest: set[str]) -> None:
    """Fill stage/ with the unchanged pages and the hand-written files (hard links), and the manifest."""
    for rel in staged.unchanged + _hand_written(out_dir, old_manifest | staged.paths):
        (stage / rel).parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(out_dir / rel, stage / rel)
    stage.mkdir(parents=True, exist_ok=True)
    manifest = "".join(f"{p}\n" for p in sorted(staged.paths)).encode("utf-8")
    if _same_file(out_dir / MANIFEST, manifest):
        _link_or_copy(out_dir / MANIFEST, stage / MANIFEST)
    else:
        (stage / MANIFEST).write_bytes(manifest)


def _write_in_place(pages: Iterable[Page], out_dir: Path, old_manifest: set[str], known: dict[str, bytes]) -> WriteStats:
    """For live preview: change only what changed, each file replaced atomically."""
    written = unchanged = 0
    seen: set[str] = set()
    for page in pages:
        if known.get(page.path) == page.content and page.path not in seen:
            seen.add(page.path)  # checked, and found there, when it was known
            unchanged += 1
            continue
        check_page(page, seen)
        target = out_dir / page.path
        known.pop(page.path, None)
        if _same_file(target, page.content):
            known[page.path] = page.content
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(page.content)
        os.replace(temporary, target)
        known[page.path] = page.content
        written += 1
    stale = [p for p in old_manifest - seen if (out_dir / p).is_file()]
    for rel in stale:
        (out_dir / rel).unlink()
    for rel in set(known) - seen:
        del known[rel]
    manifest = "".join(f"{p}\n" for p in sorted(seen)).encode("utf-8")
    if not _same_file(out_dir / MANIFEST, manifest):
        (out_dir / MANIFEST).write_bytes(manifest)
    return WriteStats(written, unchanged, len(stale))


def _same_file(path: str | Path, content: bytes) -> bool:
    """The file holds exactly these bytes (a size check first spares most reads)."""
    try:
        if os.stat(path).st_size != len(content):
            return False
        with open(path, "rb") as file:
            return file.read() == content
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read_manifest(out_dir: Path) -> set[str]:
    try:
        return set((out_dir / MANIFEST).read_text(encoding="utf-8").split())
    except OSError:
        return set()


def _hand_written(out_dir: Path, generated: set[str]) -> list[str]:
    """Files in the old folder that the builder did not make: they are kept."""
    if not out_dir.is_dir():
        return []
    found = []
    for folder, _dirs, files in os.walk(out_dir):
        for name in files:
            rel = (Path(folder) / name).relative_to(out_dir).as_posix()
            if rel != MANIFEST and rel not in generated:
                found.append(rel)
    return sorted(found)


_remove = remove
