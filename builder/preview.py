"""`builder serve`: a live-reloading preview that follows edits to content/ and site_config/.

A background thread looks for changed files four times a second. An edited article's own page
is written into docs/ at once (quick_preview.py); a regeneration of docs/ in place follows in
another thread (only the pages whose text changed are rewritten) and brings the pages that
list the article and the search index up to date. MkDocs' live-reload server notices the
changed pages; LiveSite (live_site.py) rebuilds just those pages, not the whole website, and
the browser reloads. MkDocs' own search plugin, if mkdocs.yml lists it, catches up by a full
build in the background once edits pause. A regeneration that fails is reported and the last
good pages stay served; the watcher carries on.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from builder import warm
from builder.config import BuildOptions, Paths
from builder.errors import BuilderError
from builder.live_site import LiveSite
from builder.preview_watchers import rebuild_now, told_of_changes, watch_docs
from builder.quick_preview import BeingSaved, QuickPages
from builder.safety import BuildRunning

POLL_SECONDS = 0.25
TOLD_POLL_SECONDS = 5.0  # told of changes by the system, the watcher still looks this often
QUIET_SECONDS = 1.5  # after an edit the quick path showed whole, the regeneration waits for this much quiet
QUIET_MOST_SECONDS = 10.0  # ... but never longer than this after the first edit it waits for
SETTLE_SECONDS = 10.0  # a regeneration waits at most this long for the preview's pages to be rebuilt
SETTLE_POLL_SECONDS = 0.05
WRITE_SETTLE_SECONDS = 0.05  # a changed file is looked at again after this, until it stops changing
WRITE_SETTLE_TURNS = 20
SEARCH_QUIET_SECONDS = 2.0  # search is rebuilt in full once edits have paused this long
STOP_SECONDS = 5.0  # on Ctrl+C, MkDocs' server and its file watchers get this long to stop
log = logging.getLogger("builder")


def serve(paths: Paths, port: int) -> None:
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    from builder.engine import theme_settings
    from builder.pipeline import generate
    from builder.site import read_settings

    options = BuildOptions(paths, run_mkdocs=False)
    quick = QuickPages(paths)
    print(generate(options, pages=quick.follow(time.monotonic())).summary_line())
    warm.keep()  # from now on each regeneration reuses what the last one made from the same inputs
    site_url = load_config(str(paths.mkdocs_file), docs_dir=str(paths.docs.resolve())).site_url
    mount = urlsplit(site_url or "/").path or "/"
    url = f"http://127.0.0.1:{port}{mount}"
    site = Path(tempfile.mkdtemp(prefix="builder-preview-"))
    theme = theme_settings(read_settings(paths), paths.mkdocs_file)
    live = LiveSite(paths.mkdocs_file, paths.docs.resolve(), site, url, theme)
    search = _SearchCatchUp(live)
    live.build()
    server = LiveReloadServer(builder=lambda: _update(live, search, server), host="127.0.0.1", port=port,
                              root=str(site), mount_path=mount)
    server.error_handler = lambda code: _error_page(site, code)
    server.serve_thread.daemon = True  # the process never waits for it to end (_stop)
    watch_docs(server, [paths.docs.resolve(), paths.mkdocs_file], live)
    quick.on_written = lambda pages: _show_now(live, search, server, pages)
    poked = told_of_changes(server, [paths.content, paths.config])
    watcher = threading.Thread(target=_watch, args=(options, generate, None, quick, poked, live.idle), daemon=True)
    watcher.start()
    threading.Thread(target=quick.load, daemon=True).start()
    threading.Thread(target=search.run, daemon=True).start()
    print(f"Preview at {url} (it follows your edits). Press Ctrl+C to stop.", flush=True)
    _stop_on_terminate()
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        _stop(server, live, site)


def _stop(server, live: LiveSite, site: Path) -> None:
    """Ctrl+C: MkDocs' server stops (waited for STOP_SECONDS at most: its file watchers stop
    only once the change they report is handled), a search build running ends, the plugins
    hear of it, the temporary website goes."""
    stopping = threading.Thread(target=server.shutdown, daemon=True)
    stopping.start()
    stopping.join(STOP_SECONDS)
    live.close()
    shutil.rmtree(site, ignore_errors=True)


def _stop_on_terminate() -> None:
    """A polite `kill` (SIGTERM) stops the preview as Ctrl+C does: its temporary folder is removed."""
    def stop(_signum, _frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def _update(live: LiveSite, search: _SearchCatchUp, server) -> None:
    """MkDocs' server's build step: the changed pages; after the pages the quick path named,
    another update that looks at every file follows at once."""
    search.changed(live.update())
    if live.walk_owed:
        rebuild_now(server)


def _show_now(live: LiveSite, search: _SearchCatchUp, server, pages: list[str]) -> None:
    """The pages the quick path wrote, rebuilt at once in its thread (MkDocs' server rebuilds
    only once changes stop for a moment, and the quick path writes the listings after the
    article's page); the server's own update follows and reloads the browsers."""
    live.hint(pages)
    search.changed(live.update())
    rebuild_now(server)


def _error_page(site: Path, code: int) -> bytes | None:
    page = site / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


class _SearchCatchUp:
    """Rebuilds the search index in full after pages were updated one by one, once edits pause."""

    def __init__(self, live: LiveSite) -> None:
        self.live = live
        self.pending_since: float | None = None
        self.lock = threading.Lock()

    def changed(self, rebuilt: list[str]) -> None:
        if rebuilt and not self.live.search_fresh:
            with self.lock:
                self.pending_since = time.monotonic()

    def run(self, stop: threading.Event | None = None) -> None:
        while not (stop and stop.is_set()):
            time.sleep(POLL_SECONDS)
            with self.lock:
                due = self.pending_since is not None and time.monotonic() - self.pending_since >= SEARCH_QUIET_SECONDS
                if due:
                    self.pending_since = None
            if due:
                try:
                    self.live.refresh_search()
                except Exception as exc:  # noqa: BLE001 - try again after the next edit
                    print(f"Search index not refreshed ({type(exc).__name__}: {exc}); it is retried "
                          "after the next edit", flush=True)
                    with self.lock:
                        self.pending_since = time.monotonic()


def _snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file's modification time and size (links to folders are not followed; a file
    that vanishes while looked at is left out)."""
    state = {}
    for folder in folders:
        for parent, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(parent, name)
                try:
                    if name != "permalinks.yml":
                        stat = os.stat(path)
                        state[path] = (stat.st_mtime_ns, stat.st_size)
                except OSError:
                    pass
    return state


def _watch(options: BuildOptions, generate, stop: threading.Event | None = None,
           quick: QuickPages | None = None, poked: threading.Event | None = None, idle=None) -> None:
    """After every change: the edited articles' own pages at once (quick), then a regeneration
    in the background (the regenerator); any error is reported and the last good pages stay.
    With `poked` (set when the system tells of a change), the files are looked at when it is
    set, and every few seconds all the same; else four times a second. With `idle` (the
    preview's pages are all rebuilt), a regeneration waits for it a moment first."""
    folders = [options.paths.content, options.paths.config]
    regenerator = _Regenerator(options, generate, quick, idle)
    threading.Thread(target=regenerator.run, args=(stop,), daemon=True).start()
    seen = _snapshot(folders)
    if warm.active():
        regenerator.request()  # a first regeneration fills what the preview keeps (it finds every page in place)
    while not (stop and stop.is_set()):
        if poked is None:
            time.sleep(POLL_SECONDS)
        else:
            poked.wait(TOLD_POLL_SECONDS)
            poked.clear()
        try:
            now = _settled(folders, seen)
        except Exception:  # noqa: BLE001 - looked at again on the next turn
            continue
        if now == seen:
            continue
        changed = {path for path in set(now) | set(seen) if now.get(path) != seen.get(path)}
        seen = now
        settings = os.path.join(str(options.paths.config), "")
        shown = False  # the quick path showed the whole edit: pages, listings, search
        if quick is not None and not any(path.startswith(settings) for path in changed):
            try:
                quick.edited([Path(path) for path in sorted(changed) if path in now])
                shown = quick.shown_all and all(path in now for path in changed)
            except Exception as exc:  # noqa: BLE001 - the regeneration that follows shows the edit
                log.info("quick page not written (%s: %s)", type(exc).__name__, exc)
        regenerator.request(QUIET_SECONDS if shown else 0.0)


def _settled(folders: list[Path], seen: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The files once they stopped changing: an editor that saves a file in place empties it
    first, and a file read between the two is an empty article (a regeneration would take it
    off the site, and put it back after). Looked at again every WRITE_SETTLE_SECONDS while
    they change, at most WRITE_SETTLE_TURNS times."""
    now = _snapshot(folders)
    for _turn in range(WRITE_SETTLE_TURNS):
        if now == seen:
            break
        time.sleep(WRITE_SETTLE_SECONDS)
        again = _snapshot(folders)
        if again == now:
            break
        now = again
    return now


class _Regenerator:
    """Regenerates docs/ in place, one run at a time, after the last change it was told of."""

    def __init__(self, options: BuildOptions, generate, quick: QuickPages | None, idle=None) -> None:
        self.options, self.generate, self.quick, self.idle = options, generate, quick, idle
        self.wanted = threading.Event()
        self.due = 0.0  # when the regeneration asked for may start
        self.first: float | None = None  # when the first request since the last regeneration came
        self.lock = threading.Lock()

    def request(self, after: float = 0.0) -> None:
        """A regeneration, now, or `after` seconds of quiet when the quick path showed the edit
        (the feeds, data downloads and key figures follow then; a curator's next edit, within
        that time, is shown first): never later than QUIET_MOST_SECONDS after the first request."""
        with self.lock:
            now = time.monotonic()
            self.first = now if self.first is None else self.first
            due = max(self.due, now + after) if after else now
            self.due = min(due, self.first + QUIET_MOST_SECONDS)
        self.wanted.set()

    def run(self, stop: threading.Event | None = None) -> None:
        while not (stop and stop.is_set()):
            if not self.wanted.wait(POLL_SECONDS):
                continue
            wait = self.due - time.monotonic()
            if wait > 0:
                time.sleep(min(wait, POLL_SECONDS))
                continue
            self._settle()
            with self.lock:
                self.wanted.clear()
                self.first = None
            self._once()

    def _settle(self) -> None:
        """The pages the quick path wrote are rendered first (the regeneration would share the
        processor with them); at most SETTLE_SECONDS."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while self.idle is not None and not self.idle() and time.monotonic() < deadline:
            time.sleep(SETTLE_POLL_SECONDS)

    def _once(self) -> None:
        if self.quick is None:
            self._generate({})
            return
        with self.quick.busy:  # the quick path's listings wait: they use what the preview keeps (builder.warm)
            self._generate({"pages": self.quick.follow(time.monotonic())})

    def _generate(self, follow: dict) -> None:
        try:
            print(self.generate(self.options, swap=False, **follow).summary_line(), flush=True)
        except BuildRunning as exc:  # a `make site` at the same moment: try again on the next look
            print(f"Waiting: {exc}", flush=True)
            self.wanted.set()
            time.sleep(POLL_SECONDS)
        except BeingSaved:  # an editor is saving an article: nothing was written; again in a moment
            self.wanted.set()
            time.sleep(POLL_SECONDS)
        except BuilderError as exc:
            print(f"Error: {exc} (the preview shows the last pages that built)", flush=True)
        except Exception as exc:  # noqa: BLE001 - the preview must outlive any one regeneration
            print(f"Error: unexpected failure ({type(exc).__name__}: {exc}); the preview shows the last "
                  "pages that built. Run 'builder check --verbose' for details to report.", flush=True)
