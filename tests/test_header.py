"""The curated header: (input, expected) tables for values, errors and warnings."""
import pytest

from builder.errors import SourceError
from builder.header import parse_header, split_header
from builder.models import PartialDate


def header(text):
    source, body, lines = split_header(text, "a.txt")
    return parse_header(source, "a.txt")


@pytest.mark.parametrize("text, field, expected", [
    ("---\ntitle: Rally in Seoul\n---\nx", "title", "Rally in Seoul"),
    ("---\ntitle: 'Seoul: a rally'\n---\nx", "title", "Seoul: a rally"),
    ("---\ntitle: \"No\"\n---\nx", "title", "No"),
    ("---\ntitle: 1984\n---\nx", "title", "1984"),
    ("---\ndate: 2012\n---\nx", "date", PartialDate(2012)),
    ("---\ndate: 2012-02\n---\nx", "date", PartialDate(2012, 2)),
    ("---\ndate: 2023-09-22\n---\nx", "date", PartialDate(2023, 9, 22)),
    ("---\ndate: '2023-09-22'\n---\nx", "date", PartialDate(2023, 9, 22)),
    ("---\ntopics: [forced repatriation, protests and advocacy]\n---\nx", "topics",
     ("forced repatriation", "protests and advocacy")),
    ("---\ntopics: forced repatriation\n---\nx", "topics", ("forced repatriation",)),
    ("---\ndraft: true\n---\nx", "draft", True),
    ("---\nslug: rally-in-seoul\n---\nx", "slug", "rally-in-seoul"),
    ("---\nurl: https://example.org/a\n---\nx", "url", "https://example.org/a"),
    ("---\nlanguage: ko\n---\nx", "language", "ko"),
    ("---\npublisher: Yonhap News Agency\nauthor: Lee Ji-won\n---\nx", "author", "Lee Ji-won"),
    ("no header here\n---\nx", "title", None),
    ("---\n---\nx", "title", None),
])
def test_header_values(text, field, expected):
    parsed, warnings = header(text)
    assert getattr(parsed, field) == expected
    assert warnings == []


@pytest.mark.parametrize("text, line, words", [
    ("---\ndate: yesterday\n---\nx", 2, "header key 'date': expected a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ("---\ndate: 2012-02-30\n---\nx", 2, "header key 'date'"),
    ("---\ndate: 2012-13\n---\nx", 2, "header key 'date'"),
    ("---\ntopics: 5\n---\nx", 2, "header key 'topics': expected a list of topic names, got 5"),
    ("---\ntitle: [a, b]\n---\nx", 2, "header key 'title': expected text, got ['a', 'b']"),
    ("---\ndraft: maybe\n---\nx", 2, "header key 'draft': expected true or false"),
    ("---\nslug: ../../outside\n---\nx", 2, "header key 'slug': expected lowercase ASCII words"),
    ("---\ntitle: a\ntitle: b\n---\nx", 3, "header key 'title' is given twice"),
    ("---\ntitle: Seoul: a rally\n---\nx", 2, "must be put in quotes"),
    ("---\n\ttitle: x\n---\nx", 2, "indent with spaces, not tabs"),
    ("---\ntitle: 'unclosed\n---\nx", 2, "not valid YAML"),
    ("---\ntitle: x\nbody without a closing line", 1, "never closed"),
    ("---\n- a\n- b\n---\nx", 2, "'key: value' lines"),
    ("---\ntitle: !!python/object:os.system {}\n---\nx", 2, "header key 'title': expected text"),
])
def test_header_errors_name_line_and_key(text, line, words):
    with pytest.raises(SourceError) as caught:
        header(text)
    assert caught.value.line == line
    assert words in caught.value.reason
    assert caught.value.path == "a.txt"


def test_unknown_key_is_a_warning_with_its_line():
    parsed, warnings = header("---\ntitle: x\nsection: world\n---\nbody")
    assert parsed.title == "x"
    assert [(w.level, w.line) for w in warnings] == [("warning", 3)]
    assert "unknown header key 'section'" in warnings[0].text


def test_split_header_counts_lines_and_keeps_dashes_in_the_body():
    source, body, lines = split_header("---\ntitle: x\n---\nfirst\n---\nsecond", "a.txt")
    assert source == "title: x"
    assert body == "first\n---\nsecond"
    assert lines == 3


@pytest.mark.parametrize("dates, expected", [
    (["2012-02-14", "2012", "2012-02"], ["2012", "2012-02", "2012-02-14"]),
    (["2023-10", "2017-11", "2023-09-22", "2012"], ["2012", "2017-11", "2023-09-22", "2023-10"]),
    (["2020", "2019-12-31"], ["2019-12-31", "2020"]),
])
def test_dates_of_any_precision_sort_together(dates, expected):
    parsed = [PartialDate.parse_iso(d) for d in dates]
    assert [d.iso for d in sorted(parsed)] == expected
    assert max(parsed).iso == expected[-1]
