"""Line endings (extract/endings.py): a pattern's branches that cannot end where a line ends
are left out, and every line gets the answer the whole pattern gives."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from builder.config import default_config_dir
from builder.extract import load_rules
from builder.extract.endings import boilerplate_plan, chrome_plan, credit_pattern, ending_chars

RULES = load_rules(default_config_dir())


def _both(chars: str) -> frozenset[str]:
    return frozenset(chars.lower() + chars.upper())


@pytest.mark.parametrize("source, expected", [
    (r"(reporter|editor)$", _both("rR")),
    (r".{0,60}newsletters?$", _both("rs")),
    (r"\(?end\)?$", _both("d)")),
    (r"[(\[]?(ap|afp)[)\]]?$", _both("p)]")),
    (r"a(b|c)?$", _both("abc")),
    (r"x(?=y)$|z$", _both("xz")),
    (r"more\s*:(?!.*[.!]$).{0,150}$", None),  # "." ends it: any character
    (r"subscribe", None),  # no $: it matches the start of any longer line
    (r"a$|b", None),
    (r"a\w$", None),
    (r"a[^x]$", None),
    (r"caf[é]$", None),  # beyond ASCII case-insensitive matching has more pairs
    (r"(?m)a$", None),
    (r"(a)\1$", None),
])
def test_ending_chars(source, expected):
    assert ending_chars(source, re.IGNORECASE) == expected


WORDS = ["newsletter", "newsletters", "reporter", "Jo Lee", "AFP", "Getty Images", "via", "Reuters", "photo",
         "e-mail", "e-mails", "alerts", "and", "(", ")", "[", "]", "/", "|", ":", ".", ",", "!", "?", "—", "Seoul",
         "end", "Follow us", "Sign up", "Subscribe to", "Support", "Search", "comments", "staff", "newsroom", "12",
         "©", "é", "ſ", "K", "\n", " ", "the", "Associated Press", "The Korea Herald"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_every_line_gets_the_answer_of_the_whole_pattern(line):
    planned = {rule.name: pattern for rule, pattern in boilerplate_plan(RULES, line)}
    for rule in RULES.boilerplate:
        whole = bool(rule.pattern.match(line))
        assert whole == bool(rule.name in planned and planned[rule.name].match(line)), (rule.name, line)
    credit = credit_pattern(RULES, line)
    assert bool(RULES.credit_line.match(line)) == bool(credit and credit.match(line)), line
    chrome = chrome_plan(RULES, line)
    assert [p for p in RULES.chrome_outlets if p.match(line)] == [p for p in chrome if p.match(line)], line


def test_prose_lines_skip_the_patterns_that_cannot_end_in_a_full_stop():
    line = "The minister said the talks would resume next week."
    planned = dict(boilerplate_plan(RULES, line))
    groups = {rule.name: rule for rule in RULES.boilerplate}
    assert groups["section-name"] not in planned and groups["kicker"] not in planned
    assert len(planned[groups["newsletter-appeal"]].pattern) < len(groups["newsletter-appeal"].pattern.pattern)
    assert planned[groups["site-chrome"]] is not None
