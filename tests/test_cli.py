"""The command line on small content trees built in temporary folders."""
from __future__ import annotations

import json

from mkdocs.utils.meta import get_data

from builder.cli import main
from tests.conftest import folders, make_content, run_cli

ARTICLE = """\
Seoul rally urges China to halt deportations

SEOUL, March 3 (Yonhap) -- Activists rallied outside the Chinese Embassy in Seoul on Friday, urging Beijing not to send North Korean defectors back.

"They will be punished," said Park Ji-hoon, a rally organiser.
"""


def test_every_command_has_help():
    for command in main.commands.values():
        assert command.help and command.help.strip(), command.name
        result = run_cli(command.name, "--help")
        assert "Usage:" in result.output


def test_generate_writes_article_and_index_pages(tmp_path):
    make_content(tmp_path, {"articles/rally.txt": "---\ndate: 2023-03-03\n---\n" + ARTICLE})
    result = run_cli("generate", *folders(tmp_path))
    assert "Built 1 articles" in result.output
    docs = tmp_path / "docs"
    page = docs / "articles" / "seoul-rally-urges-china-to-halt-deportations.md"
    body, meta = get_data(page.read_text(encoding="utf-8"))
    assert meta["title"] == "Seoul rally urges China to halt deportations"
    assert meta["date"] == "2023-03-03" and meta["origins"]["date"] == "header"
    assert 'id="p1"' in body and 'href="#p1"' in body
    for index in ("index.md", "timeline.md", "topics/index.md", "people/index.md", "organizations/index.md",
                  "places/index.md", "publishers/index.md"):
        assert (docs / index).exists(), index
    assert (docs / "sources" / "seoul-rally-urges-china-to-halt-deportations.txt").read_text(encoding="utf-8") == ARTICLE


def test_rebuild_without_changes_rewrites_nothing(tmp_path):
    make_content(tmp_path, {"articles/rally.txt": ARTICLE})
    run_cli("generate", *folders(tmp_path))
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "docs").rglob("*") if p.is_file()}
    result = run_cli("generate", *folders(tmp_path))
    assert "(0 files written, 0 removed)" in result.output
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "docs").rglob("*") if p.is_file()} == stamps


def test_removed_article_leaves_a_notice_and_stale_pages_go(tmp_path):
    content = make_content(tmp_path, {"articles/rally.txt": ARTICLE})
    run_cli("generate", *folders(tmp_path))
    (content / "articles" / "rally.txt").unlink()
    run_cli("generate", *folders(tmp_path))
    page = tmp_path / "docs" / "articles" / "seoul-rally-urges-china-to-halt-deportations.md"
    assert "removed from the archive" in page.read_text(encoding="utf-8")
    assert not (tmp_path / "docs" / "sources" / "seoul-rally-urges-china-to-halt-deportations.txt").exists()


def test_check_json_reports_every_file(tmp_path):
    make_content(tmp_path, {
        "articles/good.txt": "---\ndate: 2023-03-03\n---\n" + ARTICLE,
        "articles/bad-date.txt": "---\ndate: yesterday\n---\n" + ARTICLE,
        "articles/empty.txt": "",
        "articles/photo.jpg": b"\xff\xd8\xff\xe0binary",
        "articles/draft.txt": "---\ndraft: true\n---\n" + ARTICLE,
    })
    result = run_cli("check", "--content", tmp_path / "content", "--json", expect=1)
    report = json.loads(result.output)
    status = {f["path"]: f["status"] for f in report["files"]}
    assert status == {
        "articles/bad-date.txt": "error", "articles/draft.txt": "skipped", "articles/empty.txt": "error",
        "articles/good.txt": status["articles/good.txt"], "articles/photo.jpg": "skipped",
    }
    assert status["articles/good.txt"] in ("ok", "warning")
    messages = {f["path"]: " ".join(f["messages"]) for f in report["files"]}
    assert "line 2" in messages["articles/bad-date.txt"] and "'date'" in messages["articles/bad-date.txt"]
    assert "empty" in messages["articles/empty.txt"]
    assert report["summary"]["error"] == 2 and report["summary"]["articles"] == 1


def test_check_exit_codes_and_strict(tmp_path):
    make_content(tmp_path, {"articles/a.txt": "---\ndate: 2023-03-03\nsection: world\n---\n" + ARTICLE})
    result = run_cli("check", "--content", tmp_path / "content")
    assert "unknown header key 'section'" in result.output
    run_cli("check", "--content", tmp_path / "content", "--strict", expect=1)


def test_one_bad_file_never_stops_the_others(tmp_path):
    make_content(tmp_path, {"articles/a.txt": ARTICLE, "articles/b.txt": "---\ntitle: [x\n---\ntext"})
    result = run_cli("generate", *folders(tmp_path), expect=1)
    assert "articles/b.txt" in result.output and "not valid YAML" in result.output
    assert (tmp_path / "docs" / "articles" / "seoul-rally-urges-china-to-halt-deportations.md").exists()


def test_exact_duplicate_is_published_once(tmp_path):
    make_content(tmp_path, {"articles/a.txt": ARTICLE, "articles/copy.txt": ARTICLE})
    result = run_cli("check", "--content", tmp_path / "content", "--json")
    files = {f["path"]: f for f in json.loads(result.output)["files"]}
    assert files["articles/copy.txt"]["status"] == "skipped"
    assert "articles/a.txt" in files["articles/copy.txt"]["messages"][0]


def test_explain_json_has_the_documented_fields(tmp_path):
    make_content(tmp_path, {"rally.txt": ARTICLE})
    summary = json.loads(run_cli("explain", tmp_path / "content" / "rally.txt", "--json").output)
    for key in ("title", "title_origin", "publisher", "republished_by", "author", "dateline", "date",
                "date_precision", "date_origin", "summary", "body", "captions", "removed", "topics",
                "people", "organizations", "places", "slug", "url"):
        assert key in summary, key
    assert summary["title"] == "Seoul rally urges China to halt deportations"
    assert summary["dateline"] == "SEOUL"
    assert all(set(b) == {"type", "text"} for b in summary["body"])


def test_explain_text_is_readable(tmp_path):
    make_content(tmp_path, {"rally.txt": ARTICLE})
    output = run_cli("explain", tmp_path / "content" / "rally.txt").output
    assert "title" in output and "Seoul rally urges China" in output


def test_explain_text_lists_the_removed_lines(tmp_path):
    make_content(tmp_path, {"rally.txt": "Skip to main content\nSign in\n\n" + ARTICLE + "\nShare this article\n"})
    output = run_cli("explain", tmp_path / "content" / "rally.txt").output
    assert "removed" in output and "Sign in" in output and "Traceback" not in output


def test_explain_applies_the_checks_of_a_build(tmp_path):
    make_content(tmp_path, {"draft.txt": "---\ndraft: true\n---\n" + ARTICLE,
                            "unknown.txt": "---\ntopics: [Knitting]\n---\n" + ARTICLE})
    draft = json.loads(run_cli("explain", tmp_path / "content" / "draft.txt", "--json").output)
    assert draft["title"] == "Seoul rally urges China to halt deportations"  # read out all the same
    assert any("draft" in m and "not published" in m for m in draft["messages"])
    refused = run_cli("explain", tmp_path / "content" / "unknown.txt", expect=1)
    assert "unknown topic 'Knitting'" in refused.output and "Traceback" not in refused.output


def test_missing_mkdocs_settings_is_a_clear_error(tmp_path, monkeypatch):
    make_content(tmp_path, {"articles/a.txt": ARTICLE})
    monkeypatch.chdir(tmp_path)
    result = run_cli("build", *folders(tmp_path), "--site", str(tmp_path / "s"),
                     expect=1)
    assert "mkdocs.yml: not found" in result.output
    assert "Traceback" not in result.output


def test_syndicated_copies_link_to_each_other(tmp_path):
    story = ARTICLE.split("\n", 2)[2] + (
        "\nThe activists said hundreds of defectors were being held in detention centres near the border "
        "and faced harsh punishment if they were returned to the North.\n")
    make_content(tmp_path, {
        "articles/wire.txt": "---\npublisher: Yonhap News Agency\n---\nRally urges China to halt deportations\n\n" + story,
        "articles/copy.txt": "---\npublisher: Korea Herald\n---\nActivists rally in Seoul against deportations\n\n"
                             + story + "\nFollow us for more news.\n",
    })
    report = json.loads(run_cli("check", "--content", tmp_path / "content", "--json").output)
    messages = {f["path"]: " ".join(f["messages"]) for f in report["files"]}
    assert "also in articles/wire.txt (Yonhap News Agency)" in messages["articles/copy.txt"]
    run_cli("generate", *folders(tmp_path))
    page = (tmp_path / "docs" / "articles" / "activists-rally-in-seoul-against-deportations.md").read_text()
    assert "Also published as: [Rally urges China to halt deportations](../articles/rally-urges-china-to-halt-deportations.md)" in page


def test_permalinks_file_can_live_outside_the_content_folder(tmp_path):
    content = make_content(tmp_path, {"articles/rally.txt": ARTICLE})
    run_cli("generate", *folders(tmp_path), "--permalinks", tmp_path / "addresses.yml")
    assert "seoul-rally-urges-china-to-halt-deportations" in (tmp_path / "addresses.yml").read_text(encoding="utf-8")
    assert not (content / "permalinks.yml").exists()  # a read-only corpus is left as it is


def test_many_warnings_are_summarised(tmp_path):
    make_content(tmp_path, {f"articles/a{n:02d}.txt": f"Story number {n} about a rally\n\n"
                            f"Activists gathered outside the embassy for the {n}th time on Friday, urging "
                            f"Beijing to stop sending defectors back, organisers said.\n" for n in range(30)})
    result = run_cli("generate", *folders(tmp_path))
    assert result.output.count(": warning: ") == 20
    assert "more warnings: run 'builder check' to see them all" in result.output


def test_dates_of_mixed_precision_build(tmp_path):
    make_content(tmp_path, {
        "articles/a.txt": "---\ndate: 2012\n---\n" + ARTICLE,
        "articles/b.txt": "---\ndate: 2012-02\n---\n" + ARTICLE.replace("Seoul rally", "Busan rally"),
        "articles/c.txt": "---\ndate: 2012-02-14\n---\n" + ARTICLE.replace("Seoul rally", "Incheon rally"),
    })
    run_cli("generate", *folders(tmp_path))
    assert "Incheon rally" in (tmp_path / "docs" / "feed.xml").read_text(encoding="utf-8")
