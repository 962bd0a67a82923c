"""`builder add URL`: fetching pages from a local HTTP server this test starts."""
from __future__ import annotations

import http.server
import threading
import time

import pytest

from builder.sources import MAX_ARTICLE_BYTES
from tests.conftest import run_cli
from tests.test_saved_pages import OG, page

SLOW_SECONDS = 20.0  # far longer than the timeout, so a fetch that waited for it is plain to see
TIMEOUT = "1"  # seconds, for the slow server's tests: nothing waits longer than this
LOGIN = "<html><head><title>Sign in</title></head><body><form><input type='password'></form></body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        route = ROUTES.get(self.path)
        if route is None:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")
        else:
            route(self)

    def _send(self, status: int, kind: str, body: bytes, headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def story(handler) -> None:
    handler._send(200, "text/html; charset=utf-8", page(OG).encode("utf-8"))


def moved(handler) -> None:
    handler._send(301, "text/html", b"", [("Location", "/news/story")])


def pdf(handler) -> None:
    handler._send(200, "application/pdf", b"%PDF-1.4 not a page")


def login(handler) -> None:
    handler._send(200, "text/html", LOGIN.encode())


def huge(handler) -> None:
    """More than the size limit, with no Content-Length: the reader must count."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"x" * 65_536 + b"</p>"
    for _ in range(MAX_ARTICLE_BYTES // len(chunk) + 2):
        handler.wfile.write(chunk)


def slow(handler) -> None:
    time.sleep(SLOW_SECONDS)
    story(handler)


def trickle(handler) -> None:
    """Answers at once, then sends the page a few bytes at a time, too slowly."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(int(SLOW_SECONDS * 10)):
        handler.wfile.write(b"<p>a</p>" * 2)
        handler.wfile.flush()
        time.sleep(0.1)


ROUTES = {"/news/story": story, "/old-story": moved, "/report.pdf": pdf, "/login": login, "/huge": huge,
          "/slow": slow, "/trickle": trickle}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A client that gave up (the timeout tests) is expected."""


@pytest.fixture(scope="module")
def server():
    running = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{running.server_address[1]}"
    running.shutdown()
    running.server_close()


def add(tmp_path, *args, expect):
    return run_cli("add", "--content", tmp_path / "content", "--timeout", TIMEOUT, *args, expect=expect)


def saved(tmp_path) -> list[str]:
    folder = tmp_path / "content" / "articles"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_page_is_saved_with_its_address_and_explained(tmp_path, server):
    result = add(tmp_path, f"{server}/news/story", expect=0)
    assert saved(tmp_path) == ["127-0-0-1-news-story.html", "127-0-0-1-news-story.yml"]
    assert "Rights groups urge China to stop deportations   [from og:title]" in result.output
    assert "2012-02-14   [from article:published_time]" in result.output
    html = (tmp_path / "content/articles/127-0-0-1-news-story.html").read_text(encoding="utf-8")
    assert html.startswith(f"<!-- saved from url=(") and f"{server}/news/story -->" in html.splitlines()[0]
    run_cli("check", "--content", tmp_path / "content")  # the saved page and its .yml are valid


def test_the_same_address_again_changes_nothing(tmp_path, server):
    add(tmp_path, f"{server}/news/story", expect=0)
    before = {name: (tmp_path / "content/articles" / name).read_bytes() for name in saved(tmp_path)}
    result = add(tmp_path, f"{server}/news/story", expect=0)
    assert "already saved" in result.output
    assert {name: (tmp_path / "content/articles" / name).read_bytes() for name in saved(tmp_path)} == before


def test_an_existing_file_of_that_name_is_never_overwritten(tmp_path, server):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "127-0-0-1-news-story.html").write_text("mine", encoding="utf-8")
    add(tmp_path, f"{server}/news/story", expect=0)
    assert (folder / "127-0-0-1-news-story.html").read_text(encoding="utf-8") == "mine"
    assert "127-0-0-1-news-story-2.html" in saved(tmp_path)


def test_a_redirect_is_followed_and_recorded(tmp_path, server):
    result = add(tmp_path, f"{server}/old-story", expect=0)
    assert f"redirected: {server}/news/story" in result.output
    assert saved(tmp_path) == ["127-0-0-1-news-story.html", "127-0-0-1-news-story.yml"]
    sidecar = (tmp_path / "content/articles/127-0-0-1-news-story.yml").read_text(encoding="utf-8")
    assert f"{server}/old-story -> {server}/news/story" in sidecar


FAILURES = [
    ("not-found", "/missing", "not found (HTTP 404)"),
    ("not-html", "/report.pdf", "not a web page (the site sent application/pdf)"),
    ("login-wall", "/login", "login"),
    ("oversize", "/huge", "larger than 5 MB"),
    ("slow-server", "/slow", "within 1 second;"),
    ("trickling-server", "/trickle", "within 1 second;"),
]


@pytest.mark.parametrize("name, path, message", FAILURES, ids=[f[0] for f in FAILURES])
def test_failures_are_named_and_nothing_is_saved(tmp_path, server, name, path, message):
    started = time.monotonic()
    result = add(tmp_path, f"{server}{path}", expect=1)
    assert message in result.output
    assert saved(tmp_path) == []
    assert time.monotonic() - started < SLOW_SECONDS / 2  # gave up at the timeout, never waited for the server


def test_only_web_addresses(tmp_path):
    result = add(tmp_path, "file:///etc/passwd", "ftp://example.org/a", expect=1)
    assert result.output.count("only web addresses") == 2 and "0 of 2 added" in result.output


def test_a_file_of_addresses_and_one_failure_gives_exit_code_1(tmp_path, server):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# to add\n{server}/news/story\n\n{server}/missing\n", encoding="utf-8")
    result = add(tmp_path, "--from", listing, expect=1)
    assert "1 of 2 added, 1 failed" in result.output
    assert saved(tmp_path) == ["127-0-0-1-news-story.html", "127-0-0-1-news-story.yml"]
