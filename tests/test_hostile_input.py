"""Hostile input, round two, without a browser: headers that try to exhaust or fool the reader,
file names with control characters, settings strings, and the encodings curators save in."""
from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import markdown
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from builder.config import Settings
from builder.decoding import decode
from builder.errors import ConfigError, SourceError
from builder.header import read_header
from builder.models import Article, Header, RawDocument
from builder.render.feeds import FeedInfo, json_feed, rss_feed
from builder.render.home import home_page
from builder.render.indexes import iter_index_pages
from builder.render.knowledge_pages import iter_data_pages
from builder.resolve import resolve
from builder.render.markup import one_line
from builder.safe_yaml import load_settings_yaml
from builder.slugs import slugify
from builder.text_safety import shown
from tests.conftest import make_content, run_cli
from tests.test_hostile import OTHER, STORY, report
from tests.test_properties import ALLOWED, MARKUP, TEXT, Parts

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
INTERNAL = ("Error", "Node", "Exception", "Traceback", "unexpected failure", "str", "int(")


# (header lines, expected value of (key) or the words of the error, its line)
HEADERS = [
    ("title: 1:20", "title", "1:20"),
    ("title: 010", "title", "010"),
    ("title: 0x1F", "title", "0x1F"),
    ("title: 1e3", "title", "1e3"),
    ("title: yes", "title", "yes"),
    ("title: 2023-01-01", "title", "2023-01-01"),
    ("title: .inf", "title", ".inf"),
    ("author: null", "author", None),
    ("date: 2023-09-22 10:30:00", "date", "2023-09-22"),
    ("draft: no", "draft", False),
    ("url: HTTPS://Example.org/a", "url", "HTTPS://Example.org/a"),
    ("language: zh-Hant", "language", "zh-Hant"),
]


@pytest.mark.parametrize("line, key, value", HEADERS, ids=[h[0] for h in HEADERS])
def test_header_values_are_the_text_as_typed(line, key, value):
    header, body, _, warnings = read_header(f"---\n{line}\n---\n{STORY}", "a.txt")
    got = getattr(header, key)
    assert (got.iso if key == "date" else got) == value and warnings == [] and body == STORY


REFUSED = [
    (BOMB + "title: x", "anchor or alias", 2),
    ("title: &t x\nauthor: *t", "anchor or alias", 2),
    ("title: " + "[" * 10_000 + "]" * 10_000, "nested too deeply", 2),
    ("topics: [[[a]]]", "nested too deeply", 2),
    ("title: x\n" + "z: " + "y" * 70_000, "too long", 1),
    ("title: !!binary aGVsbG8=", "tags are not allowed", 2),
    ("title: !custom x", "tags are not allowed", 2),
    ("title: {a: b}", "expected text", 2),
    ("url: javascript:alert(document.domain)", "starting with 'javascript:'", 2),
    ("url: JaVaScRiPt:alert(1)", "starting with 'javascript:'", 2),
    ("url: data:text/html,<script>alert(1)</script>", "starting with 'data:'", 2),
    ("url: 'java\tscript:alert(1)'", "header key 'url'", 2),
    ("url: //evil.example/a", "not a web address", 2),
    ("url: 'https://exa mple.org'", "spaces", 2),
    ("language: '<script>'", "language code", 2),
    ("title: x\n? [a, b]\n: c", "'key: value' lines", 3),
]


@pytest.mark.parametrize("lines, words, line", REFUSED, ids=[r[1] + str(i) for i, r in enumerate(REFUSED)])
def test_hostile_headers_are_refused_in_words_with_their_line(lines, words, line):
    with pytest.raises(SourceError) as caught:
        read_header(f"---\n{lines}\n---\n{STORY}", "a.txt")
    assert words in caught.value.reason and caught.value.line == line
    assert not any(w in caught.value.reason for w in INTERNAL), caught.value.reason
    assert "alert" not in caught.value.reason  # a refused address is never repeated
    assert len(caught.value.reason) < 400


def test_a_header_after_blank_lines_is_read_and_explained():
    header, body, lines, warnings = read_header(f"\n\n---\ntitle: Rally\ndate: 2012\n---\n{STORY}", "a.txt")
    assert header.title == "Rally" and body == STORY and lines == 6
    assert warnings[0].line == 3 and "below 2 blank line(s)" in warnings[0].text
    with pytest.raises(SourceError) as caught:
        read_header("\n---\ntitle: Rally\ndate: yesterday\n---\n" + STORY, "a.txt")
    assert caught.value.line == 4  # lines count from the top of the file
    header, body, _, _ = read_header("\n---\n\nA rule, then prose\n\n---\n" + STORY, "a.txt")
    assert header == Header() and body.startswith("\n---")  # a rule in prose stays text


def test_settings_files_refuse_aliases_and_are_cleaned():
    with pytest.raises(ValueError, match="anchor or alias"):
        load_settings_yaml(BOMB)
    assert load_settings_yaml("name: 'a\u202eb\uffff'") == {"name": "ab"}


def test_settings_file_with_an_alias_bomb_is_a_named_error(tmp_path):
    from builder.config import load_settings

    (tmp_path / "builder.yml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"builder.yml, line 1: uses a YAML anchor"):
        load_settings(tmp_path)
    (tmp_path / "builder.yml").write_text("latest_count: many", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a whole number"):
        load_settings(tmp_path)


def test_alias_bomb_in_an_article_is_a_message_about_the_file(tmp_path):
    make_content(tmp_path, {"articles/bomb.txt": f"---\n{BOMB}---\n{STORY}", "articles/good.txt": OTHER})
    files = report(tmp_path)
    assert files["articles/bomb.txt"]["status"] == "error"
    assert "line 2" in files["articles/bomb.txt"]["messages"][0]
    assert files["articles/good.txt"]["status"] in ("ok", "warning")


@pytest.mark.parametrize("name, shown_as", [
    ("esc\x1b[31mred.txt", "esc\\x1b[31mred.txt"),
    ("bidi\u202etxt.exe.txt", "bidi\\u202etxt.exe.txt"),
    ("bell\x07.txt", "bell\\x07.txt"),
])
def test_control_characters_in_file_names_are_shown_escaped(tmp_path, name, shown_as):
    make_content(tmp_path, {f"articles/{name}": "---\ndate: yesterday\n---\n" + STORY})
    result = run_cli("check", "--content", tmp_path / "content", "--json", expect=None)
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert f"articles/{shown_as}" in paths
    text = run_cli("check", "--content", tmp_path / "content", expect=None).output
    assert name not in text and shown_as in text


def test_shown_cuts_long_values_and_escapes_invisible_characters():
    assert shown("a\u202eb\x00c") == "a\\u202eb\\x00c"
    assert shown("x" * 500).endswith("…") and len(shown("x" * 500)) == 81
    assert shown("북한 기사.txt") == "북한 기사.txt"


# ---------------------------------------------------------------------------- addresses

@pytest.mark.parametrize("text, slug", [
    ("연합뉴스", "yeonhabnyuseu"),
    ("조선일보", "joseonilbo"),
    ("한겨레", "hangyeole"),
    ("김정은", "gimjeongeun"),
    ("Путин", "putin"),
    ("Коммерсантъ", "kommersant"),
    ("ひらがな", "hiragana"),
    ("Kim Jong-un’s “Purge”", "kim-jong-uns-purge"),  # Latin slugs are unchanged
    ("Séoul café", "seoul-cafe"),
])
def test_every_script_has_a_readable_address(text, slug):
    assert slugify(text) == slug


def test_han_names_that_sound_alike_get_distinct_stable_addresses():
    wang, wang2 = slugify("王"), slugify("汪")
    assert wang.startswith("wang-") and wang2.startswith("wang-") and wang != wang2
    assert slugify("习近平").startswith("xijinping-") and slugify("习近平") == slugify("习近平 ")
    assert slugify("الجزيرة") and slugify("الجزيرة") != slugify("العربية")


# ---------------------------------------------------------------------------- encodings

ENCODINGS = [
    ("cp1252", "The club paid £2m for the striker.\n"),  # a single £: charset-normalizer's best() says Shift-JIS
    ("cp1252", "Profits rose to £15.8m; the café sold €3 coffee.\n\nMore next year.\n"),
    ("latin_1", "Le café coûte £3 à Séoul.\n"),
    ("latin_1", "Réfugiés nord-coréens: la Chine critiquée.\n"),
    ("euc_kr", "탈북민 송환 중단 촉구\n\n단체들은 중국 정부가 국제 난민 협약을 지켜야 한다고 말했다.\n"),
    ("cp949", "북한 이탈주민 강제 북송 반대 집회\n\n서울 중국 대사관 앞에서 인권 단체들이 집회를 열었다.\n"),
    ("utf-16", "Rally in Seoul: £2m, €3, 북한 이탈주민.\n"),
    ("utf-16-le", "\ufeffRally in Seoul: café.\n"),
    ("utf-16-be", "\ufeffRally in Seoul: café.\n"),
]


@pytest.mark.parametrize("encoding, text", ENCODINGS, ids=[f"{e}-{i}" for i, (e, _) in enumerate(ENCODINGS)])
def test_encodings_decode_exactly(encoding, text):
    got, _ = decode(text.encode(encoding))
    assert got == text.removeprefix("\ufeff")


# ---------------------------------------------------------------------------- settings strings, any text

EXAMPLES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SETTING = st.lists(st.one_of(TEXT, MARKUP, st.sampled_from(["\u202e", "\uffff", "\x0b", '"', "'"])),
                   min_size=1, max_size=5).map("".join).filter(lambda s: s.strip())


def _article(topic: str, person: str, title: str) -> Article:
    from dataclasses import replace
    from pathlib import Path

    from builder.models import Knowledge

    raw = RawDocument(Path("a.txt"), "a.txt", "x", "utf-8", Header())
    article = Article(raw, "a", title, None, title, None, None, None, None, "en", title, (), (), (), {})
    return replace(article, knowledge=replace(Knowledge(), topics=(topic,), people=(person,)))


# Elements the builder itself writes on the home page: cards, charts, the map.
BUILDER_TAGS = {"h3", "figure", "figcaption", "details", "summary", "svg", "g", "rect", "line", "text", "title",
                "circle", "time", "nav"}


@EXAMPLES
@given(name=SETTING, description=SETTING, archive=SETTING)
def test_settings_strings_never_become_markup_or_bad_xml(name, description, archive):
    article = _article(name, name, archive)
    site = resolve([article], Settings(archive_name=archive, archive_description=description),
                   describe=lambda kind, _name: description if kind in ("topics", "people") else None)
    md = markdown.Markdown(extensions=["attr_list", "toc"])
    for page in [home_page(site), *iter_index_pages(site)]:
        from mkdocs.utils.meta import get_data

        body, meta = get_data(page.content.decode("utf-8"))
        parts = Parts()
        parts.feed(md.reset().convert(body))
        assert parts.tags <= ALLOWED | {"table", "thead", "tbody", "tr", "th", "td", "br", "code"} | BUILDER_TAGS, parts.tags
    info = FeedInfo(archive, description)
    ET.fromstring(rss_feed([article], info))  # parses, whatever the text
    assert json.loads(json_feed([article], info))["title"] == one_line(archive)
    rows = list(csv.reader(io.StringIO(list(iter_data_pages(site))[1].content.decode("utf-8"))))
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows[1:] for cell in row)


def test_a_file_name_that_is_not_utf8_is_skipped_by_name(tmp_path):
    content = make_content(tmp_path, {"articles/good.txt": OTHER})
    (content / "articles").joinpath(b"bad\xff\xfename.txt".decode("utf-8", "surrogateescape")).write_text(STORY)
    result = run_cli("check", "--content", content, "--json", expect=None)
    files = {f["path"]: f for f in json.loads(result.output)["files"]}
    assert files["articles/bad\\udcff\\udcfename.txt"]["status"] == "skipped"
    assert "not UTF-8 text" in files["articles/bad\\udcff\\udcfename.txt"]["messages"][0]
    assert files["articles/good.txt"]["status"] in ("ok", "warning")
