"""Choosing the headline among the lines above the article, with the reasons.

Candidates are the unclaimed headline-shaped lines of the head window (the lines just
above the article's first line) and the article's first line when it is headline-shaped.
Each gathers points from evidence: a byline or date right under it (the headline/byline
cluster), a repeat of it elsewhere in the page (the page's own title, share texts), its
length, its nearness to the article; it loses points inside a run of short menu lines.
Below `MIN_SCORE` no candidate is convincing and the caller derives a title from the lead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.extract import dates, headline_cues as cues
from builder.extract.extent import effective_words
from builder.extract.lines import Sheet, is_paragraph_like
from builder.extract.rules import Rules
from builder.extract.text import ends_sentence, sentence_count, word_count

# Evidence weights (points).
BASE = 3.0
BYLINE_BELOW = 4.0  # a byline or date line right below
BYLINE_NEAR_BELOW = 3.0  # a byline or date line within NEAR lines below
DECK = 4.0  # a longer headline-shaped line right below, set apart from the article (a deck)
FIRST_LINE = 1.5  # the text's first line
FIRST_LINE_MIN_WORDS = 2  # "Rally in Seoul" heading a clean text is its headline
FIRST_LINE_NEAR = 2  # ... when the article starts within this many lines below it
BYLINE_ABOVE = 2.0  # a byline or date line within NEAR lines above
NEAR = 3
REPEATED = 4.5  # printed again on the page (its repeat line, or inside a share or <title> text)
WORDS_PER_POINT = 3.5
WORD_POINTS_MAX = 4.0
DISTANCE = 0.5  # lost per line between the candidate and the article
IN_MENU = 4.0  # both neighbours are short unclaimed lines
LONG_HEADLINE = 1.5  # a headline this much longer than the line below it, with the byline under that: a deck
IN_LIST = 4.0  # two neighbours are headline-shaped too: one item of a teaser list
LABEL = 4.0  # printed as a whole line three times or more: a label of a repeated block
LINK_LABEL_REASONS = ("related-link", "promo")  # boilerplate groups of "See also", "Related:", "Video" lines
LIST_ITEM_MIN_WORDS = 6  # shorter headline-shaped lines are menu entries ("Account Settings Log Out")
MIN_SCORE = 5.0
CREDIT_REASONS = ("wire-credit",)  # "Jo Lee, Associated Press" under a headline: its byline
EXTENT_HEAD = 3  # the article's first lines may hold its headline (an extent that starts at a banner)
SENTENCE = 3.0  # lost by a headline that reads as a sentence or several ("Meth. We're on it.")
SENTENCES_MAX = 3
FAR_LINES = 500  # how far above the head window the article's own head is looked for
CLUSTER_BELOW = 2  # a byline or date this close below makes a sentence-shaped line a headline
MENU_NEIGHBOUR_MAX_WORDS = 4
_METADATA_WORDS = re.compile(r"(?:by|posted|published|updated|written|last updated|first published)\b", re.I)
_BULLETS = "*-•·»>›–—|#+~="
_LINK = re.compile(r"https?:|www\.|\.(?:com|org|net)/", re.I)
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
MAX_SEPARATORS = 1
DATED_LINE_MAX_WORDS = 15  # "Home | World | Asia" is a menu, not a headline


@dataclass(frozen=True)
class Candidate:
    index: int
    score: float
    reasons: tuple[str, ...]


def headline_shaped(line: str, rules: Rules, min_words: int | None = None) -> bool:
    count = effective_words(line)
    limits = rules.limits
    if not (min_words or limits["headline_min_words"]) <= count <= limits["headline_max_words"]:
        return False
    if ends_sentence(line) and not line.endswith(("?", "!", "?\"", "?”", "!\"", "!”")):
        return False  # a sentence, not a headline
    if line.count("|") > MAX_SEPARATORS or line[:1] in _BULLETS or sentence_count(line) > 1:
        return False  # a menu, a bulleted line or a standfirst of several sentences
    if _LINK.search(line) or _METADATA_WORDS.match(line):
        return False  # a link or a byline
    return not _DIGIT.search(line) or not (_CLOCK.search(line) or dates.find_date(line, rules))


def _neighbours(sheet: Sheet, index: int, step: int, count: int) -> list[int]:
    found, i = [], index + step
    while 0 <= i < len(sheet.lines) and len(found) < count:
        if sheet.lines[i]:
            found.append(i)
        i += step
    return found


def _is_metadata(sheet: Sheet, i: int, rules: Rules, names: bool = False) -> bool:
    """A byline or date line, a short unclaimed line holding a date ("21/06/2014 Jo Lee") or a
    time ("Monday 6:30PM"), or (with `names`) a bare name line under which a date or the name
    again follows."""
    mark = sheet.marks[i]
    if mark is not None:
        return (mark.dest == "evidence" and mark.reason in ("author", "date")) or mark.reason in CREDIT_REASONS
    line = sheet.lines[i]
    if word_count(line) > DATED_LINE_MAX_WORDS:
        return False
    if _METADATA_WORDS.match(line) or cues.is_time_stamp(line) or dates.find_date(line, rules, sheet.signals.order):
        return True
    return names and (cues.is_name_pair(line) or cues.byline_name_at(sheet, i, rules, lambda k: _is_metadata(sheet, k, rules)))


def _under_link_label(sheet: Sheet, above: list[int]) -> bool:
    """Right under "See also", "Related:", "Video" (a list title such as "Recommended" may head the story itself)."""
    mark = sheet.marks[above[0]] if above else None
    return mark is not None and mark.dest == "removed" and mark.reason in LINK_LABEL_REASONS


def _listed(sheet: Sheet, i: int, rules: Rules) -> bool:
    """An unclaimed headline-shaped line: two of them beside a candidate make a teaser list."""
    return sheet.free(i) and word_count(sheet.lines[i]) >= LIST_ITEM_MIN_WORDS and headline_shaped(sheet.lines[i], rules)


def _menu_line(sheet: Sheet, i: int, rules: Rules) -> bool:
    """A short unclaimed line that is not the headline's byline or date."""
    return (sheet.free(i) and word_count(sheet.lines[i]) <= MENU_NEIGHBOUR_MAX_WORDS
            and not _is_metadata(sheet, i, rules, names=True))


def _repeated_elsewhere(sheet: Sheet, index: int, page: str) -> bool:
    """Printed again right below (the headline's repeat) or inside a longer line (a share
    text, a "Headline | Site" line); a list item printed twice as a whole line is not."""
    line = sheet.lines[index]
    following = _neighbours(sheet, index, 1, 1)
    if following and sheet.lines[following[0]] == line:
        return True
    whole_lines = sum(1 for other in sheet.lines if other == line)
    return whole_lines < cues.LABEL_MIN_LINES and page.count(line) > whole_lines


def _has_deck(sheet: Sheet, index: int, above: list[int], below: list[int], start: int, rules: Rules) -> bool:
    """A headline-shaped line right below (longer, or followed by the byline), not the article's first line, and
    no headline-shaped line right above (that would make three: a teaser list)."""
    if not below or below[0] >= start or not sheet.free(below[0]):
        return False
    deck = sheet.lines[below[0]]
    following = _neighbours(sheet, below[0], 1, 1)
    if not headline_shaped(deck, rules) or (following and following[0] >= start):
        return False
    # A shorter line below is a deck only under a much longer headline, with the byline under it.
    if len(deck) <= len(sheet.lines[index]) and not (
            len(sheet.lines[index]) >= LONG_HEADLINE * len(deck) and following and _is_metadata(sheet, following[0], rules)):
        return False
    return not (above and _listed(sheet, above[0], rules))


def score(sheet: Sheet, index: int, start: int, page: str, rules: Rules) -> Candidate:
    line = sheet.lines[index]
    below, above = cues.plain_lines(sheet, index, 1, NEAR), cues.plain_lines(sheet, index, -1, NEAR - 1)
    listed = cues.in_repeating_list(sheet, index, start, rules, lambda text: headline_shaped(text, rules))
    points, reasons = _cluster_points(sheet, index, start, rules) if not listed else (BASE, [])
    if _repeated_elsewhere(sheet, index, page):
        points += REPEATED
        reasons.append("printed again on the page")
    if word_count(line) >= rules.limits["headline_min_words"] and _has_deck(sheet, index, above, below, start, rules):
        points += DECK
        reasons.append("a deck line below it")
    if not any(sheet.lines[:index]):
        points += FIRST_LINE
        reasons.append("the text's first line")
    words = min(word_count(line) / WORDS_PER_POINT, WORD_POINTS_MAX)
    points += words
    between = sum(1 for i in range(index + 1, start) if sheet.free(i) and not cues.is_counter(sheet.lines[i]))
    points -= DISTANCE * between  # claimed lines are the head cluster or chrome
    reasons.append(f"{word_count(line)} words, {between} lines above the article")
    if not headline_shaped(line, rules, FIRST_LINE_MIN_WORDS):  # its length is weighed apart
        points -= SENTENCE
        reasons.append("reads as a sentence")
    penalty, why = _list_penalty(sheet, index, below, above, start, rules, listed)
    if penalty:
        points -= penalty
        reasons.append(why)
    return Candidate(index, round(points, 2), tuple(reasons))


def _cluster_points(sheet: Sheet, index: int, start: int, rules: Rules) -> tuple[float, list[str]]:
    """The headline/byline cluster: a byline or date right below, near below (over share bars
    and widgets above the article), or above."""
    plain = cues.plain_lines(sheet, index, 1, NEAR)
    below = sorted(set(plain) | {i for i in cues.near_lines(sheet, index, 1, NEAR) if i < start})
    above = cues.plain_lines(sheet, index, -1, NEAR - 1)
    if plain[:1] and _is_metadata(sheet, plain[0], rules, names=True):
        return BASE + BYLINE_BELOW, ["byline or date right below it"]
    deck = next((i for i in plain if sheet.lines[i] != sheet.lines[index]), None)  # past the headline's repeat
    for i in below:
        if _is_metadata(sheet, i, rules, names=True):
            return BASE + BYLINE_NEAR_BELOW, ["byline or date below it"]
        if i != deck and sheet.free(i) and word_count(sheet.lines[i]) >= rules.limits["headline_min_words"]:
            break  # the byline further down belongs to that line (a deck right below shares it)
    if any(_is_metadata(sheet, i, rules) for i in above):
        return BASE + BYLINE_ABOVE, ["byline or date above it"]
    return BASE, []


def _list_penalty(sheet: Sheet, index: int, below: list[int], above: list[int], start: int, rules: Rules,
                  listed: bool) -> tuple[float, str]:
    """Points lost as a menu entry, a link, a label or one item of a list of headlines."""
    line = sheet.lines[index]
    if listed:
        return IN_LIST, "one item of a list of dated teasers of the same shape"
    if cues.printed_as_label(sheet, index):
        return LABEL, "printed as a line of its own three times or more (a label)"
    if below[:1] and above[:1] and _menu_line(sheet, below[0], rules) and _menu_line(sheet, above[0], rules):
        return IN_MENU, "inside a run of short menu lines"
    if _under_link_label(sheet, above):
        return IN_LIST, "a link to another story (under a link label)"
    if sum(1 for i in above[:2] + [k for k in below[:2] if k < start]
           if sheet.lines[i] != line and _listed(sheet, i, rules)) >= 2:
        return IN_LIST, "inside a list of headlines (teasers)"
    return 0.0, ""


def candidates(sheet: Sheet, region: list[int], start: int, rules: Rules) -> list[Candidate]:
    """Every headline-shaped unclaimed line of the head window, best first."""
    page = "\n".join(sheet.lines)
    first = next((i for i, line in enumerate(sheet.lines) if line), None)
    clean_top = first is not None and len(_neighbours(sheet, first, 1, FIRST_LINE_NEAR)) > 0 and \
        _neighbours(sheet, first, 1, FIRST_LINE_NEAR)[-1] >= start  # the article follows the first line closely
    indexes = [i for i in region if sheet.free(i) and headline_shaped(
        sheet.lines[i], rules, FIRST_LINE_MIN_WORDS if i == first and clean_top else None)]
    if start < len(sheet.lines) and sheet.free(start) and headline_shaped(sheet.lines[start], rules) \
            and sheet.lines[start].endswith(("?", "!")) and not is_paragraph_like(sheet.lines[start]):
        indexes.append(start)
    article_head = [start] + cues.plain_lines(sheet, start, 1, EXTENT_HEAD - 1) if start < len(sheet.lines) else []
    indexes += [i for i in region + article_head if i not in indexes and _heads_cluster(sheet, i, rules)]
    found = [score(sheet, i, start, page, rules) for i in indexes if not cues.is_name_pair(sheet.lines[i])]
    return sorted(found, key=lambda c: (-c.score, -c.index))


def _heads_cluster(sheet: Sheet, i: int, rules: Rules) -> bool:
    """A line a byline or date follows closely: a headline even when it reads as one to three
    sentences (then with the byline or date right under it, and no headline-shaped line right
    above it, past a one-word label: that would make it the standfirst)."""
    line, limits = sheet.lines[i], rules.limits
    if not sheet.free(i) or not limits["headline_min_words"] <= effective_words(line) <= limits["headline_max_words"]:
        return False
    if line.rstrip().endswith(":") or line[:1] in _BULLETS or _LINK.search(line) or _METADATA_WORDS.match(line):
        return False
    if sentence_count(line, SENTENCES_MAX + 1) > SENTENCES_MAX or _is_metadata(sheet, i, rules):
        return False
    if not any(_is_metadata(sheet, k, rules, names=True) for k in cues.plain_lines(sheet, i, 1, CLUSTER_BELOW)):
        return False
    if headline_shaped(line, rules):
        return True
    right_below = cues.plain_lines(sheet, i, 1, 1)
    if not _is_metadata(sheet, right_below[0], rules, names=True):
        return False
    above = next((k for k in cues.plain_lines(sheet, i, -1, 2) if word_count(sheet.lines[k]) > 1), None)  # over a label
    return not (above is not None and sheet.free(above) and headline_shaped(sheet.lines[above], rules))


def choose(sheet: Sheet, region: list[int], start: int, rules: Rules) -> tuple[Candidate | None, list[Candidate]]:
    """(the convincing headline or None, every candidate considered)."""
    found = candidates(sheet, region, start, rules)
    best = found[0] if found and found[0].score >= MIN_SCORE else None
    if best is None and (far := _lone_cluster_above(sheet, region, start, rules)) is not None:
        best = far
        found = [far, *found]
    return best, found


def _lone_cluster_above(sheet: Sheet, region: list[int], start: int, rules: Rules) -> Candidate | None:
    """Above the head window, the one headline-shaped line with a byline or date under it and
    none right above it (the article's own head, when the text before the article holds more
    than a head)."""
    top = min(region, default=start)
    page = "\n".join(sheet.lines)
    heads, shapes = [], {}
    for i in range(max(0, top - FAR_LINES), top):
        if not (sheet.free(i) and word_count(sheet.lines[i]) >= rules.limits["headline_min_words"]
                and headline_shaped(sheet.lines[i], rules)):
            continue
        below, above = cues.plain_lines(sheet, i, 1, NEAR), cues.plain_lines(sheet, i, -1, NEAR - 1)
        if any(sheet.free(k) and headline_shaped(sheet.lines[k], rules) for k in above):
            continue  # a deck, or one of a list
        if _cluster_points(sheet, i, start, rules)[0] < BASE + BYLINE_NEAR_BELOW:
            continue
        listed = cues.in_repeating_list(sheet, i, start, rules, lambda text: headline_shaped(text, rules), shapes)
        if not _list_penalty(sheet, i, below, above, start, rules, listed)[0]:
            heads.append(i)
        if len(heads) > 1:
            return None
    if len(heads) != 1:
        return None
    found = score(sheet, heads[0], start, page, rules)
    return Candidate(found.index, found.score, (*found.reasons, "the only headline with a byline or date under it "
                                                                "above the article"))
