"""Line classification: every line gets a fate before paragraphs are built.

A `Sheet` holds the lines and, per line, a `Mark` naming where it went (title,
evidence, caption, removed) with the rule that sent it there; unmarked lines are
article text. Signals found on the way (outlets, names, dates) are collected for
the field cascades in the other modules.
"""
from __future__ import annotations

import re

from builder.extract import dates
from builder.extract.endings import boilerplate_plan, chrome_plan, credit_pattern
from builder.extract.rules import Rules
from builder.extract.screens import all_matches, first_match, screens
from builder.extract.sheet import Mark, Sheet
from builder.extract.text import ends_sentence, word_count

SEPARATORS = frozenset("- – — | • · * ● ■ ▶ ▲ = _".split())
_ALT_TEXT = re.compile(r"[a-z][a-z ]*")
_POSSESSIVE = re.compile(r"[’']s$")
_EMAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_HOLDER_YEAR = re.compile(r"(?:19|20)\d\d|all rights reserved", re.I)  # a site's copyright notice dates itself
_UPDATED_IN_LINE = re.compile(r"\b(?:last )?(?:updated|modified)\b", re.I)
_COMPANY_SUFFIX = re.compile(r",?\s+(?:inc|llc|ltd|plc|corp|gmbh|pty)\b\.?", re.I)
BYLINE_MAX_CHARS = 150
PARAGRAPH_MIN_CHARS = 300  # a line this long is article text, whatever its shape
TRAILER_REASON = "related-headlines"
CAPTION_TAIL_CHARS = 160
CHROME_LINE_MAX_CHARS = 250  # lines naming the outlet (copyright, follow, sign-up) are short  # trailing credits are searched for in a line's last characters


def is_paragraph_like(line: str) -> bool:
    if len(line) >= PARAGRAPH_MIN_CHARS:
        return True
    count = word_count(line)
    return count >= 40 or (count >= 15 and ends_sentence(line))


def looks_like_person(name: str, rules: Rules) -> bool:
    return not any(w.lower().strip(".,") in rules.outlet_words for w in name.split())


def _claim_metadata(sheet: Sheet, i: int, rules: Rules) -> Mark | None:
    """Attribution, social byline, byline and date lines become evidence."""
    line, signals = sheet.lines[i], sheet.signals
    if match := first_match(rules.attribution, screens(rules)["attribution"], line):
        signals.attribution.append(match["outlet"].rstrip(". "))
        return Mark("evidence", "publisher")
    follow = rules.social_follow.match(line)
    if follow and looks_like_person(follow["name"], rules):
        signals.follows.append(follow["name"])
        return Mark("evidence", "author")
    if len(line) <= BYLINE_MAX_CHARS and (name := _byline_name(line, rules)):
        signals.bylines.append((i, name))
        before_update = _UPDATED_IN_LINE.split(line, 1)[0]  # "By Jo Lee Updated May 4": not published then
        if date := dates.find_date(before_update, rules, signals.order):
            signals.dates.append((i, date, True))
        elif date := dates.find_date(line, rules, signals.order):
            signals.dates.append((i, date, False))
        return Mark("evidence", "author")
    if parsed := dates.parse_date_line(line, rules, signals.order):
        signals.dates.append((i, parsed[0], parsed[1]))
        return Mark("evidence", "date")
    return None


def _byline_name(line: str, rules: Rules) -> str | None:
    if match := first_match(rules.bylines, screens(rules)["bylines"], line):
        return match["name"]
    if word_count(line) <= 8:
        for pattern in rules.organisation_bylines:
            if match := pattern.match(line):
                return match["outlet"]
    return None


def _claim_boilerplate(line: str, run: set[str], rules: Rules) -> tuple[str, bool] | None:
    """(rule name, ends_article) for a boilerplate line; `run` holds the groups in the current run."""
    for rule, pattern in boilerplate_plan(rules, line):  # the first group that matches (one by one runs
        if pattern.match(line):                           # faster than all joined), less what cannot end the line
            return rule.name, rule.ends_article
    for rule in rules.boilerplate:
        if rule.name in run and rule.continues is not None and rule.continues.match(line):
            return rule.name, False
    return None


def _claim_caption(line: str, rules: Rules) -> bool:
    if rules.caption_leading.match(line) or ((credit := credit_pattern(rules, line)) and credit.match(line)):
        return True
    tail = line[-CAPTION_TAIL_CHARS:]
    # Every trailing credit sits after a bracket, a bar, a colon or a slash: skip tails without one.
    return any(c in tail for c in "([|:/") and bool(rules.caption_trailing.search(tail))


def undoubled(line: str) -> str:
    """"Search the SiteSearch the Site" -> "Search the Site": a label pasted twice (a hidden copy)."""
    half = len(line) // 2
    return line[:half] if len(line) % 2 == 0 and half >= 4 and line[:half] == line[half:] else line


def _collect_outlets(line: str, sheet: Sheet, rules: Rules) -> None:
    if len(line) > CHROME_LINE_MAX_CHARS:
        return  # a paragraph, not a line of the page's chrome
    line = undoubled(line)
    for pattern in chrome_plan(rules, line):  # no screen: joined, these take longer than one by one
        if match := pattern.match(line):
            name = match["outlet"].removeprefix("the ")  # "Search the Site": a lowercase "the" is not in the name
            sheet.signals.chrome.append(_POSSESSIVE.sub("", name.rstrip(".,;: ")))
    for match in all_matches(rules.copyright_outlets, screens(rules)["copyright_outlets"], line):
        if not _photo_credit(line, match["outlet"], rules):
            suffix = _COMPANY_SUFFIX.match(line, match.end())  # ", LLC", " Inc.": the owner company
            holder = match["outlet"] + (suffix[0] if suffix else "")
            sheet.signals.copyright.append(_POSSESSIVE.sub("", holder.rstrip(".,;: ")))
    for domain in _EMAIL_DOMAIN.findall(line):
        sheet.signals.domains.append(domain.lower())


def _photo_credit(line: str, holder: str, rules: Rules) -> bool:
    """"© Jo Lee", "© AGENCY / POOL": a copyright line without a year naming a person or a
    wire agency is a photo's credit, not the site's own notice."""
    if _HOLDER_YEAR.search(line):
        return False
    bare = holder.lower().removeprefix("the ")
    person = 2 <= len(holder.split()) <= 3 and looks_like_person(holder, rules)
    return person or "/" in line or bare in rules.agency_index


def _first_pass(sheet: Sheet, rules: Rules) -> None:
    """Claim metadata, boilerplate and caption lines; end the article at an end marker."""
    limit = rules.limits["rule_max_chars"]
    later_paragraph = _paragraph_after(sheet.lines)
    run: set[str] = set()
    trailer, body_started = False, False
    for i, line in enumerate(sheet.lines):
        if not line:
            continue
        if len(line) > limit:
            run, body_started = set(), True
            continue
        _collect_outlets(line, sheet, rules)
        claimed = _claim_line(sheet, i, run, rules)
        if claimed is None and trailer:
            claimed = Mark("removed", TRAILER_REASON), False
        if claimed is None:
            run = set()
            body_started = body_started or is_paragraph_like(line)
            continue
        mark, ends = claimed
        sheet.marks[i] = mark
        run = run | {mark.reason} if mark.dest == "removed" else set()
        if ends and body_started and (mark.reason in rules.story_end_reasons or not later_paragraph[i]):
            trailer = True


def _claim_line(sheet: Sheet, i: int, run: set[str], rules: Rules) -> tuple[Mark, bool] | None:
    line = sheet.lines[i]
    if mark := _claim_metadata(sheet, i, rules):
        return mark, False
    short = len(line) <= rules.limits["boilerplate_max_chars"]
    if short and (found := _claim_boilerplate(line, run, rules)):
        return Mark("removed", found[0]), found[1]
    if _claim_caption(line, rules):
        return Mark("caption", "caption"), False
    return None


def _paragraph_after(lines: list[str]) -> list[bool]:
    """For each line: does a paragraph-like line follow it anywhere below? (one pass)"""
    result, seen = [False] * len(lines), False
    for i in range(len(lines) - 1, -1, -1):
        result[i] = seen
        seen = seen or is_paragraph_like(lines[i])
    return result


def _trailing_list(sheet: Sheet, rules: Rules) -> None:
    """A closing run of headline-like lines (separators and repeats allowed) is not the article."""
    run: list[int] = []
    headlines = 0
    for i in range(len(sheet.lines) - 1, -1, -1):
        line = sheet.lines[i]
        if not line or (sheet.marks[i] is not None and sheet.marks[i].dest == "removed"):
            continue
        if sheet.marks[i] is not None:
            break
        if line in SEPARATORS:
            run.append(i)
        elif len(line) <= 200 and not ends_sentence(line) and word_count(line) >= 2:
            run.append(i)
            headlines += 1
        else:
            break
    if headlines >= rules.limits["trailing_list_min_lines"]:
        for i in run:
            sheet.marks[i] = Mark("removed", TRAILER_REASON)


def _alt_text(sheet: Sheet, rules: Rules) -> None:
    """Short lowercase word runs just above a photo credit are image alt text."""
    previous: int | None = None
    for i, line in enumerate(sheet.lines):
        if not line:
            continue
        mark = sheet.marks[i]
        if (mark is not None and mark.dest == "caption" and previous is not None
                and sheet.free(previous) and _is_alt_text(sheet.lines[previous], rules)):
            sheet.marks[previous] = Mark("caption", "alt-text")
        previous = i


def _is_alt_text(line: str, rules: Rules) -> bool:
    return bool(_ALT_TEXT.fullmatch(line)) and word_count(line) <= rules.alt_text_max_words


def _repeats(sheet: Sheet) -> None:
    """A caption printed twice is one caption; any other line printed twice is kept once."""
    previous: int | None = None
    for i, line in enumerate(sheet.lines):
        if not line:
            continue
        if previous is not None and _same_text(sheet.lines[previous], line):
            _merge_repeat(sheet, previous, i)
        previous = i


def _same_text(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 30 and longer.startswith(shorter)


def _merge_repeat(sheet: Sheet, first: int, second: int) -> None:
    marks = sheet.marks
    both_captions = all(m is not None and m.dest == "caption" for m in (marks[first], marks[second]))
    if marks[first] is not None and marks[second] is not None and not both_captions:
        return
    is_caption = any(m is not None and m.dest == "caption" for m in (marks[first], marks[second]))
    keep, drop = sorted((first, second), key=lambda k: len(sheet.lines[k]), reverse=True)
    if is_caption:
        marks[keep], marks[drop] = Mark("caption", "caption"), Mark("removed", "caption-repeat")
    elif marks[first] is None and marks[second] is None:
        marks[second] = Mark("removed", "repeated-line")


def classify(text: str, rules: Rules) -> Sheet:
    """Split text into stripped lines and mark every line some rule claims."""
    lines = [line.strip() for line in text.split("\n")]
    sheet = Sheet(lines=lines, marks=[None] * len(lines))
    sheet.signals.text = text
    _first_pass(sheet, rules)
    _trailing_list(sheet, rules)
    _alt_text(sheet, rules)
    _repeats(sheet)
    return sheet
