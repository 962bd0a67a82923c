"""A MkDocs plugin a curator adds to mkdocs.yml gets MkDocs' whole lifecycle from
`builder build` and `builder serve`, as it does from `mkdocs build` and `mkdocs serve`.

The plugin is a tiny installed distribution made by the test (a module plus its
.dist-info with a `mkdocs.plugins` entry point) on the import path (PYTHONPATH), so MkDocs
finds it by name exactly as it finds a plugin installed with pip.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.test_serve import fetch_until, free_port, stop

pytestmark = pytest.mark.slow

PLUGIN = '''
import os
from mkdocs.plugins import BasePlugin


class LifecycleProbe(BasePlugin):
    def _note(self, event):
        with open(os.environ["LIFECYCLE_PROBE_LOG"], "a", encoding="utf-8") as log:
            log.write(event + "\\n")

    def on_startup(self, *, command, dirty):
        self.started = True
        self._note("startup " + command)

    def on_pre_build(self, config):
        # A plugin that relies on on_startup having run crashes without it.
        self._note("build" if self.started else "build-without-startup")

    def on_shutdown(self):
        self._note("shutdown")
'''
ENTRY_POINTS = "[mkdocs.plugins]\nlifecycle-probe = lifecycle_probe:LifecycleProbe\n"
ARTICLE = """---
title: Volunteers Open A Reading Room In The Harbour Library
publisher: The Harbour Gazette
date: 2024-03-05
---
Volunteers opened a reading room in the harbour library on Tuesday, with shelves of donated books.

The room is open every afternoon, and the volunteers said they hoped to add a children's corner.
"""


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """An archive folder whose mkdocs.yml lists the probe plugin; the log it writes."""
    plugin_dir = tmp_path / "plugins"
    (plugin_dir / "lifecycle_probe-1.0.dist-info").mkdir(parents=True)
    (plugin_dir / "lifecycle_probe.py").write_text(PLUGIN, encoding="utf-8")
    info = plugin_dir / "lifecycle_probe-1.0.dist-info"
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: lifecycle-probe\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")

    root = tmp_path / "archive"
    root.mkdir()
    shutil.copytree(ROOT / "site_config", root / "site_config")
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs.replace("plugins:\n", "plugins:\n  - lifecycle-probe\n", 1),
                                     encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "reading-room.txt").write_text(ARTICLE, encoding="utf-8")
    log = tmp_path / "events.log"
    monkeypatch.setenv("LIFECYCLE_PROBE_LOG", str(log))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(plugin_dir), str(ROOT)]))
    monkeypatch.chdir(root)
    return root, log


def events(log) -> list[str]:
    return log.read_text(encoding="utf-8").split() if log.exists() else []


def test_builder_build_runs_the_plugins_startup_and_shutdown(archive):
    root, log = archive
    # A process of its own, as a curator runs it: MkDocs lists the installed plugins once
    # per process, when its settings module is first imported.
    done = subprocess.run([sys.executable, "-m", "builder", "build"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0 and (root / "site" / "index.html").exists(), done.stdout + done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == ["startup build", "build", "shutdown"]


def test_builder_serve_runs_the_plugins_startup_and_shutdown(archive):
    root, log = archive
    port = free_port()
    server = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "builder", "serve", "--port", str(port)],
                              cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        fetch_until(f"http://127.0.0.1:{port}/", "Harbour Library")
        time.sleep(0.5)
    finally:
        output = stop(server, signal.SIGINT)  # Ctrl+C, as a curator stops the preview
    assert events(log)[:2] == ["startup", "serve"], output
    assert "build" in events(log) and events(log)[-1] == "shutdown", output
