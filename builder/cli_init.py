"""`builder init DIR`: the command that starts a new archive (builder.new_archive does the work)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from builder.new_archive import DEFAULT_DESCRIPTION, create, default_name


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="The archive's name, shown on every page [asked for; default: "
                                           "made from FOLDER].")
@click.option("--description", default=None, help="One sentence on what the archive collects [asked for].")
@click.option("--verbose", is_flag=True, help="Show full error details (for reporting a bug).")
def init(folder: Path, name: str | None, description: str | None, verbose: bool) -> None:
    """Start a new archive of your own in FOLDER: settings, an example topic list, the
    website's settings, the GitHub Pages workflow, a README and one example article.

    Example: builder init flood-archive --name "Flood Coverage Archive"
    """
    from builder.cli import _run

    asking = sys.stdin.isatty()
    if name is None:
        name = click.prompt("The archive's name", default=default_name(folder)) if asking else default_name(folder)
    if description is None:
        description = click.prompt("What it collects (one sentence)", default=DEFAULT_DESCRIPTION) \
            if asking else DEFAULT_DESCRIPTION
    made = _run(lambda: create(folder, name, description), verbose)
    click.echo(f"Started the archive '{' '.join(name.split())}' in {folder}:")
    for rel in made.files:
        click.echo(f"  {rel}")
    if not made.builder.reachable:
        click.echo(f"Note: this builder was installed from a folder on this computer"
                   f"{' (' + made.builder.installed_from + ')' if made.builder.installed_from else ''}, which "
                   "GitHub cannot install from. Before publishing, write in requirements.txt where it can "
                   "(the file says how).")
    click.echo(f"Next: cd {folder}, put articles in content/articles/, run 'builder build' "
               "(README.md there says more).")
