"""Running one command and measuring it: wall time, user+sys CPU, peak RSS, files on disk."""
from __future__ import annotations

import os
import re
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SUMMARY = re.compile(r"Built (\d+) articles.*?\((\d+) files written, (\d+) removed\)")


@dataclass
class Run:
    """One subprocess: times in seconds, peak RSS in MB (of the largest process)."""

    wall: float
    cpu: float
    rss_mb: float
    code: int
    stdout: str
    stderr: str
    articles: int | None = None
    written: int | None = None
    removed: int | None = None
    changed_on_disk: int | None = None

    @property
    def ok(self) -> bool:
        return self.code == 0

    def failure(self) -> str:
        """The exit code and the last line of the error output (else of the output): the reason."""
        lines = [line for line in self.stderr.splitlines() if line.strip()] or \
            [line for line in self.stdout.splitlines() if line.strip()]
        return f"exit {self.code}: {lines[-1][:300] if lines else 'no output'}"


def run(argv: list[str], cwd: Path, extra_env: dict[str, str] | None = None) -> Run:
    """Run argv; measure wall time, user+sys CPU and peak RSS of that child alone (wait4)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", **(extra_env or {}))
    env.pop("CI", None)
    out_path, err_path = cwd / ".bench.stdout", cwd / ".bench.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    result = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode,
                 out_path.read_text(errors="replace"), err_path.read_text(errors="replace"))
    match = SUMMARY.search(result.stdout)
    if match:
        result.articles, result.written, result.removed = (int(g) for g in match.groups())
    out_path.unlink()
    err_path.unlink()
    return result


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def enough(runs: list[Run], repeat: int, cap: float) -> bool:
    """Stop after `repeat` runs, or earlier when one more run, as long as the mean so far, would
    take the runs past `cap` seconds (never before one: a step that is long on its own runs once)."""
    if len(runs) >= repeat or not runs:
        return len(runs) >= repeat
    spent = sum(r.wall for r in runs)
    return spent + spent / len(runs) > cap


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Path -> (inode, mtime_ns, size) of every file under folder."""
    found = {}
    for base, _, files in os.walk(folder):
        for name in files:
            stat = os.stat(os.path.join(base, name))
            found[os.path.relpath(os.path.join(base, name), folder)] = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    return found


def folder_bytes(folder: Path) -> int:
    return sum(os.path.getsize(os.path.join(base, name)) for base, _, files in os.walk(folder) for name in files)
