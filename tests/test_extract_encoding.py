"""Table tests: decode() and load_rules() errors."""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from builder.errors import ConfigError
from builder.decoding import decode
from builder.extract import load_rules
from builder.settings import DEFAULTS_DIR

KOREAN = "북한 이탈주민 강제북송 중단을 촉구하는 집회가 서울 중국대사관 앞에서 열렸다.\n참가자들은 중국 정부에 난민 지위 인정을 요구했다.\n"
ENGLISH = "Seoul urges Beijing to halt forced returns.\nThe ministry said on Friday it had protested.\n"
FRENCH = "Le ministère a déclaré vendredi qu'il avait protesté auprès de l'ambassade à Séoul, à la fin d'été.\n"
SMART = "“We will not give up,” she said — citing the café’s owner… and €5 fees.\n"


@pytest.mark.parametrize("data, text, encoding", [
    (ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
    (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH, "utf-8-sig"),
    (KOREAN.encode("utf-8"), KOREAN, "utf-8"),
    (codecs.BOM_UTF8 + KOREAN.encode("utf-8"), KOREAN, "utf-8-sig"),
    (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le"),
    (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be"),
    (codecs.BOM_UTF16_LE + KOREAN.encode("utf-16-le"), KOREAN, "utf-16-le"),
    (ENGLISH.encode("ascii"), ENGLISH, "utf-8"),
    (SMART.encode("utf-8"), SMART, "utf-8"),
    (b"", "", "utf-8"),
    (ENGLISH.replace("\n", "\r\n").encode("utf-8"), ENGLISH, "utf-8"),
    (ENGLISH.replace("\n", "\r").encode("utf-8"), ENGLISH, "utf-8"),
    (b"a\r\nb\rc\nd", "a\nb\nc\nd", "utf-8"),
    (unicodedata.normalize("NFD", FRENCH).encode("utf-8"), unicodedata.normalize("NFC", FRENCH), "utf-8"),
    ("Tab\tand form\x0cfeed stay.\n".encode("utf-8"), "Tab\tand form\x0cfeed stay.\n", "utf-8"),
])
def test_decode_exact(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("text, codec", [
    (KOREAN * 3, "cp949"),
    (KOREAN * 3, "euc-kr"),
    (FRENCH * 3, "cp1252"),
    (FRENCH * 3, "latin-1"),
    (SMART * 3, "cp1252"),
    ((KOREAN + ENGLISH) * 3, "cp949"),
    ((ENGLISH + FRENCH) * 3, "latin-1"),
])
def test_decode_legacy(text: str, codec: str) -> None:
    decoded, name = decode(text.encode(codec))
    assert decoded == text
    assert name != "utf-8"


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03" * 100,
    b"PK\x03\x04" + bytes(range(256)) * 4,
    b"GIF89a\x00\x00\x10\x00",
    ENGLISH.encode("utf-16-le"),  # UTF-16 without a byte-order mark has NUL bytes: refused
    bytes(range(1, 9)) * 200,
])
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(ValueError, match="binary data"):
        decode(data)


@pytest.mark.parametrize("text, problem", [
    ("boilerplate: {}", "line 1: boilerplate: expected a list of groups"),
    ("boilerplate:\n  - patterns: [x]", "line 2: boilerplate[0]: expected a mapping with a 'name'"),
    ("boilerplate:\n  - name: a\n    patterns: ['(']", "line 3: boilerplate[0].patterns[0]: bad regular expression"),
    ("boilerplate:\n  - name: a\n    patern: [x]",
     "line 3: boilerplate[0].patern: unknown key 'patern' (write 'patterns' instead; expected one of: name,"),
    ("limits: {title_max_chars: -3}", "line 1: limits.title_max_chars: expected a positive whole number"),
    ("limits: {title_max: 3}", "line 1: limits.title_max: unknown key 'title_max' (write 'title_max_chars' instead"),
    ("months:\n  1: [jan]\n  13: [smarch]", "line 3: months.13: expected a number from 1 to 12"),
    ("attribution: ['(?P<outlet>']", "line 1: attribution[0]: bad regular expression"),
    ("outlets: [{aliases: [x]}]", "line 1: outlets[0]: expected a mapping with a 'name'"),
    ("captions: []", "line 1: captions: expected a mapping"),
])
def test_rules_errors_name_file_line_and_key(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "extraction.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_rules(tmp_path)
    assert str(error.value).startswith(f"{tmp_path.name}/extraction.yml, line ")
    assert problem in str(error.value)


def test_rules_errors_are_collected(tmp_path: Path) -> None:
    (tmp_path / "extraction.yml").write_text("limits: {title_max: 3, heading_max_words: 0}\nmonths: {0: [x]}")
    with pytest.raises(ConfigError) as error:
        load_rules(tmp_path)
    assert len(str(error.value).splitlines()) == 3


def test_an_archive_without_rules_reads_with_the_builders_defaults(tmp_path: Path) -> None:
    assert load_rules(tmp_path).boilerplate == load_rules(DEFAULTS_DIR).boilerplate != ()


def test_an_archives_rules_replace_the_defaults_key_by_key(tmp_path: Path) -> None:
    (tmp_path / "extraction.yml").write_text("limits: {title_max_chars: 120}\n", encoding="utf-8")
    rules, defaults = load_rules(tmp_path), load_rules(DEFAULTS_DIR)
    assert rules.limits["title_max_chars"] == 120 != defaults.limits["title_max_chars"]
    assert rules.limits["headline_max_words"] == defaults.limits["headline_max_words"]
    assert rules.outlets == defaults.outlets != ()
