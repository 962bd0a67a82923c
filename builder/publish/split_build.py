"""MkDocs' build with its pages shared out between processes: the same site, byte for byte.

MkDocs renders one page after another on one core. This runs MkDocs' own steps
(mkdocs.commands.build) in MkDocs' order, with one change: once every page's front matter has
been read (the tags plugin collects every page's topics then), the build forks. Each process
turns its share of the pages from Markdown into HTML and writes them; the pages that other
pages show (the navigation's, the tags plugin's listings) are rendered in every process,
written by one. The
parent copies the static files, then checks every page's anchor links (the other processes
send theirs back), runs `post_build` once, and counts every process's warnings for strict mode.

Only with plugins known to keep nothing across pages but what the shared reading gives them
(SPLIT_SAFE): with any other plugin, or one process, MkDocs' own build runs.
A failed or interrupted process stops the build (run_mkdocs then removes the half-built
folder); a process whose parent dies is killed by the kernel (safety.detach_worker).
"""
from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from builder.publish.forked import fork, join

# Plugins whose per-page state comes only from reading pages (pre_page, page_markdown), done
# before the fork, or that act only once (config, post_build). Keyed by the plugin class's module.
SPLIT_SAFE = frozenset({
    "material.plugins.tags.plugin",     # topics read from front matter; listings filled in on_env
    "material.plugins.offline.plugin",  # on_config and on_post_build only
})
MIN_PAGES = 2  # fewer pages: nothing to share out

log = logging.getLogger("mkdocs.commands.build")


@dataclass
class Share:
    """What one process did: its anchor facts and its warnings, for the parent."""

    anchors: dict[str, tuple[set[str] | None, dict[str, dict[str, str]]]] = field(default_factory=dict)
    counts: dict[int, int] = field(default_factory=dict)


def split_safe(config) -> bool:
    return all(type(plugin).__module__ in SPLIT_SAFE for plugin in config.plugins.values())


def build(config, processes: int) -> None:
    """mkdocs.commands.build.build(config), its pages rendered by `processes` processes."""
    from mkdocs.commands.build import build as serial_build

    # a process with other threads never forks (one of them might hold a lock the child needs)
    if processes < 2 or not split_safe(config) or not hasattr(os, "fork") or threading.active_count() > 1:
        serial_build(config)
        return
    _split_build(config, processes)


def _split_build(config, processes: int) -> None:
    from mkdocs import utils
    from mkdocs.exceptions import Abort, BuildError

    counter = _counter()
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        env, files, nav, pages = _read_all(config)
        shared = _shared(config, nav)
        mine, children = fork(_shares(pages, nav, processes),
                               lambda own: _child_work(config, env, files, nav, shared, own))
        try:
            env = _render(config, env, files, shared, mine)
            _write_statics(config, env, files, nav)
            _write_pages(mine, config, files, nav, env)
        except BaseException:
            join(children, kill=True)
            raise
        for share in join(children):
            _apply(share, files)
            for level, count in share.counts.items():
                counter.counts[level] += count
        level = config.validation.links.anchors
        for page in pages:
            page.validate_anchor_links(files=files, log_level=level)
        config.plugins.on_post_build(config=config)
        if config.strict and (counts := counter.get_counts()):
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def _included():
    from mkdocs.structure.files import InclusionLevel

    return InclusionLevel.is_included


def _read_all(config):
    """MkDocs' steps up to reading every page: files, navigation, front matter (once, before the fork)."""
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    pages = []
    for file in files.documentation_pages(inclusion=_included()):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        _read_page(file.page, config, files)
        pages.append(file.page)
    return env, files, nav, pages


def _shared(config, nav) -> list:
    """The pages every process renders: the navigation's (every page's frame shows their titles)
    and the tags plugin's listing pages (every topic links to them; on_env fills them in)."""
    pages = [page for page in nav.pages if page.file.inclusion.is_included()]
    for plugin in config.plugins.values():
        pages += sorted((listing.page for listing in getattr(plugin, "listings", None) or ()),
                        key=lambda page: page.file.src_uri)
    return pages


def _shares(pages, nav, processes: int) -> list[list]:
    """Pages dealt out in turn (neighbouring pages are alike, so the shares weigh about the same);
    the navigation's pages go to the parent, which renders them anyway."""
    in_nav = {id(page) for page in nav.pages}
    rest = [page for page in pages if id(page) not in in_nav]
    shares = [rest[i::processes] for i in range(processes)]
    shares[0] = [page for page in pages if id(page) in in_nav] + shares[0]
    return [share for share in shares if share] if len(pages) >= MIN_PAGES else [pages]


def _counter():
    """A handler counting MkDocs' warnings and errors (strict mode fails on any)."""
    from mkdocs import utils

    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    return counter


def _child_work(config, env, files, nav, shared, own) -> Share:
    counter = _counter()
    env = _render(config, env, files, shared, own)
    _write_pages(own, config, files, nav, env)
    share = Share(counts=dict(counter.counts))
    for page in own:
        links = {target.src_uri: dict(found) for target, found in (page.links_to_anchors or {}).items()}
        share.anchors[page.file.src_uri] = (page.present_anchor_ids, links)
    return share


def _render(config, env, files, shared, own):
    """The Markdown of the shared pages and of this process's own, then the `env` event
    (after every page MkDocs renders, as in MkDocs' build)."""
    seen = set()
    for page in shared + own:
        if id(page) not in seen:
            seen.add(id(page))
            _render_page(page, config, files)
    return config.plugins.on_env(env, config=config, files=files)


def _write_statics(config, env, files, nav) -> None:
    from mkdocs.commands.build import _build_extra_template, _build_theme_template

    files.copy_static_files(dirty=False, inclusion=_included())
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)


def _apply(share: Share, files) -> None:
    """A child's anchor facts onto the parent's pages, for the anchor check."""
    by_uri = {file.src_uri: file for file in files}
    for uri, (present, links) in share.anchors.items():
        page = by_uri[uri].page
        page.present_anchor_ids = present
        page.links_to_anchors = {by_uri[target]: found for target, found in links.items()}


def _read_page(page, config, files) -> None:
    """The first half of MkDocs' _populate_page: the pre_page and page_markdown events."""
    with _reading(page, config):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)


def _render_page(page, config, files) -> None:
    """The second half of MkDocs' _populate_page: Markdown to HTML, the page_content event."""
    with _reading(page, config):
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)


@contextmanager
def _reading(page, config):
    """As MkDocs while it reads a page: the page is current, a failure is logged with its name."""
    from mkdocs.exceptions import BuildError

    config._current_page = page
    try:
        yield
    except Exception as error:
        message = f"Error reading page '{page.file.src_uri}':"
        log.error(message if isinstance(error, BuildError) else f"{message} {error}")
        raise
    finally:
        config._current_page = None


def _write_pages(pages, config, files, nav, env) -> None:
    """MkDocs' _build_page for each: the template around the HTML, written to the site."""
    from mkdocs.commands.build import _build_page

    doc_files = files.documentation_pages(inclusion=_included())
    for page in pages:
        _build_page(page, config, doc_files, nav, env, False, excluded=page.file.inclusion.is_excluded())
