"""The builder as a curator installs it: a wheel in a fresh virtual environment outside the
repository (not an editable install), starting and building an archive of its own.

The fresh environment gets only the wheel (pip --no-deps); its dependencies are the ones
this test run already has, reached through a .pth file: an install of the dependencies
from the index would take minutes and need the network, and what is under test is the
package itself (its code, its defaults and theme as package data, its command).
"""
from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_init import ARTICLE, check_new_archive

pytestmark = pytest.mark.slow
NAME = "Valley Flood Archive"


def run(command: list, cwd: Path, env: dict) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def fresh_venv(root: Path) -> Path:
    """A venv without pip whose only packages of its own are the ones installed into it."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    inner = Path(subprocess.run([root / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                capture_output=True, text=True, check=True).stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (inner / "zz_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return root / "bin"


def test_a_wheel_installed_in_a_fresh_venv_starts_and_builds_an_archive_of_its_own(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, ROOT], tmp_path, env)
    (wheel,) = wheels.glob("press_archive_builder-*.whl")
    bin_dir = fresh_venv(tmp_path / "venv")
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel], tmp_path, env)
    where = run([bin_dir / "python", "-c", "import builder; print(builder.__file__)"], tmp_path, env)
    assert Path(where.strip()).is_relative_to(tmp_path / "venv"), where  # the wheel, not this repository

    run([bin_dir / "builder", "init", "valley", "--name", NAME], tmp_path, env)
    archive = tmp_path / "valley"
    (archive / "content" / "articles" / "floodwater.txt").write_text(ARTICLE, encoding="utf-8")
    run([bin_dir / "builder", "build"], archive, env)
    check_new_archive(archive / "site", NAME)
