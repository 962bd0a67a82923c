"""`builder add URL...`: the command that saves web pages into content/ (builder.fetch does the work)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from builder import fetch, pipeline
from builder.config import default_config_dir
from builder.explain import as_text as api_summary_text
from builder.extract import load_rules


@click.command()
@click.argument("urls", nargs=-1, metavar="URL...")
@click.option("--from", "url_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="FILE",
              help="A file of web addresses, one a line (lines starting with # are passed over).")
@click.option("--content", default="content", show_default=True, metavar="DIR", help="The folder of article files.")
@click.option("--config", default=None, metavar="DIR", help="The builder's settings [default: site_config].")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=fetch.TIMEOUT_SECONDS, show_default=True,
              metavar="SECONDS", help="Give up on a page the site has not sent within this time.")
def add(urls, url_file, content, config, timeout) -> None:
    """Save web pages by their address into CONTENT/articles/ and show what is read out.

    Each page is saved as NAME.html with NAME.yml beside it (its address, for your
    corrections); an existing file is never replaced. Exit code 1 when any page failed.

    Example: builder add https://example.org/news/rally-in-seoul
    """
    config_dir = Path(config) if config else default_config_dir()
    wanted = list(urls) + (fetch.read_url_list(url_file) if url_file else [])
    if not wanted:
        raise click.UsageError("give one or more web addresses, or --from FILE")
    failed = 0
    for result in fetch.add(wanted, Path(content), load_rules(config_dir), timeout):
        failed += _show_added(result, config_dir)
    click.echo(f"{len(wanted) - failed} of {len(wanted)} added" + (f", {failed} failed" if failed else "") + ".")
    if failed:
        sys.exit(1)


def _show_added(result, config_dir: Path) -> int:
    """Print one address's outcome; 1 when it failed."""
    if result.redirects:
        click.echo(f"{result.url}: redirected: {' -> '.join(result.redirects[1:] + [result.final_url])}")
    if result.error:
        click.echo(f"{result.url}: failed: {result.error}", err=True)
        return 1
    if result.note:
        click.echo(f"{result.url}: {result.note}")
        return 0
    click.echo(f"{result.url}: saved as {result.path}")
    click.echo(api_summary_text(pipeline.explain_summary(result.path, config_dir)))
    return 0
