"""What the browser tests share: Debian's Chromium driven by Playwright, the seed archive built
once and served under a project path (/<repo>/, as on GitHub Pages), and small page helpers.

Without Chromium (or Playwright, or axe-core) the tests are skipped with a message saying
what is missing; with CI=true they fail instead, so CI never passes by skipping them.
Session-wide things (the browser, the built sites, the servers) are made once, however many
test modules ask for them, and closed when the session ends.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder import pipeline
from builder.config import BuildOptions, Paths
from tests.conftest import ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium calls Google's hosts, which a closed network refuses.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
REPO = "press-archive"  # the project path: http://127.0.0.1:PORT/press-archive/
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
SHENYANG_SOURCES = ("articles/000_286fbaeb4abc4cfc.txt", "articles/004_16947189698fbbee.txt")

_SHARED: dict[str, object] = {}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def unavailable(reason: str) -> None:
    """Skip with the reason; in CI (CI=true) fail instead: a skipped check is no check."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def shared(request, key: str, make, close=None):
    """One value per test session, whichever module asks first; closed at the session's end."""
    if key not in _SHARED:
        _SHARED[key] = make()
        if close is not None:
            value = _SHARED[key]
            request.config.add_cleanup(lambda: close(value))
    return _SHARED[key]


# ---------------------------------------------------------------------------- the browser

def launch_browser():
    if not CHROMIUM.exists():
        unavailable(f"Chromium not found at {CHROMIUM}: install it with 'sudo apt install chromium' "
                    "(the browser tests never download a browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package 'playwright' is missing: run 'make test' (it installs it)")
    driver = sync_playwright().start()
    try:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # noqa: BLE001 - any launch failure means "no usable browser"
        driver.stop()
        unavailable(f"Chromium at {CHROMIUM} did not start: {exc}")
    return driver, browser


def close_browser(pair) -> None:
    driver, browser = pair
    browser.close()
    driver.stop()


@pytest.fixture(scope="session")
def browser(request):
    return shared(request, "browser", launch_browser, close_browser)[1]


@dataclass
class Visit:
    """A browser page whose requests to any other host are refused and recorded."""

    page: object
    foreign: list[str]
    failed: list[str]


def open_page(browser, allowed=("127.0.0.1",), width: int = 1280) -> Visit:
    context = browser.new_context(viewport={"width": width, "height": 800}, service_workers="block")
    foreign, failed = [], []

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in allowed:
            foreign.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: _failed(r, allowed, failed))
    return Visit(page, foreign, failed)


def _failed(request, allowed, failed: list[str]) -> None:
    """A request that failed on the way (not one cut short by leaving the page)."""
    reason = request.failure or ""
    if urlsplit(request.url).hostname in allowed and "ERR_ABORTED" not in reason:
        failed.append(f"{reason} {request.url}")


def close_page(visit: Visit) -> None:
    visit.page.context.close()


# ---------------------------------------------------------------------------- sites and servers

class ProjectPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; a missing file gets the site's 404.html, as GitHub Pages does."""

    not_found_page: Path | None = None

    def log_message(self, *args) -> None:  # quiet
        pass

    def send_error(self, code, message=None, explain=None):
        if code == 404 and self.not_found_page and self.not_found_page.exists():
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that drops a connection it no longer needs is no error."""


@dataclass
class Served:
    """A site built into <root>/www/<repo>/ and served at http://127.0.0.1:<port>/<repo>/."""

    root: Path
    port: int
    server: QuietServer

    @property
    def site(self) -> Path:
        return self.root / "www" / REPO

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{REPO}/"

    def url(self, path: str = "") -> str:
        return self.base + path

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(root: Path) -> Served:
    """Start a threaded HTTP server on a free port for <root>/www (the site is built later)."""
    www = root / "www"
    www.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(type("Handler", (ProjectPathHandler,), {"not_found_page": www / REPO / "404.html"}),
                                directory=str(www))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Served(root, server.server_address[1], server)


def build(served: Served, site_url: str | None = None) -> None:
    """Build served.content into the served folder; SITE_URL set for this build only."""
    paths = Paths(content=served.content, config=ROOT / "site_config", docs=served.docs, site=served.site,
                  mkdocs_file=ROOT / "mkdocs.yml")
    before = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url or ""
    try:
        report = pipeline.build(BuildOptions(paths))
    finally:
        if before is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = before
    assert not report.has_errors and (served.site / "index.html").exists(), "the seed site did not build"


def seed_served(root: Path) -> Served:
    served = serve(root)
    shutil.copytree(ROOT / "content", served.content)
    build(served, site_url=served.base)
    return served


@pytest.fixture(scope="session")
def online(request, browser, tmp_path_factory) -> Served:
    """The seed archive served under /<repo>/, built with site_url set to that address."""
    return shared(request, "online", lambda: seed_served(tmp_path_factory.mktemp("online")), Served.stop)


# ---------------------------------------------------------------------------- reading pages

def registry_slugs(content: Path) -> dict[str, str]:
    """source file -> slug, from the permalinks registry the build wrote."""
    import yaml

    data = yaml.safe_load((content / "permalinks.yml").read_text(encoding="utf-8"))
    return {rel: entry["slug"] for rel, entry in data["articles"].items()}


def page_path(url: str, base: str) -> str:
    """'http://host/repo/articles/x.html?h=y#p1' -> 'articles/x.html'."""
    return url.split("#")[0].split("?")[0].removeprefix(base)


def heading(page) -> str:
    """The page's h1 as a reader sees it (without the heading's ¶ permalink)."""
    return page.eval_on_selector("article h1", """h => [...h.childNodes]
        .filter(n => !(n.classList && n.classList.contains('headerlink')))
        .map(n => n.textContent).join('').trim()""")


SEARCH_BOX = "input.archive-search-box__input"  # in every page's header
SEARCH_RESULTS = ".archive-search-results a.archive-search-link, .archive-search-pages a"


def search(page, words: str) -> list[str]:
    """Type into the header's search box with real key events, press Enter: the result links
    of the search page (articles, then the listing pages found by name)."""
    page.click(SEARCH_BOX)
    page.type(SEARCH_BOX, words, delay=40)
    page.keyboard.press("Enter")
    page.wait_for_selector("#archive-search[data-state=done]", timeout=15_000)
    return page.eval_on_selector_all(SEARCH_RESULTS, "els => els.map(a => a.href)")


def paragraph_state(page, anchor: str) -> dict:
    """Is #anchor the :target, visibly marked, and inside the viewport?"""
    return page.eval_on_selector(f"#{anchor}", """el => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {target: el.matches(':target'), top: box.top, bottom: box.bottom,
                height: innerHeight, outline: style.outlineStyle};
    }""")


def in_view(state: dict) -> bool:
    return state["top"] >= 0 and state["top"] < state["height"]


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
