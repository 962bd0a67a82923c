"""The machine a benchmark ran on (for the report), and what the builder's CLI offers."""
from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path

from benchmarks.workdir import BIN, PROJECT_ROOT


def builder_supports(option: str) -> bool:
    help_text = subprocess.run([str(BIN / "python"), "-m", "builder", "generate", "--help"], capture_output=True, text=True).stdout
    return option in help_text


def machine() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = "unknown"
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass

    def ver(name):
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    commit = subprocess.run(["git", "-C", str(PROJECT_ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", str(PROJECT_ROOT), "status", "--porcelain", "--", "builder", "site_config"],
                           capture_output=True, text=True).stdout.strip()
    location = subprocess.run([str(BIN / "python"), "-c", "import builder; print(builder.__file__)"],
                              capture_output=True, text=True, cwd=PROJECT_ROOT.parent).stdout.strip()
    builder = f"{ver('press-archive-builder')}, commit {commit}" + (" + uncommitted changes" if dirty else "")
    if location and Path(location).parent.parent != PROJECT_ROOT:
        builder = f"imported from {Path(location).parent} (PYTHONPATH), not from this checkout"
    return {"CPU": cpu, "Cores": str(os.cpu_count()), "RAM": ram, "OS": platform.platform(),
            "Python": platform.python_version(), "MkDocs": ver("mkdocs"), "Material": ver("mkdocs-material"),
            "PyYAML (libyaml)": f"{ver('PyYAML')} ({_libyaml()})",
            "Builder": builder,
            "Date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")}


def load() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def _libyaml() -> str:
    try:
        import yaml
        return "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    except ImportError:
        return "no"
