"""A `generate` with nothing to do, told apart cheaply (issue 18: a warm no-change run under 1 s).

A build's output depends on its inputs (each content file's bytes, the files passed over,
site_config/ and the builder's code as the cache's salt, the site's address) and on what the
last build left (the address record, the files in docs/). The cache's head (builder.cache)
keeps the digest of all of them as the last build saw them, its report, and the notes its
reading of the address record gave. When the same digest comes out now, nothing is read out,
resolved, rendered or written: the last report is given back.

Only the modules this needs are imported here: the read-out, the renderers and the search
index are imported by the pipeline when there is work to do.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from builder import saved_pages, warm
from builder.cache import CacheFile, key
from builder.config import Paths
from builder.errors import SourceError
from builder.site import site_url
from builder.sources import discover, read_bytes
from builder.write import MANIFEST

INCOMPLETE = "some files could not be read: no address was retired in this build"


def last_report(paths: Paths, salt: str):
    """The last build's report (with this run's notices) when the inputs and what the last
    build left are all as they were; None when anything may have changed."""
    if paths.published_registry is not None or warm.active() or paths.cache_dir is None:
        return None  # a deploy's published record is always merged; the preview keeps its own
    head = CacheFile.head(paths.cache_dir, salt)
    registry = registry_digest(paths.registry_file)
    if head is None or head.get("report") is None or head.get("registry", (None,))[0] != registry:
        return None
    found, skipped = discover(paths.content, (paths.docs, paths.site, paths.cache_dir))
    keys = []
    for path, rel in found:
        try:
            data = read_bytes(path, rel)
        except SourceError:
            return None  # a failure is never cached: the build reports it
        keys.append(key(rel, data + saved_pages.sidecar_bytes(path) if saved_pages.is_page(rel) else data))
    inputs = inputs_digest(salt, [repr(k) for k in keys], skipped, site_url(paths))
    if not head["state"].startswith(f"{inputs}:") or with_outputs(inputs, paths) != head["state"]:
        return None  # (docs/ is looked at only when the inputs are the same)
    notices = list(head["registry"][1])
    if any(s.level == "error" for s in skipped):
        notices.append(INCOMPLETE)
    return dataclasses.replace(head["report"], notices=notices)


def registry_digest(path: Path) -> str:
    """The address record's bytes, as a digest ('' when there is none)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def registry_left(read: tuple[str, list[str]] | None, written: bytes | None) -> tuple[str, list[str]] | None:
    """The address record a build leaves, with the notes reading it gives: those of the record
    it read when it left it as it was; none for one it wrote (the builder writes each address
    claimed by one article, without conflict markers: nothing to note)."""
    if read is None or written is None or hashlib.sha256(written).hexdigest() == read[0]:
        return read
    return hashlib.sha256(written).hexdigest(), []


def inputs_digest(salt: str, outcomes: list[str], skipped, address: str) -> str:
    """Everything the output depends on: each file's bytes (as cache keys) or failure (as
    repr), the skipped files, site_config/ and the builder (the cache's salt), the site's address."""
    digest = hashlib.sha256(salt.encode())
    for outcome in outcomes:
        digest.update(outcome.encode())
    digest.update(repr(skipped).encode())
    digest.update(address.encode())
    return digest.hexdigest()


def with_outputs(state: str, paths: Paths) -> str:
    """The inputs' digest with what a build leaves behind: the address registry (also read
    by the next build) and the files in docs/."""
    registry = paths.registry_file
    written = hashlib.sha256(registry.read_bytes() if registry.exists() else b"").hexdigest()
    return f"{state}:{written}:{docs_signature(paths.docs)}"


def docs_signature(docs: Path) -> str | None:
    """Size and modification time of every file the last build wrote (None: one is gone),
    so a file changed or removed by hand is noticed and made again."""
    try:
        listed = (docs / MANIFEST).read_text(encoding="utf-8").split()
        stats = [os.stat(os.path.join(docs, rel)) for rel in listed]
    except OSError:
        return None
    digest = hashlib.sha256()
    for rel, stat in zip(listed, stats):
        digest.update(f"{rel}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
