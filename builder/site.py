"""Stage 9, publish: run MkDocs (through its Python API) on docs/ into site/.

MkDocs builds into a folder beside site/, which replaces site/ whole only when the build
succeeded (builder.safety): an interrupted or failed build leaves the previous site as it was.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from builder.config import Paths
from builder.engine import MKDOCS, ZENSICAL, mkdocs_build, run_zensical, theme_settings
from builder.errors import BuilderError, ConfigError, WriteError
from builder.header import address_kind, web_address
from builder.safety import stage, swap_in

SITE_URL_VARIABLE = "SITE_URL"


def read_settings(paths: Paths) -> dict:
    """mkdocs.yml as written (its !ENV values resolved), without MkDocs' checks."""
    from mkdocs.utils import yaml_load

    try:
        with open(paths.mkdocs_file, encoding="utf-8") as file:
            data = yaml_load(file) or {}
    except OSError:
        raise ConfigError(f"{paths.mkdocs_file}: not found (run the builder from the archive's folder)") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{paths.mkdocs_file}: expected 'key: value' settings")
    return data


def site_url(paths: Paths) -> str:
    """The published address: $SITE_URL, else mkdocs.yml's site_url, else ''."""
    if os.environ.get(SITE_URL_VARIABLE):
        address, where = os.environ[SITE_URL_VARIABLE], f"the {SITE_URL_VARIABLE} variable"
    else:
        try:
            address, where = str(read_settings(paths).get("site_url") or ""), f"{paths.mkdocs_file}: site_url"
        except (BuilderError, ValueError):
            return ""
    if address and not web_address(address):
        raise ConfigError(f"{where}: expected the site's web address, starting with http:// or https://, "
                          f"got {address_kind(address)}")
    return address


def run_mkdocs(paths: Paths, site_dir: Path, strict: bool = False, jobs: int = 1, **overrides) -> None:
    """MkDocs on docs/ into site_dir, with settings given on top of mkdocs.yml; its pages
    rendered by `jobs` processes.

    A failed or interrupted build removes what it wrote into site_dir.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError, MkDocsException

    if not paths.mkdocs_file.exists():
        raise ConfigError(f"{paths.mkdocs_file}: not found (run the builder from the archive's folder)")
    overrides.setdefault("theme", theme_settings(read_settings(paths), paths.mkdocs_file))
    try:
        config = load_config(config_file=str(paths.mkdocs_file), docs_dir=str(paths.docs.resolve()),
                             site_dir=str(site_dir), strict=strict, **overrides)
    except ConfigurationError as exc:
        raise ConfigError(f"{paths.mkdocs_file}: {exc}") from None
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        mkdocs_build(config, processes=jobs)
    except MkDocsException as exc:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise BuilderError(f"MkDocs could not build the site: {exc}") from None
    except OSError as exc:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise WriteError(f"cannot write the site: {exc.strerror or exc}") from None
    except BaseException:  # Ctrl-C: the half-built copy goes
        shutil.rmtree(site_dir, ignore_errors=True)
        raise


def build_site(paths: Paths, strict: bool = False, engine: str = MKDOCS, jobs: int = 1) -> None:
    """Publish site/: build beside it, then swap it in."""
    site = paths.site.resolve()
    made = stage(site, "new")
    shutil.rmtree(made, ignore_errors=True)
    run_engine(paths, made, strict, engine, jobs)
    try:
        swap_in(made, site)
    except OSError as exc:
        raise WriteError(f"cannot replace {site}: {exc.strerror or exc}") from None


def run_engine(paths: Paths, site_dir: Path, strict: bool, engine: str, jobs: int = 1) -> None:
    """MkDocs (the default) or Zensical on docs/ into site_dir."""
    if engine == ZENSICAL:
        run_zensical(paths, site_dir, read_settings(paths), strict)
    else:
        run_mkdocs(paths, site_dir, strict, jobs)
