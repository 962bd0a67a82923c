"""`builder serve`: MkDocs' live-reloading server, with content/ and site_config/ watched too.

A background thread looks for changed files every second and regenerates docs/ in place;
MkDocs notices the changed pages, rebuilds and reloads the browser. A regeneration that
fails is reported and the last good pages stay served; the watcher carries on.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from builder.config import BuildOptions, Paths
from builder.errors import BuilderError
from builder.safety import BuildRunning

POLL_SECONDS = 1.0
log = logging.getLogger("builder")


def serve(paths: Paths, port: int) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    from builder.engine import theme_settings
    from builder.pipeline import generate
    from builder.site import read_settings

    options = BuildOptions(paths, run_mkdocs=False)
    print(generate(options).summary_line())
    watcher = threading.Thread(target=_watch, args=(options, generate), daemon=True)
    watcher.start()
    print(f"Preview at http://127.0.0.1:{port}/ (it follows your edits). Press Ctrl+C to stop.", flush=True)
    mkdocs_serve(
        config_file=str(paths.mkdocs_file), docs_dir=str(paths.docs.resolve()),
        dev_addr=f"127.0.0.1:{port}", livereload=True, theme=theme_settings(read_settings(paths), paths.mkdocs_file),
    )


def _snapshot(folders: list[Path]) -> dict[str, float]:
    """Every file's modification time (links to folders are not followed; a file that
    vanishes while looked at is left out)."""
    state = {}
    for folder in folders:
        for parent, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(parent, name)
                try:
                    if name != "permalinks.yml":
                        state[path] = os.stat(path).st_mtime
                except OSError:
                    pass
    return state


def _watch(options: BuildOptions, generate, stop: threading.Event | None = None) -> None:
    """Regenerate after every change; any error is reported and the last good pages stay."""
    folders = [options.paths.content, options.paths.config]
    seen = _snapshot(folders)
    while not (stop and stop.is_set()):
        time.sleep(POLL_SECONDS)
        now = seen
        try:
            now = _snapshot(folders)
            if now == seen:
                continue
            print(generate(options, swap=False).summary_line(), flush=True)
            seen = now
        except BuildRunning as exc:  # a `make site` at the same moment: try again on the next look
            print(f"Waiting: {exc}", flush=True)
        except BuilderError as exc:
            seen = now
            print(f"Error: {exc} (the preview shows the last pages that built)", flush=True)
        except Exception as exc:  # noqa: BLE001 - the preview must outlive any one regeneration
            seen = now
            print(f"Error: unexpected failure ({type(exc).__name__}: {exc}); the preview shows the last "
                  "pages that built. Run 'builder check --verbose' for details to report.", flush=True)
