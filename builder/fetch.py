"""`builder add URL`: fetch a page once and save it under content/articles/ as a saved page.

Only here does the builder use the network; a build reads files alone. Every page is
checked before it is saved (an HTML web page, within the size limit, an article), saved
under a name made from its address (the same address gives the same name), never over an
existing file, with its address and redirects recorded in NAME.yml beside it.
"""
from __future__ import annotations

import datetime as dt
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message as MimeHeaders
from pathlib import Path
from urllib.parse import urlsplit

from builder.extract.page import NotAnArticle, read_page
from builder.extract.page_meta import SAVED_FROM
from builder.extract.rules import Rules
from builder.saved_pages import SIDECAR_SUFFIX, decode_page
from builder.slugs import slugify
from builder.sources import MAX_ARTICLE_BYTES

TIMEOUT_SECONDS = 20.0  # for the whole page: connecting, redirects and reading
MAX_REDIRECTS = 10
CHUNK_BYTES = 65_536
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "press-archive-builder (saving one page for an archive)"
ARTICLES_FOLDER = "articles"
MAX_NAME_WORDS = 60  # characters of the file name made from the address


class FetchError(Exception):
    """A page that could not be added; the message says why, for a curator."""


@dataclass
class Fetched:
    url: str  # as given
    final_url: str
    redirects: list[str] = field(default_factory=list)  # every address passed through, in order
    data: bytes = b""
    content_type: str = ""
    charset: str | None = None


@dataclass
class Added:
    url: str
    path: Path | None = None  # the saved page (None: failed, or already there)
    error: str | None = None
    note: str | None = None
    redirects: list[str] = field(default_factory=list)  # the addresses redirected from, in order
    final_url: str | None = None


def add(urls: list[str], content_dir: Path, rules: Rules, timeout: float = TIMEOUT_SECONDS):
    """Fetch and save each address in turn: one Added per address, failures included."""
    for url in urls:
        try:
            yield save(fetch(url, timeout), content_dir / ARTICLES_FOLDER, rules)
        except FetchError as exc:
            yield Added(url, error=str(exc))


def read_url_list(path: Path) -> list[str]:
    """A file of addresses: one a line; blank lines and lines starting with # are passed over."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def check_address(url: str) -> str:
    url = url.strip()
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise FetchError("a web address cannot contain spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("only web addresses starting with http:// or https:// can be added")
    return url


class _Recorder(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) addresses only, and writes each one down."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, trail: list[str]):
        self.trail = trail

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"the site redirected to {newurl!r}, which is not a web address")
        self.trail.append(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_ARTICLE_BYTES) -> Fetched:
    """Download one page; raise FetchError with a curator's sentence on any failure."""
    url = check_address(url)
    trail = [url]
    opener = urllib.request.build_opener(_Recorder(trail))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: MimeHeaders = response.headers
            fetched = Fetched(url, response.geturl(), trail[:-1], content_type=headers.get_content_type(),
                              charset=headers.get_content_charset())
            _check_type(fetched.content_type)
            _check_length(headers.get("Content-Length"), max_bytes)
            fetched.data = _read(response, max_bytes, deadline, timeout)
    except urllib.error.HTTPError as exc:
        raise FetchError(_http_problem(exc.code)) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(_too_slow(timeout)) from None
        raise FetchError(f"could not reach the site: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(_too_slow(timeout)) from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"the download failed: {exc}") from None
    return fetched


def _check_type(content_type: str) -> None:
    if content_type not in HTML_TYPES:
        raise FetchError(f"not a web page (the site sent {content_type or 'no content type'}): only HTML pages "
                         "can be added; for other files paste the article's text into a .txt file")


def _check_length(declared: str | None, max_bytes: int) -> None:
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(max_bytes))


def _read(response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(_too_slow(timeout))
        chunk = response.read1(CHUNK_BYTES)  # returns what has arrived: a trickle cannot outlast the deadline
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large(max_bytes))
        chunks.append(chunk)


def _too_slow(timeout: float) -> str:
    unit = "second" if timeout == 1 else "seconds"
    return f"the site did not send the page within {timeout:g} {unit}; try again later"


def _too_large(max_bytes: int) -> str:
    return f"the page is larger than {max_bytes / 1e6:.0f} MB, far more than an article: not saved"


def _http_problem(code: int) -> str:
    if code == 404 or code == 410:
        return f"the page was not found (HTTP {code}): check the address"
    if code in (401, 403, 407):
        return (f"the site refused to give the page (HTTP {code}): it may need a login or block programs; "
                "open it in your browser and save it with File > Save Page As into content/articles/")
    if code == 429 or code >= 500:
        return f"the site could not answer now (HTTP {code}); try again later"
    return f"the site answered with an error (HTTP {code})"


def file_stem(url: str) -> str:
    """The same address always gives the same name: its host and path as words."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", parts.path, flags=re.IGNORECASE)
    return slugify(f"{host} {path} {parts.query}", MAX_NAME_WORDS) or "page"


def save(fetched: Fetched, folder: Path, rules: Rules) -> Added:
    """Check the page is an article and write NAME.html and NAME.yml (never over a file)."""
    text, _ = decode_page(_with_declared_charset(fetched), "page.html")
    try:
        read_page(text, rules)
    except NotAnArticle as exc:
        raise FetchError(str(exc)) from None
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(fetched.final_url)
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        page, sidecar = folder / f"{name}.html", folder / f"{name}{SIDECAR_SUFFIX}"
        if page.exists() and _recorded_url(page) == fetched.final_url:
            return Added(fetched.url, None, note=f"already saved as {page}: nothing changed",
                         redirects=fetched.redirects, final_url=fetched.final_url)
        if not page.exists() and not sidecar.exists():
            _write_new(page, _saved_html(fetched.final_url, text))
            _write_new(sidecar, _sidecar_text(fetched))
            return Added(fetched.url, page, redirects=fetched.redirects, final_url=fetched.final_url)
    raise FetchError(f"too many files named {stem}-N.html already")


def _with_declared_charset(fetched: Fetched) -> bytes:
    """A page whose character set is only in the HTTP header gets it written in."""
    if fetched.charset and b"charset" not in fetched.data[:4096].lower():
        return f'<meta charset="{fetched.charset}">\n'.encode("ascii", "ignore") + fetched.data
    return fetched.data


def _saved_html(url: str, text: str) -> bytes:
    """The page as browsers save it: their "saved from url" comment, in UTF-8."""
    return f'<!-- saved from url=({len(url):04d}){url} -->\n<meta charset="utf-8">\n{text}'.encode("utf-8")


def _sidecar_text(fetched: Fetched) -> str:
    day = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    lines = [f"# Saved by 'builder add' on {day} from {_yaml_comment(fetched.url)}"]
    if fetched.redirects:
        lines.append("# Redirected: " + " -> ".join(_yaml_comment(u) for u in fetched.redirects + [fetched.final_url]))
    lines.append("# Correct what the builder read wrong below, one 'key: value' a line:")
    lines.append("# title:, date: (YYYY-MM-DD), publisher:, author:, url:, topics:, slug: (see README).")
    return "\n".join(lines) + "\n"


def _yaml_comment(text: str) -> str:
    return " ".join(text.split())


def _recorded_url(page: Path) -> str | None:
    """The address in the "saved from url" comment a saved page starts with."""
    try:
        with open(page, "rb") as saved:
            first = saved.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    found = SAVED_FROM.search(first)
    return found.group(1) if found else None


def _write_new(path: Path, data: bytes | str) -> None:
    """Create the file; never replace one that appeared meanwhile."""
    mode = "xb" if isinstance(data, bytes) else "x"
    with open(path, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as out:
        out.write(data)
