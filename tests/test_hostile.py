"""Hostile and broken input: every file ends as a page or a named entry with a reason;
nothing is injected; an interrupted build leaves the previous output."""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from builder.errors import SourceError
from builder.sources import read
from tests.conftest import folders, make_content, run_cli, search_records

STORY = ("Rights groups urge China to stop deportations\n\n"
         "Activists gathered in Seoul on Friday to urge Beijing not to send North Korean defectors back.\n\n"
         "The groups said hundreds of people were being held in detention centres near the border.\n")


OTHER = ("Families plead for relatives held in China\n\n"
         "Relatives of North Koreans detained in Shenyang appealed on Monday for their release.\n")
BODY = "Activists gathered outside the Chinese embassy on Friday, urging Beijing to stop sending defectors back.\n"


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def a_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", STORY * 20)
    return buffer.getvalue()


def report(root: Path) -> dict[str, dict]:
    result = run_cli("check", "--content", root / "content", "--json", expect=None)
    assert "Traceback" not in result.output
    return {f["path"]: f for f in json.loads(result.output)["files"]}


# (file name, bytes, expected status, words in the reason)
FILES = [
    ("empty.txt", b"", "error", "empty"),
    ("blank.txt", b"  \n\t\n   \n", "error", "empty"),
    ("image.txt", png(), "error", "not readable as text"),
    ("archive.txt", a_zip(), "error", "not readable as text"),
    ("photo.png", png(), "skipped", "not an article file"),
    ("bundle.zip", a_zip(), "skipped", "not an article file"),
    ("stray-nul.txt", STORY.replace("Friday", "Fri\x00day").encode(), "warning", "NUL bytes"),
    ("huge.txt", (STORY * 200_000).encode()[:20_000_000], "error", "too large"),
    (".hidden.txt", STORY.encode(), "skipped", "hidden file"),
    ("header-never-closed.txt", b"---\ntitle: x\n" + STORY.encode(), "error", "never closed"),
    ("tab-indent.txt", b"---\ntitle: x\n\tdate: 2012\n---\n" + STORY.encode(), "error", "not valid YAML"),
    ("unclosed-quote.txt", b"---\ntitle: 'x\n---\n" + STORY.encode(), "error", "not valid YAML"),
    ("duplicate-key.txt", b"---\ntitle: x\ntitle: y\n---\n" + STORY.encode(), "error", "given twice"),
    ("date-yesterday.txt", b"---\ndate: yesterday\n---\n" + STORY.encode(), "error", "'date'"),
    ("topics-five.txt", b"---\ntopics: 5\n---\n" + STORY.encode(), "error", "'topics'"),
    ("title-list.txt", b"---\ntitle: [a, b]\n---\n" + STORY.encode(), "error", "'title'"),
    ("python-tag.txt", b"---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n" + STORY.encode(),
     "error", "'title'"),
    ("slug-escape.txt", b"---\nslug: ../../outside\n---\n" + STORY.encode(), "error", "'slug'"),
    ("unknown-key.txt", b"---\nsection: world\n---\n" + STORY.encode(), "warning", "unknown header key"),
    ("unknown-topic.txt", b"---\ntopics: [cooking]\n---\n" + STORY.encode(), "error", "unknown topic"),
]


@pytest.mark.parametrize("name, data, status, words", FILES, ids=[f[0] for f in FILES])
def test_bad_file_is_reported_by_name_with_a_reason(tmp_path, name, data, status, words):
    make_content(tmp_path, {f"articles/{name}": data, "articles/good.txt": OTHER})
    files = report(tmp_path)
    assert files[f"articles/{name}"]["status"] == status
    assert words in " ".join(files[f"articles/{name}"]["messages"])
    assert files["articles/good.txt"]["status"] in ("ok", "warning")  # one bad file never stops the others


def test_yaml_errors_name_the_line(tmp_path):
    make_content(tmp_path, {"articles/a.txt": "---\ntitle: fine\ndate: 2012\ntopics: 5\n---\n" + STORY})
    assert "line 4" in report(tmp_path)["articles/a.txt"]["messages"][0]


ENCODED = [
    ("cp949.txt", "북한 이탈주민 강제 북송 반대 집회\n\n서울 중국 대사관 앞에서 인권 단체들이 집회를 열었다.\n".encode("cp949"),
     "북한 이탈주민 강제 북송 반대 집회"),
    ("euc-kr.txt", "탈북민 송환 중단 촉구\n\n단체들은 중국 정부가 국제 난민 협약을 지켜야 한다고 말했다.\n".encode("euc-kr"),
     "탈북민 송환 중단 촉구"),
    ("latin-1.txt", "Réfugiés nord-coréens: la Chine critiquée\n\nLes militants ont manifesté devant l'ambassade à Séoul."
     "\n".encode("latin-1"), "Réfugiés nord-coréens: la Chine critiquée"),
    ("cp1252.txt", "Seoul rally – “stop the deportations”\n\nActivists gathered on Friday.\n".encode("cp1252"),
     "Seoul rally – “stop the deportations”"),
    ("utf-16.txt", ("Rally in Seoul\n\n" + BODY + "북한 이탈주민.\n").encode("utf-16"), "Rally in Seoul"),
    ("utf-8-bom.txt", ("\ufeffRally in Seoul\n\n" + BODY).encode("utf-8"), "Rally in Seoul"),
    ("crlf-mixed.txt", ("Rally in Seoul\r\n\r\n" + BODY.strip() + "\rThey sang.\nThey left.\r\n").encode(),
     "Rally in Seoul"),
    ("invalid-utf8.txt", b"Rally in Seoul\n\nCaf\xe9 owners joined activists outside the embassy on Friday, urging Beijing to stop sending defectors back.\n",
     "Rally in Seoul"),
    ("name with spaces.txt", ("Rally in Seoul\n\n" + BODY).encode(), "Rally in Seoul"),
    ("북한 기사.txt", ("Rally in Seoul\n\n" + BODY).encode(), "Rally in Seoul"),
    ("dots..in..name.txt", ("Rally in Seoul\n\n" + BODY).encode(), "Rally in Seoul"),
    ("one-long-line.txt", ("Rally in Seoul\n\n" + "Activists gathered in Seoul. " * 36_000).encode(), "Rally in Seoul"),
]


@pytest.mark.parametrize("name, data, title", ENCODED, ids=[e[0] for e in ENCODED])
def test_other_encodings_and_names_become_pages(tmp_path, name, data, title):
    make_content(tmp_path, {f"articles/{name}": data})
    summary = json.loads(run_cli("explain", tmp_path / "content" / "articles" / name, "--json").output)
    assert summary["title"] == title
    assert summary["body"] and "\r" not in json.dumps(summary)
    assert report(tmp_path)[f"articles/{name}"]["status"] in ("ok", "warning")


def test_symlink_outside_content_is_skipped(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret " + STORY, encoding="utf-8")
    content = make_content(tmp_path, {"articles/good.txt": STORY})
    os.symlink(outside, content / "articles" / "link.txt")
    entry = report(tmp_path)["articles/link.txt"]
    assert entry["status"] == "skipped" and "outside the content folder" in entry["messages"][0]


def test_directory_named_like_an_article(tmp_path):
    content = make_content(tmp_path, {"articles/good.txt": STORY})
    (content / "articles" / "folder.txt").mkdir()
    entry = report(tmp_path)["articles/folder.txt"]
    assert entry["status"] == "skipped" and "folder" in entry["messages"][0]


def test_unreadable_file(tmp_path, monkeypatch):
    content = make_content(tmp_path, {"articles/locked.txt": STORY})
    real = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SourceError, match="permission denied"):
        read(content / "articles" / "locked.txt", "articles/locked.txt")


def test_same_slug_twice_gets_distinct_pages(tmp_path):
    make_content(tmp_path, {"articles/a.txt": STORY, "articles/b.txt": STORY.replace("Friday", "Saturday")})
    files = report(tmp_path)
    assert "already used by another article" in " ".join(files["articles/b.txt"]["messages"])
    run_cli("generate", *folders(tmp_path))
    pages = sorted(p.name for p in (tmp_path / "docs" / "articles").glob("*.md"))
    assert pages == ["rights-groups-urge-china-to-stop-deportations-2.md", "rights-groups-urge-china-to-stop-deportations.md"]


def test_dashes_inside_the_body_stay_text(tmp_path):
    make_content(tmp_path, {"articles/a.txt": "---\ndate: 2020\n---\n" + STORY + "\n---\n\nA last paragraph after a rule.\n"})
    summary = json.loads(run_cli("explain", tmp_path / "content" / "articles" / "a.txt", "--json").output)
    assert summary["date"] == "2020"
    assert any("A last paragraph" in b["text"] for b in summary["body"])


def test_no_traceback_without_verbose(tmp_path, monkeypatch):
    make_content(tmp_path, {"articles/a.txt": STORY})
    monkeypatch.setattr("builder.pipeline.gather", lambda *args, **kwargs: 1 / 0)
    result = run_cli("generate", *folders(tmp_path), expect=1)
    assert "unexpected failure" in result.output and "Traceback" not in result.output
    verbose = run_cli("generate", *folders(tmp_path), "--verbose", expect=None)
    assert isinstance(verbose.exception, ZeroDivisionError)


def test_unwritable_output_is_a_clear_error(tmp_path):
    make_content(tmp_path, {"articles/a.txt": STORY})
    (tmp_path / "blocked").write_text("a file where the docs folder should go")
    result = run_cli("generate", "--content", tmp_path / "content", "--docs", tmp_path / "blocked" / "docs", expect=1)
    assert "cannot write" in result.output and "Traceback" not in result.output


HOSTILE_LINES = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<iframe src=\"https://example.com\"></iframe>",
    "[click me](javascript:alert(3))",
    "<!-- a raw HTML comment -->",
    "## Not a heading",
    "- not a list item",
    "| not | a | table |",
    "```",
    "!!! note \"not an admonition\"",
    "==not marked== ++ctrl+alt++ {: #not-an-id } {{ config.site_name }} {% include 'x' %}",
    "&amp; &lt;b&gt; stay as typed",
    "> not a quotation block",
    "Emoji 🙂, العربية من اليمين إلى اليسار, zero\u200bwidth",
]
HOSTILE_TITLE = 'Seoul: "rally" # <b>bold</b> --- {{ x }}'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    body = "\n\n".join(f"Paragraph {i}: {line} and then the sentence goes on as normal text."
                       for i, line in enumerate(HOSTILE_LINES, 1))
    header = "---\ntitle: '" + HOSTILE_TITLE.replace("'", "''") + "'\ndate: 2023-10\n---\n"
    make_content(root, {"articles/hostile.txt": header + body + "\n"})
    run_cli("build", *folders(root), "--site", root / "site")
    return root / "site"


@pytest.mark.slow
def test_article_text_never_becomes_markup(hostile_site):
    import html as htmllib
    import re

    page = next((hostile_site / "articles").glob("seoul-rally-*.html")).read_text(encoding="utf-8")
    article = page[page.index('<article class="md-content__inner'):page.index("</article>")]
    tags = set(re.findall(r"<([a-zA-Z0-9]+)", article))
    assert tags <= {"article", "h1", "h2", "p", "a", "div", "ul", "li", "span", "nav", "strong", "code", "pre",
                    "details", "summary", "button", "svg", "path", "time"}, tags
    assert not re.search(r"<[^>]+\son\w+=", article)  # no event handler attribute
    assert "javascript:" not in "".join(re.findall(r"<[^>]+>", article))  # never inside a tag
    visible = htmllib.unescape(re.sub(r"<[^>]+>", "", article))
    for line in HOSTILE_LINES:
        assert line.replace("\u200b", "") in visible.replace("\u200b", ""), line
    assert HOSTILE_TITLE in visible
    head = page[:page.index("</head>")]
    assert "<b>bold</b>" not in head and "&lt;b&gt;bold&lt;/b&gt;" in head


@pytest.mark.slow
def test_search_index_holds_the_text_as_data(hostile_site):
    """Article text in the index is JSON data (shown with textContent), never script or markup."""
    records = search_records(hostile_site)
    assert records and all(isinstance(r["t"], str) for r in records)
    assert all(not r["u"].startswith(("javascript:", "/", "http")) for r in records)


def test_interrupted_mkdocs_build_keeps_the_previous_site(tmp_path, monkeypatch):
    make_content(tmp_path, {"articles/a.txt": STORY})
    run_cli("build", *folders(tmp_path), "--site", tmp_path / "site")
    before = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "site").rglob("*.html")}

    def interrupted(config, *args, **kwargs):
        (Path(config["site_dir"]) / "half-written.html").parent.mkdir(parents=True, exist_ok=True)
        (Path(config["site_dir"]) / "half-written.html").write_text("partial")
        raise KeyboardInterrupt

    monkeypatch.setattr("builder.publish.split_build.build", interrupted)  # MkDocs' build, in one process or more
    make_content(tmp_path, {"articles/b.txt": OTHER})
    result = run_cli("build", *folders(tmp_path), "--site", tmp_path / "site", expect=1)
    assert "Stopped" in result.output
    after = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "site").rglob("*.html")}
    assert after == before
    assert not (tmp_path / ".site.new").exists()  # the half-built copy is cleaned up


def test_nothing_is_written_outside_the_output_folders(tmp_path):
    make_content(tmp_path, {"articles/a.txt": STORY, "articles/b.txt": OTHER})
    run_cli("build", *folders(tmp_path), "--site", tmp_path / "site")
    top = sorted(p.name for p in tmp_path.iterdir())
    # .cache: unchanged files are not read out again; .build.lock: one build at a time
    assert top == [".build.lock", ".cache", "content", "docs", "site"]
    assert sorted(p.name for p in (tmp_path / "content").iterdir()) == ["articles", "permalinks.yml"]
