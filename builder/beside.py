"""Two streams of pages made at once: the second in a forked process while this one makes
the first (a build has two cores; after the read-out, rendering used only one).

The pages come out in the same order and with the same bytes as `chain(first(), second())`.
The forked process inherits what both need (no pickling of the site); only the second
stream's finished pages travel back, a batch at a time (never all held here at once).
Anything unexpected there, and the rest of the second stream is simply made here afterwards.
Only a process with one thread forks (a server's threads might hold a lock the fork would need).
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import threading
from typing import Callable, Iterable, Iterator

from builder.models import Page
from builder.safety import detach_worker

PAGES_PER_MESSAGE = 2_000  # pages sent back at a time (keeps each pickle small)


def chained(first: Callable[[], Iterable[Page]], second: Callable[[], Iterable[Page]],
            parallel: bool) -> Iterator[Page]:
    """first()'s pages, then second()'s; with `parallel`, second() runs meanwhile in a fork."""
    if not parallel or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from first()
        yield from second()
        return
    receiving, sending = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_make, args=(second, sending, os.getpid()),
                                                          daemon=True)
    process.start()
    sending.close()
    try:
        yield from first()
        received = 0
        for page in _received(receiving):
            if page is None:  # the fork stopped: the rest is made here (the same pages, in order)
                yield from itertools.islice(second(), received, None)
                break
            received += 1
            yield page
    finally:
        receiving.close()
        if process.is_alive():
            process.kill()
        process.join()


def _make(second: Callable[[], Iterable[Page]], sending, parent: int) -> None:
    """In the forked process: make the pages, send them in batches, then None; on a problem, an error mark."""
    detach_worker(parent)
    try:
        batch: list[Page] = []
        for page in second():
            batch.append(page)
            if len(batch) >= PAGES_PER_MESSAGE:
                sending.send_bytes(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
                batch = []
        sending.send_bytes(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))
        sending.send_bytes(pickle.dumps(None))
    except BaseException:  # noqa: BLE001 - the parent makes the pages itself
        try:
            sending.send_bytes(pickle.dumps("failed"))
        except OSError:
            pass
    finally:
        sending.close()
        os._exit(0)


def _received(receiving) -> Iterator[Page | None]:
    """Every page the fork made, one batch in memory at a time; None when it did not finish."""
    try:
        while True:
            message = pickle.loads(receiving.recv_bytes())
            if message is None:
                return
            if not isinstance(message, list):
                break
            yield from message
    except (EOFError, OSError):
        pass
    yield None
