"""The garbage collector during a build: what the build sets aside stays aside until it ends."""
from __future__ import annotations

import gc

from builder import collector


def test_a_fork_gives_back_only_what_it_set_aside():
    gc.unfreeze()
    with collector.for_fork():
        assert gc.get_freeze_count() > 0  # the children's collectors leave the shared memory alone
    assert gc.get_freeze_count() == 0


def test_what_the_build_set_aside_stays_aside_after_a_fork():
    gc.unfreeze()
    with collector.one_build():
        collector.set_aside()
        with collector.for_fork():
            pass
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
