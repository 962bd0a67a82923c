"""Where the article lies in a pasted page: its first and last line, with the reasons.

Every non-blank line gets a weight from evidence that adds up, and the article is the
stretch of lines whose weights sum highest (one pass, as body-text extractors do with
the DOM):

- running text (a full sentence, enough words, or a long line) weighs its word count;
  a line of CJK text with no spaces counts its characters as words;
- a short line that is not running text (menus, teaser headlines, tag lists) costs;
- a line some rule removed costs, a list title ("Most popular") costs more;
- a numbered list that a sentence ending in a colon introduces ("Here are the best
  deals:" then "1) ...", "2) ...") is the article's, each item weighing as a short sentence;
- the rows of a table (three or more tab-separated lines with as many cells) cost
  nothing: standings and price tables sit inside articles;
- captions, bylines and dates cost nothing: they sit inside articles; so does a
  dash-led credit under a quote or an embedded post ("— Jo Lee (@jolee) May 4, 2019");
- a line printed again elsewhere in the page is chrome (teasers, share texts);
- a sentence set between a teaser headline and another short line is a teaser summary
  and counts for less, unless the list's paragraphs are longer than summaries ever are
  (a review's items under their names and prices);
- below a comment thread's start or the page's copyright notice, text counts for less
  (readers' comments; a cookie or sign-up dialog).

Inside the extent, a run of short lines (an inline teaser list) is removed later by
the caller; above it, the head cluster (headline, standfirst, byline, date) is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract.dateline import read_dateline
from builder.extract.lines import Mark, Sheet
from builder.extract.paragraphs import WRAP_SLACK, body_blocks, is_credit, wrap_width
from builder.extract.rules import Rules
from builder.extract.shapes import introduced_list, is_item, repeated_lines, runs, table_rows
from builder.extract.text import ends_sentence, starts_lowercase, word_count

_ALNUM = re.compile(r"[^\W_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_SENTENCE_END = ("。", "！", "？", "다.", "요.", "」", "』", "”")
LINK_ROW_BARS = 3  # bars between links in one pasted line of a menu or footer
TEASER_MAX_WORDS = 45  # a teaser's summary is shorter; a list of longer paragraphs is the article's
TEASER_RUN_GAP = 6  # rows from one summary to the next in a list
REVIEW_MIN_ITEMS = 4
SHORT_SENTENCE_MIN_WORDS = 3  # "Nobody was hurt." is a sentence, not a menu line
COPYRIGHT_REASON = "copyright"  # the page's copyright notice: the page's foot
POST_MIN_WORDS = 40  # running text needed before a second post's head to end the article there
STOP = -1e9  # no article runs across a comment thread's start
WRAP_MIN_WIDTH = 50  # narrower "wrapping" is a column of menu lines
WRAPPED_MIN_WORDS = 6  # a hard-wrapped line holds this many words at least
WRAPPED_LINE = 0.01  # a hard-wrapped paragraph's later lines (its first line carries its weight)


@dataclass(frozen=True)
class Extent:
    first: int  # index of the article's first line
    last: int  # index of its last line
    why_first: str
    why_last: str
    rows: tuple[tuple[int, float, str], ...] = ()  # (line, weight, kind) of every non-blank line


@dataclass(frozen=True)
class Weights:
    """The evidence weights (from extraction.yml `extent`)."""

    short_line: float
    removed_line: float
    list_title: float
    teaser_share: float
    prose_min_words: int
    prose_cap_words: int


def weights(rules: Rules) -> Weights:
    e = rules.extent
    return Weights(e["short_line_cost"], e["removed_line_cost"], e["list_title_cost"],
                   e["teaser_share"], e["prose_min_words"], e["prose_cap_words"])


def effective_words(line: str) -> int:
    """Words, counting each CJK character as half a word (Japanese and Chinese have no spaces)."""
    if line.isascii():
        return word_count(line)
    cjk = len(_CJK.findall(line))
    return max(word_count(line), cjk // 2) if cjk else word_count(line)


def is_running_text(line: str, w: Weights) -> bool:
    """A line of the article's own prose: a finished sentence of some length, or a long line
    (not a row of links: "A | B | C | D")."""
    if line.count(" | ") >= LINK_ROW_BARS:
        return False
    count = effective_words(line)
    if count >= 2 * w.prose_min_words + 5:
        return True
    if count < w.prose_min_words:
        return False
    return ends_sentence(line) or line.rstrip().endswith(_CJK_SENTENCE_END) or line.rstrip().endswith((":", ";", ".)", "\")"))


def _wrapped_units(sheet: Sheet, rules: Rules) -> dict[int, str]:
    """Hard-wrapped paragraphs joined: first line index -> the paragraph's text; the
    other lines of the paragraph map to "". A line wraps on into the next when the next
    starts in lower case, it ends in a comma or hyphen, or it fills the wrap width
    (unless the next line opens with a wire dateline: then a paragraph starts there)."""
    widths: list[int | None] = []  # the wrap width, measured when first needed

    def fills_width(previous: str) -> bool:
        if not widths:
            width = wrap_width(body_blocks(sheet))
            widths.append(width if width is not None and width >= WRAP_MIN_WIDTH else None)
        return widths[0] is not None and len(previous) >= widths[0] - WRAP_SLACK

    units: dict[int, str] = {}
    head = None
    for i, line in enumerate(sheet.lines):
        previous = sheet.lines[i - 1] if i else ""
        joins = (head is not None and sheet.free(i) and sheet.free(i - 1)
                 and word_count(previous) >= WRAPPED_MIN_WORDS
                 and (starts_lowercase(line) or previous.endswith((",", "-"))
                      or (fills_width(previous) and read_dateline(line, rules) is None)))
        if joins:
            units[head] += " " + line
            units[i] = ""
        elif sheet.free(i):
            head, units[i] = i, line
        else:
            head = None
    return units


def line_weights(sheet: Sheet, rules: Rules) -> list[tuple[int, float, str]]:
    """(line index, weight, kind) for every non-blank line."""
    w = weights(rules)
    repeated = repeated_lines(sheet)
    table = table_rows(sheet)
    items = introduced_list(sheet, lambda line: line.endswith(":") and is_running_text(line, w))
    units = _wrapped_units(sheet, rules)
    rows: list[tuple[int, float, str]] = []
    for i, raw in enumerate(sheet.lines):
        if not raw:
            continue
        line = units.get(i, raw)
        if not line:
            rows.append((i, WRAPPED_LINE, "wrapped"))
            continue
        mark = sheet.marks[i]
        if not _ALNUM.search(line):
            rows.append((i, 0.0, "rule"))  # "---", "***": a rule between parts, not chrome
        elif mark is not None:
            if mark.dest == "removed" and mark.reason in rules.stop_reasons:
                rows.append((i, STOP, "stop"))
            elif mark.dest == "removed" and mark.reason == COPYRIGHT_REASON:
                rows.append((i, -w.removed_line, "copyright"))
            elif mark.dest == "removed":
                kind = "list-title" if mark.reason in rules.list_title_reasons else "chrome"
                rows.append((i, -(w.list_title if kind == "list-title" else w.removed_line), kind))
            else:
                rows.append((i, 0.0, mark.dest))
        elif is_running_text(line, w):
            rows.append((i, float(min(effective_words(line), w.prose_cap_words)), "text"))
        elif is_credit(line):
            rows.append((i, 0.0, "credit"))
        elif i in table:
            rows.append((i, 0.0, "table"))
        elif i in items:
            rows.append((i, word_count(line) / 2 if is_item(line) else 0.0, "item"))
        elif ends_sentence(line) and (count := word_count(line)) >= SHORT_SENTENCE_MIN_WORDS:
            rows.append((i, count / 2, "sentence"))
        else:
            rows.append((i, -w.short_line, "repeated" if i in repeated else "short"))
    _discount_teasers(rows, w)
    _discount_comments(rows, w)
    return rows


def _discount_comments(rows: list[tuple[int, float, str]], w: Weights) -> None:
    """Below a comment thread's start that follows running text, the text is readers' comments;
    below the page's copyright notice, it is a dialog's (cookies, sign-up): it counts for less,
    so it does not outweigh the article above it."""
    seen = 0.0
    for n, (index, weight, kind) in enumerate(rows):
        if kind in ("stop", "copyright") and seen >= POST_MIN_WORDS:
            rows[n + 1:] = [(i, wt * w.teaser_share if wt > 0 else wt, k) for i, wt, k in rows[n + 1:]]
            return
        seen += max(weight, 0.0)


def _discount_teasers(rows: list[tuple[int, float, str]], w: Weights) -> None:
    """Sentences each set between a short line above and a short or removed line below
    are teaser summaries, when the page has a list of them (two or more)."""
    teasers = [n for n in range(1, len(rows) - 1)
               if rows[n][2] == "text" and rows[n - 1][2] in ("short", "repeated")
               and rows[n + 1][2] not in ("text", "caption", "wrapped", "sentence", "credit")]
    if len(teasers) < 2:
        return
    for run in runs(teasers, TEASER_RUN_GAP):
        if len(run) >= REVIEW_MIN_ITEMS and sorted(rows[n][1] for n in run)[len(run) // 2] > TEASER_MAX_WORDS:
            continue  # paragraphs longer than summaries ever are: a review's items, not teasers
        for n in run:
            index, weight, _ = rows[n]
            rows[n] = (index, weight * w.teaser_share, "teaser?")


def locate(sheet: Sheet, rules: Rules) -> Extent | None:
    """The stretch of lines whose weights sum highest (None when no line is running text)."""
    rows = line_weights(sheet, rules)
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for n, (_, weight, _) in enumerate(rows):
        if total <= 0:
            total, start = 0.0, n
        total += weight
        if total > best or (total == best > 0 and weight > 0):  # a tie: the longer stretch
            best, best_span = total, (start, n)
    if best_span is None:
        return None
    first, last = _first_post(rows, *best_span)
    while last + 1 < len(rows) and rows[last + 1][2] == "credit":
        last += 1  # the credit under the last quote or embedded post
    return Extent(rows[first][0], rows[last][0], _why_first(rows, first), _why_last(rows, last), tuple(rows))


def _first_post(rows: list[tuple[int, float, str]], first: int, last: int) -> tuple[int, int]:
    """A headline line with a byline or date right under it, inside the stretch after some
    running text, starts another post (a blog page, a live page of several stories): the
    article ends before it, unless what lies before it is too little to be the article."""
    seen = 0.0
    for n in range(first, last):
        _, weight, kind = rows[n]
        if kind == "short" and rows[n + 1][2] == "evidence" and seen >= POST_MIN_WORDS:
            end = max(k for k in range(first, n) if rows[k][1] > 0)
            return first, end
        seen += max(weight, 0.0)
    return first, last


def _describe(rows: list[tuple[int, float, str]]) -> str:
    counts: dict[str, int] = {}
    for _, _, kind in rows:
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: -kv[1])) or "nothing"


def _why_first(rows: list[tuple[int, float, str]], first: int) -> str:
    above = rows[max(0, first - 12):first]
    if first == 0:
        return "the page's first line"
    return f"running text starts here; above it: {_describe(above)} (last 12 lines)"


def _why_last(rows: list[tuple[int, float, str]], last: int) -> str:
    below = rows[last + 1:]
    if not below:
        return "the page's last line"
    stop = next((r for r in below if r[2] == "stop"), None)
    if stop is not None and all(r[1] <= 0 for r in below[:below.index(stop)]):
        return f"a comment thread starts at line {stop[0] + 1}"
    gain = sum(weight for _, weight, _ in below[:40])
    return f"below it the lines never outweigh their cost (next 40 lines sum to {gain:.0f}: {_describe(below[:40])})"


OUTSIDE_REASON = "outside-article"
STANDFIRST_REASON = "summary"
INLINE_LIST_REASON = "inline-list"


def confine(sheet: Sheet, extent: Extent, rules: Rules) -> str | None:
    """Remove the unclaimed lines outside the extent, and runs of short lines inside it;
    a line of text right above the byline at the extent's start is the standfirst (returned)."""
    for i, line in enumerate(sheet.lines):
        if (i < extent.first or i > extent.last) and sheet.free(i):
            sheet.marks[i] = Mark("removed", OUTSIDE_REASON)
    inside = [row for row in extent.rows if extent.first <= row[0] <= extent.last]
    standfirst = None
    if len(inside) > 2 and inside[0][2] == "text" and inside[1][2] == "evidence" and sheet.free(inside[0][0]):
        standfirst = sheet.lines[inside[0][0]]
        sheet.marks[inside[0][0]] = Mark("evidence", STANDFIRST_REASON)
    run: list[int] = []
    for i, _, kind in [*inside, (-1, 0.0, "end")]:
        if kind == "chrome":
            continue
        if kind in ("short", "repeated") and sheet.free(i):
            run.append(i)
            continue
        if len(run) >= rules.extent["inline_list_min_lines"]:
            for k in run:
                sheet.marks[k] = Mark("removed", INLINE_LIST_REASON)
        run = []
    return standfirst
