"""The preview's website, rebuilt page by page: MkDocs' own build, kept in memory.

A full MkDocs build of a 2,000-article archive takes tens of seconds; `builder serve` used
to run one after every edit. LiveSite runs MkDocs' build steps once (files, navigation,
theme, plugins, every page) and keeps what they made. After a change it re-reads and
re-renders only the Markdown files of docs/ whose modification time or size changed (the
builder rewrites only the pages whose text changed: the article and the pages that list
it). A file added to docs/ (a new person's page) joins MkDocs' files and is rendered alone, a
removed one leaves with its output; a page of mkdocs.yml's navigation coming or going, a
changed mkdocs.yml or theme, or any failure of the quick path falls back to a full build. Pages named by hint() (the preview's quick path wrote them)
are rebuilt without looking at every file first; the update that looks follows.

Search: the index of a page-by-page update would miss or repeat the changed pages, so the
served search index is replaced by the one a full build in the background writes, once
edits have stopped for a moment (`refresh_search`); until then search shows the text as it
was: it lags, it never stays wrong.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from builder.search_refresh import SearchBuilds

log = logging.getLogger("builder")
SEARCH_INDEX = Path("search") / "search_index.json"
CONFIG_STAMP = "\0mkdocs.yml"  # the settings' stamp among the docs/ files' stamps
WALK_SECONDS = 30.0  # told of every change, an update still looks at every file this often


@dataclass
class _Built:
    """What one full build made and the page-by-page updates reuse."""

    config: object
    files: object
    nav: object
    env: object
    stamps: dict[str, tuple[float, int]]  # docs/ file -> (mtime, size) when last built


class LiveSite:
    """build() once, then update() after each change: only the changed pages are rebuilt."""

    def __init__(self, config_file: Path, docs: Path, site: Path, serve_url: str, theme: dict | None = None) -> None:
        self.config_file, self.docs, self.site, self.serve_url = config_file, docs, site, serve_url
        self.theme = theme  # mkdocs.yml's theme with the builder's templates (engine.theme_settings)
        self._built: _Built | None = None
        self._search_lock = threading.Lock()
        self._search_builds = SearchBuilds()
        self.last_rebuilt: list[str] = []  # docs/ files the last update rebuilt (all: a full build)
        self.search_fresh = False  # the served search index has every page as it is now
        self.mkdocs_search = False  # mkdocs.yml lists MkDocs' (or Material's) search plugin
        self._hint_lock = threading.Lock()
        self._hints: set[str] = set()  # docs/ files known to have changed (hint())
        self.walk_owed = False  # the last update rebuilt the hinted pages only
        self.told = False  # every change to docs/ is hinted (the system tells of them): no look at every file
        self._walked = 0.0  # when an update last looked at every file
        self._updating = False  # update() is running
        self._update_lock = threading.Lock()

    # -- MkDocs' steps (mkdocs.commands.build.build, keeping what it makes) --------------------

    def _config(self, site: Path):
        from mkdocs.config import load_config

        config = load_config(str(self.config_file), docs_dir=str(self.docs), site_dir=str(site),
                             **({"theme": self.theme} if self.theme else {}))
        config.site_url = self.serve_url
        return config

    def build(self) -> None:
        """A full build into the served folder; the pages' state is kept for updates."""
        from mkdocs.commands import build as mk
        from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        config = self._config(self.site)
        if self._built is None:  # as `mkdocs serve`: plugins start once, then see every rebuild
            config.plugins.on_startup(command="serve", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        stamps = self._stamps()
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in pages:
            if file.page is None:
                Page(None, file, config)
            mk._populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=InclusionLevel.is_in_serve)
        for template in config.theme.static_templates:
            mk._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mk._build_extra_template(template, files, config, nav)
        for file in pages:
            mk._build_page(file.page, config, pages, nav, env)
        config.plugins.on_post_build(config=config)
        # MkDocs' own search plugin writes its index at the end of a build: an update page by page
        # leaves it behind, and a background full build catches it up. The archive's own search
        # (docs/search/) is written by `generate` and copied like any other file: never behind.
        self.mkdocs_search = any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins)
        self._built = _Built(config, files, nav, env, stamps)
        self.last_rebuilt = sorted(rel for rel in stamps if rel != CONFIG_STAMP)
        self.search_fresh = True

    def close(self) -> None:
        """The preview stops: a background search build ends, plugins get their shutdown
        event, as from `mkdocs serve`."""
        self._search_builds.stop()
        if self._built is not None:
            self._built.config.plugins.on_shutdown()

    def hint(self, changed: list[str]) -> None:
        """These docs/ files changed (relative to docs/): the next update rebuilds them first,
        without looking at every file (which takes a while at thousands of pages)."""
        with self._hint_lock:
            self._hints.update(changed)

    def idle(self) -> bool:
        """No page is being rebuilt and none is waiting to be (hint())."""
        with self._hint_lock:
            return not self._hints and not self._updating

    def update(self) -> list[str]:
        """Rebuild the pages whose docs/ file changed, came or went (see _files_came_and_went);
        the docs/ files rebuilt, relative to docs/. With hints, only the hinted pages, and
        walk_owed tells that an update looking at every file is still owed."""
        with self._update_lock:  # the server's thread and the quick path's (preview.py)
            self._updating = True
            try:
                return self._update()
            finally:
                self._updating = False

    def _update(self) -> list[str]:
        built = self._built
        with self._hint_lock:
            hints, self._hints = sorted(self._hints), set()
        if hints and built is not None and not self._settings_changed(built):
            try:
                present = [rel for rel in hints if os.path.isfile(self.docs / rel)
                           and not os.path.basename(rel).startswith(".")]
                self._files_came_and_went(built, [rel for rel in present if rel not in built.stamps],
                                          [rel for rel in hints if rel in built.stamps and rel not in present])
                self._rebuild_pages(built, present)
                built.stamps.update({rel: _stamp(self.docs / rel) for rel in present})
                self.last_rebuilt, self.walk_owed = hints, True
                self.search_fresh = self.search_fresh and not self.mkdocs_search
                return hints
            except Exception as exc:  # noqa: BLE001 - the update below looks at every file
                log.info("hinted update failed (%s: %s)", type(exc).__name__, exc)
        elif not hints and self.told and built is not None and time.monotonic() - self._walked < WALK_SECONDS \
                and not self._settings_changed(built):
            self.walk_owed = False
            return []  # nothing was hinted: nothing changed (a look at every file now and then all the same)
        self.walk_owed = False
        self._walked = time.monotonic()
        stamps = self._stamps()
        if built is None or self._settings_changed(built):
            self.build()
            return self.last_rebuilt
        changed = sorted(rel for rel, stamp in stamps.items() if built.stamps.get(rel) != stamp)
        removed = sorted(built.stamps.keys() - stamps.keys())
        try:
            self._files_came_and_went(built, [rel for rel in changed if rel not in built.stamps], removed)
            self._rebuild_pages(built, changed)
        except Exception as exc:  # noqa: BLE001 - the quick path is an optimisation; a full build is the truth
            log.warning("page-by-page update failed (%s: %s); rebuilding the whole preview", type(exc).__name__, exc)
            self.build()
            return self.last_rebuilt
        built.stamps = stamps
        self.last_rebuilt = sorted(changed + removed)
        self.search_fresh = self.search_fresh and not (self.last_rebuilt and self.mkdocs_search)
        return self.last_rebuilt

    def _files_came_and_went(self, built: _Built, added: list[str], removed: list[str]) -> None:
        """Files added to docs/ join MkDocs' files (a page is rendered by _rebuild_pages), removed
        ones leave it, with their output; a page of the navigation (mkdocs.yml's nav) coming or
        going raises: the navigation of every page changes, and the caller builds in full."""
        from mkdocs.structure.files import File, set_exclusions
        from mkdocs.structure.pages import Page

        if not (added or removed):
            return
        if set(added + removed) & (_nav_sources(built.config.nav) | {page.file.src_uri for page in built.nav.pages}):
            raise LookupError("a page of the navigation came or went")
        config = built.config
        gone = [file for file in map(built.files.get_file_from_path, removed) if file is not None]
        for file in gone:
            built.files.remove(file)
        for rel in removed:
            built.stamps.pop(rel, None)
        new = [File(rel, config.docs_dir, config.site_dir, config.use_directory_urls) for rel in added]
        set_exclusions(new, config)
        for file in new:
            built.files.append(file)
            if file.is_documentation_page():
                Page(None, file, config)
        # a renamed article's page (articles/old.md) gives its output to the page that forwards
        # (articles/old.html), which may have come in an earlier update: only an output no file
        # makes any more is deleted
        made = {file.dest_uri for file in built.files}
        for file in gone:
            if file.dest_uri not in made and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)

    def _rebuild_pages(self, built: _Built, changed: list[str]) -> None:
        from mkdocs.commands import build as mk
        from mkdocs.structure.files import InclusionLevel

        pages = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        files = [built.files.get_file_from_path(rel) for rel in changed]
        for file in files:  # not a page (an asset, the search index): copied as it is, before the pages
            if file is not None and file.page is None:
                file.copy_file()
        for file in files:
            if file is None or file.page is None:
                continue
            mk._populate_page(file.page, built.config, built.files)
            mk._build_page(file.page, built.config, pages, built.nav, built.env)

    def _settings_changed(self, built: _Built) -> bool:
        return os.stat(self.config_file).st_mtime > built.stamps.get(CONFIG_STAMP, (0.0, 0))[0]

    def _stamps(self) -> dict[str, tuple[float, int]]:
        stamps: dict[str, tuple[float, int]] = {CONFIG_STAMP: (os.stat(self.config_file).st_mtime, 0)}
        docs = str(self.docs)
        for parent, _dirs, names in os.walk(docs):
            for name in names:
                if name.startswith("."):  # the writers' temporary files (MkDocs leaves dotfiles out too)
                    continue
                path = os.path.join(parent, name)
                try:
                    stamps[os.path.relpath(path, docs).replace(os.sep, "/")] = _stamp(path)
                except OSError:
                    continue
        return stamps

    # -- search, caught up in the background -------------------------------------------------

    def refresh_search(self) -> bool:
        """A full build in a scratch folder, in a separate process at low priority (it must not
        hold this process's interpreter while the preview updates pages); its search index
        replaces the served one. False when a refresh is already running (ask again later) or
        the preview stopped."""
        if not self.mkdocs_search:  # the archive's own search came with the pages
            self.search_fresh = True
            return True
        if not self._search_lock.acquire(blocking=False):
            return False
        scratch = Path(tempfile.mkdtemp(prefix="preview-search-"))
        try:
            if not self._search_builds.run(str(self.config_file), str(self.docs), str(scratch), self.theme):
                return False
            target = self.site / SEARCH_INDEX
            staged = target.with_name(target.name + ".new")
            shutil.copyfile(scratch / SEARCH_INDEX, staged)
            os.replace(staged, target)
            self.search_fresh = True
            return True
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            self._search_lock.release()


def _nav_sources(nav) -> set[str]:
    """The files mkdocs.yml's nav names (found in docs/ or not)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        nav = list(nav.values())
    return set().union(*map(_nav_sources, nav)) if isinstance(nav, list) else set()


def _stamp(path) -> tuple[float, int]:
    stat = os.stat(path)
    return stat.st_mtime, stat.st_size
