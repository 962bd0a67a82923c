"""The `builder` command: a thin layer over builder.pipeline; no logic lives here."""
from __future__ import annotations

import importlib
import json
import logging
import os
import sys
from pathlib import Path

import click

from builder import __version__, collector, pipeline
from builder.config import BuildOptions, Paths, default_config_dir
from builder.engine import ENGINE_VARIABLE, ENGINES, check_installed, chosen_engine, refuse
from builder.errors import BuilderError
from builder.explain import as_text as api_summary_text
from builder.progress import Progress
from builder.text_safety import PATH_LIMIT, shown


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


CONTEXT = {"help_option_names": ["-h", "--help"]}


def _paths(content, config, docs, site=None, permalinks=None, published=None) -> Paths:
    return Paths(
        content=Path(content), config=Path(config) if config else default_config_dir(),
        docs=Path(docs), site=Path(site or "site"), registry=Path(permalinks) if permalinks else None,
        published_registry=Path(published) if published else None,
    )


def published_option(function):
    return click.option("--published-permalinks", "published", default=None, metavar="FILE",
                        envvar="PUBLISHED_PERMALINKS",
                        help="The permalinks.yml the website published last (the Pages workflow fetches it): "
                             "its addresses are kept [env: PUBLISHED_PERMALINKS].")(function)


def folder_options(function):
    """--content, --config, --docs, --permalinks: where the archive's files are."""
    function = click.option("--permalinks", default=None, metavar="FILE",
                            help="The record of every page address [default: CONTENT/permalinks.yml].")(function)
    function = click.option("--docs", default="docs", show_default=True, metavar="DIR",
                            help="Where the generated Markdown pages go.")(function)
    function = click.option("--config", default=None, metavar="DIR",
                            help="The builder's settings and vocabularies [default: site_config].")(function)
    return click.option("--content", default="content", show_default=True, metavar="DIR",
                        help="The folder of article files (.txt, .md, saved .html pages).")(function)


def common_options(function):
    function = click.option("--verbose", is_flag=True, help="Show full error details (for reporting a bug).")(function)
    return click.option("--strict", is_flag=True, help="Treat warnings as errors (exit code 1).")(function)


def engine_option(function):
    return click.option("--engine", type=click.Choice(ENGINES, case_sensitive=False), default=None,
                        help=f"What publishes the website: mkdocs (MkDocs with Material) or zensical "
                             f"[default: ${ENGINE_VARIABLE}, else mkdocs].")(function)


def jobs_option(function):
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Work in N processes: reading articles out, and MkDocs' pages "
                             "[default: all cores].")(function)


class _Commands(click.Group):
    """The group; `add` (with the fetching and reading-out modules it needs) is imported when asked for."""

    LATER = {"add": "builder.cli_add"}

    def list_commands(self, ctx) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LATER})

    def get_command(self, ctx, name: str):
        if name in self.LATER and name not in self.commands:
            self.add_command(getattr(importlib.import_module(self.LATER[name]), name))
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="builder")
def main() -> None:
    """Turn a folder of news articles into a searchable archive website."""
    collector.set_aside_at_exit()


@main.command()
@folder_options
@click.option("--site", default="site", show_default=True, metavar="DIR", help="Where the website goes.")
@common_options
@jobs_option
@engine_option
@published_option
def build(content, config, docs, permalinks, site, strict, verbose, jobs, engine, published) -> None:
    """Generate the pages, then publish the website into --site.

    Example: builder build (or builder build --engine zensical)
    """
    engine = _run(lambda: chosen_engine(engine), verbose)
    options = BuildOptions(_paths(content, config, docs, site, permalinks, published), strict=strict,
                           jobs=jobs or default_jobs(), progress=Progress(), engine=engine)
    _finish(_run(lambda: pipeline.build(options), verbose), strict)


@main.command()
@folder_options
@common_options
@jobs_option
@published_option
def generate(content, config, docs, permalinks, strict, verbose, jobs, published) -> None:
    """Write the Markdown pages into --docs only (no website).

    Example: builder generate --docs /tmp/docs
    """
    options = BuildOptions(_paths(content, config, docs, permalinks=permalinks, published=published),
                           strict=strict, run_mkdocs=False,
                           jobs=jobs or default_jobs(), progress=Progress())
    _finish(_run(lambda: pipeline.generate(options), verbose), strict)


@main.command()
@folder_options
@click.option("--dist", default="dist", show_default=True, metavar="DIR", help="Where the zip goes.")
@common_options
@engine_option
def bundle(content, config, docs, permalinks, dist, strict, verbose, engine) -> None:
    """Generate the pages, then zip the offline website: DIST/<site-name>-offline.zip.

    Unzipped anywhere, its index.html opens in a browser with no network; search works.
    """
    from builder.publish.bundle import bundle as offline_bundle

    engine = _run(lambda: chosen_engine(engine), verbose)
    _run(lambda: check_installed(engine), verbose)
    options = BuildOptions(_paths(content, config, docs, permalinks=permalinks), strict=strict, run_mkdocs=False)
    report = _run(lambda: pipeline.generate(options), verbose)
    made = _run(lambda: offline_bundle(options.paths, Path(dist), strict=strict, engine=engine,
                                       jobs=default_jobs()), verbose)
    click.echo(f"Wrote {made.path} ({made.files} files, {made.size / 1_000_000:.1f} MB).")
    _finish(report, strict)


@main.command()
@click.option("--content", default="content", show_default=True, metavar="DIR", help="The folder of article files.")
@click.option("--config", default=None, metavar="DIR", help="The builder's settings [default: site_config].")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@common_options
def check(content, config, as_json, strict, verbose) -> None:
    """Check every article file and the settings; change nothing.

    Prints ok / warning / skipped / error for each file, with reasons.
    Exit code 1 when there are errors (or warnings, with --strict).
    """
    report = _run(lambda: pipeline.check(_paths(content, config, "docs")), verbose)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for entry in sorted(report.files, key=lambda f: f.path):
            click.echo(f"{entry.status:8} {shown(entry.path, PATH_LIMIT)}")
            for message in entry.as_dict()["messages"]:
                click.echo(f"         {message}")
        for note in report.notices + report.notes:
            click.echo(f"note: {note}")
        click.echo(", ".join(f"{n} {s}" for s, n in report.summary().items()))
    _exit_for(report, strict)


@main.command()
@click.option("--content", default="content", show_default=True, metavar="DIR", help="The folder of article files.")
@click.option("--config", default=None, metavar="DIR", help="The builder's settings [default: site_config].")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="Only names found in at least N articles.")
@click.option("--limit", default=40, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="At most N names of each kind.")
@click.option("--json", "as_json", is_flag=True, help="Print the names as JSON.")
@click.option("--verbose", is_flag=True, help="Show full error details.")
def suggest(content, config, min_articles, limit, as_json, verbose) -> None:
    """List the people, organisations and places found in the text that
    site_config/entities.yml does not list, with an example sentence each,
    and print YAML to paste into it. Changes nothing.

    Example: builder suggest --min-articles 2
    """
    from builder.knowledge import suggest as suggesting

    archive = _run(lambda: pipeline.gather(_paths(content, config, "docs")), verbose)
    if archive is None:
        raise SystemExit(1)
    archive.cache.save()
    items = suggesting.suggestions(archive.articles, min_articles)
    if as_json:
        click.echo(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=2))
    else:
        click.echo(suggesting.as_text(items, limit))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--config", default=None, metavar="DIR", help="The builder's settings [default: site_config].")
@click.option("--json", "as_json", is_flag=True, help="Print everything as one JSON object.")
@click.option("--verbose", is_flag=True, help="Show full error details.")
def explain(file, config, as_json, verbose) -> None:
    """Show what the builder reads out of one article FILE (anywhere on disk).

    Example: builder explain content/articles/rally.txt --json
    """
    config_dir = Path(config) if config else default_config_dir()
    summary = _run(lambda: pipeline.explain_summary(file, config_dir), verbose)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json else api_summary_text(summary))


@main.command()
@folder_options
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1.")
@engine_option
def serve(content, config, docs, permalinks, port, engine) -> None:
    """Preview the site at http://127.0.0.1:PORT/ while you edit; pages reload on change.

    Editing anything under --content or --config regenerates the pages.
    """
    from builder.preview import serve as run_preview

    _run(lambda: refuse(chosen_engine(engine), "serve"), verbose=False)
    _run(lambda: run_preview(_paths(content, config, docs, permalinks=permalinks), port), verbose=False)


def _run(action, verbose: bool):
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")
    try:
        return action()
    except BuilderError as exc:
        if verbose:
            raise
        click.echo(f"Error: {exc}", err=True)
    except KeyboardInterrupt:
        click.echo("Stopped. The previous docs/ and site/ are unchanged.", err=True)
    except Exception as exc:  # noqa: BLE001 - the curator sees a sentence, not a traceback
        if verbose:
            raise
        click.echo("Error: unexpected failure: the builder stopped on a problem it cannot explain yet. "
                   "Run again with --verbose for details to report.", err=True)
    sys.exit(1)


MAX_WARNINGS_SHOWN = 20  # a large archive's warnings are summarised; `builder check` lists them all


def _finish(report, strict: bool) -> None:
    """Every error and the first warnings, each naming its file, then the one-line summary."""
    warnings = 0
    for entry in sorted(report.files, key=lambda f: f.path):
        for message in entry.messages:
            if message.level == "info" and entry.status != "skipped":
                continue
            if message.level != "error":
                warnings += 1
                if warnings > MAX_WARNINGS_SHOWN:
                    continue
            where = f", line {message.line}" if message.line else ""
            click.echo(f"{shown(entry.path, PATH_LIMIT)}{where}: {message.level}: {message.text}", err=True)
    for notice in report.notices:
        click.echo(f"note: {notice}", err=True)
    if warnings > MAX_WARNINGS_SHOWN:
        click.echo(f"... and {warnings - MAX_WARNINGS_SHOWN} more warnings: run 'builder check' to see them all.",
                   err=True)
    click.echo(report.summary_line())
    _exit_for(report, strict)


def _exit_for(report, strict: bool) -> None:
    if report.has_errors or (strict and report.has_warnings):
        sys.exit(1)


from builder.cli_init import init  # noqa: E402 - their own modules; registered here

main.add_command(init)
