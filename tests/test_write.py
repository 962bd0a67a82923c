"""The writer: only changed files are rewritten, stale generated files go, hand-written ones stay."""
import os
import subprocess
import sys
import textwrap

import pytest

from builder.errors import WriteError
from builder.models import Page
from builder.write import MANIFEST, write_tree


def pages(**files):
    return [Page(path.replace("__", "/").replace("_md", ".md"), text.encode()) for path, text in files.items()]


@pytest.mark.parametrize("swap", [True, False])
def test_unchanged_files_are_not_rewritten(tmp_path, swap):
    out = tmp_path / "docs"
    write_tree(pages(a_md="A", b__c_md="C"), out, swap=swap)
    before = {p: os.stat(out / p).st_ino for p in ("a.md", "b/c.md")}
    mtimes = {p: os.stat(out / p).st_mtime_ns for p in ("a.md", "b/c.md")}
    stats = write_tree(pages(a_md="A", b__c_md="C2"), out, swap=swap)
    assert (stats.written, stats.unchanged, stats.removed) == (1, 1, 0)
    assert os.stat(out / "a.md").st_ino == before["a.md"]
    assert os.stat(out / "a.md").st_mtime_ns == mtimes["a.md"]
    assert (out / "b/c.md").read_text() == "C2"


@pytest.mark.parametrize("swap", [True, False])
def test_stale_generated_files_go_and_hand_written_files_stay(tmp_path, swap):
    out = tmp_path / "docs"
    write_tree(pages(a_md="A", old_md="O"), out, swap=swap)
    (out / "mine.md").write_text("written by a curator")
    stats = write_tree(pages(a_md="A"), out, swap=swap)
    assert stats.removed == 1
    assert not (out / "old.md").exists()
    assert (out / "mine.md").read_text() == "written by a curator"
    assert (out / MANIFEST).read_text() == "a.md\n"


@pytest.mark.parametrize("path", ["../outside.md", "/etc/passwd", "a/../../b.md", MANIFEST])
def test_refuses_paths_outside_the_folder(tmp_path, path):
    with pytest.raises(WriteError, match="outside the output folder"):
        write_tree([Page(path, b"x")], tmp_path / "docs")
    assert not (tmp_path / "outside.md").exists()


def test_refuses_two_pages_on_one_path(tmp_path):
    with pytest.raises(WriteError, match="two pages claim the same file 'a.md'"):
        write_tree([Page("a.md", b"1"), Page("a.md", b"2")], tmp_path / "docs")


def test_unwritable_output_fails_with_a_clear_message(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(WriteError, match="cannot write"):
        write_tree(pages(a_md="A"), tmp_path / "file" / "docs")


def test_interrupted_write_leaves_the_previous_tree(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    write_tree(pages(a_md="A", b_md="B"), out)
    calls = []

    def interrupted(target, data, made):
        calls.append(target)
        raise KeyboardInterrupt

    monkeypatch.setattr("builder.write._write_new", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_tree(pages(a_md="A2", b_md="B2"), out)
    monkeypatch.undo()
    assert calls
    assert (out / "a.md").read_text() == "A" and (out / "b.md").read_text() == "B"
    write_tree(pages(a_md="A3"), out)  # the next build recovers
    assert (out / "a.md").read_text() == "A3" and not (out / "b.md").exists()


def test_pages_can_stream_and_an_unchanged_tree_is_left_alone(tmp_path):
    out = tmp_path / "docs"
    write_tree((Page(f"p{n}.md", f"page {n}".encode()) for n in range(50)), out)  # a generator
    inode = os.stat(out).st_ino
    stats = write_tree((Page(f"p{n}.md", f"page {n}".encode()) for n in range(50)), out)
    assert (stats.written, stats.unchanged, stats.removed) == (0, 50, 0)
    assert os.stat(out).st_ino == inode  # not swapped: nothing changed
    assert not (tmp_path / ".docs.new").exists()


HELPER = textwrap.dedent("""
    import os, sys, threading
    from pathlib import Path
    from builder.beside import chained
    from builder.errors import WriteError
    from builder.models import Page
    from builder.write import write_tree, written_where_made

    out = Path(sys.argv[1])
    assert threading.active_count() == 1  # else no second process is started
    def first():
        return (Page(f"a/{n}.md", f"page {n}".encode()) for n in range(3))
    def second(extra=()):
        made = (Page(f"search/d/{n}.js", f"{n}".encode() * n) for n in range(2_500))
        return written_where_made([*made, *extra])
    stats = write_tree(chained(first, second, parallel=True), out)
    assert (stats.written, stats.unchanged) == (2_503, 0), stats
    assert (out / "search/d/7.js").read_bytes() == b"7" * 7 and (out / "a/2.md").read_bytes() == b"page 2"
    assert sorted((out / ".generated").read_text().split())[:2] == ["a/0.md", "a/1.md"]
    stats = write_tree(chained(first, second, parallel=True), out)  # the same again: nothing written
    assert (stats.written, stats.unchanged) == (0, 2_503), stats
    assert list(written_where_made(first())) == list(first())  # outside a write: the pages themselves
    try:  # a page of the helper that claims a path already written is refused; the tree stays
        write_tree(chained(first, lambda: second([Page("a/1.md", b"other")]), parallel=True), out)
        raise AssertionError("no error")
    except WriteError as exc:
        assert "a/1.md" in str(exc)
    assert (out / "a/1.md").read_bytes() == b"page 1" and not (out.parent / ".docs.new").exists()
    print("ok")
""")


def test_pages_written_by_a_forked_helper_count_as_written(tmp_path):
    """The search index's files are written by the process that makes them (builder.beside):
    the same tree and counts, and the same refusals, as when the writer writes them."""
    result = subprocess.run([sys.executable, "-c", HELPER, str(tmp_path / "docs")], capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr
