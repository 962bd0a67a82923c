"""One build at a time, and output folders that are always whole.

- A lock (an OS file lock beside docs/) lets one build run at a time in a folder; a second
  one says "another build is running". The operating system releases the lock when a build
  ends in any way, even killed, so a stale lock never blocks anyone.
- A finished tree is swapped in for the old one in one step (the kernel exchanges the two
  folders); where the disk cannot do that, two renames, which the next build completes if
  it was killed in between. Half-made trees are removed by the next build.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import datetime
import os
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path

from builder.config import Paths
from builder.errors import BuilderError, WriteError

LOCK_FILE = ".build.lock"  # beside docs/
STAGES = ("new", "ready", "old")  # .<name>.new: being made; .ready: complete; .old: the one replaced
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_PR_SET_PDEATHSIG = 1
_held: list[int] = []  # the lock's file descriptor while a build holds it


class BuildRunning(BuilderError):
    """Another build holds the lock."""


@contextmanager
def build_lock(paths: Paths):
    """Hold the folder's build lock; BuildRunning when another build has it. Then recover
    whatever a killed build left behind."""
    import fcntl

    lock = lock_file(paths)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise WriteError(f"cannot write {lock.parent}: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            raise BuildRunning(f"another build is running in this folder ({holder or 'a process'}); "
                               "wait for it to finish, then run again") from None
        started = datetime.datetime.now().strftime("%H:%M:%S")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"process {os.getpid()}, started at {started}\n".encode(), 0)
        for folder in (paths.docs, paths.site):
            recover(folder.resolve())
        _held.append(fd)
        yield
    finally:
        if fd in _held:
            _held.remove(fd)
        os.close(fd)  # releases the lock


def detach_worker(parent: int) -> None:
    """In a worker process: let go of the inherited lock, and end when the build ends, even
    killed (else an orphaned worker would keep the lock and the build's output pipe open)."""
    for fd in _held:
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()
    end_with_parent(signal.SIGKILL, system_prctl())
    if os.getppid() != parent:  # the build ended before this worker was ready
        os._exit(1)


def end_with_parent(signum: int, prctl) -> None:
    """In a child process: the system sends it `signum` when the process (thread) that started
    it ends, even killed. `prctl` is system_prctl(), found beforehand (a child started by
    subprocess must not look for the C library); nothing happens where there is none."""
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signum)


def system_prctl():
    """The C library's prctl, or None."""
    return getattr(_libc(), "prctl", None)


def lock_file(paths: Paths) -> Path:
    return paths.docs.resolve().parent / LOCK_FILE


def stage(target: Path, which: str) -> Path:
    return target.with_name(f".{target.name}.{which}")


def recover(target: Path) -> None:
    """After a killed build: put a whole tree back at target if none is there, drop the rest."""
    if not target.exists():
        for which in ("ready", "old"):  # the new complete tree, else the previous one
            if stage(target, which).is_dir():
                os.replace(stage(target, which), target)
                break
    for which in STAGES:
        remove(stage(target, which))


def swap_in(made: Path, target: Path) -> None:
    """Replace target by the complete tree made; the old tree is removed afterwards."""
    ready, old = stage(target, "ready"), stage(target, "old")
    remove(ready)
    remove(old)
    os.replace(made, ready)  # from here on, the next build knows this tree is complete
    if target.exists() and _exchange(ready, target):
        remove(ready)  # now the previous tree
        return
    if target.exists():
        os.replace(target, old)
    os.replace(ready, target)
    remove(old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where that is not possible."""
    function = getattr(_libc(), "renameat2", None)
    if function is None:
        return False
    result = function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()
