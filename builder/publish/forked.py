"""Work shared out to forked processes: each child runs its part and sends back what it gives
(pickled, through a pipe); the parent does the first part itself, then collects the others.

A child never runs the parent's clean-up: it ends with os._exit. It lets go of the build lock
and is killed by the kernel when its parent dies (safety.detach_worker). A child's exception is
raised again in the parent; Ctrl-C in either stops every child before the parent goes on.
"""
from __future__ import annotations

import logging
import os
import pickle
import signal

from builder.collector import for_fork
from builder.safety import detach_worker


def fork(shares, work):
    """Start a process for every share but the first; the first is the caller's. Gives back
    (the caller's share, [(pid, pipe) of each child])."""
    children = []
    parent = os.getpid()
    with for_fork():
        try:
            for own in shares[1:]:
                read, write = os.pipe()
                pid = os.fork()
                if pid == 0:  # the child: never returns
                    os.close(read)
                    _run_child(parent, write, lambda own=own: work(own))
                os.close(write)
                children.append((pid, read))
        except BaseException:
            join(children, kill=True)
            raise
    return shares[0], children


def _run_child(parent: int, pipe: int, work) -> None:
    code = 1
    try:
        detach_worker(parent)
        try:
            payload = ("ok", work())
        except Exception as error:  # MkDocs has logged it; the parent raises it again
            payload = ("error", _portable(error))
        data = pickle.dumps(payload)
        with os.fdopen(pipe, "wb") as out:
            out.write(data)
        code = 0
    except BaseException:  # Ctrl-C, or the pipe gone: the parent stops the build
        pass
    finally:
        logging.shutdown()
        os._exit(code)


def _portable(error: Exception) -> Exception:
    from mkdocs.exceptions import BuildError

    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return BuildError(str(error))


def join(children, kill: bool = False) -> list:
    """What each child's work gave back; the first child's error is raised once all have ended."""
    from mkdocs.exceptions import BuildError

    results, problem = [], None
    for pid, pipe in children:
        if kill:
            _kill(pid)
        try:
            with os.fdopen(pipe, "rb") as source:
                data = source.read()
        except BaseException:  # Ctrl-C while waiting: stop every child, then go
            for other, _ in children:
                _kill(other)
            _reap(other for other, _ in children if other != pid)
            raise
        finally:
            os.waitpid(pid, 0)
        try:
            status, value = pickle.loads(data)
        except Exception:
            status, value = "error", BuildError("a process building part of the site ended before it finished "
                                                "(killed, or out of memory)")
        if status == "ok":
            results.append(value)
        elif problem is None:
            problem = value
    if problem is not None and not kill:
        raise problem
    return results


def _reap(pids) -> None:
    for pid in pids:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
