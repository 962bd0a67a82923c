"""Saved web pages as input files: which files belong to a page, and how a page is decoded.

A browser saves a page as `NAME.html` (or `.htm`), with a `NAME_files/` folder of images
and scripts for "Webpage, Complete", or as one `NAME.mhtml` file. The curator's corrections
go into `NAME.yml` beside the page: the same keys as an article's header.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from pathlib import Path

from builder.decoding import decode
from builder.errors import SourceError
from builder.header import parse_header
from builder.models import Header, Message

HTML_SUFFIXES = (".html", ".htm")
MHTML_SUFFIXES = (".mhtml", ".mht")
PAGE_SUFFIXES = HTML_SUFFIXES + MHTML_SUFFIXES
SIDECAR_SUFFIX = ".yml"
COMPANION_FOLDER = "_files"  # NAME_files/ beside NAME.html
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
SNIFF_BYTES = 4096  # a page states its character set near the top


def is_page(name: str) -> bool:
    return name.lower().endswith(PAGE_SUFFIXES)


def is_mhtml(name: str) -> bool:
    return name.lower().endswith(MHTML_SUFFIXES)


def sidecar(path: Path) -> Path:
    """NAME.yml beside NAME.html: where the curator's values for a saved page go."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def page_of_sidecar(path: Path) -> Path | None:
    """The saved page a NAME.yml belongs to, if there is one beside it."""
    if not path.name.endswith(SIDECAR_SUFFIX):
        return None
    return next((page for suffix in PAGE_SUFFIXES
                 for page in (path.with_name(path.stem + suffix), path.with_name(path.stem + suffix.upper()))
                 if page.is_file()), None)


def is_companion_folder(name: str, files: list[str]) -> bool:
    """NAME_files/ of a page saved "complete", when NAME.html (or .htm) is in the same folder."""
    if not name.endswith(COMPANION_FOLDER):
        return False
    stem = name[: -len(COMPANION_FOLDER)]
    return any(f.lower().endswith(HTML_SUFFIXES) and f[: f.rfind(".")] == stem for f in files)


def sidecar_bytes(path: Path) -> bytes:
    """The sidecar's bytes (empty when there is none): part of the page's cache key."""
    try:
        return sidecar(path).read_bytes()
    except OSError:
        return b""


def read_sidecar(path: Path, rel_path: str) -> tuple[Header, list[Message]]:
    """The curator's values for a saved page, validated like an article's header."""
    data = sidecar_bytes(path)
    if not data.strip():
        return Header(), []
    name = sidecar(Path(rel_path)).as_posix()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(name, "not readable as UTF-8 text: save it as UTF-8") from None
    try:
        header, warnings = parse_header(text, name, first_line=1)
    except SourceError as exc:
        raise SourceError(rel_path, f"in {name}: {exc.reason}", exc.line) from None
    return header, [Message(m.level, f"in {name}: {m.text}", m.line) for m in warnings]


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """(the page's HTML as text, the encoding read) for an .html or .mhtml file's bytes."""
    if is_mhtml(name):
        return _from_mhtml(data)
    return _decode_html(data)


def _decode_html(data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    declared = CHARSET.search(data[:SNIFF_BYTES])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _from_mhtml(data: bytes) -> tuple[str, str]:
    """The page inside a single-file save (MIME, RFC 2557), with its address as browsers
    write it in saved pages: a "saved from url" comment."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset()
        try:
            text, encoding = (payload.decode(charset), charset) if charset else _decode_html(payload)
        except (LookupError, UnicodeDecodeError):
            text, encoding = _decode_html(payload)
        address = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "")
        if re.fullmatch(r"https?://[^\s<>\"]+", address):
            text = f"<!-- saved from url=({len(address):04d}){address} -->\n{text}"
        return text, encoding
    raise ValueError("no web page (text/html part) inside this .mhtml file")
