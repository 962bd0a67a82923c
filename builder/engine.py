"""The second publishing engine: Zensical (by Material for MkDocs' team) reads the same
mkdocs.yml and theme overrides and builds the same site/.

MkDocs stays the default. Zensical runs as a separate process, given a copy of mkdocs.yml's
settings with this build's folders: it wants docs/ and site/ inside the folder of its
settings file, so the copy is written (briefly, as a hidden file) into the nearest folder
holding both. What Zensical cannot do yet for this archive is listed in UNSUPPORTED, and
the builder refuses it by name rather than publishing a broken site.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from builder.config import Paths
from builder.errors import BuilderError, ConfigError, WriteError
from builder.settings import THEME_DIR

MKDOCS, ZENSICAL = "mkdocs", "zensical"
MATERIAL = "material"  # the theme the builder's templates extend
ENGINES = (MKDOCS, ZENSICAL)
ENGINE_VARIABLE = "SITE_ENGINE"  # the engine for `builder build` when --engine is not given
INSTALL_HINT = "install it with: .venv/bin/pip install -e '.[zensical]'"
# Things this archive relies on that Zensical does not provide yet (measured on 0.0.73).
UNSUPPORTED = {
    "serve": "the live preview runs on MkDocs only; preview a Zensical site with "
             "'python -m http.server -d site'",
}
OUTPUT_LINES_SHOWN = 15
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def theme_settings(settings: dict, mkdocs_file: Path) -> dict:
    """mkdocs.yml's theme, with the builder's templates (package data) as its overrides folder
    unless mkdocs.yml names its own custom_dir (then taken from mkdocs.yml's folder)."""
    theme = settings.get("theme") or {}
    theme = dict(theme) if isinstance(theme, dict) else {"name": str(theme)}
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((mkdocs_file.resolve().parent / theme["custom_dir"]).resolve())
    elif theme.get("name", MATERIAL) == MATERIAL:
        theme["custom_dir"] = str(THEME_DIR)
    return theme


def mkdocs_build(config, command: str = "build", processes: int = 1) -> None:
    """MkDocs' build as its own `mkdocs build` runs it: plugins get their startup and shutdown
    events around the build, so any plugin listed in mkdocs.yml works. With processes > 1 its
    pages are rendered by that many processes (builder.publish.split_build), the same site."""
    from builder.publish.split_build import build

    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config, processes)
    finally:
        config.plugins.on_shutdown()


def chosen_engine(engine: str | None) -> str:
    """--engine, else $SITE_ENGINE, else MkDocs; an unknown name is an error."""
    name = (engine or os.environ.get(ENGINE_VARIABLE) or MKDOCS).strip().lower()
    if name not in ENGINES:
        raise ConfigError(f"unknown publishing engine '{name}' (choose {' or '.join(ENGINES)})")
    return name


def refuse(engine: str, command: str) -> None:
    """Stop with the reason when `command` cannot be done with `engine`."""
    if engine == ZENSICAL and command in UNSUPPORTED:
        raise ConfigError(f"{UNSUPPORTED[command]} (use --engine mkdocs for it)")


def zensical_version() -> str | None:
    """The installed Zensical's version, or None."""
    try:
        from importlib.metadata import PackageNotFoundError, version
        return version(ZENSICAL)
    except PackageNotFoundError:
        return None


def check_installed(engine: str) -> None:
    """Stop before any work when the chosen engine is missing."""
    if engine == ZENSICAL and zensical_version() is None:
        raise ConfigError(f"the Zensical engine is not installed: {INSTALL_HINT}")


def run_zensical(paths: Paths, site_dir: Path, settings: dict, strict: bool = False) -> None:
    """Zensical on docs/ into site_dir. A failed or interrupted build removes what it wrote."""
    check_installed(ZENSICAL)
    docs, site = paths.docs.resolve(), site_dir.resolve()
    root = Path(os.path.commonpath([docs, site.parent]))
    config_file = root / f".zensical-{os.getpid()}.yml"
    try:
        config_file.write_text(yaml.safe_dump(_settings_for(paths, settings, root, docs, site), allow_unicode=True),
                               encoding="utf-8")
    except OSError as exc:
        raise WriteError(f"cannot write Zensical's settings {config_file}: {exc.strerror or exc}") from None
    command = [sys.executable, "-m", ZENSICAL, "build", "--config-file", str(config_file)]
    try:
        done = subprocess.run(command + (["--strict"] if strict else []), cwd=root, capture_output=True,
                              text=True, env={**os.environ, "NO_COLOR": "1"})
    except BaseException:  # Ctrl-C: the half-built copy goes
        shutil.rmtree(site, ignore_errors=True)
        raise
    finally:
        config_file.unlink(missing_ok=True)
    if done.returncode != 0 or not (site / "index.html").exists():
        shutil.rmtree(site, ignore_errors=True)
        output = ANSI.sub("", (done.stdout or "") + (done.stderr or "")).strip().splitlines()
        raise BuilderError("Zensical could not build the site:\n" + "\n".join(output[-OUTPUT_LINES_SHOWN:]))


def _settings_for(paths: Paths, settings: dict, root: Path, docs: Path, site: Path) -> dict:
    """mkdocs.yml's settings with this build's folders, relative to the settings file's folder."""
    config = dict(settings)
    config.update(theme=theme_settings(settings, paths.mkdocs_file), docs_dir=docs.relative_to(root).as_posix(),
                  site_dir=site.relative_to(root).as_posix())
    return config
