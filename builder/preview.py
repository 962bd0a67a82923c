"""`builder serve`: MkDocs' live-reloading server, with content/ and site_config/ watched too.

A background thread looks for changed files every second and regenerates docs/ in place;
MkDocs notices the changed pages, rebuilds and reloads the browser.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from builder.config import BuildOptions, Paths
from builder.errors import BuilderError

POLL_SECONDS = 1.0
log = logging.getLogger("builder")


def serve(paths: Paths, port: int) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from builder.pipeline import generate

    options = BuildOptions(paths, run_mkdocs=False)
    print(generate(options).summary_line())
    watcher = threading.Thread(target=_watch, args=(options, generate), daemon=True)
    watcher.start()
    mkdocs_serve(
        config_file=str(paths.mkdocs_file), docs_dir=str(paths.docs.resolve()),
        dev_addr=f"127.0.0.1:{port}", livereload=True,
    )


def _snapshot(folders: list[Path]) -> dict[str, float]:
    state = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.name != "permalinks.yml":
                state[str(path)] = path.stat().st_mtime
    return state


def _watch(options: BuildOptions, generate) -> None:
    folders = [options.paths.content, options.paths.config]
    seen = _snapshot(folders)
    while True:
        time.sleep(POLL_SECONDS)
        now = _snapshot(folders)
        if now == seen:
            continue
        seen = now
        try:
            print(generate(options, swap=False).summary_line())
        except BuilderError as exc:
            print(f"Error: {exc}")
