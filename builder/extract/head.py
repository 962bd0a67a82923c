"""The lines above the article: masthead, headline, standfirst, captions.

Title cascade: the headline line above the first paragraph (kickers, section
names and captions are already claimed), else a short title cut from the lead
sentence (origin "lead").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import title
from builder.extract.headline_cues import bare_name
from builder.extract.dateline import read_dateline
from builder.extract.lines import Mark, Sheet, is_paragraph_like
from builder.extract.rules import Rules
from builder.extract.text import (
    ends_sentence, first_sentence, is_title_case, sentence_count, starts_lowercase, word_count,
)

_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|\s[—–-]{1,2})\s")
_CUT_WORDS = frozenset("a an and as at by for from in into of on or that the to which who with whose "
                       "after amid over under while".split())
CAPTION_PHRASE_CHARS = 300  # caption wording is searched for near the start of a line


SHORT_HEADLINE_MIN_WORDS = 2  # a one-word line above the article is a section name
SHORT_LINE_REASON = "section-name"  # why a line too short for a headline above it was removed
HEAD_BYLINE_MAX_WORDS = 5  # "Jane Smith in Seoul"; longer lines are not bare bylines
LABEL_REPEATS = 5  # a short line printed this often on the page is a label ("Main Course"), not a name


@dataclass(frozen=True)
class Head:
    title: str | None = None
    summary: str | None = None
    masthead: str | None = None
    title_at: int | None = None
    candidates: tuple[title.Candidate, ...] = ()


def _head_region(sheet: Sheet) -> list[int]:
    """Indexes of non-blank lines above the first paragraph (a long line or a wrapped block)."""
    region = []
    for i, line in enumerate(sheet.lines):
        if not line:
            continue
        if sheet.free(i) and (is_paragraph_like(line) or _wraps_on(sheet, i)):
            break
        region.append(i)
    return region


def _wraps_on(sheet: Sheet, i: int) -> bool:
    """The line's sentence goes on in the next line (hard-wrapped text)."""
    following = i + 1
    return (following < len(sheet.lines) and sheet.free(following)
            and (starts_lowercase(sheet.lines[following]) or sheet.lines[i].endswith((",", "-"))))


def _is_headline(line: str, rules: Rules) -> bool:
    count = word_count(line)
    limits = rules.limits
    if not limits["headline_min_words"] <= count <= limits["headline_max_words"]:
        return False
    return not ends_sentence(line) or line.endswith(("?", "!", "?\"", "?”"))


def clean_title(line: str, rules: Rules) -> str:
    """Strip wire version tags such as "(LEAD)" or "UPDATE 2-" from the front."""
    while (match := rules.title_tags.match(line)) and match.end() > 0:
        line = line[match.end():].strip()
    return line.strip()


def read_head(sheet: Sheet, rules: Rules, start: int | None = None) -> Head:
    """Claim masthead, head captions, the headline (and its repeat) and the standfirst.

    With the article's first line `start` known, the headline is chosen among the lines
    of the head window above it (title.py); otherwise the first headline-shaped line
    above the first paragraph is taken."""
    if start is None:
        return _first_headline(sheet, rules)
    region = _window(sheet, start, rules.extent["head_lines"])
    masthead = _claim_masthead_and_captions(sheet, region + _before_paragraph(sheet, start), rules)
    best, considered = title.choose(sheet, region, start, rules)
    if best is None:
        return Head(masthead=masthead, candidates=tuple(considered))
    title_at = best.index
    sheet.marks[title_at] = Mark("title", "title")
    _claim_title_repeat(sheet, title_at, rules)
    after = [i for i in region if i > title_at] + ([start] if start > title_at else [])
    _claim_head_bylines(sheet, after, title_at, rules)
    return Head(title=clean_title(sheet.lines[title_at], rules) or None,
                summary=_standfirst(sheet, title_at, rules), masthead=masthead,
                title_at=title_at, candidates=tuple(considered))


def _window(sheet: Sheet, start: int, size: int) -> list[int]:
    """The non-blank lines just above `start` (at most `size`), top to bottom."""
    region, counted = [], 0
    for i in range(start - 1, -1, -1):
        if not sheet.lines[i]:
            continue
        region.append(i)
        mark = sheet.marks[i]
        counted += mark is None or mark.dest != "removed"  # share bars and widgets do not push the headline out
        if counted >= size:
            break
    return sorted(region)


def _before_paragraph(sheet: Sheet, start: int) -> list[int]:
    """The article's lines from `start` up to its first paragraph-like line."""
    found = []
    for i in range(start, len(sheet.lines)):
        if sheet.free(i) and is_paragraph_like(sheet.lines[i]):
            break
        if sheet.lines[i]:
            found.append(i)
    return found


def _claim_masthead_and_captions(sheet: Sheet, region: list[int], rules: Rules) -> str | None:
    masthead = None
    for i in region:
        line = sheet.lines[i]
        if not sheet.free(i):
            continue
        if line.lower() in rules.alias_index and masthead is None:
            masthead = rules.alias_index[line.lower()]
            sheet.marks[i] = Mark("evidence", "publisher")
        elif rules.caption_phrase.search(line[:CAPTION_PHRASE_CHARS]):
            sheet.marks[i] = Mark("caption", "caption")
    return masthead


def _first_headline(sheet: Sheet, rules: Rules) -> Head:
    title, title_at = None, None
    region = _head_region(sheet)
    masthead = _claim_masthead_and_captions(sheet, region, rules)
    for i in region:
        line = sheet.lines[i]
        if not sheet.free(i):
            continue
        if title is None and _is_headline(line, rules):
            title, title_at = clean_title(line, rules), i
            sheet.marks[i] = Mark("title", "title")
        elif title is None and word_count(line) < rules.limits["headline_min_words"]:
            sheet.marks[i] = Mark("removed", SHORT_LINE_REASON)
    if title_at is None:
        title_at = _short_headline(sheet, region, rules)
        title = clean_title(sheet.lines[title_at], rules) if title_at is not None else None
    if title_at is None:
        return Head(masthead=masthead)
    _claim_title_repeat(sheet, title_at, rules)
    _claim_head_bylines(sheet, region, title_at, rules)
    return Head(title=title or None, summary=_standfirst(sheet, title_at, rules), masthead=masthead,
                title_at=title_at)


def _short_headline(sheet: Sheet, region: list[int], rules: Rules) -> int | None:
    """With no headline found, a short line of two words or more right above the first
    paragraph is the headline ("Rally in Seoul"), not a section name."""
    if not region:
        return None
    last = region[-1]
    mark = sheet.marks[last]
    if mark is None or mark.reason not in {SHORT_LINE_REASON, *rules.headline_reasons} or word_count(sheet.lines[last]) < SHORT_HEADLINE_MIN_WORDS:
        return None
    if sheet.next_nonblank(last) is None:
        return None
    sheet.marks[last] = Mark("title", "title")
    return last


def _claim_title_repeat(sheet: Sheet, title_at: int, rules: Rules) -> None:
    following = sheet.next_nonblank(title_at)
    if following is None:
        return
    same = clean_title(sheet.lines[following], rules) == clean_title(sheet.lines[title_at], rules)
    mark = sheet.marks[following]
    if same and (mark is None or mark.reason == "repeated-line"):
        sheet.marks[following] = Mark("evidence", "title")


def _claim_head_bylines(sheet: Sheet, region: list[int], title_at: int, rules: Rules) -> None:
    """Below the headline, a bare name line is the byline ("Jane Smith in Seoul"), and the
    line right under a byline naming the author's outlet or post is byline evidence too."""
    previous = title_at
    for i in (k for k in region if k > title_at):
        line = sheet.lines[i]
        if sheet.free(i) and word_count(line) <= HEAD_BYLINE_MAX_WORDS:
            mark = sheet.marks[previous]
            if mark == Mark("evidence", "author") and rules.byline_affiliations.match(line):
                sheet.marks[i] = Mark("evidence", "author")
            elif sheet.lines.count(line) < LABEL_REPEATS and (name := bare_name(line, rules)):
                sheet.signals.bylines.append((i, name))
                sheet.signals.bylines.sort()
                sheet.marks[i] = Mark("evidence", "author")
        previous = i


def _standfirst(sheet: Sheet, title_at: int, rules: Rules) -> str | None:
    """One sentence under the headline, set apart from the first paragraph."""
    candidate = _next_free(sheet, title_at)
    if candidate is None:
        return None
    line = sheet.lines[candidate]
    if word_count(line) > rules.limits["standfirst_max_words"] or sentence_count(line) > 1:
        return None
    if line.rstrip().endswith(":"):  # it introduces what follows ("..., the director said:"): the lead
        return None
    after = _next_free(sheet, candidate)
    claimed_between = after is not None and any(  # a byline, date or photo sets it apart
        sheet.marks[k] is not None and sheet.marks[k].dest != "removed" for k in range(candidate + 1, after))
    no_full_stop = not ends_sentence(line) and not is_title_case(line) and word_count(line) >= 6
    # A lead that opens with a wire dateline sets the line above it apart as the standfirst.
    dateline_follows = after is not None and read_dateline(sheet.lines[after], rules) is not None
    if after is not None and (claimed_between or no_full_stop or dateline_follows) and not _starts_with_dateline(line):
        sheet.marks[candidate] = Mark("evidence", "summary")
        return line
    return None


def _starts_with_dateline(line: str) -> bool:
    head = line[:60]
    return bool(re.match(r"[A-Z][A-Z .,'’-]{2,}\s*(?:\(|,|--|—|–)", head))


def _next_free(sheet: Sheet, start: int) -> int | None:
    for j in range(start + 1, len(sheet.lines)):
        if sheet.free(j):
            return j
    return None


def title_from_lead(lead: str, rules: Rules) -> str:
    """A short title cut from the lead's first sentence at a clause or word boundary."""
    sentence = first_sentence(lead).rstrip(".!?;:,\"”’ ")
    limit = rules.limits["title_max_chars"]
    if len(sentence) <= limit:
        return sentence
    clauses = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, 0, limit + 1) if m.start() >= 30]
    if clauses:
        return sentence[: clauses[0]].rstrip()
    return _cut_at_word(sentence[: limit + 1], limit)


def _cut_at_word(text: str, limit: int) -> str:
    tokens = text[:limit].split(" ")
    if len(text) > limit and not text[limit:limit + 1].isspace():
        tokens = tokens[:-1]  # a word cut in half
    for end in range(len(tokens) - 1, 2, -1):
        kept = " ".join(tokens[:end])
        if tokens[end].lower() in _CUT_WORDS and len(kept) >= limit // 2:
            return kept.rstrip(",;:")
    return " ".join(tokens).rstrip(",;:")
