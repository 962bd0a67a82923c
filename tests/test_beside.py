"""Two streams of pages made at once (builder/beside.py): the same pages in the same order as
one after the other, whatever happens in the second process.

Each case runs in a fresh interpreter: `chained` forks only from a process with one thread,
and the test process may hold threads that earlier tests left running (servers, previews)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SETUP = textwrap.dedent("""
    import multiprocessing, os, threading
    from builder.beside import chained
    from builder.models import Page

    def first():
        return (Page(f"a/{n}.md", f"page {n}".encode()) for n in range(3))

    def second():
        return (Page(f"search/d/{n}.js", bytes([n % 256]) * n) for n in range(4_500))

    assert threading.active_count() == 1  # else no second process is started
    parent = os.getpid()
""")

CASES = {
    "the same pages in the same order with and without a second process": """
        alone = list(chained(first, second, parallel=False))
        assert len(alone) == 4_503
        made_where = []

        def second_noting_where():
            made_where.append(os.getpid())
            return second()

        assert list(chained(first, second_noting_where, parallel=True)) == alone
        assert made_where == []  # made in the fork: nothing noted in this process
    """,
    "a problem in the second process makes the pages here": """
        made_here = []

        def fails_elsewhere():
            if os.getpid() != parent:
                raise RuntimeError("only in the fork")
            made_here.append(True)
            return second()

        assert list(chained(first, fails_elsewhere, parallel=True)) == list(first()) + list(second())
        assert made_here == [True]  # the fork tried first, then this process made them
    """,
    "a problem in the second process after some pages came back: the rest is made here": """
        def fails_halfway():
            pages = second()
            if os.getpid() == parent:
                return pages
            def then_fails():
                for n, page in enumerate(pages):
                    if n == 3_000:  # after the first batch was sent
                        raise RuntimeError("only in the fork")
                    yield page
            return then_fails()

        assert list(chained(first, fails_halfway, parallel=True)) == list(first()) + list(second())
    """,
    "stopping early ends the second process": """
        pages = chained(first, second, parallel=True)
        assert next(pages).path == "a/0.md"
        assert multiprocessing.active_children()  # the fork is at work
        pages.close()  # the writer stopped (an error): nothing is left running
        assert not [p for p in multiprocessing.active_children() if p.is_alive()]
    """,
}


@pytest.mark.parametrize("case", CASES)
def test_chained_pages(case):
    code = SETUP + textwrap.dedent(CASES[case]) + "print('ok')\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr
