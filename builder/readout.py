"""Reading one file out as a function of (its bytes, the settings): the map any engine can run.

`read_out(item, settings)` needs nothing set up beforehand in the process that runs it.
`ReadSettings` carries the bytes of site_config's YAML files (a few dozen KB) and their
digest, so it can travel to another process or another machine; the Reader for one
settings digest is built on first use in a process and reused there. The same call runs
in this process, in the builder's process pool, or as `dask.bag.map(read_out, settings=...)`
on workers that never saw the build start (benchmarks/README.md: a million articles).

A saved web page (.html) also reads its NAME.yml beside it: on a cluster both files must
be where the item's path says.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from builder.models import Article
from builder.process import Failure, Reader

SETTINGS_SUFFIXES = (".yml", ".yaml")  # the read-out reads site_config's YAML files, nothing else there
READERS_KEPT = 4  # readers remembered per process (one per settings digest)
_readers: dict[str, Reader] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class ReadSettings:
    """The settings the read-out depends on, as bytes: {file name: content} and their digest."""

    files: tuple[tuple[str, bytes], ...]
    digest: str
    folder: str = field(default="", compare=False)  # where they were read (used when it still holds them)

    @classmethod
    def of(cls, config_dir: Path) -> ReadSettings:
        folder = Path(config_dir)  # no folder: no files, the builder's defaults
        files = tuple(sorted((p.name, p.read_bytes()) for p in (folder.iterdir() if folder.is_dir() else ())
                             if p.is_file() and p.suffix in SETTINGS_SUFFIXES))
        digest = hashlib.sha256()
        for name, data in files:
            digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
        return cls(files, digest.hexdigest(), str(config_dir))


def read_out(item: tuple[Path, str, bytes], settings: ReadSettings) -> Article | Failure:
    """One file (path, path relative to content/, its bytes) -> its Article or a Failure."""
    return reader_for(settings)(item)


def reader_for(settings: ReadSettings) -> Reader:
    """The Reader for these settings, built once per process."""
    with _lock:
        reader = _readers.get(settings.digest)
        if reader is None:
            if len(_readers) >= READERS_KEPT:
                _readers.clear()
            reader = _readers[settings.digest] = Reader(_folder(settings))
        return reader


def _folder(settings: ReadSettings) -> Path:
    """A folder holding exactly these settings: the original one if unchanged, else a copy
    written once under the temporary folder (named by the digest)."""
    if settings.folder and Path(settings.folder).is_dir() and ReadSettings.of(Path(settings.folder)) == settings:
        return Path(settings.folder)
    folder = Path(tempfile.gettempdir()) / f"press-archive-settings-{settings.digest[:20]}"
    if not folder.is_dir():
        scratch = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
        for name, data in settings.files:
            (scratch / name).write_bytes(data)
        try:
            os.rename(scratch, folder)
        except OSError:  # another process wrote the same settings first
            for name, _ in settings.files:
                (scratch / name).unlink()
            scratch.rmdir()
    return folder
