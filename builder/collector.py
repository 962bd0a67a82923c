"""Python's garbage collector during a build: the articles read out live to the build's end.

Each full collection walks every object alive; at 10,000 articles (about 200 MB of them)
those walks made resolving and rendering slower the larger the archive (the same work per
page cost more), and in the search index's forked process (builder.beside) they touched,
and so copied, the memory it shares with this one. After the read-out the articles are set
aside (gc.freeze) until the build ends. The preview (builder.warm), a long-running process,
is left as it is. Processes forked to render pages (builder.publish.forked) find everything
set aside too, and what the build set aside stays so after the fork. When the command ends,
everything is set aside: Python's last full collection would only walk what the process
then frees anyway (0.3-1.5 s at the end of every build and preview, more on a busy machine).
"""
from __future__ import annotations

import atexit
import functools
import gc
from contextlib import contextmanager
from typing import Iterator

from builder import warm


def set_aside() -> None:
    """Everything alive now (the articles read out, the settings) is no longer walked."""
    if not warm.active():
        gc.freeze()


@functools.cache  # once per process (tests run many commands in one)
def set_aside_at_exit() -> None:
    """Once the command ends (after every other exit handler), nothing is walked again."""
    atexit.register(gc.freeze)


@contextmanager
def one_build() -> Iterator[None]:
    """What set_aside() put aside goes back to the collector when the build ends."""
    try:
        yield
    finally:
        if not warm.active():
            gc.unfreeze()


@contextmanager
def for_fork() -> Iterator[None]:
    """Everything alive set aside while processes are forked (each child's collector would
    otherwise touch, and so copy, every object); given back after, unless the build set it aside."""
    set_before = gc.get_freeze_count() > 0
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        if not set_before:
            gc.unfreeze()
