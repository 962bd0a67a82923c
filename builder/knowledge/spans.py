"""Candidate names in a paragraph: runs of capitalised words, with the words around them.

"said economist Dana Whitfield", "Bank of England", "Edward D. Jones & Co.", "Vincent van Gogh",
"St. Louis-based": each run becomes a Mention that keeps the paragraph's tokens and its
position, so recognise.py can weigh the words before and after it. Leading titles
("President", "Foreign Minister") are taken off the name and remembered as evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter
from typing import Iterable, Sequence

from builder.knowledge.heuristics import RecognitionRules
from builder.knowledge.lexicon import fold

# acronyms with dots (U.S., U.N.), words (with inner apostrophes and hyphens), numbers, one other character
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’]*(?:-\w[\w'’]*)*|\d[\d,.:/-]*\d|\d|\S")
# TOKEN for a text in ASCII, where it finds the same tokens with the quicker ASCII classes (\x1c-\x1f are spaces to \S)
ASCII_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][\w']*(?:-\w[\w']*)*|\d[\d,.:/-]*\d|\d|[^ \t\n\r\f\v\x1c-\x1f]", re.ASCII)
PARTICLE_STARTS = frozenset("abdeilo")
PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|at|an|ar|ash|bin|ibn|abu|d|l|o|da|de|di)[-'’][A-Z]")
ABBREVIATIONS = frozenset({"st", "mt", "ft", "inc", "corp", "co", "ltd", "jr", "sr", "mr", "mrs", "ms", "dr", "gen",
                           "col", "sen", "rep", "gov", "prof", "rev", "capt", "lt", "sgt", "maj", "adm", "no", "cos",
                           "bros", "vs", "v", "mo", "ky", "fla", "calif", "ga", "ill", "mass", "pa", "va", "wash"})
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", "(", ":", ";", "-", "—", "–", "'", "‘", "[", "*", "•"})
LINKS = frozenset({"of", "for"})
TRAILING = frozenset({"of", "for", "&", "the"})  # never the last word of a name  # "Bank of Japan": only after an organisation or place head
# tokens that may continue a run besides capitalised ones and name particles ("and" only after "of" or "for")
RUN_GOES_ON = LINKS | {".", "&"}
POSSESSIVE = re.compile(r"['’]s?$")
POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # what POSSESSIVE finds, as a quicker test
SUFFIXED = re.compile(r"^(.+?)-(based|born|headquartered|bred)$", re.IGNORECASE)
MAX_WORDS = 8
MAX_PARTICLES = 3  # "van der", "de la", "bin"
CAPITALS_SHARE = 0.6  # a paragraph with more words in capitals than this is a headline or a dateline
CAPITALS_WORDS = 30  # judged on its first words
CALENDAR = frozenset({"january", "february", "march", "april", "june", "july", "august", "september", "october",
                      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})  # never the first or last word of a name ("May" may be a name)


@dataclass(slots=True)  # not frozen: made once per capitalised run, a frozen one costs twice as much
class Mention:
    words: tuple[str, ...]  # the name as written, titles taken off
    tokens: tuple[str, ...]  # the paragraph's tokens
    first: int  # first token of the run (a title included)
    end: int  # token after the run
    title: str | None  # a leading honorific or title, lower case ("president")
    initial: bool  # the name starts a sentence
    suffix: str | None  # "based" in "Minneapolis-based"
    possessive: bool = False  # "Charlton's"

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def before(self, k: int = 1) -> str:
        i = self.first - k
        return self.tokens[i] if i >= 0 else ""

    def after(self, k: int = 1) -> str:
        i = self.end + k - 1
        return self.tokens[i] if i < len(self.tokens) else ""


def tokenize(text: str) -> list[str]:
    """TOKEN's tokens, found per run of non-space characters (no token holds a space, and \\S is
    what str.split() keeps): a run of letters only is one token as it stands, so the pattern is
    only searched in runs with a mark or a digit."""
    findall = (ASCII_TOKEN if text.isascii() else TOKEN).findall
    tokens: list[str] = []
    append, extend = tokens.append, tokens.extend
    for chunk in text.split():
        if chunk.isalpha():
            append(chunk)
        else:
            extend(findall(chunk))
    return tokens


def is_capitalised(token: str) -> bool:
    first = token[:1]
    if first.isupper():
        return first.isalpha()
    return first in PARTICLE_STARTS and bool(PARTICLE_PREFIX.match(token))


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def mostly_capitals(text: str) -> bool:
    """A headline or dateline in capitals: no evidence of case there."""
    words = text.split(None, CAPITALS_WORDS)[:CAPITALS_WORDS]
    alpha = list(map(str.isalpha, map(itemgetter(0), words)))  # the words that start with a letter, in C
    counted = sum(alpha)
    return counted > 0 and sum(compress(map(str.isupper, words), alpha)) > CAPITALS_SHARE * counted


def mentions(text: str, rules: RecognitionRules, function_words: frozenset[str],
             seen: set[str] | None = None, given: frozenset[str] = frozenset(),
             memo: dict | None = None) -> list[Mention]:
    """Every candidate name in one paragraph (none in a paragraph written in capitals);
    its words are added to `seen` (as written: the ones written in lower case are those
    whose first letter is); `given` are first names
    ("Christian" in "Hans Christian Andersen" is one, not a nationality). `memo` (owned by
    the caller, always with the same rules and word lists) remembers what a run of words
    makes: "The", "Mr Blair" and "Bank of England" come back in article after article."""
    if mostly_capitals(text):
        return []
    tokens = tuple(tokenize(text))
    if seen is not None:
        seen.update(tokens)
    if memo is None:
        memo = {}
    elif len(memo) > MEMO_SIZE:
        memo.clear()
    found, done, size, particles = [], 0, len(tokens), rules.name_particles
    for i in compress(count(), map(str.isupper, map(itemgetter(0), tokens))):  # capitalised tokens, in C
        if i < done or not tokens[i][:1].isalpha():
            continue
        done = i + 1  # most runs are one word before a word or mark that no rule of _run_end takes on
        if done < size:
            following = tokens[done]
            first = following[:1]
            if first.isupper() or following in RUN_GOES_ON or following in particles or (
                    first in PARTICLE_STARTS and PARTICLE_PREFIX.match(following)):
                done = _run_end(tokens, i, rules)
        run = (tokens[i:done], i == 0 or tokens[i - 1] in SENTENCE_ENDS)
        shape = memo.get(run, _UNSEEN)
        if shape is _UNSEEN:
            shape = memo[run] = _shape(*run, rules, function_words, given)
        if shape is not None:
            words, title, initial, suffix, possessive = shape
            found.append(Mention(words, tokens, i, done, title, initial, suffix, possessive))
    return found


def _run_end(tokens: tuple[str, ...], i: int, rules: RecognitionRules) -> int:
    """The token after the run of name words starting at i (mentions() calls it when the
    next token is capitalised, a name particle or in RUN_GOES_ON: no rule below takes any other)."""
    j = i + 1
    size = len(tokens)
    while j < size and j - i < MAX_WORDS * 2:
        word, previous = tokens[j], tokens[j - 1]
        if previous.endswith(POSSESSIVE_ENDS) and previous not in ("'", "’") and not _owns_organization(tokens, j, rules):
            break  # "Kiosko's shares": a possessive ends the name, "Miller's Bancshares Inc." does not
        if "-" in previous and SUFFIXED.match(previous):
            break  # "Minneapolis-based First Bank": two names
        first = word[:1]
        if first.isalpha() if first.isupper() else first in PARTICLE_STARTS and PARTICLE_PREFIX.match(word):
            j += 1  # is_capitalised(word), written out: the commonest case
            continue
        nxt = tokens[j + 1] if j + 1 < size else ""
        if word == "." and (previous.lower() in ABBREVIATIONS or (len(previous) == 1 and previous.isupper())):
            if not is_capitalised(nxt) or previous.lower() in ("inc", "corp", "ltd"):
                return j + 1
            j += 1
        elif word == "&" and is_capitalised(nxt):
            j += 1
        elif word in rules.name_particles and _particles_then_name(tokens, j, rules):
            j += 1  # "van der Molen", "bin Laden"
        elif word == "and" and is_capitalised(nxt) and any(t in LINKS for t in tokens[i:j]):
            j += 1  # "Organisation for Security and Cooperation in Europe"
        elif word in LINKS and (previous.lower() in rules.organization_heads or previous.lower() in rules.place_heads) and (
            is_capitalised(nxt) or (nxt == "the" and j + 2 < len(tokens) and is_capitalised(tokens[j + 2]))
        ):
            j += 2 if nxt == "the" else 1
        else:
            break
    return j


def _particles_then_name(tokens: tuple[str, ...], j: int, rules: RecognitionRules) -> bool:
    k = j
    while k < len(tokens) and k - j < MAX_PARTICLES and tokens[k] in rules.name_particles:
        k += 1
    return k < len(tokens) and is_capitalised(tokens[k])


def _owns_organization(tokens: tuple[str, ...], j: int, rules: RecognitionRules) -> bool:
    """After "Miller's": do the capitalised words that follow end with an organisation suffix?"""
    k = j
    while k < len(tokens) and (is_capitalised(tokens[k]) or tokens[k] == ".") and k - j < MAX_WORDS:
        k += 1
    last = tokens[k - 2] if k - 1 > j and tokens[k - 1] == "." else tokens[k - 1] if k > j else ""
    return last.lower() in rules.organization_suffixes


_UNSEEN = object()
MEMO_SIZE = 100_000  # runs of words remembered per recogniser


def _shape(run: tuple[str, ...], initial: bool, rules, function_words, given=frozenset()) -> tuple | None:
    """A run of capitalised tokens as a name: (words, title, initial, suffix, possessive), or
    None; it depends only on the run, whether it starts a sentence, and the word lists."""
    words = _join_dots(run) if "." in run else list(run)
    title = None
    last = words[-1].rstrip(".").lower()
    fixed = last in rules.organization_suffixes or last in rules.place_suffixes
    while words:
        lowered = words[0].rstrip(".").lower()
        titled = not fixed and _is_title(lowered, rules)  # asked once
        if titled or (not fixed and _before_title(words, rules)):
            title = lowered if titled else words[1].rstrip(".").lower()
        elif not (lowered in function_words or lowered in CALENDAR
                  or (initial and not fixed and lowered in rules.common_words)
                  or (not fixed and lowered in rules.demonyms and len(words) > 1)):
            break
        words = words[1:]
        initial = False
    if not fixed and not rules.demonyms.isdisjoint(map(str.lower, words[:-1])):  # most names have no demonym
        cut = max((k for k, w in enumerate(words[:-1]) if w.lower() in rules.demonyms and fold(w) not in given),
                  default=-1)
        if cut >= 0:
            words = words[cut + 1:]  # "Controversial Australian Anthony Hill"
    while words and (words[-1].lower() in rules.name_particles or words[-1].lower() in TRAILING
                     or words[-1].lower() in CALENDAR):
        words = words[:-1]
    if not words:
        return None
    suffix = None
    found = SUFFIXED.match(words[-1])
    if found:
        words[-1], suffix = found.group(1), found.group(2).lower()
    possessive = bool(POSSESSIVE.search(words[-1])) and not words[-1].endswith(".")
    words[-1] = POSSESSIVE.sub("", words[-1]) if possessive else words[-1]
    if not words[-1] or len(words) > MAX_WORDS:
        return None
    return tuple(words), title, initial, suffix, possessive


def _join_dots(words: Iterable[str]) -> list[str]:
    """['Edward', 'D', '.', 'Jones'] -> ['Edward', 'D.', 'Jones']."""
    joined: list[str] = []
    for word in words:
        if word == "." and joined:
            joined[-1] += "."
        else:
            joined.append(word)
    return joined


def _before_title(words: list[str], rules: RecognitionRules) -> bool:
    """"Foreign" in "Foreign Minister Klaus Kinkel", "U.S." in "U.S. President Bill Clinton"."""
    return len(words) > 2 and words[1].rstrip(".").lower() in rules.honorifics and words[0].lower() not in rules.honorifics


def _is_title(word: str, rules: RecognitionRules) -> bool:
    """"president", "major-general"."""
    return word in rules.honorifics or ("-" in word and all(p in rules.honorifics for p in word.split("-")))


# "LONDON 1996-08-30", "SEOUL, March 3 (Yonhap) --", "NEW YORK (Reuters) -": a dateline's place.
DATELINE = re.compile(
    r"^([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?=,? (?:\d{4}-\d\d-\d\d|\(|[A-Z][a-z]{2,8}\.? \d{1,2}\b|--?|—))"
)
PLACE_WORDS = re.compile(r"^[^\W\d_][\w'.-]*(?: [^\W\d_][\w'.-]*){0,3}$")  # a dateline value: "SEOUL", "New York"


def dateline_places(lines: Sequence[str], dateline: str | None = None) -> list[str]:
    """The place of the article's dateline (the value extraction found, else the first line
    shaped like a wire dateline), in title case ("New York")."""
    if dateline and PLACE_WORDS.match(dateline.strip()):
        return [_title_case(dateline.strip())]
    for text in lines:
        found = DATELINE.match(text.strip())
        if found:
            return [_title_case(found.group(1))]
    return []


def _title_case(text: str) -> str:
    """'NEW YORK' -> 'New York'; 'U.S.' stays."""
    return " ".join(w.capitalize() if w.isupper() and len(w.replace(".", "")) > 2 else w for w in text.split())
