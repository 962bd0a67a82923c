"""Stage 1, read: bytes -> text: detect the encoding, normalise to NFC and to \\n line ends.

Cascade: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
charset-normalizer's best guess, then CP1252/Latin-1. Binary data is refused.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.05  # more control characters than this: binary data
SAMPLE_BYTES = 65536
# Legacy encodings the archive's articles come in (Korean, Western, Chinese, Japanese).
# Limiting detection to these keeps French or German text from being read as CP1250.
CANDIDATES = ["cp949", "euc_kr", "cp1252", "latin_1", "big5", "gb18030", "shift_jis"]


def _from_bom(data: bytes) -> tuple[str, str] | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name.replace("-sig", "")), name
            except UnicodeDecodeError:
                return None
    return None


def _rank(match) -> tuple[float, float, int]:
    """Most coherent first, then least chaotic, then the earlier candidate (CP1252 before Shift-JIS)."""
    name = match.encoding
    order = CANDIDATES.index(name) if name in CANDIDATES else len(CANDIDATES)
    return (match.coherence, -match.chaos, -order)


def _guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer's most coherent result, falling back to CP1252, then Latin-1.

    Its best() sometimes prefers Shift-JIS for CP1252 text with a single £ ("£15.8m" read as
    "｣15.8m"); the most coherent of its results decodes such text right and keeps EUC-KR right.
    """
    results = list(charset_normalizer.from_bytes(data[:SAMPLE_BYTES], cp_isolation=CANDIDATES))
    best = max(results, key=_rank) if results else None
    if best is not None:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise ValueError("binary data: the file contains NUL bytes")
    sample = text[:SAMPLE_BYTES]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise ValueError("binary data: mostly non-text characters")


def normalise(text: str) -> str:
    """NFC, with CRLF and lone CR turned into \\n."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding name). Raise ValueError for binary data."""
    found = _from_bom(data)
    if found is None:
        if b"\x00" in data:
            raise ValueError("binary data: the file contains NUL bytes and no UTF-16 byte-order mark")
        try:
            found = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            found = _guess(data)
    text, name = found
    _check_text(text)
    return normalise(text), name
