"""Scoring one page's read-out against a corpus's gold record (the aeb corpus README's rules).

    verdict = score_page(result, gold)   # result: a `builder explain --json` dict

Body: 4-token shingles of `\\w+` tokens, compared as bags; per page tp, fp, fn normalised to
sum 1; precision and recall averaged over pages (`body_totals`), F1 their harmonic mean.
Fields: each is "correct", "partial" (date only), "missing", "WRONG", or "none" (the page
states none and none was given).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

FIELDS = ("title", "date", "publisher", "author")
SHINGLE = 4
_TOKEN = re.compile(r"\w+")
_PUNCT = re.compile(r"[^\w\s]+")
_TAIL = re.compile(r"\s+[|\-–—:]\s+[^|\-–—]{1,60}$")
_PUBLISHER_NOISE = re.compile(r"\bthe\b|\.com\b|\binc\b\.?|\bmedia\b|\bgroup\b")
_AFFILIATION = re.compile(r"\s*(?:,|\||\s-\s|\bfor\b).*$")
DERIVED_TITLES = frozenset({"lead", "filename", "file-name"})
TITLE_SHORT_SHARE = 0.5  # a stated title cut short must hold at least half of it
TITLE_EXTRA_SHARE = 0.2  # a stated title plus at most this much more ("Breaking:")


@dataclass
class PageScore:
    page: str
    tp: float
    fp: float
    fn: float
    fields: dict[str, str] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    stated: frozenset[str] = frozenset()  # the fields the page's gold record states


    @property
    def precision(self) -> float | None:
        return _precision(self.tp, self.fp, self.fn)

    @property
    def recall(self) -> float | None:
        return _recall(self.tp, self.fp, self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def wrong(self) -> list[str]:
        return [name for name, verdict in self.fields.items() if verdict == "WRONG"]


# --- body -------------------------------------------------------------------------------

def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def body_match(gold: str, kept: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of the kept text's shingles against the gold body, normalised to sum 1."""
    true, pred = shingles(gold), shingles(kept)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float | None:
    if fp == fn == 0:
        return 1.0
    return None if tp + fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float | None:
    if fp == fn == 0:
        return 1.0
    return None if tp + fn == 0 else tp / (tp + fn)


def body_totals(pages: list[PageScore]) -> dict[str, float]:
    """Precision and recall averaged over the pages where each is defined; F1 of the two."""
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def body_text(result: dict) -> str:
    """The article text the builder keeps: paragraphs and headings in reading order."""
    return "\n\n".join(b["text"] for b in result.get("body", []) if b["type"] in ("paragraph", "heading"))


# --- fields -----------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _title_forms(stated: str) -> list[str]:
    forms = [_norm(stated)]
    cut = _TAIL.sub("", stated.strip())
    if cut != stated.strip():
        forms.append(_norm(cut))
    return [f for f in forms if f]


def score_title(value: str | None, origin: str | None, stated: list[str]) -> str:
    if not value or origin in DERIVED_TITLES:
        return "missing" if stated else "none"
    if not stated:
        return "WRONG"
    given = _norm(value)
    for form in (f for s in stated for f in _title_forms(s)):
        if given == form:
            return "correct"
        if given and given in form and len(given) >= TITLE_SHORT_SHARE * len(form):
            return "correct"
        if form in given and len(given) <= (1 + TITLE_EXTRA_SHARE) * len(form):
            return "correct"
    return "WRONG"


def score_date(value: str | None, stated: list[str], plausible: list[str]) -> str:
    if not value:
        return "missing" if stated else "none"
    if not stated:
        return "WRONG"
    days = {d[:10] for d in stated + plausible}
    if len(value) >= 10 and value[:10] in days:
        return "correct"
    if len(value) >= 10:
        return "WRONG"  # a day was given: it must be the day
    prefixes = {d[:len(value)] for d in days}
    return "partial" if value in prefixes else "WRONG"


def _publisher_key(name: str) -> str:
    return re.sub(r"[^\w]", "", _PUBLISHER_NOISE.sub(" ", name.lower()))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() != "the").lower()


def publisher_matches(value: str, stated: list[str], aliases: list[str]) -> bool:
    given = _publisher_key(value)
    if not given:
        return False
    for name in stated:
        key = _publisher_key(name)
        if key and (key in given or given in key):
            return True
        compact = re.sub(r"[^\w]", "", value.lower())
        if len(compact) >= 2 and (compact == _initials(name) or re.sub(r"[^\w]", "", name.lower()) == _initials(value)):
            return True
    return any(_publisher_key(a) == given for a in aliases if _publisher_key(a))


def score_publisher(value: str | None, republished_by: str | None, stated: list[str],
                    aliases: list[str]) -> str:
    if not value and not republished_by:
        return "missing" if stated else "none"
    if not stated:
        return "WRONG"
    given = [v for v in (value, republished_by) if v]
    return "correct" if any(publisher_matches(v, stated, aliases) for v in given) else "WRONG"


def _name_words(name: str) -> list[str]:
    return [w for w in _norm(name).split() if w]


def score_author(value: str | None, stated: list[str]) -> str:
    if not value:
        return "missing" if stated else "none"
    if not stated:
        return "WRONG"
    given = set(_name_words(value))
    for name in stated:
        person = _name_words(_AFFILIATION.sub("", name.strip()) or name)
        if person and set(person) <= given:
            return "correct"
        if len(given) >= 2 and given <= set(person):
            return "correct"
    return "WRONG"


def score_page(result: dict, gold: dict, page: str = "") -> PageScore:
    """One page's read-out (a `builder explain --json` dict) against its gold record."""
    tp, fp, fn = body_match(gold.get("body", ""), body_text(result))
    fields = {
        "title": score_title(result.get("title"), result.get("title_origin"), gold.get("title", [])),
        "date": score_date(result.get("date"), gold.get("date", []), gold.get("date_plausible", [])),
        "publisher": score_publisher(result.get("publisher"), result.get("republished_by"),
                                     gold.get("publisher", []), gold.get("publisher_aliases", [])),
        "author": score_author(result.get("author"), gold.get("author", [])),
    }
    values = {name: result.get(name) for name in FIELDS}
    return PageScore(page, tp, fp, fn, fields, values, stated=_stated(gold))


def _stated(gold: dict) -> frozenset[str]:
    return frozenset(name for name in FIELDS if gold.get(name))


def failed_page(gold: dict, page: str, error: str) -> PageScore:
    """A page the builder could not read: nothing kept, every stated field missing."""
    tp, fp, fn = body_match(gold.get("body", ""), "")
    fields = {name: ("missing" if gold.get(name) else "none") for name in FIELDS}
    return PageScore(page, tp, fp, fn, fields, {}, error=error, stated=_stated(gold))
