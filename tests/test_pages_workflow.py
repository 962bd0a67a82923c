"""The Pages workflow keeps what it learns: pushes with title edits, each built in a fresh
checkout by the workflow's own steps and deployed to a local web server, never lose an
address an earlier deploy published."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.browser_support import REPO, serve
from tests.conftest import ROOT
from tests.test_addresses import story
from tests.test_registry import git

pytestmark = pytest.mark.slow
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ARTICLE = "content/articles/rally.txt"
TITLES = ("Seoul rally against deportations", "Seoul rally against forced returns", "Activists rally in Seoul")


def steps() -> dict[str, dict]:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return {step.get("id") or step.get("name") or step.get("uses"): step for step in jobs["build"]["steps"]}


def expand(value: str, base: str, temp: Path) -> str:
    """A GitHub expression as a push would give it (no inputs, no repository variables)."""
    known = {"steps.pages.outputs.base_url": base.rstrip("/"), "runner.temp": str(temp)}

    def value_of(match: re.Match) -> str:
        expression = match.group(1)
        if expression in known:
            return known[expression]
        fallback = re.findall(r"'([^']*)'", expression)  # `a || b || 'default'`
        assert fallback, f"unknown expression {expression}"
        return fallback[-1]

    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", value_of, value)


def deploy_once(origin: Path, served, run: int) -> str:
    """One workflow run: checkout, fetch the published record, `make site`'s command, deploy."""
    checkout, temp = served.root / f"run{run}", served.root / f"temp{run}"
    temp.mkdir()
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
    workflow = steps()
    fetch = workflow["published"]
    env = {**os.environ, "RUNNER_TEMP": str(temp)}
    env.update({k: expand(v, served.base, temp) for k, v in fetch["env"].items()})
    fetched = subprocess.run(["bash", "-e", "-c", fetch["run"]], env=env, capture_output=True, text=True)
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    build = workflow["Build the website"]
    assert build["run"].strip() == "make site"  # the Makefile runs `builder build`
    env = {**os.environ, **{k: expand(v, served.base, temp) for k, v in build["env"].items()}}
    built = subprocess.run([sys.executable, "-m", "builder", "build"], cwd=checkout, env=env,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    shutil.rmtree(served.site, ignore_errors=True)
    shutil.copytree(checkout / "site", served.site)  # actions/deploy-pages
    return fetched.stdout


def push(work: Path, title: str, message: str) -> None:
    (work / ARTICLE).parent.mkdir(parents=True, exist_ok=True)
    (work / ARTICLE).write_text(story(title), encoding="utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", message)
    git(work, "push", "-q", "origin", "main")


def test_three_deploys_with_two_title_edits_keep_every_published_address(tmp_path):
    served = serve(tmp_path)
    try:
        origin, work = tmp_path / "origin.git", tmp_path / "curator"
        git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
        git(tmp_path, "clone", "-q", str(origin), str(work))
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        shutil.copytree(ROOT / "site_config", work / "site_config")
        slugs = ["seoul-rally-against-deportations", "seoul-rally-against-forced-returns", "activists-rally-in-seoul"]
        outputs = []
        for run, title in enumerate(TITLES):
            push(work, title, f"title {run}")
            outputs.append(deploy_once(origin, served, run))
        assert "first deploy" in outputs[0] and "merged" in outputs[2]
        assert not (work / "content" / "permalinks.yml").exists()  # nothing was committed back
        articles = served.site / "articles"
        assert "Paragraph 3 of the report" in (articles / f"{slugs[2]}.html").read_text(encoding="utf-8")
        for old in slugs[:2]:  # both earlier addresses forward, #pN kept
            page = (articles / f"{old}.html").read_text(encoding="utf-8")
            assert f'location.replace("{slugs[2]}.html" + location.hash)' in page
        assert (served.site / "permalinks.yml").is_file() and REPO in served.base
    finally:
        served.stop()
