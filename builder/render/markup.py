"""Article text is data: these helpers turn it into Markdown or HTML that shows it literally.

No element, attribute, link, Markdown or pymdown structure in an article survives:
`html_text` escapes for raw HTML blocks; `md_text` also turns every ASCII punctuation
mark into a numeric character reference, which no Markdown rule can act on.
"""
from __future__ import annotations

import html
import re
import string

from builder.render import yaml_emit
from builder.text_safety import without_unsafe

_SPACE = re.compile(r"\s+")
# No control character reaches a page (tab, newline and carriage return become spaces).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Punctuation Markdown or a pymdown extension could act on; ",.?;/'\"" are left readable
# (a leading "1." is handled in md_text, since it alone could start a list).
_MD = {ord(c): f"&#{ord(c)};" for c in string.punctuation if c not in ",.?;/'\""}
_LEADING_NUMBER = re.compile(r"^(\d+)\.")


def one_line(text: str) -> str:
    """Control characters and bidi controls out, every run of white space one space."""
    if text.isprintable() and "  " not in text:  # no control, format or separator but single spaces
        return text.strip()
    return _SPACE.sub(" ", _CONTROL.sub("", without_unsafe(text))).strip()


def html_text(text: str) -> str:
    """Text for the inside of an HTML element or a quoted attribute."""
    return html.escape(one_line(text), quote=True)


def md_text(text: str) -> str:
    """Text for a Markdown context (heading, list item, link text): shown exactly as written."""
    return _LEADING_NUMBER.sub(r"\1&#46;", one_line(text).translate(_MD))


def md_link(text: str, target: str) -> str:
    """A Markdown link whose text is literal; target is a path the builder made."""
    return f"[{md_text(text)}]({target})"


def front_matter(meta: dict) -> str:
    """YAML front matter, keys in the given order, as a real YAML dumper writes it (yaml_emit)."""
    body = yaml_emit.dump_cleaned(meta)  # clean_meta's texts, written as they are met
    if body is None:
        body = yaml_emit.dump(clean_meta(meta))
    return f"---\n{body}---\n"


def clean_meta(value):
    """Every string of the front matter without bidi controls or characters XML forbids."""
    if isinstance(value, str):
        return without_unsafe(value)
    if isinstance(value, dict):
        return {clean_meta(k): clean_meta(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_meta(v) for v in value]
    return value


def document(meta: dict, lines: list[str | bytes]) -> bytes:
    """A whole Markdown page: front matter, then blocks separated by blank lines. A block may
    come already encoded (UTF-8): a page of megabytes is then never held again as text."""
    if not any(isinstance(line, bytes) for line in lines):
        return (front_matter(meta) + "\n" + "\n\n".join(line for line in lines if line) + "\n").encode("utf-8")
    blocks = [line if isinstance(line, bytes) else line.encode("utf-8") for line in lines if line]
    return (front_matter(meta) + "\n").encode("utf-8") + b"\n\n".join(blocks) + b"\n"
