"""A work folder: content/, docs/, site/ and a mkdocs.yml pointing at them."""
from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks import synthetic

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = 7
ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass
class Work:
    name: str
    root: Path
    inputs: int  # article files in content/
    jobs: str | None = None

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def builder(self, command: str) -> list[str]:
        # `python -m builder` is the `builder` command; site_config/ is a copy of the project's
        # (make_work), and PYTHONPATH may point at another checkout to compare.
        argv = [str(BIN / "python"), "-m", "builder", command, "--content", str(self.content), "--docs", str(self.docs)]
        if command == "build":
            argv += ["--site", str(self.site)]
        if self.jobs:
            argv += ["--jobs", self.jobs]
        return argv

    def mkdocs(self, site: Path) -> list[str]:
        return [str(BIN / "python"), "-m", "mkdocs", "build", "--quiet", "-f", str(self.root / "mkdocs.yml"),
                "-d", str(site)]

    def make_cold(self) -> None:
        """Forget every output and cache of earlier runs (content/ itself is kept)."""
        for path in (self.docs, self.site, self.root / ".docs.new", self.root / ".site.new", self.root / ".cache",
                     self.content / ".cache", self.content / "permalinks.yml", self.root / "site-plain"):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()


def make_work(name: str, root: Path, source: Path | None = None, count: int = 0) -> Work:
    """A work folder with a synthetic corpus of `count` articles, or a copy of `source`."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    if source is not None:
        shutil.copytree(source, root / "content")
    else:
        synthetic.write_corpus(root / "content", count, SEED)
    _write_mkdocs_yml(root)
    # the project's settings: the synthetic articles' topics are its topics (an unknown one is an error)
    shutil.copytree(PROJECT_ROOT / "site_config", root / "site_config")
    inputs = sum(1 for p in (root / "content").rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    return Work(name, root, inputs)


def _write_mkdocs_yml(root: Path) -> None:
    """The project's mkdocs.yml, with docs_dir, site_dir and the theme folder made absolute."""
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir:.*$", f"docs_dir: {root / 'docs'}", text)
    text = re.sub(r"(?m)^site_dir:.*$", f"site_dir: {root / 'site'}", text)
    text = re.sub(r"(?m)^(\s*custom_dir:\s*)(\S+)\s*$",
                  lambda m: m.group(1) + str((PROJECT_ROOT / m.group(2)).resolve()), text)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
