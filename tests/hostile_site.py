"""One archive built from hostile input: every header key crossed with every payload, hostile
settings (topics, entities, archive name and description, mkdocs.yml's site name, description
and navigation titles), and titles and publishers in Korean, Chinese, Japanese, Cyrillic and
Arabic. Tests read its HTML, feeds, downloads and search index, and drive Chromium through it.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

from builder import pipeline
from builder.config import BuildOptions, Paths
from builder.text_safety import without_unsafe
from tests.conftest import ROOT

PAYLOADS = {
    "script": "<script>alert('script')</script>",
    "img": "<img src=x onerror=alert('img')>",
    "quote": 'x" onmouseover="alert(\'quote\')" data-x="',
    "endscript": "</script><script>alert('endscript')</script>",
    "jsurl": "javascript:alert(document.domain)",
    "bidi": "Seoul \u202erally in\u202e the rain",
    "uffff": "Seoul \uffff rally",
    "long": ("long " * 2000).strip(),
}
KEYS = ("title", "publisher", "author", "url", "slug", "language", "date", "topics", "draft")
SHOWN_KEYS = ("title", "publisher", "author")  # published as the text typed (escaped)
# Every other key refuses every payload with a message naming the file, the line and the key.
HOSTILE_TOPIC = "Rally <img src=x onerror=alert('topic')> \"q\" \u202e"
HOSTILE_PERSON = "Kim <img src=x onerror=alert('person')> Hostile"
SETTINGS = {
    "archive_name": "Archive <script>alert('archive')</script> \u202e",
    "archive_description": "<img src=x onerror=alert('description')> \"quote\" </script>",
    "site_name": "Press <img src=x onerror=alert('site')> archive \"q\" \uffff",
    "site_description": "</script><script>alert('sitedesc')</script>",
    "nav_title": "Topics <img src=x onerror=alert('nav')>",
}
SCRIPTS = {  # (title, publisher): other scripts must get distinct, readable addresses
    "korean": ("북한 이탈주민 강제 북송 반대 집회", "연합뉴스"),
    "korean-2": ("탈북민 송환 중단 촉구", "조선일보"),
    "korean-3": ("중국 대사관 앞 시위", "한겨레"),
    "chinese": ("中国遣返脱北者引发抗议", "人民日报"),
    "japanese": ("脱北者の強制送還に抗議", "朝日新聞"),
    "cyrillic": ("Протест против депортации беженцев", "Коммерсантъ"),
    "arabic": ("احتجاج على ترحيل اللاجئين", "الجزيرة"),
}
CSV_FORMULAS = ("-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)")
SAFE_URLS = ("https://example.org/a?q=<script>alert('u')</script>", "https://example.org/\"onmouseover=alert(1)")


@dataclass(frozen=True)
class Case:
    name: str  # the file is articles/<name>.txt
    key: str
    value: str
    published: bool

    @property
    def rel(self) -> str:
        return f"articles/{self.name}.txt"

    @property
    def expected(self) -> str:
        """The value as it must appear on the page: typed text without bidi controls or U+FFFF."""
        return without_unsafe(self.value).strip()


CASES = [Case(f"{key}-{payload}", key, value, key in SHOWN_KEYS)
         for key in KEYS for payload, value in PAYLOADS.items()]
CSV_CASES = [Case(f"csv-{i}", "title", value, True) for i, value in enumerate(CSV_FORMULAS)]
URL_CASES = [Case(f"url-safe-{i}", "url", value, True) for i, value in enumerate(SAFE_URLS)]


def body(name: str) -> str:
    return (f"Activists gathered in Seoul for case {name} to urge Beijing not to send North Korean "
            f"defectors back, and Kim Hostile spoke to the crowd about case {name}.\n\n"
            f"The groups said hundreds of people were held near the border, case {name} says.\n")


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def article_file(case: Case) -> str:
    header = {"title": quoted(f"Case {case.name}"), "date": "2023-10-0" + str(1 + len(case.name) % 9),
              "publisher": quoted("Hostile Times")}
    header[case.key] = quoted(case.value) if case.key != "topics" else "[" + quoted(case.value) + "]"
    lines = "".join(f"{k}: {v}\n" for k, v in header.items())
    return f"---\n{lines}---\n{body(case.name)}"


def files() -> dict[str, str]:
    out = {c.rel: article_file(c) for c in CASES + CSV_CASES + URL_CASES}
    for name, (title, publisher) in SCRIPTS.items():
        out[f"articles/{name}.txt"] = (f"---\ntitle: {quoted(title)}\npublisher: {quoted(publisher)}\n"
                                       f"date: 2022-05-01\n---\n{body(name)}")
    out["articles/settings.txt"] = (f"---\ntitle: Settings case\ntopics: [{quoted(HOSTILE_TOPIC)}]\n"
                                    f"date: 2021-01-01\n---\n{body('settings')}")
    return out


def hostile_config(root: Path) -> tuple[Path, Path]:
    """site_config/ and mkdocs.yml copies with hostile strings in every setting readers see."""
    config = root / "site_config"
    shutil.copytree(ROOT / "site_config", config)
    builder = yaml.safe_load((config / "builder.yml").read_text(encoding="utf-8"))
    builder.update(archive_name=SETTINGS["archive_name"], archive_description=SETTINGS["archive_description"])
    (config / "builder.yml").write_text(yaml.safe_dump(builder, allow_unicode=True), encoding="utf-8")
    topics = yaml.safe_load((config / "topics.yml").read_text(encoding="utf-8"))
    topics["topics"].append({"name": HOSTILE_TOPIC, "description": SETTINGS["archive_description"],
                             "threshold": 100, "terms": {"zzzz never found": 1}})
    (config / "topics.yml").write_text(yaml.safe_dump(topics, allow_unicode=True), encoding="utf-8")
    entities = yaml.safe_load((config / "entities.yml").read_text(encoding="utf-8"))
    entities["people"].append({"name": HOSTILE_PERSON, "aliases": ["Kim Hostile"],
                               "description": SETTINGS["site_description"]})
    (config / "entities.yml").write_text(yaml.safe_dump(entities, allow_unicode=True), encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    mkdocs = text.replace('site_name: "Forced Repatriation of North Korean Refugees: Press Archive"',
                          "site_name: " + json.dumps(SETTINGS["site_name"]))
    mkdocs = mkdocs.replace("  Press coverage of China's arrest and forced repatriation of North Korean refugees.",
                            "  " + SETTINGS["site_description"])
    mkdocs = mkdocs.replace("  - Topics: topics/index.md", "  - " + json.dumps(SETTINGS["nav_title"]) + ": topics/index.md")
    mkdocs = mkdocs.replace("custom_dir: site_config/theme", f"custom_dir: {config / 'theme'}")
    assert mkdocs.count(SETTINGS["nav_title"][:6]) and "alert('site')" in mkdocs
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    return config, root / "mkdocs.yml"


def build_hostile(root: Path, site: Path, site_url: str = "", engine: str = "mkdocs"):
    """Write the content and settings, build into site with the engine; the build report."""
    for rel, text in files().items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config, mkdocs = hostile_config(root)
    paths = Paths(content=root / "content", config=config, docs=root / "docs", site=site, mkdocs_file=mkdocs)
    before = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url
    try:
        return pipeline.build(BuildOptions(paths, engine=engine))
    finally:
        if before is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = before


class Markup(HTMLParser):
    """What could run in a page: script elements, event-handler attributes, script addresses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: dict | None = None
        self.json_ld: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name.lower() in ("href", "src", "action", "formaction") and value and \
                    "".join(value.split()).lower().startswith(("javascript:", "data:text/html", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
        if tag in ("img", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}>")
        if tag == "script":
            self._script = dict(attrs) | {"text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self._script.get("type") == "application/ld+json":
                self.json_ld.append(self._script["text"])
            elif "alert(" in self._script["text"]:
                self.problems.append(f"<script>{self._script['text'][:40]}")
            self._script = None


def markup_problems(html: str) -> tuple[list[str], list[str]]:
    parser = Markup()
    parser.feed(html)
    parser.close()
    return parser.problems, parser.json_ld
