"""`builder serve`: a live preview on 127.0.0.1 that follows edits under content/."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
WAIT_SECONDS = 60
STOP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(server: subprocess.Popen, how: int = signal.SIGTERM) -> str:
    """Stops a preview as a curator does (Ctrl+C is SIGINT, `kill` SIGTERM); its output. One
    that does not end in STOP_SECONDS is made to show where each of its threads was (Python's
    faulthandler, on with -X faulthandler) and the test fails with that."""
    server.send_signal(how)
    try:
        return server.communicate(timeout=STOP_SECONDS)[0]
    except subprocess.TimeoutExpired:
        server.send_signal(signal.SIGABRT)
        raise AssertionError(f"the preview did not stop within {STOP_SECONDS} s:\n{server.communicate()[0]}")


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
    (tmp_path / "tmp").mkdir()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "builder", "serve", "--content", str(tmp_path / "content"),
         "--docs", str(tmp_path / "docs"), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "TMPDIR": str(tmp_path / "tmp")},
    )
    try:
        fetch_until(f"http://127.0.0.1:{port}/timeline.html", "Timeline")
        article = tmp_path / "content" / "articles" / "002_611522f5ae8394ba.txt"
        article.write_text(article.read_text(encoding="utf-8").replace(
            "date: 2023-09-22", "date: 2023-09-22\ntitle: Rally In Seoul Retitled For Preview", 1), encoding="utf-8")
        fetch_until(f"http://127.0.0.1:{port}/timeline.html", "Rally In Seoul Retitled For Preview")
        # the served search finds the new title: its record, as the search page loads it
        record = next(p for p in (tmp_path / "docs" / "search" / "d").glob("*.js")
                      if "Rally In Seoul Retitled For Preview" in p.read_text(encoding="utf-8"))
        fetch_until(f"http://127.0.0.1:{port}/search/d/{record.name}", "Rally In Seoul Retitled For Preview")
    finally:
        output = stop(server)  # as `kill` does: the preview stops as on Ctrl+C
    assert f"Preview at http://127.0.0.1:{port}/" in output and "Press Ctrl+C to stop" in output
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary website folder is gone


def test_the_watcher_outlives_a_failed_regeneration(tmp_path, monkeypatch, capsys):
    """Any error in one regeneration is reported; the next edit regenerates again."""
    import threading

    from builder import preview
    from builder.config import BuildOptions, Paths

    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("first")
    calls = []

    class Done:
        def summary_line(self):
            return "Built again."

    def generate(options, swap):
        calls.append(swap)
        if len(calls) == 1:
            raise RuntimeError("something unexpected")
        return Done()

    monkeypatch.setattr(preview, "POLL_SECONDS", 0.05)
    stop = threading.Event()
    watcher = threading.Thread(target=preview._watch, args=(BuildOptions(Paths(content=content)), generate, stop))
    watcher.start()
    try:
        for text in ("second", "third"):
            count = len(calls)
            time.sleep(0.2)
            (content / "a.txt").write_text(text)
            os.utime(content / "a.txt", (time.time() + len(calls) + 1,) * 2)
            deadline = time.monotonic() + 10
            while len(calls) == count and time.monotonic() < deadline:
                time.sleep(0.05)
        assert len(calls) == 2 and watcher.is_alive()
    finally:
        stop.set()
        watcher.join(timeout=5)
    out = capsys.readouterr().out
    assert "unexpected failure (RuntimeError: something unexpected)" in out and "Built again." in out


def test_serve_shows_an_edited_summary_on_its_listings_and_in_search(tmp_path):
    """A running preview (its quick path, builder.quick_listings, and the regeneration after
    it): an edit to an article's summary is served on its page, on a topic page that lists it
    and in its search record."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "builder", "serve", "--content", str(tmp_path / "content"),
         "--docs", str(tmp_path / "docs"), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        fetch_until(f"http://127.0.0.1:{port}/timeline.html", "Timeline")
        slug = "n-k-rights-groups-hold-rally-against-repatriation-of-defectors-in-front-of"
        topic = next(p for p in sorted((tmp_path / "docs" / "topics").glob("*.md"))
                     if f'articles/{slug}.html"' in p.read_text(encoding="utf-8"))  # its listing entry
        time.sleep(1.0)  # the watcher's first look
        article = tmp_path / "content" / "articles" / "002_611522f5ae8394ba.txt"
        article.write_text(article.read_text(encoding="utf-8").replace(
            "staged a rally in front of", "staged a servedquick rally in front of", 1), encoding="utf-8")
        fetch_until(f"http://127.0.0.1:{port}/articles/{slug}.html", "servedquick")
        fetch_until(f"http://127.0.0.1:{port}/topics/{topic.stem}.html", "servedquick")
        record = next(p for p in (tmp_path / "docs" / "search" / "d").glob("*.js")
                      if "servedquick" in p.read_text(encoding="utf-8"))
        fetch_until(f"http://127.0.0.1:{port}/search/d/{record.name}", "servedquick")
    finally:
        stop(server)


def test_stopping_never_waits_long_for_mkdocs_server_and_its_watchers(tmp_path, monkeypatch):
    """MkDocs' server stops its file watchers only once the change they report is handled: a
    stop that waits for one that never ends still ends, the plugins hear of it and the
    temporary website goes."""
    from builder import preview

    monkeypatch.setattr(preview, "STOP_SECONDS", 0.2)
    never = threading.Event()
    closed = []

    class Server:
        def shutdown(self):
            never.wait()

    class Live:
        def close(self):
            closed.append(True)

    site = tmp_path / "preview-site"
    (site / "articles").mkdir(parents=True)
    started = time.monotonic()
    preview._stop(Server(), Live(), site)
    assert time.monotonic() - started < 5 and closed == [True] and not site.exists()
    never.set()
