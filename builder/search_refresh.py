"""The preview's background search build: one full MkDocs build in a separate process at low
priority, whose search index LiveSite.refresh_search serves once edits have stopped.

`python -m builder.search_refresh MKDOCS_YML DOCS SITE [THEME_JSON]`
"""
from __future__ import annotations

import json
import os
import sys

SEARCH_NICENESS = 10  # the background search build gives way to the page updates


def lower_priority() -> None:
    os.nice(SEARCH_NICENESS)


def full_build(config_file: str, docs: str, site: str, theme: str = "{}") -> None:
    """One full MkDocs build for the search refresh, with the same theme settings as the preview."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    theme_settings = json.loads(theme)
    config = load_config(config_file, docs_dir=docs, site_dir=site, **({"theme": theme_settings} if theme_settings else {}))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


if __name__ == "__main__":
    full_build(*sys.argv[1:5])
