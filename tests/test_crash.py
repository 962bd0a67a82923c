"""Builds are serialised and crash-safe: a second build says so, a kill -9 at any moment leaves a
whole site (the previous one or the new one), the next build recovers by itself, and a damaged
cache is discarded with a note. Real builds, in separate processes where it matters."""
from __future__ import annotations

import fcntl
import json
import os
import pickle
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.registry import load_registry
from builder.safety import recover, stage
from tests.conftest import ROOT, folders, make_content, run_cli
from tests.test_addresses import story

SITE_URL = "http://example.org/archive/"
WORDS = ("north korean defectors china border seoul rally activists detention families ministry report "
         "police court city province village week month officials").split()


def synthetic(root: Path, count: int, seed: int = 12) -> Path:
    """count short articles of four paragraphs each, dated and with a publisher."""
    rng = random.Random(seed)
    files = {}
    for i in range(count):
        paragraphs = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(20)).capitalize() + "."
                                 for _ in range(4))
        files[f"articles/a{i:04d}.txt"] = (f"---\ntitle: \"Report {i} on {rng.choice(WORDS)}\"\ndate: 2023-10-"
                                           f"{1 + i % 28:02d}\npublisher: Example News\n---\n{paragraphs}\n")
    return make_content(root, files)


def command(root: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "builder", "build", "--config", str(ROOT / "site_config"), *map(str, folders(root)),
            "--site", str(root / "site"), *extra]


# MkDocs' own theme with a one-page navigation: a real MkDocs build, in half Material's time
LIGHT_MKDOCS = """\
site_name: Crash test
site_url: http://example.org/archive/
use_directory_urls: false
theme: {name: mkdocs}
plugins: [search]
nav: [index.md]
not_in_nav: "/*"
validation: {omitted_files: info, absolute_links: info, unrecognized_links: info, anchors: info}
"""


def start(root: Path, *extra: str) -> subprocess.Popen:
    """`builder build` run as a curator runs it, from the archive's folder (its mkdocs.yml)."""
    (root / "mkdocs.yml").write_text(LIGHT_MKDOCS, encoding="utf-8")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(command(root, *extra), cwd=root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def whole_site(site: Path, articles: int) -> None:
    """Every page the sitemap lists is there, the search index is whole, all articles are in."""
    assert site.is_dir(), "no site/ at all"
    locs = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    pages = [loc.removeprefix(SITE_URL) for loc in locs]
    assert sum(p.startswith("articles/") for p in pages) >= articles
    missing = [p for p in pages if not (site / (p or "index.html")).is_file()]
    assert not missing, missing[:5]
    json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert (site / "404.html").is_file() and (site / "feed.xml").is_file() and (site / "index.html").is_file()


def toggle_title(content: Path) -> None:
    first = content / "articles" / "a0000.txt"
    text = first.read_text(encoding="utf-8")
    flipped = text.replace("Report 0 on", "Retitled report 0 on") if "Retitled" not in text else \
        text.replace("Retitled report 0 on", "Report 0 on")
    first.write_text(flipped, encoding="utf-8")


@pytest.mark.slow
def test_kill_9_at_ten_random_moments_of_a_500_article_build_never_loses_the_site(tmp_path):
    content = synthetic(tmp_path, 500)
    began = time.monotonic()
    first = start(tmp_path, "--jobs", "2")
    assert first.wait(timeout=600) == 0, first.stdout.read()
    span = time.monotonic() - began
    whole_site(tmp_path / "site", 500)
    rng = random.Random(int(os.environ.get("KILL_SEED", "2026")))
    interrupted = 0
    for moment in sorted(rng.uniform(0.0, 0.7 * span) for _ in range(10)):
        toggle_title(content)
        build = start(tmp_path)
        time.sleep(moment)
        build.send_signal(signal.SIGKILL)
        interrupted += build.wait(timeout=60) == -signal.SIGKILL
        whole_site(tmp_path / "site", 500)  # the previous site, or the new one: never a part
        load_registry(content / "permalinks.yml")  # never damaged
    assert interrupted >= 3, "the builds ended before the kills: the test tested nothing"
    final = start(tmp_path)
    output = final.communicate(timeout=600)[0]
    assert final.returncode == 0, output
    whole_site(tmp_path / "site", 500)
    assert "Retitled report 0" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8") or \
        "Retitled" not in (content / "articles" / "a0000.txt").read_text(encoding="utf-8")
    leftovers = [p.name for p in tmp_path.iterdir() if re.fullmatch(r"\.(docs|site)\.(new|ready|old)", p.name)]
    assert leftovers == []


@pytest.mark.slow
def test_two_builds_at_once_ten_times_leave_a_whole_site(tmp_path):
    content = synthetic(tmp_path, 6)
    for round_ in range(10):
        toggle_title(content)
        builds = [start(tmp_path), start(tmp_path)]
        outputs = [b.communicate(timeout=300)[0] for b in builds]
        codes = [b.returncode for b in builds]
        assert 0 in codes, outputs
        for code, output in zip(codes, outputs):
            assert code == 0 or "another build is running in this folder (" in output, output
        whole_site(tmp_path / "site", 6)
        load_registry(content / "permalinks.yml")


def test_a_held_lock_stops_a_second_build_and_a_stale_one_does_not(tmp_path):
    make_content(tmp_path, {"a.txt": story("Rally in Seoul")})
    lock = tmp_path / ".build.lock"
    lock.write_text("process 999999, started at 01:02:03\n")  # left by a build that was killed
    run_cli("generate", *folders(tmp_path))
    with open(lock, "r+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run_cli("generate", *folders(tmp_path), expect=1)
    assert "another build is running in this folder" in result.output and "wait for it" in result.output
    run_cli("generate", *folders(tmp_path))


@pytest.mark.parametrize("left", [("old",), ("ready",), ("old", "ready"), ("new",)])
def test_a_build_killed_between_two_renames_is_completed_by_the_next(tmp_path, left):
    site = tmp_path / "site"
    for which in left:
        stage(site, which).mkdir()
        (stage(site, which) / "index.html").write_text(which)
    recover(site)
    expected = "ready" if "ready" in left else "old" if "old" in left else None
    assert (site / "index.html").read_text() == expected if expected else not site.exists()
    assert [p.name for p in tmp_path.iterdir()] == (["site"] if expected else [])


DAMAGE = {
    "cut short": lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
    "garbage": lambda path: path.write_bytes(os.urandom(4096)),
    "empty": lambda path: path.write_bytes(b""),
    "other data": lambda path: path.write_bytes(pickle.dumps({"something": "else"})),
    "a folder": lambda path: (path.unlink(), path.mkdir(), (path / "x").write_text("x")),
    "a file for the folder": lambda path: ([f.unlink() for f in path.parent.iterdir()], path.parent.rmdir(),
                                           path.parent.write_text("x")),
}


@pytest.mark.parametrize("how", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_cache_is_discarded_with_a_note_and_made_again(tmp_path, how):
    make_content(tmp_path, {"a.txt": story("Rally in Seoul"), "b.txt": story("Families wait")})
    run_cli("generate", *folders(tmp_path))
    cache = tmp_path / ".cache" / "articles.pickle"
    DAMAGE[how](cache)
    (tmp_path / "content" / "a.txt").write_text(story("Rally in Seoul, updated"), encoding="utf-8")
    result = run_cli("generate", *folders(tmp_path))
    assert "the cache" in result.output and "discarded" in result.output
    assert "Rally in Seoul, updated" in (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert "discarded" not in run_cli("generate", *folders(tmp_path)).output  # healed
