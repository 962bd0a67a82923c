"""Everything in content/ is accounted for without hanging: pipes, devices, link loops and
linked folders are reported; the builder's own output folders are never read as articles."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, make_content
from tests.test_addresses import story


def check(content: Path) -> tuple[int, dict[str, dict], dict]:
    """`builder check --json` in its own process: a hang fails the test instead of blocking it."""
    done = subprocess.run([sys.executable, "-m", "builder", "check", "--content", str(content), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    data = json.loads(done.stdout)
    return done.returncode, {f["path"]: f for f in data["files"]}, data["summary"]


def test_pipes_devices_and_link_loops_are_reported_and_skipped(tmp_path):
    content = make_content(tmp_path, {"articles/real.txt": story("Rally in Seoul")})
    os.mkfifo(content / "articles" / "pipe.txt")
    try:
        os.mknod(content / "articles" / "device.txt", stat.S_IFCHR | 0o644, os.makedev(1, 3))
    except (PermissionError, OSError):
        os.mkfifo(content / "articles" / "device.txt")  # no device files here: a second pipe
    os.symlink("loop.txt", content / "articles" / "loop.txt")
    os.symlink("b.txt", content / "articles" / "a.txt")
    os.symlink("a.txt", content / "articles" / "b.txt")
    os.symlink("missing.txt", content / "articles" / "dangling.txt")
    (content / "deep").mkdir()
    os.symlink("..", content / "deep" / "up")  # a folder cycle
    code, files, summary = check(content)
    assert code == 1 and summary["articles"] == 1 and files["articles/real.txt"]["status"] == "ok"
    for name in ("pipe.txt", "device.txt"):
        assert "pipe, socket or device" in files[f"articles/{name}"]["messages"][0]
    for name in ("loop.txt", "a.txt", "b.txt"):
        assert files[f"articles/{name}"]["status"] == "error" and "loop" in files[f"articles/{name}"]["messages"][0]
    assert "does not exist" in files["articles/dangling.txt"]["messages"][0]
    assert "inside the content folder" in files["deep/up"]["messages"][0]


def test_linked_folders_are_reported_inside_and_outside(tmp_path):
    content = make_content(tmp_path, {"articles/real.txt": story("Rally in Seoul")})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text(story("Not for the archive"), encoding="utf-8")
    os.symlink(outside, content / "linked-out")
    os.symlink("articles", content / "linked-in")
    code, files, summary = check(content)
    assert code == 0 and summary["articles"] == 1
    assert "outside the content folder" in files["linked-out"]["messages"][0]
    assert "folder articles inside the content folder" in files["linked-in"]["messages"][0]
    assert not any("secret" in path for path in files)


def test_output_folders_inside_the_content_folder_are_never_read_back(tmp_path):
    content = make_content(tmp_path, {"a.txt": story("Rally in Seoul"), "b.txt": story("Families wait")})
    command = [sys.executable, "-m", "builder", "build", "--content", str(content),
               "--docs", str(content / "docs"), "--site", str(content / "site")]
    for _ in range(2):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and "Built 2 articles" in done.stdout, done.stdout + done.stderr
    (content / "docs").rename(content / "old-docs")  # a docs/ folder from an earlier set-up
    (content / "site").rename(content / "old-site")
    code, files, summary = check(content)
    assert code == 0 and summary["articles"] == 2, summary
    for folder in ("old-docs", "old-site"):
        assert "a folder the builder writes" in files[folder]["messages"][0]
