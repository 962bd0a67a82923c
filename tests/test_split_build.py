"""MkDocs' pages rendered by several processes (builder.publish.split_build) give the same
site, byte for byte, as MkDocs' own one-process build; warnings of any process still fail a
strict build; a failing process leaves no site behind."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder import pipeline
from builder.config import BuildOptions, Paths
from builder.errors import BuilderError
from builder.site import run_mkdocs
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# A small MkDocs site with the archive's plugin (tags) and links between pages' anchors, so
# that a page and the page it links to fall to different processes.
MKDOCS_YML = """\
site_name: Split test
use_directory_urls: false
theme: {name: material}
plugins:
  - tags: {tags_name_property: topics}
nav: [index.md, about.md]
not_in_nav: /pages/
validation: {omitted_files: info, absolute_links: warn, unrecognized_links: warn, anchors: warn}
"""
PAGE = """---
topics: [{topic}]
---
# Page {n}

## Section {n} {{ #s{n} }}

See [the next page's section](p{next}.md#s{next}) and [the first page](../index.md).
"""
PAGES = 9


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def small_site(root: Path, broken: str = "", template: str = "", missing_file: bool = False) -> Paths:
    docs = root / "docs"
    (docs / "pages").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    listing = docs / "pages" / "p1b.md"  # the second page outside the navigation: the second process's
    listing.write_text("# Every *topic*\n\n<!-- material/tags -->\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n\nSee [page 1](pages/p1.md#s1).\n", encoding="utf-8")
    for n in range(1, PAGES + 1):
        text = PAGE.format(n=n, next=n % PAGES + 1, topic=f"topic {n % 3}")
        if n == PAGES - 1:
            text = text.replace(f"#s{n % PAGES + 1}", f"#s{n % PAGES + 1}{broken}")
        if missing_file and n == PAGES - 1:  # warned while the second process renders it
            text += "\nAnd [a page that is not there](nowhere.md).\n"
        if template and n == 4:  # a page of the second process
            text = text.replace("---\n", f"---\ntemplate: {template}\n", 1)
        (docs / "pages" / f"p{n}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return Paths(content=root / "content", config=ROOT / "site_config", docs=docs, site=root / "site",
                 mkdocs_file=root / "mkdocs.yml")


def test_the_seed_site_is_the_same_built_by_one_two_or_three_processes(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    paths = Paths(content=tmp_path / "content", config=ROOT / "site_config", docs=tmp_path / "docs",
                  site=tmp_path / "site", mkdocs_file=ROOT / "mkdocs.yml")
    pipeline.generate(BuildOptions(paths, run_mkdocs=False))
    sites = {}
    for jobs in (1, 2, 3):
        run_mkdocs(paths, tmp_path / f"site{jobs}", jobs=jobs)
        sites[jobs] = files_of(tmp_path / f"site{jobs}")
    assert len(sites[1]) > 50 and "articles" in "".join(sites[1])
    for jobs in (2, 3):
        assert sites[jobs].keys() == sites[1].keys()
        differ = [name for name in sites[1] if sites[1][name] != sites[jobs][name]]
        assert not differ, f"{jobs} processes: {differ[:5]}"


def test_topics_and_anchor_links_across_processes_build_the_same_pages(tmp_path):
    paths = small_site(tmp_path)
    run_mkdocs(paths, tmp_path / "one", jobs=1)
    run_mkdocs(paths, tmp_path / "two", jobs=2)
    one, two = files_of(tmp_path / "one"), files_of(tmp_path / "two")
    assert one == two
    assert "topic 1" in one["pages/p4.html"].decode()  # the tags plugin's topics are on the page
    assert all(f'href="p{n}.html"' in one["pages/p1b.html"].decode() for n in range(1, PAGES + 1))  # the listing


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_broken_anchor_on_any_process_page_fails_a_strict_build(tmp_path, caplog, jobs):
    paths = small_site(tmp_path, broken="-missing")
    with pytest.raises(BuilderError, match="1 warnings in strict mode"):
        run_mkdocs(paths, tmp_path / "site", strict=True, jobs=jobs)
    assert not (tmp_path / "site").exists()
    assert "does not contain an anchor '#s9-missing'" in caplog.text
    run_mkdocs(paths, tmp_path / "lenient", strict=False, jobs=jobs)  # not strict: built, the warning shown
    assert (tmp_path / "lenient" / "pages" / "p8.html").is_file()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_link_to_a_missing_page_warned_in_another_process_fails_a_strict_build(tmp_path, jobs):
    paths = small_site(tmp_path, missing_file=True)
    with pytest.raises(BuilderError, match="1 warnings in strict mode"):
        run_mkdocs(paths, tmp_path / "site", strict=True, jobs=jobs)
    assert not (tmp_path / "site").exists()


def test_a_page_failing_in_another_process_fails_the_build_and_leaves_no_site(tmp_path):
    paths = small_site(tmp_path, template="no-such-template.html")
    with pytest.raises(Exception, match="no-such-template"):
        run_mkdocs(paths, tmp_path / "site", jobs=2)
    assert not (tmp_path / "site").exists()


def test_ctrl_c_while_processes_render_pages_leaves_the_previous_site_and_no_process(tmp_path):
    """Ctrl-C reaches the whole process group (as from a terminal) while MkDocs writes pages."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    command = [sys.executable, "-m", "builder", "build", "--config", str(ROOT / "site_config"), "--content",
               str(tmp_path / "content"), "--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site"),
               "--jobs", "2"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    before = files_of(tmp_path / "site")
    staged = tmp_path / ".site.new"
    for _attempt in range(3):
        build = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if _stopped_while_writing(build, staged):
            break
        build.communicate(timeout=120)  # a busy machine let it finish first: again
    else:
        pytest.fail("the build always ended before it could be interrupted: the test tested nothing")
    os.killpg(build.pid, signal.SIGINT)  # pending until the processes go on
    os.killpg(build.pid, signal.SIGCONT)
    assert build.wait(timeout=60) != 0
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):
        os.killpg(build.pid, 0)  # no process of the build is left
    assert not staged.exists()
    assert files_of(tmp_path / "site") == before


def _stopped_while_writing(build, staged) -> bool:
    """The build's processes are halted (SIGSTOP) once MkDocs has cleaned its folder and
    copies or writes files: True if the new site was still being written then."""
    deadline = time.monotonic() + 120
    while not (staged / "assets").is_dir() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if build.poll() is not None:
        return False
    os.killpg(build.pid, signal.SIGSTOP)
    if staged.is_dir():
        return True
    os.killpg(build.pid, signal.SIGCONT)
    return False
