"""The preview's background search build: one full MkDocs build in a separate process at low
priority, whose search index LiveSite.refresh_search serves once edits have stopped.

`python -m builder.search_refresh MKDOCS_YML DOCS SITE [THEME_JSON]`

SearchBuilds starts those processes for the preview, one at a time; when the preview stops,
stop() ends the one running (and any the preview would start after), so that Ctrl+C never
waits for a whole build of the site, and none is left behind even if the preview is killed.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

SEARCH_NICENESS = 10  # the background search build gives way to the page updates
STOP_WAIT_SECONDS = 5.0  # a search build asked to end politely is killed after this


def lower_priority() -> None:
    os.nice(SEARCH_NICENESS)


class SearchBuilds:
    """Runs the background search builds; stop() ends them."""

    def __init__(self) -> None:
        from builder.safety import system_prctl

        self._prctl = system_prctl()  # found here: the child must not look for the C library
        self._lock = threading.Lock()
        self._running: subprocess.Popen | None = None
        self.stopped = False

    def run(self, config_file: str, docs: str, site: str, theme: dict | None) -> bool:
        """One full build into `site`: True when it wrote its pages, False when stopped;
        CalledProcessError (with MkDocs' messages) when it failed."""
        command = [sys.executable, "-m", "builder.search_refresh", config_file, docs, site, json.dumps(theme or {})]
        with self._lock:
            if self.stopped:
                return False
            self._running = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, preexec_fn=self._in_child)
        process = self._running
        out, err = process.communicate()
        with self._lock:
            self._running = None
            if self.stopped:
                return False
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, command, out, err)
        return True

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            process = self._running
        if process is None:
            return
        process.terminate()
        try:
            process.wait(STOP_WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _in_child(self) -> None:
        from builder.safety import end_with_parent

        lower_priority()
        end_with_parent(signal.SIGTERM, self._prctl)


def full_build(config_file: str, docs: str, site: str, theme: str = "{}") -> None:
    """One full MkDocs build for the search refresh, with the same theme settings as the preview."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    theme_settings = json.loads(theme)
    config = load_config(config_file, docs_dir=docs, site_dir=site, **({"theme": theme_settings} if theme_settings else {}))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


if __name__ == "__main__":
    full_build(*sys.argv[1:5])
