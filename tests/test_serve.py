"""`builder serve`: a live preview on 127.0.0.1 that follows edits under content/."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
WAIT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_until(url: str, wanted: str) -> str:
    deadline, page = time.monotonic() + WAIT_SECONDS, ""
    while time.monotonic() < deadline:
        try:
            page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if wanted in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{wanted!r} never appeared at {url}")


def test_serve_regenerates_after_an_edit(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--content", str(tmp_path / "content"),
         "--docs", str(tmp_path / "docs"), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        fetch_until(f"http://127.0.0.1:{port}/timeline.html", "Timeline")
        article = tmp_path / "content" / "articles" / "002_611522f5ae8394ba.txt"
        article.write_text(article.read_text(encoding="utf-8").replace(
            "date: 2023-09-22", "date: 2023-09-22\ntitle: Rally In Seoul Retitled For Preview", 1), encoding="utf-8")
        fetch_until(f"http://127.0.0.1:{port}/timeline.html", "Rally In Seoul Retitled For Preview")
    finally:
        server.terminate()
        server.wait(timeout=20)
