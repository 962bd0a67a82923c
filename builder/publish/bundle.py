"""The offline archive: the website built with Material's offline plugin, zipped.

The variant differs from the published site by two settings, given to MkDocs through its
Python API on top of mkdocs.yml (no second copy of the file; Zensical gets them in its copy
of the settings, builder/engine.py): the `offline` plugin, and
the vendored iframe-worker shim in `extra.polyfills`, which lets search run from file://
without asking unpkg.com for it. The zip holds one folder, <site-name>-offline/, and is
byte-for-byte the same for the same site (sorted entries, fixed timestamps).
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from builder.config import Paths
from builder.errors import WriteError
from builder.engine import MKDOCS, ZENSICAL, run_zensical
from builder.site import read_settings, run_mkdocs
from builder.slugs import slugify

OFFLINE_PLUGIN = "offline"
SHIM = "assets/javascripts/iframe-worker-shim.js"  # in the builder's theme (builder/defaults/theme/), so in every build
SUFFIX = "-offline"  # dist/<site-name>-offline.zip holds the folder <site-name>-offline/
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: the same bytes on every build
FALLBACK_NAME = "archive"
# Left out of the zip: source maps only serve debugging the theme's scripts (a third of the zip).
LEFT_OUT = (".map",)


@dataclass(frozen=True)
class Bundle:
    path: Path
    files: int
    size: int  # bytes of the zip


def bundle(paths: Paths, dist: Path, strict: bool = False, engine: str = MKDOCS, jobs: int = 1) -> Bundle:
    """Build the offline variant of docs/ into a temporary folder (MkDocs' pages in `jobs`
    processes); write dist/<name>-offline.zip."""
    raw = read_settings(paths)
    name = (slugify(str(raw.get("site_name") or "")) or FALLBACK_NAME) + SUFFIX
    if engine == ZENSICAL:  # it wants the site inside the folder that holds docs/
        with tempfile.TemporaryDirectory(prefix=".offline-", dir=paths.docs.resolve().parent) as temporary:
            site = Path(temporary) / name
            run_zensical(paths, site, {**raw, **offline_overrides(raw)}, strict)
            return write_zip(site, dist / f"{name}.zip")
    with tempfile.TemporaryDirectory(prefix="offline-") as temporary:
        site = Path(temporary) / name
        run_mkdocs(paths, site, strict, jobs, **offline_overrides(raw))
        return write_zip(site, dist / f"{name}.zip")


def offline_overrides(raw: dict) -> dict:
    """The settings that turn mkdocs.yml into the offline variant."""
    plugins = list(raw.get("plugins") or ["search"])
    names = {p if isinstance(p, str) else next(iter(p)) for p in plugins}
    if not names & {OFFLINE_PLUGIN, f"material/{OFFLINE_PLUGIN}"}:
        plugins.append(OFFLINE_PLUGIN)
    extra = dict(raw.get("extra") or {})
    polyfills = list(extra.get("polyfills") or [])
    if SHIM not in polyfills:
        polyfills.append(SHIM)
    extra["polyfills"] = polyfills
    return {"plugins": plugins, "extra": extra, "use_directory_urls": False}


def write_zip(site: Path, target: Path) -> Bundle:
    """Zip site/ as one folder named like site/, atomically (a temporary file, then a rename)."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith(LEFT_OUT))
    partial = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                entry = zipfile.ZipInfo(f"{site.name}/{path.relative_to(site).as_posix()}", ZIP_TIME)
                entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
                archive.writestr(entry, path.read_bytes())
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise WriteError(f"cannot write {target}: {exc.strerror or exc}") from None
    return Bundle(target, len(files), target.stat().st_size)
