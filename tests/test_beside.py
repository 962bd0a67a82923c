"""Two streams of pages made at once (builder/beside.py): the same pages in the same order as
one after the other, whatever happens in the second process."""
from __future__ import annotations

import multiprocessing
import os
import threading

from builder.beside import chained
from builder.models import Page


def first():
    return (Page(f"a/{n}.md", f"page {n}".encode()) for n in range(3))


def second():
    return (Page(f"search/d/{n}.js", bytes([n % 256]) * n) for n in range(4_500))


def test_the_same_pages_in_the_same_order_with_and_without_a_second_process():
    alone = list(chained(first, second, parallel=False))
    assert len(alone) == 4_503
    assert threading.active_count() == 1  # else no second process is started
    made_where = []

    def second_noting_where():
        made_where.append(os.getpid())
        return second()

    assert list(chained(first, second_noting_where, parallel=True)) == alone
    assert made_where == []  # made in the fork: nothing noted in this process


def test_a_problem_in_the_second_process_makes_the_pages_here():
    parent = os.getpid()

    def fails_elsewhere():
        if os.getpid() != parent:
            raise RuntimeError("only in the fork")
        return second()

    assert list(chained(first, fails_elsewhere, parallel=True)) == list(first()) + list(second())


def test_stopping_early_ends_the_second_process():
    pages = chained(first, second, parallel=True)
    assert next(pages).path == "a/0.md"
    pages.close()  # the writer stopped (an error): nothing is left running
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]
