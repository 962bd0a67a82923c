"""The offline bundle: the site with Material's offline plugin, the shim vendored, zipped."""
from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from builder.publish.bundle import SHIM, offline_overrides, write_zip
from builder.settings import THEME_DIR
from tests.conftest import ROOT, folders, run_cli

pytestmark = pytest.mark.slow
ZIP_NAME = "forced-repatriation-of-north-korean-refugees-press-archive-offline.zip"
FOLDER = ZIP_NAME.removesuffix(".zip")


@pytest.fixture(scope="module")
def bundle_zip(tmp_path_factory):
    root = tmp_path_factory.mktemp("bundle")
    shutil.copytree(ROOT / "content", root / "content")
    result = run_cli("bundle", *folders(root), "--dist", root / "dist")
    assert f"Wrote {root / 'dist' / ZIP_NAME}" in result.output
    return root / "dist" / ZIP_NAME


def test_overrides_add_the_offline_plugin_and_the_local_shim():
    raw = {"plugins": ["search", {"tags": {}}], "extra": {"polyfills": ["x.js"], "other": 1}}
    overrides = offline_overrides(raw)
    assert overrides["plugins"] == ["search", {"tags": {}}, "offline"]
    assert overrides["extra"] == {"polyfills": ["x.js", SHIM], "other": 1}
    assert raw["extra"]["polyfills"] == ["x.js"]  # the published site's settings are untouched
    again = offline_overrides({"plugins": ["search", "offline"], "extra": {"polyfills": [SHIM]}})
    assert again["plugins"] == ["search", "offline"] and again["extra"]["polyfills"] == [SHIM]


def test_the_shim_is_vendored_with_its_licence():
    text = (THEME_DIR / SHIM).read_text(encoding="utf-8")
    assert "Copyright (c) 2020-2022 Martin Donath" in text and "Permission is hereby granted" in text
    assert "window.IFrameWorker" in text


def test_zip_holds_one_folder_with_an_offline_site(bundle_zip):
    with zipfile.ZipFile(bundle_zip) as archive:
        names = archive.namelist()
        assert {n.split("/")[0] for n in names} == {FOLDER}
        for needed in ("index.html", "404.html", "search.html", "search/index.js", SHIM, "feed.xml"):
            assert f"{FOLDER}/{needed}" in names, needed
        index = archive.read(f"{FOLDER}/index.html").decode("utf-8")
        assert f'<script src="{SHIM}"></script>' in index
        for name in names:
            if name.endswith(".html"):
                page = archive.read(name).decode("utf-8")
                assert "unpkg.com" not in page, name
                assert not re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', page), name


def test_zip_is_reproducible(tmp_path):
    site = tmp_path / "x-offline"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    (site / "a" / "b.txt").write_text("b", encoding="utf-8")
    (site / "a" / "bundle.min.js.map").write_text("{}", encoding="utf-8")  # left out
    first = write_zip(site, tmp_path / "one.zip")
    second = write_zip(site, tmp_path / "two.zip")
    assert first.files == 2 and first.path.read_bytes() == second.path.read_bytes()
    assert zipfile.ZipFile(first.path).namelist() == ["x-offline/a/b.txt", "x-offline/index.html"]
    assert not list(tmp_path.glob(".*.tmp"))
