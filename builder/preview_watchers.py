"""`builder serve`'s system watchers (inotify, where there is one): told of the changes to docs/
(each changed page hinted to the LiveSite) and to content/ and site_config/ (the watcher looks
at once), instead of looking at every file over and over."""
from __future__ import annotations

import os
import threading
from pathlib import Path

from builder.live_site import LiveSite


def rebuild_now(server) -> None:
    """Have MkDocs' server update the preview now, as its watcher does when it sees a change
    (its polling of docs/ takes a while at thousands of files)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def watch_docs(server, watched: list[Path], live: LiveSite) -> None:
    """MkDocs' server looks at every file of docs/ twice a second: thousands of files' worth
    of work that competes with the page updates. Where the system tells of changes (inotify,
    Linux), it is told instead, and each changed file is hinted to the LiveSite (which then
    need not look at every file after each change); elsewhere, or if that fails, it looks as usual."""
    polling = server.observer
    try:
        from watchdog.observers.inotify import InotifyObserver

        server.observer = InotifyObserver()
        for path in watched:
            server.watch(str(path))
        server.observer.schedule(_Changes(lambda rels: (live.hint(rels), rebuild_now(server)), live.docs),
                                 str(live.docs), recursive=True)
        live.told = True
    except Exception:  # noqa: BLE001 - no inotify here (or no watch left): MkDocs' own polling
        server.observer, server._watched_paths, server._watch_refs = polling, {}, {}
        for path in watched:
            server.watch(str(path))


def told_of_changes(server, folders: list[Path]) -> threading.Event | None:
    """An event set whenever the system tells of a change under these folders (None: it cannot
    tell here, and the watcher looks at every file four times a second)."""
    if type(server.observer).__name__ != "InotifyObserver":
        return None
    poked = threading.Event()
    try:
        handler = _Changes(lambda _rels: poked.set(), None)
        for folder in folders:
            if folder.is_dir():
                server.observer.schedule(handler, str(folder.resolve()), recursive=True)
    except Exception:  # noqa: BLE001 - no watch left: the watcher polls
        return None
    return poked


class _Changes:
    """A watchdog handler: the files written, created, moved or removed, relative to `root`
    (dot files, the writers' temporary files, left out); told to `changed`."""

    KINDS = ("created", "modified", "moved", "deleted", "closed")

    def __init__(self, changed, root: Path | None) -> None:
        self.changed, self.root = changed, root

    def dispatch(self, event) -> None:
        if event.is_directory or event.event_type not in self.KINDS:
            return
        paths = [event.src_path] + ([event.dest_path] if event.event_type == "moved" else [])
        rels = []
        for path in map(os.fsdecode, paths):
            if os.path.basename(path).startswith("."):
                continue
            rels.append(path if self.root is None else os.path.relpath(path, self.root).replace(os.sep, "/"))
        if rels:
            self.changed(rels)
